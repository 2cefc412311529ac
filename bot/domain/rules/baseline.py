"""A person's baseline: medians of their recent non-flare check-ins, rebuilt day by day."""

import datetime as dt
import statistics
from collections.abc import Iterator, Sequence

from .flare_rule import flare_reasons
from .thresholds import BASELINE_MIN_CHECKINS, BASELINE_WINDOW_CHECKINS
from .types import Baseline, DayRecord


class _CalmRatings:
    """Ratings from non-flare check-ins, each metric kept separately."""

    def __init__(self) -> None:
        self.pain: list[int] = []
        self.interference: list[int] = []
        self.energy: list[int] = []

    def add(self, record: DayRecord) -> None:
        """Remember a non-flare check-in."""
        if record.pain is None:
            return
        self.pain.append(record.pain)
        if record.interference is not None:
            self.interference.append(record.interference)
        if record.energy is not None:
            self.energy.append(record.energy)

    def baseline(self) -> Baseline | None:
        """The baseline these ratings give, or None with too few check-ins."""
        pain = _median_of_recent(self.pain)
        if pain is None:
            return None
        return Baseline(
            pain=pain,
            interference=_median_of_recent(self.interference),
            energy=_median_of_recent(self.energy),
            checkins=min(len(self.pain), BASELINE_WINDOW_CHECKINS),
        )


def _median_of_recent(values: list[int]) -> float | None:
    recent = values[-BASELINE_WINDOW_CHECKINS:]
    if len(recent) < BASELINE_MIN_CHECKINS:
        return None
    return float(statistics.median(recent))


def ordered_days(days: Sequence[DayRecord]) -> list[DayRecord]:
    """Days oldest first, one record per date (the last given wins)."""
    by_date = {d.date: d for d in days}
    return [by_date[k] for k in sorted(by_date)]


def walk_days(days: Sequence[DayRecord]) -> Iterator[tuple[DayRecord, Baseline | None, bool]]:
    """Each day with the baseline before it and whether it was a flare, oldest first."""
    calm = _CalmRatings()
    for record in ordered_days(days):
        base = calm.baseline()
        is_flare = bool(flare_reasons(record, base))
        yield record, base, is_flare
        if not is_flare:
            calm.add(record)


def baseline(days: Sequence[DayRecord], today: dt.date) -> Baseline | None:
    """Baseline from check-ins before `today` (today is compared with it, not part of it)."""
    calm = _CalmRatings()
    for record, _, is_flare in walk_days([d for d in days if d.date < today]):
        if not is_flare:
            calm.add(record)
    return calm.baseline()


def flare_dates(days: Sequence[DayRecord]) -> frozenset[dt.date]:
    """Dates that were flare days by the person's word or ratings at the time."""
    return frozenset(record.date for record, _, is_flare in walk_days(days) if is_flare)
