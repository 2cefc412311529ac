"""What an everyday message means: greetings, rest, symptoms, "can I do more?", stop, help.

Pure functions over text, run after the safety scan and before any fallback. Matching is by
word patterns on a normalised form of the message (lower case, no apostrophes, common
misspellings mended), so "cant sleeep!!" and "Can't sleep" read the same.

`reading` (the intents and a reading), `words` (normalising), `today` (asking for today's plan),
`patterns` (the word patterns), `reader` (`read`), `dialogue` (inside a dialogue) and `tips`
(what to offer for a symptom).
"""

from bot.domain.intents.dialogue import interrupts_checkin, interrupts_cue, interrupts_setup
from bot.domain.intents.reader import read
from bot.domain.intents.reading import INTENTS, NONE, SYMPTOMS, Intent, Reading, Symptom
from bot.domain.intents.tips import (
    EXCLUDED_TAGS,
    SYMPTOM_CATEGORIES,
    SYMPTOM_TAGS,
    TipItem,
    choose_tip,
    extra_minutes,
    tip_candidates,
    tip_order,
)
from bot.domain.intents.today import TODAY_PHRASES, asks_for_today
from bot.domain.intents.words import is_question, normalise

__all__ = [
    "EXCLUDED_TAGS",
    "INTENTS",
    "NONE",
    "SYMPTOMS",
    "SYMPTOM_CATEGORIES",
    "SYMPTOM_TAGS",
    "TODAY_PHRASES",
    "Intent",
    "Reading",
    "Symptom",
    "TipItem",
    "asks_for_today",
    "choose_tip",
    "extra_minutes",
    "interrupts_checkin",
    "interrupts_cue",
    "interrupts_setup",
    "is_question",
    "normalise",
    "read",
    "tip_candidates",
    "tip_order",
]
