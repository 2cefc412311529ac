"""The triage net: body alarm words no rule explained get one question; ordinary uses do not."""

from __future__ import annotations

import pytest

from bot.domain.safety import scan
from bot.domain.safety.scanner import TRIAGE_RULE

ASKED = [
    "my ankle is really swollen today",
    "bit of blood when i brushed my teeth",
    "been vomiting since last night",
    "got a weird rash on my arm",
    "feel dizzy today",
    "my hand is numb",
    "wheezing a bit today",
    "i have a fever",
    "not sure why but dizzy today",  # a denial four words back is not about the sign
]
NOT_ASKED = [
    "did my breathing exercises, chest feels nice and open",  # chest and breathing: the rules'
    "my heart sank when i saw the price of petrol",
    "no fever today",  # denied
    "not having any dizziness this week",  # denied three words before
    "hay fever is awful",  # ordinary company
    "the faint smell of bread from the bakery",
    "had my blood test this morning",
    "hands were numb from the cold after walking the dog",
    "my mums ankle is swollen",  # someone else's
    "My son cut his knee at football, bled everywhere but it only needed a plaster.",
    "had a dizzy moment getting out of the bath, fine after a minute",  # settled
    "binge watched a doco about ER nurses, the bleeding scenes were wild",  # a screen
    "walked 10 minutes, knees stiff",
]


@pytest.mark.parametrize("text", ASKED)
def test_body_words_no_rule_explained_get_the_triage_question(text: str) -> None:
    flag = scan(text)
    assert flag is not None and (flag.tier, flag.matched) == ("triage", (TRIAGE_RULE,))


@pytest.mark.parametrize("text", NOT_ASKED)
def test_ordinary_uses_are_not_asked(text: str) -> None:
    flag = scan(text)
    assert flag is None or flag.tier != "triage", (text, flag)


def test_a_rule_always_wins_over_the_net() -> None:
    flag = scan("coughing up blood")
    assert flag is not None and flag.tier == "emergency"
