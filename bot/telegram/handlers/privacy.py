"""/privacy and /delete: what is stored, and erasing all of it after two confirmations."""

from __future__ import annotations

from telegram import Update

from bot.telegram.handlers.common import Context, load_user, read_tap, send, services_of, show
from bot.usecases.privacy import delete_buttons, delete_tap
from bot.views.callbacks import DeleteTap
from bot.views.render import say


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
    markup = delete_buttons(services, user, DeleteTap("1"), "delete.yes")
    await send(update, say(services.content, "delete.confirm", user), markup)


async def on_button(update: Update, context: Context) -> None:
    """The first yes, the final yes (with its one-time token) or keep (see DeleteTap)."""
    services = services_of(context)
    tapped = await read_tap(services, update, DeleteTap)
    if tapped is not None and update.effective_user is not None:
        await show(update, await delete_tap(services, update.effective_user.id, tapped))
