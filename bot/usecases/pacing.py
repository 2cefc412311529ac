"""Pacing the bot itself, the stored side: the unanswered-prompt count and its reset."""

from __future__ import annotations

from sqlalchemy import select, update

from bot.db.models import User
from bot.services import Services


async def answered(services: Services, user_id: int) -> None:
    """The person answered something: daily prompts again from the next check-in time."""
    async with services.sessions() as session:
        count = await session.scalar(select(User.unanswered_prompts).where(User.id == user_id))
    if not count:
        return  # the common case: a read, no write lock
    async with services.transaction() as session:
        await session.execute(update(User).where(User.id == user_id).values(unanswered_prompts=0))
