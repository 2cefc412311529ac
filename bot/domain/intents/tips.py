"""What to offer for a symptom: tip tags, candidates, order; and optional extra minutes."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from bot.domain.intents.reading import Symptom

# Tip tags per symptom: an item qualifies when it has every tag of one of the sets.
SYMPTOM_TAGS: dict[Symptom, tuple[tuple[str, ...], ...]] = {
    "neck": (("neck",),),
    "headache": (("headache",),),
    "back": (("upper_back",), ("heat",)),
    "shoulders": (("upper_back",), ("massage",)),
    "legs": (("heat",),),
    "fatigue": (("rest",),),
    "sleep": (("sleep",),),
    "stress": (("stress",), ("relaxation",), ("breathing",)),
    "brain_fog": (("planning", "rest"),),
    "pain": (("heat",), ("relaxation",), ("massage",)),
}
# Categories a symptom's tip may come from (None: any).
SYMPTOM_CATEGORIES: dict[Symptom, frozenset[str] | None] = {
    "legs": frozenset({"flare_toolkit"}),
    "pain": frozenset({"flare_toolkit"}),
}
# Never as a self-care tip: see-a-doctor texts, and notes about yesterday's session.
EXCLUDED_TAGS = frozenset({"see_doctor", "boom_bust"})


@dataclass(frozen=True)
class TipItem:
    """The part of a content item a symptom tip is chosen by."""

    key: str
    tags: Collection[str]
    category: str
    day_types: Collection[str] = ()


def tip_candidates(
    items: Iterable[TipItem], symptom: Symptom, day_type: str | None = None
) -> list[str]:
    """Keys of tips that fit a symptom (and the day, when known), in a stable order."""
    sets = SYMPTOM_TAGS.get(symptom, ())
    categories = SYMPTOM_CATEGORIES.get(symptom)
    fitting = sorted(
        item.key
        for item in items
        if any(all(tag in item.tags for tag in wanted) for wanted in sets)
        and not EXCLUDED_TAGS & set(item.tags)
        and (categories is None or item.category in categories)
        and (day_type is None or not item.day_types or day_type in item.day_types)
    )
    if fitting or day_type is None:
        return fitting
    return tip_candidates(items, symptom)


def tip_order(candidates: Sequence[str], seed: int, avoid: Collection[str] = ()) -> list[str]:
    """Candidates in the order to try: varying by `seed` (person and day), unseen ones first."""
    if not candidates:
        return []
    start = seed % len(candidates)
    turned = [*candidates[start:], *candidates[:start]]
    return [k for k in turned if k not in avoid] + [k for k in turned if k in avoid]


def choose_tip(candidates: Sequence[str], seed: int, avoid: Collection[str] = ()) -> str | None:
    """The first tip to try, or None when there is none."""
    order = tip_order(candidates, seed, avoid)
    return order[0] if order else None


def extra_minutes(day_type: str | None, goal_kind: str | None, goal_minutes: int) -> int:
    """Optional minutes on top of today's goal: a weekly step's worth on steady or good days.

    Never more than the plan on flare or tough days, rest or toolkit plans: pacing, not pushing.
    The step is the progression's own (+10% or 1 minute, at most 5), well below a boom-bust.
    """
    if day_type not in ("steady", "good") or goal_kind != "session" or goal_minutes <= 0:
        return 0
    return min(5, max(1, (goal_minutes * 10 + 50) // 100))
