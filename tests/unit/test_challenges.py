"""Group challenges: who counts as moved or resting, the calendar, tallies, what groups see."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from jinja2 import Environment, meta

from bot.domain.challenges import (
    EDIT_GAP,
    Member,
    MemberTally,
    challenge_dates,
    day_number,
    first_day,
    last_day,
    looks_back,
    needs_nudge,
    nudge_instant,
    status_of,
    summarise_day,
    summary_instant,
    tally,
)
from bot.domain.progress import PlanFacts
from bot.views.content import load_content

BERLIN = ZoneInfo("Europe/Berlin")
MON = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("movement", "plan_done", "marks", "expected"),
    [
        (None, False, (), None),
        ("yes", False, (), "moved"),
        ("some", False, (), "moved"),  # a gentler session counts in full
        ("rest", False, (), "resting"),  # planned rest counts as on plan
        ("no", False, (), None),
        ("no", True, (), "moved"),  # the private plan's Done
        (None, False, ("moved",), "moved"),  # Done today in the group
        (None, False, ("resting",), "resting"),  # Rest day in the group
        ("rest", True, (), "moved"),  # moving wins over resting
        ("rest", False, ("moved",), "moved"),
        ("no", False, ("resting",), "resting"),
    ],
)
def test_who_counts_as_moved_or_resting(
    movement: str | None, plan_done: bool, marks: tuple[str, ...], expected: str | None
) -> None:
    assert status_of(movement, plan_done, marks) == expected


@pytest.mark.parametrize(
    ("movement", "plan", "expected"),
    [
        ("no", PlanFacts(goal_minutes=3, flare_adjusted=True), "resting"),  # a flare plan kept
        ("no", PlanFacts(goal_minutes=0, planned_rest=True), "resting"),  # the plan was rest
        ("no", PlanFacts(goal_minutes=10), None),  # a plain miss
        (None, PlanFacts(goal_minutes=3, flare_adjusted=True), None),  # nothing told: no count
        ("some", PlanFacts(goal_minutes=3, flare_adjusted=True), "moved"),
    ],
)
def test_the_days_own_plan_counts_as_the_private_numbers_do(
    movement: str | None, plan: PlanFacts, expected: str | None
) -> None:
    """`movement` is the answer about the day (given in the next day's check-in)."""
    assert status_of(movement, False, (), plan) == expected


@pytest.mark.parametrize(
    ("at", "back", "sent_on", "local_time"),
    [
        (time(20, 0), False, MON, "20:00"),  # an evening summary reports on the same day
        (time(12, 0), False, MON, "12:00"),
        (time(8, 0), True, MON + timedelta(days=1), "08:00"),  # a morning recap looks back
    ],
)
def test_summary_goes_out_at_the_groups_local_time(
    at: time, back: bool, sent_on: date, local_time: str
) -> None:
    assert looks_back(at) is back
    instant = summary_instant(MON, at, BERLIN)
    assert instant.tzinfo is not None and instant.utcoffset() == timedelta(0)
    local = instant.astimezone(BERLIN)
    assert (local.date(), f"{local:%H:%M}") == (sent_on, local_time)


@pytest.mark.parametrize(
    ("at", "nudge_local"),
    [(time(20, 0), "17:00"), (time(12, 0), "09:00"), (time(8, 0), "19:00")],
)
def test_nudges_come_before_the_summary_at_a_kind_hour(at: time, nudge_local: str) -> None:
    nudge = nudge_instant(MON, at, BERLIN)
    assert f"{nudge.astimezone(BERLIN):%H:%M}" == nudge_local
    assert nudge < summary_instant(MON, at, BERLIN)


def test_day_one_always_gets_its_summary() -> None:
    morning = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)  # 10:00 in Berlin
    late = datetime(2026, 6, 1, 19, 30, tzinfo=UTC)  # 21:30 in Berlin
    assert first_day(morning, time(20, 0), BERLIN) == MON
    assert first_day(late, time(20, 0), BERLIN) == MON + timedelta(days=1)
    assert first_day(late, time(8, 0), BERLIN) == MON  # a morning recap of today is still ahead


def test_summary_time_is_correct_across_a_dst_change() -> None:
    before = summary_instant(date(2026, 3, 28), time(20, 0), BERLIN)
    after = summary_instant(date(2026, 3, 29), time(20, 0), BERLIN)
    assert after - before == timedelta(hours=23)


