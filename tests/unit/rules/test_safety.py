"""A red flag always wins: rest after an emergency or crisis, gentle only after a doctor flag."""

import pytest

from bot.domain.rules import DayRecord
from bot.domain.rules import reasons as r

from .factories import calm_days, checkin, plans, run

WEEK = calm_days(0, 6)
WEEK_PLANS = plans(0, 6, level=10, level_since=0)  # a week up: an increase would be due


@pytest.mark.parametrize(
    ("red_flag", "reason"),
    [("emergency", r.SAFETY_EMERGENCY_SKIP), ("crisis", r.SAFETY_CRISIS_REST)],
)
def test_emergency_and_crisis_mean_rest_and_no_content(red_flag: str, reason: str) -> None:
    today = checkin(7, movement="no", red_flag=red_flag)  # type: ignore[arg-type]
    decision = run((*WEEK, today), WEEK_PLANS, 7)
    assert (decision.goal_kind, decision.goal_minutes) == ("rest", 0)
    assert decision.content_keys == ()
    assert reason in decision.reasons
    assert decision.pause_nudges
    assert not (decision.level_increased or decision.never_miss_twice)
    assert decision.level_minutes == 10


def test_doctor_flag_today_means_gentle_only_and_no_increase() -> None:
    decision = run((*WEEK, checkin(7, red_flag="doctor")), WEEK_PLANS, 7)
    assert (decision.goal_kind, decision.goal_minutes, decision.level_tag) == (
        "session",
        5,
        "very_gentle",
    )
    assert r.SAFETY_DOCTOR_HOLD in decision.reasons
    assert (decision.level_minutes, decision.level_increased) == (10, False)


@pytest.mark.parametrize(
    ("days", "goal", "reasons"),
    [
        pytest.param(
            (*calm_days(0, 5), checkin(6, red_flag="doctor"), checkin(7)),
            5,
            (r.SAFETY_DOCTOR_HOLD,),
            id="the day after: still gentle (today or tomorrow)",
        ),
        pytest.param(
            (*calm_days(0, 4), checkin(5, red_flag="doctor"), *calm_days(6, 7)),
            10,
            (r.PROGRESSION_HOLD_SAFETY,),
            id="two days after: the usual goal, still no increase",
        ),
        pytest.param(
            (*calm_days(0, 5), checkin(6, red_flag="emergency"), checkin(7)),
            10,
            (r.PROGRESSION_HOLD_SAFETY, r.SAFETY_EMERGENCY_FOLLOWUP),
            id="the day after an emergency: a follow-up",
        ),
        pytest.param(
            (*calm_days(0, 5), checkin(6, red_flag="crisis"), checkin(7)),
            10,
            (r.PROGRESSION_HOLD_SAFETY, r.SAFETY_CRISIS_FOLLOWUP),
            id="the day after a crisis: a gentle follow-up",
        ),
    ],
)
def test_after_a_red_flag(days: tuple[DayRecord, ...], goal: int, reasons: tuple[str, ...]) -> None:
    decision = run(days, WEEK_PLANS, 7)
    assert decision.goal_minutes == goal
    assert not decision.level_increased
    for reason in reasons:
        assert reason in decision.reasons


def test_follow_up_nudges_are_chosen() -> None:
    days = (*calm_days(0, 5), checkin(6, red_flag="crisis"), checkin(7, movement="no"))
    decision = run(days, WEEK_PLANS, 7)
    assert "nudge.crisis_followup.1" in decision.extra_keys
    assert decision.pause_nudges
    assert not decision.never_miss_twice
