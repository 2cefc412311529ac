"""/privacy and /delete: what is stored, and erasing all of it after two confirmations."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.db import queries
from bot.db.models import User
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
from bot.usecases.privacy import delete_everything, issue_token, token_holds
from bot.views.callbacks import DeleteTap
from bot.views.keyboards import button
from bot.views.render import locale_of, say


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
    days = services.settings.inbox_setaside_days
    await send(update, say(services.content, "privacy.text", user, setaside_days=days))


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


async def confirmed(services: Services, user_id: int, data: str | None) -> bool:
    """Whether a tap is a valid final delete (read only: the deletion itself checks again)."""
    tapped = DeleteTap.parse(data or "")
    if tapped is None or tapped.step != "go":
        return False
    return await token_holds(services, user_id, tapped.token)


async def on_button(update: Update, context: Context) -> None:
    """The first yes, the final yes (with its one-time token) or keep (see DeleteTap)."""
    services = services_of(context)
    query = update.callback_query
    tapped = await read_tap(services, update, DeleteTap)
    if query is None or tapped is None or update.effective_user is None:
        return
    if tapped.step == "go":
        deleted = await delete_everything(services, update.effective_user.id, tapped.token)
        if deleted is None:
            # A forged, old or replayed final tap: nothing is deleted.
            user = await load_user(services, update)
            if user is None:
                await popup(query, say(services.content, "delete.nothing", None))
            else:
                await stale_tap(services, update, user)
            return
        await popup(query)
        words = deleted_words(services, deleted.counts, deleted.locale)
        await edit_or_send(update, say(services.content, "delete.done", None, deleted=words))
        return
    async with services.transaction() as session:
        user = await queries.get_user(session, update.effective_user.id)
        if user is None:
            await popup(query, say(services.content, "delete.nothing", None))
            return
        if tapped.step == "keep":
            user.confirm_token = user.confirm_until = None
            await popup(query)
            await edit_or_send(update, say(services.content, "delete.kept", user))
            return
        final = DeleteTap("go", issue_token(user, services.clock.now()))
        await popup(query)
        await edit_or_send(
            update,
            say(services.content, "delete.confirm_again", user),
            _buttons(services, user, final, "delete.really"),
        )
