"""The rules of Small Steps: pure functions from a person's history to today's plan."""

from .adherence import adherence_summary, minutes_on, missed_run, session_outcome
from .baseline import baseline, flare_dates
from .classify import classify_day
from .decision import decide
from .flare_mode import clinician_reasons, ease_back, update_flare_mode
from .flare_rule import flare_reasons, rating_flare_reasons
from .progression import (
    flare_goal,
    increase_step,
    next_level,
    start_level,
    step_down,
    week_holds,
    weekly_progression,
)
from .reasons import ALL_REASONS, REASON_CONTENT_KEYS, reason_key
from .selection import level_tag, person_activities, pick, pick_movement, pick_nudge
from .types import (
    DAY_TYPES,
    AdherenceSummary,
    Baseline,
    Classification,
    ContentItem,
    DayRecord,
    DayType,
    Decision,
    FlareAnswer,
    GoalKind,
    History,
    MovementAnswer,
    PastDecision,
    PlanState,
    Profile,
    RedFlag,
)
from .vocabulary import ACTIVITIES, LEVELS, NUDGE_FAMILIES

__all__ = [
    "ACTIVITIES",
    "ALL_REASONS",
    "DAY_TYPES",
    "LEVELS",
    "NUDGE_FAMILIES",
    "REASON_CONTENT_KEYS",
    "AdherenceSummary",
    "Baseline",
    "Classification",
    "ContentItem",
    "DayRecord",
    "DayType",
    "Decision",
    "FlareAnswer",
    "GoalKind",
    "History",
    "MovementAnswer",
    "PastDecision",
    "PlanState",
    "Profile",
    "RedFlag",
    "adherence_summary",
    "baseline",
    "classify_day",
    "clinician_reasons",
    "decide",
    "ease_back",
    "flare_dates",
    "flare_goal",
    "flare_reasons",
    "increase_step",
    "level_tag",
    "minutes_on",
    "missed_run",
    "next_level",
    "person_activities",
    "pick",
    "pick_movement",
    "pick_nudge",
    "rating_flare_reasons",
    "reason_key",
    "session_outcome",
    "start_level",
    "step_down",
    "update_flare_mode",
    "week_holds",
    "weekly_progression",
]
