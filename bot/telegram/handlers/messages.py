"""Anything not a known command or button: free text, unknown commands, stickers, groups."""

from __future__ import annotations

from telegram import Update

from bot.domain import checkin as flow
from bot.domain.intents import (
    NONE,
    asks_for_today,
    interrupts_checkin,
    interrupts_cue,
    interrupts_setup,
    is_question,
    read,
)
from bot.telegram.handlers import checkin, intents, onboarding, plan, safety
from bot.telegram.handlers.common import Context, load_user, send, services_of
from bot.usecases import checkin as checkin_case
from bot.views import keyboards
from bot.views.render import echo, say

# Telegram caps messages at 4,096 characters; anything longer is not a real person's answer.
MAX_TEXT_CHARS = 4096


async def text(update: Update, context: Context) -> None:
    """Free text in a private chat: safety first, then the open step, then a friendly pointer."""
    services = services_of(context)
    message, tg_user = update.effective_message, update.effective_user
    if message is None or tg_user is None or message.text is None:
        return
    user = await load_user(services, update)
    # Red flags are looked for in every text, in every state, before anything else.
    screened = await safety.screen(update, context, user, message.text)
    if screened is safety.Screened.ANSWERED:
        return
    if user is None:
        await send(update, say(services, "onboarding.start_first", None))
        return
    dialog = user.dialog or ""
    if len(message.text) > MAX_TEXT_CHARS and dialog != checkin_case.CHECKIN:
        await send(
            update, say(services, "fallback.too_long", user, max_chars=f"{MAX_TEXT_CHARS:,}")
        )
        return
    reading = read(message.text) if len(message.text) <= MAX_TEXT_CHARS else NONE
    if dialog.startswith((onboarding.ONBOARD, onboarding.SETTINGS)):
        step = dialog.split(":")[1] if ":" in dialog else ""
        if interrupts_setup(reading, step):
            # Clearly not an answer to the step: answer it, then ask the step again.
            await send(update, *await intents.in_setup(update, context, user, reading))
            await send(update, *onboarding.question(services, user, step))
            return
        await onboarding.on_text(update, context, user.id, message.text)
    elif dialog == plan.CUE:
        if interrupts_cue(reading):
            await intents.respond(update, context, user, reading)
            await send(update, say(services, "plan.cue.ask_own", user))
            return
        await plan.on_cue_text(update, context, user.id, message.text)
    elif user.onboarded and asks_for_today(message.text):
        await plan.today(update, context)
    elif dialog == checkin_case.CHECKIN:
        question = await intents.open_question(services, user)
        answered = question is not None and flow.parse(question, message.text).error is None
        if question is not None and interrupts_checkin(
            reading, question, answered=answered, asked=is_question(message.text)
        ):
            await intents.in_checkin(update, context, user, reading)
            return
        await checkin.on_text(update, context, user.id, message.text)
    elif not user.onboarded:
        await send(update, say(services, "onboarding.start_first", user))
    elif reading.intent != "none":
        await intents.respond(update, context, user, reading)
    elif screened is not safety.Screened.CHECKED:
        # After a light "are you OK?" check, that check is the reply: no menu on top of it.
        await send(update, *intents.fallback(services, user))


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot doesn't have."""
    services = services_of(context)
    message = update.effective_message
    word = (message.text or "/").split()[0].split("@")[0] if message else "/"
    user = await load_user(services, update)
    await send(update, say(services, "unknown.command", user, command=echo(word)))


async def not_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice notes: say so kindly and ask the open question again.

    A photo's or file's caption is read for red flags first, like any text.
    """
    services = services_of(context)
    user = await load_user(services, update)
    message = update.effective_message
    caption = message.caption if message is not None else None
    if caption and await safety.screen(update, context, user, caption) is safety.Screened.ANSWERED:
        return
    await send(update, say(services, "fallback.not_text", user))
    if user is not None and user.dialog == checkin_case.CHECKIN:
        await checkin.reask(update, services, user)
    elif user is not None and user.dialog and ":" in user.dialog:
        again, markup = onboarding.question(services, user, user.dialog.split(":")[1])
        await send(update, again, markup)


async def group(update: Update, context: Context) -> None:
    """Commands in a group: check-ins are private, so point to the private chat."""
    services = services_of(context)
    await send(
        update,
        say(services, "group.private_only", None),
        keyboards.private_chat_link(services.content, context.bot.username),
    )
