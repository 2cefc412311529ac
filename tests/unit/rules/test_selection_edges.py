"""Content selection at its edges: when a text is fresh again, who a text suits, weights and
preferred tags, and the order of activities on a flare day."""

from __future__ import annotations

import datetime as dt
import random

from bot.domain.rules.selection import (
    FLARE_ORDER,
    FRESH_DAYS,
    _unseen,
    flare_pool,
    pick_fresh,
    suits_person,
)
from bot.domain.rules.types import ContentItem

TODAY = dt.date(2026, 6, 30)
TIP = ContentItem("tip.a", "tip", "education")


def test_a_text_is_fresh_again_only_after_its_fresh_days() -> None:
    edge = TODAY - dt.timedelta(days=FRESH_DAYS)
    assert _unseen(TIP, {}, TODAY)
    assert not _unseen(TIP, {"tip.a": edge}, TODAY)  # exactly FRESH_DAYS ago: not yet
    assert _unseen(TIP, {"tip.a": edge - dt.timedelta(days=1)}, TODAY)
    assert not _unseen(TIP, {"tip.a": edge + dt.timedelta(days=1)}, TODAY)


def test_a_text_naming_activities_reaches_only_people_who_chose_them_all() -> None:
    both = ContentItem("tip.b", "tip", "pacing", tags=frozenset({"walking", "yoga"}))
    assert suits_person(both, ["walking", "yoga"])  # exactly the ones named
    assert suits_person(both, ["walking", "yoga", "bike"])
    assert not suits_person(both, ["walking"])
    assert suits_person(TIP, [])  # names none


def test_a_weightless_text_is_never_picked_and_preferred_tags_come_first() -> None:
    silent = ContentItem("tip.0", "tip", "education", weight=0)
    assert pick_fresh([silent], random.Random(1), {}, TODAY) is None
    heat = ContentItem("tip.heat", "tip", "flare_toolkit", tags=frozenset({"heat"}))
    plain = ContentItem("tip.plain", "tip", "flare_toolkit")
    for seed in range(20):
        rng = random.Random(seed)
        assert pick_fresh([plain, heat], rng, {}, TODAY, prefer=("heat",)) == heat


def test_weights_decide_among_equally_fresh_texts() -> None:
    light = ContentItem("tip.light", "tip", "education", weight=1)
    heavy = ContentItem("tip.heavy", "tip", "education", weight=50)
    picks = [pick_fresh([light, heavy], random.Random(s), {}, TODAY) for s in range(200)]
    assert picks.count(heavy) > 150


def test_a_flare_day_offers_the_persons_own_activities_gentlest_first() -> None:
    assert flare_pool(["water", "walking", "taichi"]) == ("taichi", "walking", "water")
    assert flare_pool(list(reversed(FLARE_ORDER))) == FLARE_ORDER
