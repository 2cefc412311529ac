"""The last resort: log the error and tell the person kindly (blocked people are marked
inactive by bot.telegram.delivery, where every send goes)."""

from __future__ import annotations

import logging

from telegram import Update

from bot.telegram.faults import database_away, retry_later
from bot.telegram.handlers.common import Context, send, services_of
from bot.views.render import say

log = logging.getLogger(__name__)


async def on_error(update: object, context: Context) -> None:
    """Log any exception from a handler and reply with a short apology."""
    services = services_of(context)
    error = context.error
    if database_away(error):
        retry_later.set(type(error).__name__)
        log.warning("database unavailable (%s); the update will be handled again",
                    type(error).__name__)  # fmt: skip
        return
    log.error("error while handling an update", exc_info=error)
    if (
        isinstance(update, Update)
        and update.effective_chat
        and update.effective_chat.type == "private"
    ):
        # Delivered with the update's other replies (delivery never raises, so no loop here).
        await send(update, say(services.content, "error.generic", None))
