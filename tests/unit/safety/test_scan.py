"""The red-flag scanner against tables of phrasings: each tier, benign notes, precedence."""

from __future__ import annotations

import dataclasses

import pytest

from bot.domain.safety import TIER_ORDER, RedFlag, looks_like_denial, scan, scan_all
from bot.domain.safety.patterns import RULES
from tests.unit.safety import cases


def _tiers(text: str) -> tuple[str, ...]:
    """The tiers scan_all reports, in order."""
    return tuple(flag.tier for flag in scan_all(text))


@pytest.mark.parametrize("text", cases.CRISIS)
def test_crisis_phrasings_get_the_crisis_tier(text: str) -> None:
    """Every crisis phrasing gets the crisis reply first."""
    flag = scan(text)
    assert flag is not None, text
    assert flag.tier == "crisis", (text, scan_all(text))


@pytest.mark.parametrize("text", cases.EMERGENCY)
def test_emergency_phrasings_get_the_emergency_tier(text: str) -> None:
    """Every emergency phrasing is an emergency (and not mistaken for a crisis)."""
    flag = scan(text)
    assert flag is not None, text
    assert flag.tier == "emergency", (text, scan_all(text))


@pytest.mark.parametrize("text", cases.DOCTOR)
def test_doctor_phrasings_get_the_doctor_tier(text: str) -> None:
    """Every see-a-doctor phrasing gets that tier and nothing more urgent."""
    flag = scan(text)
    assert flag is not None, text
    assert flag.tier == "doctor", (text, scan_all(text))


@pytest.mark.parametrize("text", cases.BENIGN)
def test_benign_notes_do_not_trigger(text: str) -> None:
    """Everyday notes stay quiet."""
    assert scan_all(text) == (), text


@pytest.mark.parametrize("text", cases.CHECKS)
def test_ambiguous_notes_get_a_light_check(text: str) -> None:
    """Other people, media, jokes, resolved events and vague despair: a check, not an alarm."""
    assert scan_all(text) == (RedFlag("check", scan_all(text)[0].matched),), (text, scan_all(text))


@pytest.mark.parametrize(("text", "tier"), cases.NOT_SOFTENED)
def test_context_never_softens_the_person_s_own_alarm(text: str, tier: str) -> None:
    """Crisis words about the person, emergencies happening now, keep their tier."""
    flag = scan(text)
    assert flag is not None and flag.tier == tier, (text, scan_all(text))


def test_check_comes_only_alone() -> None:
    """A check is never reported next to an alarm tier."""
    for text in ("i'm so done and I have chest pain", "ugh end me, I want to die"):
        tiers = _tiers(text)
        assert "check" not in tiers and tiers, (text, tiers)


@pytest.mark.parametrize(("text", "tier"), cases.ACCEPTED_FALSE_POSITIVES)
def test_ambiguous_notes_err_on_triggering(text: str, tier: str) -> None:
    """Ambiguous notes we decided to let trigger (fail safe) keep doing so."""
    flag = scan(text)
    assert flag is not None and flag.tier == tier, (text, scan_all(text))


def test_the_tables_are_big_enough() -> None:
    """The brief asks for at least 25 phrasings per tier and 15 benign notes."""
    assert len(cases.CRISIS) >= 25
    assert len(cases.EMERGENCY) >= 25
    assert len(cases.DOCTOR) >= 25
    assert len(cases.BENIGN) >= 15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want to kill myself and my chest hurts", ("crisis", "emergency")),
        ("chest pain and it's getting worse every day", ("emergency", "doctor")),
        ("I'm suicidal, can't breathe, and my back pain is constant", TIER_ORDER[:3]),
        ("it's getting worse every day and I don't want to live anymore", ("crisis", "doctor")),
        ("slurred speech\n\nand I want to die", ("crisis", "emergency")),
    ],
)
def test_most_urgent_tier_wins_and_scan_all_has_every_tier(
    text: str, expected: tuple[str, ...]
) -> None:
    """Crisis beats emergency beats doctor; scan_all lists every tier that fired, in order."""
    assert _tiers(text) == expected
    flag = scan(text)
    assert flag is not None and flag.tier == expected[0]


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("chest pain", "emergency.chest"),
        ("I can't breathe", "emergency.breathing"),
        ("i want to die", "crisis.want_to_die"),
        ("feeling suicidal", "crisis.suicide_words"),
        ("I want to take all my pills", "crisis.overdose"),
        ("back pain and a fever", "doctor.back_pain_fever"),
        ("headache when I cough", "doctor.headache_trigger"),
        ("my groin is numb", "emergency.saddle_numbness"),
    ],
)
def test_matched_names_the_rules_behind_a_flag(text: str, rule_id: str) -> None:
    """`matched` carries rule ids for logs and tests."""
    flag = scan(text)
    assert flag is not None and rule_id in flag.matched


def test_scan_is_the_first_of_scan_all() -> None:
    """scan() is scan_all()[0], or None when nothing fired."""
    for text in (*cases.CRISIS[:5], *cases.DOCTOR[:5], *cases.BENIGN[:5]):
        flags = scan_all(text)
        assert scan(text) == (flags[0] if flags else None)


def test_red_flag_is_frozen() -> None:
    """A RedFlag cannot be changed after the fact."""
    flag = RedFlag("crisis", ("crisis.want_to_die",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        flag.tier = "doctor"  # type: ignore[misc]


def test_rule_ids_are_unique_and_named_after_their_tier() -> None:
    """Ids are stable keys for logs: unique, and prefixed with their tier."""
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(rule.id.startswith(rule.tier + ".") for rule in RULES)
    # "triage" has no rules: it is the net for body words no rule explained.
    assert {rule.tier for rule in RULES} == set(TIER_ORDER) - {"triage"}


@pytest.mark.parametrize("text", cases.DENIALS)
def test_denials_are_recognised(text: str) -> None:
    """Replies that push back on a safety message read as denials."""
    assert looks_like_denial(text), text


@pytest.mark.parametrize("text", cases.NOT_DENIALS)
def test_other_replies_are_not_denials(text: str) -> None:
    """A crisis phrase is never a denial, even after a "no"; ordinary replies are not either."""
    assert not looks_like_denial(text), text


def test_a_long_message_scans_and_finds_a_late_trigger() -> None:
    """A 10,000-character message scans without error; a phrase at its very end still counts."""
    notes = " ".join(cases.BENIGN)
    text = (notes * (10_000 // len(notes) + 1))[:9_980] + "\nI want to end it all"
    assert len(text) > 9_990
    assert "crisis" in _tiers(text)


@pytest.mark.parametrize(
    "text",
    [
        "a" * 10_000,
        "'" * 10_000,
        "é" * 10_000,
        "😭" * 5_000,
        "chest " * 1_700,
        "can not " * 1_250,
        "i want to " * 1_000,
        "pain in my " * 1_000,
        "no " * 3_000,
        "k1ll " * 2_000,
        "left right " * 1_000,
        "x" * 9_000 + " chest pain",
        "\n" * 10_000,
        "".join(chr(c) for c in range(32, 10_032)),
    ],
)
def test_pathological_inputs_scan_without_error(text: str) -> None:
    """Repetitive or odd 10,000-character inputs are handled (no backtracking blow-up)."""
    flags = scan_all(text)
    assert isinstance(flags, tuple)
    looks_like_denial(text)


def test_empty_and_whitespace_texts_are_quiet() -> None:
    """Nothing to scan is no red flag."""
    for text in ("", " ", "\n\t", "🙂", "..."):
        assert scan(text) is None
