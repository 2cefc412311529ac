"""/share and its buttons: a private, expiring link to a page for a clinician."""

from __future__ import annotations

from telegram import Update

from bot.telegram.handlers.common import Context, read_tap, services_of, show
from bot.usecases import share
from bot.views.callbacks import ShareTap


async def share_command(update: Update, context: Context) -> None:
    """/share: a link to the page (or how the working one stands); /share stop ends it."""
    if update.effective_user is not None:
        arg = " ".join(context.args or [])
        services = services_of(context)
        await show(update, await share.share_command(services, update.effective_user.id, arg))


async def on_button(update: Update, context: Context) -> None:
    """A tap under a link: how long, which weeks, notes, a new link, or stop (ShareTap)."""
    services = services_of(context)
    tapped = await read_tap(services, update, ShareTap)
    if tapped is not None and update.effective_user is not None:
        await show(update, await share.share_tap(services, update.effective_user.id, tapped))
