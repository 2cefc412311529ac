"""The buttons under everyday replies (IntentTap): each tap calls one use case and shows what
it returns (the replies themselves are worked out in bot/usecases/intents.py)."""

from __future__ import annotations

from telegram import Update

from bot.telegram.handlers.common import Context, read_tap, services_of, show
from bot.usecases import intents, progress
from bot.views.callbacks import IntentTap


async def on_button(update: Update, context: Context) -> None:
    """A tap on an intent button: today, checkin, progress, help, pause, rest, more, settings or
    "just telling you" (IntentTap)."""
    services = services_of(context)
    tapped = await read_tap(services, update, IntentTap)
    if tapped is None or update.effective_user is None:
        return
    user_id = update.effective_user.id
    if tapped.action == "progress":
        answer = await progress.chart(services, user_id, tap=True)
    else:
        answer = await intents.tapped(services, user_id, tapped.action)
    await show(update, answer)
