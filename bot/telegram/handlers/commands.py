"""/help, /pause, /resume and /cancel: each calls one use case (bot/usecases/commands.py)."""

from __future__ import annotations

from telegram import Update

from bot.telegram.handlers.common import Context, services_of, show
from bot.usecases import commands


async def help_command(update: Update, context: Context) -> None:
    """/help: what the bot does and its commands."""
    if update.effective_user is not None:
        await show(update, await commands.help_text(services_of(context), update.effective_user.id))


async def pause(update: Update, context: Context) -> None:
    """/pause: stop the daily prompt until /resume."""
    if update.effective_user is not None:
        await show(update, await commands.pause(services_of(context), update.effective_user.id))


async def resume(update: Update, context: Context) -> None:
    """/resume: daily prompts again from the next check-in time."""
    if update.effective_user is not None:
        await show(update, await commands.resume(services_of(context), update.effective_user.id))


async def cancel(update: Update, context: Context) -> None:
    """/cancel: leave whatever step is open; nothing answered is lost."""
    if update.effective_user is not None:
        await show(update, await commands.cancel(services_of(context), update.effective_user.id))
