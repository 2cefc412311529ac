"""PTB's Application, delivering what an update's handlers said once they all returned.

Handlers call `bot.telegram.delivery.later` (through `handlers.common.send`, `popup`, ...)
inside their transactions; the effects are collected for the whole update (every handler
group, the error handler too) and delivered in order afterwards, so no Telegram call of an
update happens inside one of its transactions, and "not modified", blocked people and the
like are handled in one place. An update that waits for the database (it will be handled
again) says nothing now, so nothing is said twice.
"""

from __future__ import annotations

import logging

from telegram.ext import Application

from bot.services import of
from bot.telegram import delivery, metrics
from bot.telegram.faults import retry_later

log = logging.getLogger(__name__)


class DeliveringApplication(Application):  # type: ignore[type-arg]
    """An Application whose process_update ends with delivering the update's effects."""

    async def process_update(self, update: object) -> None:
        """Run the handlers, then deliver what they said."""
        with delivery.collect() as effects:
            await super().process_update(update)
        if retry_later.get() is not None:
            return
        try:
            await delivery.deliver_effects(self.bot, of(self), effects)
        except Exception:  # the update is handled; a bug in delivering must not stop its chat
            metrics.ERRORS.labels("delivery").inc()
            log.exception("delivering an update's replies failed")
