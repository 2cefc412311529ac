"""What a clinician sees: day-by-day trends, the goal's changes and the answers by week.

Built on `bot.domain.progress` (one definition of a day moved, of rest and of a flare), so the
PDF, the share page and the Mini App show the same numbers as /progress and the weekly summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean

from bot.domain.progress import Day, DayPoint, ReflectionAnswers, progress_of, read_days
from bot.domain.rules import History, PastDecision

SHORT_WEEKS = 4  # the last four weeks: the span of /progress
LONG_WEEKS = 12  # about the time between two visits to a specialist
SPANS = (SHORT_WEEKS, LONG_WEEKS)
WEEK = 7


@dataclass(frozen=True)
class TrendDay:
    """One day of the page: the four ratings, movement against the goal, and its marks."""

    date: date
    pain: int | None
    interference: int | None
    energy: int | None
    sleep: int | None
    minutes: int
    goal: int | None  # the day's planned minutes (None: no plan that day)
    moved: bool
    on_plan: bool
    flare: bool  # a flare by the person's own answer, or a flare day
    rest: bool  # rest kept as planned
    flare_plan: bool  # the day's own plan was the gentler flare plan (not a tough day after one)
    note: str | None = None


@dataclass(frozen=True)
class GoalChange:
    """The daily goal from a date on, and why it changed when a flare lowered it."""

    date: date
    minutes: int
    after_flare: bool  # lowered on a flare day or in flare mode
    again: bool  # back to a level held before


@dataclass(frozen=True)
class WeekAnswers:
    """One week's answers to the three weekly questions (None where not answered)."""

    date: date
    enjoyment: int | None
    confidence_tasks: int | None
    confidence_life: int | None


@dataclass(frozen=True)
class Trends:
    """Everything the share page, the Mini App and the PDF show for one period."""

    start: date
    end: date
    days: tuple[TrendDay, ...]
    goals: tuple[GoalChange, ...]
    weeks: tuple[WeekAnswers, ...]
    monthly: tuple[ReflectionAnswers, ...]

    @property
    def days_moved(self) -> int:
        """Days with movement in the period."""
        return sum(d.moved for d in self.days)

    @property
    def days_on_plan(self) -> int:
        """Days on plan (moved, rest kept, a gentler plan followed)."""
        return sum(d.on_plan for d in self.days)

    @property
    def flare_days(self) -> int:
        """Flare days in the period."""
        return sum(d.flare for d in self.days)

    @property
    def rest_days(self) -> int:
        """Rest days kept as planned."""
        return sum(d.rest for d in self.days)

    @property
    def minutes(self) -> int:
        """Minutes moved in the period."""
        return sum(d.minutes for d in self.days)

    @property
    def goal_minutes(self) -> int:
        """The planned minutes of the period (days with a plan)."""
        return sum(d.goal or 0 for d in self.days)

    @property
    def checkins(self) -> int:
        """Days with at least one rating."""
        return sum(d.pain is not None for d in self.days)

    def average(self, field: str) -> float | None:
        """Mean of one rating over the period, one decimal; None when never rated."""
        values = [getattr(d, field) for d in self.days if getattr(d, field) is not None]
        return round(mean(values), 1) if values else None


def goal_changes(
    decisions: Iterable[PastDecision], start: date, end: date
) -> tuple[GoalChange, ...]:
    """The goal's level at `start` and each change up to `end`: '10 min, then 9 from 13 Dec after
    a flare, 10 again from 15 Dec'."""
    changes: list[GoalChange] = []
    seen: set[int] = set()
    for plan in sorted(decisions, key=lambda p: p.date):
        if plan.date > end:
            break
        level = plan.level_minutes
        if changes and changes[-1].minutes == level:
            continue
        if plan.date < start:  # before the period: only the level it starts with counts
            changes = [GoalChange(start, level, after_flare=False, again=False)]
            seen = {level}
            continue
        lowered = bool(changes) and level < changes[-1].minutes
        after_flare = lowered and (plan.in_flare_mode or plan.day_type == "flare")
        changes.append(
            GoalChange(
                plan.date, level, after_flare=after_flare, again=bool(changes) and level in seen
            )
        )
        seen.add(level)
    return tuple(changes)


def week_answers(answers: Iterable[ReflectionAnswers]) -> tuple[WeekAnswers, ...]:
    """The weekly answers by week, oldest first (a week with none answered is left out)."""
    return tuple(
        WeekAnswers(a.date, a.enjoyment, a.confidence_tasks, a.confidence_life)
        for a in sorted(answers, key=lambda a: a.date)
        if a.kind == "weekly"
        and (a.enjoyment, a.confidence_tasks, a.confidence_life) != (None, None, None)
    )


def trends(
    history: History,
    today: date,
    weeks: int,
    *,
    marks: Mapping[date, str] | None = None,
    joined: date | None = None,
    reflections: Iterable[ReflectionAnswers] = (),
    notes: Mapping[date, str] | None = None,
) -> Trends:
    """The last `weeks` weeks up to today (never before the person joined)."""
    first = today - timedelta(days=weeks * WEEK)
    first = min([first, *(d.date for d in history.days), *(p.date for p in history.decisions)])
    days = read_days(history, first, today, marks=marks, joined=joined, as_of=today)
    return trends_of(days, today, weeks, joined=joined, reflections=reflections, notes=notes)


def trends_of(
    days: Iterable[Day],
    today: date,
    weeks: int,
    *,
    joined: date | None = None,
    reflections: Iterable[ReflectionAnswers] = (),
    notes: Mapping[date, str] | None = None,
) -> Trends:
    """`trends` from the days as read (`read_days`; a plan before the period says which level
    it starts with)."""
    days = [d for d in days if d.date <= today]
    span = weeks * WEEK
    start = today - timedelta(days=span - 1)
    if joined is not None:
        start = min(max(start, joined), today)
    points = progress_of(days, today, span, joined=joined).days
    by_date = {d.date: d for d in days}
    notes = notes or {}
    shown = tuple(
        _day(point, by_date.get(point.date), notes.get(point.date))
        for point in points
        if point.date >= start
    )
    answers = [r for r in reflections if start <= r.date <= today]
    return Trends(
        start=start,
        end=today,
        days=shown,
        goals=goal_changes((d.plan for d in days if d.plan is not None), start, today),
        weeks=week_answers(answers),
        monthly=tuple(
            sorted(
                (a for a in answers if a.kind == "monthly" and a.overall_change is not None),
                key=lambda a: a.date,
            )
        ),
    )


def _day(point: DayPoint, day: Day | None, note: str | None) -> TrendDay:
    """One point of the period with the ratings the chart of /progress does not draw."""
    record = day.record if day is not None else None
    plan = day.plan if day is not None else None
    return TrendDay(
        date=point.date,
        pain=point.pain,
        interference=record.interference if record else None,
        energy=record.energy if record else None,
        sleep=record.sleep if record else None,
        minutes=point.minutes,
        goal=plan.goal_minutes if plan is not None and plan.goal_kind != "rest" else None,
        moved=point.moved,
        on_plan=point.on_plan,
        flare=point.flare,
        rest=point.rest,
        flare_plan=point.flare_plan,
        note=note,
    )
