"""Anything not a known command or button: free text, unknown commands, stickers, groups."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.db.models import User
from bot.domain import checkin as flow
from bot.domain import dialogs
from bot.domain.dialogs import Dialogue, State
from bot.domain.intents import (
    NONE,
    Reading,
    asks_for_today,
    interrupts_checkin,
    interrupts_cue,
    interrupts_setup,
    is_question,
    read,
)
from bot.telegram.handlers import checkin, intents, onboarding, plan, progress, safety
from bot.telegram.handlers.common import Context, load_user, send, services_of, stale_tap
from bot.usecases import onboarding as setup
from bot.views import keyboards
from bot.views.callbacks import PRIVATE_PREFIXES, SEP
from bot.views.render import echo, say

# Telegram caps messages at 4,096 characters; anything longer is not a real person's answer.
MAX_TEXT_CHARS = 4096


@dataclass(frozen=True)
class Said:
    """A private text as the dialogue handlers get it: the person, their words, how the domain
    read them, and what the safety screen did with them."""

    user: User
    text: str
    reading: Reading
    screened: safety.Screened


TextHandler = Callable[[Update, Context, Said], Awaitable[None]]


async def _setup_answer(update: Update, context: Context, said: Said) -> None:
    """An onboarding or settings step: its answer, or something else answered, then the step."""
    step = dialogs.step_of(said.user.dialog) or ""
    if interrupts_setup(said.reading, step):
        # Clearly not an answer to the step: answer it, then ask the step again.
        services = services_of(context)
        await send(update, *await intents.in_setup(update, context, said.user, said.reading))
        await send(update, *setup.question(services, said.user, step))
        return
    await onboarding.on_text(update, context, said.user.id, said.text)


async def _cue_answer(update: Update, context: Context, said: Said) -> None:
    """The person's own if-then cue, unless the message is clearly something else."""
    if interrupts_cue(said.reading):
        await intents.respond(update, context, said.user, said.reading)
        await send(update, say(services_of(context).content, "plan.cue.ask_own", said.user))
        return
    await plan.on_cue_text(update, context, said.user.id, said.text)


async def _checkin_answer(update: Update, context: Context, said: Said) -> None:
    """An answer to the open check-in question, unless the message is clearly something else."""
    if said.user.onboarded and asks_for_today(said.text):
        await plan.today(update, context)
        return
    question = await intents.open_question(services_of(context), said.user)
    parsed = flow.parse(question, said.text) if question is not None else None
    # A rating guessed from words ("too tired today" sounds like a 7) gives way to a rest
    # declared in the same words: the day's plan is the clearer reading.
    answered = (
        parsed is not None and parsed.error is None
        and not (parsed.guess and said.reading.intent == "rest")
    )  # fmt: skip
    if question is not None and interrupts_checkin(
        said.reading, question, answered=answered, asked=is_question(said.text)
    ):
        await intents.in_checkin(update, context, said.user, said.reading)
        return
    await checkin.on_text(update, context, said.user.id, said.text)


async def _no_dialogue(update: Update, context: Context, said: Said) -> None:
    """No dialogue open: today's plan, an understood message, or a friendly pointer."""
    services = services_of(context)
    if said.user.onboarded and asks_for_today(said.text):
        await plan.today(update, context)
    elif (
        said.user.onboarded and flow.reports_movement(said.text)
        and await plan.log_typed(update, context, said.user)
    ):  # fmt: skip
        return
    elif not said.user.onboarded:
        await send(update, say(services.content, "onboarding.start_first", said.user))
    elif await progress.reflection_text(
        update, context, said.user, said.text, understood=said.reading.intent != "none"
    ):
        return
    elif said.reading.intent != "none":
        await intents.respond(update, context, said.user, said.reading)
        # Whatever was open before the interruption is offered again.
        await progress.offer_reflection(update, context, said.user)
    elif said.screened is not safety.Screened.CHECKED:
        # After a light "are you OK?" check, that check is the reply: no menu on top of it.
        await send(update, *intents.fallback(services, said.user))


# Where typed text goes in each state, one table per dialogue (every state of
# bot.domain.dialogs.State is in exactly one; what follows each is dialogs.NEXT).
ONBOARD: dict[State, TextHandler] = {
    State.ONBOARD_TZ: _setup_answer,
    State.ONBOARD_TIME: _setup_answer,
    State.ONBOARD_BAD: _setup_answer,
    State.ONBOARD_GOOD: _setup_answer,
    State.ONBOARD_ACT: _setup_answer,
}
SETTINGS: dict[State, TextHandler] = {
    State.SETTINGS_TZ: _setup_answer,
    State.SETTINGS_TIME: _setup_answer,
    State.SETTINGS_BAD: _setup_answer,
    State.SETTINGS_GOOD: _setup_answer,
    State.SETTINGS_ACT: _setup_answer,
    State.SETTINGS_SYM: _setup_answer,
    State.SETTINGS_COUNTRY: _setup_answer,
}
CUE: dict[State, TextHandler] = {State.CUE: _cue_answer}
CHECKIN: dict[State, TextHandler] = {State.CHECKIN: _checkin_answer}
DIALOGUES: dict[Dialogue, dict[State, TextHandler]] = {
    Dialogue.ONBOARD: ONBOARD,
    Dialogue.SETTINGS: SETTINGS,
    Dialogue.CUE: CUE,
    Dialogue.CHECKIN: CHECKIN,
}


def handler_for(stored: str | None) -> TextHandler:
    """The handler for typed text in a stored state (an unknown or garbled one: no dialogue)."""
    state = dialogs.parse(stored)
    if state is None:
        return _no_dialogue
    return DIALOGUES[state.dialogue].get(state, _no_dialogue)


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
        await send(update, say(services.content, "onboarding.start_first", None))
        return
    state = dialogs.parse(user.dialog)
    if len(message.text) > MAX_TEXT_CHARS and state is not State.CHECKIN:
        await send(
            update,
            say(services.content, "fallback.too_long", user, max_chars=f"{MAX_TEXT_CHARS:,}"),
        )
        return
    reading = read(message.text) if len(message.text) <= MAX_TEXT_CHARS else NONE
    said = Said(user, message.text, reading, screened)
    await handler_for(user.dialog)(update, context, said)


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot doesn't have."""
    services = services_of(context)
    message = update.effective_message
    word = (message.text or "/").split()[0].split("@")[0] if message else "/"
    user = await load_user(services, update)
    await send(update, say(services.content, "unknown.command", user, command=echo(word)))


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
    await send(update, say(services.content, "fallback.not_text", user))
    state = dialogs.parse(user.dialog) if user is not None else None
    if user is None or state is None:
        return
    if state is State.CHECKIN:
        await checkin.reask(update, services, user)
    elif state.step is not None:
        again, markup = setup.question(services, user, state.step)
        await send(update, again, markup)


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
