"""Each threshold keeps the value docs/rules.md gives (and rules/thresholds.py quotes).

The edge tests (test_thresholds.py, test_edges.py) are written from the constants: they show the
rules turn exactly at each constant. This table shows each constant is the documented number, so a
threshold moved by one fails here, and a tuned value is a deliberate change to this table too.
"""

from fractions import Fraction

import pytest

from bot.domain.rules import thresholds as t

BRIEF = [
    ("BASELINE_WINDOW_CHECKINS", 14),
    ("BASELINE_MIN_CHECKINS", 7),
    ("FLARE_PAIN_RISE", 2),
    ("FLARE_INTERFERENCE_RISE", 2),
    ("FLARE_ENERGY_DROP", 2),
    ("NO_BASELINE_FLARE_PAIN", 7),
    ("NO_BASELINE_FLARE_INTERFERENCE", 7),
    ("TOUGH_PAIN_RISE", 1),
    ("POOR_SLEEP_MAX", 3),
    ("POST_SESSION_PAIN_RISE", 2),
    ("POST_SESSION_WINDOW_DAYS", 3),
    ("GOOD_PAIN_DROP", 1),
    ("GOOD_ENERGY_RISE", 1),
    ("CALM_DAYS_TO_LEAVE_FLARE_MODE", 2),
    ("CALM_DAYS_TO_RETURN_TO_LEVEL", 2),
    ("LONG_FLARE_MODE_DAYS", 14),
    ("FREQUENT_FLARE_EPISODES", 3),
    ("FREQUENT_FLARE_WINDOW_DAYS", 30),
    ("CLINICIAN_NUDGE_INTERVAL_DAYS", 7),
    ("START_LEVEL_CAP_MINUTES", 10),
    ("MIN_LEVEL_MINUTES", 2),
    ("INCREASE_INTERVAL_DAYS", 7),
    ("INCREASE_PERCENT", 10),
    ("MIN_INCREASE_MINUTES", 1),
    ("MAX_INCREASE_MINUTES", 5),
    ("PROGRESSION_WINDOW_DAYS", 7),
    ("REQUIRED_ADHERENCE", Fraction(2, 3)),
    ("MIN_SESSIONS_DONE_FOR_INCREASE", 2),
    ("POST_SESSION_NEXT_DAY_RISE", 2),
    ("CEILING_MINUTES", 30),
    ("SLOW_INCREASE_INTERVAL_DAYS", 14),
    ("MAX_SHORT_FLARES_FOR_SLOW_INCREASE", 3),
    ("SHORT_FLARE_MAX_DAYS", 2),
    ("PHYSIO_NUDGE_INTERVAL_DAYS", 28),
    ("FLARE_GOAL_PERCENT", 60),
    ("FLARE_GOAL_MAX_PERCENT", 70),
    ("FLARE_GOAL_MIN_MINUTES", 2),
    ("FLARE_GOAL_MAX_MINUTES", 5),
    ("FLARE_TOOLKIT_PAIN", 8),
    ("BOOM_BUST_RATIO", Fraction(3, 2)),
    ("MISSES_BEFORE_LOWERING", 2),
    ("WELCOME_BACK_GAP_DAYS", 3),
    ("DOCTOR_GENTLE_ONLY_DAYS", 2),
    ("DOCTOR_GOAL_MAX_MINUTES", 5),
    ("SAFETY_HOLD_WINDOW_DAYS", 7),
    ("EMERGENCY_PAUSE_DAYS", 1),
    ("CRISIS_PAUSE_DAYS", 7),
    ("VERY_GENTLE_MAX_MINUTES", 5),
    ("GENTLE_MAX_MINUTES", 12),
    ("NO_REPEAT_DAYS", 7),
    ("EDUCATION_INTERVAL_DAYS", 7),
    ("DAYS_MOVED_WINDOW_DAYS", 7),
    ("COMPARISON_WEEKS_AGO", 4),
    ("SOME_MOVEMENT_SHARE", Fraction(1, 2)),
]


@pytest.mark.parametrize(("name", "value"), BRIEF)
def test_the_threshold_is_the_documented_value(name: str, value: int | Fraction) -> None:
    assert getattr(t, name) == value


def test_every_threshold_is_in_the_table() -> None:
    assert {name for name, _ in BRIEF} == {n for n in vars(t) if n.isupper()}
