"""The daily prompt outbox's units of work: claim people whose prompt is due (rendering it),
record how each send went, take up claims that outlived their lease. Sending is the job's
(bot/telegram/jobs/daily.py)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.db import outbox, queries
from bot.db.models import CheckIn, PromptSent, SafetyEvent, User
from bot.domain import checkin as flow
from bot.domain import pacing
from bot.domain.outbox import prompt_due
from bot.domain.safety.conversation import FOLLOW_UP_WINDOW, Stage
from bot.domain.schedule import local_date, local_instant, next_due
from bot.logs import ref
from bot.services import Services
from bot.usecases.checkin import question_reply
from bot.views import keyboards
from bot.views.render import locale_of, say

log = logging.getLogger(__name__)

BATCH = 200  # people claimed per transaction, so one tick never holds a long write lock
RETRY_DELAY = timedelta(seconds=30)  # after a network failure, try again on a later tick
PROMPT_LEASE = outbox.LEASE
SENT, RETRY, FAILED = outbox.SENT, outbox.RETRY, outbox.FAILED  # a send's outcomes, as stored

# Buttons as plain JSON data, made once for sending the same ones to many people.
Prepared = dict[str, Any]


def _prepared(markup: InlineKeyboardMarkup | None) -> Prepared | None:
    """The buttons as JSON data (what delivery sends as they are)."""
    return markup.to_dict() if markup is not None else None


@dataclass(frozen=True)
class Claim:
    """One prompt this process has taken on to send."""

    user_id: int
    chat_id: int
    day: date
    due_at: datetime
    attempts: int
    followup: str | None = None  # a safety tier: send its gentle follow-up instead of the prompt
    text: str = ""
    markup: Prepared | None = None  # the buttons as JSON data (_prepared)


async def claim_due(services: Services, now: datetime, limit: int = BATCH) -> list[Claim]:
    """Take the people whose prompt is due, record (person, local date), advance their due time.

    On PostgreSQL the rows are locked with SKIP LOCKED so several replicas share the work
    without sending anyone two prompts; SQLite has one writer at a time anyway. A batch's
    follow-ups, prompt records and check-ins are read with one query each, not one per person.
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
        due_today: list[tuple[User, date, datetime]] = []
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
            due_today.append((user, day, due))
        if not due_today:
            return claims
        with session.no_autoflush:
            ids = [user.id for user, _, _ in due_today]
            days = {day for _, day, _ in due_today}
            followups = await _take_followups(session, ids, now)
            sent_rows = await _prompts_sent(session, ids, days)
            last_sent = await _last_prompt_days(session, ids, days)
            checkins = await _checkins(session, ids, days | {d - timedelta(days=1) for d in days})
        rendered: dict[tuple[str, date, str, bool], tuple[str, Prepared | None]] = {}
        for user, day, due in due_today:
            followup = followups.get(user.id)
            if followup is not None:
                # The follow-up asks "how are you today?": its answer is read in that light.
                user.safety_open = (
                    Stage.CRISIS_FOLLOW_UP if followup == "crisis" else Stage.EMERGENCY_FOLLOW_UP
                ).value
                user.safety_until = now + FOLLOW_UP_WINDOW
            sent = sent_rows.get((user.id, day))
            checkin = checkins.get((user.id, day))
            unanswered = user.unanswered_prompts or 0
            if not prompt_due(
                day=day, now=now, record=sent.status if sent is not None else None,
                checked_in=checkin is not None
                and flow.next_question(queries.answers_of(checkin)) is None,
                followup=followup is not None, paused_until=user.prompts_paused_until,
                unanswered=unanswered, last_prompt=_before(last_sent.get(user.id, []), day),
            ):  # fmt: skip
                continue
            if sent is None:
                sent = PromptSent(user_id=user.id, local_date=day, due_at=due, attempts=0)
                session.add(sent)
            outbox.claim(sent, now)
            yesterday = checkins.get((user.id, day - timedelta(days=1)))
            notice = followup is None and pacing.announce_back_off(unanswered)
            text, markup = _render(
                services, user, day, checkin, yesterday, followup, rendered, notice=notice
            )
            claims.append(
                Claim(user.id, user.chat_id, day, due, sent.attempts, followup, text, markup)
            )
    return claims


async def _take_followups(session: AsyncSession, ids: list[int], now: datetime) -> dict[int, str]:
    """Claim due safety follow-ups; per person, the most urgent tier decides the message."""
    result = await session.execute(
        select(SafetyEvent).where(
            SafetyEvent.user_id.in_(ids), SafetyEvent.followup_due_at.is_not(None),
            SafetyEvent.followup_due_at <= now,
        )
    )  # fmt: skip
    tiers: dict[int, set[str]] = {}
    for event in result.scalars():
        event.followup_due_at = None
        tiers.setdefault(event.user_id, set()).add(event.tier)
    return {
        user_id: "crisis" if "crisis" in found else "emergency" for user_id, found in tiers.items()
    }


async def _prompts_sent(
    session: AsyncSession, ids: list[int], days: set[date]
) -> dict[tuple[int, date], PromptSent]:
    """The prompt records of these people on these local dates."""
    result = await session.execute(
        select(PromptSent).where(PromptSent.user_id.in_(ids), PromptSent.local_date.in_(days))
    )
    return {(row.user_id, row.local_date): row for row in result.scalars()}


