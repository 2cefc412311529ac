"""Content choice: levels, activities, freshness, preferences, flare-only items, determinism."""

import dataclasses
import datetime as dt
import random

import pytest

from bot.domain.rules import (
    ContentItem,
    DayRecord,
    Decision,
    History,
    PastDecision,
    Profile,
    decide,
    level_tag,
    person_activities,
    pick,
)
from bot.domain.rules.selection import FRESH_DAYS, fit_content, freshest, moment_of, rotate_activity

from .factories import BY_KEY, CATALOGUE, PROFILE, calm_days, checkin, day, plan, plans, run


@pytest.mark.parametrize(
    ("goal", "gentle_only", "tag"),
    [
        (2, False, "very_gentle"),
        (5, False, "very_gentle"),
        (6, False, "gentle"),
        (12, False, "gentle"),
        (13, False, "building"),
        (30, False, "building"),
        (30, True, "very_gentle"),
    ],
)
def test_level_tag(goal: int, gentle_only: bool, tag: str) -> None:
    assert level_tag(goal, gentle_only=gentle_only) == tag


@pytest.mark.parametrize(
    ("chosen", "activities"),
    [
        ((), ("walking",)),
        (("bogus",), ("walking",)),
        (("yoga", "bike", "yoga"), ("yoga", "bike")),
    ],
)
def test_person_activities(chosen: tuple[str, ...], activities: tuple[str, ...]) -> None:
    assert person_activities(Profile(5, 10, chosen)) == activities


@pytest.mark.parametrize(
    ("recent", "expected"),
    [
        ((), "walking"),
        (("walking",), "yoga"),
        (("yoga",), "bike"),
        (("bike",), "walking"),
        (("yoga", "stretching"), "bike"),  # a flare-day activity outside the pool is skipped
    ],
)
def test_activities_take_turns(recent: tuple[str, ...], expected: str) -> None:
    past = [plan(n, activity=a) for n, a in enumerate(recent)]
    assert rotate_activity(("walking", "yoga", "bike"), past) == expected


TIPS = (
    ContentItem("tip.a", "tip", "pacing"),
    ContentItem("tip.b", "tip", "pacing", tags=frozenset({"neck"})),
    ContentItem("tip.c", "tip", "pacing", frozenset({"flare"}), weight=5),
    ContentItem("tip.off", "tip", "pacing", weight=0),
)


@pytest.mark.parametrize(
    ("day_type", "prefer", "avoid", "allowed"),
    [
        ("steady", (), ("tip.a",), {"tip.b"}),
        ("steady", (), ("tip.a", "tip.b"), {"tip.a", "tip.b"}),  # repeats only when nothing else
        ("steady", ("neck",), (), {"tip.b"}),
        ("steady", ("neck",), ("tip.b",), {"tip.a"}),  # freshness beats preference
        ("flare", (), (), {"tip.a", "tip.b", "tip.c"}),
        ("good", ("headache",), (), {"tip.a", "tip.b"}),
    ],
)
def test_pick(
    day_type: str, prefer: tuple[str, ...], avoid: tuple[str, ...], allowed: set[str]
) -> None:
    picked = set()
    for seed in range(40):
        item = pick(
            TIPS, random.Random(seed), kind="tip", day_type=day_type, prefer=prefer, avoid=avoid
        )
        assert item is not None
        picked.add(item.key)
    assert picked == allowed


def test_pick_follows_weights() -> None:
    counts = {"tip.a": 0, "tip.c": 0}
    rng = random.Random(1)
    for _ in range(600):
        item = pick(TIPS[::2], rng, kind="tip", day_type="flare")
        assert item is not None
        counts[item.key] += 1
    assert counts["tip.c"] > 3 * counts["tip.a"]


STEADY_WEEK = calm_days(0, 7)
STEADY_PLANS = plans(0, 6, level=8, level_since=3)


