"""One truth for numbers: "moved on day D" and "on plan on day D", and everyone counting with it.

The group's tally, the weekly summary, /progress (its lines and its chart) and the clinician's
PDF all read bot.domain.progress.day_status; these tests pin the definition and check the four
agree for one history.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from matplotlib.figure import Figure

from bot.domain.challenges import Member, group_status, status_of, tally
from bot.domain.progress import (
    DayFacts,
    DayStatus,
    PlanFacts,
    ReflectionAnswers,
    day_status,
    facts_by_day,
    history_facts,
    minutes_moved,
    on_plan,
    pain_series,
    plan_facts,
    plan_facts_of,
    progress,
    visit_summary,
)
from bot.domain.rules import DayRecord, History, PastDecision, Profile
from bot.views.charts import ChartText, _draw

D = date(2026, 6, 10)  # a Wednesday
NEXT = D + timedelta(days=1)
SESSION = PlanFacts(goal_minutes=10)
REST_PLAN = PlanFacts(goal_minutes=0, planned_rest=True)
FLARE_PLAN = PlanFacts(goal_minutes=3, flare_adjusted=True)


@pytest.mark.parametrize(
    ("facts", "status", "minutes"),
    [
        (DayFacts(), None, 0),  # no data: neither moved nor on plan
        (DayFacts(plan=SESSION), None, 0),  # a plan alone says nothing about what happened
        (DayFacts(done=True, plan=SESSION), "moved", 10),  # the plan's Done on D
        (DayFacts(answer="yes", plan=SESSION), "moved", 10),  # "yes" about D (given on D+1)
        (DayFacts(answer="some", plan=SESSION), "moved", 5),  # a gentler session counts in full
        (DayFacts(mark="moved"), "moved", 0),  # "Done today" in the group, no plan that day
        (DayFacts(mark="moved", plan=SESSION), "moved", 10),
        (DayFacts(answer="no", plan=SESSION), None, 0),  # a plain miss
        (DayFacts(answer="rest", plan=SESSION), "rest", 0),  # planned rest counts as on plan
        (DayFacts(mark="resting"), "rest", 0),  # "Rest day" in the group
        (DayFacts(answer="no", plan=REST_PLAN), "gentler", 0),  # the plan itself was rest
        (DayFacts(answer="no", plan=FLARE_PLAN), "gentler", 0),  # a flare day, kept gentle
        (DayFacts(plan=FLARE_PLAN), None, 0),  # a flare plan nobody told us about
        (DayFacts(answer="some", plan=FLARE_PLAN), "moved", 1),  # a flare-adjusted session
        (DayFacts(answer="rest", done=True, plan=SESSION), "moved", 10),  # moving wins
        (DayFacts(mark="resting", answer="yes", plan=SESSION), "moved", 10),
        (DayFacts(minutes=12), "moved", 12),  # minutes reported for D
    ],
)
def test_the_definition(facts: DayFacts, status: DayStatus | None, minutes: int) -> None:
    assert day_status(facts) == status
    assert on_plan(facts) is (status is not None)
    assert minutes_moved(facts) == minutes


def test_the_movement_answer_counts_for_the_day_it_is_about() -> None:
    """The check-in on D+1 asks "since your last check-in, did you do your movement?"."""
    facts = facts_by_day(answers={NEXT: "yes"}, done=[NEXT], plans={D: SESSION})
    assert day_status(facts[D]) == "moved" and facts[D].answer == "yes"
    assert facts[NEXT].answer is None and facts[NEXT].done  # D+1's own Done is D+1's
    only_answer = facts_by_day(answers={NEXT: "some"})
    assert set(only_answer) == {D}  # the check-in day itself learns nothing about itself


@pytest.mark.parametrize(
    ("day_type", "goal_kind", "in_flare_mode"),
    [
        ("steady", "session", False),
        ("flare", "flare_toolkit", True),
        ("tough", "session", True),
        ("flare", "session", False),
        ("good", "rest", False),
    ],
)
def test_plan_facts_agree_with_the_rules(
    day_type: str, goal_kind: str, in_flare_mode: bool
) -> None:
    fields: dict[str, object] = {"day_type": day_type, "goal_kind": goal_kind}
    decision = PastDecision(
        date=D, level_minutes=10, goal_minutes=4, in_flare_mode=in_flare_mode,
        **fields,  # type: ignore[arg-type]
    )  # fmt: skip
    facts = plan_facts(
        day_type=day_type, goal_kind=goal_kind, goal_minutes=4, in_flare_mode=in_flare_mode
    )
    assert facts == plan_facts_of(decision)
    assert facts.flare_adjusted is decision.flare_adjusted
    assert facts.planned_rest is (goal_kind == "rest")


def test_the_group_sees_only_moved_or_resting() -> None:
    assert group_status("moved") == "moved"
    assert group_status("rest") == group_status("gentler") == "resting"
    assert group_status(None) is None
    assert status_of("no", False, (), FLARE_PLAN) == "resting"
    assert status_of("no", False, (), SESSION) is None


# One history, counted four ways -------------------------------------------------------------

TODAY = date(2026, 6, 14)  # a Sunday: the weekly summary's day
JOINED = date(2026, 6, 5)


def day(offset: int, **fields: object) -> DayRecord:
    return DayRecord(date=TODAY - timedelta(days=offset), **fields)  # type: ignore[arg-type]


def plan(offset: int, **fields: object) -> PastDecision:
    values: dict[str, object] = {"day_type": "steady", "level_minutes": 10, "goal_minutes": 10}
    values.update(fields)
    return PastDecision(date=TODAY - timedelta(days=offset), **values)  # type: ignore[arg-type]


# Check-ins (pain; the movement answer is about the last check-in before), Done taps and plans.
HISTORY = History(
    profile=Profile(5, 15, ("walking",)),
    days=(
        day(9, pain=4, flare="no", movement="yes"),  # joining day; "yes" is about no check-in
        day(8, pain=4, flare="no", done=True),
        day(7, pain=5, flare="no", movement="yes"),  # about day 8 (also Done): moved once
        # day 6: no check-in at all (a gap in the pain line)
        day(5, pain=7, flare="yes", movement="no"),  # "no" about day 6: a miss
        day(4, pain=6, flare="no", movement="no"),  # "no" about day 5, a flare plan: on plan
        day(3, pain=5, flare="no", movement="some"),  # about day 4: moved
        day(2, pain=4, flare="no", movement="rest"),  # about day 3: planned rest
        # day 1: no check-in; the group's "Done today" (below) says day 1 moved
        day(0, pain=3, flare="no", done=True),  # today's Done; no answer about day 1 yet
    ),
    decisions=(
        plan(9),
        plan(8),
        plan(7),
        plan(6),
        plan(5, day_type="flare", goal_kind="flare_toolkit", goal_minutes=3, in_flare_mode=True),
        plan(4),
        plan(3),
        plan(1),
        plan(0),
    ),
)
MARKS = {TODAY - timedelta(days=1): "moved", TODAY - timedelta(days=3): "resting"}
MOVED = {8, 4, 1, 0}  # days back from today
ON_PLAN = MOVED | {5, 3}


def test_every_number_agrees_for_one_history() -> None:
    facts = history_facts(HISTORY, MARKS, upto=TODAY)
    statuses = {(TODAY - d).days: day_status(f) for d, f in facts.items() if JOINED <= d <= TODAY}
    assert {back for back, s in statuses.items() if s == "moved"} == MOVED
    assert {back for back, s in statuses.items() if s is not None} == ON_PLAN
    # "yes" on the joining day ("since your last check-in") is about no check-in: no day at all.
    assert JOINED - timedelta(days=1) not in facts

    # The weekly summary and /progress: the last 7 days, today included.
    data = progress(HISTORY, TODAY, marks=MARKS, joined=JOINED)
    week = {b for b in MOVED if b < 7}
    assert data.days_moved_week == len(week) == 3
    assert data.days_on_plan_week == len({b for b in ON_PLAN if b < 7}) == 5
    assert data.minutes_week == 25  # "some" of 10 on day 4, 10 on day 1, 10 today
    # The chart's bars and markers are the same days.
    chart = {(TODAY - p.date).days: p for p in data.days}
    assert {b for b, p in chart.items() if p.moved} == MOVED
    assert {b for b, p in chart.items() if p.on_plan} == ON_PLAN

    # The group's tally over a challenge that ran this week, from the same facts.
    start = TODAY - timedelta(days=6)
    member = Member(
        "Ana", {d: s for d, f in facts.items() if (s := group_status(day_status(f))) is not None}
    )
    [line] = tally([member], start, start + timedelta(days=6), TODAY)
    assert line.days == data.days_on_plan_week
    assert line.status == "moved"

    # The PDF: since joining (10 days), the same moved and on-plan days.
    summary = visit_summary(HISTORY, TODAY, marks=MARKS, joined=JOINED)
    assert (summary.start, summary.days) == (JOINED, 10)
    assert summary.days_moved == len(MOVED)
    assert summary.days_on_plan == len(ON_PLAN)
    assert summary.checkins == 8
    assert summary.flare_days == 1


def test_minutes_follow_the_same_days() -> None:
    data = progress(HISTORY, TODAY, marks=MARKS, joined=JOINED)
    minutes = {(TODAY - p.date).days: p.minutes for p in data.days if p.minutes}
    # Day 4: "some" of 10 minutes; day 1: a group mark with a 10-minute plan; today: Done.
    assert minutes == {8: 10, 4: 5, 1: 10, 0: 10}
    assert data.minutes_week == 25


def test_days_before_joining_count_for_nothing() -> None:
    early = History(
        profile=HISTORY.profile,
        days=(day(12, pain=5, done=True), day(11, pain=5, movement="yes"), *HISTORY.days),
        decisions=(plan(12), *HISTORY.decisions),
    )
    summary = visit_summary(early, TODAY, marks=MARKS, joined=JOINED)
    assert summary.days_moved == len(MOVED) and summary.checkins == 8
    assert summary.start == JOINED
    # Without a joining date the same history would look better on paper, over 28 days.
    loose = visit_summary(early, TODAY, marks=MARKS)
    assert loose.days == 28 and loose.days_moved == len(MOVED) + 2


def test_the_pdf_keeps_the_weekly_answers_of_its_period() -> None:
    answers = [
        ReflectionAnswers(date(2026, 5, 31), "weekly", 6, 2, 3),  # before joining
        ReflectionAnswers(date(2026, 6, 7), "weekly", 5, 3, 3),
        ReflectionAnswers(date(2026, 6, 7), "monthly", overall_change=3),
        ReflectionAnswers(TODAY, "weekly", 4, 4, None),
    ]
    summary = visit_summary(HISTORY, TODAY, joined=JOINED, reflections=answers)
    assert [(r.date, r.kind) for r in summary.reflections] == [
        (date(2026, 6, 7), "weekly"),
        (date(2026, 6, 7), "monthly"),
        (TODAY, "weekly"),
    ]


@pytest.mark.parametrize(
    ("answered", "shown"),
    [(date(2026, 5, 16), date(2026, 5, 16)), (date(2026, 5, 17), date(2026, 5, 17)),
     (date(2026, 5, 18), date(2026, 5, 18)), (date(2026, 6, 15), None)],
)  # fmt: skip
def test_the_latest_monthly_answer_is_shown_even_from_before_the_period(
    answered: date, shown: date | None
) -> None:
    # The period is the 28 days from Monday 18 May; a monthly answer from before it still
    # stands (the question comes every four weeks at most), one from tomorrow does not.
    answers = [
        ReflectionAnswers(date(2026, 4, 19), "monthly", overall_change=5),
        ReflectionAnswers(answered, "monthly", overall_change=3),
        ReflectionAnswers(date(2026, 5, 17), "weekly", 5, 3, 3),  # before the period: not shown
    ]
    summary = visit_summary(HISTORY, TODAY, reflections=answers)
    assert summary.start == date(2026, 5, 18)
    monthly = [r.date for r in summary.reflections if r.kind == "monthly"]
    assert monthly == ([shown] if shown else [date(2026, 4, 19)])
    assert [r for r in summary.reflections if r.kind == "weekly"] == []
    # Before joining, nothing is shown.
    joined = visit_summary(HISTORY, TODAY, joined=date(2026, 5, 18), reflections=answers)
    kept = shown is not None and shown >= joined.start
    assert [r.kind for r in joined.reflections] == (["monthly"] if kept else [])


def test_the_pain_line_leaves_gaps_where_there_was_no_checkin() -> None:
    data = progress(HISTORY, TODAY, marks=MARKS, joined=JOINED)
    series = pain_series(data)
    by_back = {(TODAY - p.date).days: v for p, v in zip(data.days, series, strict=True)}
    assert math.isnan(by_back[6]) and math.isnan(by_back[1]) and math.isnan(by_back[20])
    assert by_back[7] == 5 and by_back[5] == 7 and by_back[0] == 3
    figure = Figure()
    text = ChartText("t", "m", "p", "f", "r", "a", "n", "k")
    _draw(figure, data, text)
    pain_axes = figure.axes[1]
    [line] = [ln for ln in pain_axes.get_lines() if ln.get_color() == "#E69F00"]
    ys = [float(y) for y in line.get_ydata()]
    assert len(ys) == len(data.days)  # one point per day: nothing bridges a missing day
    assert [math.isnan(y) for y in ys] == [math.isnan(v) for v in series]


@pytest.mark.parametrize(
    ("joined", "compared"),
    [(date(2026, 5, 10), True), (date(2026, 5, 11), True), (date(2026, 5, 12), False),
     (JOINED, False)],
)  # fmt: skip
def test_four_weeks_ago_is_compared_only_when_the_whole_week_was_ours(
    joined: date, compared: bool
) -> None:
    # Four weeks before Sunday 14 June: the week of Monday 11 to Sunday 17 May.
    assert progress(HISTORY, TODAY, marks=MARKS, joined=joined).history_4_weeks_ago is compared
