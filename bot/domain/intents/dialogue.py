"""Inside a dialogue: which messages are handled instead of taken as the answer."""

from __future__ import annotations

from bot.domain.intents.reading import Intent, Reading

# Check-in questions whose answers are short values (not the free-text note).
_VALUE_QUESTIONS = frozenset({"pain", "flare", "interference", "energy", "sleep", "movement"})
# While a set-up step is open: what is clearly not an answer to "which time zone?" and the like.
_SETUP_BREAKS: frozenset[Intent] = frozenset(
    {"stop", "delete", "export", "progress", "help", "symptom", "thanks", "greeting"}
)
# The note takes any text: only requests about the bot itself interrupt it.
_NOTE_BREAKS: frozenset[Intent] = frozenset({"stop", "delete", "export", "progress"})


def interrupts_checkin(reading: Reading, question: str, *, answered: bool, asked: bool) -> bool:
    """Whether a message typed at an open check-in question is handled instead of stored.

    `answered`: the text reads as a valid answer; `asked`: the text is a question. A valid
    answer always counts, except that the free-text note gives way to requests about the bot.
    """
    if question == "note":
        return reading.intent in _NOTE_BREAKS or reading == Reading("help", "direct")
    if answered or question not in _VALUE_QUESTIONS:
        return False
    return reading.intent != "none" or asked


def interrupts_setup(reading: Reading, step: str) -> bool:
    """Whether a message typed at a set-up step is clearly not its answer."""
    if reading.intent == "symptom" and step == "sym":
        return False  # naming symptoms is the answer there
    return reading.intent in _SETUP_BREAKS


def interrupts_cue(reading: Reading) -> bool:
    """Whether a message typed when asked for an if-then cue is clearly not one."""
    return reading.intent in _NOTE_BREAKS or reading.intent == "help"
