"""Sending the weekly summaries the use case claims (bot/usecases/weekly.py), and reporting
back how each went."""

from __future__ import annotations

import logging

from telegram import Bot

from bot.logs import ref
from bot.services import Services
from bot.telegram import delivery
from bot.telegram.delivery import Outcome
from bot.usecases import weekly
from bot.usecases.weekly import BATCH, WeeklyClaim

log = logging.getLogger(__name__)


async def send_weekly(services: Services, bot: Bot, claim: WeeklyClaim) -> Outcome:
    """One person's summary: one message, with the chart when there is enough."""
    shown = await weekly.summary(services, claim)
    if shown is None:
        return Outcome.GONE
    photo = delivery.Photo(shown.png, "week.png") if shown.png is not None else None
    done = await delivery.send(bot, claim.chat_id, shown.text, shown.markup, bulk=True,
                               photo=photo)  # fmt: skip
    return done.outcome


async def _record(services: Services, results: list[tuple[WeeklyClaim, Outcome]]) -> None:
    """Store a batch's outcomes; MAYBE counts as sent (it may have arrived, and a second summary
    would be worse than none); a blocked person is marked inactive."""
    await weekly.settle(services, [(c, o in (Outcome.SENT, Outcome.MAYBE)) for c, o in results])
    for claim, outcome in results:
        if outcome is not Outcome.SENT and outcome is not Outcome.BLOCKED:
            log.warning("weekly summary to %s: %s", ref(claim.user_id), outcome)
    await delivery.mark_inactive(
        services, [c.user_id for c, outcome in results if outcome is Outcome.BLOCKED]
    )


async def run_due_weekly(services: Services, bot: Bot) -> int:
    """Send every weekly summary due now (and any whose claim outlived its lease); returns how
    many were claimed."""
    total = 0
    claims = await weekly.recover_weekly(services, services.clock.now())
    while True:
        claims += await weekly.claim_weekly(services, services.clock.now())
        await _record(services, [(claim, await send_weekly(services, bot, claim))
                                 for claim in claims])  # fmt: skip
        total += len(claims)
        if len(claims) < BATCH:
            return total
        claims = []
