"""Growth with frequent short flares: one step after two weeks in which short flares were the
only thing that held the plan; each threshold at its value, one below and one above."""

import dataclasses

import pytest

from bot.domain.rules import DayRecord, PastDecision, PlanState
from bot.domain.rules import reasons as r
from bot.domain.rules.progression import step_on_resume, weekly_progression
from bot.domain.rules.thresholds import (
    MAX_SHORT_FLARES_FOR_SLOW_INCREASE,
    SHORT_FLARE_MAX_DAYS,
    SLOW_INCREASE_INTERVAL_DAYS,
)

from .factories import checkin, day, plan

STATE = PlanState(level_minutes=10, level_since=day(0))


def life(today: int, flares: set[int], **changed: DayRecord) -> tuple[
    tuple[DayRecord, ...], tuple[PastDecision, ...]
]:  # fmt: skip
    """Days 0..today-1: a session done each calm day, a short-path flare on `flares`."""
    days = []
    decisions = []
    for n in range(today):
        if n in flares:
            days.append(checkin(n, pain=7, flare="yes", movement="yes"))
            decisions.append(plan(n, day_type="flare", goal=5, in_flare_mode=True, level_since=0))
        else:
            days.append(checkin(n, done=True))
            decisions.append(plan(n, level_since=0))
    for key, record in changed.items():
        days[int(key.removeprefix("d"))] = record
    return tuple(days), tuple(decisions)


def grows(today: int, flares: set[int], **changed: DayRecord) -> bool:
    days, decisions = life(today, flares, **changed)
    result = weekly_progression(STATE, "steady", day(today), days, decisions)
    if result.increased:
        assert result.reasons == (r.PROGRESSION_INCREASE_WITH_FLARES,)
        assert result.state.level_minutes == 11 and result.state.level_since == day(today)
    return result.increased


def test_the_documented_values() -> None:
    assert (SLOW_INCREASE_INTERVAL_DAYS, MAX_SHORT_FLARES_FOR_SLOW_INCREASE) == (14, 3)
    assert SHORT_FLARE_MAX_DAYS == 2


@pytest.mark.parametrize(("today", "expected"), [(13, False), (14, True), (15, True)])
def test_two_weeks_on_the_level_first(today: int, expected: bool) -> None:
    assert grows(today, {today - 4}) is expected


@pytest.mark.parametrize(
    ("flares", "expected"),
    [({9}, True), ({1, 9}, True), ({1, 5, 9}, True), ({1, 4, 8, 11}, False)],
)
def test_at_most_three_short_flares_in_the_two_weeks(flares: set[int], expected: bool) -> None:
    assert grows(14, flares) is expected


@pytest.mark.parametrize(("length", "expected"), [(1, True), (2, True), (3, False)])
def test_only_short_flares(length: int, expected: bool) -> None:
    assert grows(14, set(range(8, 8 + length))) is expected


def test_without_a_flare_the_usual_weekly_step_comes_first() -> None:
    days, decisions = life(7, set())
    result = weekly_progression(STATE, "steady", day(7), days, decisions)
    assert result.increased and result.reasons == (r.PROGRESSION_INCREASE,)


def test_a_pain_rise_on_a_flare_day_is_the_flare_but_one_on_another_day_holds() -> None:
    # Day 9's flare (pain 7) follows a session at pain 4: it is the flare itself.
    assert grows(14, {9})
    # Pain up by 2 the day after a session, on a day that is no flare: the plan holds.
    assert not grows(14, {5}, d11=dataclasses.replace(checkin(11, done=True), pain=6))


@pytest.mark.parametrize("day_type", ["flare", "tough"])
def test_never_on_a_flare_or_tough_day(day_type: str) -> None:
    days, decisions = life(14, {9})
    result = weekly_progression(STATE, day_type, day(14), days, decisions)  # type: ignore[arg-type]
    assert not result.increased


def test_the_week_before_last_must_be_fine_too() -> None:
    # Sessions missed in the first week: adherence held it, not only the flare.
    misses = {f"d{n}": checkin(n, movement="no") for n in range(1, 6)}
    assert not grows(14, {10}, **misses)


EASING = PlanState(level_minutes=9, level_since=day(0), pre_flare_level=10)


def test_the_step_can_come_as_the_plan_resumes_after_a_flare() -> None:
    days, decisions = life(14, {1, 5, 10})
    raised = step_on_resume(EASING, "steady", day(14), days, decisions)
    # The level to come back to is one step up; today is one step below it (the old level).
    assert raised is not None
    assert (raised.pre_flare_level, raised.level_minutes, raised.level_since) == (11, 10, day(14))


@pytest.mark.parametrize(("today", "day_type"), [(13, "steady"), (14, "tough"), (14, "flare")])
def test_not_as_it_resumes_too_early_or_on_a_hard_day(today: int, day_type: str) -> None:
    days, decisions = life(today, {1, 5, 10})
    assert step_on_resume(EASING, day_type, day(today), days, decisions) is None  # type: ignore[arg-type]
