"""Progress in pictures and words: the chart, its two lines of text, and the visit summary."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import history
from bot.db.models import User
from bot.domain.progress import (
    CHART_DAYS,
    Progress,
    ReflectionAnswers,
    VisitSummary,
    progress,
    visit_summary,
)
from bot.services import Services
from bot.views import charts
from bot.views.render import locale_of, say

# Twice the chart span: the visit summary compares with the four weeks before.
REPORT_DAYS = 2 * CHART_DAYS + 1


async def load(session: AsyncSession, user: User, today: date) -> tuple[Progress, VisitSummary]:
    """The last four weeks (and the four before) for one person, counted from the day they
    joined, with their group marks (one definition of a day moved: bot.domain.progress)."""
    past = await history.load_history(
        session, user, today, days_back=REPORT_DAYS, include_today_plan=True
    )
    since = today - timedelta(days=REPORT_DAYS)
    marks = await history.load_marks(session, user.id, since)
    reflections = await history.load_reflections(session, user.id, since)
    joined = history.joined_on(user)
    return (
        progress(past, today, marks=marks, joined=joined),
        visit_summary(past, today, marks=marks, joined=joined, reflections=reflections),
    )


def chart_text(services: Services, user: User) -> charts.ChartText:
    """The chart's words in the person's locale."""
    label = services.content.label
    loc = locale_of(user)
    return charts.ChartText(
        title=label("chart.title", loc), minutes=label("chart.minutes", loc),
        pain=label("chart.pain", loc), flare=label("chart.flare", loc),
        rest=label("chart.rest", loc), flare_adjusted=label("chart.flare_adjusted", loc),
    )  # fmt: skip


async def chart_png(services: Services, user: User, data: Progress) -> bytes:
    """Render off the event loop, so a slow render never delays anyone else's reply."""
    return await asyncio.to_thread(charts.progress_png, data, chart_text(services, user))


def lines(services: Services, user: User, data: Progress) -> str:
    """Days moved this week, and minutes now against four weeks ago."""
    values = {
        "days_moved_week": data.days_moved_week,
        "days_on_plan_week": data.days_on_plan_week,
        "minutes_week": data.minutes_week,
        "minutes_4_weeks_ago": data.minutes_4_weeks_ago,
    }
    return "\n".join(
        say(services.content, key, user, **values)
        for key in ("progress.days_moved", "progress.minutes_compare")
    )


def _average(services: Services, user: User, now: float | None, before: float | None) -> str:
    """'5.1 (4 weeks before: 5.8)', or 'not rated'."""
    loc = locale_of(user)
    none = services.content.label("visit.none", loc)
    shown_now = f"{now:.1f}" if now is not None else none
    if before is None:
        return shown_now
    return services.content.label("visit.before", loc).format(now=shown_now, before=f"{before:.1f}")


def visit_lines(services: Services, user: User, summary: VisitSummary) -> dict[str, str]:
    """Labelled figures for the one-page summary."""
    loc = locale_of(user)
    label = services.content.label
    days = summary.days
    of_days = label("visit.of_days", loc)
    now, before = summary.now, summary.before

    def avg(field: str) -> str:
        return _average(services, user, getattr(now, field), getattr(before, field))

    goals = ", ".join(
        label("visit.goal_step", loc).format(minutes=minutes, date=day.strftime("%d %b"))
        for day, minutes in summary.goal_history[-6:]
    )
    return {
        label("visit.period", loc): f"{summary.start:%d %b %Y} - {summary.end:%d %b %Y}",
        label("visit.checkins", loc): of_days.format(count=summary.checkins, days=days),
        label("visit.pain", loc): avg("pain"),
        label("visit.interference", loc): avg("interference"),
        label("visit.energy", loc): avg("energy"),
        label("visit.sleep", loc): avg("sleep"),
        label("visit.flare_days", loc): str(summary.flare_days),
        label("visit.days_moved", loc): of_days.format(count=summary.days_moved, days=days),
        label("visit.days_on_plan", loc): of_days.format(count=summary.days_on_plan, days=days),
        label("visit.goal", loc): goals or label("visit.none", loc),
        **reflection_lines(services, user, summary.reflections),
        label("visit.note", loc): say(services.content, "export.visit_note", user),
    }


def reflection_lines(
    services: Services, user: User, answers: tuple[ReflectionAnswers, ...]
) -> dict[str, str]:
    """The weekly answers as series ('5, 4, 3 (05 Oct - 19 Oct)') and the latest monthly one."""
    loc = locale_of(user)
    label = services.content.label
    none = label("visit.none", loc)
    weekly = [a for a in answers if a.kind == "weekly"]
    lines: dict[str, str] = {}
    for field in ("enjoyment", "confidence_tasks", "confidence_life"):
        given = [(a.date, getattr(a, field)) for a in weekly if getattr(a, field) is not None]
        if not given:
            shown = none
        elif len(given) == 1:
            shown = label("visit.answer", loc).format(
                value=given[0][1], date=f"{given[0][0]:%d %b}"
            )
        else:
            shown = label("visit.answers", loc).format(
                values=", ".join(str(v) for _, v in given),
                first=f"{given[0][0]:%d %b}", last=f"{given[-1][0]:%d %b}",
            )  # fmt: skip
        lines[label(f"visit.{field}", loc)] = shown
    monthly = [a for a in answers if a.kind == "monthly" and a.overall_change is not None]
    latest = monthly[-1] if monthly else None
    lines[label("visit.overall_change", loc)] = (
        label("visit.answer", loc).format(
            value=label(f"change.{latest.overall_change}", loc), date=f"{latest.date:%d %b}"
        )
        if latest is not None
        else none
    )
    return lines


async def visit_pdf(services: Services, user: User, data: Progress, summary: VisitSummary) -> bytes:
    """The one-page summary as PDF, rendered off the event loop."""
    heading = say(services.content, "export.visit_heading", user)
    return await asyncio.to_thread(
        charts.visit_pdf, data, chart_text(services, user), heading,
        visit_lines(services, user, summary),
    )  # fmt: skip
