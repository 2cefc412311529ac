"""Erasing a person: every row about them, the updates that still name them, and (on SQLite)
the copies the database's own files keep of deleted rows.

Rows are found through their foreign keys to `users` (a new table with one is found by itself)
and the inbox through its sender and chat columns. On SQLite, `secure_delete` (set on every
connection, bot.db.session) zeroes what is deleted; the write-ahead log still holds earlier
versions of the pages until a checkpoint copies it into the main file and truncates it, which
is done right after the deletion. On PostgreSQL deleted rows stay in the data files until
VACUUM reuses their space, and in backups (see the README).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Column, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.db import inbox, queries
from bot.db.models import Base, Challenge, ChallengeMember, User
from bot.db.session import checkpoint
from bot.services import Services
from bot.usecases.answers import Answer
from bot.views.callbacks import DeleteTap
from bot.views.keyboards import button
from bot.views.render import locale_of, say

# How long the final "Delete now" button works after it is shown.
CONFIRM_FOR = timedelta(minutes=10)
TOKEN_BYTES = 16  # secrets.token_urlsafe(16): 22 characters, within the 32 the column holds


@dataclass(frozen=True)
class Deleted:
    """What /delete erased (rows per table) and the locale to say so in."""

    counts: dict[str, int]
    locale: str


def person_columns() -> list[Column[int]]:
    """Every column that points at a person, children first; new tables are found by themselves."""
    users_id = User.__table__.c.id
    return [
        column
        for table in reversed(Base.metadata.sorted_tables)
        for column in table.columns
        if any(fk.column is users_id for fk in column.foreign_keys)
    ]


async def erase(session: AsyncSession, user_id: int) -> dict[str, int]:
    """Delete every row about a person, and every stored update that names them; return how
    many rows each table lost."""
    counts: dict[str, int] = {}
    # Their name leaves the group messages that show it: the challenge job shows each again,
    # after this commit, without them (the daily and end summaries name nobody).
    await session.execute(
        update(Challenge)
        .where(
            Challenge.id.in_(
                select(ChallengeMember.challenge_id).where(ChallengeMember.user_id == user_id)
            ),
            Challenge.status.in_(("active", "ended")),
            Challenge.message_id.is_not(None),
        )
        .values(stale=True)
    )
    for column in person_columns():
        table = column.table
        count = await session.scalar(
            select(func.count()).select_from(table).where(column == user_id)
        )
        await session.execute(delete(table).where(column == user_id))
        counts[table.name] = counts.get(table.name, 0) + int(count or 0)
    counts["inbox"] = await inbox.forget_person(session, user_id)
    await session.execute(delete(User).where(User.id == user_id))
    return counts


def issue_token(user: User, now: datetime) -> str:
    """A fresh one-time token for the final delete button (any earlier one stops working)."""
    user.confirm_token = secrets.token_urlsafe(TOKEN_BYTES)
    user.confirm_until = now + CONFIRM_FOR
    return user.confirm_token


def token_matches(user: User | None, token: str, now: datetime) -> bool:
    """Whether `token` is the person's current delete token and has not expired."""
    if user is None or user.confirm_token is None or user.confirm_until is None:
        return False
    if user.confirm_until <= now:
        return False
    return secrets.compare_digest(user.confirm_token.encode(), token.encode())


async def delete_everything(services: Services, user_id: int, token: str) -> Deleted | None:
    """Erase a person whose final tap carries their current token; None (nothing deleted) for a
    forged, old or replayed one. Then the database files let go of the deleted rows."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if not token_matches(user, token, services.clock.now()):
            return None
        locale = locale_of(user)
        counts = await erase(session, user_id)
    await checkpoint(services.engine, services.writer)
    return Deleted(counts, locale)


def deleted_words(services: Services, counts: dict[str, int], locale: str) -> str:
    """'12 check-ins, 12 daily plans and your settings and reminders'."""
    names = {"checkins": "deleted.checkins", "day_plans": "deleted.plans",
             "safety_events": "deleted.safety", "reflections": "deleted.reflections"}  # fmt: skip
    parts = [
        # One of a kind has a label of its own ("1 check-in", not "1 check-ins").
        services.content.label(f"{key}.one" if counts[table] == 1 else key, locale).format(
            count=counts[table]
        )
        for table, key in names.items()
        if counts.get(table)
    ]
    parts.append(services.content.label("deleted.rest", locale))
    joiner = services.content.label("words.and", locale)
    return ", ".join(parts[:-1]) + f" {joiner} {parts[-1]}" if len(parts) > 1 else parts[0]


def delete_buttons(
    services: Services, user: User, confirm: DeleteTap, label: str
) -> InlineKeyboardMarkup:
    """Confirm (the first yes, or the final one with its token) and keep."""
    loc = locale_of(user)
    return InlineKeyboardMarkup(
        [
            [button(services.content.label(label, loc), confirm)],
            [button(services.content.label("delete.keep", loc), DeleteTap("keep"))],
        ]
    )


async def delete_tap(services: Services, user_id: int, tapped: DeleteTap) -> Answer:
    """The first yes (the final button, with a fresh token), the final yes (with its token:
    everything goes) or keep (the token stops working)."""
    if tapped.step == "go":
        deleted = await delete_everything(services, user_id, tapped.token)
        if deleted is None:
            # A forged, old or replayed final tap: nothing is deleted.
            async with services.sessions() as session:
                user = await queries.get_user(session, user_id)
            if user is None:
                return Answer(popup=say(services.content, "delete.nothing", None))
            return Answer(popup=say(services.content, "error.stale_button", user))
        words = deleted_words(services, deleted.counts, deleted.locale)
        return Answer(edit=(say(services.content, "delete.done", None, deleted=words), None))
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None:
            return Answer(popup=say(services.content, "delete.nothing", None))
        if tapped.step == "keep":
            user.confirm_token = user.confirm_until = None
            return Answer(edit=(say(services.content, "delete.kept", user), None))
        final = DeleteTap("go", issue_token(user, services.clock.now()))
        text = say(services.content, "delete.confirm_again", user)
        return Answer(edit=(text, delete_buttons(services, user, final, "delete.really")))
