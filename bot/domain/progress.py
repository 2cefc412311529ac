"""What a person did over the last weeks, in numbers a chart and a summary can show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean

from bot.domain.rules import History, adherence_summary, minutes_on

CHART_DAYS = 28  # four weeks, as the issue asks
MIN_CHECKINS_FOR_CHART = 3  # fewer than this gets a kind message instead of an empty chart


@dataclass(frozen=True)
class DayPoint:
    """One day on the chart."""

    date: date
    minutes: int
    pain: int | None
    flare: bool  # a flare by the person's own ratings that day
    rest: bool  # planned rest
    flare_adjusted: bool  # the plan that day was a flare plan
    checked_in: bool


@dataclass(frozen=True)
class Progress:
    """The last four weeks and this week's figures."""

    days: tuple[DayPoint, ...]
    checkins: int
    days_moved_week: int
    minutes_week: int
    minutes_4_weeks_ago: int

    @property
    def enough(self) -> bool:
        """Whether there is enough to draw."""
        return self.checkins >= MIN_CHECKINS_FOR_CHART


@dataclass(frozen=True)
class Averages:
    """Mean ratings over a period; None where nothing was rated."""

    pain: float | None
    interference: float | None
    energy: float | None
    sleep: float | None


@dataclass(frozen=True)
class VisitSummary:
    """The figures of the one-page summary for a physiotherapist or GP."""

    start: date
    end: date
    now: Averages
    before: Averages
    flare_days: int
    days_moved: int
    checkins: int
    goal_history: tuple[tuple[date, int], ...]  # (date, weekly level in minutes) at each change


def progress(history: History, today: date, span: int = CHART_DAYS) -> Progress:
    """Per-day points for the last `span` days (oldest first) and this week's figures."""
    by_date = {d.date: d for d in history.days if d.date <= today}
    plans = {p.date: p for p in history.decisions if p.date <= today}
    points = []
    for back in range(span - 1, -1, -1):
        day = today - timedelta(days=back)
        record, plan = by_date.get(day), plans.get(day)
        following = by_date.get(day + timedelta(days=1))
        points.append(
            DayPoint(
                date=day,
                minutes=minutes_on(day, by_date, plans),
                pain=record.pain if record else None,
                flare=bool(record and record.flare == "yes")
                or bool(plan and plan.day_type == "flare"),
                rest=bool(following and following.movement == "rest"),
                flare_adjusted=bool(plan and plan.flare_adjusted),
                checked_in=bool(record and record.checked_in),
            )
        )
    summary = adherence_summary(history.days, history.decisions, today)
    return Progress(
        days=tuple(points),
        checkins=sum(p.checked_in for p in points),
        days_moved_week=summary.days_moved_week,
        minutes_week=summary.minutes_week,
        minutes_4_weeks_ago=summary.minutes_4_weeks_ago,
    )


def _averages(history: History, start: date, end: date) -> Averages:
    """Mean of each rating between two dates, inclusive."""
    days = [d for d in history.days if start <= d.date <= end]

    def avg(values: list[int | None]) -> float | None:
        present = [v for v in values if v is not None]
        return round(mean(present), 1) if present else None

    return Averages(
        pain=avg([d.pain for d in days]),
        interference=avg([d.interference for d in days]),
        energy=avg([d.energy for d in days]),
        sleep=avg([d.sleep for d in days]),
    )


def visit_summary(history: History, today: date, span: int = CHART_DAYS) -> VisitSummary:
    """Averages now and in the four weeks before, flare days, days moved, goal changes."""
    start = today - timedelta(days=span - 1)
    chart = progress(history, today, span)
    levels: list[tuple[date, int]] = []
    for plan in sorted(history.decisions, key=lambda p: p.date):
        if not levels or levels[-1][1] != plan.level_minutes:
            levels.append((plan.date, plan.level_minutes))
    return VisitSummary(
        start=start,
        end=today,
        now=_averages(history, start, today),
        before=_averages(history, start - timedelta(days=span), start - timedelta(days=1)),
        flare_days=sum(p.flare for p in chart.days),
        days_moved=sum(p.minutes > 0 for p in chart.days),
        checkins=chart.checkins,
        goal_history=tuple(levels),
    )
