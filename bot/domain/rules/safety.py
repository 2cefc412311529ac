"""How a red-flag tier on recent days limits the plan and pauses nudges."""

import datetime as dt
from collections.abc import Collection, Mapping

from .thresholds import (
    CRISIS_PAUSE_DAYS,
    DOCTOR_GENTLE_ONLY_DAYS,
    EMERGENCY_PAUSE_DAYS,
    SAFETY_HOLD_WINDOW_DAYS,
)
from .types import DayRecord, RedFlag


def red_flag_within(
    by_date: Mapping[dt.date, DayRecord], day: dt.date, span_days: int, tiers: Collection[RedFlag]
) -> bool:
    """Whether one of `tiers` fired on `day` or the `span_days - 1` days before it."""
    for back in range(span_days):
        record = by_date.get(day - dt.timedelta(days=back))
        if record is not None and record.red_flag in tiers:
            return True
    return False


def nudges_paused(by_date: Mapping[dt.date, DayRecord], day: dt.date) -> bool:
    """Whether adherence nudges and plan pressure are paused after an emergency or crisis."""
    emergency: tuple[RedFlag, ...] = ("emergency",)
    crisis: tuple[RedFlag, ...] = ("crisis",)
    return red_flag_within(by_date, day, EMERGENCY_PAUSE_DAYS, emergency) or red_flag_within(
        by_date, day, CRISIS_PAUSE_DAYS, crisis
    )


def doctor_hold(by_date: Mapping[dt.date, DayRecord], day: dt.date) -> bool:
    """Whether a see-a-doctor flag still limits today to gentle movement."""
    doctor: tuple[RedFlag, ...] = ("doctor",)
    return red_flag_within(by_date, day, DOCTOR_GENTLE_ONLY_DAYS, doctor)


def safety_flag_in_week(by_date: Mapping[dt.date, DayRecord], today: dt.date) -> bool:
    """Whether any red flag fired in the week before today (no progression then)."""
    yesterday = today - dt.timedelta(days=1)
    any_tier: tuple[RedFlag, ...] = ("emergency", "doctor", "crisis")
    return red_flag_within(by_date, yesterday, SAFETY_HOLD_WINDOW_DAYS, any_tier)
