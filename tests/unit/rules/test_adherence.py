"""Adherence against the person's own plan: outcomes, summaries, restarts and quiet lowering."""

import pytest

from bot.domain.rules import (
    AdherenceSummary,
    DayRecord,
    PastDecision,
    adherence_summary,
    session_outcome,
)
from bot.domain.rules import reasons as r

from .factories import calm_days, checkin, day, plan, plans, run, short_path


@pytest.mark.parametrize(
    ("planned", "days", "today", "outcome"),
    [
        pytest.param(plan(0), (checkin(0, done=True),), 1, "done", id="Done tapped"),
        pytest.param(plan(0), (checkin(0, done_minutes=4),), 1, "done", id="minutes told"),
        pytest.param(plan(0), (checkin(1, movement="yes"),), 1, "done", id="next day yes"),
        pytest.param(plan(0), (checkin(1, movement="some"),), 1, "done", id="next day some"),
        pytest.param(plan(0), (checkin(1, movement="rest"),), 1, "on_plan", id="planned rest"),
        pytest.param(
            plan(0, in_flare_mode=True), (checkin(1, movement="no"),), 1, "on_plan", id="flare plan"
        ),
        pytest.param(plan(0, goal_kind="flare_toolkit"), (), 2, "on_plan", id="flare toolkit day"),
        pytest.param(plan(0), (checkin(1, movement="no"),), 1, "missed", id="next day no"),
        pytest.param(plan(0), (), 2, "missed", id="no check-in and no Done"),
        pytest.param(
            plan(0), (DayRecord(day(1), done=True),), 2, "missed", id="a Done tap is no check-in"
        ),
        pytest.param(plan(0), (), 1, "unknown", id="today has not checked in yet"),
        pytest.param(
            plan(0), (short_path(1, 6),), 2, "unknown", id="short path skips the question"
        ),
        pytest.param(
            plan(0), (checkin(1, movement="no", red_flag="crisis"),), 2, "on_plan", id="crisis"
        ),
        pytest.param(plan(0, goal_kind="rest"), (), 2, None, id="a rest plan is not a session"),
    ],
)
def test_session_outcome(
    planned: PastDecision, days: tuple[DayRecord, ...], today: int, outcome: str | None
) -> None:
    by_date = {d.date: d for d in days}
    assert session_outcome(planned, by_date, day(today)) == outcome


def test_adherence_summary() -> None:
    days = (
        checkin(2, movement="no", done_minutes=10),  # 4 weeks ago window: days 2-8
        checkin(9, movement="no"),
        checkin(30, movement="no", done_minutes=12),
        checkin(31, movement="some"),  # day 30 already counted by its minutes
        checkin(32, movement="no"),  # day 31 missed
        checkin(33, movement="some"),  # day 32: half of 10
        checkin(34, movement="rest"),  # day 33 on plan
        checkin(35, movement="yes"),  # day 34: 10
        checkin(36, movement="no", done=True),  # day 35 missed, day 36 Done: 10
    )
    stored = plans(28, 36, level=10)
    assert adherence_summary(days, stored, day(36)) == AdherenceSummary(
        days_moved_week=4,  # days 30, 32, 34, 36 of 30-36
        minutes_week=12 + 5 + 10 + 10,
        minutes_4_weeks_ago=10,
        planned_sessions=7,  # days 29-35
        sessions_done=3,  # 30, 32, 34
        sessions_on_plan=4,  # + 33
        sessions_missed=3,  # 29 (day 30 says "no"), 31, 35
        misses_in_a_row=1,  # 35
        history_4_weeks_ago=True,  # heard from on day 2, the window's first day
    )


@pytest.mark.parametrize(("first", "compared"), [(1, True), (2, True), (3, False), (30, False)])
def test_four_weeks_ago_is_compared_only_when_the_person_was_with_us(
    first: int, compared: bool
) -> None:
    days = (checkin(first, movement="no"), checkin(36, movement="yes"))
    summary = adherence_summary(days, plans(35, 35, level=10), day(36))
    assert summary.history_4_weeks_ago is compared
    decision = run(days, plans(35, 35, level=10), 36)
    assert decision.summary()["compare_4_weeks"] == int(compared)


@pytest.mark.parametrize(("first", "compared"), [(2, True), (3, False)])
def test_a_plan_four_weeks_ago_counts_as_being_with_us(first: int, compared: bool) -> None:
    summary = adherence_summary((checkin(36),), plans(first, first, level=10), day(36))
    assert summary.history_4_weeks_ago is compared


