"""Progression by time, not pain: start level, weekly increase, holds, flare goals, step down."""

import dataclasses
import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

from . import reasons as r
from .adherence import adherence_summary
from .baseline import flare_dates, ordered_days
from .safety import safety_flag_in_week
from .sessions import pain_rise_after_session
from .thresholds import (
    CEILING_MINUTES,
    FLARE_GOAL_MAX_MINUTES,
    FLARE_GOAL_MAX_PERCENT,
    FLARE_GOAL_MIN_MINUTES,
    FLARE_GOAL_PERCENT,
    FLARE_TOOLKIT_PAIN,
    INCREASE_INTERVAL_DAYS,
    INCREASE_PERCENT,
    MAX_INCREASE_MINUTES,
    MIN_INCREASE_MINUTES,
    MIN_LEVEL_MINUTES,
    MIN_SESSIONS_DONE_FOR_INCREASE,
    POST_SESSION_NEXT_DAY_RISE,
    PROGRESSION_WINDOW_DAYS,
    REQUIRED_ADHERENCE,
    START_LEVEL_CAP_MINUTES,
)
from .types import DayRecord, DayType, GoalKind, PastDecision, PlanState, Profile


def start_level(profile: Profile) -> int:
    """Near the middle of bad-day and good-day minutes (rounded down), within 2-10 minutes."""
    middle = (max(profile.bad_day_minutes, 0) + max(profile.good_day_minutes, 0)) // 2
    return max(MIN_LEVEL_MINUTES, min(START_LEVEL_CAP_MINUTES, middle))


def increase_step(level: int) -> int:
    """+10% (rounded half up) or +1 minute, whichever is larger, at most +5 minutes."""
    ten_percent = (level * INCREASE_PERCENT + 50) // 100
    return min(MAX_INCREASE_MINUTES, max(MIN_INCREASE_MINUTES, ten_percent))


def next_level(level: int, *, ceiling: int = CEILING_MINUTES) -> int:
    """The level after one weekly increase, never above `ceiling`."""
    if level >= ceiling:
        return level
    return min(ceiling, level + increase_step(level))


def step_down(level: int) -> int:
    """One step below `level`: the highest lower level whose increase does not pass `level`.

    It is the increase rule applied backwards (6 -> 5, 11 -> 10, 22 -> 20, 30 -> 27), never below
    the 2-minute minimum.
    """
    candidate = level - 1
    while candidate > MIN_LEVEL_MINUTES and candidate + increase_step(candidate) > level:
        candidate -= 1
    return max(MIN_LEVEL_MINUTES, candidate)


@dataclasses.dataclass(frozen=True, slots=True)
class FlarePlan:
    """Today's goal while the flare plan is in force."""

    goal_minutes: int
    goal_kind: GoalKind
    reason: str


def flare_goal(level: int, pain: int | None) -> FlarePlan:
    """60% of the level (rounded down) within 2-5 minutes, or the toolkit.

    The toolkit replaces movement when pain is very high, and when even 2 minutes would be more
    than 70% of a very low level.
    """
    if pain is not None and pain >= FLARE_TOOLKIT_PAIN:
        return FlarePlan(0, "flare_toolkit", r.FLARE_TOOLKIT_HIGH_PAIN)
    goal = level * FLARE_GOAL_PERCENT // 100
    goal = max(FLARE_GOAL_MIN_MINUTES, min(FLARE_GOAL_MAX_MINUTES, goal))
    if goal * 100 > level * FLARE_GOAL_MAX_PERCENT:
        return FlarePlan(0, "flare_toolkit", r.FLARE_TOOLKIT_LOW_LEVEL)
    return FlarePlan(goal, "session", r.FLARE_GOAL_REDUCED)


@dataclasses.dataclass(frozen=True, slots=True)
class Progression:
    """The outcome of the weekly progression check."""

    state: PlanState
    increased: bool
    at_ceiling: bool
    reasons: tuple[str, ...]


def weekly_progression(
    state: PlanState,
    day_type: DayType,
    today: dt.date,
    days: Sequence[DayRecord],
    decisions: Sequence[PastDecision],
) -> Progression:
    """Raise the level one step if a week has passed and last week allows it; else hold."""

    def hold(*why: str, at_ceiling: bool = False) -> Progression:
        return Progression(state, increased=False, at_ceiling=at_ceiling, reasons=why)

    if (today - state.level_since).days < INCREASE_INTERVAL_DAYS:
        return hold(r.PROGRESSION_HOLD_NOT_A_WEEK_YET)
    if day_type in ("flare", "tough"):
        return hold(r.PROGRESSION_HOLD_TOUGH_DAY)
    by_date = {d.date: d for d in ordered_days(days) if d.date <= today}
    if safety_flag_in_week(by_date, today):
        return hold(r.PROGRESSION_HOLD_SAFETY)
    if state.level_minutes >= CEILING_MINUTES:
        return hold(r.PROGRESSION_CEILING, at_ceiling=True)
    holds = week_holds(days, decisions, today)
    if holds:
        return hold(*holds)
    raised = dataclasses.replace(
        state,
        level_minutes=next_level(state.level_minutes),
        level_since=today,
        last_increase_date=today,
    )
    return Progression(raised, increased=True, at_ceiling=False, reasons=(r.PROGRESSION_INCREASE,))


def week_holds(
    days: Sequence[DayRecord], decisions: Sequence[PastDecision], today: dt.date
) -> tuple[str, ...]:
    """Hold reasons found in the 7 days before today: flare, post-session rise, adherence."""
    by_date = {d.date: d for d in ordered_days(days) if d.date <= today}
    window = [today - dt.timedelta(days=back) for back in range(1, PROGRESSION_WINDOW_DAYS + 1)]
    found: list[str] = []
    flares = flare_dates(list(by_date.values())) | {
        p.date for p in decisions if p.day_type == "flare"
    }
    if any(day in flares for day in window):
        found.append(r.PROGRESSION_HOLD_FLARE_IN_WEEK)
    # A session on a window day followed by a 2+ rise the next day (which may be today).
    if any(
        pain_rise_after_session(
            day + dt.timedelta(days=1), by_date, within_days=1, rise=POST_SESSION_NEXT_DAY_RISE
        )
        for day in window
    ):
        found.append(r.PROGRESSION_HOLD_POST_SESSION_RISE)
    summary = adherence_summary(days, decisions, today)
    enough_done = summary.sessions_done >= MIN_SESSIONS_DONE_FOR_INCREASE
    on_plan_share = (
        Fraction(summary.sessions_on_plan, summary.planned_sessions)
        if summary.planned_sessions
        else Fraction(0)
    )
    if not enough_done or on_plan_share < REQUIRED_ADHERENCE:
        found.append(r.PROGRESSION_HOLD_ADHERENCE)
    return tuple(found)
