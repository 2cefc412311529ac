"""Loading what is stored about people's days, for the day reader (bot/usecases/days.py).

Two queries whatever the number of people or days: check-ins beside their day's plan (a full
join: a declared rest has a plan and no check-in, a check-in in progress no plan yet), then the
red flags and the group's marks together. The weekly summary, /progress, the export, the share
page and every member of a group tally read their days this way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.db.history import TIER_ORDER, _past, _record
from bot.db.models import CheckIn, DayMark, DayPlan, SafetyEvent, User
from bot.domain.rules import History, Profile, RedFlag


@dataclass
class Stored:
    """One person's stored days from a date on: the rules' History and the group's marks."""

    history: History
    marks: dict[date, str] = field(default_factory=dict)


async def load(session: AsyncSession, users: Sequence[User], since: date) -> dict[int, Stored]:
    """Each person's check-ins, plans, red flags and group marks from `since` on."""
    ids = [u.id for u in users]
    if not ids:
        return {}
    checkins = aliased(
        CheckIn,
        select(CheckIn)
        .where(CheckIn.user_id.in_(ids), CheckIn.local_date >= since)
        .subquery("checkins_since"),
    )
    plans = aliased(
        DayPlan,
        select(DayPlan)
        .where(DayPlan.user_id.in_(ids), DayPlan.local_date >= since)
        .subquery("plans_since"),
    )
    same_day = and_(checkins.user_id == plans.user_id, checkins.local_date == plans.local_date)
    rows = await session.execute(
        select(checkins, plans).join_from(checkins, plans, same_day, full=True)
    )
    found: dict[int, dict[date, tuple[CheckIn | None, DayPlan | None]]] = defaultdict(dict)
    for checkin, plan in rows.tuples():
        either = checkin if checkin is not None else plan
        assert either is not None  # a full join row has one side at least
        found[either.user_id][either.local_date] = (checkin, plan)
    flags: dict[int, dict[date, RedFlag]] = defaultdict(dict)
    marks: dict[int, dict[date, str]] = defaultdict(dict)
    events = union_all(
        select(literal("flag"), SafetyEvent.user_id, SafetyEvent.local_date, SafetyEvent.tier)
        .where(SafetyEvent.user_id.in_(ids), SafetyEvent.local_date >= since),
        select(literal("mark"), DayMark.user_id, DayMark.local_date, DayMark.kind)
        .where(DayMark.user_id.in_(ids), DayMark.local_date >= since),
    )  # fmt: skip
    for source, user_id, day, value in (await session.execute(events)).tuples():
        if source == "mark":
            marks[user_id][day] = value
        elif value in TIER_ORDER:
            tier = value
            current = flags[user_id].get(day)
            if current is None or TIER_ORDER.index(tier) < TIER_ORDER.index(current):
                flags[user_id][day] = tier
    out: dict[int, Stored] = {}
    for user in users:
        stored, flagged = found[user.id], flags[user.id]
        days = tuple(
            _record(day, *stored.get(day, (None, None)), flagged.get(day))
            for day in sorted(set(stored) | set(flagged))
        )
        decisions = tuple(
            _past(plan) for _, (_, plan) in sorted(stored.items()) if plan is not None
        )
        profile = Profile(user.bad_day_minutes, user.good_day_minutes, tuple(user.activities))
        history = History(
            profile=profile, days=days, decisions=decisions,
            symptom_tags=frozenset(user.symptom_tags),
        )  # fmt: skip
        out[user.id] = Stored(history, marks[user.id])
    return out
