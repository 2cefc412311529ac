"""/share and its buttons: a private, expiring link to a page for a clinician."""

from __future__ import annotations

from telegram import Update

from bot.telegram.handlers.common import (
    Context,
    edit_or_send,
    onboarded_user,
    popup,
    read_tap,
    send,
    services_of,
)
from bot.usecases import share
from bot.views.callbacks import ShareTap


async def share_command(update: Update, context: Context) -> None:
    """/share: a link to the page (or how the working one stands); /share stop ends it."""
    services = services_of(context)
    if update.effective_user is None:
        return
    async with services.transaction() as session:
        user = await onboarded_user(services, session, update)
        if user is None:
            return
        text, markup = await share.command(services, session, user, " ".join(context.args or []))
    await send(update, text, markup)


async def on_button(update: Update, context: Context) -> None:
    """A tap under a link: how long, which weeks, notes, a new link, or stop (ShareTap)."""
    services = services_of(context)
    query = update.callback_query
    tapped = await read_tap(services, update, ShareTap)
    if query is None or tapped is None or update.effective_user is None:
        return
    async with services.transaction() as session:
        user = await onboarded_user(services, session, update)
        if user is None:
            return
        text, markup = await share.tap(services, session, user, tapped)
    await popup(query)
    await edit_or_send(update, text, markup)
