"""Content choice: weighted, deterministic for a given RNG, and fresh for the past weeks.

`decide()` picks with a one-week memory; `fit_content()` then fits the day's texts to the person
and the moment: only their chosen activities, the cue's own activity, no text shown in the last
14 days while another is available, no see-a-doctor texts as daily tips, and on flare days two or
three short options instead of one long menu.
"""

import dataclasses
import datetime as dt
import random
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Final

from . import reasons as r
from .thresholds import GENTLE_MAX_MINUTES, VERY_GENTLE_MAX_MINUTES
from .types import ContentItem, Decision, History, PastDecision, Profile
from .vocabulary import (
    ACTIVITIES,
    CATEGORY_FLARE_TOOLKIT,
    DEFAULT_ACTIVITY,
    KIND_EDUCATION,
    KIND_ENCOURAGEMENT,
    KIND_MOVEMENT,
    KIND_NUDGE,
    KIND_TIP,
    LEVEL_BUILDING,
    LEVEL_GENTLE,
    LEVEL_VERY_GENTLE,
    LEVELS,
    SYMPTOM_TAGS,
    TAG_PROGRESS,
    TAG_RESTART,
    TAG_SLEEP,
)

# Issue 10, point 4: "no text repeated within 14 days for a person" (least recently shown first
# once every candidate has been used).
FRESH_DAYS: Final = 14
# Brief, "What each day may suggest": a flare day offers a few small choices, never a long menu.
FLARE_OPTIONS: Final = 3
# Warnings and signposting are shown when a rule calls for them, never as the tip of the day.
TAG_SEE_DOCTOR: Final = "see_doctor"
CATEGORY_PROFESSIONAL: Final = "professional"
# Gentlest first: the order a flare day tries the person's own activities in.
FLARE_ORDER: Final[tuple[str, ...]] = ("taichi", "stretching", "yoga", "walking", "bike", "water")
# Local times of day (hours from, to) and the moment an hour belongs to.
MOMENTS: Final[tuple[str, ...]] = ("morning", "afternoon", "evening", "late")
_MOMENT_STARTS: Final[tuple[tuple[int, str], ...]] = (
    (5, "morning"),
    (12, "afternoon"),
    (17, "evening"),
    (22, "late"),
)


def moment_of(hour: int) -> str:
    """Morning 05-11, afternoon 12-16, evening 17-21, late 22-04 (local hours)."""
    moment = "late"
    for start, name in _MOMENT_STARTS:
        if hour >= start:
            moment = name
    return moment


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


def last_shown(past: Iterable[PastDecision]) -> dict[str, dt.date]:
    """The last date each content key was shown, from the stored plans."""
    shown: dict[str, dt.date] = {}
    for plan in past:
        for key in plan.content_keys:
            if key not in shown or shown[key] < plan.date:
                shown[key] = plan.date
    return shown


def freshest(
    candidates: Sequence[ContentItem], shown: Mapping[str, dt.date], today: dt.date
) -> list[ContentItem]:
    """Candidates not shown in the last FRESH_DAYS days; else those shown longest ago."""
    if not candidates:
        return []
    unseen = [c for c in candidates if _unseen(c, shown, today)]
    if unseen:
        return unseen
    oldest = min(shown[c.key] for c in candidates)
    return [c for c in candidates if shown[c.key] == oldest]


def _unseen(item: ContentItem, shown: Mapping[str, dt.date], today: dt.date) -> bool:
    return item.key not in shown or shown[item.key] < today - dt.timedelta(days=FRESH_DAYS)


def suits_person(item: ContentItem, chosen: Collection[str]) -> bool:
    """A text that names activities (its activity tags) only reaches people who chose them all."""
    named = item.tags & frozenset(ACTIVITIES)
    return item.kind == KIND_MOVEMENT or named <= frozenset(chosen)


def daily_tip(item: ContentItem) -> bool:
    """Whether an item may be the tip of the day: never a see-a-doctor or professional text."""
    return TAG_SEE_DOCTOR not in item.tags and item.category != CATEGORY_PROFESSIONAL


