"""Progress in pictures and words: the chart, its two lines of text, and the visit summary."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import history
from bot.db.models import User
from bot.domain import clinician
from bot.domain.clinician import GoalChange, Trends, week_answers
from bot.domain.progress import (
    CHART_DAYS,
    Progress,
    ReflectionAnswers,
    VisitSummary,
    progress_of,
    visit_summary_of,
)
from bot.services import Services
from bot.usecases.days import days
from bot.views import charts, summary_pdf
from bot.views.goals import goal_sentence
from bot.views.render import locale_of, say

# Twice the chart span: the visit summary compares with the four weeks before.
REPORT_DAYS = 2 * CHART_DAYS + 1


async def load(session: AsyncSession, user: User, today: date) -> tuple[Progress, VisitSummary]:
    """The last four weeks (and the four before) for one person, counted from the day they
    joined, as the day reader reads them (bot/usecases/days.py: one definition of a day moved)."""
    since = today - timedelta(days=REPORT_DAYS)
    read = await days(session, user, since, today)
    reflections = await history.load_reflections(session, user.id, since)
    joined = history.joined_on(user)
    return (
        progress_of(read, today, joined=joined),
        visit_summary_of(read, today, joined=joined, reflections=reflections),
    )


async def load_progress(session: AsyncSession, user: User, today: date) -> Progress:
    """The last four weeks alone (the chart, /progress and the weekly summary): the days as the
    day reader reads them, without the visit summary's answers."""
    read = await days(session, user, today - timedelta(days=REPORT_DAYS), today)
    return progress_of(read, today, joined=history.joined_on(user))


def chart_text(services: Services, user: User) -> charts.ChartText:
    """The chart's words in the person's locale."""
    label = services.content.label
    loc = locale_of(user)
    return charts.ChartText(
        title=label("chart.title", loc), minutes=label("chart.minutes", loc),
        pain=label("chart.pain", loc), flare=label("chart.flare", loc),
        rest=label("chart.rest", loc), flare_adjusted=label("chart.flare_adjusted", loc),
        moved_no_minutes=label("chart.moved_no_minutes", loc), kept=label("chart.kept", loc),
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
        "compare_4_weeks": data.history_4_weeks_ago,
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


def goal_words(services: Services, user: User, changes: tuple[GoalChange, ...]) -> str:
    """The goal's changes in a short sentence (bot.views.goals)."""
    return goal_sentence(services.content, locale_of(user), changes)


def visit_lines(
    services: Services, user: User, summary: VisitSummary, data: Trends
) -> dict[str, str]:
    """Labelled figures for the summary's table (the weekly answers have a table of their own)."""
    loc = locale_of(user)
    label = services.content.label
    days = summary.days
    of_days = label("visit.of_days", loc)
    now, before = summary.now, summary.before

    def avg(field: str) -> str:
        return _average(services, user, getattr(now, field), getattr(before, field))

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
        label("visit.minutes", loc): label("visit.of_minutes", loc).format(
            minutes=data.minutes, goal=data.goal_minutes
        ),
        label("visit.goal", loc): goal_words(services, user, data.goals),
        label("visit.overall_change", loc): monthly_words(services, user, summary.reflections),
    }


def monthly_words(services: Services, user: User, answers: tuple[ReflectionAnswers, ...]) -> str:
    """The latest monthly answer in words with its date, or 'not rated'."""
    loc = locale_of(user)
    label = services.content.label
    monthly = [a for a in answers if a.kind == "monthly" and a.overall_change is not None]
    if not monthly:
        return label("visit.none", loc)
    latest = monthly[-1]
    return label("visit.answer", loc).format(
        value=label(f"change.{latest.overall_change}", loc), date=f"{latest.date:%d %b}"
    )


def weekly_table(
    services: Services, user: User, answers: tuple[ReflectionAnswers, ...]
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The weekly answers as a small table by week: a header and one row a week."""
    loc = locale_of(user)
    label = services.content.label
    header = tuple(
        label(key, loc)
        for key in ("visit.week_of", "visit.enjoyment_short", "visit.confidence_tasks_short",
                    "visit.confidence_life_short")
    )  # fmt: skip
    blank = label("visit.blank", loc)

    def shown(value: int | None) -> str:
        return blank if value is None else str(value)

    rows = tuple(
        (f"{w.date:%d %b}", shown(w.enjoyment), shown(w.confidence_tasks),
         shown(w.confidence_life))
        for w in week_answers(answers)
    )  # fmt: skip
    return header, rows


def paper_of(services: Services, user: User) -> str:
    """The paper size of the person's country (A4, or Letter where that is the rule)."""
    country = services.content.helplines.country_of(user.country, user.timezone)
    return summary_pdf.paper_for(country)


async def load_trends(
    session: AsyncSession, user: User, today: date, weeks: int, *, notes: bool = False
) -> Trends:
    """The person's last `weeks` weeks for the clinician's page, the Mini App and the PDF, as
    the day reader reads them (the days before the period say which goal level it starts with)."""
    since = today - timedelta(days=weeks * 7 + 1)
    return clinician.trends_of(
        await days(session, user, since, today), today, weeks,
        joined=history.joined_on(user),
        reflections=await history.load_reflections(session, user.id, since),
        notes=await history.load_notes(session, user.id, since) if notes else None,
    )  # fmt: skip


async def visit_pdf(
    services: Services, user: User, data: Progress, summary: VisitSummary,
    period: Trends,
) -> bytes:  # fmt: skip
    """The clinician summary as PDF (chart and layout rendered off the event loop)."""
    loc = locale_of(user)
    label = services.content.label
    header, rows = weekly_table(services, user, summary.reflections)
    text = chart_text(services, user)
    figures = tuple(visit_lines(services, user, summary, period).items())

    def build() -> bytes:
        return summary_pdf.render(
            summary_pdf.SummaryDocument(
                heading=say(services.content, "export.visit_heading", user),
                disclaimer=say(services.content, "export.visit_note", user),
                chart_png=charts.progress_png(data, text),
                rows=figures,
                weekly_title=label("visit.weekly_title", loc),
                weekly_header=header,
                weekly_rows=rows,
                weekly_none=label("visit.none", loc),
                paper=paper_of(services, user),
            )
        )

    return await asyncio.to_thread(build)
