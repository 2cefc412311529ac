"""The weekly summary as a use case: at each person's chosen weekday and time, a chart and a
look back. Claims and their outcomes are units of work of their own; what to send is returned
as data (bot/telegram/jobs/weekly.py sends it)."""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.db import outbox, queries
from bot.db.models import ChallengeNudge, SummarySent, User
from bot.domain.schedule import local_date, local_instant, next_weekly
from bot.services import Services
from bot.usecases import reports
from bot.views import keyboards, reflections
from bot.views.render import locale_of, say

log = logging.getLogger(__name__)
BATCH = 200
# Another private message out this recently (or due this soon) makes the summary wait.
SPACING = timedelta(hours=1)
CAPTION_LIMIT = 1024  # Telegram's limit for a photo caption


@dataclass(frozen=True)
class WeeklyClaim:
    """One weekly summary this process has taken on to send."""

    user_id: int
    chat_id: int
    day: date
    record_id: int


async def claim_weekly(services: Services, now: datetime, limit: int = BATCH) -> list[WeeklyClaim]:
    """People whose weekly summary is due: record (person, local date), advance the due time."""
    claims: list[WeeklyClaim] = []
    async with services.transaction() as session:
        result = await session.execute(
            select(User)
            .where(
                User.weekly_enabled.is_(True), User.onboarded.is_(True), User.active.is_(True),
                # Summaries that wait for a check-in to be answered sit up to SPACING ahead.
                (User.next_weekly_at.is_(None)) | (User.next_weekly_at <= now + SPACING),
            )
            .order_by(User.next_weekly_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )  # fmt: skip
        for user in result.scalars():
            zone = ZoneInfo(user.timezone)
            due = user.next_weekly_at
            if due is not None and due > now:
                scheduled = local_instant(local_date(due, zone), user.weekly_time, zone)
                if scheduled > now or await _busy_until(session, user, local_date(now, zone), now):
                    continue  # not due yet, or still waiting (see below)
                due = now  # it waited for the check-in, which is answered now
            user.next_weekly_at = next_weekly(now, user.weekly_weekday, user.weekly_time, zone)
            day = local_date(now, zone)
            # Unscheduled (new or upgraded) people just get a due time; a day that ended is gone.
            if due is None or local_date(due, zone) != day:
                continue
            if user.prompts_paused_until and user.prompts_paused_until > now:
                continue
            wait = await _busy_until(session, user, day, now)
            if wait is not None:
                # Never two unsolicited messages at once: after today's check-in prompt is
                # answered, or an hour after it, or a nudge, the summary goes out on its own.
                user.next_weekly_at = wait
                continue
            seen = await session.execute(
                select(SummarySent.id).where(
                    SummarySent.user_id == user.id, SummarySent.local_date == day
                )
            )
            if seen.first() is not None:
                continue
            record = SummarySent(user_id=user.id, local_date=day, sent_at=now, attempts=0)
            outbox.claim(record, now)
            session.add(record)
            await session.flush()
            claims.append(WeeklyClaim(user.id, user.chat_id, day, record.id))
    return claims


async def recover_weekly(services: Services, now: datetime) -> list[WeeklyClaim]:
    """Summaries whose process died after claiming them: sent again while their day lasts."""
    claims: list[WeeklyClaim] = []
    async with services.transaction() as session:
        for record in await outbox.expired(session, SummarySent, now, BATCH):
            user = await session.get(User, record.user_id)
            timely = (
                user is not None and user.active
                and local_date(now, ZoneInfo(user.timezone)) == record.local_date
            )  # fmt: skip
            if outbox.reclaim(record, now, timely=timely) and user is not None:
                claims.append(WeeklyClaim(user.id, user.chat_id, record.local_date, record.id))
    if claims:
        log.warning("%s weekly summaries outlived their lease; sending them again", len(claims))
    return claims


async def _busy_until(
    session: AsyncSession, user: User, day: date, now: datetime
) -> datetime | None:
    """When the summary may go out, if another private message is out or due about now."""
    checkin = await queries.get_checkin(session, user.id, day)
    open_checkin = checkin is None or checkin.completed_at is None
    waits: list[datetime] = []
    if open_checkin:
        prompt = await queries.prompt_sent_at(session, user.id, day)
        if prompt is not None and now < prompt + SPACING:
            waits.append(prompt + SPACING)  # the check-in's answer ends the wait sooner
        due = user.next_prompt_at
        if (
            prompt is None and due is not None and now < due <= now + SPACING
            and not user.paused
        ):  # fmt: skip
            waits.append(due)  # the prompt first; then the rule above
    nudged = await session.scalar(
        select(func.max(ChallengeNudge.sent_at)).where(
            ChallengeNudge.user_id == user.id, ChallengeNudge.local_date == day
        )
    )
    if nudged is not None and now < nudged + SPACING:
        waits.append(nudged + SPACING)
    return min(waits) if waits else None


@dataclass(frozen=True)
class Summary:
    """One weekly summary as it goes out: one message, with the chart when there is enough."""

    text: str
    markup: InlineKeyboardMarkup
    png: bytes | None = None


async def summary(services: Services, claim: WeeklyClaim) -> Summary | None:
    """The chart (or kind words if too little yet), a reflection, then the weekly questions;
    None when the person is gone."""
    async with services.sessions() as session:
        user = await queries.get_user(session, claim.user_id)
        if user is None:
            return None
        data = await reports.load_progress(session, user, claim.day)
    rng = random.Random(f"{user.id}:{claim.day.isoformat()}")
    values = {
        "name": user.first_name,
        "days_moved_week": data.days_moved_week,
        "days_on_plan_week": data.days_on_plan_week,
        "minutes_week": data.minutes_week,
    }
    key = services.content.pick("weekly.reflection", rng, locale_of(user))
    text = "\n\n".join(
        (
            say(services.content, "weekly.header", user, **values),
            say(services.content, key, user, **values),
        )
    )
    code = keyboards.day_code(claim.day)
    ask, markup = reflections.question(
        services.content, user, code, "weekly", *reflections.QUESTIONS["weekly"][0]
    )
    # One message: the chart (or kind words) with the first question and its buttons.
    if not data.enough:
        return Summary(f"{text}\n\n{ask}", markup)
    png = await reports.chart_png(services, user, data)
    lines = reports.lines(services, user, data)
    caption = f"{text}\n\n{lines}\n\n{ask}"
    if len(caption) > CAPTION_LIMIT:
        caption = f"{lines}\n\n{ask}"  # the numbers and the question matter most
    return Summary(caption, markup, png)


async def settle(services: Services, results: list[tuple[WeeklyClaim, bool]]) -> None:
    """Store a batch's outcomes (True: sent, or maybe sent). The summary is a nicety: a failed
    week is logged, not retried into a pile (only a claim whose process died is sent again, by
    recover_weekly)."""
    if not results:
        return
    async with services.transaction() as session:
        records = await outbox.by_id(session, SummarySent, [c.record_id for c, _ in results])
        for claim, sent in results:
            record = records.get(claim.record_id)
            if record is not None:
                outbox.settle(record, outbox.SENT if sent else outbox.FAILED)
