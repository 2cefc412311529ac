"""Content choice: weighted, deterministic for a given RNG, and fresh for the past week."""

import random
from collections.abc import Collection, Iterable, Sequence

from .thresholds import GENTLE_MAX_MINUTES, VERY_GENTLE_MAX_MINUTES
from .types import ContentItem, PastDecision, Profile
from .vocabulary import (
    ACTIVITIES,
    DEFAULT_ACTIVITY,
    KIND_MOVEMENT,
    KIND_NUDGE,
    LEVEL_BUILDING,
    LEVEL_GENTLE,
    LEVEL_VERY_GENTLE,
    LEVELS,
)


def level_tag(goal_minutes: int, *, gentle_only: bool = False) -> str:
    """The movement-menu level that suits a goal; flare and doctor-hold days are very gentle."""
    if gentle_only or goal_minutes <= VERY_GENTLE_MAX_MINUTES:
        return LEVEL_VERY_GENTLE
    if goal_minutes <= GENTLE_MAX_MINUTES:
        return LEVEL_GENTLE
    return LEVEL_BUILDING


def person_activities(profile: Profile) -> tuple[str, ...]:
    """The person's known activities in their order, without repeats; walking if none."""
    chosen = tuple(dict.fromkeys(a for a in profile.activities if a in ACTIVITIES))
    return chosen or (DEFAULT_ACTIVITY,)


def rotate_activity(pool: Sequence[str], past: Sequence[PastDecision]) -> str:
    """The activity after the most recent one from `pool`, so activities take turns."""
    for plan in reversed(past):
        if plan.activity in pool:
            return pool[(pool.index(plan.activity) + 1) % len(pool)]
    return pool[0]


def pick(
    catalogue: Iterable[ContentItem],
    rng: random.Random,
    *,
    kind: str,
    day_type: str | None = None,
    tags: Collection[str] = (),
    category: str | None = None,
    prefer: Collection[str] = (),
    avoid: Collection[str] = (),
) -> ContentItem | None:
    """One weighted-random item; unused keys first, then ones matching `prefer`."""
    candidates = sorted(
        (
            item
            for item in catalogue
            if item.kind == kind
            and item.weight > 0
            and (day_type is None or not item.day_types or day_type in item.day_types)
            and (category is None or item.category == category)
            and all(tag in item.tags for tag in tags)
        ),
        key=_key,
    )
    return _weighted(candidates, rng, prefer=prefer, avoid=avoid)


def pick_nudge(
    catalogue: Iterable[ContentItem],
    rng: random.Random,
    family: str,
    *,
    avoid: Collection[str] = (),
) -> ContentItem | None:
    """One nudge of a key family: `family` itself or any `family.<variant>`."""
    candidates = sorted(
        (
            item
            for item in catalogue
            if item.kind == KIND_NUDGE
            and item.weight > 0
            and (item.key == family or item.key.startswith(family + "."))
        ),
        key=_key,
    )
    return _weighted(candidates, rng, prefer=(), avoid=avoid)


def pick_movement(
    catalogue: Sequence[ContentItem],
    rng: random.Random,
    *,
    activities: Sequence[str],
    level: str,
    day_type: str,
    avoid: Collection[str] = (),
) -> ContentItem | None:
    """A movement item for the first activity that has one at `level`, else a gentler level.

    Never a harder level than asked: a flare day that lacks a very gentle item gets none.
    """
    gentler_first = LEVELS[: LEVELS.index(level) + 1][::-1]
    for activity in activities:
        for lvl in gentler_first:
            item = pick(
                catalogue,
                rng,
                kind=KIND_MOVEMENT,
                day_type=day_type,
                tags=(activity, lvl),
                avoid=avoid,
            )
            if item is not None:
                return item
    return None


def activity_of(item: ContentItem) -> str | None:
    """The activity tag a movement item carries."""
    return next((a for a in ACTIVITIES if a in item.tags), None)


def _weighted(
    candidates: Sequence[ContentItem],
    rng: random.Random,
    *,
    prefer: Collection[str],
    avoid: Collection[str],
) -> ContentItem | None:
    if not candidates:
        return None
    fresh = [item for item in candidates if item.key not in avoid] or list(candidates)
    preferred = [item for item in fresh if any(tag in item.tags for tag in prefer)] or fresh
    return rng.choices(preferred, weights=[item.weight for item in preferred])[0]


def _key(item: ContentItem) -> str:
    return item.key
