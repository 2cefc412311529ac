"""Flare mode: entered on a flare day, left after two calm check-ins one step lower, then back.

After the flare the plan resumes one step below the pre-flare level and returns to it after a
few calm days (`ease_back`), so flares every week or two never ratchet the plan down.
"""

import dataclasses
import datetime as dt
from collections.abc import Sequence

from . import reasons as r
from .progression import step_down
from .thresholds import (
    CALM_DAYS_TO_LEAVE_FLARE_MODE,
    CALM_DAYS_TO_RETURN_TO_LEVEL,
    FREQUENT_FLARE_EPISODES,
    FREQUENT_FLARE_WINDOW_DAYS,
    LONG_FLARE_MODE_DAYS,
)
from .types import DayType, PastDecision, PlanState


@dataclasses.dataclass(frozen=True, slots=True)
class FlareModeChange:
    """The state after today's day type is applied to flare mode."""

    state: PlanState
    entered: bool
    left: bool
    reasons: tuple[str, ...]


def update_flare_mode(
    state: PlanState, day_type: DayType, checked_in: bool, today: dt.date
) -> FlareModeChange:
    """Enter, keep or leave flare mode; a day without a check-in proves nothing either way.

    Entering remembers the level to come back to: the current level, or, when a flare comes
    while still easing back in after an earlier one, that earlier level, so that flare after
    flare never ratchets the plan down. Leaving resumes one step below it, without restarting
    the weekly clock; `ease_back` brings the level itself back after a few calm days.
    """
    if day_type == "flare":
        if state.in_flare_mode:
            kept = dataclasses.replace(state, calm_days_in_flare_mode=0)
            return FlareModeChange(kept, entered=False, left=False, reasons=())
        entered = dataclasses.replace(
            state,
            in_flare_mode=True,
            pre_flare_level=return_level(state),
            flare_mode_since=today,
            calm_days_in_flare_mode=0,
        )
        return FlareModeChange(entered, entered=True, left=False, reasons=())
    if not state.in_flare_mode:
        return FlareModeChange(state, entered=False, left=False, reasons=())
    if not checked_in:
        return FlareModeChange(state, entered=False, left=False, reasons=(r.FLARE_MODE_CONTINUES,))
    calm = state.calm_days_in_flare_mode + 1
    if calm < CALM_DAYS_TO_LEAVE_FLARE_MODE:
        kept = dataclasses.replace(state, calm_days_in_flare_mode=calm)
        return FlareModeChange(kept, entered=False, left=False, reasons=(r.FLARE_MODE_CONTINUES,))
    pre_flare = return_level(state)
    resumed_level = min(state.level_minutes, step_down(pre_flare))
    resumed = dataclasses.replace(
        state,
        level_minutes=resumed_level,
        in_flare_mode=False,
        # Kept while easing back in: the level to return to after a few calm days.
        pre_flare_level=pre_flare if resumed_level < pre_flare else None,
        flare_mode_since=None,
        calm_days_in_flare_mode=0,
    )
    return FlareModeChange(
        resumed, entered=False, left=True, reasons=(r.FLARE_RESUME_ONE_STEP_BELOW,)
    )


def return_level(state: PlanState) -> int:
    """The level the plan comes back to: before the flare (or restart step), else the level."""
    if state.pre_flare_level is None:
        return state.level_minutes
    return max(state.pre_flare_level, state.level_minutes)


def easing_back_in(state: PlanState) -> bool:
    """Whether the plan is one step lower for now, after a flare or a quiet lowering."""
    return (
        not state.in_flare_mode
        and state.pre_flare_level is not None
        and state.pre_flare_level > state.level_minutes
    )


@dataclasses.dataclass(frozen=True, slots=True)
class EaseBack:
    """Today's step while easing back in: still one step lower, or back to the earlier level."""

    state: PlanState
    returned: bool
    reasons: tuple[str, ...]


def ease_back(state: PlanState, day_type: DayType, checked_in: bool, missed: bool) -> EaseBack:
    """Count calm check-ins (steady or good, no new miss); the 2nd brings the level back.

    Tough days and days without a check-in neither count nor reset: "never increase on a
    tough day", and one tough day does not undo the calm ones before it. While easing back in,
    `calm_days_in_flare_mode` counts these calm check-ins and `pre_flare_level` is the target.
    """
    target = state.pre_flare_level
    if target is None or not easing_back_in(state):
        cleared = dataclasses.replace(state, pre_flare_level=None, calm_days_in_flare_mode=0)
        return EaseBack(cleared, returned=False, reasons=())
    calm = checked_in and day_type in ("steady", "good") and not missed
    count = state.calm_days_in_flare_mode + (1 if calm else 0)
    if count >= CALM_DAYS_TO_RETURN_TO_LEVEL:
        back = dataclasses.replace(
            state, level_minutes=target, pre_flare_level=None, calm_days_in_flare_mode=0
        )
        return EaseBack(back, returned=True, reasons=(r.PROGRESSION_BACK_TO_PREVIOUS_LEVEL,))
    kept = dataclasses.replace(state, calm_days_in_flare_mode=count)
    return EaseBack(kept, returned=False, reasons=(r.PROGRESSION_HOLD_EASING_BACK_IN,))


def clinician_reasons(
    state: PlanState, decisions: Sequence[PastDecision], today: dt.date
) -> tuple[str, ...]:
    """Why a gentle suggestion to see a clinician applies today, if it does.

    "3+ flares in 30 days" counts separate flare-mode episodes (distinct start dates), so one
    long flare is left to the 14-day rule instead of counting each of its days.
    """
    found: list[str] = []
    since = state.flare_mode_since
    if (
        state.in_flare_mode
        and since is not None
        and (today - since).days + 1 > LONG_FLARE_MODE_DAYS
    ):
        found.append(r.CLINICIAN_LONG_FLARE)
    starts = {p.flare_mode_since for p in decisions if p.flare_mode_since is not None}
    if since is not None:
        starts.add(since)
    recent = [s for s in starts if 0 <= (today - s).days < FREQUENT_FLARE_WINDOW_DAYS]
    if len(recent) >= FREQUENT_FLARE_EPISODES:
        found.append(r.CLINICIAN_FREQUENT_FLARES)
    return tuple(found)
