"""What a message means: the intents and symptoms the reader knows, and a reading."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Intent = Literal[
    "stop", "delete", "export", "progress", "settings", "help", "rest", "more", "today",
    "symptom", "feeling", "thanks", "greeting", "clarify", "none",
]  # fmt: skip
Symptom = Literal[
    "neck", "headache", "back", "shoulders", "legs", "fatigue", "sleep", "stress", "brain_fog",
    "pain",
]  # fmt: skip
INTENTS: tuple[Intent, ...] = (
    "stop", "delete", "export", "progress", "settings", "help", "rest", "more", "today",
    "symptom", "feeling", "thanks", "greeting", "clarify", "none",
)  # fmt: skip
SYMPTOMS: tuple[Symptom, ...] = (
    "neck", "headache", "back", "shoulders", "legs", "fatigue", "sleep", "stress", "brain_fog",
    "pain",
)  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """What a message means; `detail` names the symptom, the feeling or the kind of thanks.

    A "clarify" reading is a message that could be two things: `options` are the intents to
    offer as buttons ("none" is "Just telling you"), best guess first.
    """

    intent: Intent
    detail: str = ""
    options: tuple[Intent, ...] = ()


NONE = Reading("none")