def test_calendar_helpers() -> None:
    assert last_day(MON, 7) == date(2026, 6, 7)
    assert day_number(MON, MON) == 1 and day_number(date(2026, 6, 7), MON) == 7
    assert day_number(MON - timedelta(days=1), MON) == 0
    assert challenge_dates(MON, MON + timedelta(days=2)) == [
        MON, MON + timedelta(days=1), MON + timedelta(days=2)
    ]  # fmt: skip
    assert challenge_dates(MON, MON - timedelta(days=1)) == []
    assert EDIT_GAP.total_seconds() * 20 > 60  # at most 20 edits a minute


ANA = Member("Ana", {MON: "moved", MON + timedelta(1): "moved", MON + timedelta(2): "resting"})
BO = Member("Bo", {MON + timedelta(1): "resting"})
CY = Member("Cy", {})


def test_tally_keeps_joining_order_and_counts_days_on_plan() -> None:
    today = MON + timedelta(days=2)
    assert tally([CY, ANA, BO], MON, last_day(MON, 7), today) == [
        MemberTally("Cy", None, 0),
        MemberTally("Ana", "resting", 3),
        MemberTally("Bo", None, 1),
    ]


def test_tally_ignores_days_outside_the_challenge() -> None:
    early = Member("Di", {MON - timedelta(days=1): "moved", MON: "moved"})
    end = last_day(MON, 7)
    assert tally([early], MON, end, MON) == [MemberTally("Di", "moved", 1)]
    after = Member("Ed", {end: "moved", end + timedelta(days=1): "moved"})
    # After the end, the count stops at the last day and "today" shows nothing.
    assert tally([after], MON, end, end + timedelta(days=1)) == [MemberTally("Ed", None, 1)]


def test_day_summary_names_who_turned_up_never_who_did_not() -> None:
    summary = summarise_day([ANA, BO, CY], MON, MON + timedelta(days=1))
    assert summary.day == 2
    assert summary.moved == ("Ana",) and summary.resting == ("Bo",)
    assert summary.turned_up == 2 and summary.members == 3


NOW = datetime(2026, 6, 1, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "active", "paused", "quiet_until", "expected"),
    [
        (None, True, False, None, True),
        ("moved", True, False, None, False),
        ("resting", True, False, None, False),
        (None, False, False, None, False),  # blocked the bot: never messaged privately
        (None, True, True, None, False),  # paused their reminders
        (None, True, False, NOW + timedelta(hours=5), False),  # a safety pause
        (None, True, False, NOW - timedelta(hours=1), True),
    ],
)
def test_who_gets_a_private_nudge(
    status: str | None, active: bool, paused: bool, quiet_until: datetime | None, expected: bool
) -> None:
    assert (
        needs_nudge(
            status,  # type: ignore[arg-type]
            active=active, paused=paused, quiet_until=quiet_until, now=NOW,
        )
        is expected
    )  # fmt: skip


# What reaches a group is only ever built from these; a template that could show anything from
# a private check-in is refused here, before it could reach anyone.
PRIVATE_ONLY = ("group.nudge", "group.joined.private", "group.removed", "group.link.unknown")
PRIVATE_VARIABLES = frozenset(
    {"pain", "interference", "energy", "sleep", "flare", "movement", "note", "answers",
     "day_type_words", "goal_minutes", "level_minutes", "cue", "symptoms", "deleted"}
)  # fmt: skip
PRIVATE_WORDS = re.compile(r"\b(pain|flare|energy|sleep|mood|note)s?\b", re.IGNORECASE)


def group_facing_templates() -> list[tuple[str, str]]:
    """(key, body) of every message that may be shown in a group or as a group popup."""
    library = load_content()
    found = []
    for (locale, key), item in sorted(library.items.items()):
        if key.startswith("group.") and not key.startswith(PRIVATE_ONLY):
            found.append((f"{locale}:{key}", item.path.read_text().split("\n---", 1)[1]))
    return found


@pytest.mark.parametrize(("key", "body"), group_facing_templates())
def test_group_messages_cannot_carry_anything_private(key: str, body: str) -> None:
    used = meta.find_undeclared_variables(Environment().parse(body))
    # The goal's own wording uses goal_minutes for the challenge's minutes, never a person's.
    allowed = {"goal_minutes"} if key.endswith("group.goal") else set()
    assert not (used & PRIVATE_VARIABLES) - allowed, used
    assert not PRIVATE_WORDS.search(body), PRIVATE_WORDS.search(body)
