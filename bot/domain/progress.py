"""What a person did over the last weeks, in numbers a chart and a summary can show.

One truth for numbers: `day_status` says whether someone moved on a day D, or was on plan
without moving, from what is stored about D. Every number people see (the group's tally, the
weekly summary, /progress and its chart, the clinician's PDF) is counted with it.

The facts about day D, each attributed to the day it is about:

- the plan's Done tapped on D (or minutes reported for D);
- the check-in's movement answer given at the next check-in after D: the question is "since
  your last check-in, did you do your movement?", so the answer is about the day of the last
  check-in before it was given (a day with no check-in is never counted by it);
- the group's "Done today" or "Rest day" tapped on D;
- D's own plan: planned rest, or a gentler flare plan.

Moved on D: Done on D, "Done today" on D, or "yes"/"some" about D (a gentler session counts in
full). On plan on D: moved; or rested as planned ("planned rest" about D, or "Rest day" on D);
or, on a day whose own plan was rest or a flare plan, the person told us they did not move:
that is following the plan. Nothing known about D is neither.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean
from typing import Literal

from bot.domain.rules import DayRecord, History, PastDecision
from bot.domain.rules.sessions import heard_from

CHART_DAYS = 28  # four weeks, as the issue asks
WEEK_DAYS = 7  # "days moved this week (x/7)"
WEEKS_AGO = 4  # "minutes against 4 weeks ago"
MIN_CHECKINS_FOR_CHART = 3  # fewer than this gets a kind message instead of an empty chart
ONE_DAY = timedelta(days=1)
# Without the days heard from, a check-in's movement answer is read as about the day before it.
ANSWER_LAG = ONE_DAY
MOVED_ANSWERS = frozenset({"yes", "some"})
SOME_SHARE = 0.5  # "some" counts as half the planned minutes (the day still counts in full)

# moved | rest: rested as planned | gentler: a rest or flare plan followed without movement
DayStatus = Literal["moved", "rest", "gentler"]
Mark = Literal["moved", "resting"]


@dataclass(frozen=True)
class PlanFacts:
    """What a day's own plan says about counting it."""

    goal_minutes: int = 0
    planned_rest: bool = False
    flare_adjusted: bool = False


def plan_facts(
    *, day_type: str, goal_kind: str, goal_minutes: int, in_flare_mode: bool
) -> PlanFacts:
    """A stored plan's counting facts (from a database row or a PastDecision alike)."""
    return PlanFacts(
        goal_minutes=max(goal_minutes, 0),
        planned_rest=goal_kind == "rest",
        flare_adjusted=in_flare_mode or day_type == "flare" or goal_kind == "flare_toolkit",
    )


def plan_facts_of(plan: PastDecision) -> PlanFacts:
    """The counting facts of a decision the rules stored."""
    return plan_facts(
        day_type=plan.day_type, goal_kind=plan.goal_kind, goal_minutes=plan.goal_minutes,
        in_flare_mode=plan.in_flare_mode,
    )  # fmt: skip


def is_flare_plan(plan: PastDecision) -> bool:
    """Whether a day's own plan was the flare plan (a tough day in flare mode is not)."""
    return plan.day_type == "flare" or plan.goal_kind == "flare_toolkit"


@dataclass(frozen=True)
class DayFacts:
    """Everything stored that says something about one day D."""

    done: bool = False  # the plan's Done tapped on D
    minutes: int | None = None  # minutes reported for D
    answer: str | None = None  # the check-in's movement answer about D (given on D+1)
    mark: str | None = None  # "moved" or "resting": the group's buttons on D
    plan: PlanFacts | None = None  # D's own plan


def day_status(facts: DayFacts) -> DayStatus | None:
    """Moved, rested as planned, followed a gentler plan, or None (nothing on plan known)."""
    if (
        facts.done
        or (facts.minutes or 0) > 0
        or facts.answer in MOVED_ANSWERS
        or facts.mark == "moved"
    ):
        return "moved"
    if facts.answer == "rest" or facts.mark == "resting":
        return "rest"
    plan = facts.plan
    if facts.answer == "no" and plan is not None and (plan.planned_rest or plan.flare_adjusted):
        return "gentler"
    return None


