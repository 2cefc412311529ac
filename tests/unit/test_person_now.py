"""What is open with a person now, as tables: precedence, the monthly question's timing, typed
answers to the weekly and monthly questions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import combinations, permutations

import pytest

from bot.domain.person_now import (
    CLARIFICATION_WINDOW,
    MONTHLY_AFTER_DAYS,
    MONTHLY_IN_FIRST_DAYS,
    PRECEDENCE,
    REFLECTION_TYPED_DAYS,
    Open,
    clarification_open,
    monthly_due,
    open_now,
    read_clarification,
    read_reflection,
    reflection_takes_text,
    safety_quiet,
)


def test_the_documented_values() -> None:
    assert (MONTHLY_AFTER_DAYS, MONTHLY_IN_FIRST_DAYS, REFLECTION_TYPED_DAYS) == (28, 7, 1)
    assert PRECEDENCE == (
        Open.CRISIS, Open.SETUP, Open.CHECKIN, Open.CUE, Open.CLARIFICATION, Open.REFLECTION,
    )  # fmt: skip
    assert timedelta(minutes=30) == CLARIFICATION_WINDOW


# Every pair of kinds that can be waiting together, and which one is open: written out, not
# derived from PRECEDENCE, so a reordered table fails here.
C, S, K, U, L, R = (Open.CRISIS, Open.SETUP, Open.CHECKIN, Open.CUE, Open.CLARIFICATION,
                    Open.REFLECTION)  # fmt: skip
WINNER: dict[frozenset[Open], Open] = {
    frozenset({C, S}): C, frozenset({C, K}): C, frozenset({C, U}): C, frozenset({C, L}): C,
    frozenset({C, R}): C,
    frozenset({S, K}): S, frozenset({S, U}): S, frozenset({S, L}): S, frozenset({S, R}): S,
    frozenset({K, U}): K, frozenset({K, L}): K, frozenset({K, R}): K,
    frozenset({U, L}): U, frozenset({U, R}): U,
    frozenset({L, R}): L,
}  # fmt: skip


def test_every_pair_of_kinds_is_in_the_table() -> None:
    assert set(WINNER) == {frozenset(pair) for pair in combinations(Open, 2)}


@pytest.mark.parametrize("pair", sorted(permutations(Open, 2)))
def test_each_pair_of_waiting_kinds_opens_the_one_that_goes_first(pair: tuple[Open, Open]) -> None:
    assert open_now(pair) is WINNER[frozenset(pair)]


@pytest.mark.parametrize("kind", list(Open))
def test_a_kind_waiting_alone_is_open(kind: Open) -> None:
    assert open_now([kind]) is kind
    assert open_now([kind, kind]) is kind


def test_all_kinds_waiting_the_crisis_question_is_open() -> None:
    assert open_now(reversed(PRECEDENCE)) is Open.CRISIS
    assert open_now(k for k in Open if k is not Open.CRISIS) is Open.SETUP


@pytest.mark.parametrize(
    ("waiting", "expected"),
    [
        ((), None),
        ((Open.REFLECTION,), Open.REFLECTION),
        ((Open.REFLECTION, Open.CHECKIN), Open.CHECKIN),
        ((Open.CHECKIN, Open.CRISIS), Open.CRISIS),
        ((Open.CUE, Open.SETUP, Open.REFLECTION), Open.SETUP),
        ((Open.CUE, Open.REFLECTION), Open.CUE),
        ((Open.REFLECTION, Open.CLARIFICATION), Open.CLARIFICATION),
        ((Open.CLARIFICATION, Open.CHECKIN), Open.CHECKIN),
    ],
)
def test_one_open_question_by_precedence(waiting: tuple[Open, ...], expected: Open | None) -> None:
    assert open_now(waiting) == expected


MAY_3 = date(2026, 5, 3)


@pytest.mark.parametrize(
    ("days_since_start", "day", "due"),
    [
        (27, MAY_3, False),
        (28, MAY_3, True),
        (29, MAY_3, True),
        (1, MAY_3, False),  # the report: the monthly question on the second day
        (60, date(2026, 5, 7), True),
        (60, date(2026, 5, 8), False),
        (60, date(2026, 5, 6), True),
    ],
)
def test_the_monthly_question_waits_four_weeks(days_since_start: int, day: date, due: bool) -> None:
    assert monthly_due(MAY_3 - timedelta(days=days_since_start), day) is due


@pytest.mark.parametrize(("days_after", "takes"), [(-1, False), (0, True), (1, True), (2, False)])
def test_typed_answers_on_the_summary_day_and_the_next(days_after: int, takes: bool) -> None:
    assert reflection_takes_text(MAY_3, MAY_3 + timedelta(days=days_after)) is takes


@pytest.mark.parametrize(
    ("kind", "lowest", "top", "text", "value"),
    [
        ("monthly", 1, 7, "About the same", 4),
        ("monthly", 1, 7, "about the same really", None),
        ("monthly", 1, 7, "the same, I think", 4),
        ("monthly", 1, 7, "much better", 1),
        ("monthly", 1, 7, "better", 2),
        ("monthly", 1, 7, "a bit better", 3),
        ("monthly", 1, 7, "a little worse", 5),
        ("monthly", 1, 7, "worse", 6),
        ("monthly", 1, 7, "Much worse!", 7),
        ("monthly", 1, 7, "it's only been a day", None),
        ("monthly", 1, 7, "4", None),
        ("weekly", 0, 10, "3", 3),
        ("weekly", 0, 10, "0", 0),
        ("weekly", 0, 10, "10", 10),
        ("weekly", 0, 10, "11", None),
        ("weekly", 0, 6, "6", 6),
        ("weekly", 0, 6, "7", None),
        ("weekly", 0, 10, "it's only been a day", None),
    ],
)
def test_typed_reflection_answers(
    kind: str, lowest: int, top: int, text: str, value: int | None
) -> None:
    assert read_reflection(kind, lowest, top, text) == value


NOW = datetime(2026, 5, 3, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("stage", "until", "quiet"),
    [
        (None, None, False),
        ("crisis", None, True),
        ("crisis_said_safe", NOW + timedelta(seconds=1), True),
        ("crisis_listening", NOW, False),
        ("crisis", NOW - timedelta(seconds=1), False),
    ],
)
def test_no_check_in_question_is_offered_during_a_safety_conversation(
    stage: str | None, until: datetime | None, quiet: bool
) -> None:
    assert safety_quiet(stage, until, NOW) is quiet


OFFERED = ("rest", "today", "none")


@pytest.mark.parametrize(
    ("options", "text", "picked"),
    [
        (OFFERED, "rest", "rest"),
        (OFFERED, "Rest today.", "rest"),
        (OFFERED, "the plan!", "today"),
        (OFFERED, "See today's plan", "today"),  # a button's label, typed
        (OFFERED, "just telling you", "none"),
        (OFFERED, "nope", "none"),
        (OFFERED, "rest, I think", "rest"),  # the first clause names it
        (OFFERED, "1", "rest"),
        (OFFERED, "the second one", "today"),
        (OFFERED, "3", "none"),
        (OFFERED, "the last one", "none"),
        (OFFERED, "4", None),  # no fourth option
        (OFFERED, "more", None),  # a choice, but not one offered here
        (OFFERED, "yes", None),
        (OFFERED, "my cat is asleep on me", None),
        (("rest", "more", "today"), "a bit more", "more"),
        (("rest", "more", "today"), "last", "today"),
        (("rest", "more"), "3", None),
        (("rest", "more"), "last", "more"),
        ((), "rest", None),
    ],
)
def test_a_typed_answer_to_which_is_it(
    options: tuple[str, ...], text: str, picked: str | None
) -> None:
    assert read_clarification(options, text) == picked


def test_a_clarification_waits_for_its_window_only() -> None:
    asked = datetime(2026, 5, 3, 9, 0, tzinfo=UTC)
    until = asked + CLARIFICATION_WINDOW
    assert clarification_open("rest,today", until, asked)
    assert clarification_open("rest,today", until, until - timedelta(seconds=1))
    assert not clarification_open("rest,today", until, until)
    assert not clarification_open(None, until, asked)
    assert not clarification_open("", until, asked)
    assert not clarification_open("rest,today", None, asked)
