"""/progress, /export and the weekly summary's settings (each calls one use case,
bot/usecases/progress.py), and the weekly and monthly reflection questions."""

from __future__ import annotations

from telegram import Update

from bot.telegram.handlers.common import (
    Context,
    read_tap,
    services_of,
    show,
)
from bot.usecases import progress, reflections
from bot.views.callbacks import ReflectionTap, WeeklyTap

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
    tapped = await read_tap(services, update, ReflectionTap)
    if tapped is None or update.effective_user is None:
        return
    answer = await reflections.tapped(
        services, update.effective_user.id, tapped.day, tapped.kind, tapped.field, tapped.value
    )
    await show(update, answer)
