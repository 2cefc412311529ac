"""Small builders for rule tests: days by offset, check-ins, stored plans, a test catalogue."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from bot.domain.rules import (
    ACTIVITIES,
    DAY_TYPES,
    LEVELS,
    NUDGE_FAMILIES,
    ContentItem,
    DayRecord,
    DayType,
    Decision,
    FlareAnswer,
    GoalKind,
    History,
    MovementAnswer,
    PastDecision,
    Profile,
    RedFlag,
    decide,
)

START = dt.date(2025, 3, 3)
PROFILE = Profile(bad_day_minutes=6, good_day_minutes=14, activities=("walking",))


def day(n: int) -> dt.date:
    """The date `n` days after START."""
    return START + dt.timedelta(days=n)


def checkin(
    n: int,
    pain: int | None = 4,
    interference: int | None = 4,
    energy: int | None = 5,
    sleep: int | None = 6,
    *,
    movement: MovementAnswer | None = "yes",
    flare: FlareAnswer | None = "no",
    done: bool = False,
    done_minutes: int | None = None,
    red_flag: RedFlag | None = None,
) -> DayRecord:
    """A check-in on day `n`; defaults are an ordinary day after a session the day before."""
    return DayRecord(
        date=day(n),
        pain=pain,
        interference=interference,
        energy=energy,
        sleep=sleep,
        movement=movement,
        flare=flare,
        done=done,
        done_minutes=done_minutes,
        red_flag=red_flag,
    )


def short_path(n: int, pain: int, flare: FlareAnswer = "no") -> DayRecord:
    """A bad-day short-path check-in: only pain and flare."""
    return DayRecord(date=day(n), pain=pain, flare=flare)


def calm_days(first: int, last: int, **kwargs: Any) -> tuple[DayRecord, ...]:
    """Ordinary check-ins on days first..last inclusive."""
    return tuple(checkin(n, **kwargs) for n in range(first, last + 1))


def plan(
    n: int,
    level: int = 10,
    goal: int | None = None,
    *,
    day_type: DayType = "steady",
    goal_kind: GoalKind = "session",
    level_since: int | None = None,
    activity: str = "walking",
    content_keys: tuple[str, ...] = (),
    in_flare_mode: bool = False,
    pre_flare_level: int | None = None,
    flare_mode_since: int | None = None,
    calm_days_in_flare_mode: int = 0,
    plan_lowered: int | None = None,
    last_clinician_nudge: int | None = None,
) -> PastDecision:
    """A stored decision for day `n`."""
    return PastDecision(
        date=day(n),
        day_type=day_type,
        level_minutes=level,
        goal_minutes=level if goal is None else goal,
        goal_kind=goal_kind,
        activity=activity,
        content_keys=content_keys,
        in_flare_mode=in_flare_mode,
        pre_flare_level=pre_flare_level,
        flare_mode_since=None if flare_mode_since is None else day(flare_mode_since),
        calm_days_in_flare_mode=calm_days_in_flare_mode,
        level_since=None if level_since is None else day(level_since),
        plan_lowered_date=None if plan_lowered is None else day(plan_lowered),
        last_clinician_nudge_date=(
            None if last_clinician_nudge is None else day(last_clinician_nudge)
        ),
    )


def plans(first: int, last: int, **kwargs: Any) -> tuple[PastDecision, ...]:
    """Stored decisions on days first..last inclusive."""
    return tuple(plan(n, **kwargs) for n in range(first, last + 1))


def history(
    days: Iterable[DayRecord] = (),
    decisions: Iterable[PastDecision] = (),
    *,
    profile: Profile = PROFILE,
    symptom_tags: frozenset[str] = frozenset(),
) -> History:
    """A History from days and decisions in any order."""
    return History(
        profile=profile,
        days=tuple(sorted(days, key=lambda d: d.date)),
        decisions=tuple(sorted(decisions, key=lambda p: p.date)),
        symptom_tags=symptom_tags,
    )


def _item(
    key: str,
    kind: str,
    category: str,
    day_types: Iterable[str] = DAY_TYPES,
    tags: Iterable[str] = (),
    weight: int = 1,
) -> ContentItem:
    return ContentItem(key, kind, category, frozenset(day_types), frozenset(tags), weight)


def _catalogue() -> tuple[ContentItem, ...]:
    """Shaped like content/en: one movement item per activity and level, several of the rest."""
    level_days = {
        "very_gentle": DAY_TYPES,
        "gentle": ("tough", "steady", "good"),
        "building": ("steady", "good"),
    }
    items = [
        _item(f"movement.{a}.{lvl}", "movement", "movement", level_days[lvl], (a, lvl))
        for a in ACTIVITIES
        for lvl in LEVELS
    ]
    for day_type in DAY_TYPES:
        items += [_item(f"tip.{day_type}.{i}", "tip", "pacing", (day_type,)) for i in range(4)]
        items += [
            _item(f"encouragement.{day_type}.{i}", "encouragement", "encouragement", (day_type,))
            for i in range(4)
        ]
        items.append(
            _item(
                f"encouragement.{day_type}.progress",
                "encouragement",
                "encouragement",
                (day_type,),
                ("progress",),
            )
        )
    items += [
        _item("tip.flare.toolkit.heat", "tip", "flare_toolkit", ("flare",), ("heat",)),
        _item("tip.neck.stretch", "tip", "headache_neck", ("tough", "steady", "good"), ("neck",)),
        _item("tip.sleep.wind_down", "tip", "sleep_stress", DAY_TYPES, ("sleep",)),
        _item("education.why_movement", "education", "education", ("steady", "good")),
        _item("education.flares_expected", "education", "education", ("flare", "tough")),
    ]
    items += [_item(f"{family}.1", "nudge", "encouragement") for family in NUDGE_FAMILIES]
    return tuple(items)


CATALOGUE = _catalogue()
BY_KEY = {item.key: item for item in CATALOGUE}


def run(
    days: Iterable[DayRecord],
    decisions: Iterable[PastDecision],
    today: int,
    *,
    seed: int = 7,
    profile: Profile = PROFILE,
    catalogue: tuple[ContentItem, ...] = CATALOGUE,
    symptom_tags: frozenset[str] = frozenset(),
) -> Decision:
    """decide() for day `today` of a history built from days and decisions."""
    h = history(days, decisions, profile=profile, symptom_tags=symptom_tags)
    return decide(h, day(today), seed, catalogue)


def simulate(
    records: Iterable[DayRecord], *, profile: Profile = PROFILE, seed: int = 7
) -> list[Decision]:
    """Decide day by day, storing each decision as the chat layer would."""
    days: list[DayRecord] = []
    stored: list[PastDecision] = []
    out: list[Decision] = []
    for record in records:
        days.append(record)
        h = History(profile=profile, days=tuple(days), decisions=tuple(stored))
        decision = decide(h, record.date, seed, CATALOGUE)
        stored.append(decision.as_past())
        out.append(decision)
    return out
