"""Flare mode: enter on a flare day, leave after two calm check-ins, resume one step lower."""

import dataclasses
from typing import Any

import pytest

from bot.domain.rules import (
    DayRecord,
    PastDecision,
    PlanState,
    clinician_reasons,
    update_flare_mode,
)
from bot.domain.rules import reasons as r

from .factories import calm_days, checkin, day, plan, plans, run

CALM = PlanState(level_minutes=10, level_since=day(0))
IN_FLARE = PlanState(
    level_minutes=10,
    level_since=day(0),
    in_flare_mode=True,
    pre_flare_level=10,
    flare_mode_since=day(5),
)
ONE_CALM_DAY = PlanState(
    level_minutes=10,
    level_since=day(0),
    in_flare_mode=True,
    pre_flare_level=10,
    flare_mode_since=day(5),
    calm_days_in_flare_mode=1,
)


@pytest.mark.parametrize(
    ("state", "day_type", "checked_in", "in_flare_mode", "calm", "level", "reasons"),
    [
        pytest.param(CALM, "steady", True, False, 0, 10, (), id="calm stays calm"),
        pytest.param(CALM, "tough", True, False, 0, 10, (), id="a tough day is not a flare"),
        pytest.param(CALM, "flare", True, True, 0, 10, (), id="a flare day enters"),
        pytest.param(IN_FLARE, "flare", True, True, 0, 10, (), id="flare continues"),
        pytest.param(
            IN_FLARE, "steady", True, True, 1, 10, (r.FLARE_MODE_CONTINUES,), id="one calm day"
        ),
        pytest.param(
            IN_FLARE, "tough", True, True, 1, 10, (r.FLARE_MODE_CONTINUES,), id="tough is calm"
        ),
        pytest.param(
            ONE_CALM_DAY,
            "good",
            True,
            False,
            0,
            9,
            (r.FLARE_RESUME_ONE_STEP_BELOW,),
            id="second calm day leaves one step below",
        ),
        pytest.param(
            ONE_CALM_DAY, "flare", True, True, 0, 10, (), id="a flare resets the calm count"
        ),
        pytest.param(
            ONE_CALM_DAY,
            "steady",
            False,
            True,
            1,
            10,
            (r.FLARE_MODE_CONTINUES,),
            id="no check-in proves nothing",
        ),
    ],
)
def test_update_flare_mode(
    state: PlanState,
    day_type: str,
    checked_in: bool,
    in_flare_mode: bool,
    calm: int,
    level: int,
    reasons: tuple[str, ...],
) -> None:
    change = update_flare_mode(state, day_type, checked_in, day(9))  # type: ignore[arg-type]
    after = change.state
    assert (after.in_flare_mode, after.calm_days_in_flare_mode) == (in_flare_mode, calm)
    assert after.level_minutes == level
    assert change.reasons == reasons


def test_entering_remembers_the_level_and_the_date() -> None:
    after = update_flare_mode(CALM, "flare", True, day(9)).state
    assert (after.pre_flare_level, after.flare_mode_since) == (10, day(9))


def test_leaving_keeps_the_weekly_clock_and_the_level_to_return_to() -> None:
    # The resume step is temporary, so the weekly clock is not restarted (it used to be, which
    # with a flare a week held every increase off for ever while each flare cost a step).
    after = update_flare_mode(ONE_CALM_DAY, "steady", True, day(9)).state
    assert after.level_since == day(0)
    assert (after.pre_flare_level, after.flare_mode_since) == (10, None)
    assert (after.level_minutes, after.calm_days_in_flare_mode) == (9, 0)


def test_leaving_at_the_minimum_has_nothing_to_return_to() -> None:
    at_minimum = dataclasses.replace(ONE_CALM_DAY, level_minutes=2, pre_flare_level=2)
    after = update_flare_mode(at_minimum, "steady", True, day(9)).state
    assert (after.level_minutes, after.pre_flare_level, after.in_flare_mode) == (2, None, False)


def test_a_flare_while_easing_back_in_keeps_the_earlier_level() -> None:
    easing = PlanState(level_minutes=9, level_since=day(0), pre_flare_level=10)
    entered = update_flare_mode(easing, "flare", True, day(9)).state
    assert (entered.in_flare_mode, entered.pre_flare_level, entered.level_minutes) == (True, 10, 9)
    calm = update_flare_mode(entered, "steady", True, day(10)).state
    left = update_flare_mode(calm, "steady", True, day(11)).state
    # Flare after flare: still one step below 10, never a step below 9.
    assert (left.in_flare_mode, left.level_minutes, left.pre_flare_level) == (False, 9, 10)


