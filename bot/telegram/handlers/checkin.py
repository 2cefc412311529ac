"""The daily check-in dialogue: one question at a time, every answer stored as it arrives. Each
handler parses the update, calls one use case (bot/usecases/checkin.py) and delivers its answer.
"""

from __future__ import annotations

from telegram import Update

from bot.telegram.handlers.common import Context, read_tap, services_of, show
from bot.usecases import checkin
from bot.views.callbacks import CheckinTap


async def command(update: Update, context: Context) -> None:
    """/checkin: start today's check-in at any time."""
    if update.effective_user is not None:
        answer = await checkin.start_today(services_of(context), update.effective_user.id)
        await show(update, answer)


async def on_button(update: Update, context: Context) -> None:
    """A tap on a check-in button (see CheckinTap)."""
    services = services_of(context)
    tapped = await read_tap(services, update, CheckinTap)
    if tapped is None or update.effective_user is None:
        return
    answer = await checkin.answer_tap(
        services, update.effective_user.id, tapped.day, tapped.action, tapped.value
    )
    await show(update, answer)
