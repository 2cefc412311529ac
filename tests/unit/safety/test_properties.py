"""Properties: scanning never fails, and a trigger phrase anywhere still triggers (fail safe)."""

from __future__ import annotations

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from bot.domain.safety import TIER_ORDER, looks_like_denial, scan, scan_all
from bot.domain.safety.scanner import NORMALISER

# Phrases that no neighbouring word can explain away: they trigger whatever surrounds them.
_TRIGGERS = (
    ("i want to kill myself", "crisis"),
    # Said of tonight: "suicidal" alone is explained by a past around it ("suicidal when I was 15").
    ("i feel suicidal tonight", "crisis"),
    ("self-harm", "crisis"),
    ("crushing chest pain", "emergency"),
    ("slurred speech", "emergency"),
    ("worst headache of my life", "emergency"),
    ("back pain and a fever", "doctor"),
)
# Phrases with a narrow exclusion for the words right after them ("I can't go on a walk",
# "the pain will die down", "I hurt myself doing yoga"): they trigger whatever surrounds them
# as long as a sentence break separates them from it.
_GUARDED_TRIGGERS = (
    ("I can't go on", "crisis"),
    ("I want to die", "crisis"),
    ("I hurt myself", "crisis"),
    ("I can't take it", "crisis"),
    ("I fainted", "emergency"),
    ("I lost my balance", "emergency"),
    ("I fell", "doctor"),
)
_SEPARATORS = st.sampled_from([" ", "\n", ". ", ", ", " 😭 ", "\n\n", " - ", "  "])
# A fall is softened on purpose when the person says nearby that it was minor ("I fell. It's
# fine.", the "minor" context in patterns.py): random text that spells such words is not the
# unrelated text the guarded-trigger property is about.
_MINOR_FALL_WORDS = frozenset(
    {"fine", "harm", "damage", "problem", "hurt", "bump", "fault", "plaster", "caught", "fall"}
)
_CHECKLIST_ANSWERS = frozenset({"none", "nil", "nope", "nah", "negative", "no"})
_BREAKS = st.sampled_from(["\n", ". ", "! ", "? ", ", ", " 😭 ", "\n\n", "; ", "..."])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2_000))
def test_scan_never_raises(text: str) -> None:
    """Arbitrary text (any Unicode) scans to a valid result."""
    flags = scan_all(text)
    assert all(flag.tier in TIER_ORDER for flag in flags)
    assert [flag.tier for flag in flags] == sorted(
        (flag.tier for flag in flags), key=TIER_ORDER.index
    )
    # "check" comes alone: only when no alarm tier fired.
    assert all(flag.tier != "check" for flag in flags) or len(flags) == 1
    assert scan(text) == (flags[0] if flags else None)
    assert isinstance(looks_like_denial(text), bool)


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=800),
    st.sampled_from(_TRIGGERS),
    _SEPARATORS,
    _SEPARATORS,
    st.text(max_size=800),
)
@example("", ("slurred speech", "emergency"), " ", " ", "N1L")  # "Slurred speech: nil": skipped
@example("", ("crushing chest pain", "emergency"), " ", " ", "see N0NE")  # not a checklist
def test_a_trigger_anywhere_still_triggers(
    before: str, trigger: tuple[str, str], left: str, right: str, after: str
) -> None:
    """Surrounding text, whatever it is, never hides a trigger phrase."""
    phrase, tier = trigger
    # A checklist answer ("Slurred speech: nil") is a denial on purpose (the "negated" context
    # in patterns.py): random text that starts with one is not the surrounding text meant here.
    following = NORMALISER.normalise(after).text.split()
    assume(not following or following[0] not in _CHECKLIST_ANSWERS)
    text = before + left + phrase + right + after
    assert tier in {flag.tier for flag in scan_all(text)}, text


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=800),
    st.sampled_from(_GUARDED_TRIGGERS),
    _BREAKS,
    _BREAKS,
    st.text(max_size=800),
)
@example("", ("I fell", "doctor"), "\n", "\n", "1T/1S/F1NE")  # spells "it is fine": skipped
def test_a_guarded_trigger_in_its_own_sentence_still_triggers(
    before: str, trigger: tuple[str, str], left: str, right: str, after: str
) -> None:
    """An exclusion never reaches across a sentence break into unrelated text."""
    phrase, tier = trigger
    if phrase == "I fell":
        around = NORMALISER.normalise(f"{before} {after}").words
        assume(not around & _MINOR_FALL_WORDS)
    text = before + left + phrase + right + after
    assert tier in {flag.tier for flag in scan_all(text)}, text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(_TRIGGERS + _GUARDED_TRIGGERS), min_size=1, max_size=3),
    st.text(max_size=3_000),
)
def test_a_trigger_in_a_long_text_still_triggers(
    triggers: list[tuple[str, str]], filler: str
) -> None:
    """Long texts (searched in windows) still find every trigger, wherever it sits."""
    pieces = [filler[i : i + 1_000] for i in range(0, max(len(filler), 1), 1_000)]
    text = ""
    for i, (phrase, _) in enumerate(triggers):
        text += pieces[i % len(pieces)] + "\n" + phrase + ".\n"
    text += filler
    tiers = {flag.tier for flag in scan_all(text)}
    assert {tier for _, tier in triggers} <= tiers
