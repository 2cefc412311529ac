"""Properties that hold for any history: bounded increases, never on hard days, gentle flares."""

import datetime as dt
import os
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.rules import (
    ACTIVITIES,
    ALL_REASONS,
    DayRecord,
    Decision,
    History,
    PastDecision,
    Profile,
    decide,
    flare_goal,
    next_level,
)
from bot.domain.rules import reasons as r

from .factories import BY_KEY, CATALOGUE, START, checkin, day, plans, run

# No example database: nothing is written into the working tree.
# RULES_EXAMPLES=4000 for a longer search (the two regression tests at the end came from one).
FAST = settings(
    max_examples=int(os.environ.get("RULES_EXAMPLES", "60")), deadline=None, database=None
)
QUICK = settings(database=None)

# Mostly ordinary ratings, so that weeks can go well and the level can rise.
ratings = st.none() | st.integers(3, 5) | st.integers(2, 6) | st.integers(0, 10)
answers = st.fixed_dictionaries(
    {
        "pain": ratings,
        "interference": ratings,
        "energy": ratings,
        "sleep": ratings,
        "movement": st.sampled_from([None, "yes", "yes", "yes", "some", "no", "rest"]),
        "flare": st.sampled_from([None, "no", "no", "no", "no", "no", "unsure", "yes"]),
        "done": st.booleans(),
        "done_minutes": st.none() | st.integers(0, 60),
        "red_flag": st.sampled_from([None] * 40 + ["doctor", "emergency", "crisis"]),
    }
)
# Gaps of 1-3 days between records: some days have no check-in at all.
timelines = st.lists(
    st.tuples(st.sampled_from([1, 1, 1, 1, 1, 2, 3]), answers), min_size=1, max_size=30
)
profiles = st.builds(
    Profile,
    st.integers(0, 30),
    st.integers(0, 60),
    st.lists(st.sampled_from(ACTIVITIES), max_size=3).map(tuple),
)
first_plans = st.none() | st.builds(
    lambda level, since, flare: PastDecision(
        date=START - dt.timedelta(days=1),
        day_type="flare" if flare else "steady",
        level_minutes=level,
        goal_minutes=level,
        level_since=START - dt.timedelta(days=since),
        in_flare_mode=flare,
        pre_flare_level=level if flare else None,
        flare_mode_since=START - dt.timedelta(days=1) if flare else None,
    ),
    st.integers(2, 30),
    st.integers(1, 20),
    st.booleans(),
)


def simulate(
    profile: Profile,
    first: PastDecision | None,
    timeline: list[tuple[int, dict[str, Any]]],
    seed: int,
) -> list[Decision]:
    days: list[DayRecord] = []
    stored = [] if first is None else [first]
    out: list[Decision] = []
    today = START
    for gap, fields in timeline:
        days.append(DayRecord(date=today, **fields))
        decision = decide(History(profile, tuple(days), tuple(stored)), today, seed, CATALOGUE)
        stored.append(decision.as_past())
        out.append(decision)
        today += dt.timedelta(days=gap)
    return out


def allowed_increase(level: int) -> float:
    """+10% or +1 minute, whichever is larger, rounded to whole minutes; never over +5."""
    return min(5, max(1, level / 10 + 0.5))


@FAST
@given(profiles, first_plans, timelines, st.integers(0, 1000))
def test_every_decision_keeps_the_rules(
    profile: Profile,
    first: PastDecision | None,
    timeline: list[tuple[int, dict[str, Any]]],
    seed: int,
) -> None:
    before = first.state.pre_flare_level if first is not None else None
    for d in simulate(profile, first, timeline, seed):
        assert set(d.reasons) <= set(ALL_REASONS)
        assert 2 <= d.level_minutes <= 30
        delta = d.level_minutes - d.previous_level_minutes
        if d.level_increased:
            assert 1 <= delta <= allowed_increase(d.previous_level_minutes)
            assert d.day_type not in ("flare", "tough")
            assert not d.in_flare_mode
        elif d.level_restored:
            # Back to the level before a flare or a quiet lowering, never above it.
            assert delta > 0 and d.level_minutes == before
            assert d.day_type in ("steady", "good")
            assert not d.in_flare_mode
        else:
            assert delta <= 0
        before = d.pre_flare_level
        if d.day_type == "flare":
            assert d.in_flare_mode
        if d.goal_kind == "session":
            assert d.goal_minutes >= 2
        else:
            assert d.goal_minutes == 0
        if d.in_flare_mode and d.goal_kind == "session":
            assert d.goal_minutes <= 0.7 * d.level_minutes
            assert d.level_tag == "very_gentle"
        if d.content_day_type == "flare":
            for key in (d.movement_key, d.tip_key, d.encouragement_key):
                assert key is None or "flare" in BY_KEY[key].day_types


