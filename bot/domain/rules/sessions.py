"""When movement happened, read from Done taps and the next day's movement answer."""

import datetime as dt
from collections.abc import Mapping

from .types import DayRecord, MovementAnswer

ONE_DAY = dt.timedelta(days=1)


def heard_from(record: DayRecord) -> bool:
    """Whether the person told us about this day itself: a check-in, Done, or a declared rest
    (the days a later "since your last check-in" answer can be about)."""
    return record.checked_in or record.done_today or record.rest_declared


def movement_about(
    day: dt.date, by_date: Mapping[dt.date, DayRecord], *, planned: bool = False
) -> MovementAnswer | None:
    """The movement answer about `day`: "since your last check-in, did you do your movement?"
    asked at the next day we heard from the person. Only a day we heard from (or `planned`: it
    had a plan) has one: a missed day stays missed, the answer belongs to the last check-in."""
    record = by_date.get(day)
    if not (planned or (record is not None and heard_from(record))):
        return None
    for later in sorted(d for d in by_date if d > day):
        following = by_date[later]
        if following.movement is not None:
            return following.movement
        if heard_from(following):
            return None  # asked nothing about `day` (the short path skips the question)
    return None


def moved_on(day: dt.date, by_date: Mapping[dt.date, DayRecord], *, planned: bool = False) -> bool:
    """Whether the person moved on `day` (Done that day, or "yes"/"some" about it)."""
    record = by_date.get(day)
    if record is not None and record.done_today:
        return True
    return movement_about(day, by_date, planned=planned) in ("yes", "some")


def pain_rise_after_session(
    day: dt.date, by_date: Mapping[dt.date, DayRecord], *, within_days: int, rise: int
) -> bool:
    """Whether pain on `day` is `rise`+ above a session day up to `within_days` earlier."""
    record = by_date.get(day)
    if record is None or record.pain is None:
        return False
    for back in range(1, within_days + 1):
        session_day = day - back * ONE_DAY
        before = by_date.get(session_day)
        if (
            before is not None
            and before.pain is not None
            and record.pain >= before.pain + rise
            and moved_on(session_day, by_date)
        ):
            return True
    return False
