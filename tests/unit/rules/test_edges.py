"""The red-flag windows and the no-repeat window at their edges: the value, one below, one above.

Each case puts one event `days_ago` days before today, written from the constant, so a tuned
value moves its edge with it (test_documented_values.py pins the values themselves).
test_thresholds.py has the classification and progression edges.
"""

import pytest

from bot.domain.rules import Decision, RedFlag
from bot.domain.rules import reasons as r
from bot.domain.rules import thresholds as t

from .factories import CATALOGUE, calm_days, checkin, plan, plans, run

TODAY = 10


def edges(value: int, below: object, at: object, above: object) -> list[tuple[int, object]]:
    """(value - 1, expected), (value, expected), (value + 1, expected)."""
    return [(value - 1, below), (value, at), (value + 1, above)]


def flagged(days_ago: int, red_flag: RedFlag) -> Decision:
    """Today's decision after calm days with one `red_flag` `days_ago` days ago.

    Ten days at one level with every session done: an increase is due unless something holds it.
    """
    days = [*calm_days(0, TODAY)]
    days[TODAY - days_ago] = checkin(TODAY - days_ago, red_flag=red_flag)
    return run(days, plans(0, TODAY - 1, level=10, level_since=0), TODAY)


@pytest.mark.parametrize("red_flag", ["emergency", "doctor", "crisis"])
@pytest.mark.parametrize(("days_ago", "held"), edges(t.SAFETY_HOLD_WINDOW_DAYS, True, True, False))
def test_safety_hold_window(red_flag: RedFlag, days_ago: int, held: bool) -> None:
    decision = flagged(days_ago, red_flag)
    assert (r.PROGRESSION_HOLD_SAFETY in decision.reasons) is held
    assert decision.level_increased is not held


@pytest.mark.parametrize(("days_ago", "paused"), edges(t.CRISIS_PAUSE_DAYS, True, False, False))
def test_crisis_pause(days_ago: int, paused: bool) -> None:
    assert flagged(days_ago, "crisis").pause_nudges is paused


@pytest.mark.parametrize(("days_ago", "paused"), edges(t.EMERGENCY_PAUSE_DAYS, True, False, False))
def test_emergency_pause(days_ago: int, paused: bool) -> None:
    assert flagged(days_ago, "emergency").pause_nudges is paused


@pytest.mark.parametrize(
    ("days_ago", "gentle"), edges(t.DOCTOR_GENTLE_ONLY_DAYS, True, False, False)
)
def test_doctor_gentle_only(days_ago: int, gentle: bool) -> None:
    decision = flagged(days_ago, "doctor")
    assert (r.SAFETY_DOCTOR_HOLD in decision.reasons) is gentle
    assert (decision.goal_minutes <= t.DOCTOR_GOAL_MAX_MINUTES) is gentle


STEADY_TIPS = sorted(i.key for i in CATALOGUE if i.kind == "tip" and "steady" in i.day_types)


def tips_after_showing(days_ago: int) -> set[str | None]:
    """Today's tip over ten seeds, after every steady-day tip but one was shown `days_ago`."""
    stored = [*plans(0, TODAY - 1)]
    stored[TODAY - days_ago] = plan(TODAY - days_ago, content_keys=tuple(STEADY_TIPS[:-1]))
    days = calm_days(0, TODAY)
    return {run(days, stored, TODAY, seed=seed).tip_key for seed in range(10)}


@pytest.mark.parametrize(("days_ago", "only_unshown"), edges(t.NO_REPEAT_DAYS, True, True, False))
def test_no_repeat_window(days_ago: int, only_unshown: bool) -> None:
    tips = tips_after_showing(days_ago)
    assert (tips == {STEADY_TIPS[-1]}) is only_unshown
