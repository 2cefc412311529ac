"""The daily prompt outbox: claim people whose prompt is due, send, record, advance."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ContextTypes

from bot.db import queries
from bot.db.models import PromptSent, SafetyEvent, User
from bot.domain import checkin as flow
from bot.domain.schedule import local_date, local_instant, next_due
from bot.handlers import keyboards
from bot.handlers.checkin import question_reply
from bot.handlers.common import locale_of, say
from bot.services import Services, get

log = logging.getLogger(__name__)

TICK_SECONDS = 15  # how often due prompts are looked for; a prompt is at most this late
BATCH = 200  # people claimed per transaction, so one tick never holds a long write lock
MAX_TIMEOUT_ATTEMPTS = 2  # a timed-out send may have arrived: retry it once, not forever
RETRY_DELAY = timedelta(seconds=30)  # after a network failure, try again on a later tick


@dataclass(frozen=True)
class Claim:
    """One prompt this process has taken on to send."""

    user_id: int
    chat_id: int
    day: date
    due_at: datetime
    attempts: int
    followup: str | None = None  # a safety tier: send its gentle follow-up instead of the prompt


async def claim_due(services: Services, now: datetime, limit: int = BATCH) -> list[Claim]:
    """Take the people whose prompt is due, record (person, local date), advance their due time.

    On PostgreSQL the rows are locked with SKIP LOCKED so several replicas share the work
    without sending anyone two prompts; SQLite has one writer at a time anyway.
    """
    claims: list[Claim] = []
    async with services.transaction() as session:
        result = await session.execute(
            select(User)
            .where(
                User.next_prompt_at <= now, User.active.is_(True), User.paused.is_(False),
                User.onboarded.is_(True),
            )
            .order_by(User.next_prompt_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )  # fmt: skip
        for user in result.scalars():
            zone = ZoneInfo(user.timezone)
            due = user.next_prompt_at
            assert due is not None
            user.next_prompt_at = next_due(now, user.checkin_time, zone)
            day = local_date(now, zone)
            if local_date(due, zone) != day:
                # The bot was down past the end of that local day: that prompt is dropped (a
                # stale "how was today?" helps no one), but today's goes out if its time has come.
                due = local_instant(day, user.checkin_time, zone)
                if due > now:
                    continue
            followup = await _take_followup(session, user, now)
            if followup is None and user.prompts_paused_until and user.prompts_paused_until > now:
                continue  # after an emergency or crisis reply, no nudges for a while
            existing = await session.execute(
                select(PromptSent).where(
                    PromptSent.user_id == user.id, PromptSent.local_date == day
                )
            )
            sent = existing.scalar_one_or_none()
            if sent is not None and sent.status != "retry":
                continue
            checkin = await queries.get_checkin(session, user.id, day)
            done = checkin is not None and flow.next_question(queries.answers_of(checkin)) is None
            if done and followup is None:
                continue  # already checked in today by themselves
            if sent is None:
                sent = PromptSent(user_id=user.id, local_date=day, due_at=due, attempts=0)
                session.add(sent)
            sent.status = "sending"
            sent.attempts += 1
            claims.append(Claim(user.id, user.chat_id, day, due, sent.attempts, followup))
    return claims


async def _take_followup(session: AsyncSession, user: User, now: datetime) -> str | None:
    """Claim any due safety follow-ups; the most urgent tier decides the message."""
    result = await session.execute(
        select(SafetyEvent).where(
            SafetyEvent.user_id == user.id, SafetyEvent.followup_due_at.is_not(None),
            SafetyEvent.followup_due_at <= now,
        )
    )  # fmt: skip
    tiers = set()
    for event in result.scalars():
        event.followup_due_at = None
        tiers.add(event.tier)
    if not tiers:
        return None
    user.safety_open = None
    return "crisis" if "crisis" in tiers else "emergency"


async def send_prompt(services: Services, bot: Bot, claim: Claim) -> None:
    """Send one claimed prompt and record how it went."""
    async with services.transaction() as session:
        user = await queries.get_user(session, claim.user_id)
        if user is None:
            return
        day = claim.day
        answers = None
        checkin = await queries.get_checkin(session, user.id, day)
        if checkin is not None:
            answers = queries.answers_of(checkin)
        question = flow.next_question(answers) if answers else "pain"
        offer_same = question == "pain" and flow.can_copy(
            await queries.yesterday_answers(session, user.id, day)
        )
        markup: InlineKeyboardMarkup | None
        if claim.followup is not None:
            text = say(services, f"nudge.{claim.followup}_followup", user, name=user.first_name)
            markup = keyboards.start_checkin(services.content, day, "checkin.when_ready",
                                             locale_of(user))  # fmt: skip
        else:
            header = say(services, "checkin.prompt", user, name=user.first_name)
            text, markup = question_reply(services, user, day, question or "pain",
                                          offer_same=offer_same, header=header)  # fmt: skip
    outcome, message_id = "sent", None
    try:
        message = await bot.send_message(claim.chat_id, text, reply_markup=markup)
        message_id = message.message_id
    except Forbidden:
        outcome = "blocked"
    except BadRequest:
        log.warning("prompt to %s refused by Telegram", claim.user_id, exc_info=True)
        outcome = "failed"
    except TimedOut:
        # It may have arrived; send once more at most, so nobody gets a pile of prompts.
        outcome = "retry" if claim.attempts < MAX_TIMEOUT_ATTEMPTS else "sent"
    except (RetryAfter, NetworkError):
        outcome = "retry"
    await _record(services, claim, outcome, message_id)


async def _record(services: Services, claim: Claim, outcome: str, message_id: int | None) -> None:
    """Store the outcome; a retry puts the person back as due now, on the same local day."""
    now = services.clock.now()
    async with services.transaction() as session:
        user = await queries.get_user(session, claim.user_id)
        result = await session.execute(
            select(PromptSent).where(
                PromptSent.user_id == claim.user_id, PromptSent.local_date == claim.day
            )
        )
        sent = result.scalar_one_or_none()
        if user is None or sent is None:
            return
        if outcome == "blocked":
            user.active = False
            await session.execute(delete(PromptSent).where(PromptSent.id == sent.id))
            log.info("user %s blocked the bot; marked inactive", claim.user_id)
        elif outcome == "retry":
            sent.status = "retry"
            # Retry soon, but only while the prompt's local day lasts (checked at claim time).
            user.next_prompt_at = min(now + RETRY_DELAY, user.next_prompt_at or now)
        else:
            sent.status = outcome
            sent.sent_at = now
            sent.message_id = message_id
            if outcome == "sent" and claim.followup is None:
                user.dialog = "checkin"


async def run_due(services: Services, bot: Bot) -> int:
    """Send every prompt that is due now; returns how many were claimed."""
    total = 0
    while True:
        claims = await claim_due(services, services.clock.now())
        for claim in claims:
            await send_prompt(services, bot, claim)
        total += len(claims)
        if len(claims) < BATCH:
            return total


async def run_outboxes(services: Services, bot: Bot) -> int:
    """One pass over every outbox (daily prompts, weekly summaries); returns prompts claimed."""
    from bot.weekly import run_due_weekly

    prompts = await run_due(services, bot)
    await run_due_weekly(services, bot)
    return prompts


async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The repeating job."""
    await run_outboxes(get(context), context.bot)
