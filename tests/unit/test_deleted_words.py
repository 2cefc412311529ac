"""The goodbye after /delete counts what went, in words that agree with the number."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bot.usecases.privacy import deleted_words
from bot.views.content import Content


@pytest.mark.parametrize(
    ("counts", "words"),
    [
        ({}, "your settings and reminders"),
        ({"checkins": 1}, "1 check-in and your settings and reminders"),
        ({"checkins": 2}, "2 check-ins and your settings and reminders"),
        ({"checkins": 0, "safety_events": 1}, "1 safety note and your settings and reminders"),
        (
            {"checkins": 1, "day_plans": 2, "safety_events": 3, "reflections": 1},
            "1 check-in, 2 daily plans, 3 safety notes, 1 weekly answer and your settings and "
            "reminders",
        ),
    ],
)
def test_counts_in_words(content: Content, counts: dict[str, int], words: str) -> None:
    services: Any = SimpleNamespace(content=content)
    assert deleted_words(services, counts, "en") == words
