"""When each person's daily prompt is due, in UTC, from their local time and zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of a wall-clock time on a local date.

    A time skipped by a spring-forward change is moved on by the gap (02:30 becomes 03:30),
    and a time repeated by a fall-back change is the first of the two, so each local date
    has exactly one prompt instant.
    """
    # zoneinfo reads a skipped wall time with the offset from before the change (fold=0),
    # which lands one gap later in real time; a repeated one is read as its first occurrence.
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def next_due(after: datetime, at: time, zone: ZoneInfo) -> datetime:
    """The first prompt instant strictly after `after`."""
    # Equivalent mutants: an earlier start or a longer search finds the same first instant.
    day = after.astimezone(zone).date() - timedelta(days=1)  # pragma: no mutate
    for offset in range(4):  # pragma: no mutate
        candidate = local_instant(day + timedelta(days=offset), at, zone)
        if candidate > after:
            return candidate
    raise AssertionError("a prompt instant always exists within three days")  # pragma: no mutate


def local_date(instant: datetime, zone: ZoneInfo) -> date:
    """The person's calendar date at an instant."""
    return instant.astimezone(zone).date()


def next_weekly(after: datetime, weekday: int, at: time, zone: ZoneInfo) -> datetime:
    """The first instant strictly after `after` on a local weekday (0 = Monday) at a local time."""
    # Equivalent mutants: an earlier start or a longer search finds the same first instant.
    day = after.astimezone(zone).date() - timedelta(days=1)  # pragma: no mutate
    for offset in range(10):  # pragma: no mutate
        candidate_day = day + timedelta(days=offset)
        if candidate_day.weekday() == weekday:
            candidate = local_instant(candidate_day, at, zone)
            if candidate > after:
                return candidate
    raise AssertionError("a weekly instant always exists within ten days")  # pragma: no mutate
