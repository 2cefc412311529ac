"""Two weeks day by day through decide(): a rise, a flare, a resume a step lower, then back."""

from bot.domain.rules import DayRecord, Profile
from bot.domain.rules import reasons as r

from .factories import checkin, day, simulate

PROFILE = Profile(bad_day_minutes=6, good_day_minutes=14, activities=("walking", "taichi"))

# Each day: check-in answers and whether the person tapped Done after their session.
TWO_WEEKS: list[DayRecord] = [
    checkin(0, movement=None, done=True),
    *(checkin(n, done=True) for n in range(1, 9)),
    checkin(9, pain=6, interference=6, flare="yes"),  # flare: goal drops
    checkin(10, pain=8, interference=8, energy=2, flare="yes", movement="rest"),  # toolkit
    checkin(11, pain=5, movement="rest"),  # first calm day: still in flare mode
    checkin(12, movement="some", done=True),  # second calm day: resume one step lower
    checkin(13, done=True),  # first calm day one step lower
    checkin(14, done=True),  # second: back to the pre-flare level
    checkin(15, done=True),
]

# (day, day type, level, goal, goal kind, in flare mode, a reason that must be cited)
EXPECTED = [
    (0, "steady", 10, 10, "session", False, r.PROGRESSION_START),
    (6, "steady", 10, 10, "session", False, r.PROGRESSION_HOLD_NOT_A_WEEK_YET),
    (7, "steady", 11, 11, "session", False, r.PROGRESSION_INCREASE),
    (8, "steady", 11, 11, "session", False, r.PROGRESSION_HOLD_NOT_A_WEEK_YET),
    (9, "flare", 11, 5, "session", True, r.FLARE_GOAL_REDUCED),
    (10, "flare", 11, 0, "flare_toolkit", True, r.FLARE_TOOLKIT_HIGH_PAIN),
    (11, "tough", 11, 5, "session", True, r.FLARE_MODE_CONTINUES),
    (12, "steady", 10, 10, "session", False, r.FLARE_RESUME_ONE_STEP_BELOW),
    (13, "steady", 10, 10, "session", False, r.PROGRESSION_HOLD_EASING_BACK_IN),
    (14, "steady", 11, 11, "session", False, r.PROGRESSION_BACK_TO_PREVIOUS_LEVEL),
    # The weekly clock still runs from day 7 (the flare and the resume step did not restart it):
    # a week has passed, and the flare in it holds the level.
    (15, "steady", 11, 11, "session", False, r.PROGRESSION_HOLD_FLARE_IN_WEEK),
]


def test_two_weeks() -> None:
    decisions = simulate(TWO_WEEKS, profile=PROFILE)
    for n, day_type, level, goal, kind, flare_mode, reason in EXPECTED:
        decision = decisions[n]
        assert decision.date == day(n)
        got = (
            decision.day_type,
            decision.level_minutes,
            decision.goal_minutes,
            decision.goal_kind,
            decision.in_flare_mode,
        )
        assert got == (day_type, level, goal, kind, flare_mode), f"day {n}"
        assert reason in decision.reasons, f"day {n}: {decision.reasons}"
    assert decisions[9].pre_flare_level == 11
    assert decisions[14].level_restored and not decisions[14].level_increased
    assert decisions[14].state.level_since == day(7)
    assert decisions[9].goal_minutes <= 0.7 * decisions[9].level_minutes
    assert [d.activity for d in decisions[:4]] == ["walking", "taichi", "walking", "taichi"]
    assert decisions[13].adherence.days_moved_week == 5  # days 7-13 but the flare days 9, 10
    assert decisions[13].adherence.sessions_on_plan == decisions[13].adherence.planned_sessions
