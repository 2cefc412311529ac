"""Which tier wins when a message carries more than one, at every stage of the conversation."""

import pytest

from bot.domain.safety.conversation import Reading, Stage, read
from bot.domain.safety.scanner import TIER_ORDER, scan, scan_all

CRISIS_AND_EMERGENCY = "I want to die, my chest is crushing and my left arm is numb"
EMERGENCY_ONLY = "my chest is crushing and my left arm is numb"


def test_the_mixed_message_carries_both_tiers() -> None:
    assert {flag.tier for flag in scan_all(CRISIS_AND_EMERGENCY)} == {"crisis", "emergency"}
    assert {flag.tier for flag in scan_all(EMERGENCY_ONLY)} == {"emergency"}


def test_crisis_is_the_most_urgent_tier() -> None:
    assert TIER_ORDER[:2] == ("crisis", "emergency")
    flag = scan(CRISIS_AND_EMERGENCY)
    assert flag is not None and flag.tier == "crisis"


@pytest.mark.parametrize("stage", list(Stage))
def test_crisis_wins_over_emergency_at_every_stage(stage: Stage) -> None:
    assert read(stage, CRISIS_AND_EMERGENCY) is Reading.CRISIS


@pytest.mark.parametrize("stage", list(Stage))
def test_an_emergency_alone_is_an_emergency_at_every_stage(stage: Stage) -> None:
    assert read(stage, EMERGENCY_ONLY) is Reading.EMERGENCY


# A "not safe" answer to the next day's follow-up: a crisis after a crisis, rough after an
# emergency (where the question was about the body, not about safety).
NOT_SAFE_ANSWERS = [
    (Stage.CRISIS_FOLLOW_UP, Reading.CRISIS),
    (Stage.CRISIS_FOLLOW_UP_AGAIN, Reading.CRISIS),
    (Stage.EMERGENCY_FOLLOW_UP, Reading.ROUGH),
]


@pytest.mark.parametrize(("stage", "expected"), NOT_SAFE_ANSWERS)
def test_no_better_in_a_follow_up(stage: Stage, expected: Reading) -> None:
    assert read(stage, "no better, if anything worse") is expected
