"""/today and "what should I do today?", the plan's buttons, and if-then cues: each handler
parses the update, calls one use case (bot/usecases/plan.py) and delivers its answer."""

from __future__ import annotations

from telegram import Update

from bot.telegram.handlers.common import Context, read_tap, services_of, show
from bot.usecases import plan
from bot.views.callbacks import CueTap, PlanTap

CUE_MAX_CHARS = plan.CUE_MAX_CHARS


async def today(update: Update, context: Context) -> None:
    """Today's plan; before any check-in, just pain and flare first (two taps)."""
    if update.effective_user is not None:
        await show(update, await plan.today(services_of(context), update.effective_user.id))


async def on_button(update: Update, context: Context) -> None:
    """A tap under a plan: Done, Why this?, a cue, or a flare-day option (see PlanTap)."""
    services = services_of(context)
    tapped = await read_tap(services, update, PlanTap)
    if tapped is None or update.effective_user is None:
        return
    answer = await plan.tap(
        services, update.effective_user.id, tapped.day, tapped.action, tapped.option
    )
    await show(update, answer)


async def on_cue_button(update: Update, context: Context) -> None:
    """A cue choice: an everyday moment, typing one's own, or none (see CueTap)."""
    services = services_of(context)
    tapped = await read_tap(services, update, CueTap)
    if tapped is None or update.effective_user is None:
        return
    await show(update, await plan.cue_tap(services, update.effective_user.id, tapped.choice))
