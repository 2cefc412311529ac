"""/privacy and /delete: what is stored, and erasing all of it after two confirmations."""

from __future__ import annotations

from sqlalchemy import Column, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.db import queries
from bot.db.models import Base, User
from bot.services import Services
from bot.telegram.handlers.common import Context, edit_or_send, load_user, send, services_of
from bot.views.render import locale_of, say


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
    await send(update, say(services, "privacy.text", user))


async def delete_command(update: Update, context: Context) -> None:
    """/delete: the first of two confirmations."""
    services = services_of(context)
    user = await load_user(services, update)
    if user is None:
        await send(update, say(services, "delete.nothing", None))
        return
    await send(update, say(services, "delete.confirm", user), _buttons(services, user, "del:1"))


def _buttons(services: Services, user: User, confirm: str) -> InlineKeyboardMarkup:
    """Confirm (first or second step) and keep."""
    loc = locale_of(user)
    label = "delete.yes" if confirm == "del:1" else "delete.really"
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(services.content.label(label, loc), callback_data=confirm)],
            [
                InlineKeyboardButton(
                    services.content.label("delete.keep", loc), callback_data="del:keep"
                )
            ],
        ]
    )


async def on_button(update: Update, context: Context) -> None:
    """del:1 (first yes), del:2 (final yes) or del:keep."""
    services = services_of(context)
    query = update.callback_query
    if query is None or query.data is None or update.effective_user is None:
        return
    step = query.data.split(":", 1)[1]
    async with services.transaction() as session:
        user = await queries.get_user(session, update.effective_user.id)
        if user is None:
            await query.answer(say(services, "delete.nothing", None))
            return
        await query.answer()
        if step == "keep":
            await edit_or_send(update, say(services, "delete.kept", user))
            return
        if step == "1":
            await edit_or_send(
                update,
                say(services, "delete.confirm_again", user),
                _buttons(services, user, "del:2"),
            )
            return
        locale = locale_of(user)
        counts = await erase(session, user.id)
        text = say(services, "delete.done", None, deleted=deleted_words(services, counts, locale))
    await edit_or_send(update, text)
