"""Replies to everyday messages the domain has understood (worked out in bot/usecases/intents.py),
and the buttons they offer."""

from __future__ import annotations

from telegram import Update

from bot.db.models import User
from bot.domain.intents import Reading
from bot.services import Services
from bot.telegram.handlers import checkin, commands, plan, progress
from bot.telegram.handlers.common import Context, popup, read_tap, send, services_of
from bot.usecases import intents as case
from bot.usecases.intents import fallback as fallback
from bot.usecases.intents import open_question as open_question
from bot.views.callbacks import IntentTap
from bot.views.render import say


async def _answer(update: Update, services: Services, user: User, reading: Reading) -> bool:
    """Work out the replies to an understood message in one unit of work, then send them;
    False if the person is gone (deleted meanwhile)."""
    out = await case.answer(services, user.id, reading)
    if out is None:
        return False
    for text, markup in out:
        await send(update, text, markup)
    return True


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
