"""Anything not a known command or button: free text, unknown commands, stickers, groups."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.telegram.handlers.common import Context, load_user, send, services_of, show, stale_tap
from bot.usecases import said
from bot.views import keyboards
from bot.views.callbacks import PRIVATE_PREFIXES, SEP
from bot.views.render import say


async def text(update: Update, context: Context) -> None:
    """Free text in a private chat: one use case reads it against what is open with the person
    (safety first), in one unit of work; its answer is shown."""
    message, tg_user = update.effective_message, update.effective_user
    if message is None or tg_user is None or message.text is None:
        return
    await show(update, await said.text(services_of(context), tg_user.id, message.text))


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot doesn't have."""
    message, tg_user = update.effective_message, update.effective_user
    if tg_user is None:
        return
    word = (message.text or "/").split()[0].split("@")[0] if message else "/"
    await show(update, await said.unknown_command(services_of(context), tg_user.id, word))


async def not_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice notes: said kindly, and the open question asked again (a
    caption is read for red flags first, like any text)."""
    message, tg_user = update.effective_message, update.effective_user
    if tg_user is None:
        return
    caption = message.caption if message is not None else None
    await show(update, await said.not_text(services_of(context), tg_user.id, caption))


async def private_buttons_only(update: Update, context: Context) -> None:
    """A private chat's button tapped in a group (forged or copied): a popup, and no other
    handler sees the tap."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None or chat.type == chat.PRIVATE:
        return
    if (query.data or "").split(SEP, 1)[0] in PRIVATE_PREFIXES:
        await stale_tap(services_of(context), update)
        raise ApplicationHandlerStop


async def unknown_button(update: Update, context: Context) -> None:
    """A button of no family the bot knows (forged, garbled, or from a retired version)."""
    services = services_of(context)
    await stale_tap(services, update, await load_user(services, update))


async def group(update: Update, context: Context) -> None:
    """Commands in a group: check-ins are private, so point to the private chat."""
    services = services_of(context)
    await send(
        update,
        say(services.content, "group.private_only", None),
        keyboards.private_chat_link(services.content, context.bot.username),
    )