@FAST
@given(profiles, timelines, st.integers(0, 1000))
def test_decide_is_deterministic(
    profile: Profile, timeline: list[tuple[int, dict[str, Any]]], seed: int
) -> None:
    assert simulate(profile, None, timeline, seed) == simulate(profile, None, timeline, seed)


@FAST
@given(st.integers(2, 30), answers)
def test_after_a_good_week_any_level_rises_one_bounded_step_unless_today_is_hard(
    level: int, today: dict[str, Any]
) -> None:
    days = [*(checkin(n) for n in range(7)), DayRecord(date=day(7), **today)]
    d = run(days, plans(0, 6, level=level, level_since=0), 7)
    if d.level_increased:
        assert 1 <= d.level_minutes - level <= allowed_increase(level)
        assert d.level_minutes <= 30
    else:
        assert d.level_minutes <= level
    if d.day_type in ("flare", "tough") or today["red_flag"] is not None:
        assert not d.level_increased


@QUICK
@given(st.integers(2, 200))
def test_next_level_is_bounded(level: int) -> None:
    after = next_level(level, ceiling=1000)
    assert 1 <= after - level <= allowed_increase(level)
    assert next_level(level) <= max(level, 30)


@QUICK
@given(st.integers(2, 30), st.none() | st.integers(0, 10))
def test_flare_goal_is_gentle(level: int, pain: int | None) -> None:
    plan = flare_goal(level, pain)
    if plan.goal_kind == "session":
        assert 2 <= plan.goal_minutes <= min(5, 0.7 * level)
    else:
        assert plan.goal_minutes == 0


def test_resuming_at_the_old_level_after_a_flare_is_not_an_increase() -> None:
    """Found by the property above: when two weeks of short flares earn a step as the plan
    resumes, the plan comes back at its old level (not one below it) and only the level it
    returns to rises. Nothing grew that day, so it is neither counted nor told as growth."""
    timeline: list[tuple[int, dict[str, Any]]] = [
        (1, {}), (1, {}), (2, {}), (3, {"red_flag": "doctor"}),
        (2, {"movement": "yes", "done": True}), (1, {}), (1, {"flare": "yes", "done": True}),
        (2, {}), (1, {"flare": "no"}), (1, {"flare": "no"}),
    ]  # fmt: skip
    decisions = simulate(Profile(0, 6, ()), None, timeline, 0)
    resumed = decisions[-1]
    assert decisions[-2].state.in_flare_mode and not resumed.state.in_flare_mode
    assert resumed.level_minutes == resumed.previous_level_minutes == 3
    assert resumed.pre_flare_level == 4  # the step, after the calm days of easing back in
    assert not resumed.level_increased
    assert r.FLARE_RESUME_AT_PREVIOUS_LEVEL in resumed.reasons
    assert r.PROGRESSION_INCREASE_WITH_FLARES not in resumed.reasons
    assert r.FLARE_RESUME_ONE_STEP_BELOW not in resumed.reasons


def test_a_step_earned_as_the_plan_resumes_rises_one_step_at_most_that_day() -> None:
    """Found by the property above: easing back in at 24 after a flare from 27, a second
    flare, then two calm weeks' step as the plan resumes: today rises one step from yesterday
    (24 -> 26, not 27 at once), and the raised level is where the plan returns after."""
    first = PastDecision(
        date=START - dt.timedelta(days=1), day_type="flare", level_minutes=27, goal_minutes=27,
        level_since=START - dt.timedelta(days=4), in_flare_mode=True, pre_flare_level=27,
        flare_mode_since=START - dt.timedelta(days=1),
    )  # fmt: skip
    timeline: list[tuple[int, dict[str, Any]]] = [
        (1, {}), (1, {"done": True}), (1, {"done": True}), (1, {"done": True}), (1, {}), (1, {}),
        (1, {"flare": "no"}), (1, {"sleep": 3}), (1, {"flare": "yes", "done": True}),
        (1, {"flare": "no"}), (1, {"energy": 3}),
    ]  # fmt: skip
    decisions = simulate(Profile(0, 0, ()), first, timeline, 0)
    grew = [d for d in decisions if d.level_increased]
    assert grew, [(d.previous_level_minutes, d.level_minutes) for d in decisions]
    for d in grew:
        assert d.level_minutes == next_level(d.previous_level_minutes)
        assert d.pre_flare_level is not None and d.pre_flare_level > d.level_minutes
