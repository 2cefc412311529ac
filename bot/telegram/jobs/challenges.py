"""Sending what the challenge service decided: the group's message edited in place, summaries,
private nudges; and how each send went, reported back to the service (bot/usecases/challenges.py).

Three outboxes on the challenge row, each a due instant in UTC that a claim advances:
`refresh_at` (the group's day turns over, or an edit waited for the per-group gap),
`next_summary_at` (one summary a day, logged under a unique constraint) and `next_nudge_at`
(private nudges, at most one per person a day, logged likewise). The job ticks them all.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import Bot
from telegram.ext import ContextTypes

from bot.services import Services, get
from bot.telegram import delivery
from bot.telegram.delivery import Outcome
from bot.usecases import challenges as service
from bot.usecases.challenges import Outgoing, Post, Send

TICK_SECONDS = 5  # how often the challenge outboxes are looked at


async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The repeating job."""
    await run_due(get(context), context.bot)


async def run_due(services: Services, bot: Bot) -> None:
    """One pass: what the service claims as due, each batch sent after its commit."""
    for outgoing in await service.claim_due(services, services.clock.now()):
        await deliver(services, bot, outgoing)


async def removed(services: Services, bot: Bot, chat_id: int) -> None:
    """The bot is no longer in the group: its challenges end, members are told privately."""
    await deliver(services, bot, await service.remove_group(services, chat_id))


async def deliver(services: Services, bot: Bot, outgoing: Outgoing) -> None:
    """Edit and send after the transaction committed; outcomes are recorded, never raised."""
    settled: list[tuple[Send, bool]] = []
    for item in outgoing:
        if isinstance(item, Post):
            await _post(services, bot, item)
        else:
            outcome = await _send(services, bot, item)
            settled.append((item, outcome in (Outcome.SENT, Outcome.MAYBE)))
    await service.settle(services, settled)


async def _post(services: Services, bot: Bot, post: Post, *, again: bool = True) -> None:
    """Edit the challenge message in place; send it anew when it is gone or the chat moved."""
    if post.message_id is not None:
        done = await delivery.edit(bot, post.chat_id, post.message_id, post.text, post.markup)
    else:
        done = await delivery.send(bot, post.chat_id, post.text, post.markup)
        if done.ok and done.message_id is not None:
            await service.store_message(services, post.challenge_id, done.message_id)
    match done.outcome:
        case Outcome.MOVED if done.new_chat_id is not None:
            await service.migrate(services, post.chat_id, done.new_chat_id)
            if again:
                moved = Post(post.challenge_id, done.new_chat_id, None, post.text, post.markup)
                await _post(services, bot, moved, again=False)
        case Outcome.GONE if again and post.message_id is not None:
            # Someone deleted the message (or it is too old to edit): show it afresh.
            fresh = Post(post.challenge_id, post.chat_id, None, post.text, post.markup)
            await _post(services, bot, fresh, again=False)
        case Outcome.BLOCKED:
            await removed(services, bot, post.chat_id)
        case Outcome.RETRY | Outcome.MAYBE:
            await service.mark_stale(services, post.challenge_id)


async def _send(services: Services, bot: Bot, item: Send, *, again: bool = True) -> Outcome:
    """Send one new message; a blocked person is marked inactive, a moved group followed. A
    timeout (MAYBE) is left alone: it may have arrived, and a second summary would be worse
    than a missing one."""
    done = await delivery.send(bot, item.chat_id, item.text, item.markup,
                               reply_to=item.reply_to, bulk=item.bulk)  # fmt: skip
    match done.outcome:
        case Outcome.MOVED if done.new_chat_id is not None:
            await service.migrate(services, item.chat_id, done.new_chat_id)
            if again:
                moved = replace(item, chat_id=done.new_chat_id, reply_to=None)
                return await _send(services, bot, moved, again=False)
        case Outcome.BLOCKED:
            if item.user_id is not None:
                await delivery.mark_inactive(services, [item.user_id])
            else:
                await removed(services, bot, item.chat_id)
        case Outcome.RETRY:
            if item.challenge_id is not None and item.day is not None:
                await service.retry_summary(services, item.challenge_id, item.day)
    return done.outcome
