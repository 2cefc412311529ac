"""What the buttons offer: the allowed values of each choice, shared by the keyboards that show
them and the callback codecs that check a tap against them (bot.views.callbacks)."""

from __future__ import annotations

from bot.domain.activities import ACTIVITIES as ACTIVITY_NAMES

# Activities and symptom tips, in button order.
ACTIVITIES: tuple[str, ...] = ACTIVITY_NAMES
SYMPTOMS: tuple[str, ...] = ("headache", "neck", "upper_back", "sleep", "stress")
# Everyday moments a goal can be tied to (cue.<moment> labels).
CUES: tuple[str, ...] = (
    "after_breakfast", "after_lunch", "after_morning_drink", "before_dinner", "after_a_rest",
)  # fmt: skip
# The weekly and monthly reflection questions in order, with the largest answer each allows;
# the smallest answer of each kind follows.
REFLECTIONS: dict[str, tuple[tuple[str, int], ...]] = {
    "weekly": (("enjoyment", 10), ("confidence_tasks", 6), ("confidence_life", 6)),
    "monthly": (("overall_change", 7),),
}
REFLECTION_LOWEST: dict[str, int] = {"weekly": 0, "monthly": 1}