async def _last_prompt_days(
    session: AsyncSession, ids: list[int], days: set[date]
) -> dict[int, list[date]]:
    """The dates of the prompts these people got in the last week or so (back-off looks back)."""
    since = min(days) - timedelta(days=pacing.WEEKLY + 1)
    result = await session.execute(
        select(PromptSent.user_id, PromptSent.local_date).where(
            PromptSent.user_id.in_(ids), PromptSent.local_date >= since,
            PromptSent.status == outbox.SENT,
        )
    )  # fmt: skip
    found: dict[int, list[date]] = {}
    for user_id, day in result.all():
        found.setdefault(user_id, []).append(day)
    return found


def _before(days: list[date], day: date) -> date | None:
    """The latest of `days` before `day`."""
    return max((d for d in days if d < day), default=None)


async def _checkins(
    session: AsyncSession, ids: list[int], days: set[date]
) -> dict[tuple[int, date], CheckIn]:
    """The check-ins of these people on these local dates."""
    result = await session.execute(
        select(CheckIn).where(CheckIn.user_id.in_(ids), CheckIn.local_date.in_(days))
    )
    return {(row.user_id, row.local_date): row for row in result.scalars()}


def _render(
    services: Services,
    user: User,
    day: date,
    checkin: CheckIn | None,
    yesterday: CheckIn | None,
    followup: str | None,
    rendered: dict[tuple[str, date, str, bool], tuple[str, Prepared | None]],
    *,
    notice: bool = False,
) -> tuple[str, Prepared | None]:
    """The prompt (its first open question) or a safety follow-up, ready to send.

    A question and its buttons are the same for everyone with the same locale, date and
    options, so a batch renders each once (`rendered`); only the greeting carries a name.
    With `notice`, the greeting says (once) that prompts now come less often, and how to
    get daily ones back: one message, not a notice and a prompt.
    """
    locale = locale_of(user)
    if followup is not None:
        text = say(services.content, f"nudge.{followup}_followup", user, name=user.first_name)
        start = keyboards.start_checkin(services.content, day, "checkin.when_ready", locale)
        return text, _prepared(start)
    question = (flow.next_question(queries.answers_of(checkin)) if checkin else "pain") or "pain"
    offer_same = (
        question == "pain"
        and yesterday is not None
        and flow.can_copy(queries.answers_of(yesterday))
    )
    key = (locale, day, question, offer_same)
    if key not in rendered:
        body, buttons = question_reply(services, user, day, question, offer_same=offer_same)
        rendered[key] = body, _prepared(buttons)
    body, prepared = rendered[key]
    greeting = "pacing.back_off" if notice else "checkin.prompt"
    header = say(services.content, greeting, user, name=user.first_name)
    return f"{header}\n\n{body}", prepared  # as question_reply puts a header above its question


async def record(services: Services, results: list[tuple[Claim, str, int | None]]) -> list[float]:
    """Store a batch's outcomes; a retry puts the person back as due soon, on the same day.
    Returns how late (seconds after due) each prompt that went out was sent."""
    lags: list[float] = []
    if not results:
        return lags
    now = services.clock.now()
    async with services.transaction() as session:
        ids = [claim.user_id for claim, _, _ in results]
        found = await session.execute(select(User).where(User.id.in_(ids)))
        users = {user.id: user for user in found.scalars()}
        sent_rows = await _prompts_sent(session, ids, {claim.day for claim, _, _ in results})
        for claim, outcome, message_id in results:
            user = users.get(claim.user_id)
            sent = sent_rows.get((claim.user_id, claim.day))
            if user is None or sent is None:
                continue
            if outcome == "blocked":
                user.active = False
                await session.execute(delete(PromptSent).where(PromptSent.id == sent.id))
                log.info("user %s blocked the bot; marked inactive", ref(claim.user_id))
            elif outcome == outbox.RETRY:
                outbox.settle(sent, outbox.RETRY)
                # Retry soon, but only while the prompt's local day lasts (checked at claim time).
                user.next_prompt_at = min(now + RETRY_DELAY, user.next_prompt_at or now)
            else:
                outbox.settle(sent, outcome)
                sent.sent_at = now
                sent.message_id = message_id
                if outcome == outbox.SENT:
                    lags.append(max((now - claim.due_at).total_seconds(), 0.0))
                    if claim.followup is None:
                        user.dialog = "checkin"
                        # Any answer sets it back to 0 (bot.usecases.challenges.heard_from).
                        user.unanswered_prompts = (user.unanswered_prompts or 0) + 1
    return lags


async def recover_stale(services: Services, now: datetime) -> int:
    """Claims whose process died mid-batch (still "sending" after the lease) go out again."""
    async with services.transaction() as session:
        stale = await outbox.expired(session, PromptSent, now, BATCH)
        for row in stale:
            outbox.settle(row, outbox.RETRY)  # taken up by the next claim, while its day lasts
            user = await session.get(User, row.user_id)
            if user is not None:
                user.next_prompt_at = min(user.next_prompt_at or now, now)
    if stale:
        log.warning("%s prompt claims outlived their lease; sending them again", len(stale))
    return len(stale)
