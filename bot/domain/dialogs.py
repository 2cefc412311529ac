"""The dialogue states a person can be in, as stored in `User.dialog` (None: no dialogue open).

Every state is listed here, with the dialogue it belongs to and where it goes next; typed text
is read by the open question it stands for (bot.domain.person_now, bot.usecases.said).
Stored values are parsed with `parse`, which never raises: an unknown or garbled value reads as
no dialogue at all.
"""

from __future__ import annotations

from enum import StrEnum

SEP = ":"


class Dialogue(StrEnum):
    """The dialogues: the part of a stored state before the colon."""

    CHECKIN = "checkin"  # today's check-in questions, one at a time
    CUE = "cue"  # typing one's own if-then cue
    ONBOARD = "onboard"  # the first set-up, step by step
    SETTINGS = "settings"  # one setting changed from /settings


class Step(StrEnum):
    """The set-up steps that onboarding and /settings ask (the part after the colon)."""

    TZ = "tz"
    TIME = "time"
    BAD = "bad"
    GOOD = "good"
    ACT = "act"
    SYM = "sym"
    COUNTRY = "country"


class State(StrEnum):
    """Every value `User.dialog` holds (exactly the strings stored, so stored rows stay valid)."""

    CHECKIN = "checkin"
    CUE = "cue"
    ONBOARD_TZ = "onboard:tz"
    ONBOARD_TIME = "onboard:time"
    ONBOARD_BAD = "onboard:bad"
    ONBOARD_GOOD = "onboard:good"
    ONBOARD_ACT = "onboard:act"
    SETTINGS_TZ = "settings:tz"
    SETTINGS_TIME = "settings:time"
    SETTINGS_BAD = "settings:bad"
    SETTINGS_GOOD = "settings:good"
    SETTINGS_ACT = "settings:act"
    SETTINGS_SYM = "settings:sym"
    SETTINGS_COUNTRY = "settings:country"

    @property
    def dialogue(self) -> Dialogue:
        """The dialogue this state belongs to."""
        return Dialogue(self.value.split(SEP, 1)[0])

    @property
    def step(self) -> Step | None:
        """The set-up step an onboarding or settings state asks; None for the others."""
        _, _, step = self.value.partition(SEP)
        return Step(step) if step else None


# Onboarding asks these steps in this order; symptoms and the helpline country are offered in
# /settings only.
ONBOARD_STEPS: tuple[Step, ...] = (Step.TZ, Step.TIME, Step.BAD, Step.GOOD, Step.ACT)
SETTINGS_STEPS: tuple[Step, ...] = (*ONBOARD_STEPS, Step.SYM, Step.COUNTRY)

# Where each state goes once it is answered: None closes the dialogue (onboarding's last step
# finishes the set-up; a settings step returns to the /settings menu).
NEXT: dict[State, State | None] = {
    State.CHECKIN: None,  # the check-in itself asks the next open question (bot.domain.checkin)
    State.CUE: None,
    State.ONBOARD_TZ: State.ONBOARD_TIME,
    State.ONBOARD_TIME: State.ONBOARD_BAD,
    State.ONBOARD_BAD: State.ONBOARD_GOOD,
    State.ONBOARD_GOOD: State.ONBOARD_ACT,
    State.ONBOARD_ACT: None,
    State.SETTINGS_TZ: None,
    State.SETTINGS_TIME: None,
    State.SETTINGS_BAD: None,
    State.SETTINGS_GOOD: None,
    State.SETTINGS_ACT: None,
    State.SETTINGS_SYM: None,
    State.SETTINGS_COUNTRY: None,
}

_BY_VALUE: dict[str, State] = {state.value: state for state in State}


def parse(stored: object) -> State | None:
    """The state a stored `User.dialog` value stands for; None for None, unknown or garbled."""
    return _BY_VALUE.get(stored) if isinstance(stored, str) else None


def dialogue_of(stored: object) -> Dialogue | None:
    """The dialogue of a stored value, if it is a known state."""
    state = parse(stored)
    return state.dialogue if state is not None else None


def setup_state(dialogue: Dialogue, step: str) -> State | None:
    """The onboarding or settings state that asks `step` ("onboard", "time" -> ONBOARD_TIME)."""
    if dialogue not in (Dialogue.ONBOARD, Dialogue.SETTINGS):
        return None
    return parse(f"{dialogue.value}{SEP}{step}")


def step_of(stored: object) -> Step | None:
    """The set-up step a stored value asks, if it is an onboarding or settings state."""
    state = parse(stored)
    return state.step if state is not None else None
