"""Planned sessions against what was done, judged against the person's own plan only."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Literal

from .baseline import ordered_days
from .safety import nudges_paused
from .sessions import ONE_DAY, heard_from, moved_on, movement_about
from .thresholds import (
    COMPARISON_WEEKS_AGO,
    DAYS_MOVED_WINDOW_DAYS,
    PROGRESSION_WINDOW_DAYS,
    SOME_MOVEMENT_SHARE,
)
from .types import AdherenceSummary, DayRecord, PastDecision

Outcome = Literal["done", "on_plan", "missed", "unknown"]


def session_outcome(
    plan: PastDecision, by_date: Mapping[dt.date, DayRecord], today: dt.date
) -> Outcome | None:
    """How a planned day turned out as known today; None when the plan was rest."""
    if plan.goal_kind == "rest":
        return None
    day = plan.date
    if moved_on(day, by_date, planned=True):
        return "done"
    answer = movement_about(day, by_date, planned=True)
    # Planned rest, flare-adjusted plans and safety pauses count as on plan.
    if plan.flare_adjusted or answer == "rest":
        return "on_plan"
    if nudges_paused(by_date, day) or nudges_paused(by_date, day + ONE_DAY):
        return "on_plan"
    if answer == "no":
        return "missed"
    if not any(r.checked_in for d, r in by_date.items() if day < d <= today):
        # Not heard from since: a missed session once its day is over.
        return "missed" if day + ONE_DAY < today else "unknown"
    # The short path skips the movement question: no answer is not a miss.
    return "unknown"


def missed_run(
    decisions: Sequence[PastDecision], by_date: Mapping[dt.date, DayRecord], today: dt.date
) -> tuple[dt.date, ...]:
    """Dates of the latest unbroken run of missed sessions before today, newest first."""
    run: list[dt.date] = []
    for plan in sorted((p for p in decisions if p.date < today), key=_date, reverse=True):
        outcome = session_outcome(plan, by_date, today)
        if outcome is None:
            continue
        if outcome != "missed":
            break
        run.append(plan.date)
    return tuple(run)


def adherence_summary(
    days: Sequence[DayRecord], decisions: Sequence[PastDecision], today: dt.date
) -> AdherenceSummary:
    """Days moved and minutes this week, minutes 4 weeks ago, and last week's sessions."""
    by_date = {d.date: d for d in ordered_days(days) if d.date <= today}
    plans = {p.date: p for p in decisions if p.date <= today}
    week = _dates_ending(today, DAYS_MOVED_WINDOW_DAYS)
    weeks_ago = _dates_ending(
        today - dt.timedelta(weeks=COMPARISON_WEEKS_AGO), DAYS_MOVED_WINDOW_DAYS
    )
    window = _dates_ending(today - ONE_DAY, PROGRESSION_WINDOW_DAYS)
    outcomes = [session_outcome(plans[day], by_date, today) for day in window if day in plans]
    done = outcomes.count("done")
    return AdherenceSummary(
        days_moved_week=sum(moved_on(day, by_date, planned=day in plans) for day in week),
        minutes_week=sum(minutes_on(day, by_date, plans) for day in week),
        minutes_4_weeks_ago=sum(minutes_on(day, by_date, plans) for day in weeks_ago),
        planned_sessions=sum(o in ("done", "on_plan", "missed") for o in outcomes),
        sessions_done=done,
        sessions_on_plan=done + outcomes.count("on_plan"),
        sessions_missed=outcomes.count("missed"),
        misses_in_a_row=len(missed_run(decisions, by_date, today)),
        history_4_weeks_ago=_with_us_since(weeks_ago[-1], by_date, plans),
    )


def _with_us_since(
    day: dt.date, by_date: Mapping[dt.date, DayRecord], plans: Mapping[dt.date, PastDecision]
) -> bool:
    """Whether we heard from the person on `day` or before (a check-in, Done, a plan)."""
    return any(d <= day for d in plans) or any(
        d <= day and heard_from(r) for d, r in by_date.items()
    )


def minutes_on(
    day: dt.date, by_date: Mapping[dt.date, DayRecord], plans: Mapping[dt.date, PastDecision]
) -> int:
    """Minutes moved on a day: as reported, else the plan's minutes if done (half for "some")."""
    record = by_date.get(day)
    if record is not None and record.done_minutes:
        return max(record.done_minutes, 0)
    plan = plans.get(day)
    planned = plan.goal_minutes if plan is not None else 0
    answer = movement_about(day, by_date, planned=plan is not None)
    if (record is not None and record.done) or answer == "yes":
        return planned
    if answer == "some":
        return int(planned * SOME_MOVEMENT_SHARE)
    return 0


def _dates_ending(last: dt.date, count: int) -> list[dt.date]:
    return [last - dt.timedelta(days=back) for back in range(count)]


def _date(plan: PastDecision) -> dt.date:
    return plan.date
