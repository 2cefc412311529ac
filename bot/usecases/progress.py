"""/progress, /export and the weekly summary's settings as use cases: each opens its unit of
work, reads the person and returns what to show (an Answer, with files for charts and exports).
"""

from __future__ import annotations

from datetime import time
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.db import history, queries
from bot.db.models import CheckIn, DayPlan, User
from bot.domain.clinician import SHORT_WEEKS
from bot.services import Services
from bot.usecases import onboarding, reports
from bot.usecases.answers import Answer, File
from bot.usecases.checkin import today_for
from bot.usecases.days import days
from bot.views import keyboards
from bot.views.callbacks import WeeklyTap
from bot.views.export import checkins_csv
from bot.views.render import locale_of, say

Row = TypeVar("Row", CheckIn, DayPlan)
WEEKLY_TIMES = (time(17, 0), time(18, 0), time(19, 0), time(20, 0), time(21, 0))


async def chart(services: Services, user_id: int, *, tap: bool = False) -> Answer:
    """/progress (or its button, `tap`): the last four weeks as a chart, with two lines on what
    was done."""
    async with services.sessions() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return onboarding.start_first(services, user, tap=tap)
        data = await reports.load_progress(session, user, today_for(services, user))
    if not data.enough:
        return Answer.say(
            say(services.content, "progress.not_enough", user, name=user.first_name)
        )
    png = await reports.chart_png(services, user, data)
    caption = reports.lines(services, user, data)
    return Answer(files=[File(png, "progress.png", caption=caption, photo=True)])


async def export(services: Services, user_id: int) -> Answer:
    """/export: every check-in as CSV and a one-page summary for a clinician (PDF)."""
    async with services.sessions() as session:
        user = await queries.get_user(session, user_id)
        if user is None:
            return Answer.say(say(services.content, "export.nothing", None))
        rows = await _all(session, CheckIn, user.id)
        plans = await _all(session, DayPlan, user.id)
        today = today_for(services, user)
        # Every stored day: rows can predate the joining date (a change of time zone moves it).
        dates = [r.local_date for r in rows] + [p.local_date for p in plans]
        first = min([*dates, history.joined_on(user), today])
        stored = await days(session, user, first, today, since_joining=False)
        # A day moved with the group's Done only is a day on the chart: it is exported too.
        if not rows and not plans and not any(d.facts.mark for d in stored):
            return Answer.say(say(services.content, "export.nothing", user))
        data, summary = await reports.load(session, user, today)
        period = await reports.load_trends(session, user, today, SHORT_WEEKS)
    pdf = await reports.visit_pdf(services, user, data, summary, period)
    return Answer(
        sends=[(say(services.content, "export.sent", user), None)],
        files=[
            File(checkins_csv(rows, plans, stored), f"smallsteps-checkins-{today}.csv"),
            File(pdf, f"smallsteps-summary-{today}.pdf"),
        ],
    )


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


async def weekly_tap(services: Services, user_id: int, tapped: WeeklyTap) -> Answer:
    """A tap in the weekly-summary settings: open, on/off, back, a weekday or a time."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return onboarding.start_first(services, user, tap=True)
        if tapped.action == "back":
            menu = keyboards.settings_menu(services.content, user.paused, locale_of(user))
            return Answer(edit=(onboarding.settings_text(services, user), menu))
        if tapped.action == "toggle":
            user.weekly_enabled = not user.weekly_enabled
        elif tapped.action == "day" and tapped.weekday is not None:
            user.weekly_weekday = tapped.weekday
        elif tapped.action == "time" and tapped.at is not None:
            user.weekly_time = tapped.at
        user.updated_at = services.clock.now()
        onboarding.reschedule(user, services)
        return Answer(edit=weekly_settings(services, user))
