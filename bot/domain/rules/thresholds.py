"""Every tunable number the rules use, each explained in docs/rules.md."""

from fractions import Fraction
from typing import Final

# --- Baseline ("How a day is classified") ---
BASELINE_WINDOW_CHECKINS: Final = 14  # "median of the last 14 non-flare check-ins"
BASELINE_MIN_CHECKINS: Final = 7  # "needs at least 7"

# --- Flare ("How a day is classified") ---
FLARE_PAIN_RISE: Final = 2  # "pain >= baseline + 2"
FLARE_INTERFERENCE_RISE: Final = 2  # "(interference >= baseline + 2"
FLARE_ENERGY_DROP: Final = 2  # "or energy <= baseline - 2)"
NO_BASELINE_FLARE_PAIN: Final = 7  # "before a baseline exists, pain >= 7"
NO_BASELINE_FLARE_INTERFERENCE: Final = 7  # "or interference >= 7"

# --- Tough ("How a day is classified") ---
TOUGH_PAIN_RISE: Final = 1  # "pain = baseline + 1", read as at least +1 (Farrar 2001)
POOR_SLEEP_MAX: Final = 3  # "sleep <= 3"
POST_SESSION_PAIN_RISE: Final = 2  # "pain rose by 2+ ... after a session"
POST_SESSION_WINDOW_DAYS: Final = 3  # "within 72 h after a session"

# --- Good ("How a day is classified") ---
GOOD_PAIN_DROP: Final = 1  # "pain <= baseline - 1"
GOOD_ENERGY_RISE: Final = 1  # "energy >= baseline + 1"

# --- Flare mode and clinician ("How a day is classified") ---
CALM_DAYS_TO_LEAVE_FLARE_MODE: Final = 2  # "Leaving flare mode: two non-flare days in a row"
# "return to the pre-flare level after a few calm days": after leaving flare mode (itself after 2
# calm days) the plan is one step lower until the 2nd calm (steady or good) check-in, which brings
# the pre-flare level back. 4 calm days in all, so a flare every 5 days still gets back there.
CALM_DAYS_TO_RETURN_TO_LEVEL: Final = 2
LONG_FLARE_MODE_DAYS: Final = 14  # "flare mode longer than 14 days"
FREQUENT_FLARE_EPISODES: Final = 3  # "3+ flares in 30 days", counted as flare-mode episodes
FREQUENT_FLARE_WINDOW_DAYS: Final = 30  # "3+ flares in 30 days"
CLINICIAN_NUDGE_INTERVAL_DAYS: Final = 7  # "Suggest seeing a clinician (gently)": at most weekly

# --- Starting level ("Progression") ---
START_LEVEL_CAP_MINUTES: Final = 10  # "capped at 10 minutes walking or 5-10 minutes ... bike"
MIN_LEVEL_MINUTES: Final = 2  # flare row "2-5 minutes": no plan is smaller than 2 minutes

# --- Weekly increase ("Progression") ---
INCREASE_INTERVAL_DAYS: Final = 7  # "Weekly increase"
INCREASE_PERCENT: Final = 10  # "+10% ..."
MIN_INCREASE_MINUTES: Final = 1  # "... or +1 minute, whichever is larger"
MAX_INCREASE_MINUTES: Final = 5  # "at most +5 minutes"
PROGRESSION_WINDOW_DAYS: Final = 7  # "Only when, over the last 7 days"
REQUIRED_ADHERENCE: Final = Fraction(2, 3)  # "at least two-thirds of planned sessions done"
MIN_SESSIONS_DONE_FOR_INCREASE: Final = 2  # evidence: aerobic training "2-3 times a week" (S3)
POST_SESSION_NEXT_DAY_RISE: Final = 2  # "no session followed by a next-day pain rise of 2+"
CEILING_MINUTES: Final = 30  # "Ceiling: about 30 minutes light-to-moderate aerobic"
# "a person whose only obstacle is a short flare every week or two still grows, more slowly: for
# example one step after two weeks that met the other conditions with at most one short flare
# each". Flares every 5-10 days are ordinary, so two weeks may hold up to three short ones (a
# flare every 5 days puts two in some 7-day windows); this is our reading, tunable here.
SLOW_INCREASE_INTERVAL_DAYS: Final = 14  # "one step after two weeks"
MAX_SHORT_FLARES_FOR_SLOW_INCREASE: Final = 3  # a short flare every 5 days, over two weeks
SHORT_FLARE_MAX_DAYS: Final = 2  # "a short flare": our cut-off, one or two flare days in a row
PHYSIO_NUDGE_INTERVAL_DAYS: Final = 28  # "suggest a physiotherapist" occasionally, not daily

# --- Flare goal ("Progression": "today's goal drops to 50-70% of the current level") ---
FLARE_GOAL_PERCENT: Final = 60  # middle of "50-70%"
FLARE_GOAL_MAX_PERCENT: Final = 70  # top of "50-70%": a flare goal never exceeds it
FLARE_GOAL_MIN_MINUTES: Final = 2  # flare row "2-5 minutes gentle movement"
FLARE_GOAL_MAX_MINUTES: Final = 5  # flare row "2-5 minutes gentle movement"
FLARE_TOOLKIT_PAIN: Final = 8  # "or to the flare toolkit": our cut-off for a very high pain rating

# --- Good day ("Progression": "bank the good day") ---
BOOM_BUST_RATIO: Final = Fraction(3, 2)  # "a session over 1.5x the plan gets a gentle pacing note"

# --- Missed days ("Adherence") ---
MISSES_BEFORE_LOWERING: Final = 2  # "after 2+ misses, quietly lower the plan"
# The lowered plan is a restart step, as after a flare: the level returns after
# CALM_DAYS_TO_RETURN_TO_LEVEL calm check-ins with no new miss, so a missed weekend now and then
# does not lower the plan week after week.
WELCOME_BACK_GAP_DAYS: Final = 3  # "repairable streaks help": a warm restart after 3+ silent days

# --- Red flags ("Red flags") ---
DOCTOR_GENTLE_ONLY_DAYS: Final = 2  # "checked by a doctor today or tomorrow; gentle movement only"
DOCTOR_GOAL_MAX_MINUTES: Final = 5  # "gentle movement only": the flare row's 2-5 minutes
SAFETY_HOLD_WINDOW_DAYS: Final = 7  # "no progression" after a see-a-doctor or emergency flag
EMERGENCY_PAUSE_DAYS: Final = 1  # "skip exercise today. Pause nudges for 24 h"
CRISIS_PAUSE_DAYS: Final = 7  # "pause streaks and nudges": one week without plan pressure

# --- Levels of movement menus ("Content library categories": "Movement menus by level") ---
VERY_GENTLE_MAX_MINUTES: Final = 5  # flare row "2-5 minutes gentle movement"
GENTLE_MAX_MINUTES: Final = 12  # "aerobic work starts around 10 minutes a day (or as low as 5)"

# --- Content choice ("Kinds" in content/README.md) ---
NO_REPEAT_DAYS: Final = 7  # tips and encouragement: "no repeat within 7 days"
EDUCATION_INTERVAL_DAYS: Final = 7  # education: "day type, occasionally"

# --- Adherence display ("Adherence": "days moved this week (x/7) ... against 4 weeks ago") ---
DAYS_MOVED_WINDOW_DAYS: Final = 7  # "days moved this week (x/7)"
COMPARISON_WEEKS_AGO: Final = 4  # "minutes against 4 weeks ago"
SOME_MOVEMENT_SHARE: Final = Fraction(1, 2)  # "Some" counts as half the planned minutes
