"""Properties over 12-week histories with a flare every 5-10 days, otherwise steady or good days.

Flares every week or two are ordinary with fibromyalgia: the plan must grow over the 12 weeks,
more slowly than the same weeks without flares, never drop two weeks in a row, never rise on a
flare or tough day, and come back to the pre-flare level within a few calm days of each flare
(content brief, "Progression").
"""

import dataclasses
import datetime as dt
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.rules import (
    DayRecord,
    Decision,
    History,
    MovementAnswer,
    PastDecision,
    Profile,
    decide,
)
from bot.domain.rules.thresholds import (
    CALM_DAYS_TO_LEAVE_FLARE_MODE,
    CALM_DAYS_TO_RETURN_TO_LEVEL,
    CEILING_MINUTES,
    MIN_LEVEL_MINUTES,
)

from .factories import CATALOGUE, START

WEEKS = 12
DAYS = WEEKS * 7
# Calm check-ins after a flare by which the pre-flare level is back: 2 to leave flare mode, then
# 2 more one step lower.
CALM_DAYS_TO_PRE_FLARE_LEVEL = CALM_DAYS_TO_LEAVE_FLARE_MODE + CALM_DAYS_TO_RETURN_TO_LEVEL

FLAGS = settings(max_examples=40, deadline=None, database=None)


@dataclass(frozen=True)
class Life:
    """A generated 12 weeks: usual pain, flare days, good days, planned rests, where it starts."""

    usual_pain: int
    flares: frozenset[int]
    good: frozenset[int]
    rests: frozenset[int]
    short_path_flares: bool
    start_level: int | None  # None: from onboarding


@st.composite
def lives(draw: st.DrawFn) -> Life:
    first = draw(st.integers(0, 9))
    flares: set[int] = set()
    n = first
    while n < DAYS:
        length = draw(st.sampled_from([1, 1, 1, 2]))  # short flares, now and then two days
        flares.update(range(n, min(n + length, DAYS)))
        n += draw(st.integers(5, 10))
    others = [d for d in range(DAYS) if d not in flares]
    good = draw(st.sets(st.sampled_from(others), max_size=len(others) // 3))
    rests = draw(st.sets(st.sampled_from(others), max_size=4))
    return Life(
        usual_pain=draw(st.integers(2, 6)),
        flares=frozenset(flares),
        good=frozenset(good),
        rests=frozenset(rests),
        short_path_flares=draw(st.booleans()),
        start_level=draw(st.none() | st.integers(2, 30)),
    )


def records(life: Life) -> list[DayRecord]:
    """Check-ins as the chat layer stores them; each planned session done, or a planned rest."""
    out = []
    for n in range(DAYS):
        date = START + dt.timedelta(days=n)
        yesterday: MovementAnswer | None = "rest" if (n - 1) in life.rests else "yes"
        if n == 0:
            yesterday = None
        if n in life.flares:
            pain = min(10, life.usual_pain + 3)
            if life.short_path_flares:
                out.append(DayRecord(date, pain=pain, flare="yes"))
            else:
                out.append(DayRecord(date, pain, pain, 2, 5, movement="some", flare="yes"))
            continue
        good = n in life.good
        pain = life.usual_pain - 1 if good else life.usual_pain
        energy = 6 if good else 5
        done = n not in life.rests
        out.append(DayRecord(date, pain, pain, energy, 6, yesterday, "no", done=done))
    return out


def simulate(life: Life) -> list[Decision]:
    first: list[PastDecision] = []
    if life.start_level is not None:
        first = [
            PastDecision(
                date=START - dt.timedelta(days=1),
                day_type="steady",
                level_minutes=life.start_level,
                goal_minutes=life.start_level,
                level_since=START - dt.timedelta(days=3),
            )
        ]
    profile = Profile(6, 14, ("walking",))
    days: list[DayRecord] = []
    stored = list(first)
    out = []
    for record in records(life):
        days.append(record)
        decision = decide(History(profile, tuple(days), tuple(stored)), record.date, 7, CATALOGUE)
        stored.append(decision.as_past())
        out.append(decision)
    return out


@FLAGS
@given(lives())
def test_the_plan_grows_over_12_weeks_more_slowly_than_without_flares(life: Life) -> None:
    decisions = simulate(life)
    start = decisions[0].previous_level_minutes
    # The person's level (the one the plan comes back to) never goes down at all...
    plan_levels = [d.plan_level for d in decisions]
    assert plan_levels == sorted(plan_levels)
    # ...and grows, unless it is at the ceiling already.
    assert plan_levels[-1] > start or start >= CEILING_MINUTES, plan_levels
    assert all(MIN_LEVEL_MINUTES <= d.level_minutes <= CEILING_MINUTES for d in decisions)
    calm = simulate(dataclasses.replace(life, flares=frozenset()))
    assert calm[-1].plan_level >= plan_levels[-1]
    # ...and the level in force never drops two weeks in a row.
    weekly = [start] + [decisions[w * 7 + 6].level_minutes for w in range(WEEKS)]
    for a, b, c in zip(weekly, weekly[1:], weekly[2:], strict=False):
        assert not (b < a and c < b), weekly
    assert not any(d.plan_lowered for d in decisions)
    # Never an increase on a flare or tough day.
    assert not any(d.level_increased and d.day_type in ("flare", "tough") for d in decisions)


@FLAGS
@given(lives())
def test_after_each_flare_the_pre_flare_level_is_back_within_a_few_calm_days(life: Life) -> None:
    decisions = simulate(life)
    target: int | None = None
    calm = 0
    for d in decisions:
        if d.day_type == "flare":
            target = d.pre_flare_level
            calm = 0
            assert target is not None
            assert d.level_minutes <= target
            continue
        if target is None:
            continue
        if d.day_type in ("steady", "good"):
            calm += 1
        if calm >= CALM_DAYS_TO_PRE_FLARE_LEVEL:
            assert d.level_minutes >= target, (d.date, calm, target)
            assert not d.in_flare_mode
            target = None
        else:
            # In between: the flare plan, then one step below, never lower than that.
            assert d.plan_level >= target
