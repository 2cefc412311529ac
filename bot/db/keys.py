"""Secrets the bot makes for itself on first start and keeps in its database."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import BotSecret

LOG_SALT = "log_salt"


async def kept_secret(session: AsyncSession, name: str, now: datetime) -> str:
    """The secret of that name, made (random, 256 bits) the first time it is asked for. Two
    replicas starting together keep whichever was stored first."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    await session.execute(
        insert(BotSecret)
        .values(name=name, value=secrets.token_hex(32), created_at=now)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    value = await session.scalar(select(BotSecret.value).where(BotSecret.name == name))
    assert value is not None  # inserted above, or already there
    return value
