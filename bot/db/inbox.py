"""The update inbox: every update is stored before Telegram is told it arrived."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, and_, delete, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.models import Base
from bot.db.types import UTCDateTime

# A claimed update not finished within this time (its process died) is taken up again. The
# owner renews its claims every second or so while they wait, so this only has to outlast a
# missed renewal or two; it is also how long a crashed process's chats wait for another.
CLAIM_LEASE = timedelta(seconds=20)
# Handled updates are kept (their id and times only) this long, so a redelivery is recognised.
KEEP_HANDLED = timedelta(days=2)
# Any fixed number: the advisory lock that makes claims one at a time on PostgreSQL.
CLAIM_LOCK = 5_157_153


class InboxUpdate(Base):
    """One update from Telegram, stored on arrival and processed from here."""

    __tablename__ = "inbox"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # The update as Telegram sent it; emptied once handled, so no message text lingers, and
    # INBOX_SETASIDE_DAYS after an update was set aside.
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    # The chat (or person) the update belongs to: one chat's updates are handled in order, by
    # one process at a time; different chats concurrently. Cleared once handled.
    chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)
    # The person who sent it (in a group too), so /delete finds what waits or was set aside.
    # Cleared once handled, with the chat: idempotency needs only the update id.
    user_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)
    # Which process holds the claim (several replicas share one inbox).
    claimed_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # Failed tries; after MAX_ATTEMPTS the update is set aside (failed_at, error), kept.
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    error: Mapped[str | None] = mapped_column(String(120), nullable=True)


# Keys of updates that carry a message, and of those that carry a chat or only a person.
_MESSAGE_KEYS = (
    "message", "edited_message", "channel_post", "edited_channel_post", "business_message",
    "edited_business_message",
)  # fmt: skip
_CHAT_KEYS = ("my_chat_member", "chat_member", "chat_join_request", "message_reaction",
              "chat_boost", "removed_chat_boost")  # fmt: skip
_PERSON_KEYS = ("inline_query", "chosen_inline_result", "shipping_query", "pre_checkout_query",
                "poll_answer", "purchased_paid_media")  # fmt: skip


def _id(value: Any) -> int | None:
    """An integer id from JSON, or None (bool is not an id)."""
    return value if type(value) is int else None


def _get(data: Any, *path: str) -> Any:
    """data[path[0]][path[1]]... or None, whatever the shape."""
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def chat_of(payload: dict[str, Any]) -> int | None:
    """The chat an update belongs to, for ordering; None when it has none (handled on its own)."""
    for key in _MESSAGE_KEYS + _CHAT_KEYS:
        if key in payload:
            return _id(_get(payload, key, "chat", "id"))
    if "callback_query" in payload:
        return _id(_get(payload, "callback_query", "message", "chat", "id")) or _id(
            _get(payload, "callback_query", "from", "id")
        )
    for key in _PERSON_KEYS:
        if key in payload:
            return _id(_get(payload, key, "from", "id")) or _id(_get(payload, key, "user", "id"))
    return None


def person_of(payload: dict[str, Any]) -> int | None:
    """The person an update comes from (its `from`), or None when it names nobody."""
    for key, value in payload.items():
        if key != "update_id" and isinstance(value, dict):
            return _id(_get(value, "from", "id")) or _id(_get(value, "user", "id"))
    return None


def mentions(data: Any, person: int) -> bool:
    """Whether a person's id appears anywhere in an update (as a sender, member, reply...)."""
    if isinstance(data, dict):
        return data.get("id") == person or any(mentions(v, person) for v in data.values())
    if isinstance(data, list):
        return any(mentions(v, person) for v in data)
    return False


_SQLITE_STORE = (
    sqlite_insert(InboxUpdate).on_conflict_do_nothing(index_elements=["update_id"])
)


async def store(session: AsyncSession, payloads: Sequence[dict[str, Any]], now: datetime) -> int:
    """Insert updates not seen before; a redelivered update_id is ignored, even when two replicas
    store it at the same moment (ON CONFLICT DO NOTHING). Returns how many were new."""
    if not payloads:
        return 0
    postgres = session.get_bind().dialect.name == "postgresql"
    rows = [
        {
            "update_id": int(p["update_id"]),
            "payload": p,
            "received_at": now,
            "chat_id": chat_of(p),
            "user_id": person_of(p),
        }
        for p in payloads
    ]
    if postgres:
        statement = (
            pg_insert(InboxUpdate).values(rows).on_conflict_do_nothing(index_elements=["update_id"])
        )
        result = await session.execute(statement)
        return int(getattr(result, "rowcount", 0) or 0)
    # SQLite: one statement run for each row (its count of new rows is summed), compiled once;
    # a multi-row VALUES was compiled anew for every batch size and cost more than the inserts.
    connection = await session.connection()
    result = await connection.execute(_SQLITE_STORE, rows)
    return max(int(getattr(result, "rowcount", 0) or 0), 0)


