"""/progress, /export, the weekly summary's settings and its reflection questions."""

from __future__ import annotations

from datetime import date, time
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.db import queries
from bot.db.models import CheckIn, DayPlan, Reflection, User
from bot.domain import person_now
from bot.domain.clinician import SHORT_WEEKS
from bot.services import Services
from bot.telegram import delivery
from bot.telegram.handlers.common import (
    Context,
    edit_or_send,
    onboarded_user,
    popup,
    read_tap,
    send,
    services_of,
)
from bot.usecases import checkin as checkin_case
from bot.usecases import onboarding as setup
from bot.usecases import reflections as reflect_case
from bot.usecases import reports
from bot.views import keyboards
from bot.views.callbacks import ReflectionTap, WeeklyTap, day_code
from bot.views.export import checkins_csv
from bot.views.reflections import question
from bot.views.render import locale_of, say

Row = TypeVar("Row", CheckIn, DayPlan)
WEEKLY_TIMES = (time(17, 0), time(18, 0), time(19, 0), time(20, 0), time(21, 0))
MONTHLY_WITHIN_DAYS = 7  # a weekly or monthly question's buttons work this long


async def progress_command(update: Update, context: Context) -> None:
    """/progress: the last four weeks as a chart, with two lines on what was done."""
    services = services_of(context)
    if update.effective_user is None or update.effective_chat is None:
        return
    async with services.sessions() as session:
        user = await onboarded_user(services, session, update)
        if user is None:
            return
        data, _ = await reports.load(session, user, checkin_case.today_for(services, user))
    if not data.enough:
        await send(update, say(services.content, "progress.not_enough", user, name=user.first_name))
        return
    png = await reports.chart_png(services, user, data)
    chart = delivery.Upload(update.effective_chat.id, png, "progress.png",
                            caption=reports.lines(services, user, data), photo=True)  # fmt: skip
    await delivery.later(context.bot, chart)


async def export_command(update: Update, context: Context) -> None:
    """/export: every check-in as CSV and a one-page summary for a clinician (PDF)."""
    services = services_of(context)
    if update.effective_user is None or update.effective_chat is None:
        return
    async with services.sessions() as session:
        user = await queries.get_user(session, update.effective_user.id)
        if user is None:
            await send(update, say(services.content, "export.nothing", None))
            return
        rows = await _all(session, CheckIn, user.id)
        plans = await _all(session, DayPlan, user.id)
        if not rows:
            await send(update, say(services.content, "export.nothing", user))
            return
        today = checkin_case.today_for(services, user)
        data, summary = await reports.load(session, user, today)
        period = await reports.load_trends(session, user, today, SHORT_WEEKS)
    pdf = await reports.visit_pdf(services, user, data, summary, period)
    chat_id = update.effective_chat.id
    await send(update, say(services.content, "export.sent", user))
    files = (
        delivery.Upload(chat_id, checkins_csv(rows, plans), f"smallsteps-checkins-{today}.csv"),
        delivery.Upload(chat_id, pdf, f"smallsteps-summary-{today}.pdf"),
    )
    for file in files:
        await delivery.later(context.bot, file)


async def _all(session: AsyncSession, model: type[Row], user_id: int) -> list[Row]:
    """Every row of a per-person table for one person."""
    result = await session.execute(select(model).where(model.user_id == user_id))
    return list(result.scalars())


def weekly_settings(services: Services, user: User) -> tuple[str, InlineKeyboardMarkup]:
    """The weekly-summary settings: on or off, weekday, time."""
    loc = locale_of(user)
    label = services.content.label
    text = say(
        services.content, "weekly.settings", user, value="on" if user.weekly_enabled else "off",
        date=label(f"weekday_words.{user.weekly_weekday}", loc),
        checkin_time=user.weekly_time.strftime("%H:%M"),
    )  # fmt: skip

    def button(text: str, data: WeeklyTap, chosen: bool = False) -> InlineKeyboardButton:
        return keyboards.button(("✅ " if chosen else "") + text, data)

    days = [
        button(label(f"weekday.{d}", loc), WeeklyTap("day", weekday=d), d == user.weekly_weekday)
        for d in range(7)
    ]
    times = [
        button(t.strftime("%H:%M"), WeeklyTap("time", at=t), t == user.weekly_time)
        for t in WEEKLY_TIMES
    ]
    toggle = button(
        label("weekly.off" if user.weekly_enabled else "weekly.on", loc), WeeklyTap("toggle")
    )
    back = button(label("weekly.back", loc), WeeklyTap("back"))
    rows = [days[:4], days[4:], times, [toggle, back]]
    return text, InlineKeyboardMarkup(rows)


async def on_weekly_button(update: Update, context: Context) -> None:
    """A tap in the weekly-summary settings: open, on/off, back, a weekday or a time (WeeklyTap)."""
    services = services_of(context)
    query = update.callback_query
    tapped = await read_tap(services, update, WeeklyTap)
    if query is None or tapped is None or update.effective_user is None:
        return
    async with services.transaction() as session:
        user = await onboarded_user(services, session, update)
        if user is None:
            return
        action = tapped.action
        if action == "back":
            await popup(query)
            menu = keyboards.settings_menu(services.content, user.paused, locale_of(user))
            await edit_or_send(update, setup.settings_text(services, user), menu)
            return
        if action == "toggle":
            user.weekly_enabled = not user.weekly_enabled
        elif action == "day" and tapped.weekday is not None:
            user.weekly_weekday = tapped.weekday
        elif action == "time" and tapped.at is not None:
            user.weekly_time = tapped.at
        user.updated_at = services.clock.now()
        setup.reschedule(user, services)
        text, markup = weekly_settings(services, user)
    await popup(query)
    await edit_or_send(update, text, markup)


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
        if (checkin_case.today_for(services, user) - day).days > MONTHLY_WITHIN_DAYS:
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
