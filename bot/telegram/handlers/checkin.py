"""The daily check-in dialogue: one question at a time, every answer stored as it arrives."""

from __future__ import annotations

from telegram import Update

from bot.db import queries
from bot.db.models import User
from bot.domain import checkin as flow
from bot.services import Services
from bot.telegram.handlers.common import (
    Context,
    edit_or_send,
    onboarded_user,
    popup,
    read_tap,
    send,
    services_of,
)
from bot.telegram.jobs import challenges as challenge_jobs
from bot.usecases import challenges
from bot.usecases.checkin import (
    begin,
    next_step_reply,
    offers_same,
    question_reply,
    tap,
    today_for,
)
from bot.views import keyboards
from bot.views.callbacks import CheckinTap
from bot.views.render import echo, locale_of, say


async def command(update: Update, context: Context) -> None:
    """/checkin: start today's check-in at any time."""
    services = services_of(context)
    if update.effective_user is None:
        return
    async with services.transaction() as session:
        user = await onboarded_user(services, session, update)
        if user is None:
            return
        (text, markup), after = await begin(services, session, user, today_for(services, user))
    await send(update, text, markup)
    for extra in after:
        await send(update, *extra)


async def on_button(update: Update, context: Context) -> None:
    """A tap on a check-in button (see CheckinTap)."""
    services = services_of(context)
    query = update.callback_query
    tapped = await read_tap(services, update, CheckinTap)
    if query is None or tapped is None or update.effective_user is None:
        return
    day, action, value = tapped.day, tapped.action, tapped.value
    async with services.transaction() as session:
        user = await onboarded_user(services, session, update)
        if user is None:
            return
        today = today_for(services, user)
        if day != today:
            await popup(query, say(services.content, "checkin.closed", user), show_alert=True)
            today_markup = keyboards.start_checkin(
                services.content, today, "checkin.start_today", locale_of(user)
            )
            await send(update, say(services.content, "checkin.closed", user), today_markup)
            return
        replies = await tap(services, session, user, day, action, value)
        # An answer: prompts again, and the group tallies follow, in this unit of work.
        outgoing = await challenges.heard_from(services, session, user)
    await challenge_jobs.deliver(services, context.bot, outgoing)
    if replies is None:
        await popup(query, say(services.content, "checkin.answer_updated", user))
        return
    await popup(query)
    (text, markup), after = replies
    await edit_or_send(update, text, markup)
    for extra in after:
        await send(update, *extra)


async def on_text(update: Update, context: Context, user_id: int, text: str) -> None:
    """A typed answer to the open question."""
    services = services_of(context)
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None:
            return
        day = today_for(services, user)
        now = services.clock.now()
        checkin = await queries.get_or_create_checkin(session, user.id, day, now)
        answers = queries.answers_of(checkin)
        question = flow.next_question(answers)
        if question is None:
            user.dialog = None
            await send(update, say(services.content, "fallback.text", user, name=user.first_name))
            return
        parsed = flow.parse(question, text)
        if parsed.error is not None:
            error = say(services.content, parsed.error, user, value=echo(text),
                        max_chars=f"{flow.NOTE_MAX_CHARS:,}")  # fmt: skip
            offer_same = await offers_same(session, user, day, question)
            again, markup = question_reply(services, user, day, question, offer_same=offer_same)
            await send(update, error)
            await send(update, again, markup)
            return
        if parsed.guess:
            # A rating read from words ("pretty bad") is stored only once a tap confirms it.
            guess = say(services.content, "checkin.guess", user, value=parsed.value)
            offer_same = await offers_same(session, user, day, question)
            again, markup = question_reply(services, user, day, question, offer_same=offer_same)
            await send(update, guess)
            await send(update, again, markup)
            return
        queries.store_answers(checkin, flow.apply(answers, question, parsed.value), now)
        (reply, markup), after = await next_step_reply(services, session, user, checkin)
    await send(update, reply, markup)
    for extra in after:
        await send(update, *extra)


async def reask(update: Update, services: Services, user: User) -> None:
    """Show the open check-in question again (after a sticker, a photo, or the like)."""
    async with services.transaction() as session:
        fresh = await queries.get_user(session, user.id)
        if fresh is None:
            return
        day = today_for(services, fresh)
        checkin = await queries.get_checkin(session, fresh.id, day)
        question = flow.next_question(queries.answers_of(checkin)) if checkin else "pain"
        if question is None:
            fresh.dialog = None
            return
        offer_same = await offers_same(session, fresh, day, question)
        text, markup = question_reply(services, fresh, day, question, offer_same=offer_same)
    await send(update, text, markup)