@pytest.mark.parametrize(
    ("level", "pain", "goal", "kind"),
    [
        (10, 6, 5, "session"),
        (7, 6, 4, "session"),
        (20, 5, 5, "session"),
        (10, 8, 0, "flare_toolkit"),
    ],
)
def test_flare_day_plan(level: int, pain: int, goal: int, kind: str) -> None:
    days = (*calm_days(0, 7), checkin(8, pain=pain, flare="yes"))
    decision = run(days, plans(0, 7, level=level, level_since=0), 8)
    assert (decision.day_type, decision.in_flare_mode) == ("flare", True)
    assert (decision.goal_minutes, decision.goal_kind) == (goal, kind)
    assert (decision.level_minutes, decision.level_increased) == (level, False)
    assert decision.level_tag == "very_gentle"
    assert decision.pre_flare_level == level


def test_flare_mode_keeps_the_reduced_goal_on_the_first_calm_day() -> None:
    days = (*calm_days(0, 7), checkin(8, flare="yes"), checkin(9))
    stored = (
        *plans(0, 7, level=10, level_since=0),
        plan(
            8,
            10,
            5,
            day_type="flare",
            in_flare_mode=True,
            pre_flare_level=10,
            flare_mode_since=8,
            level_since=0,
        ),
    )
    decision = run(days, stored, 9)
    assert (decision.day_type, decision.in_flare_mode, decision.goal_minutes) == ("steady", True, 5)
    assert decision.content_day_type == "flare"


def test_resume_one_step_below_the_pre_flare_level() -> None:
    days = (*calm_days(0, 7), checkin(8, flare="yes"), checkin(9), checkin(10))
    flare_plan: dict[str, Any] = {
        "in_flare_mode": True,
        "pre_flare_level": 22,
        "flare_mode_since": 8,
    }
    stored = (
        *plans(0, 7, level=22, level_since=0),
        plan(8, 22, 5, day_type="flare", **flare_plan),
        plan(9, 22, 5, calm_days_in_flare_mode=1, **flare_plan),
    )
    decision = run(days, stored, 10)
    assert (decision.in_flare_mode, decision.level_minutes, decision.goal_minutes) == (
        False,
        20,
        20,
    )
    assert r.FLARE_RESUME_ONE_STEP_BELOW in decision.reasons


def _in_flare_since(since: int) -> PlanState:
    return PlanState(
        10, day(0), in_flare_mode=True, pre_flare_level=10, flare_mode_since=day(since)
    )


@pytest.mark.parametrize(
    ("state", "episode_starts", "today", "reasons"),
    [
        pytest.param(_in_flare_since(0), (0,), 13, (), id="14 days is not longer than 14"),
        pytest.param(
            _in_flare_since(0), (0,), 14, (r.CLINICIAN_LONG_FLARE,), id="15th day of flare mode"
        ),
        pytest.param(CALM, (0, 10), 25, (), id="2 episodes in 30 days"),
        pytest.param(
            CALM, (0, 10, 20), 25, (r.CLINICIAN_FREQUENT_FLARES,), id="3 episodes in 30 days"
        ),
        pytest.param(CALM, (0, 10, 20), 30, (), id="the first episode left the 30 days"),
        pytest.param(
            _in_flare_since(20), (0, 10), 25, (r.CLINICIAN_FREQUENT_FLARES,), id="today's episode"
        ),
    ],
)
def test_clinician_reasons(
    state: PlanState, episode_starts: tuple[int, ...], today: int, reasons: tuple[str, ...]
) -> None:
    stored = [plan(n, in_flare_mode=True, flare_mode_since=n) for n in episode_starts]
    assert clinician_reasons(state, stored, day(today)) == reasons


def _long_flare(last_nudge: int | None) -> tuple[list[DayRecord], list[PastDecision]]:
    days = [checkin(n, pain=7, flare="yes") for n in range(16)]
    stored = [
        plan(
            n,
            10,
            5,
            day_type="flare",
            in_flare_mode=True,
            pre_flare_level=10,
            flare_mode_since=0,
            last_clinician_nudge=last_nudge,
        )
        for n in range(15)
    ]
    return days, stored


@pytest.mark.parametrize(
    ("last_nudge", "suggested"), [(None, True), (8, True), (9, False), (14, False)]
)
def test_clinician_nudge_at_most_once_a_week(last_nudge: int | None, suggested: bool) -> None:
    decision = run(*_long_flare(last_nudge), 15)
    assert decision.suggest_clinician is suggested
    assert (r.CLINICIAN_LONG_FLARE in decision.reasons) is suggested
    assert ("nudge.clinician.long_flare.1" in decision.extra_keys) is suggested
    if suggested:
        assert decision.state.last_clinician_nudge_date == day(15)


def test_no_clinician_nudge_in_a_short_flare() -> None:
    days = (*calm_days(0, 7), checkin(8, flare="yes"))
    decision = run(days, plans(0, 7), 8)
    assert not decision.suggest_clinician
