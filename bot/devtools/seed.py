"""A person with weeks of varied history (ratings, gaps, flares, rest, goal changes, answers,
notes), written straight to the database: for the share page's benchmark, its tests and play.

Every value follows from the day's index, so a test can recompute what it expects from the rows
and a benchmark measures the same data every run.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import CheckIn, DayPlan, Reflection, User

MOVES = ("yes", "some", "no", "rest", "yes")
NOTES = ("Walked to the shop and back", "Slept badly <again> & stiff", "")
LEVEL = 10


def _flare(i: int) -> bool:
    return i % 19 == 5


async def seed_person(
    session: AsyncSession,
    user_id: int,
    today: date,
    days: int,
    *,
    timezone: str = "Europe/Berlin",
    name: str = "Robin",
) -> User:
    """Create (or reuse) the person and write `days` days of history ending `today`."""
    now = datetime.combine(today, time(12), UTC)
    first = today - timedelta(days=days - 1)
    user = await session.get(User, user_id)
    if user is None:
        user = User(
            id=user_id, chat_id=user_id, first_name=name, timezone=timezone,
            checkin_time=time(9), bad_day_minutes=5, good_day_minutes=15,
            activities=["walking"], symptom_tags=[], onboarded=True, updated_at=now,
            created_at=now,
        )  # fmt: skip
        session.add(user)
        await session.flush()  # the person first: every row below points at them
    user.created_at = datetime.combine(first - timedelta(days=1), time(12), UTC)
    level = LEVEL
    for i in range(days):
        day = first + timedelta(days=i)
        flare = _flare(i)
        after = i > 0 and _flare(i - 1)
        if flare:
            level = LEVEL - 1
        elif i > 1 and _flare(i - 2):
            level = LEVEL
        rest = i % 7 == 3 and not flare
        session.add(
            DayPlan(
                user_id=user_id, local_date=day,
                day_type="flare" if flare else ("tough" if after else "steady"),
                goal_kind="flare_toolkit" if flare else ("rest" if rest else "session"),
                goal_minutes=0 if rest else level, activity="walking", content_keys=[],
                reasons=[], level_minutes=level, in_flare_mode=flare or after,
                calm_days_in_flare_mode=0, done=i % 3 == 0 and not rest,
                created_at=now, updated_at=now,
            )
        )  # fmt: skip
        if i % 7 == 6:
            session.add(
                Reflection(
                    user_id=user_id, local_date=day, kind="weekly", enjoyment=(i // 7) % 11,
                    confidence_tasks=(i // 7) % 7, confidence_life=6 - (i // 7) % 7,
                    created_at=now, updated_at=now,
                )
            )  # fmt: skip
        if i % 28 == 20:
            session.add(
                Reflection(
                    user_id=user_id, local_date=day, kind="monthly",
                    overall_change=1 + (i // 28) % 7, created_at=now, updated_at=now,
                )
            )  # fmt: skip
        if i % 11 == 10:  # a gap: no check-in that day
            continue
        note = NOTES[i % len(NOTES)] or None
        session.add(
            CheckIn(
                user_id=user_id, local_date=day, pain=3 + (i * 7) % 5 + (3 if flare else 0),
                flare="yes" if flare else "no", interference=(i * 3) % 11,
                energy=2 + i % 6, sleep=3 + i % 5, movement=MOVES[i % len(MOVES)], note=note,
                note_done=True, path="full", completed_at=now, created_at=now, updated_at=now,
            )
        )  # fmt: skip
    await session.flush()
    return user
