"""/privacy and /delete: what is stored, and erasing all of it after two confirmations."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import Column, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Update

from bot.db import queries
from bot.db.models import Base, User
from bot.services import Services
from bot.telegram.handlers.common import (
    Context,
    edit_or_send,
    load_user,
    popup,
    read_tap,
    send,
    services_of,
    stale_tap,
)
from bot.views.callbacks import DeleteTap
from bot.views.keyboards import button
from bot.views.render import locale_of, say

# How long the final "Delete now" button works after it is shown.
CONFIRM_FOR = timedelta(minutes=10)
TOKEN_BYTES = 16  # secrets.token_urlsafe(16): 22 characters, within the 32 the column holds


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
    """Delete every row about a person; return how many rows each table lost."""
    counts: dict[str, int] = {}
    for column in person_columns():
        table = column.table
        count = await session.scalar(
            select(func.count()).select_from(table).where(column == user_id)
        )
        await session.execute(delete(table).where(column == user_id))
        counts[table.name] = counts.get(table.name, 0) + int(count or 0)
    await session.execute(delete(User).where(User.id == user_id))
    return counts


def deleted_words(services: Services, counts: dict[str, int], locale: str) -> str:
    """'12 check-ins, 12 daily plans and your settings and reminders'."""
    names = {"checkins": "deleted.checkins", "day_plans": "deleted.plans",
             "safety_events": "deleted.safety", "reflections": "deleted.reflections"}  # fmt: skip
    parts = [
        services.content.label(key, locale).format(count=counts[table])
        for table, key in names.items()
        if counts.get(table)
    ]
    parts.append(services.content.label("deleted.rest", locale))
    joiner = services.content.label("words.and", locale)
    return ", ".join(parts[:-1]) + f" {joiner} {parts[-1]}" if len(parts) > 1 else parts[0]


async def privacy(update: Update, context: Context) -> None:
    """/privacy: what is stored, where, for how long, and how to export or delete it."""
    services = services_of(context)
    user = await load_user(services, update)
    await send(update, say(services.content, "privacy.text", user))


async def delete_command(update: Update, context: Context) -> None:
    """/delete: the first of two confirmations."""
    services = services_of(context)
    user = await load_user(services, update)
    if user is None:
        await send(update, say(services.content, "delete.nothing", None))
        return
    markup = _buttons(services, user, DeleteTap("1"), "delete.yes")
    await send(update, say(services.content, "delete.confirm", user), markup)


def _buttons(
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


async def confirmed(services: Services, user_id: int, data: str | None) -> bool:
    """Whether a tap is a valid final delete (read only: the deletion itself checks again)."""
    tapped = DeleteTap.parse(data or "")
    if tapped is None or tapped.step != "go":
        return False
    async with services.sessions() as session:
        user = await queries.get_user(session, user_id)
        return token_matches(user, tapped.token, services.clock.now())


async def on_button(update: Update, context: Context) -> None:
    """The first yes, the final yes (with its one-time token) or keep (see DeleteTap)."""
    services = services_of(context)
    query = update.callback_query
    tapped = await read_tap(services, update, DeleteTap)
    if query is None or tapped is None or update.effective_user is None:
        return
    async with services.transaction() as session:
        user = await queries.get_user(session, update.effective_user.id)
        if user is None:
            await popup(query, say(services.content, "delete.nothing", None))
            return
        now = services.clock.now()
        if tapped.step == "keep":
            user.confirm_token = user.confirm_until = None
            await popup(query)
            await edit_or_send(update, say(services.content, "delete.kept", user))
            return
        if tapped.step == "1":
            final = DeleteTap("go", issue_token(user, now))
            await popup(query)
            await edit_or_send(
                update,
                say(services.content, "delete.confirm_again", user),
                _buttons(services, user, final, "delete.really"),
            )
            return
        if not token_matches(user, tapped.token, now):
            # A forged, old or replayed final tap: nothing is deleted.
            await stale_tap(services, update, user)
            return
        await popup(query)
        locale = locale_of(user)
        counts = await erase(session, user.id)
        deleted = deleted_words(services, counts, locale)
        text = say(services.content, "delete.done", None, deleted=deleted)
    await edit_or_send(update, text)