def moved(facts: DayFacts) -> bool:
    """Whether the person moved on the day."""
    return day_status(facts) == "moved"


def on_plan(facts: DayFacts) -> bool:
    """Whether the day was on plan: moved, planned rest, or a rest or flare plan followed."""
    return day_status(facts) is not None


def minutes_moved(facts: DayFacts) -> int:
    """Minutes moved: as reported, else the plan's minutes when moved (half for "some")."""
    if facts.minutes:
        return max(facts.minutes, 0)
    if day_status(facts) != "moved":
        return 0
    planned = facts.plan.goal_minutes if facts.plan is not None else 0
    if facts.done or facts.mark == "moved" or facts.answer == "yes":
        return planned
    return int(planned * SOME_SHARE)


def answers_about(
    answers: Mapping[date, str | None], heard: Iterable[date] | None = None
) -> dict[date, str]:
    """Movement answers by the day they are about; `answers` are keyed by the date given.

    "Since your last check-in, did you do your movement?" is about the last day before it that
    the person checked in (or declared rest, or tapped Done): `heard` are those days. An answer
    with no such day before it is about nothing we planned and counts for no day; a day with no
    check-in stays missed. Without `heard`, each answer is about the day before it was given.
    """
    if heard is None:
        return {given - ANSWER_LAG: answer for given, answer in answers.items() if answer}
    anchors = sorted(set(heard))
    about: dict[date, str] = {}
    for given, answer in sorted(answers.items()):
        if not answer:
            continue
        at = bisect_left(anchors, given)
        if at:
            about[anchors[at - 1]] = answer
    return about


def facts_by_day(
    *,
    answers: Mapping[date, str | None],
    done: Iterable[date] = (),
    minutes: Mapping[date, int | None] | None = None,
    marks: Mapping[date, str] | None = None,
    plans: Mapping[date, PlanFacts] | None = None,
    heard: Iterable[date] | None = None,
) -> dict[date, DayFacts]:
    """Stored facts by the day they are about; `answers` are keyed by the date they were given,
    `heard` are the days the person checked in (see `answers_about`).

    This is the one place that moves a movement answer to the day it reports on.
    """
    minutes, marks, plans = minutes or {}, marks or {}, plans or {}
    done_days = set(done)
    about = answers_about(answers, heard)
    days = done_days | set(about) | set(marks) | set(plans) | set(minutes)
    return {
        day: DayFacts(
            done=day in done_days,
            minutes=minutes.get(day),
            answer=about.get(day),
            mark=marks.get(day),
            plan=plans.get(day),
        )
        for day in days
    }


def history_facts(
    history: History, marks: Mapping[date, str] | None = None, upto: date | None = None
) -> dict[date, DayFacts]:
    """The facts of a person's History (and their group marks), by the day they are about."""
    days = [d for d in history.days if upto is None or d.date <= upto + ANSWER_LAG]
    return facts_by_day(
        answers={d.date: d.movement for d in days},
        done=[d.date for d in days if d.done],
        minutes={d.date: d.done_minutes for d in days if d.done_minutes},
        marks=marks,
        plans={p.date: plan_facts_of(p) for p in history.decisions},
        # A plan is only made on a day we heard from the person (a check-in or a declared rest).
        heard=[
            *(d.date for d in history.days if heard_from(d)),
            *(p.date for p in history.decisions),
        ],
    )



class ByStatus:
    """`moved` and `on_plan` read from a day's status, the one definition every day type shares."""

    status: DayStatus | None

    @property
    def moved(self) -> bool:
        """Whether the person moved that day."""
        return self.status == "moved"

    @property
    def on_plan(self) -> bool:
        """Whether the day was on plan (moved, planned rest, a gentler plan followed)."""
        return self.status is not None


Decided = Literal["rest", "safety", "flare", "tough", "steady", "good"]
# A red flag of these tiers holds the day's plan: no movement is asked of the person that day.
SAFETY_HOLDS = ("emergency", "crisis")


