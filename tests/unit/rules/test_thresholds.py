"""Each threshold in rules/thresholds.py pinned at its edge: the value, one below, one above.

Cases are written from the constants, so a tuned value moves its edge with it. The baseline
week is pain 4, interference 4, energy 5 (factories.checkin defaults).
"""

from typing import Any

import pytest

from bot.domain.rules import DayRecord, DayType, PlanState, classify_day, update_flare_mode
from bot.domain.rules import thresholds as t
from bot.domain.rules.flare_mode import ease_back

from .factories import calm_days, checkin, day, plan, plans, run, short_path

BASE_PAIN, BASE_INTERFERENCE, BASE_ENERGY = 4, 4, 5
BASELINE_WEEK = calm_days(0, 6, movement="no")  # no sessions: no post-session rise
FEW_DAYS = calm_days(0, 2, movement="no")  # no baseline yet


def edges(value: int, below: Any, at: Any, above: Any) -> list[tuple[int, Any]]:
    """(value - 1, expected), (value, expected), (value + 1, expected)."""
    return [(value - 1, below), (value, at), (value + 1, above)]


def classify(today: DayRecord, earlier: tuple[DayRecord, ...] = BASELINE_WEEK) -> DayType:
    return classify_day((*earlier, today), today.date).day_type


@pytest.mark.parametrize(
    ("pain", "expected"), edges(BASE_PAIN + t.FLARE_PAIN_RISE, "tough", "flare", "flare")
)
def test_flare_pain_rise(pain: int, expected: DayType) -> None:
    today = checkin(7, pain=pain, interference=9, movement="no", flare=None)
    assert classify(today) == expected


@pytest.mark.parametrize(
    ("interference", "expected"),
    edges(BASE_INTERFERENCE + t.FLARE_INTERFERENCE_RISE, "tough", "flare", "flare"),
)
def test_flare_interference_rise(interference: int, expected: DayType) -> None:
    today = checkin(7, pain=9, interference=interference, movement="no", flare=None)
    assert classify(today) == expected


@pytest.mark.parametrize(
    ("energy", "expected"), edges(BASE_ENERGY - t.FLARE_ENERGY_DROP, "flare", "flare", "tough")
)
def test_flare_energy_drop(energy: int, expected: DayType) -> None:
    today = checkin(7, pain=9, interference=4, energy=energy, movement="no", flare=None)
    assert classify(today) == expected


@pytest.mark.parametrize(
    ("pain", "expected"), edges(t.NO_BASELINE_FLARE_PAIN, "steady", "flare", "flare")
)
def test_no_baseline_flare_pain(pain: int, expected: DayType) -> None:
    assert classify(short_path(3, pain, flare="unsure"), FEW_DAYS) == expected


@pytest.mark.parametrize(
    ("interference", "expected"),
    edges(t.NO_BASELINE_FLARE_INTERFERENCE, "steady", "flare", "flare"),
)
def test_no_baseline_flare_interference(interference: int, expected: DayType) -> None:
    today = checkin(3, interference=interference, movement="no", flare=None)
    assert classify(today, FEW_DAYS) == expected


@pytest.mark.parametrize(
    ("pain", "expected"), edges(t.NO_BASELINE_FLARE_PAIN, "steady", "tough", "tough")
)
def test_no_baseline_high_pain_with_no_flare_is_tough(pain: int, expected: DayType) -> None:
    assert classify(short_path(3, pain, flare="no"), FEW_DAYS) == expected


@pytest.mark.parametrize(
    ("pain", "expected"), edges(BASE_PAIN + t.TOUGH_PAIN_RISE, "steady", "tough", "tough")
)
def test_tough_pain_rise(pain: int, expected: DayType) -> None:
    assert classify(short_path(7, pain)) == expected


@pytest.mark.parametrize(("sleep", "expected"), edges(t.POOR_SLEEP_MAX, "tough", "tough", "steady"))
def test_poor_sleep(sleep: int, expected: DayType) -> None:
    assert classify(checkin(7, sleep=sleep, movement="no")) == expected


@pytest.mark.parametrize(
    ("pain", "expected"), edges(BASE_PAIN - t.GOOD_PAIN_DROP, "good", "good", "steady")
)
def test_good_pain_drop(pain: int, expected: DayType) -> None:
    assert classify(checkin(7, pain=pain, energy=9, movement="no")) == expected


@pytest.mark.parametrize(
    ("energy", "expected"), edges(BASE_ENERGY + t.GOOD_ENERGY_RISE, "steady", "good", "good")
)
def test_good_energy_rise(energy: int, expected: DayType) -> None:
    assert classify(checkin(7, pain=2, energy=energy, movement="no")) == expected


@pytest.mark.parametrize(
    ("rise", "expected"), edges(t.POST_SESSION_PAIN_RISE, "steady", "tough", "tough")
)
def test_post_session_pain_rise(rise: int, expected: DayType) -> None:
    days = (checkin(0, pain=2, movement="no", done=True), checkin(1, pain=2 + rise, movement="no"))
    assert classify(days[1], days[:1]) == expected


IN_FLARE = PlanState(10, day(0), in_flare_mode=True, pre_flare_level=10, flare_mode_since=day(5))


