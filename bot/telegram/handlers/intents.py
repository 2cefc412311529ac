"""Replies to everyday messages the domain has understood (worked out in bot/usecases/intents.py),
and the buttons they offer."""

from __future__ import annotations

from telegram import Update

from bot.db.models import User
from bot.domain import person_now
from bot.domain.intents import Reading
from bot.services import Services
from bot.telegram.handlers import checkin, commands, plan, progress
from bot.telegram.handlers.common import Context, popup, read_tap, send, services_of
from bot.usecases import checkin as checkin_case
from bot.usecases import intents as case
from bot.usecases.intents import Reply, tip_text
from bot.usecases.intents import fallback as fallback
from bot.usecases.intents import open_question as open_question
from bot.views.callbacks import IntentTap
from bot.views.render import say


async def respond(update: Update, context: Context, user: User, reading: Reading) -> None:
    """Answer an understood message outside any dialogue ("what should I do today?" included)."""
    services = services_of(context)
    if reading.intent == "today":
        await plan.today(update, context)
        return
    await _answer(update, services, user, reading)


async def _answer(update: Update, services: Services, user: User, reading: Reading) -> bool:
    """Work out the replies to an understood message in one unit of work, then send them;
    False if the person is gone (deleted meanwhile)."""
    out = await case.answer(services, user.id, reading)
    if out is None:
        return False
    for text, markup in out:
        await send(update, text, markup)
    return True


async def in_checkin(update: Update, context: Context, user: User, reading: Reading) -> None:
    """Mid check-in: answer what was said, then offer the open question again.

    "Stop" ends the asking (answers so far are kept) and offers a pause or carrying on.
    """
    services = services_of(context)
    if reading.intent == "stop":
        stopped = await case.stop_checkin(services, user.id)
        if stopped is not None:
            await send(update, *stopped)
        return
    if reading.intent == "none":
        await send(update, say(services.content, "intent.question", user))
    elif not await _answer(update, services, user, reading):
        return
    if person_now.safety_quiet(user.safety_open, user.safety_until, services.clock.now()):
        return  # during a safety conversation the check-in waits until the person goes on
    await reask(update, services, user)


async def reask(update: Update, services: Services, user: User) -> None:
    """The open check-in question again, "Same as yesterday" included where it was offered."""
    again = await case.reask(services, user.id)
    if again is not None:
        await send(update, *again)


async def in_setup(update: Update, context: Context, user: User, reading: Reading) -> Reply:
    """During set-up: a short answer that never needs the finished profile."""
    services = services_of(context)
    name = user.first_name
    if reading.intent == "stop":
        return say(services.content, "intent.stop.setup", user), None
    if reading.intent == "symptom":
        day = checkin_case.today_for(services, user)
        tip = tip_text(services, user, reading.detail, day, None)
        parts = [say(services.content, f"intent.symptom.{reading.detail}", user, name=name)]
        if tip is not None:
            parts.append(f"💡 {tip}")
        return "\n\n".join(parts), None
    if reading.intent == "greeting":
        return say(services.content, "intent.ack", user), None
    if reading.intent == "thanks":
        key = "intent.ack" if reading.detail == "ack" else "intent.thanks"
        return say(services.content, key, user, name=name), None
    if reading.intent in ("progress", "export", "delete"):
        return say(services.content, f"intent.{reading.intent}", user), None
    return say(services.content, "intent.help", user), None


async def on_button(update: Update, context: Context) -> None:
    """A tap on an intent button: today, checkin, progress, help, pause, rest, more, settings or
    "just telling you" (IntentTap)."""
    services = services_of(context)
    query = update.callback_query
    tapped = await read_tap(services, update, IntentTap)
    if query is None or tapped is None or update.effective_user is None:
        return
    action = tapped.action
    user = await case.person(services, update.effective_user.id)
    if user is None or not user.onboarded:
        await popup(query, say(services.content, "onboarding.start_first", user))
        return
    await popup(query)
    if action == "today":
        await plan.today(update, context)
    elif action == "checkin":
        await checkin.command(update, context)
    elif action == "progress":
        await progress.progress_command(update, context)
    elif action == "help":
        await commands.help_command(update, context)
    elif action == "pause":
        await commands.pause(update, context)
    elif action == "note":
        await send(update, say(services.content, "intent.noted", user, name=user.first_name))
    elif action == "settings":
        await _answer(update, services, user, Reading("settings"))
    elif action == "more":
        await _answer(update, services, user, Reading("more"))
    elif action == "rest":
        text = await case.rest(services, user.id)
        if text is not None:
            await send(update, text)
