"""Flare mode: entered on a flare day, left after two calm check-ins, then resumed a step lower."""

import dataclasses
import datetime as dt
from collections.abc import Sequence

from . import reasons as r
from .progression import step_down
from .thresholds import (
    CALM_DAYS_TO_LEAVE_FLARE_MODE,
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
    """Enter, keep or leave flare mode; a day without a check-in proves nothing either way."""
    if day_type == "flare":
        if state.in_flare_mode:
            kept = dataclasses.replace(state, calm_days_in_flare_mode=0)
            return FlareModeChange(kept, entered=False, left=False, reasons=())
        entered = dataclasses.replace(
            state,
            in_flare_mode=True,
            pre_flare_level=state.level_minutes,
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
    pre_flare = state.pre_flare_level if state.pre_flare_level is not None else state.level_minutes
    resumed = dataclasses.replace(
        state,
        level_minutes=step_down(pre_flare),
        level_since=today,
        in_flare_mode=False,
        pre_flare_level=None,
        flare_mode_since=None,
        calm_days_in_flare_mode=0,
    )
    return FlareModeChange(
        resumed, entered=False, left=True, reasons=(r.FLARE_RESUME_ONE_STEP_BELOW,)
    )


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
