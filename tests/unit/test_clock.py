"""The manual clock of tests and play mode: jumps, and a freeze that holds an exact instant."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock

START = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def test_a_frozen_clock_reads_exactly_the_instant_until_unfrozen() -> None:
    clock = ManualClock(START)
    edge = START + timedelta(minutes=10, microseconds=-1)
    clock.freeze(edge)
    time.sleep(0.002)
    assert clock.now() == edge
    clock.unfreeze()
    time.sleep(0.002)
    assert edge < clock.now() < edge + timedelta(seconds=5)


def test_freeze_needs_an_aware_instant() -> None:
    with pytest.raises(ValueError):
        ManualClock(START).freeze(datetime(2026, 6, 1, 8, 0))
