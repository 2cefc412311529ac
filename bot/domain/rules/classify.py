"""How a day is classified: flare, tough, good or steady against the person's own baseline."""

import datetime as dt
from collections.abc import Mapping, Sequence

from . import reasons as r
from .baseline import baseline
from .flare_rule import flare_reasons, rating_flare_reasons
from .sessions import pain_rise_after_session
from .thresholds import (
    GOOD_ENERGY_RISE,
    GOOD_PAIN_DROP,
    POOR_SLEEP_MAX,
    POST_SESSION_PAIN_RISE,
    POST_SESSION_WINDOW_DAYS,
    TOUGH_PAIN_RISE,
)
from .types import Baseline, Classification, DayRecord


def classify_day(days: Sequence[DayRecord], today: dt.date) -> Classification:
    """Classify `today`'s check-in (possibly partial) against the baseline of earlier days."""
    base = baseline(days, today)
    by_date = {d.date: d for d in days if d.date <= today}
    return classify_record(by_date.get(today), base, by_date)


def classify_record(
    record: DayRecord | None, base: Baseline | None, by_date: Mapping[dt.date, DayRecord]
) -> Classification:
    """Classify one record; `by_date` supplies earlier days for the post-session rule."""
    if record is None or not record.checked_in:
        return Classification("steady", (r.STEADY_NO_CHECKIN,), base)
    flare = flare_reasons(record, base)
    if flare:
        return Classification("flare", flare, base)
    tough = _tough_reasons(record, base, by_date)
    if tough:
        return Classification("tough", tough, base)
    if _is_good(record, base):
        return Classification("good", (r.GOOD_BELOW_BASELINE_WITH_ENERGY,), base)
    fallback = r.BASELINE_NOT_ENOUGH_DATA if base is None else r.STEADY_USUAL_RANGE
    return Classification("steady", (fallback,), base)


def _tough_reasons(
    record: DayRecord, base: Baseline | None, by_date: Mapping[dt.date, DayRecord]
) -> tuple[str, ...]:
    found: list[str] = []
    # High ratings with "no" to the flare question: the person's own answer wins, a tough day.
    if record.flare == "no" and rating_flare_reasons(record, base):
        found.append(r.TOUGH_HIGH_RATINGS_NOT_A_FLARE)
    # A rise of 2+ without the other flare signs is still tough, never steady.
    if base is not None and record.pain is not None and record.pain >= base.pain + TOUGH_PAIN_RISE:
        found.append(r.TOUGH_PAIN_ABOVE_BASELINE)
    if record.sleep is not None and record.sleep <= POOR_SLEEP_MAX:
        found.append(r.TOUGH_POOR_SLEEP)
    if pain_rise_after_session(
        record.date, by_date, within_days=POST_SESSION_WINDOW_DAYS, rise=POST_SESSION_PAIN_RISE
    ):
        found.append(r.TOUGH_POST_SESSION_RISE)
    return tuple(found)


def _is_good(record: DayRecord, base: Baseline | None) -> bool:
    if base is None or base.energy is None or record.pain is None or record.energy is None:
        return False
    return (
        record.pain <= base.pain - GOOD_PAIN_DROP
        and record.energy >= base.energy + GOOD_ENERGY_RISE
    )
