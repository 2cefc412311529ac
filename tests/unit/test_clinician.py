"""The clinician's view: goal changes in words' order, answers by week, the chart's legend."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from matplotlib.figure import Figure

from bot.domain.clinician import GoalChange, goal_changes, trends, week_answers
from bot.domain.progress import ReflectionAnswers, progress
from bot.domain.rules import DayRecord, History, PastDecision, Profile
from bot.views.charts import ChartText, _draw
from bot.views.content import Content
from bot.views.goals import SHOWN, goal_sentence

TODAY = date(2026, 12, 20)


def plan(back: int, level: int, **fields: object) -> PastDecision:
    values: dict[str, object] = {"day_type": "steady", "goal_minutes": level}
    values.update(fields)
    return PastDecision(
        date=TODAY - timedelta(days=back),
        level_minutes=level,
        **values,  # type: ignore[arg-type]
    )


def test_goal_changes_name_the_flare_and_a_level_held_before() -> None:
    plans = [
        plan(9, 8),  # before the period: only the level the period starts with counts
        plan(8, 10),
        plan(7, 10),
        plan(6, 9, day_type="flare", in_flare_mode=True),
        plan(5, 9, in_flare_mode=True),
        plan(4, 10),
        plan(3, 11),
        plan(2, 10, day_type="tough"),  # lowered, but not by a flare
    ]
    start = TODAY - timedelta(days=7)
    assert goal_changes(plans, start, TODAY) == (
        GoalChange(start, 10, after_flare=False, again=False),
        GoalChange(TODAY - timedelta(days=6), 9, after_flare=True, again=False),
        GoalChange(TODAY - timedelta(days=4), 10, after_flare=False, again=True),
        GoalChange(TODAY - timedelta(days=3), 11, after_flare=False, again=False),
        GoalChange(TODAY - timedelta(days=2), 10, after_flare=False, again=True),
    )
    # Plans after the period's end are not in it; none at all is an empty list.
    assert goal_changes(plans, start, TODAY - timedelta(days=7)) == (
        GoalChange(start, 10, after_flare=False, again=False),
    )
    assert goal_changes([], start, TODAY) == ()


def test_week_answers_leave_out_unanswered_weeks_and_monthly_rows() -> None:
    answers = [
        ReflectionAnswers(TODAY, "weekly", 3, 4, 5),
        ReflectionAnswers(TODAY - timedelta(days=7), "weekly"),
        ReflectionAnswers(TODAY - timedelta(days=14), "weekly", None, 2, None),
        ReflectionAnswers(TODAY, "monthly", overall_change=3),
    ]
    assert [(w.date, w.enjoyment, w.confidence_tasks) for w in week_answers(answers)] == [
        (TODAY - timedelta(days=14), None, 2),
        (TODAY, 3, 4),
    ]


HISTORY = History(
    profile=Profile(5, 15, ("walking",)),
    days=(
        DayRecord(date=TODAY - timedelta(days=3), pain=8, flare="yes", movement="yes"),
        DayRecord(date=TODAY - timedelta(days=2), pain=6, flare="no", movement="no"),
        DayRecord(date=TODAY - timedelta(days=1), pain=5, flare="no", movement="no"),
        DayRecord(
            date=TODAY, pain=4, flare="no", energy=5, sleep=6, interference=3, movement="rest"
        ),
    ),
    decisions=(
        plan(3, 9, day_type="flare", goal_kind="flare_toolkit", in_flare_mode=True),
        plan(2, 9, day_type="tough", in_flare_mode=True),  # a tough day while recovering
        plan(1, 9, goal_kind="rest", goal_minutes=0),
        plan(0, 10),
    ),
    symptom_tags=frozenset(),
)


def test_a_tough_day_after_a_flare_is_not_the_flare_plan() -> None:
    days = {d.date: d for d in progress(HISTORY, TODAY).days}
    assert days[TODAY - timedelta(days=3)].flare_plan
    assert not days[TODAY - timedelta(days=2)].flare_plan
    assert not days[TODAY - timedelta(days=1)].flare_plan


@pytest.mark.parametrize("weeks", [4, 12])
def test_trends_span_the_weeks_asked_never_before_joining(weeks: int) -> None:
    data = trends(HISTORY, TODAY, weeks)
    assert len(data.days) == weeks * 7 and data.end == TODAY
    joined = trends(HISTORY, TODAY, weeks, joined=TODAY - timedelta(days=3))
    assert joined.start == TODAY - timedelta(days=3) and len(joined.days) == 4
    assert joined.days[-1].energy == 5 and joined.days[-1].goal == 10
    assert joined.days[-2].goal is None  # a rest plan has no minutes to meet
    assert (joined.flare_days, joined.rest_days) == (1, 1)


def test_the_legend_lists_every_mark_the_chart_draws() -> None:
    text = ChartText("t", "Minutes", "Pain", "Flare", "Rest", "Flare plan", "No minutes", "Kept")
    figure = Figure()
    _draw(figure, progress(HISTORY, TODAY), text)
    legend = figure.axes[0].get_legend()
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == ["Minutes", "Rest", "Flare plan", "Flare", "Pain", "No minutes", "Kept"]
    bars = figure.axes[0].patches
    hatched = [bool(b.get_hatch()) for b in bars][-4:]
    assert hatched == [True, False, False, False]  # only the flare plan's own day


def test_the_goal_sentence_reads_as_a_short_list(content: Content) -> None:
    day = date(2026, 12, 5)
    three = (
        GoalChange(day, 10, after_flare=False, again=False),
        GoalChange(date(2026, 12, 13), 9, after_flare=True, again=False),
        GoalChange(date(2026, 12, 15), 10, after_flare=False, again=True),
    )
    assert goal_sentence(content, "en", three) == (
        "10 min, then 9 from 13 Dec after a flare, 10 again from 15 Dec"
    )
    assert goal_sentence(content, "en", ()) == "not rated"
    many = tuple(
        GoalChange(day + timedelta(days=i), 10 + i, after_flare=False, again=False)
        for i in range(SHOWN + 1)
    )
    said = goal_sentence(content, "en", many)
    assert (
        said.startswith("11 min from 06 Dec, then 12 from 07 Dec, 13 from 08 Dec")
        and said.count(",") == SHOWN - 1
    )
    assert goal_sentence(content, "en", many[:SHOWN]).startswith("10 min, then 11 from 06 Dec")
    lowered = (*many[:-SHOWN], GoalChange(day, 9, after_flare=True, again=False), *many[-5:])
    assert goal_sentence(content, "en", lowered).startswith("9 min from 05 Dec after a flare, ")
