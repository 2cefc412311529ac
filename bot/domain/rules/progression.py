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
    MAX_SHORT_FLARES_FOR_SLOW_INCREASE,
    MIN_INCREASE_MINUTES,
    MIN_LEVEL_MINUTES,
    MIN_SESSIONS_DONE_FOR_INCREASE,
    POST_SESSION_NEXT_DAY_RISE,
    PROGRESSION_WINDOW_DAYS,
    REQUIRED_ADHERENCE,
    SHORT_FLARE_MAX_DAYS,
    SLOW_INCREASE_INTERVAL_DAYS,
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
    reason = r.PROGRESSION_INCREASE
    if r.PROGRESSION_HOLD_FLARE_IN_WEEK in holds and slow_increase_due(
        state, today, days, decisions
    ):
        holds, reason = (), r.PROGRESSION_INCREASE_WITH_FLARES
    if holds:
        return hold(*holds)
    raised = dataclasses.replace(
        state,
        level_minutes=next_level(state.level_minutes),
        level_since=today,
        last_increase_date=today,
    )
    return Progression(raised, increased=True, at_ceiling=False, reasons=(reason,))


def step_on_resume(
    state: PlanState,
    day_type: DayType,
    today: dt.date,
    days: Sequence[DayRecord],
    decisions: Sequence[PastDecision],
) -> PlanState | None:
    """As the plan resumes after a flare (one step below the level it comes back to), that
    level one step up, when two weeks of short flares were all that held it
    (`slow_increase_due`); None otherwise.

    With a flare every 5 days the level is back for a day at most before the next flare, so the
    weekly check would never see it. Raising the level the plan comes back to keeps each day's
    change to one step: the resume step is the old level, the new one follows after calm days.
    """
    target = state.pre_flare_level
    if target is None or day_type in ("flare", "tough") or target >= CEILING_MINUTES:
        return None
    by_date = {d.date: d for d in ordered_days(days) if d.date <= today}
    if safety_flag_in_week(by_date, today) or not slow_increase_due(state, today, days, decisions):
        return None
    raised = next_level(target)
    level = max(state.level_minutes, step_down(raised))
    return dataclasses.replace(
        state,
        level_minutes=level,
        pre_flare_level=raised if level < raised else None,
        level_since=today,
        last_increase_date=today,
    )


def slow_increase_due(
    state: PlanState, today: dt.date, days: Sequence[DayRecord], decisions: Sequence[PastDecision]
) -> bool:
    """Whether short flares are all that held the plan for two weeks: the level unchanged for
    SLOW_INCREASE_INTERVAL_DAYS, at most MAX_SHORT_FLARES_FOR_SLOW_INCREASE flares in them, none
    longer than SHORT_FLARE_MAX_DAYS days, and both weeks otherwise fine (adherence, no pain rise
    after a session except on a flare day)."""
    if (today - state.level_since).days < SLOW_INCREASE_INTERVAL_DAYS:
        return False
    flares = _flare_days(days, decisions, today)
    window = {today - dt.timedelta(days=back) for back in range(1, SLOW_INCREASE_INTERVAL_DAYS + 1)}
    runs = _flare_runs(flares, window)
    if len(runs) > MAX_SHORT_FLARES_FOR_SLOW_INCREASE:
        return False
    if any(length > SHORT_FLARE_MAX_DAYS for length in runs):
        return False
    # A flare is a flare: the pain rise on a flare day after a session is the flare itself, not
    # a second reason to hold. A rise on any other day still holds the plan.
    if _rise_off_flare_days(days, flares, today, SLOW_INCREASE_INTERVAL_DAYS):
        return False
    for weeks_back in range(SLOW_INCREASE_INTERVAL_DAYS // PROGRESSION_WINDOW_DAYS):
        end = today - dt.timedelta(days=weeks_back * PROGRESSION_WINDOW_DAYS)
        if not set(week_holds(days, decisions, end)) <= _FLARE_HOLDS:
            return False
    return True


_FLARE_HOLDS = frozenset({r.PROGRESSION_HOLD_FLARE_IN_WEEK, r.PROGRESSION_HOLD_POST_SESSION_RISE})


def _rise_off_flare_days(
    days: Sequence[DayRecord], flares: frozenset[dt.date], today: dt.date, span: int
) -> bool:
    """Whether a session in the `span` days before today was followed by a next-day pain rise
    of POST_SESSION_NEXT_DAY_RISE+ on a day that was not a flare day."""
    by_date = {d.date: d for d in ordered_days(days) if d.date <= today}
    return any(
        (following := today - dt.timedelta(days=back - 1)) not in flares
        and pain_rise_after_session(
            following, by_date, within_days=1, rise=POST_SESSION_NEXT_DAY_RISE
        )
        for back in range(1, span + 1)
    )


def _flare_days(
    days: Sequence[DayRecord], decisions: Sequence[PastDecision], today: dt.date
) -> frozenset[dt.date]:
    """Flare days up to today, by the person's word or ratings, or by the stored plan."""
    by_date = {d.date: d for d in ordered_days(days) if d.date <= today}
    return flare_dates(list(by_date.values())) | {
        p.date for p in decisions if p.day_type == "flare" and p.date <= today
    }


def _flare_runs(flares: frozenset[dt.date], window: set[dt.date]) -> list[int]:
    """The lengths of the flares (runs of consecutive flare days) that touch `window`, each
    counted whole (a flare that began before the window is as long as it was)."""
    runs: list[int] = []
    for day in sorted(flares):
        if day - dt.timedelta(days=1) in flares:
            continue  # not the first day of a run
        length = 1
        while day + dt.timedelta(days=length) in flares:
            length += 1
        run = {day + dt.timedelta(days=n) for n in range(length)}
        if run & window:
            runs.append(length)
    return runs


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
