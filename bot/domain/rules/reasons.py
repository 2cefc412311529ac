"""Rule ids a decision cites; each has a `reason.<id>` content file for "Why this?"."""

from typing import Final

# How today was classified.
FLARE_SELF_REPORTED: Final = "flare.self_reported"
FLARE_PAIN_AND_INTERFERENCE: Final = "flare.pain_and_interference_above_baseline"
FLARE_PAIN_AND_LOW_ENERGY: Final = "flare.pain_above_baseline_low_energy"
FLARE_NO_BASELINE_HIGH_PAIN: Final = "flare.no_baseline_high_pain"
FLARE_NO_BASELINE_HIGH_INTERFERENCE: Final = "flare.no_baseline_high_interference"
TOUGH_PAIN_ABOVE_BASELINE: Final = "tough.pain_above_baseline"
TOUGH_POOR_SLEEP: Final = "tough.poor_sleep"
TOUGH_POST_SESSION_RISE: Final = "tough.post_session_rise"
TOUGH_HIGH_RATINGS_NOT_A_FLARE: Final = "tough.high_ratings_not_a_flare"
GOOD_BELOW_BASELINE_WITH_ENERGY: Final = "good.below_baseline_with_energy"
STEADY_USUAL_RANGE: Final = "steady.usual_range"
STEADY_NO_CHECKIN: Final = "steady.no_checkin"
REST_DECLARED: Final = "rest.declared"
BASELINE_NOT_ENOUGH_DATA: Final = "baseline.not_enough_data"

# Flare plan.
FLARE_GOAL_REDUCED: Final = "flare.goal_reduced"
FLARE_TOOLKIT_HIGH_PAIN: Final = "flare.toolkit_high_pain"
FLARE_TOOLKIT_LOW_LEVEL: Final = "flare.toolkit_low_level"
FLARE_MODE_CONTINUES: Final = "flare.mode_continues"
FLARE_RESUME_ONE_STEP_BELOW: Final = "flare.resume_one_step_below"

# Progression.
PROGRESSION_START: Final = "progression.start"
PROGRESSION_INCREASE: Final = "progression.increase"
PROGRESSION_INCREASE_WITH_FLARES: Final = "progression.increase_with_flares"
# Leaving flare mode when the two weeks earned a step: back at the old level, not one below it,
# with the step itself to come after the calm days of easing back in.
FLARE_RESUME_AT_PREVIOUS_LEVEL: Final = "flare.resume_at_previous_level"
PROGRESSION_HOLD_NOT_A_WEEK_YET: Final = "progression.hold.not_a_week_yet"
PROGRESSION_HOLD_TOUGH_DAY: Final = "progression.hold.tough_day"
PROGRESSION_HOLD_ADHERENCE: Final = "progression.hold.adherence"
PROGRESSION_HOLD_FLARE_IN_WEEK: Final = "progression.hold.flare_in_week"
PROGRESSION_HOLD_POST_SESSION_RISE: Final = "progression.hold.post_session_rise"
PROGRESSION_HOLD_SAFETY: Final = "progression.hold.safety"
PROGRESSION_HOLD_EASING_BACK_IN: Final = "progression.hold.easing_back_in"
PROGRESSION_BACK_TO_PREVIOUS_LEVEL: Final = "progression.back_to_previous_level"
PROGRESSION_CEILING: Final = "progression.ceiling"
GOOD_PLANNED_SESSION_ONLY: Final = "good.planned_session_only"

# Pacing and adherence.
PACING_BOOM_BUST: Final = "pacing.boom_bust"
ADHERENCE_NEVER_MISS_TWICE: Final = "adherence.never_miss_twice"
ADHERENCE_PLAN_LOWERED: Final = "adherence.plan_lowered"
ADHERENCE_WELCOME_BACK: Final = "adherence.welcome_back"

# Signposting.
CLINICIAN_LONG_FLARE: Final = "clinician.long_flare"
CLINICIAN_FREQUENT_FLARES: Final = "clinician.frequent_flares"
PHYSIO_AT_CEILING: Final = "physio.at_ceiling"

# Safety tiers.
SAFETY_EMERGENCY_SKIP: Final = "safety.emergency_skip"
SAFETY_DOCTOR_HOLD: Final = "safety.doctor_hold"
SAFETY_CRISIS_REST: Final = "safety.crisis_rest"
SAFETY_EMERGENCY_FOLLOWUP: Final = "safety.emergency_followup"
SAFETY_CRISIS_FOLLOWUP: Final = "safety.crisis_followup"

ALL_REASONS: Final[tuple[str, ...]] = (
    FLARE_SELF_REPORTED,
    FLARE_PAIN_AND_INTERFERENCE,
    FLARE_PAIN_AND_LOW_ENERGY,
    FLARE_NO_BASELINE_HIGH_PAIN,
    FLARE_NO_BASELINE_HIGH_INTERFERENCE,
    TOUGH_PAIN_ABOVE_BASELINE,
    TOUGH_POOR_SLEEP,
    TOUGH_POST_SESSION_RISE,
    TOUGH_HIGH_RATINGS_NOT_A_FLARE,
    GOOD_BELOW_BASELINE_WITH_ENERGY,
    STEADY_USUAL_RANGE,
    STEADY_NO_CHECKIN,
    REST_DECLARED,
    BASELINE_NOT_ENOUGH_DATA,
    FLARE_GOAL_REDUCED,
    FLARE_TOOLKIT_HIGH_PAIN,
    FLARE_TOOLKIT_LOW_LEVEL,
    FLARE_MODE_CONTINUES,
    FLARE_RESUME_ONE_STEP_BELOW,
    PROGRESSION_START,
    PROGRESSION_INCREASE,
    PROGRESSION_INCREASE_WITH_FLARES,
    FLARE_RESUME_AT_PREVIOUS_LEVEL,
    PROGRESSION_HOLD_NOT_A_WEEK_YET,
    PROGRESSION_HOLD_TOUGH_DAY,
    PROGRESSION_HOLD_ADHERENCE,
    PROGRESSION_HOLD_FLARE_IN_WEEK,
    PROGRESSION_HOLD_POST_SESSION_RISE,
    PROGRESSION_HOLD_SAFETY,
    PROGRESSION_HOLD_EASING_BACK_IN,
    PROGRESSION_BACK_TO_PREVIOUS_LEVEL,
    PROGRESSION_CEILING,
    GOOD_PLANNED_SESSION_ONLY,
    PACING_BOOM_BUST,
    ADHERENCE_NEVER_MISS_TWICE,
    ADHERENCE_PLAN_LOWERED,
    ADHERENCE_WELCOME_BACK,
    CLINICIAN_LONG_FLARE,
    CLINICIAN_FREQUENT_FLARES,
    PHYSIO_AT_CEILING,
    SAFETY_EMERGENCY_SKIP,
    SAFETY_DOCTOR_HOLD,
    SAFETY_CRISIS_REST,
    SAFETY_EMERGENCY_FOLLOWUP,
    SAFETY_CRISIS_FOLLOWUP,
)

REASON_CONTENT_KEYS: Final[tuple[str, ...]] = tuple(f"reason.{r}" for r in ALL_REASONS)


def reason_key(reason: str) -> str:
    """Content key of the "Why this?" text for a rule id."""
    return f"reason.{reason}"
