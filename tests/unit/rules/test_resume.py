"""After a flare or a quiet lowering: one step lower, then back after a few calm days."""

import pytest

from bot.domain.rules import DayType, PlanState, Profile, ease_back
from bot.domain.rules import reasons as r
from bot.domain.rules.thresholds import CALM_DAYS_TO_RETURN_TO_LEVEL

from .factories import calm_days, checkin, day, plan, plans, run, short_path, simulate

EASING = PlanState(level_minutes=9, level_since=day(0), pre_flare_level=10)
ONE_SHORT = PlanState(
    level_minutes=9,
    level_since=day(0),
    pre_flare_level=10,
    calm_days_in_flare_mode=CALM_DAYS_TO_RETURN_TO_LEVEL - 1,
)


@pytest.mark.parametrize(
    ("state", "day_type", "checked_in", "missed", "level", "count", "returned"),
    [
        pytest.param(EASING, "steady", True, False, 9, 1, False, id="a calm day counts"),
        pytest.param(EASING, "good", True, False, 9, 1, False, id="a good day counts"),
        pytest.param(EASING, "tough", True, False, 9, 0, False, id="a tough day does not"),
        pytest.param(EASING, "steady", False, False, 9, 0, False, id="no check-in does not"),
        pytest.param(EASING, "steady", True, True, 9, 0, False, id="a new miss does not"),
        pytest.param(ONE_SHORT, "steady", True, False, 10, 0, True, id="the last calm day returns"),
        pytest.param(ONE_SHORT, "good", True, False, 10, 0, True, id="a good one too"),
        pytest.param(ONE_SHORT, "tough", True, False, 9, 1, False, id="never back on a tough day"),
        pytest.param(ONE_SHORT, "steady", True, True, 9, 1, False, id="nor after a new miss"),
    ],
)
def test_ease_back(
    state: PlanState,
    day_type: DayType,
    checked_in: bool,
    missed: bool,
    level: int,
    count: int,
    returned: bool,
) -> None:
    step = ease_back(state, day_type, checked_in, missed)
    assert (step.state.level_minutes, step.state.calm_days_in_flare_mode) == (level, count)
    assert step.returned is returned
    assert step.state.pre_flare_level == (None if returned else 10)
    expected = (
        r.PROGRESSION_BACK_TO_PREVIOUS_LEVEL if returned else r.PROGRESSION_HOLD_EASING_BACK_IN
    )
    assert step.reasons == (expected,)
    assert step.state.level_since == day(0)  # the weekly clock is never restarted


def test_nothing_to_ease_back_to_clears_a_stale_target() -> None:
    stale = PlanState(level_minutes=10, level_since=day(0), pre_flare_level=10)
    step = ease_back(stale, "steady", True, False)
    assert (step.state.level_minutes, step.state.pre_flare_level, step.reasons) == (10, None, ())


def test_a_flare_then_back_to_the_pre_flare_level_within_four_calm_days() -> None:
    records = [
        *calm_days(0, 8, done=True),
        short_path(9, pain=7, flare="yes"),
        *calm_days(10, 16, done=True),
    ]
    decisions = simulate(records)
    levels = [d.level_minutes for d in decisions]
    # Day 7 rises to 11; the flare (day 9) keeps 11 with a flare goal; calm days 10-11 leave flare
    # mode one step lower (10); calm days 12-13 bring 11 back.
    assert levels[7:16] == [11, 11, 11, 11, 10, 10, 11, 11, 11]
    assert [d.in_flare_mode for d in decisions[9:12]] == [True, True, False]
    assert decisions[13].level_restored
    assert all(d.plan_level == 11 for d in decisions[7:])


def test_weekly_flares_never_ratchet_the_plan_down() -> None:
    # The history: a one-day flare every 7 days, good and steady days between.
    records = [
        short_path(n, pain=7, flare="yes")
        if n % 7 == 4
        else checkin(n, pain=3 if n % 3 == 0 else 4, energy=6 if n % 3 == 0 else 5, done=True)
        for n in range(30)  # flares on days 4, 11, 18, 25; back to the level by day 29
    ]
    decisions = simulate(records)
    start = decisions[0].level_minutes
    assert min(d.plan_level for d in decisions) == start
    assert decisions[-1].level_minutes >= start  # it used to be 10 -> 9 -> 8 -> 7 -> 6
    assert not any(d.plan_lowered for d in decisions)


