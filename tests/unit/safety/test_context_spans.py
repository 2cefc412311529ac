"""How far a softening context reaches, tested on the scanner's own span functions: an "after"
span stops at a sentence break, at a first-person word, or after its reach; a span cut short by
"me", "myself", "us" or "ourselves" is about the person and softens nothing."""

from __future__ import annotations

import pytest

from bot.domain.safety import scanner
from bot.domain.safety.normalize import BREAK
from bot.domain.safety.patterns import Context

AFTER = Context(id="someone_else", patterns=("someone",), softens=("crisis",), scope="after")


@pytest.mark.parametrize("person", ["me", "myself", "us", "ourselves"])
def test_a_span_stopped_by_the_person_softens_nothing(person: str) -> None:
    tokens = ["someone", "wants", "to", "kill", person]
    assert scanner._widen(AFTER, tokens, 0, 1) is None


def test_a_span_about_someone_else_covers_the_words_after_it() -> None:
    assert scanner._widen(AFTER, ["someone", "wants", "to", "kill", "him"], 0, 1) == (0, 5)
    # A sentence break ends it.
    assert scanner._widen(AFTER, ["someone", "cried", BREAK, "help"], 0, 1) == (0, 2)


def test_an_after_span_reaches_exactly_its_reach() -> None:
    reach = scanner._AFTER_REACH
    tokens = ["someone"] + ["word"] * (reach + 5)
    assert scanner._widen(AFTER, tokens, 0, 1) == (0, 1 + reach)
    short = ["someone"] + ["word"] * (reach - 1)
    assert scanner._widen(AFTER, short, 0, 1) == (0, reach)


def test_masking_a_span_only_reports_the_rules_asked_about() -> None:
    norm = scanner.NORMALISER.normalise("i want to kill myself and i have crushing chest pain")
    fired = scanner._RULES.fired(norm.text, norm.words)
    assert len(fired) >= 2
    tokens = norm.text[1:-1].split(" ")
    for rule in fired:
        assert scanner._still_firing(tokens, [], [rule]) == {rule}


def test_the_doctor_score_adds_each_features_weight_to_the_prior() -> None:
    from bot.domain.safety.crisis_features import features
    from bot.domain.safety.models import get

    DOCTOR = get("doctor")

    text = "my knee has been swollen for weeks"
    expected = DOCTOR.prior + sum(DOCTOR.weights.get(f, 0.0) for f in features(text))
    assert scanner.doctor_score(text) == pytest.approx(expected)
    assert scanner.doctor_score(text) != pytest.approx(DOCTOR.prior)


CLAUSE = Context(id="heard", patterns=("someone",), softens=("crisis",), scope="clause")
SENTENCE = Context(
    id="past", patterns=("turned out",), softens=("emergency",), scope="sentence",
    blocked_by=frozenset({"still"}),
)  # fmt: skip


def test_a_clause_span_runs_to_its_sentence_end_unless_the_person_is_in_it() -> None:
    about_them = ["he", "heard", "that", "someone", "wants", "to", "die"]
    assert scanner._widen(CLAUSE, about_them, 3, 4) == (3, 7)
    about_me = ["i", "heard", "that", "someone", "wants", "to", "die"]
    assert scanner._widen(CLAUSE, about_me, 3, 4) is None  # "i" at the very start counts
    after_a_break = ["i", "am", "fine", BREAK, "heard", "someone", "say", "die"]
    assert scanner._widen(CLAUSE, after_a_break, 5, 6) == (5, 8)  # the earlier sentence is not
    assert scanner._widen(CLAUSE, ["i", BREAK, "someone", "cried", BREAK, "ok"], 2, 3) == (2, 4)


def test_a_sentence_span_takes_in_the_sentence_before() -> None:
    tokens = ["one", BREAK, "chest", "pain", "yesterday", BREAK, "it", "turned", "out", "fine"]
    assert scanner._widen(SENTENCE, tokens, 7, 9) == (2, 10)
    # At the start of the text there is no sentence before.
    first = ["it", "turned", "out", "fine", BREAK, "later"]
    assert scanner._widen(SENTENCE, first, 1, 3) == (0, 4)
    # A word that keeps the alarm, anywhere in those sentences, keeps it.
    kept = ["chest", "pain", "still", BREAK, "it", "turned", "out", "fine"]
    assert scanner._widen(SENTENCE, kept, 5, 7) is None
    # ... but not two sentences back.
    assert scanner._widen(SENTENCE, ["x", "still", BREAK, *tokens[2:]], 8, 10) == (3, 11)


def _normalised(text: str) -> tuple[scanner.Normalised, list[int]]:
    norm = scanner.NORMALISER.normalise(text)
    return norm, scanner._RULES.fired(norm.text, norm.words)


def test_a_long_note_is_narrowed_to_the_red_flags_sentence_and_its_neighbours() -> None:
    park, flag, weather = "We went to the park. ", "I have crushing chest pain. ", "It was nice. "
    norm, fired = _normalised(park * 40 + flag + weather * 40)
    assert len(norm.text) >= scanner._LONG_TEXT and fired
    narrowed = scanner._around(norm, fired)
    assert narrowed.text == " we went to the park . i have crushing chest pain . it was nice . "
    assert narrowed.words == frozenset(narrowed.text.split())
    # At the very start or end, only the neighbour that exists.
    first, fired_first = _normalised(flag + weather * 60)
    assert (
        scanner._around(first, fired_first).text == " i have crushing chest pain . it was nice . "
    )
    last, fired_last = _normalised(park * 60 + flag.strip())
    assert (
        scanner._around(last, fired_last).text
        == " we went to the park . i have crushing chest pain . "
    )


def test_a_short_or_hardly_shorter_note_is_scanned_whole() -> None:
    short, fired = _normalised("We went to the park. I have crushing chest pain.")
    assert scanner._around(short, fired) is short
    # Red-flag words all through a long note: narrowing would save little, so it is not done.
    dense, fired_dense = _normalised("My chest pain is crushing. " * 30)
    assert scanner._around(dense, fired_dense) is dense
