"""The update inbox: every update is stored before Telegram is told it arrived."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, BigInteger, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.models import Base
from bot.db.types import UTCDateTime

# A claimed update not finished within this time (its process died) is taken up again.
CLAIM_LEASE = timedelta(seconds=60)
# Handled updates are kept (without their content) this long, so a redelivery is recognised.
KEEP_HANDLED = timedelta(days=2)


class InboxUpdate(Base):
    """One update from Telegram, stored on arrival and processed from here."""

    __tablename__ = "inbox"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # The update as Telegram sent it; emptied once handled, so no message text lingers.
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)


async def store(session: AsyncSession, payloads: Sequence[dict[str, Any]], now: datetime) -> int:
    """Insert updates not seen before; a redelivered update_id is ignored, even when two replicas
    store it at the same moment (ON CONFLICT DO NOTHING). Returns how many were new."""
    if not payloads:
        return 0
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    rows = [{"update_id": int(p["update_id"]), "payload": p, "received_at": now} for p in payloads]
    statement = (
        insert(InboxUpdate).values(rows).on_conflict_do_nothing(index_elements=["update_id"])
    )
    result = await session.execute(statement)
    return int(getattr(result, "rowcount", 0) or 0)


async def claim(session: AsyncSession, now: datetime, limit: int) -> list[InboxUpdate]:
    """Take the oldest unhandled updates (skipping rows another replica holds)."""
    result = await session.execute(
        select(InboxUpdate)
        .where(
            InboxUpdate.handled_at.is_(None),
            (InboxUpdate.claimed_at.is_(None)) | (InboxUpdate.claimed_at < now - CLAIM_LEASE),
        )
        .order_by(InboxUpdate.update_id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = list(result.scalars())
    for row in rows:
        row.claimed_at = now
    return rows


async def mark_handled(session: AsyncSession, update_id: int, now: datetime) -> None:
    """Record that an update was handled and drop its content."""
    await session.execute(
        update(InboxUpdate)
        .where(InboxUpdate.update_id == update_id)
        .values(handled_at=now, payload=None)
    )


async def last_update_id(session: AsyncSession) -> int | None:
    """The newest update stored, so polling can confirm everything up to it."""
    result = await session.execute(
        select(InboxUpdate.update_id).order_by(InboxUpdate.update_id.desc()).limit(1)
    )
    return result.scalar_one_or_none()


async def prune(session: AsyncSession, now: datetime) -> None:
    """Forget handled updates old enough that Telegram will not send them again."""
    from sqlalchemy import delete

    await session.execute(
        delete(InboxUpdate).where(
            InboxUpdate.handled_at.is_not(None), InboxUpdate.handled_at < now - KEEP_HANDLED
        )
    )
