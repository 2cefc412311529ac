"""/progress, /export and the weekly summary's settings (each calls one use case,
bot/usecases/progress.py), and the weekly and monthly reflection questions."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Update

from bot.db import queries
from bot.db.models import Reflection, User
from bot.domain import person_now
from bot.services import Services
from bot.telegram.handlers.common import (
    Context,
    edit_or_send,
    popup,
    read_tap,
    send,
    services_of,
    show,
)
from bot.usecases import checkin as checkin_case
from bot.usecases import progress
from bot.usecases import reflections as reflect_case
from bot.views.callbacks import ReflectionTap, WeeklyTap, day_code
from bot.views.reflections import question
from bot.views.render import say

MONTHLY_WITHIN_DAYS = 7  # a weekly or monthly question's buttons work this long


async def progress_command(update: Update, context: Context) -> None:
    """/progress: the last four weeks as a chart, with two lines on what was done."""
    if update.effective_user is not None:
        await show(update, await progress.chart(services_of(context), update.effective_user.id))


async def export_command(update: Update, context: Context) -> None:
    """/export: every check-in as CSV and a one-page summary for a clinician (PDF)."""
    if update.effective_user is not None:
        await show(update, await progress.export(services_of(context), update.effective_user.id))


async def on_weekly_button(update: Update, context: Context) -> None:
    """A tap in the weekly-summary settings: open, on/off, back, a weekday or a time (WeeklyTap)."""
    services = services_of(context)
    tapped = await read_tap(services, update, WeeklyTap)
    if tapped is None or update.effective_user is None:
        return
    await show(update, await progress.weekly_tap(services, update.effective_user.id, tapped))


async def on_reflection_button(update: Update, context: Context) -> None:
    """An answer to a weekly or monthly question (see ReflectionTap)."""
    services = services_of(context)
    query = update.callback_query
    tapped = await read_tap(services, update, ReflectionTap)
    if query is None or tapped is None or update.effective_user is None:
        return
    day, kind, field, value = tapped.day, tapped.kind, tapped.field, tapped.value
    async with services.transaction() as session:
        user = await queries.get_user(session, update.effective_user.id)
        if user is None:
            await popup(query)
            return
        # Only the days a question can have been asked on: not ahead of the person's today (a
        # forged tap dated 2099 would be the newest answer in every summary), not long past.
        if not 0 <= (checkin_case.today_for(services, user) - day).days <= MONTHLY_WITHIN_DAYS:
            await popup(query, say(services.content, "weekly.closed", user))
            return
        asked = reflect_case.Asked(day, kind, field, 0)
        text, markup = _after(services, user, await reflect_case.answer(session, services, user,
                                                                       asked, value))  # fmt: skip
    await popup(query)
    await edit_or_send(update, text, markup)


async def reflection(
    session: AsyncSession, services: Services, user_id: int, day: date, kind: str
) -> Reflection:
    """The reflection row of a date and kind, created on first use."""
    return await reflect_case.reflection(session, services, user_id, day, kind)


def _after(
    services: Services, user: User, asked: reflect_case.Asked | None
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The next weekly or monthly question with its buttons, or thanks when none is left."""
    if asked is None:
        return say(services.content, "weekly.thanks", user), None
    return question(services.content, user, day_code(asked.day), asked.kind, asked.field,
                    asked.top)  # fmt: skip


async def reflection_text(
    update: Update, context: Context, user: User, text: str, *, understood: bool
) -> bool:
    """A typed message while a weekly or monthly question is open: its answer, stored as a tap
    would be, and the next question. A message the bot understood otherwise (`understood`) is
    left to its own handler, which offers the question again afterwards (`offer_reflection`);
    anything else gets a short word and the question again. False when no such question is open
    or the message was understood otherwise."""
    services = services_of(context)
    async with services.transaction() as session:
        today = checkin_case.today_for(services, user)
        asked = await reflect_case.open_question(session, services, user, today)
        if asked is None:
            return False
        value = person_now.read_reflection(asked.kind, asked.lowest, asked.top, text)
        if value is None and understood:
            return False
        if value is None:
            hint = say(services.content, f"{asked.kind}.typed_hint", user)
            replies = [(hint, None), _after(services, user, asked)]
        else:
            replies = [_after(services, user, await reflect_case.answer(session, services, user,
                                                                        asked, value))]  # fmt: skip
    for reply, markup in replies:
        await send(update, reply, markup)
    return True


async def offer_reflection(update: Update, context: Context, user: User) -> None:
    """After an interruption, the open weekly or monthly question again (if one is open)."""
    services = services_of(context)
    async with services.sessions() as session:
        today = checkin_case.today_for(services, user)
        asked = await reflect_case.open_question(session, services, user, today)
        if asked is None:
            return
        text, markup = _after(services, user, asked)
    await send(update, text, markup)
