"""Tags, kinds and nudge key families the rules select content by (see content/README.md)."""

from typing import Final

ACTIVITIES: Final[tuple[str, ...]] = ("walking", "bike", "yoga", "water", "stretching", "taichi")
DEFAULT_ACTIVITY: Final = "walking"
# docs/rules.md#what-each-day-may-suggest, flare row: "slow walk, shoulder rolls, chin tucks";
# meditative movement is gentlest.
FLARE_ACTIVITIES: Final[tuple[str, ...]] = ("walking", "stretching", "taichi")

LEVEL_VERY_GENTLE: Final = "very_gentle"
LEVEL_GENTLE: Final = "gentle"
LEVEL_BUILDING: Final = "building"
LEVELS: Final[tuple[str, ...]] = (LEVEL_VERY_GENTLE, LEVEL_GENTLE, LEVEL_BUILDING)

SYMPTOM_TAGS: Final = frozenset({"headache", "neck", "upper_back", "sleep", "stress"})
TAG_SLEEP: Final = "sleep"
TAG_PROGRESS: Final = "progress"
TAG_RESTART: Final = "restart"

KIND_MOVEMENT: Final = "movement"
KIND_TIP: Final = "tip"
KIND_ENCOURAGEMENT: Final = "encouragement"
KIND_EDUCATION: Final = "education"
KIND_NUDGE: Final = "nudge"

CATEGORY_FLARE_TOOLKIT: Final = "flare_toolkit"

# Nudges are looked up by key family: `family` itself or any `family.<variant>` key.
NUDGE_NEVER_MISS_TWICE: Final = "nudge.never_miss_twice"
NUDGE_PLAN_LOWERED: Final = "nudge.plan_lowered"
NUDGE_WELCOME_BACK: Final = "nudge.welcome_back"
NUDGE_BOOM_BUST: Final = "nudge.boom_bust"
NUDGE_CLINICIAN_LONG_FLARE: Final = "nudge.clinician.long_flare"
NUDGE_CLINICIAN_FREQUENT_FLARES: Final = "nudge.clinician.frequent_flares"
NUDGE_PHYSIO_CEILING: Final = "nudge.physio.ceiling"
NUDGE_EMERGENCY_FOLLOWUP: Final = "nudge.emergency_followup"
NUDGE_CRISIS_FOLLOWUP: Final = "nudge.crisis_followup"

NUDGE_FAMILIES: Final[tuple[str, ...]] = (
    NUDGE_NEVER_MISS_TWICE,
    NUDGE_PLAN_LOWERED,
    NUDGE_WELCOME_BACK,
    NUDGE_BOOM_BUST,
    NUDGE_CLINICIAN_LONG_FLARE,
    NUDGE_CLINICIAN_FREQUENT_FLARES,
    NUDGE_PHYSIO_CEILING,
    NUDGE_EMERGENCY_FOLLOWUP,
    NUDGE_CRISIS_FOLLOWUP,
)