def test_no_repeat_within_seven_days() -> None:
    steady_tips = {"tip.steady.0", "tip.steady.1", "tip.steady.2", "tip.neck.stretch"}
    used = [
        dataclasses.replace(p, content_keys=(key,))
        for p, key in zip(STEADY_PLANS[1:], sorted(steady_tips), strict=False)
    ]
    for seed in range(20):
        decision = run(STEADY_WEEK, used, 7, seed=seed)
        assert decision.tip_key in {"tip.steady.3", "tip.sleep.wind_down"}


def test_keys_from_eight_days_ago_may_return() -> None:
    old = dataclasses.replace(plan(0, 8), content_keys=("tip.steady.0",))
    seen = {run(calm_days(0, 8), [old], 8, seed=seed).tip_key for seed in range(30)}
    assert "tip.steady.0" in seen


def test_symptom_tags_are_preferred() -> None:
    decision = run(STEADY_WEEK, STEADY_PLANS, 7, symptom_tags=frozenset({"neck"}))
    assert decision.tip_key == "tip.neck.stretch"


def test_poor_sleep_prefers_sleep_tips() -> None:
    decision = run((*calm_days(0, 6), checkin(7, sleep=2)), STEADY_PLANS, 7)
    assert decision.tip_key == "tip.sleep.wind_down"


@pytest.mark.parametrize("seed", range(10))
def test_flare_days_get_only_flare_content(seed: int) -> None:
    profile = Profile(10, 30, ("bike", "water", "yoga"))
    days = (*calm_days(0, 6), checkin(7, pain=7, flare="yes"))
    decision = run(days, STEADY_PLANS, 7, seed=seed, profile=profile)
    assert decision.content_day_type == "flare"
    for key in (decision.movement_key, decision.tip_key, decision.encouragement_key):
        assert key is not None
        assert "flare" in BY_KEY[key].day_types
    assert decision.movement_key == "movement.walking.very_gentle"
    assert decision.activity == "walking"


def test_flare_days_keep_to_the_persons_gentle_activities() -> None:
    profile = Profile(10, 30, ("yoga", "taichi"))
    days = (*calm_days(0, 6), checkin(7, flare="yes"))
    decision = run(days, STEADY_PLANS, 7, profile=profile)
    assert decision.movement_key == "movement.taichi.very_gentle"


def test_a_tough_day_falls_back_to_a_gentler_menu_of_the_same_activity() -> None:
    days = (*calm_days(0, 6), checkin(7, sleep=2))
    decision = run(days, plans(0, 6, level=20, level_since=3), 7)
    assert (decision.level_tag, decision.movement_key) == ("building", "movement.walking.gentle")


def test_toolkit_day_has_no_movement_item_and_a_toolkit_tip() -> None:
    days = (*calm_days(0, 6), checkin(7, pain=9, flare="yes"))
    decision = run(days, STEADY_PLANS, 7)
    assert decision.goal_kind == "flare_toolkit"
    assert decision.movement_key is None
    assert decision.tip_key == "tip.flare.toolkit.heat"


def test_same_inputs_same_decision() -> None:
    first = run(STEADY_WEEK, STEADY_PLANS, 7, seed=3)
    again = run(STEADY_WEEK, STEADY_PLANS, 7, seed=3)
    assert first == again


def test_a_different_seed_can_choose_differently() -> None:
    choices = {run(STEADY_WEEK, STEADY_PLANS, 7, seed=seed).content_keys for seed in range(20)}
    assert len(choices) > 1


def test_content_keys_are_in_display_order() -> None:
    decision = run(STEADY_WEEK, STEADY_PLANS, 7)
    kinds = [BY_KEY[key].kind for key in decision.content_keys]
    assert kinds[:3] == ["movement", "tip", "encouragement"]


# fit_content: the day's texts fitted to the person (issue 10, point 4).
FIT_CATALOGUE = (
    *CATALOGUE,
    *(
        ContentItem(f"movement.{a}.{lvl}.{n}", "movement", "movement", tags=frozenset({a, lvl}))
        for a in ("walking", "yoga")
        for lvl in ("very_gentle", "gentle", "building")
        for n in (2, 3)
    ),
    ContentItem("tip.doctor", "tip", "headache_neck", tags=frozenset({"see_doctor", "neck"})),
    ContentItem("tip.gp", "tip", "professional", tags=frozenset({"physio"})),
    ContentItem("tip.flare.toolkit.breathing", "tip", "flare_toolkit", frozenset({"flare"})),
    ContentItem("tip.flare.toolkit.rest", "tip", "flare_toolkit", frozenset({"flare"})),
    ContentItem("tip.bike.talk", "tip", "pacing", tags=frozenset({"bike"})),
)


