"""The pattern language: what each item matches, malformed patterns, windowed search."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.safety import dsl
from bot.domain.safety.dsl import Haystack, compile_pattern
from bot.domain.safety.scanner import NORMALISER, scan_normalised, vocabulary
from tests.unit.safety import cases

_CLASSES = {"PAIN": ("pain", "hurts", "sore"), "BODY": ("chest", "left arm")}


def _matches(pattern: str, text: str) -> bool:
    """Whether pattern matches text, normalised the way the scanner does it."""
    norm = NORMALISER.normalise(text)
    return compile_pattern(pattern, _CLASSES).search(Haystack(norm.text, norm.words))


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("chest pain", "chest pain", True),
        ("chest pain", "chests pain", False),
        ("chest pain", "pain chest", False),
        ("@BODY ~2 @PAIN", "my left arm really hurts", True),
        ("@BODY ~2 @PAIN", "my left arm really really really hurts", False),
        ("@BODY ~2 @PAIN || @PAIN ~2 @BODY", "pain in my chest", True),
        ("my? chest hurts", "chest hurts", True),
        ("my? chest hurts", "my chest hurts", True),
        ("no_longer|never want", "no longer want", True),
        ("faint !smell|idea", "a faint smell", False),
        ("faint !smell|idea", "i feel faint", True),
        ("<a faint", "a faint", False),
        ("<a faint", "very faint", True),
        ("hurt myself !{ ~1 doing|while }", "hurt myself badly doing yoga", False),
        ("hurt myself !{ ~1 doing|while }", "hurt myself on purpose", True),
        ("^ no", "no thanks", True),
        ("^ no", "oh no", False),
        ("^ no", "... no!", True),
        ("^. chest pain", "chest pain", True),
        ("^. chest pain", "slept ok. chest pain", True),
        ("^. chest pain", "slept ok chest pain", False),
        ("^. chest pain", "crushing chest pain", False),
        ("go on !{ a? walk }", "can not go on a walk", False),
        ("go on !{ a? walk }", "can not go on. a walk", True),
        ("see $", "i can not see", True),
        ("see $", "i can not see it", False),
        ("see $", "i can not see!!", True),
        ("i am #AGE", "i am 55", True),
        ("i am #AGE", "i am 45", False),
        ("took #MANY pills", "took 20 pills", True),
        ("took #MANY pills", "took 2 pills", False),
        ("<#NUM kms", "3 kms", False),
        ("<#NUM kms", "kms", True),
    ],
)
def test_items(pattern: str, text: str, expected: bool) -> None:
    """Each item of the language matches what its documentation says."""
    assert _matches(pattern, text) is expected


@pytest.mark.parametrize(
    "pattern",
    [
        "",
        "@NOPE pain",
        "Chest pain",
        "chest-pain",
        "~2 pain?",
        "chest !{ pain",
        "a ~1 b || c ~1 d",
    ],
)
def test_malformed_patterns_are_rejected(pattern: str) -> None:
    """Typos in the pattern data fail at import, not silently at run time."""
    with pytest.raises(ValueError):
        compile_pattern(pattern, _CLASSES)


def _words() -> list[str]:
    """Words to build random texts from: pattern words and the test phrasings' words."""
    phrase_words = {
        w
        for text in (*cases.CRISIS, *cases.EMERGENCY, *cases.DOCTOR, *cases.BENIGN)
        for w in NORMALISER.normalise(text).text.split()
    }
    return sorted(vocabulary() | phrase_words)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_words()), min_size=150, max_size=400))
def test_windowed_search_agrees_with_a_whole_text_search(tokens: list[str]) -> None:
    """Long texts are searched in windows around rare words: same result as a full search."""
    norm = NORMALISER.normalise(" ".join(tokens))
    windowed = scan_normalised(norm)
    saved = dsl._SHORT_TEXT
    dsl._SHORT_TEXT = 10**9
    try:
        whole = scan_normalised(norm)
    finally:
        dsl._SHORT_TEXT = saved
    assert windowed == whole