def pick_fresh(
    candidates: Iterable[ContentItem],
    rng: random.Random,
    shown: Mapping[str, dt.date],
    today: dt.date,
    *,
    prefer: Collection[str] = (),
) -> ContentItem | None:
    """Least recently shown first, then ones matching `prefer`, then by weight."""
    pool = freshest(sorted((c for c in candidates if c.weight > 0), key=_key), shown, today)
    if not pool:
        return None
    preferred = [c for c in pool if any(tag in c.tags for tag in prefer)] or pool
    return rng.choices(preferred, weights=[c.weight for c in preferred])[0]


def flare_pool(chosen: Sequence[str]) -> tuple[str, ...]:
    """The person's own activities, gentlest first (no new exercises on a flare day)."""
    return tuple(sorted(chosen, key=FLARE_ORDER.index))


def fit_content(
    decision: Decision, history: History, catalogue: Sequence[ContentItem], seed: int
) -> Decision:
    """Today's texts fitted to the person: see the module docstring.

    `catalogue` is already narrowed to what suits the local time of day.
    """
    if decision.goal_kind == "rest":
        return decision
    today = decision.date
    rng = random.Random(f"{seed}:{today.isoformat()}:fit")
    chosen = person_activities(history.profile)
    past = tuple(p for p in history.decisions if p.date < today)
    shown = last_shown(past)
    flare = decision.content_day_type == "flare"
    day_type = decision.content_day_type
    usable = [
        item
        for item in catalogue
        if suits_person(item, chosen) and (not item.day_types or day_type in item.day_types)
    ]
    activity = decision.activity
    if activity not in chosen:
        pool = flare_pool(chosen) if flare else chosen
        activity = rotate_activity(pool, past)
    movement_key = None
    if decision.goal_kind == "session":
        movement = _movement(usable, rng, shown, today, activity, decision.level_tag)
        movement_key = movement.key if movement is not None else None
    prefer = set(history.symptom_tags & SYMPTOM_TAGS)
    if r.TOUGH_POOR_SLEEP in decision.reasons:
        prefer.add(TAG_SLEEP)
    tips = [i for i in usable if i.kind == KIND_TIP and daily_tip(i)]
    wanted = FLARE_OPTIONS - (1 if movement_key else 0) if flare else 1
    options: list[str] = []
    for _ in range(wanted):
        left = [i for i in tips if i.key not in options]
        # Flare days offer the toolkit first; once it was all shown lately, other flare tips.
        toolkit = [i for i in left if i.category == CATEGORY_FLARE_TOOLKIT]
        fresh_toolkit = [i for i in freshest(toolkit, shown, today) if _unseen(i, shown, today)]
        tip = pick_fresh(
            fresh_toolkit if flare and fresh_toolkit else left, rng, shown, today, prefer=prefer
        )
        if tip is None:
            break
        options.append(tip.key)
    encouragement = pick_fresh(
        (i for i in usable if i.kind == KIND_ENCOURAGEMENT),
        rng,
        shown,
        today,
        prefer=_flag_tags(decision),
    )
    # Explainers that name an activity the person did not choose are left out; nudges stay.
    unsuited = {
        i.key for i in catalogue if i.kind == KIND_EDUCATION and not suits_person(i, chosen)
    }
    extras = tuple(key for key in decision.extra_keys if key not in unsuited)
    return dataclasses.replace(
        decision,
        activity=activity,
        movement_key=movement_key,
        tip_key=options[0] if options else None,
        encouragement_key=encouragement.key if encouragement is not None else None,
        extra_keys=(*options[1:], *extras),
    )


def _movement(
    usable: Sequence[ContentItem],
    rng: random.Random,
    shown: Mapping[str, dt.date],
    today: dt.date,
    activity: str,
    level: str,
) -> ContentItem | None:
    """A description of the person's activity at `level`, else a gentler level; never another."""
    for lvl in LEVELS[: LEVELS.index(level) + 1][::-1]:
        found = pick_fresh(
            (i for i in usable if i.kind == KIND_MOVEMENT and {activity, lvl} <= i.tags),
            rng,
            shown,
            today,
        )
        if found is not None:
            return found
    return None


def _flag_tags(decision: Decision) -> frozenset[str]:
    if decision.level_increased:
        return frozenset({TAG_PROGRESS})
    if decision.never_miss_twice or decision.welcome_back or decision.plan_lowered:
        return frozenset({TAG_RESTART})
    return frozenset()