WEEK = calm_days(0, 6)
WEEK_PLANS = plans(0, 6, level=10, level_since=3)


def test_one_miss_gets_a_never_miss_twice_nudge() -> None:
    decision = run((*WEEK, checkin(7, movement="no")), WEEK_PLANS, 7)
    assert decision.never_miss_twice
    assert r.ADHERENCE_NEVER_MISS_TWICE in decision.reasons
    assert "nudge.never_miss_twice.1" in decision.extra_keys
    assert decision.level_minutes == 10


def test_two_misses_in_a_row_quietly_lower_the_plan() -> None:
    days = (*WEEK, checkin(7, movement="no"), checkin(8, movement="no"))
    decision = run(days, (*WEEK_PLANS, plan(7, 10, level_since=3)), 8)
    assert (decision.level_minutes, decision.goal_minutes, decision.plan_lowered) == (9, 9, True)
    assert decision.state.plan_lowered_date == day(8)
    assert r.ADHERENCE_PLAN_LOWERED in decision.reasons
    assert not decision.never_miss_twice
    assert "nudge.plan_lowered.1" in decision.extra_keys


def test_lowering_needs_two_new_misses_after_the_last_one() -> None:
    days = (*WEEK, *(checkin(n, movement="no") for n in (7, 8, 9)))
    stored = (*WEEK_PLANS, plan(7, 10, level_since=3), plan(8, 9, level_since=8, plan_lowered=8))
    once_more = run(days, stored, 9)
    assert (once_more.level_minutes, once_more.plan_lowered) == (9, False)
    assert not once_more.never_miss_twice
    days = (*days, checkin(10, movement="no"))
    again = run(days, (*stored, plan(9, 9, level_since=8, plan_lowered=8)), 10)
    assert (again.level_minutes, again.plan_lowered) == (8, True)


def test_silent_days_with_a_plan_count_as_misses() -> None:
    days = (*calm_days(0, 5), checkin(8, movement="no"))
    decision = run(days, (*WEEK_PLANS, plan(7, 10, level_since=3)), 8)
    assert decision.plan_lowered


def test_coming_back_after_a_gap_is_welcomed_not_nudged() -> None:
    days = (*calm_days(0, 3), checkin(8, movement="no"))
    decision = run(days, plans(0, 3, level=10, level_since=0), 8)
    assert (decision.welcome_back, decision.never_miss_twice) == (True, False)
    assert r.ADHERENCE_WELCOME_BACK in decision.reasons
    assert "nudge.welcome_back.1" in decision.extra_keys


@pytest.mark.parametrize(
    "today",
    [
        pytest.param(short_path(7, 5), id="short path: movement not asked"),
        pytest.param(checkin(7, movement="no", red_flag="crisis"), id="crisis today"),
    ],
)
def test_no_restart_nudge(today: DayRecord) -> None:
    decision = run((*WEEK, today), WEEK_PLANS, 7)
    assert not decision.never_miss_twice
    assert not decision.plan_lowered


def test_misses_after_a_crisis_are_not_counted() -> None:
    days = (
        *calm_days(0, 4),
        checkin(5, red_flag="crisis"),
        *(checkin(n, movement="no") for n in (6, 7, 8)),
    )
    decision = run(days, (*WEEK_PLANS, plan(7, 10, level_since=3)), 8)
    assert decision.pause_nudges
    assert not (decision.plan_lowered or decision.never_miss_twice)
    assert decision.level_minutes == 10


@pytest.mark.parametrize(("minutes", "note"), [(16, True), (15, False), (10, False), (None, False)])
def test_boom_bust_note_after_more_than_one_and_a_half_times_the_plan(
    minutes: int | None, note: bool
) -> None:
    days = (*calm_days(0, 5), checkin(6, done_minutes=minutes), checkin(7, pain=3, energy=6))
    decision = run(days, WEEK_PLANS, 7)
    assert decision.boom_bust_note is note
    assert (r.PACING_BOOM_BUST in decision.reasons) is note
    assert ("nudge.boom_bust.1" in decision.extra_keys) is note


def test_good_day_is_the_planned_session_only() -> None:
    decision = run((*WEEK, checkin(7, pain=3, energy=6)), WEEK_PLANS, 7)
    assert decision.day_type == "good"
    assert decision.goal_minutes == decision.level_minutes == 10
    assert r.GOOD_PLANNED_SESSION_ONLY in decision.reasons
