"""The intent reader on negation, other people, sarcasm, settings and a choice when unsure."""

from __future__ import annotations

import pytest

from bot.domain.intents import Intent, Reading, read

TWO_THINGS: tuple[Intent, ...] = ("rest", "more", "today")
A_JOKE: tuple[Intent, ...] = ("none", "rest", "today")
CASES = [
    # Settings: where the reminder time is changed.
    ("i want to change my reminder time", Reading("settings")),
    ("remind me at 8pm instead", Reading("settings")),
    ("wrong time zone, im in perth", Reading("settings")),
    ("moved to the uk, need to change my timezone", Reading("settings")),
    # Negation: the denied intent is not acted on.
    ("not tired at all today", Reading("feeling", "better")),
    ("no headache today", Reading("feeling", "better")),
    ("not skipping today", Reading("none")),
    ("I don't want to do more", Reading("none")),
    ("didnt sleep a wink", Reading("symptom", "sleep")),  # sleep's own negation is the complaint
    # Other people's troubles are not the person's symptoms.
    ("my mum's back is bad again", Reading("none")),
    ("hubby's got a stinking headache so im on kid duty", Reading("none")),
    ("my back is bad again", Reading("symptom", "back")),
    # Sarcasm.
    ("thanks for nothing", Reading("feeling", "worse")),
    ("yeah loving life right now 🙄", Reading("feeling", "worse")),
    ("thanks", Reading("thanks", "thanks")),
    # "should" is a word, not a misspelt "shoulders".
    ("what should i do", Reading("today")),
    # Two things at once, or a joke: a choice, not a guess.
    ("can i do more today or should i rest?", Reading("clarify", options=TWO_THINGS)),
    ("cat's asleep on my feet so i cant move haha", Reading("clarify", options=A_JOKE)),
    ("i cant move today", Reading("rest")),
    # A bare "help" is help.
    ("help", Reading("help", "direct")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reading(text: str, expected: Reading) -> None:
    assert read(text) == expected
