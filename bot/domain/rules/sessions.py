"""When movement happened, read from Done taps and the next day's movement answer."""

import datetime as dt
from collections.abc import Mapping

from .types import DayRecord

ONE_DAY = dt.timedelta(days=1)


def moved_on(day: dt.date, by_date: Mapping[dt.date, DayRecord]) -> bool:
    """Whether the person moved on `day` (Done that day, or "yes"/"some" the day after)."""
    record = by_date.get(day)
    following = by_date.get(day + ONE_DAY)
    if record is not None and record.done_today:
        return True
    return following is not None and following.movement in ("yes", "some")


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
