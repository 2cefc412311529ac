"""Dialogue states: stored values parse without raising, and every state has one handler."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import dialogs
from bot.domain.dialogs import Dialogue, State, Step

# The strings stored in User.dialog before the states were an enum: they must stay valid.
STORED = {
    "checkin": (State.CHECKIN, Dialogue.CHECKIN, None),
    "cue": (State.CUE, Dialogue.CUE, None),
    "onboard:tz": (State.ONBOARD_TZ, Dialogue.ONBOARD, Step.TZ),
    "onboard:act": (State.ONBOARD_ACT, Dialogue.ONBOARD, Step.ACT),
    "settings:time": (State.SETTINGS_TIME, Dialogue.SETTINGS, Step.TIME),
    "settings:country": (State.SETTINGS_COUNTRY, Dialogue.SETTINGS, Step.COUNTRY),
}


@pytest.mark.parametrize("stored", STORED)
def test_stored_values_read_as_their_state(stored: str) -> None:
    state, dialogue, step = STORED[stored]
    assert dialogs.parse(stored) is state
    assert state == stored  # the value written back is the same string
    assert state.dialogue is dialogue and dialogs.dialogue_of(stored) is dialogue
    assert state.step is step and dialogs.step_of(stored) is step


@pytest.mark.parametrize(
    "stored",
    [None, "", ":", "onboard", "onboard:", "onboard:xyz", "onboard:sym", "settings:",
     "settings:pause", "checkin:pain", "CHECKIN", " checkin", "cue:own", "garbage",
     "onboard:tz:extra", "ｃｈｅｃｋｉｎ", 42, b"checkin"],
)  # fmt: skip
def test_unknown_or_garbled_values_read_as_no_dialogue(stored: object) -> None:
    assert dialogs.parse(stored) is None
    assert dialogs.dialogue_of(stored) is None
    assert dialogs.step_of(stored) is None


@given(st.one_of(st.none(), st.text(max_size=40), st.integers()))
def test_parsing_never_raises(stored: object) -> None:
    state = dialogs.parse(stored)
    assert state is None or state == stored


def test_every_state_belongs_to_its_dialogue_and_has_a_next() -> None:
    assert set(dialogs.NEXT) == set(State)
    for state in State:
        following = dialogs.NEXT[state]
        assert following is None or following.dialogue is state.dialogue
    # Onboarding walks its steps in order, then finishes.
    walked, state = [], dialogs.setup_state(Dialogue.ONBOARD, "tz")
    while state is not None:
        walked.append(state.step)
        state = dialogs.NEXT[state]
    assert tuple(walked) == dialogs.ONBOARD_STEPS


def test_setup_states_are_found_by_dialogue_and_step() -> None:
    assert dialogs.setup_state(Dialogue.SETTINGS, "sym") is State.SETTINGS_SYM
    assert dialogs.setup_state(Dialogue.ONBOARD, "sym") is None  # symptoms: /settings only
    assert dialogs.setup_state(Dialogue.ONBOARD, "nope") is None
    assert dialogs.setup_state(Dialogue.CHECKIN, "tz") is None
    for step in dialogs.SETTINGS_STEPS:
        assert dialogs.setup_state(Dialogue.SETTINGS, step) is not None


def test_typed_text_has_one_reader_per_open_question() -> None:
    from bot.domain.person_now import Open
    from bot.usecases import said

    # Every open question but the crisis stage (which reads every text first, in the safety
    # screen) has its reader, and so has "nothing open".
    assert set(said.READERS) == (set(Open) - {Open.CRISIS}) | {None}
    assert said.READERS[Open.REFLECTION] is said.READERS[None]
