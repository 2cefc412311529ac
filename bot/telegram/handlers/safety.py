"""Red flags in what is not a private typed message: the light check's and triage question's
buttons, an edited message, anything written in a group, and the group's safety link. Each calls
one use case (bot/usecases/safety.py) and shows what it returns; typed private text is read in
bot/usecases/said.py, safety first.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import MessageEntityType
from telegram.ext import ApplicationHandlerStop

from bot.telegram import delivery
from bot.telegram.handlers.common import Context, read_tap, services_of, show
from bot.usecases import safety
from bot.usecases.answers import Answer
from bot.views.callbacks import SafetyTap


async def on_button(update: Update, context: Context) -> None:
    """The light check's answers: "I'm OK" (sf:ok) or "I need help" (sf:help); the triage
    question's: severe or sudden (sf:urgent), new or getting worse (sf:doctor), usual (sf:usual).
    """
    services = services_of(context)
    tapped = await read_tap(services, update, SafetyTap)
    if tapped is None or update.effective_user is None:
        return
    await show(update, await safety.tapped(services, update.effective_user.id, tapped.answer))


def _said(message: Message) -> str | None:
    """The words of a message: its text or a photo's or file's caption."""
    return message.text or message.caption


def _after_command(message: Message, said: str) -> str:
    """The words after a leading command: "/help" names a command, it says nothing about the
    person (read alone, "help" would get the light check)."""
    if message.text is None:
        return said
    for entity in message.entities:
        if entity.type == MessageEntityType.BOT_COMMAND and entity.offset == 0:
            return said[entity.length :]
    return said


async def on_edit(update: Update, context: Context) -> None:
    """An edited private message: never an answer again, but still read for red flags."""
    message, tg_user = update.effective_message, update.effective_user
    if message is None or tg_user is None or not (said := _said(message)):
        return
    await show(update, await safety.edited(services_of(context), tg_user.id, said))


async def in_group(update: Update, context: Context) -> None:
    """Anything the bot reads in a group: a red flag is answered privately, the group sees nothing.

    Runs before the group handlers; a full red flag stops them (the message is not a set-up
    answer or a command any more), a light check does not.
    """
    message, tg_user = update.effective_message, update.effective_user
    if message is None or tg_user is None or not (said := _said(message)):
        return
    said = _after_command(message, said)
    if not said.strip():
        return
    found = await safety.in_group(
        services_of(context), tg_user.id, said, tg_user.first_name or "", context.bot.username
    )
    if found is None:
        return
    sent = found.chat_id is not None and await _private(context, found.chat_id, *found.private)
    if not found.alarm:
        return
    if not sent:
        # Never started the bot (or blocked it): a neutral word in the group with a private link.
        await show(update, Answer.say(*found.link))
    raise ApplicationHandlerStop


async def _private(
    context: Context, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
) -> bool:
    """Send to the person's private chat now; False if Telegram will not deliver it there (the
    group then gets a neutral pointer instead, so this one cannot wait for the update's end)."""
    done = await delivery.send(context.bot, chat_id, text, markup)
    if done.outcome is delivery.Outcome.BLOCKED:
        # As every other refused private message: nothing more is tried until they write.
        await delivery.mark_inactive(services_of(context), chat_ids=[chat_id])
        return False
    return True


async def start_from_group(update: Update, context: Context) -> None:
    """/start sf: someone came from a group's safety link; the help comes first."""
    if update.effective_user is not None:
        await show(update, await safety.from_group(services_of(context), update.effective_user.id))
