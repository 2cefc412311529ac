"""Plain async query functions; callers own the session and transaction."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, bindparam, exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.util import identity_key

from bot.db.models import Challenge, ChallengeMember, CheckIn, PromptSent, User
from bot.domain.checkin import Answers

DEFAULT_CHECKIN_TIME = time(9, 0)
DEFAULT_BAD_DAY_MINUTES = 2
DEFAULT_GOOD_DAY_MINUTES = 10


# Built once: Session.get builds and annotates a new statement on every call that misses its
# identity map, a third of the CPU of loading one person.
_USER = select(User).where(User.id == bindparam("user_id"))


async def get_user(session: AsyncSession, user_id: int) -> User | None:
    """A person by Telegram user id (from the session when it holds them already)."""
    if identity_key(User, user_id) in session.sync_session.identity_map:
        return await session.get(User, user_id)
    user: User | None = (await session.execute(_USER, {"user_id": user_id})).scalar_one_or_none()
    return user


# A check-in tap's reads as one statement, built once: the person, their check-in of the tapped
# date (None before the first answer) and whether they are in a running group challenge (most
# people are not, and then no group tally needs a look).
_IN_A_CHALLENGE = (
    exists()
    .where(
        ChallengeMember.user_id == User.id, ChallengeMember.left_at.is_(None),
        Challenge.id == ChallengeMember.challenge_id, Challenge.status == "active",
    )
    .label("in_a_challenge")
)  # fmt: skip
_PERSON_AT = (
    select(User, CheckIn, _IN_A_CHALLENGE)
    .outerjoin(
        CheckIn, and_(CheckIn.user_id == User.id, CheckIn.local_date == bindparam("day"))
    )
    .where(User.id == bindparam("user_id"))
)


async def person_at(
    session: AsyncSession, user_id: int, day: date
) -> tuple[User, CheckIn | None, bool] | None:
    """A person with their check-in of `day` and whether they are in a running challenge."""
    row = (await session.execute(_PERSON_AT, {"user_id": user_id, "day": day})).first()
    if row is None:
        return None
    user, checkin, in_a_challenge = row
    return user, checkin, bool(in_a_challenge)


def new_user(
    user_id: int,
    chat_id: int,
    first_name: str,
    language_code: str | None,
    timezone: str,
    now: datetime,
) -> User:
    """A person with every setting at its default, before onboarding."""
    return User(
        id=user_id, chat_id=chat_id, first_name=first_name[:128], language_code=language_code,
        timezone=timezone, checkin_time=DEFAULT_CHECKIN_TIME,
        bad_day_minutes=DEFAULT_BAD_DAY_MINUTES, good_day_minutes=DEFAULT_GOOD_DAY_MINUTES,
        activities=[], symptom_tags=[], dialog=None, onboarded=False, active=True, paused=False,
        next_prompt_at=None, weekly_enabled=True, weekly_weekday=6, weekly_time=time(19, 0),
        created_at=now, updated_at=now,
    )  # fmt: skip


async def get_checkin(session: AsyncSession, user_id: int, day: date) -> CheckIn | None:
    """The check-in of one local date."""
    result = await session.execute(
        select(CheckIn).where(CheckIn.user_id == user_id, CheckIn.local_date == day)
    )
    return result.scalar_one_or_none()


async def prompt_sent_at(session: AsyncSession, user_id: int, day: date) -> datetime | None:
    """When the daily prompt of one local date went out, if it did."""
    sent: datetime | None = await session.scalar(
        select(PromptSent.sent_at).where(
            PromptSent.user_id == user_id, PromptSent.local_date == day,
            PromptSent.status == "sent",
        )
    )  # fmt: skip
    return sent


async def get_or_create_checkin(
    session: AsyncSession, user_id: int, day: date, now: datetime
) -> CheckIn:
    """Today's row, created empty on the first answer."""
    found = await get_checkin(session, user_id, day)
    if found is not None:
        return found
    return await new_checkin(session, user_id, day, now)


async def new_checkin(session: AsyncSession, user_id: int, day: date, now: datetime) -> CheckIn:
    """An empty row for a date that has none yet."""
    checkin = CheckIn(
        user_id=user_id, local_date=day, note_done=False, path="full",
        created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(checkin)
    await session.flush()
    return checkin


async def yesterday_answers(session: AsyncSession, user_id: int, day: date) -> Answers | None:
    """The answers of the day before, for 'same as yesterday'."""
    previous = await get_checkin(session, user_id, day - timedelta(days=1))
    return answers_of(previous) if previous is not None else None


def answers_of(checkin: CheckIn) -> Answers:
    """A stored row as the domain's Answers."""
    return Answers(
        pain=checkin.pain, flare=checkin.flare, interference=checkin.interference,
        energy=checkin.energy, sleep=checkin.sleep, movement=checkin.movement,
        note=checkin.note, note_done=checkin.note_done, path=checkin.path,
    )  # fmt: skip


def store_answers(checkin: CheckIn, answers: Answers, now: datetime) -> None:
    """Write the domain's Answers back onto the row."""
    checkin.pain = answers.pain
    checkin.flare = answers.flare
    checkin.interference = answers.interference
    checkin.energy = answers.energy
    checkin.sleep = answers.sleep
    checkin.movement = answers.movement
    checkin.note = answers.note
    checkin.note_done = answers.note_done
    checkin.path = answers.path
    checkin.updated_at = now
