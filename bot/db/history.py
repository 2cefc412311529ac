"""Loading what the rules engine needs about one person, and storing its decision."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import CheckIn, DayPlan, Reflection, SafetyEvent, User
from bot.domain.progress import ReflectionAnswers
from bot.domain.rules import (
    DayRecord,
    DayType,
    Decision,
    FlareAnswer,
    GoalKind,
    History,
    MovementAnswer,
    PastDecision,
    Profile,
    RedFlag,
)
from bot.domain.schedule import local_date

# Enough for the 14-check-in baseline, the 30-day flare count and "4 weeks ago" comparisons.
HISTORY_DAYS = 70
TIER_ORDER: tuple[RedFlag, ...] = ("crisis", "emergency", "doctor")


async def load_history(
    session: AsyncSession,
    user: User,
    today: date,
    *,
    days_back: int = HISTORY_DAYS,
    include_today_plan: bool = False,
) -> History:
    """The person's recent check-ins, plans and red flags as the rules' History.

    The rules decide today from earlier plans only; charts also want today's.
    """
    since = today - timedelta(days=days_back)
    checkins = {
        c.local_date: c
        for c in (
            await session.execute(
                select(CheckIn).where(CheckIn.user_id == user.id, CheckIn.local_date >= since)
            )
        ).scalars()
    }
    plans = {
        p.local_date: p
        for p in (
            await session.execute(
                select(DayPlan).where(DayPlan.user_id == user.id, DayPlan.local_date >= since)
            )
        ).scalars()
    }
    flags: dict[date, RedFlag] = {}
    for event in (
        await session.execute(
            select(SafetyEvent).where(
                SafetyEvent.user_id == user.id, SafetyEvent.local_date >= since
            )
        )
    ).scalars():
        tier = cast(RedFlag, event.tier)
        current = flags.get(event.local_date)
        if current is None or TIER_ORDER.index(tier) < TIER_ORDER.index(current):
            flags[event.local_date] = tier
    days = tuple(
        _record(day, checkins.get(day), plans.get(day), flags.get(day))
        for day in sorted(set(checkins) | set(plans) | set(flags))
    )
    decisions = tuple(
        _past(p) for day, p in sorted(plans.items()) if day < today or include_today_plan
    )
    profile = Profile(user.bad_day_minutes, user.good_day_minutes, tuple(user.activities))
    return History(
        profile=profile, days=days, decisions=decisions, symptom_tags=frozenset(user.symptom_tags)
    )


def _record(
    day: date, checkin: CheckIn | None, plan: DayPlan | None, flag: RedFlag | None
) -> DayRecord:
    """One day as the rules see it."""
    return DayRecord(
        date=day,
        pain=checkin.pain if checkin else None,
        interference=checkin.interference if checkin else None,
        energy=checkin.energy if checkin else None,
        sleep=checkin.sleep if checkin else None,
        movement=cast(MovementAnswer | None, checkin.movement if checkin else None),
        flare=cast(FlareAnswer | None, checkin.flare if checkin else None),
        done=bool(plan and plan.done),
        red_flag=flag,
        rest_declared=bool(plan and plan.rest_declared),
    )


def _past(plan: DayPlan) -> PastDecision:
    """A stored plan as the rules' PastDecision."""
    return PastDecision(
        date=plan.local_date,
        day_type=cast(DayType, plan.day_type),
        level_minutes=plan.level_minutes,
        goal_minutes=plan.goal_minutes,
        goal_kind=cast(GoalKind, plan.goal_kind),
        activity=plan.activity,
        content_keys=tuple(plan.content_keys),
        in_flare_mode=plan.in_flare_mode,
        pre_flare_level=plan.pre_flare_level,
        flare_mode_since=plan.flare_mode_since,
        calm_days_in_flare_mode=plan.calm_days_in_flare_mode,
        level_since=plan.level_since,
        last_increase_date=plan.last_increase_date,
        plan_lowered_date=plan.plan_lowered_date,
        last_clinician_nudge_date=plan.last_clinician_nudge_date,
        last_physio_nudge_date=plan.last_physio_nudge_date,
    )


async def get_plan(session: AsyncSession, user_id: int, day: date) -> DayPlan | None:
    """The stored plan of one local date."""
    result = await session.execute(
        select(DayPlan).where(DayPlan.user_id == user_id, DayPlan.local_date == day)
    )
    return result.scalar_one_or_none()


async def store_decision(
    session: AsyncSession, user_id: int, decision: Decision, now: datetime
) -> DayPlan:
    """Insert or update the plan row for the decision's date (one per person per day)."""
    row = await get_plan(session, user_id, decision.date)
    if row is None:
        row = DayPlan(user_id=user_id, local_date=decision.date, done=False, created_at=now)
        session.add(row)
    past = decision.as_past()
    row.day_type = past.day_type
    row.goal_kind = past.goal_kind
    row.goal_minutes = past.goal_minutes
    row.activity = past.activity
    row.content_keys = list(past.content_keys)
    row.reasons = list(decision.reasons)
    row.level_minutes = past.level_minutes
    row.level_since = past.level_since
    row.last_increase_date = past.last_increase_date
    row.in_flare_mode = past.in_flare_mode
    row.pre_flare_level = past.pre_flare_level
    row.flare_mode_since = past.flare_mode_since
    row.calm_days_in_flare_mode = past.calm_days_in_flare_mode
    row.plan_lowered_date = past.plan_lowered_date
    row.last_clinician_nudge_date = past.last_clinician_nudge_date
    row.last_physio_nudge_date = past.last_physio_nudge_date
    row.updated_at = now
    await session.flush()
    return row


async def red_flag_today(session: AsyncSession, user_id: int, day: date) -> RedFlag | None:
    """The most urgent red flag of a day, if any."""
    result = await session.execute(
        select(SafetyEvent.tier).where(
            SafetyEvent.user_id == user_id, SafetyEvent.local_date == day
        )
    )
    tiers = {cast(RedFlag, t) for t in result.scalars()}
    return next((t for t in TIER_ORDER if t in tiers), None)


def joined_on(user: User) -> date:
    """The person's first local date with us (numbers never count days before it)."""
    return local_date(user.created_at, ZoneInfo(user.timezone))


async def load_reflections(
    session: AsyncSession, user_id: int, since: date
) -> list[ReflectionAnswers]:
    """The weekly and monthly reflection answers of one person from `since` on, oldest first."""
    result = await session.execute(
        select(Reflection)
        .where(Reflection.user_id == user_id, Reflection.local_date >= since)
        .order_by(Reflection.local_date, Reflection.kind)
    )
    return [
        ReflectionAnswers(
            date=row.local_date,
            kind=row.kind,
            enjoyment=row.enjoyment,
            confidence_tasks=row.confidence_tasks,
            confidence_life=row.confidence_life,
            overall_change=row.overall_change,
        )
        for row in result.scalars()
    ]


async def load_notes(session: AsyncSession, user_id: int, since: date) -> dict[date, str]:
    """The check-in notes of one person from `since` on (shown only when the person says so)."""
    result = await session.execute(
        select(CheckIn.local_date, CheckIn.note).where(
            CheckIn.user_id == user_id, CheckIn.local_date >= since, CheckIn.note.is_not(None)
        )
    )
    return {day: note for day, note in result.tuples() if note}
