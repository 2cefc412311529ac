"""Queries for groups and their challenges; callers own the session and transaction."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Challenge, ChallengeMember, DayMark, DayPlan, GroupChat, User
from bot.domain.challenges import Status

CODE_BYTES = 6  # 8 url-safe characters: a deep-link code nobody guesses


async def group_by_chat(
    session: AsyncSession, chat_id: int, *, for_update: bool = False
) -> GroupChat | None:
    """The group with this Telegram chat id (locked until the commit, `for_update`)."""
    query = select(GroupChat).where(GroupChat.chat_id == chat_id)
    result = await session.execute(query.with_for_update() if for_update else query)
    return result.scalar_one_or_none()


async def ensure_group(session: AsyncSession, chat_id: int, title: str, now: datetime) -> GroupChat:
    """The group row for a chat, created on first sight; the title is kept current."""
    group = await group_by_chat(session, chat_id)
    if group is None:
        group = GroupChat(
            chat_id=chat_id, title=title[:128], active=True, introduced=False,
            created_at=now, updated_at=now,
        )  # fmt: skip
        session.add(group)
        await session.flush()
    elif title and group.title != title[:128]:
        group.title = title[:128]
        group.updated_at = now
    return group


def new_code() -> str:
    """A fresh deep-link code (letters, digits, '-' and '_', as Telegram's start allows)."""
    return secrets.token_urlsafe(CODE_BYTES)


async def get_challenge(session: AsyncSession, challenge_id: int) -> Challenge | None:
    """A challenge by id."""
    return await session.get(Challenge, challenge_id)


async def challenge_by_code(session: AsyncSession, code: str) -> Challenge | None:
    """A challenge by its deep-link code."""
    result = await session.execute(select(Challenge).where(Challenge.code == code))
    return result.scalar_one_or_none()


async def challenges_of_group(
    session: AsyncSession, group_id: int, statuses: Sequence[str] = ("active",)
) -> list[Challenge]:
    """A group's challenges in the given states, oldest first."""
    result = await session.execute(
        select(Challenge)
        .where(Challenge.group_id == group_id, Challenge.status.in_(statuses))
        .order_by(Challenge.id)
    )
    return list(result.scalars())


async def member_of(
    session: AsyncSession, challenge_id: int, user_id: int
) -> ChallengeMember | None:
    """A person's membership row in a challenge (also after they left)."""
    result = await session.execute(
        select(ChallengeMember).where(
            ChallengeMember.challenge_id == challenge_id, ChallengeMember.user_id == user_id
        )
    )
    return result.scalar_one_or_none()


async def creator_of(session: AsyncSession, challenge_id: int) -> User | None:
    """Who set a challenge up (None once they deleted their data)."""
    result = await session.execute(
        select(User)
        .join(ChallengeMember, ChallengeMember.user_id == User.id)
        .where(ChallengeMember.challenge_id == challenge_id, ChallengeMember.creator.is_(True))
    )
    return result.scalar_one_or_none()


async def is_creator(session: AsyncSession, challenge_id: int, user_id: int) -> bool:
    """Whether this person set the challenge up (also after they left it)."""
    member = await member_of(session, challenge_id, user_id)
    return member is not None and member.creator


async def join(
    session: AsyncSession, challenge_id: int, user_id: int, now: datetime, *, creator: bool = False
) -> tuple[ChallengeMember, bool]:
    """Add a person (or bring them back after /leave); True when they were not in already."""
    member = await member_of(session, challenge_id, user_id)
    if member is None:
        member = ChallengeMember(
            challenge_id=challenge_id, user_id=user_id, creator=creator, joined_at=now
        )
        session.add(member)
        await session.flush()
        return member, True
    if member.left_at is not None:
        member.left_at = None
        return member, True
    return member, False


async def members_with_users(
    session: AsyncSession, challenge_id: int
) -> list[tuple[ChallengeMember, User]]:
    """Current members (not left) and their people, in the order they joined."""
    result = await session.execute(
        select(ChallengeMember, User)
        .join(User, User.id == ChallengeMember.user_id)
        .where(ChallengeMember.challenge_id == challenge_id, ChallengeMember.left_at.is_(None))
        .order_by(ChallengeMember.joined_at, ChallengeMember.id)
    )
    return [(m, u) for m, u in result.tuples()]


async def active_challenges_of_user(
    session: AsyncSession, user_id: int, group_id: int | None = None
) -> list[Challenge]:
    """The running challenges a person is in (optionally in one group), oldest first."""
    query = (
        select(Challenge)
        .join(ChallengeMember, ChallengeMember.challenge_id == Challenge.id)
        .where(
            ChallengeMember.user_id == user_id, ChallengeMember.left_at.is_(None),
            Challenge.status == "active",
        )
        .order_by(Challenge.id)
    )  # fmt: skip
    if group_id is not None:
        query = query.where(Challenge.group_id == group_id)
    return list((await session.execute(query)).scalars())


async def mark_day(
    session: AsyncSession, user_id: int, day: date, kind: Status, now: datetime
) -> bool:
    """Record 'moved' or 'resting' for a person's day; moving is never downgraded to resting.

    Returns whether anything changed. A 'moved' also ticks the private plan of that day, so
    the person's own progress counts it too.
    """
    result = await session.execute(
        select(DayMark).where(DayMark.user_id == user_id, DayMark.local_date == day)
    )
    mark = result.scalar_one_or_none()
    changed = False
    if mark is None:
        session.add(DayMark(user_id=user_id, local_date=day, kind=kind, created_at=now,
                            updated_at=now))  # fmt: skip
        changed = True
    elif mark.kind != kind and kind == "moved":
        mark.kind, mark.updated_at = kind, now
        changed = True
    if kind == "moved":
        plan = (
            await session.execute(
                select(DayPlan).where(DayPlan.user_id == user_id, DayPlan.local_date == day)
            )
        ).scalar_one_or_none()
        if plan is not None and not plan.done:
            plan.done, plan.updated_at = True, now
    return changed