async def claim(
    session: AsyncSession, now: datetime, limit: int, owner: str = ""
) -> list[InboxUpdate]:
    """Take the oldest waiting updates, leaving alone the chats another process is working on.

    A chat is held by one process at a time: while another process has a live claim on one of
    its updates, none of that chat's updates are taken here, so its order is kept. On PostgreSQL
    claims are serialised by an advisory lock (otherwise two replicas could each take a different
    update of one chat in the same instant); SQLite has one writer at a time anyway.
    """
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CLAIM_LOCK})
    live = InboxUpdate.claimed_at >= now - CLAIM_LEASE
    held_elsewhere = select(InboxUpdate.chat_id).where(
        InboxUpdate.handled_at.is_(None), InboxUpdate.failed_at.is_(None),
        InboxUpdate.chat_id.is_not(None), InboxUpdate.claimed_by != owner, live,
    )  # fmt: skip
    result = await session.execute(
        select(InboxUpdate)
        .where(
            InboxUpdate.handled_at.is_(None),
            InboxUpdate.failed_at.is_(None),
            or_(InboxUpdate.claimed_at.is_(None), ~live),
            or_(InboxUpdate.chat_id.is_(None), InboxUpdate.chat_id.not_in(held_elsewhere)),
        )
        .order_by(InboxUpdate.update_id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = list(result.scalars())
    for row in rows:
        row.claimed_at = now
        row.claimed_by = owner
    return rows


async def renew(session: AsyncSession, ids: Sequence[int], now: datetime, owner: str) -> None:
    """Keep the claims on updates still waiting in this process's queues alive."""
    if ids:
        await session.execute(
            update(InboxUpdate)
            .where(and_(InboxUpdate.update_id.in_(list(ids)), InboxUpdate.claimed_by == owner))
            .values(claimed_at=now)
        )


async def mark_failed_try(
    session: AsyncSession, update_id: int, now: datetime, error: str, max_attempts: int
) -> bool:
    """Count a failed try; set the update aside after max_attempts. True if it was set aside."""
    row = await session.get(InboxUpdate, update_id)
    if row is None:
        return True
    row.attempts += 1
    row.error = error[:120]
    row.claimed_at = None
    if row.attempts >= max_attempts:
        row.failed_at = now
        return True
    return False


# What a handled update keeps is its id and times: the content, the chat and the sender go.
_REDUCED: dict[str, Any] = {"payload": None, "chat_id": None, "user_id": None, "claimed_by": None}


async def mark_skipped(session: AsyncSession, update_ids: Sequence[int], now: datetime) -> None:
    """Updates answered by a later one (a flood caught up with its latest message)."""
    if update_ids:
        await session.execute(
            update(InboxUpdate)
            .where(InboxUpdate.update_id.in_(list(update_ids)))
            .values(**_REDUCED, handled_at=now, error="skipped in a flood")
        )


async def mark_handled(session: AsyncSession, update_ids: Sequence[int], now: datetime) -> None:
    """Record that these updates were handled and keep only what recognises a redelivery."""
    await session.execute(
        update(InboxUpdate)
        .where(InboxUpdate.update_id.in_(update_ids))
        .values(**_REDUCED, handled_at=now)
    )


async def last_update_id(session: AsyncSession) -> int | None:
    """The newest update stored (a play session continues the emulator's update ids after it)."""
    result = await session.execute(
        select(InboxUpdate.update_id).order_by(InboxUpdate.update_id.desc()).limit(1)
    )
    return result.scalar_one_or_none()


async def prune(session: AsyncSession, now: datetime, setaside_days: int) -> None:
    """Forget handled updates old enough that Telegram will not send them again, and reduce
    updates set aside longer than `setaside_days` to their id, times and error."""
    await session.execute(
        delete(InboxUpdate).where(
            InboxUpdate.handled_at.is_not(None), InboxUpdate.handled_at < now - KEEP_HANDLED
        )
    )
    await session.execute(
        update(InboxUpdate)
        .where(
            InboxUpdate.failed_at.is_not(None),
            InboxUpdate.failed_at <= now - timedelta(days=setaside_days),
            or_(
                InboxUpdate.payload.is_not(None),
                InboxUpdate.chat_id.is_not(None),
                InboxUpdate.user_id.is_not(None),
            ),
        )
        .values(**_REDUCED)
    )


async def forget_person(session: AsyncSession, person: int) -> int:
    """Delete every stored update that still names a person: sent by them, in their private
    chat, or mentioning them (a set-aside update from someone else that quotes them); handled
    updates name nobody already. Returns how many went."""
    named = select(InboxUpdate.update_id).where(
        or_(InboxUpdate.user_id == person, InboxUpdate.chat_id == person)
    )
    ids = set((await session.scalars(named)).all())
    others = await session.execute(
        select(InboxUpdate.update_id, InboxUpdate.payload).where(
            InboxUpdate.payload.is_not(None), InboxUpdate.update_id.not_in(named)
        )
    )
    ids.update(update_id for update_id, payload in others if mentions(payload, person))
    if ids:
        await session.execute(delete(InboxUpdate).where(InboxUpdate.update_id.in_(list(ids))))
    return len(ids)
