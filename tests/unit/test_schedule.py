"""Prompt instants at local time, across daylight-saving changes."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.schedule import local_date, local_instant, next_due

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "at", "zone", "expected"),
    [
        (date(2026, 3, 28), time(9), BERLIN, utc(2026, 3, 28, 8)),  # CET, UTC+1
        (date(2026, 3, 29), time(9), BERLIN, utc(2026, 3, 29, 7)),  # CEST from today
        (date(2026, 3, 29), time(2, 30), BERLIN, utc(2026, 3, 29, 1, 30)),  # skipped hour
        (date(2026, 10, 25), time(2, 30), BERLIN, utc(2026, 10, 25, 0, 30)),  # repeated: first
        (date(2026, 3, 7), time(9), NEW_YORK, utc(2026, 3, 7, 14)),  # EST
        (date(2026, 3, 8), time(9), NEW_YORK, utc(2026, 3, 8, 13)),  # EDT
    ],
)
def test_local_instant(day: date, at: time, zone: ZoneInfo, expected: datetime) -> None:
    instant = local_instant(day, at, zone)
    assert instant == expected
    assert instant.tzinfo is UTC  # in UTC, not only the same instant in another zone


def test_next_due_is_strictly_after() -> None:
    assert next_due(utc(2026, 3, 28, 8), time(9), BERLIN) == utc(2026, 3, 29, 7)
    assert next_due(utc(2026, 3, 28, 7, 59), time(9), BERLIN) == utc(2026, 3, 28, 8)


@pytest.mark.parametrize("zone", [BERLIN, NEW_YORK, ZoneInfo("Australia/Sydney"), ZoneInfo("UTC")])
def test_one_prompt_per_local_day_through_a_year(zone: ZoneInfo) -> None:
    """Walking the due times for a year gives every local date exactly once, at 09:00 local."""
    instant = utc(2026, 1, 1)
    days = []
    for _ in range(365):
        instant = next_due(instant, time(9), zone)
        local = instant.astimezone(zone)
        assert (local.hour, local.minute) == (9, 0)
        days.append(local.date())
    assert days == [days[0] + timedelta(days=i) for i in range(365)]


def test_local_date_across_midnight() -> None:
    assert local_date(utc(2026, 6, 1, 23, 30), BERLIN) == date(2026, 6, 2)
    assert local_date(utc(2026, 6, 1, 23, 30), NEW_YORK) == date(2026, 6, 1)


def test_next_weekly_is_sunday_evening_local_across_dst() -> None:
    from bot.domain.schedule import next_weekly

    # Sunday 25 October 2026 is the day Berlin's clocks go back.
    first = next_weekly(utc(2026, 10, 20, 12), 6, time(19), BERLIN)
    assert first == utc(2026, 10, 25, 18)
    second = next_weekly(first, 6, time(19), BERLIN)
    assert second == utc(2026, 11, 1, 18)
    assert second.astimezone(BERLIN).hour == 19
    assert next_weekly(utc(2026, 10, 25, 17, 59), 6, time(19), BERLIN) == first
