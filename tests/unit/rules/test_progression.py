"""Progression by time: start level, weekly increase and its holds, flare goals, one step down."""

import pytest

from bot.domain.rules import (
    DayRecord,
    PastDecision,
    Profile,
    flare_goal,
    increase_step,
    next_level,
    start_level,
    step_down,
)
from bot.domain.rules import reasons as r

from .factories import checkin, plan, run


@pytest.mark.parametrize(
    ("bad", "good", "level"),
    [
        (0, 0, 2),
        (1, 2, 2),
        (2, 2, 2),
        (3, 8, 5),
        (4, 10, 7),
        (5, 5, 5),
        (6, 14, 10),
        (8, 9, 8),
        (10, 30, 10),
        (20, 40, 10),
        (9, 3, 6),
    ],
)
def test_start_level_is_the_middle_capped_at_10(bad: int, good: int, level: int) -> None:
    assert start_level(Profile(bad, good)) == level


@pytest.mark.parametrize(
    ("level", "ceiling", "after"),
    [
        (2, 30, 3),
        (5, 30, 6),
        (10, 30, 11),
        (14, 30, 15),
        (15, 30, 17),  # 1.5 rounds half up to 2
        (20, 30, 22),
        (25, 30, 28),
        (28, 30, 30),  # 28 + 3 is capped at the ceiling
        (30, 30, 30),
        (50, 100, 55),
        (60, 100, 65),  # +6 is capped at +5
    ],
)
def test_next_level(level: int, ceiling: int, after: int) -> None:
    assert next_level(level, ceiling=ceiling) == after


@pytest.mark.parametrize(
    ("level", "below"),
    [(2, 2), (3, 2), (6, 5), (11, 10), (12, 11), (15, 14), (16, 14), (22, 20), (30, 27), (55, 50)],
)
def test_step_down(level: int, below: int) -> None:
    assert step_down(level) == below


@pytest.mark.parametrize("level", range(2, 28))
def test_step_down_undoes_one_increase(level: int) -> None:
    assert step_down(level + increase_step(level)) == level


@pytest.mark.parametrize(
    ("level", "pain", "goal", "kind", "reason"),
    [
        (10, 5, 5, "session", r.FLARE_GOAL_REDUCED),  # 60% = 6, capped at 5
        (30, 7, 5, "session", r.FLARE_GOAL_REDUCED),
        (7, 7, 4, "session", r.FLARE_GOAL_REDUCED),
        (6, 5, 3, "session", r.FLARE_GOAL_REDUCED),
        (5, None, 3, "session", r.FLARE_GOAL_REDUCED),
        (4, 5, 2, "session", r.FLARE_GOAL_REDUCED),
        (3, 5, 2, "session", r.FLARE_GOAL_REDUCED),  # 2 is 67%: within 70%
        (2, 5, 0, "flare_toolkit", r.FLARE_TOOLKIT_LOW_LEVEL),  # 2 would be 100%
        (10, 8, 0, "flare_toolkit", r.FLARE_TOOLKIT_HIGH_PAIN),
        (10, 10, 0, "flare_toolkit", r.FLARE_TOOLKIT_HIGH_PAIN),
    ],
)
def test_flare_goal(level: int, pain: int | None, goal: int, kind: str, reason: str) -> None:
    result = flare_goal(level, pain)
    assert (result.goal_minutes, result.goal_kind, result.reason) == (goal, kind, reason)


# A week at level 10 since day 0, every session done; day 7 decides.
TODAY = 7


def week(
    level: int = 10,
    days: dict[int, DayRecord] | None = None,
    plans: dict[int, PastDecision | None] | None = None,
) -> tuple[list[DayRecord], list[PastDecision]]:
    all_days = {n: checkin(n) for n in range(TODAY + 1)} | (days or {})
    all_plans: dict[int, PastDecision | None] = {
        n: plan(n, level, level_since=0) for n in range(TODAY)
    }
    all_plans |= plans or {}
    return list(all_days.values()), [p for p in all_plans.values() if p is not None]


