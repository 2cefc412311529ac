"""Red flags first: every free text is read for them before anything else, wherever it is written.

A private message inside an open safety conversation is read in its light first (see
`bot.domain.safety.conversation`); then any red flag gets its tier's reply, alone. In a group,
the person gets the reply privately and the group sees nothing of what they wrote.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import MessageEntityType
from telegram.ext import ApplicationHandlerStop

from bot.db.models import User
from bot.domain.safety import scan
from bot.telegram import delivery
from bot.telegram.handlers.common import Context, load_user, popup, send, services_of, stale_tap
from bot.usecases import safety as safety_case
from bot.views import keyboards
from bot.views.callbacks import SafetyTap
from bot.views.render import locale_of, say

TRIAGE_ANSWERS: dict[str, str | None] = {"urgent": "emergency", "doctor": "doctor", "usual": None}


async def on_button(update: Update, context: Context) -> None:
    """The light check's answers: "I'm OK" (sf:ok) or "I need help" (sf:help); the triage
    question's: severe or sudden (sf:urgent), new or getting worse (sf:doctor), usual (sf:usual).
    """
    services = services_of(context)
    query = update.callback_query
    if query is None:
        return
    user = await load_user(services, update)
    tapped = SafetyTap.parse(query.data or "")
    if tapped is None:
        await stale_tap(services, update, user)
        return
    answer = tapped.answer
    await popup(query)
    if isinstance(query.message, Message):
        # Already without buttons (a double tap): nothing to tidy, and delivery says so.
        message = query.message
        await delivery.later(context.bot, delivery.Buttons(message.chat.id, message.message_id))
    if answer == "ok":
        await send(update, say(services.content, "safety.check.ok", user))
        return
    if answer in TRIAGE_ANSWERS:
        # The triage question's answer: severe or sudden is an emergency, new or getting worse
        # a doctor, the usual is noted.
        tier = TRIAGE_ANSWERS[answer]
        if tier is None:
            await send(update, say(services.content, "safety.triage.noted", user))
            return
        await send(update, say(services.content, f"safety.{tier}", user))
        if user is not None:
            await safety_case.record(services, user.id, tier)
        return
    await send(update, say(services.content, "safety.help", user))
    if user is not None:
        await safety_case.listen(services, user.id)


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
    message = update.effective_message
    if message is None or not (said := _said(message)):
        return
    services = services_of(context)
    user = await load_user(services, update)
    flag = scan(said)
    if flag is None:
        return
    if flag.tier in safety_case.LIGHT_TIERS:
        await send(update, *safety_case.light_question(services, user, flag.tier))
        return
    await send(update, say(services.content, f"safety.{flag.tier}", user))
    if user is not None:
        await safety_case.record(services, user.id, flag.tier)


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
    services = services_of(context)
    flag = scan(said)
    if flag is None:
        return
    user = await load_user(services, update)
    if flag.tier in safety_case.LIGHT_TIERS:
        if user is not None:
            await _private(context, user, *safety_case.light_question(services, user, flag.tier))
        return
    sent = False
    if user is not None:
        sent = await _private(context, user, say(services.content, f"safety.{flag.tier}", user))
        await safety_case.record(services, user.id, flag.tier)
    if not sent:
        # Never started the bot (or blocked it): a neutral word in the group with a private link.
        name = tg_user.first_name or ""
        await send(
            update,
            say(services.content, "safety.group_link", user, name=name),
            keyboards.safety_link(services.content, context.bot.username, locale_of(user)),
        )
    raise ApplicationHandlerStop


async def _private(
    context: Context, user: User, text: str, markup: InlineKeyboardMarkup | None = None
) -> bool:
    """Send to the person's private chat now; False if Telegram will not deliver it there (the
    group then gets a neutral pointer instead, so this one cannot wait for the update's end)."""
    done = await delivery.send(context.bot, user.chat_id, text, markup)
    return done.outcome is not delivery.Outcome.BLOCKED


async def start_from_group(update: Update, context: Context) -> None:
    """/start sf: someone came from a group's safety link; the help comes first."""
    services = services_of(context)
    user = await load_user(services, update)
    await send(update, say(services.content, "safety.from_group", user))
