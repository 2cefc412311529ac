"""Normalisation: folding, contractions, typos, stretched words, look-alikes, compounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.safety.lexicon import CONTRACTIONS
from bot.domain.safety.normalize import fold
from bot.domain.safety.protected import MISSPELLINGS_KEPT
from bot.domain.safety.scanner import NORMALISER, vocabulary

_WORD_LISTS = [
    Path("/usr/share/dict/american-english"),
    Path("/usr/share/dict/british-english"),
]


def _tokens(text: str) -> list[str]:
    """The tokens the patterns see."""
    return NORMALISER.normalise(text).text.split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I can't", "i can not"),
        ("I CANNOT", "i cannot"),
        ("don’t", "do not"),
        ("won't", "will not"),
        ("it's", "it is"),
        ("What’s the point", "what is the point"),
        ("my husband's car", "my husband car"),
        ("I'm", "i am"),
        ("you're", "you are"),
        ("I'd", "i would"),
        ("I‘ve", "i have"),
        ("Café Naïve", "cafe naive"),
        ("ﬁne", "fine"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    """Case, accents, curly quotes and apostrophe contractions are folded."""
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cant breathe", ["can", "not", "breathe"]),
        ("cannot breathe", ["can", "not", "breathe"]),
        ("can not breathe", ["can", "not", "breathe"]),
        ("im tired", ["i", "am", "tired"]),
        ("i am tired", ["i", "am", "tired"]),
        ("dont wanna", ["do", "not", "want", "to"]),
        ("anymore", ["any", "more"]),
    ],
)
def test_contractions_without_apostrophes(text: str, expected: list[str]) -> None:
    """Contractions typed without apostrophes read the same as with them."""
    assert _tokens(text) == expected


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("chset", "chest"),
        ("suicde", "suicide"),
        ("sucide", "suicide"),
        ("suiside", "suicide"),
        ("numbess", "numbness"),
        ("feaver", "fever"),
        ("slured", "slurred"),
        ("speach", "speech"),
        ("heatache", "headache"),
        ("hedache", "headache"),
        ("myslef", "myself"),
        ("breth", "breath"),
        ("tightnes", "tightness"),
        ("painn", "pain"),
        ("numbbness", "numbness"),
    ],
)
def test_one_letter_typos_of_key_words_are_corrected(typo: str, word: str) -> None:
    """Typos in key words still reach the patterns."""
    assert _tokens(typo) == [word]


@pytest.mark.parametrize(
    "word",
    [
        "chess",
        "cheat",
        "crest",
        "never",
        "fewer",
        "ever",
        "painted",
        "painting",
        "bowl",
        "towel",
        "ladder",
        "cancel",
        "dancer",
        "loving",
        "giving",
        "diving",
        "groan",
        "grin",
        "heat",
        "heard",
        "hills",
        "bills",
        "olive",
        "alike",
        "overdoing",
        "overdone",
        "strike",
        "homeless",
        "lightness",
        "odd",
        "pain",
        "dumb",
        "number",
        "week",
        "loose",
        "hopping",
    ],
)
def test_common_words_are_never_corrected(word: str) -> None:
    """Real words near a key word stay themselves: no false positives from fuzzy matching."""
    assert _tokens(word) == [word]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CHEEEEST", ["chest"]),
        ("sooo", ["so"]),
        ("nooooo", ["no"]),
        ("killll", ["kill"]),
        ("oddddd", ["odd"]),
        ("diiiie", ["die"]),
    ],
)
def test_stretched_words(text: str, expected: list[str]) -> None:
    """Repeated letters are squeezed back to the key word, but "odddd" is not an overdose."""
    assert _tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("k1ll mys3lf", ["kill", "myself"]),
        ("su1c1de", ["suicide"]),
        ("s*icide", ["suicide"]),
        ("$uicidal", ["suicidal"]),
        ("pain7", ["pain", "7"]),
        ("10mins", ["10", "mins"]),
        ("help!!!", ["help", "."]),
    ],
)
def test_look_alike_characters(text: str, expected: list[str]) -> None:
    """Digits and symbols standing for letters count as letters only if that makes a key word."""
    assert _tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chest stretch felt good", ["cheststretch", "felt", "good"]),
        ("did the breathing exercise", ["did", "the", "breathingexercise"]),
        ("balance exercises went ok", ["balanceexercises", "went", "ok"]),
        ("chest pain", ["chest", "pain"]),
        ("heat stroke", ["heatstroke"]),
        ("pain killers", ["painkillers"]),
    ],
)
def test_exercise_compounds_are_joined(text: str, expected: list[str]) -> None:
    """Exercise names with a body word become one neutral token."""
    assert _tokens(text) == expected


def test_punctuation_emojis_and_line_breaks_separate_words() -> None:
    """Other characters break words; punctuation, line breaks and emojis also break sentences."""
    assert _tokens("chest-pain!!\n\n😭 (really)") == ["chest", "pain", ".", "really"]


def test_every_pattern_word_normalises_to_itself() -> None:
    """A pattern word the normaliser would rewrite could never match: catch it here."""
    broken = sorted(
        word for word in vocabulary() if _tokens(word) != [word] and word not in CONTRACTIONS
    )
    assert broken == []


@pytest.mark.skipif(
    not all(path.exists() for path in _WORD_LISTS), reason="word lists not installed"
)
def test_no_dictionary_word_is_rewritten_into_a_key_word() -> None:
    """Every real word stays itself (else add it to protected.PROTECTED)."""
    vocab = vocabulary()
    words = {
        line.strip().lower()
        for path in _WORD_LISTS
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    rewritten = sorted(
        word
        for word in words
        if word.isascii()
        and word.isalpha()
        and word not in vocab
        and word not in CONTRACTIONS
        and word not in MISSPELLINGS_KEPT
        and _tokens(word) != [word]
    )
    assert rewritten == [], f"add to PROTECTED: {rewritten}"