def test_a_tough_day_while_easing_back_delays_the_return_but_does_not_reset_it() -> None:
    records = [
        *calm_days(0, 6, done=True),
        short_path(7, pain=7, flare="yes"),
        *calm_days(8, 10, done=True),  # leave on day 9, first calm day on day 10
        checkin(11, sleep=2, done=True),  # tough: does not count
        checkin(12, done=True),  # second calm day: back
    ]
    decisions = simulate(records)
    assert [d.level_minutes for d in decisions[8:13]] == [10, 9, 9, 9, 10]
    assert decisions[11].day_type == "tough"
    assert decisions[12].level_restored


def test_a_quiet_lowering_comes_back_after_calm_days_without_a_miss() -> None:
    week, week_plans = calm_days(0, 6), plans(0, 6, level=10, level_since=3)
    days = [*week, checkin(7, movement="no"), checkin(8, movement="no")]
    stored = [*week_plans, plan(7, 10, level_since=3)]
    lowered = run(days, stored, 8)
    assert (lowered.level_minutes, lowered.pre_flare_level, lowered.plan_lowered) == (9, 10, True)
    assert lowered.state.level_since == day(3)  # a restart step, not a new level
    stored.append(lowered.as_past())
    days.append(checkin(9))
    first = run(days, stored, 9)
    assert (first.level_minutes, first.level_restored) == (9, False)
    assert r.PROGRESSION_HOLD_EASING_BACK_IN in first.reasons
    stored.append(first.as_past())
    days.append(checkin(10))
    back = run(days, stored, 10)
    assert (back.level_minutes, back.level_restored, back.pre_flare_level) == (10, True, None)
    assert r.PROGRESSION_BACK_TO_PREVIOUS_LEVEL in back.reasons


def test_misses_while_easing_back_lower_the_target_too() -> None:
    # Someone who keeps missing gets a lighter plan, one step at a time, and comes back to the
    # level just before the latest lowering, not to the one before all of them.
    records = [*calm_days(0, 6), *(checkin(n, movement="no") for n in range(7, 13))]
    decisions = simulate(records)
    lowerings = [d for d in decisions if d.plan_lowered]
    # Day 7 still rises to 11 (6 of 7 sessions done), then every two misses lower one step.
    assert [d.level_minutes for d in lowerings] == [10, 9, 8]
    assert [d.pre_flare_level for d in lowerings] == [11, 10, 9]


@pytest.mark.parametrize(
    ("record", "day_type"),
    [
        pytest.param(checkin(0, pain=8, interference=8, energy=2, flare="no"), "tough", id="no"),
        pytest.param(short_path(0, pain=9), "tough", id="short path, no"),
        pytest.param(checkin(0, pain=8, interference=8, flare="unsure"), "flare", id="unsure"),
        pytest.param(checkin(0, pain=8, interference=8, flare=None), "flare", id="unanswered"),
        pytest.param(checkin(0, pain=3, flare="yes"), "flare", id="yes, low pain"),
    ],
)
def test_first_check_in_the_persons_own_flare_answer_wins(record: object, day_type: str) -> None:
    decision = run([record], [], 0, profile=Profile(6, 14, ("walking",)))  # type: ignore[list-item]
    assert decision.day_type == day_type
    assert decision.in_flare_mode is (day_type == "flare")
    if day_type == "tough":
        # A tough day: the session at the current level, no increase, never a flare plan.
        assert r.TOUGH_HIGH_RATINGS_NOT_A_FLARE in decision.reasons
        assert not any(x.startswith("flare.") for x in decision.reasons)
        assert (decision.goal_kind, decision.goal_minutes) == ("session", 10)
        assert decision.content_day_type == "tough"
