"""A rest day declared in words is the day's plan: no goal, no increase, whatever the ratings."""

import dataclasses

import pytest

from bot.domain.rules import reasons as r

from .factories import calm_days, checkin, plans, run

WEEK = calm_days(0, 6)
WEEK_PLANS = plans(0, 6, level=10, level_since=0)  # a week up: an increase would be due


@pytest.mark.parametrize("pain", [1, 4, 8])
def test_a_declared_rest_day_has_no_movement_goal_and_no_increase(pain: int) -> None:
    today = dataclasses.replace(checkin(7, pain=pain, energy=8), rest_declared=True)
    decision = run((*WEEK, today), WEEK_PLANS, 7)
    assert (decision.goal_kind, decision.goal_minutes) == ("rest", 0)
    assert r.REST_DECLARED in decision.reasons
    assert not decision.level_increased and decision.level_minutes == 10


def test_without_the_declaration_the_same_day_is_a_session_with_its_increase() -> None:
    decision = run((*WEEK, checkin(7, pain=4, energy=8)), WEEK_PLANS, 7)
    assert decision.goal_kind == "session" and r.REST_DECLARED not in decision.reasons
    assert decision.level_increased


def test_safety_still_comes_before_a_declared_rest() -> None:
    today = dataclasses.replace(checkin(7, red_flag="crisis"), rest_declared=True)
    decision = run((*WEEK, today), WEEK_PLANS, 7)
    assert r.SAFETY_CRISIS_REST in decision.reasons and r.REST_DECLARED not in decision.reasons
