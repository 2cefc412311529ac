"""Pacing the bot itself, and which safety tiers are a full alarm: pure rules as tables."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain.pacing import (
    BACK_OFF_AFTER,
    EVERY_OTHER_DAY,
    WEEKLY,
    WEEKLY_AFTER,
    announce_back_off,
    backed_off,
    gap_days,
)
from bot.domain.safety import is_alarm
from bot.domain.safety.scanner import RedFlag


@pytest.mark.parametrize(
    ("unanswered", "gap", "backed", "announce"),
    [
        (0, 1, False, False),
        (BACK_OFF_AFTER - 1, 1, False, False),
        (BACK_OFF_AFTER, EVERY_OTHER_DAY, True, True),  # the first less-often prompt says so
        (BACK_OFF_AFTER + 1, EVERY_OTHER_DAY, True, False),  # ... once
        (WEEKLY_AFTER - 1, EVERY_OTHER_DAY, True, False),
        (WEEKLY_AFTER, WEEKLY, True, False),
        (WEEKLY_AFTER + 1, WEEKLY, True, False),
    ],
)
def test_prompts_come_less_often_for_someone_who_stopped_answering(
    unanswered: int, gap: int, backed: bool, announce: bool
) -> None:
    assert gap_days(unanswered) == gap
    assert backed_off(unanswered) is backed
    assert announce_back_off(unanswered) is announce


@pytest.mark.parametrize(
    ("flag", "alarm"),
    [
        (None, False),
        (RedFlag("check", ("context",)), False),  # a light "are you OK?" is not a full reply
        (RedFlag("doctor", ("r",)), True),
        (RedFlag("emergency", ("r",)), True),
        (RedFlag("crisis", ("r",)), True),
    ],
)
def test_every_tier_but_the_light_check_is_a_full_alarm(flag: Any, alarm: bool) -> None:
    assert is_alarm(flag) is alarm
