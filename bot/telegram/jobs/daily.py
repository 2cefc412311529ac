"""The daily prompt outbox: the use case claims the people whose prompt is due
(bot/usecases/prompts.py), this job sends, and the use case records how each went."""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot
from telegram.ext import ContextTypes

from bot.logs import ref
from bot.services import Services, get
from bot.telegram import delivery, metrics
from bot.telegram.delivery import Outcome
from bot.usecases import prompts
from bot.usecases.prompts import (
    BATCH,
    FAILED,
    PROMPT_LEASE,
    RETRY,
    SENT,
    Claim,
    claim_due,
    recover_stale,
)

__all__ = ["BATCH", "PROMPT_LEASE", "Claim", "claim_due", "recover_stale"]

log = logging.getLogger(__name__)

TICK_SECONDS = 15  # how often due prompts are looked for; a prompt is at most this late
MAX_TIMEOUT_ATTEMPTS = 2  # a timed-out send may have arrived: retry it once, not forever
CONCURRENT_SENDS = 64  # requests in flight at once during a fan-out


async def send_prompt(bot: Bot, claim: Claim) -> tuple[str, int | None]:
    """Send one claimed prompt in the bulk lane; return the outcome and the message id."""
    done = await delivery.send(bot, claim.chat_id, claim.text, claim.markup, bulk=True)
    match done.outcome:
        case Outcome.SENT:
            return SENT, done.message_id
        case Outcome.BLOCKED:
            return "blocked", None
        case Outcome.MAYBE:
            # It may have arrived; send once more at most, so nobody gets a pile of prompts.
            return (RETRY if claim.attempts < MAX_TIMEOUT_ATTEMPTS else SENT), None
        case Outcome.RETRY | Outcome.MOVED:
            return RETRY, None
        case _:
            log.warning("prompt to %s refused by Telegram", ref(claim.user_id))
            return FAILED, None


async def send_all(bot: Bot, claims: list[Claim]) -> list[tuple[Claim, str, int | None]]:
    """Send a batch concurrently (the rate limiter, when on, paces them)."""
    gate = asyncio.Semaphore(CONCURRENT_SENDS)

    async def one(claim: Claim) -> tuple[Claim, str, int | None]:
        async with gate:
            outcome, message_id = await send_prompt(bot, claim)
            return claim, outcome, message_id

    return list(await asyncio.gather(*(one(c) for c in claims)))


async def run_due(services: Services, bot: Bot) -> int:
    """Send every prompt that is due now; returns how many were claimed.

    The next batch is claimed while the current one is on its way, so the database and the
    network are busy at the same time; each batch is still recorded once all of it was sent.
    At-least-once: a claim still "sending" after PROMPT_LEASE is taken up again first.
    """
    await recover_stale(services, services.clock.now())
    total = 0
    claims = await claim_due(services, services.clock.now())
    while claims:
        total += len(claims)
        sending = asyncio.create_task(send_all(bot, claims))
        try:
            following = (
                await claim_due(services, services.clock.now()) if len(claims) >= BATCH else []
            )
            results = await sending
        finally:
            sending.cancel()  # only if claiming failed or this job was cancelled
        for lag in await prompts.record(services, results):
            metrics.PROMPTS_SENT.inc()
            metrics.FANOUT_LAG.observe(lag)
        claims = following
    return total


async def run_outboxes(services: Services, bot: Bot) -> int:
    """One pass over every outbox (daily prompts, weekly summaries); returns prompts claimed."""
    from bot.telegram.jobs.weekly import run_due_weekly

    claimed = await run_due(services, bot)
    await run_due_weekly(services, bot)
    return claimed


async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The repeating job."""
    await run_outboxes(get(context), context.bot)
