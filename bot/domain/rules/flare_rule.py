"""The flare rule: a day is a flare by the person's own word or ratings against their baseline.

The person's own answer wins: "no" to "does today feel like a flare?" means no flare, whatever
the ratings say (high ratings then make a tough day, see classify.py).
"""

from . import reasons as r
from .thresholds import (
    FLARE_ENERGY_DROP,
    FLARE_INTERFERENCE_RISE,
    FLARE_PAIN_RISE,
    NO_BASELINE_FLARE_INTERFERENCE,
    NO_BASELINE_FLARE_PAIN,
)
from .types import Baseline, DayRecord


def flare_reasons(record: DayRecord, base: Baseline | None) -> tuple[str, ...]:
    """Rule ids that make this day a flare; empty when it is not one (or the person said no)."""
    if record.flare == "no":
        return ()
    ratings = rating_flare_reasons(record, base)
    if record.flare == "yes":
        return (r.FLARE_SELF_REPORTED, *ratings)
    return ratings


def rating_flare_reasons(record: DayRecord, base: Baseline | None) -> tuple[str, ...]:
    """Rule ids by which the ratings alone look like a flare, whatever the flare answer."""
    found: list[str] = []
    pain, interference, energy = record.pain, record.interference, record.energy
    if base is None:
        if pain is not None and pain >= NO_BASELINE_FLARE_PAIN:
            found.append(r.FLARE_NO_BASELINE_HIGH_PAIN)
        if interference is not None and interference >= NO_BASELINE_FLARE_INTERFERENCE:
            found.append(r.FLARE_NO_BASELINE_HIGH_INTERFERENCE)
        return tuple(found)
    if pain is None or pain < base.pain + FLARE_PAIN_RISE:
        return ()
    if (
        interference is not None
        and base.interference is not None
        and interference >= base.interference + FLARE_INTERFERENCE_RISE
    ):
        found.append(r.FLARE_PAIN_AND_INTERFERENCE)
    if energy is not None and base.energy is not None and energy <= base.energy - FLARE_ENERGY_DROP:
        found.append(r.FLARE_PAIN_AND_LOW_ENERGY)
    return tuple(found)