@dataclass(frozen=True)
class Day(ByStatus):
    """One local day as every surface shows it: what was decided for it, what is stored about
    it, and whether the person moved or was on plan (`status`, from `day_status`)."""

    date: date
    decided: Decided | None  # None: no plan was made that day
    status: DayStatus | None  # moved | rest | gentler | None (nothing on plan known)
    minutes: int  # minutes moved, as counted (`minutes_moved`)
    facts: DayFacts  # what is known about the day, each fact on the day it is about
    record: DayRecord | None = None  # the day's own check-in, Done and red flag
    plan: PastDecision | None = None  # the day's own plan

    @property
    def goal_kind(self) -> str | None:
        """session | flare_toolkit | rest; None without a plan."""
        return self.plan.goal_kind if self.plan else None

    @property
    def goal_minutes(self) -> int:
        """The plan's minutes (0 without a plan)."""
        return self.plan.goal_minutes if self.plan else 0

    @property
    def level_minutes(self) -> int | None:
        """The plan's level (None without a plan)."""
        return self.plan.level_minutes if self.plan else None

    @property
    def answer(self) -> str | None:
        """The movement answer about this day (given at the next check-in)."""
        return self.facts.answer

    @property
    def pain(self) -> int | None:
        """The day's pain rating."""
        return self.record.pain if self.record else None

    @property
    def checked_in(self) -> bool:
        """Whether the person rated the day (or answered the flare question)."""
        return self.record is not None and self.record.checked_in

    @property
    def flare(self) -> bool:
        """A flare by the person's own answer that day, or a flare day by the rules."""
        return bool(self.record and self.record.flare == "yes") or bool(
            self.plan and self.plan.day_type == "flare"
        )

    @property
    def rest(self) -> bool:
        """Rest kept as planned."""
        planned = self.facts.plan is not None and self.facts.plan.planned_rest
        return self.status == "rest" or (self.status == "gentler" and planned)

    @property
    def flare_adjusted(self) -> bool:
        """The day's plan was made gentler for a flare (a flare day or in flare mode)."""
        return self.facts.plan is not None and self.facts.plan.flare_adjusted

    @property
    def flare_plan(self) -> bool:
        """The day's own plan was the flare plan; a tough day while recovering is not."""
        return self.plan is not None and is_flare_plan(self.plan)


def decided_of(record: DayRecord | None, plan: PastDecision | None) -> Decided | None:
    """What was decided for a day: a safety hold, a rest the person declared, or the plan's
    day type (None: no plan was made)."""
    if record is not None and record.red_flag in SAFETY_HOLDS:
        return "safety"
    if record is not None and record.rest_declared:
        return "rest"
    return plan.day_type if plan is not None else None


def read_days(
    history: History,
    first: date,
    last: date,
    *,
    marks: Mapping[date, str] | None = None,
    joined: date | None = None,
    as_of: date | None = None,
) -> tuple[Day, ...]:
    """Each day from `first` to `last`, oldest first: the one definition every surface reads.

    A day is counted with everything the history holds about it (a "since your last check-in"
    answer given days later included), or only what was said by the day after `as_of`. Days
    before `joined` (the person's first local date) count for nothing (their status is None).
    """
    records = {d.date: d for d in history.days}
    plans = {p.date: p for p in history.decisions}
    facts = history_facts(history, marks, upto=as_of)
    out: list[Day] = []
    day = first
    while day <= last:
        record, plan = records.get(day), plans.get(day)
        known = DayFacts() if joined is not None and day < joined else facts.get(day, DayFacts())
        shown = Day(
            date=day, decided=decided_of(record, plan), status=day_status(known),
            minutes=minutes_moved(known), facts=known, record=record, plan=plan,
        )  # fmt: skip
        out.append(shown)
        day += ONE_DAY
    return tuple(out)


def _first_date(history: History, fallback: date) -> date:
    dates = [d.date for d in history.days] + [p.date for p in history.decisions]
    return min([fallback, *dates])


