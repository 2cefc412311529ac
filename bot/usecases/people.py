"""Who a person is to the bot (their stored row), and what Telegram tells about them that the
bot must remember: they blocked it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select

from bot.db import queries
from bot.db.models import User
from bot.services import Services


async def person(services: Services, user_id: int) -> User | None:
    """The stored person, if any (read only)."""
    async with services.sessions() as session:
        return await queries.get_user(session, user_id)


async def blocked(services: Services, user_ids: Iterable[int], chat_ids: Iterable[int]) -> int:
    """People who blocked the bot (by id, or by their private chat): nothing more is sent to
    them until they write again. Returns how many were named."""
    users, chats = set(user_ids), set(chat_ids)
    if not users and not chats:
        return 0
    async with services.transaction() as session:
        result = await session.execute(
            select(User).where(or_(User.id.in_(users), User.chat_id.in_(chats)))
        )
        for user in result.scalars():
            user.active = False
    return len(users | chats)