def progression_reasons(reasons: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(x for x in reasons if x.startswith("progression."))


@pytest.mark.parametrize(
    ("level", "days", "plans", "after", "reasons"),
    [
        pytest.param(10, {}, {}, 11, (r.PROGRESSION_INCREASE,), id="good week 10->11"),
        pytest.param(5, {}, {}, 6, (r.PROGRESSION_INCREASE,), id="good week 5->6"),
        pytest.param(20, {}, {}, 22, (r.PROGRESSION_INCREASE,), id="good week 20->22"),
        pytest.param(28, {}, {}, 30, (r.PROGRESSION_INCREASE,), id="28 stops at the 30 ceiling"),
        pytest.param(30, {}, {}, 30, (r.PROGRESSION_CEILING,), id="at the ceiling"),
        pytest.param(
            10,
            {},
            {6: plan(6, 10, level_since=1)},
            10,
            (r.PROGRESSION_HOLD_NOT_A_WEEK_YET,),
            id="6 days since the last change",
        ),
        pytest.param(
            10,
            {TODAY: checkin(TODAY, sleep=2)},
            {},
            10,
            (r.PROGRESSION_HOLD_TOUGH_DAY,),
            id="never on a tough day",
        ),
        pytest.param(
            10,
            {
                3: checkin(3, movement="no"),
                5: checkin(5, movement="no"),
                7: checkin(7, movement="no"),
            },
            {},
            10,
            (r.PROGRESSION_HOLD_ADHERENCE,),
            id="4 of 7 sessions is under two-thirds",
        ),
        pytest.param(
            10,
            {3: checkin(3, movement="no"), 5: checkin(5, movement="no")},
            {0: plan(0, 10, 0, goal_kind="rest", level_since=0)},
            11,
            (r.PROGRESSION_INCREASE,),
            id="4 of 6 is exactly two-thirds",
        ),
        pytest.param(
            10,
            {
                3: checkin(3, movement="rest"),
                5: checkin(5, movement="rest"),
                7: checkin(7, movement="rest"),
            },
            {},
            11,
            (r.PROGRESSION_INCREASE,),
            id="planned rest counts as on plan",
        ),
        pytest.param(
            10,
            {
                3: checkin(3, movement="no"),
                5: checkin(5, movement="no"),
                7: checkin(7, movement="no"),
            },
            {n: plan(n, 10, 5, level_since=0, in_flare_mode=True) for n in (2, 4)},
            11,
            (r.PROGRESSION_INCREASE,),
            id="flare-adjusted days count as on plan: 6 of 7",
        ),
        pytest.param(
            10,
            {n: checkin(n, movement="no") for n in range(1, 6)},
            {},
            10,
            (r.PROGRESSION_HOLD_ADHERENCE,),
            id="too few sessions",
        ),
        pytest.param(
            10,
            {},
            {n: None for n in range(6)},
            10,
            (r.PROGRESSION_HOLD_ADHERENCE,),
            id="one session in the week is fewer than 2",
        ),
        pytest.param(
            10,
            {3: checkin(3, flare="yes")},
            {},
            10,
            (r.PROGRESSION_HOLD_FLARE_IN_WEEK,),
            id="a flare day in the week",
        ),
        pytest.param(
            10,
            {4: checkin(4, pain=6)},
            {},
            10,
            (r.PROGRESSION_HOLD_POST_SESSION_RISE,),
            id="pain +2 the day after a session",
        ),
        pytest.param(
            10,
            {2: checkin(2, red_flag="doctor")},
            {},
            10,
            (r.PROGRESSION_HOLD_SAFETY,),
            id="see-a-doctor flag in the week",
        ),
        pytest.param(
            10,
            {1: checkin(1, red_flag="emergency")},
            {},
            10,
            (r.PROGRESSION_HOLD_SAFETY,),
            id="emergency flag in the week",
        ),
        pytest.param(
            10,
            {4: checkin(4, pain=6), 3: checkin(3, flare="yes")},
            {},
            10,
            (r.PROGRESSION_HOLD_FLARE_IN_WEEK, r.PROGRESSION_HOLD_POST_SESSION_RISE),
            id="every hold that applies is cited",
        ),
    ],
)
def test_weekly_increase_and_holds(
    level: int,
    days: dict[int, DayRecord],
    plans: dict[int, PastDecision | None],
    after: int,
    reasons: tuple[str, ...],
) -> None:
    decision = run(*week(level, days, plans), TODAY)
    assert decision.level_minutes == after
    assert progression_reasons(decision.reasons) == reasons
    assert decision.level_increased == (after > level)
    if decision.level_increased:
        assert decision.last_increase_date == decision.date


def test_increase_waits_another_week() -> None:
    days, decisions = week()
    first = run(days, decisions, TODAY)
    assert first.level_minutes == 11
    days.append(checkin(TODAY + 1))
    second = run(days, [*decisions, first.as_past()], TODAY + 1)
    assert (second.level_minutes, second.level_increased) == (11, False)
    assert r.PROGRESSION_HOLD_NOT_A_WEEK_YET in second.reasons


def test_first_decision_starts_from_onboarding() -> None:
    decision = run([], [], 0, profile=Profile(3, 8, ("walking",)))
    assert (decision.level_minutes, decision.goal_minutes) == (5, 5)
    assert r.PROGRESSION_START in decision.reasons
    assert decision.state.level_since == decision.date


def test_ceiling_suggests_a_physio_only_occasionally() -> None:
    days, decisions = week(30)
    first = run(days, decisions, TODAY)
    assert first.suggest_physio
    assert r.PHYSIO_AT_CEILING in first.reasons
    assert "nudge.physio.ceiling.1" in first.extra_keys
    days.append(checkin(TODAY + 1))
    second = run(days, [*decisions, first.as_past()], TODAY + 1)
    assert r.PROGRESSION_CEILING in second.reasons
    assert not second.suggest_physio
