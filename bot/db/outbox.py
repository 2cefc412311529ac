"""The one outbox mechanism: claim a record with a lease, send after commit, record the outcome.

Every unsolicited message (daily prompt, weekly summary, challenge summary, challenge nudge) has
a record under a unique constraint (person or challenge, local date), so it is sent at most once
a day in the normal course. The record is claimed ("sending", `claimed_at`, one more attempt) in
the transaction that decided to send; the send happens after that commit; the outcome is
recorded in a later transaction. A record still "sending" after LEASE belongs to a process that
died in between: `expired` hands it back to its job, which sends it again. So delivery is
at least once, and a crash duplicates at most what was in flight.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Leased
from bot.domain.outbox import FAILED, LEASE, RETRY, SENDING, SENT

# A record whose sender died this often in a row is given up (a message that crashes its sender
# must not crash every replica in turn).
MAX_ATTEMPTS = 3

__all__ = [
    "FAILED", "LEASE", "MAX_ATTEMPTS", "RETRY", "SENDING", "SENT",
    "by_id", "claim", "expired", "reclaim", "settle",
]  # fmt: skip

Record = TypeVar("Record", bound=Leased)


def claim(record: Leased, now: datetime) -> None:
    """Take a record on: this process sends it now, other processes leave it for LEASE."""
    record.status = SENDING
    record.claimed_at = now
    record.attempts = (record.attempts or 0) + 1


def reclaim(record: Leased, now: datetime, *, timely: bool) -> bool:
    """Take up a record whose claim expired: claimed again if still worth sending and not given
    up yet (MAX_ATTEMPTS), else settled as failed. True when it is to be sent again."""
    if not timely or record.attempts >= MAX_ATTEMPTS:
        settle(record, FAILED)
        return False
    claim(record, now)
    return True


def settle(record: Leased, status: str) -> None:
    """Record what became of the send: SENT, RETRY (claim again later) or FAILED."""
    record.status = status


async def expired(
    session: AsyncSession, model: type[Record], now: datetime, limit: int
) -> list[Record]:
    """Records whose claim outlived LEASE, locked for this transaction (SKIP LOCKED on
    PostgreSQL, so one replica takes each); the job claims them again or hands them back."""
    result = await session.execute(
        select(model)
        .where(model.status == SENDING, model.claimed_at < now - LEASE)
        .order_by(model.claimed_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(result.scalars())


async def by_id(session: AsyncSession, model: type[Record], ids: list[int]) -> dict[int, Record]:
    """Records by primary key, to settle a batch in one query."""
    if not ids:
        return {}
    result = await session.execute(select(model).where(model.id.in_(ids)))  # type: ignore[attr-defined]
    return {record.id: record for record in result.scalars()}  # type: ignore[attr-defined]
