"""The day's plan and what became of it, as every surface reads it (one read, one definition).

What was decided for the day (a rest the person declared, a safety hold, or the rules' flare,
tough, steady or good day) and whether the person moved or was on plan that day
(bot.domain.progress.read_days, with each "since your last check-in" answer on the day it is
about). The weekly summary and /progress (reports.load), the chart, the clinician's PDF and the
share page (reports.load_trends), the CSV (/export) and the group tally (group_statuses) read
their days here. Two queries read any number of people's days (bot/db/days.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import days as stored_days
from bot.db import history
from bot.db.models import User
from bot.domain.challenges import Status, group_status
from bot.domain.progress import Day, Decided, read_days

__all__ = ["Day", "Decided", "days", "days_of", "group_statuses"]


async def days(
    session: AsyncSession, user: User, first: date, last: date, *, since_joining: bool = True
) -> list[Day]:
    """Each day from `first` to `last` (never before the person joined, unless not
    `since_joining`: the export shows every stored day), oldest first."""
    return (await days_of(session, [user], first, last, since_joining=since_joining))[user.id]


async def days_of(
    session: AsyncSession,
    users: Sequence[User],
    first: date,
    last: date,
    *,
    since_joining: bool = True,
) -> dict[int, list[Day]]:
    """`days` for several people at once (a group's members), in the same two queries; each
    day is counted with all that is known about it now (an answer given after `last` about a
    day in the span included), so a finished challenge's tally and a person's chart agree."""
    # Nothing before `first` is needed: a "since your last check-in" answer given in the span
    # is about the last day heard from before it, which is in the span or not counted here.
    found = await stored_days.load(session, users, first)
    out: dict[int, list[Day]] = {}
    for user in users:
        joined = history.joined_on(user) if since_joining else None
        start = max(first, joined) if joined is not None else first
        if start > last:
            out[user.id] = []
            continue
        stored = found[user.id]
        read = read_days(stored.history, start, last, marks=stored.marks, joined=joined)
        out[user.id] = list(read)
    return out


async def group_statuses(
    session: AsyncSession, users: Sequence[User], first: date, last: date
) -> dict[int, dict[date, Status]]:
    """What a group sees of its members' days: "moved" or "resting", from the same days as their
    private numbers (ratings, flare answers and notes never leave the person's private chat)."""
    read = await days_of(session, users, first, last)
    return {
        user_id: {d.date: s for d in shown if (s := group_status(d.status)) is not None}
        for user_id, shown in read.items()
    }
