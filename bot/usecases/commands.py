"""/help, /pause, /resume and /cancel as use cases: each opens its unit of work, reads the
person and returns what to say."""

from __future__ import annotations

from bot.db import queries
from bot.db.models import User
from bot.domain import dialogs, pacing
from bot.domain.dialogs import Dialogue, State
from bot.services import Services
from bot.usecases import onboarding
from bot.usecases.answers import Answer
from bot.views.render import say


async def help_text(services: Services, user_id: int) -> Answer:
    """/help: what the bot does and its commands (in the person's locale, if known)."""
    async with services.sessions() as session:
        user = await queries.get_user(session, user_id)
    return Answer.say(say(services.content, "help.text", user))


async def pause(services: Services, user_id: int) -> Answer:
    """/pause: stop the daily prompt until /resume."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return Answer.say(say(services.content, "onboarding.start_first", user))
        return paused(services, user)


def paused(services: Services, user: User) -> Answer:
    """Daily prompts stop for a person who is set up (in the caller's unit of work)."""
    if user.paused:
        return Answer.say(say(services.content, "pause.already", user))
    user.paused = True
    user.updated_at = services.clock.now()
    return Answer.say(say(services.content, "pause.done", user))


async def resume(services: Services, user_id: int) -> Answer:
    """/resume: daily prompts again from the next check-in time."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return onboarding.start_first(services, user, tap=False)
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
        onboarding.reschedule(user, services)
        return Answer.say(say(
            services.content, key, user, checkin_time=user.checkin_time.strftime("%H:%M"),
            timezone=user.timezone,
        ))  # fmt: skip


async def cancel(services: Services, user_id: int) -> Answer:
    """/cancel: leave whatever step is open; nothing answered is lost."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        state = dialogs.parse(user.dialog) if user is not None else None
        if user is None or not user.dialog:
            return Answer.say(say(services.content, "cancel.nothing", user))
        if state is State.CHECKIN:
            # What was answered is kept; the check-in stops asking.
            user.dialog = None
            text = say(services.content, "checkin.cancelled", user)
        elif state is not None and state.dialogue is Dialogue.ONBOARD:
            done = onboarding.finish_with_defaults(services, user)
            text = f"{say(services.content, 'onboarding.cancelled', user)}\n\n{done}"
        else:
            user.dialog = None
            text = say(services.content, "settings.closed", user)
        user.updated_at = services.clock.now()
        return Answer.say(text)
