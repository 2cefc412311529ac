"""Pacing the bot itself: how often to prompt someone who has stopped answering.

Pure rules, no I/O. `unanswered` counts the daily prompts sent since the person last answered
anything; any answer sets it back to 0 and daily prompts resume.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

BACK_OFF_AFTER: Final = 3  # unanswered prompts in a row before the bot asks less often
WEEKLY_AFTER: Final = 5  # ... and before every other day becomes once a week
EVERY_OTHER_DAY: Final = 2
WEEKLY: Final = 7


def gap_days(unanswered: int) -> int:
    """Days between prompts: daily, then every other day after 3 unanswered, then weekly."""
    if unanswered < BACK_OFF_AFTER:
        return 1
    if unanswered < WEEKLY_AFTER:
        return EVERY_OTHER_DAY
    return WEEKLY


def prompt_today(unanswered: int, last_prompt: date | None, today: date) -> bool:
    """Whether today's daily prompt goes out, given the last day one was sent."""
    if last_prompt is None:
        return True
    return today - last_prompt >= timedelta(days=gap_days(unanswered))


def announce_back_off(unanswered: int) -> bool:
    """The first prompt after backing off says so, once, with the way back to daily."""
    return unanswered == BACK_OFF_AFTER


def backed_off(unanswered: int) -> bool:
    """Whether the person gets fewer messages (no challenge nudges, for one)."""
    return unanswered >= BACK_OFF_AFTER
