"""The day's plan and what became of it, as every surface reads it (one read, one definition).

The check-in reply, /today, the weekly summary, the chart, the CSV, the clinician's PDF, the
share page and the group tally all speak of the same days: what was decided for the day (a rest
the person declared, a safety hold, or the rules' flare, tough, steady or good day) and whether the
person moved or was on plan that day (bot.domain.progress.day_status, with each "since your last
check-in" answer on the day it is about).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import history
from bot.db.models import User
from bot.domain.progress import ByStatus, DayStatus, day_status, history_facts

Decided = Literal["rest", "safety", "flare", "tough", "steady", "good"]
SAFETY_HOLDS = ("emergency", "crisis")


@dataclass(frozen=True)
class Day(ByStatus):
    """One local day as every surface shows it."""

    date: date
    decided: Decided | None  # None: no plan was made that day
    goal_kind: str | None  # session | flare_toolkit | rest
    goal_minutes: int
    level_minutes: int | None
    status: DayStatus | None  # moved | rest | gentler | None (nothing on plan known)


async def days(session: AsyncSession, user: User, first: date, last: date) -> list[Day]:
    """Each day from `first` to `last` (never before the person joined), oldest first."""
    first = max(first, history.joined_on(user))
    past = await history.load_history(
        session, user, last, days_back=(last - first).days + 1, include_today_plan=True
    )
    facts = history_facts(past, await history.load_marks(session, user.id, first), upto=last)
    plans = {p.date: p for p in past.decisions}
    records = {d.date: d for d in past.days}
    out: list[Day] = []
    day = first
    while day <= last:
        plan, record = plans.get(day), records.get(day)
        decided: Decided | None = None
        if record is not None and record.red_flag in SAFETY_HOLDS:
            decided = "safety"
        elif record is not None and record.rest_declared:
            decided = "rest"
        elif plan is not None:
            decided = plan.day_type
        known = facts.get(day)
        out.append(
            Day(
                date=day,
                decided=decided,
                goal_kind=plan.goal_kind if plan else None,
                goal_minutes=plan.goal_minutes if plan else 0,
                level_minutes=plan.level_minutes if plan else None,
                status=day_status(known) if known is not None else None,
            )
        )
        day += timedelta(days=1)
    return out