def fitted(
    days: tuple[DayRecord, ...],
    past: list[PastDecision],
    today: int,
    profile: Profile,
    seed: int = 7,
    symptoms: frozenset[str] = frozenset(),
) -> Decision:
    """decide() then fit_content(), as the chat layer does."""
    h = History(profile=profile, days=days, decisions=tuple(past), symptom_tags=symptoms)
    return fit_content(decide(h, day(today), seed, FIT_CATALOGUE), h, FIT_CATALOGUE, seed)


@pytest.mark.parametrize(("hour", "moment"), [(5, "morning"), (11, "morning"), (12, "afternoon"),
                                              (16, "afternoon"), (17, "evening"), (21, "evening"),
                                              (22, "late"), (0, "late"), (4, "late")])  # fmt: skip
def test_moment_of_the_local_hour(hour: int, moment: str) -> None:
    assert moment_of(hour) == moment


@pytest.mark.parametrize("seed", range(8))
def test_a_yoga_only_person_gets_yoga_even_on_a_flare_day(seed: int) -> None:
    profile = Profile(10, 30, ("yoga",))
    days = (*calm_days(0, 6), checkin(7, pain=7, flare="yes"))
    decision = fitted(days, STEADY_PLANS, 7, profile, seed)
    assert decision.activity == "yoga"
    assert decision.movement_key is not None and decision.movement_key.startswith("movement.yoga")


@pytest.mark.parametrize("seed", range(8))
def test_see_a_doctor_and_professional_texts_are_never_the_tip(seed: int) -> None:
    decision = fitted(STEADY_WEEK, STEADY_PLANS, 7, PROFILE, seed, frozenset({"neck"}))
    assert decision.tip_key not in {"tip.doctor", "tip.gp"}


def test_texts_naming_an_unchosen_activity_are_left_out() -> None:
    for seed in range(30):
        decision = fitted(STEADY_WEEK, STEADY_PLANS, 7, PROFILE, seed)
        assert decision.tip_key != "tip.bike.talk"


def test_flare_days_offer_two_or_three_options() -> None:
    days = (*calm_days(0, 6), checkin(7, pain=7, flare="yes"))
    decision = fitted(days, STEADY_PLANS, 7, PROFILE)
    options = [k for k in decision.content_keys if k.startswith(("movement.", "tip."))]
    assert 2 <= len(options) <= 3 and decision.movement_key in options
    toolkit = [k for k in options if k.startswith("tip.flare.toolkit")]
    assert len(toolkit) == len(options) - 1


def test_no_description_repeats_while_another_is_fresh() -> None:
    profile = Profile(10, 30, ("yoga",))
    past: list[PastDecision] = []
    days: list[DayRecord] = []
    for n in range(21):
        days.append(checkin(n))
        decision = fitted(tuple(days), past, n, profile)
        past.append(decision.as_past())
    movement = [p.content_keys[0] for p in past]
    for n in range(3, len(movement)):
        assert movement[n] not in movement[n - 2 : n], movement  # three take turns
    encouragement = [p.content_keys[2] for p in past]
    assert len(set(encouragement)) == len(set(encouragement[:5]))  # a small pool: oldest first


def test_freshest_prefers_unseen_then_least_recently_shown() -> None:
    a, b, c = (ContentItem(k, "tip", "pacing") for k in ("a", "b", "c"))
    today = day(30)
    shown = {"a": day(29), "b": day(20)}
    assert freshest((a, b, c), shown, today) == [c]
    assert freshest((a, b), shown, today) == [b]
    assert freshest((a, b), {"a": today - dt.timedelta(days=FRESH_DAYS + 1)}, today) == [a, b]