@dataclass(frozen=True)
class DayPoint(ByStatus):
    """One day on the chart."""

    date: date
    minutes: int
    pain: int | None
    flare: bool  # a flare by the person's own ratings that day
    rest: bool  # planned rest, kept
    flare_adjusted: bool  # the plan that day was a flare plan
    checked_in: bool
    status: DayStatus | None = None
    # The day's own plan was the flare plan; a tough day while recovering from one is not.
    flare_plan: bool = False


@dataclass(frozen=True)
class Progress:
    """The last four weeks and this week's figures."""

    days: tuple[DayPoint, ...]
    checkins: int
    days_moved_week: int
    minutes_week: int
    minutes_4_weeks_ago: int
    days_on_plan_week: int = 0
    # The person was with us for the whole week four weeks ago: only then is it compared.
    history_4_weeks_ago: bool = True

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
class ReflectionAnswers:
    """One weekly (or monthly) set of answers to the reflection questions."""

    date: date
    kind: str  # weekly | monthly
    enjoyment: int | None = None  # 0-10: how much pain got in the way of enjoying life
    confidence_tasks: int | None = None  # 0-6
    confidence_life: int | None = None  # 0-6
    overall_change: int | None = None  # 1-7, monthly


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
    goal_history: tuple[tuple[date, int], ...]  # (date, daily goal level in minutes) at each change
    days_on_plan: int = 0
    reflections: tuple[ReflectionAnswers, ...] = ()

    @property
    def days(self) -> int:
        """Days in the period (since joining, at most four weeks)."""
        return (self.end - self.start).days + 1


def _point(day: Day) -> DayPoint:
    return DayPoint(
        date=day.date, minutes=day.minutes, pain=day.pain, flare=day.flare, rest=day.rest,
        flare_adjusted=day.flare_adjusted, checked_in=day.checked_in, status=day.status,
        flare_plan=day.flare_plan,
    )  # fmt: skip


def _window(by_date: Mapping[date, Day], last: date, count: int) -> list[Day]:
    days = (by_date.get(last - ONE_DAY * back) for back in range(count))
    return [d for d in days if d is not None]


def progress(
    history: History,
    today: date,
    span: int = CHART_DAYS,
    *,
    marks: Mapping[date, str] | None = None,
    joined: date | None = None,
) -> Progress:
    """Per-day points for the last `span` days (oldest first) and this week's figures.

    Days before `joined` (the person's first local date) count for nothing.
    """
    first = today - timedelta(days=max(span - 1, WEEKS_AGO * WEEK_DAYS + WEEK_DAYS - 1))
    days = read_days(history, first, today, marks=marks, joined=joined, as_of=today)
    return progress_of(days, today, span, joined=joined)


def progress_of(
    days: Iterable[Day], today: date, span: int = CHART_DAYS, *, joined: date | None = None
) -> Progress:
    """`progress` from the days as read (`read_days`): those from `today - span + 1` make the
    chart, the week and the same week four weeks ago the figures; a date missing from `days`
    is a day with nothing known (before the person joined)."""
    by_date = {d.date: d for d in days if d.date <= today and (joined is None or d.date >= joined)}
    points = []
    for back in range(span - 1, -1, -1):
        day = today - timedelta(days=back)
        shown = by_date.get(day)
        points.append(_point(shown) if shown is not None else _point(_nothing(day)))
    week = _window(by_date, today, WEEK_DAYS)
    weeks_ago_end = today - timedelta(weeks=WEEKS_AGO)
    weeks_ago = _window(by_date, weeks_ago_end, WEEK_DAYS)
    weeks_ago_start = weeks_ago_end - ONE_DAY * (WEEK_DAYS - 1)
    return Progress(
        days=tuple(points),
        checkins=sum(p.checked_in for p in points),
        days_moved_week=sum(d.moved for d in week),
        minutes_week=sum(d.minutes for d in week),
        minutes_4_weeks_ago=sum(d.minutes for d in weeks_ago),
        days_on_plan_week=sum(d.on_plan for d in week),
        history_4_weeks_ago=joined is None or joined <= weeks_ago_start,
    )