@pytest.mark.parametrize(
    ("calm_days", "in_flare_mode"), edges(t.CALM_DAYS_TO_LEAVE_FLARE_MODE, True, False, False)
)
def test_calm_days_to_leave_flare_mode(calm_days: int, in_flare_mode: bool) -> None:
    state = IN_FLARE
    for n in range(calm_days):
        state = update_flare_mode(state, "steady", True, day(6 + n)).state
    assert state.in_flare_mode is in_flare_mode


@pytest.mark.parametrize(("calm_days", "level"), edges(t.CALM_DAYS_TO_RETURN_TO_LEVEL, 9, 10, 10))
def test_calm_days_to_return_to_the_level(calm_days: int, level: int) -> None:
    state = PlanState(9, day(0), pre_flare_level=10)
    for _ in range(calm_days):
        state = ease_back(state, "steady", True, False).state
    assert state.level_minutes == level


WEEK = calm_days(0, 6)
WEEK_PLANS = plans(0, 6, level=10, level_since=3)


@pytest.mark.parametrize(("misses", "level"), edges(t.MISSES_BEFORE_LOWERING, 10, 9, 9))
def test_misses_before_lowering(misses: int, level: int) -> None:
    # The last `misses` planned sessions (days 7 - misses .. 6) were missed.
    days = [*WEEK[: 7 - misses + 1], *(checkin(n, movement="no") for n in range(8 - misses, 8))]
    assert run(days, WEEK_PLANS, 7).level_minutes == level


TODAY = 7


def week(
    days: dict[int, DayRecord] | None = None, level_since: int = 0, level: int = 10
) -> tuple[list[DayRecord], list[Any]]:
    all_days = {n: checkin(n) for n in range(TODAY + 1)} | (days or {})
    return list(all_days.values()), [plan(n, level, level_since=level_since) for n in range(TODAY)]


@pytest.mark.parametrize(("days_since", "level"), edges(t.INCREASE_INTERVAL_DAYS, 10, 11, 11))
def test_increase_interval(days_since: int, level: int) -> None:
    assert run(*week(level_since=TODAY - days_since), TODAY).level_minutes == level


@pytest.mark.parametrize(("done", "level"), [(3, 10), (4, 11), (5, 11)])
def test_required_adherence_two_thirds(done: int, level: int) -> None:
    # Six planned sessions (day 0 is rest), `done` of them done: 3/6 < 2/3 <= 4/6 < 5/6.
    missed = {n: checkin(n, movement="no") for n in range(2, 8 - done)}
    days, stored = week(missed)
    stored[0] = plan(0, 10, 0, goal_kind="rest", level_since=0)
    assert run(days, stored, TODAY).level_minutes == level


@pytest.mark.parametrize(("done", "level"), edges(t.MIN_SESSIONS_DONE_FOR_INCREASE, 10, 11, 11))
def test_min_sessions_done(done: int, level: int) -> None:
    # Every other planned day a planned rest: on plan throughout, `done` sessions done.
    rest = {n: checkin(n, movement="rest") for n in range(done + 1, TODAY + 1)}
    assert run(*week(rest), TODAY).level_minutes == level


@pytest.mark.parametrize(("rise", "level"), edges(t.POST_SESSION_NEXT_DAY_RISE, 11, 10, 10))
def test_post_session_next_day_rise(rise: int, level: int) -> None:
    # Day 3's session, then day 4's pain `rise` above it (under the tough window's own rule
    # nothing is tough on day 7 itself).
    days = {3: checkin(3, pain=2), 4: checkin(4, pain=2 + rise, interference=2)}
    assert run(*week(days), TODAY).level_minutes == level


@pytest.mark.parametrize(
    ("level", "after"),
    [(t.CEILING_MINUTES - 1, t.CEILING_MINUTES), (t.CEILING_MINUTES, t.CEILING_MINUTES)],
)
def test_ceiling(level: int, after: int) -> None:
    assert run(*week(level=level), TODAY).level_minutes == after


@pytest.mark.parametrize(
    ("pain", "kind"), edges(t.FLARE_TOOLKIT_PAIN, "session", "flare_toolkit", "flare_toolkit")
)
def test_flare_toolkit_pain(pain: int, kind: str) -> None:
    days = (*calm_days(0, 7), checkin(8, pain=pain, flare="yes"))
    assert run(days, plans(0, 7, level_since=0), 8).goal_kind == kind


@pytest.mark.parametrize(("minutes", "note"), [(14, False), (15, False), (16, True)])
def test_boom_bust_ratio(minutes: int, note: bool) -> None:
    # 1.5 x a 10-minute plan is 15: only more than that gets the pacing note.
    assert t.BOOM_BUST_RATIO * 10 == 15
    days = (*calm_days(0, 6), checkin(7, done_minutes=minutes), checkin(8))
    assert run(days, plans(0, 7, level_since=0), 8).boom_bust_note is note


@pytest.mark.parametrize(("silent", "welcome"), edges(t.WELCOME_BACK_GAP_DAYS, False, True, True))
def test_welcome_back_gap(silent: int, welcome: bool) -> None:
    back = 6 + silent + 1
    days = (*calm_days(0, 6), checkin(back))
    assert run(days, plans(0, 6, level_since=0), back).welcome_back is welcome
