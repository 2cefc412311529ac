"""/help, /pause, /resume and /cancel."""

from __future__ import annotations

from telegram import Update

from bot.db import queries
from bot.domain import dialogs, pacing
from bot.domain.dialogs import Dialogue, State
from bot.telegram.handlers import checkin
from bot.telegram.handlers.common import Context, load_user, onboarded_user, send, services_of
from bot.usecases import onboarding as setup
from bot.views.render import say


async def help_command(update: Update, context: Context) -> None:
    """/help: what the bot does and its commands."""
    services = services_of(context)
    user = await load_user(services, update)
    await send(update, say(services.content, "help.text", user))


async def pause(update: Update, context: Context) -> None:
    """/pause: stop the daily prompt until /resume."""
    services = services_of(context)
    if update.effective_user is None:
        return
    async with services.transaction() as session:
        user = await queries.get_user(session, update.effective_user.id)
        if user is None or not user.onboarded:
            text = say(services.content, "onboarding.start_first", user)
        elif user.paused:
            text = say(services.content, "pause.already", user)
        else:
            user.paused = True
            user.updated_at = services.clock.now()
            text = say(services.content, "pause.done", user)
    await send(update, text)


async def resume(update: Update, context: Context) -> None:
    """/resume: daily prompts again from the next check-in time."""
    services = services_of(context)
    if update.effective_user is None:
        return
    async with services.transaction() as session:
        user = await onboarded_user(services, session, update)
        if user is None:
            return
        if user.paused:
            key = "resume.done"
        elif pacing.backed_off(user.unanswered_prompts or 0):
            key = "resume.daily"  # the way back after prompts came less often
        else:
            key = "resume.already"
        user.paused = False
        user.unanswered_prompts = 0
        user.active = True
        user.updated_at = services.clock.now()
        setup.reschedule(user, services)
        text = say(services.content, key, user, checkin_time=user.checkin_time.strftime("%H:%M"),
                   timezone=user.timezone)  # fmt: skip
    await send(update, text)


async def cancel(update: Update, context: Context) -> None:
    """/cancel: leave whatever step is open; nothing answered is lost."""
    services = services_of(context)
    if update.effective_user is None:
        return
    async with services.transaction() as session:
        user = await queries.get_user(session, update.effective_user.id)
        state = dialogs.parse(user.dialog) if user is not None else None
        if user is None or not user.dialog:
            text = say(services.content, "cancel.nothing", user)
        elif state is State.CHECKIN:
            text = await checkin.cancel(services, session, user)
        elif state is not None and state.dialogue is Dialogue.ONBOARD:
            text = setup.finish_with_defaults(services, user)
            text = f"{say(services.content, 'onboarding.cancelled', user)}\n\n{text}"
        else:
            user.dialog = None
            text = say(services.content, "settings.closed", user)
        if user is not None:
            user.updated_at = services.clock.now()
    await send(update, text)