def _nothing(day: date) -> Day:
    return Day(date=day, decided=None, status=None, minutes=0, facts=DayFacts())


def pain_series(data: Progress) -> list[float]:
    """The chart's pain line: NaN where there was no rating, so the line breaks there."""
    return [float(d.pain) if d.pain is not None else math.nan for d in data.days]


def _averages(days: Iterable[Day], start: date, end: date) -> Averages:
    """Mean of each rating between two dates, inclusive."""
    records = [d.record for d in days if start <= d.date <= end and d.record is not None]

    def avg(values: list[int | None]) -> float | None:
        present = [v for v in values if v is not None]
        return round(mean(present), 1) if present else None

    return Averages(
        pain=avg([r.pain for r in records]),
        interference=avg([r.interference for r in records]),
        energy=avg([r.energy for r in records]),
        sleep=avg([r.sleep for r in records]),
    )


def visit_summary(
    history: History,
    today: date,
    span: int = CHART_DAYS,
    *,
    marks: Mapping[date, str] | None = None,
    joined: date | None = None,
    reflections: Iterable[ReflectionAnswers] = (),
) -> VisitSummary:
    """Averages now and in the four weeks before, flare days, days moved, goal changes.

    The period is the last `span` days, but never before the person joined: adherence is
    counted over days they were with us.
    """
    first = _first_date(history, today - timedelta(days=2 * span))
    days = read_days(history, first, today, marks=marks, joined=joined, as_of=today)
    return visit_summary_of(days, today, span, joined=joined, reflections=reflections)


def visit_summary_of(
    days: Iterable[Day],
    today: date,
    span: int = CHART_DAYS,
    *,
    joined: date | None = None,
    reflections: Iterable[ReflectionAnswers] = (),
) -> VisitSummary:
    """`visit_summary` from the days as read (`read_days`; the span before it for the
    comparison, and the goal's changes from the plans among them)."""
    days = [d for d in days if d.date <= today]
    start = today - timedelta(days=span - 1)
    if joined is not None:
        start = min(max(start, joined), today)
    chart = progress_of(days, today, span, joined=joined)
    period = [p for p in chart.days if p.date >= start]
    levels: list[tuple[date, int]] = []
    for day in days:
        plan = day.plan
        if plan is None or (joined is not None and plan.date < joined):
            continue
        if not levels or levels[-1][1] != plan.level_minutes:
            levels.append((plan.date, plan.level_minutes))
    before_end = start - ONE_DAY
    before_start = before_end - timedelta(days=span - 1)
    if joined is not None:
        before_start = max(before_start, joined)
    before = (
        _averages(days, before_start, before_end)
        if before_start <= before_end
        else Averages(None, None, None, None)
    )
    return VisitSummary(
        start=start,
        end=today,
        now=_averages(days, start, today),
        before=before,
        flare_days=sum(p.flare for p in period),
        days_moved=sum(p.moved for p in period),
        checkins=sum(p.checked_in for p in period),
        goal_history=tuple(levels),
        days_on_plan=sum(p.on_plan for p in period),
        reflections=_reflections_shown(reflections, start, today, joined),
    )


def _reflections_shown(
    answers: Iterable[ReflectionAnswers], start: date, today: date, joined: date | None
) -> tuple[ReflectionAnswers, ...]:
    """The period's answers, oldest first, and the latest monthly one even from before it.

    The monthly question ("since you started") comes every four weeks at the earliest, so a
    four-week period often holds none: its latest answer still says how things went overall.
    """
    answers = [a for a in answers if a.date <= today and (joined is None or a.date >= joined)]
    shown = [a for a in answers if a.date >= start]
    if not any(a.kind == "monthly" for a in shown):
        earlier = [a for a in answers if a.kind == "monthly" and a.date < start]
        if earlier:
            shown.append(max(earlier, key=lambda a: a.date))
    return tuple(sorted(shown, key=lambda a: a.date))
