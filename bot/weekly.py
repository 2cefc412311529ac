"""The weekly summary outbox: at each person's chosen weekday and time, a chart and a look back."""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from telegram import Bot, InputFile
from telegram.error import Forbidden, TelegramError

from bot import reports
from bot.db import queries
from bot.db.models import SummarySent, User
from bot.domain.schedule import local_date, next_weekly
from bot.handlers import progress
from bot.handlers.common import locale_of, say
from bot.services import Services

log = logging.getLogger(__name__)
BATCH = 200


@dataclass(frozen=True)
class WeeklyClaim:
    """One weekly summary this process has taken on to send."""

    user_id: int
    chat_id: int
    day: date


async def claim_weekly(services: Services, now: datetime, limit: int = BATCH) -> list[WeeklyClaim]:
    """People whose weekly summary is due: record (person, local date), advance the due time."""
    claims: list[WeeklyClaim] = []
    async with services.transaction() as session:
        result = await session.execute(
            select(User)
            .where(
                User.weekly_enabled.is_(True), User.onboarded.is_(True), User.active.is_(True),
                (User.next_weekly_at.is_(None)) | (User.next_weekly_at <= now),
            )
            .order_by(User.next_weekly_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )  # fmt: skip
        for user in result.scalars():
            zone = ZoneInfo(user.timezone)
            due = user.next_weekly_at
            user.next_weekly_at = next_weekly(now, user.weekly_weekday, user.weekly_time, zone)
            day = local_date(now, zone)
            # Unscheduled (new or upgraded) people just get a due time; a day that ended is gone.
            if due is None or local_date(due, zone) != day:
                continue
            if user.prompts_paused_until and user.prompts_paused_until > now:
                continue
            seen = await session.execute(
                select(SummarySent.id).where(
                    SummarySent.user_id == user.id, SummarySent.local_date == day
                )
            )
            if seen.first() is not None:
                continue
            session.add(SummarySent(user_id=user.id, local_date=day, sent_at=now))
            claims.append(WeeklyClaim(user.id, user.chat_id, day))
    return claims


async def send_weekly(services: Services, bot: Bot, claim: WeeklyClaim) -> None:
    """The chart (or kind words if too little yet), a reflection, then the weekly questions."""
    async with services.sessions() as session:
        user = await queries.get_user(session, claim.user_id)
        if user is None:
            return
        data, _ = await reports.load(session, user, claim.day)
    rng = random.Random(f"{user.id}:{claim.day.isoformat()}")
    values = {
        "name": user.first_name,
        "days_moved_week": data.days_moved_week,
        "minutes_week": data.minutes_week,
    }
    key = services.content.pick("weekly.reflection", rng, locale_of(user))
    text = "\n\n".join(
        (say(services, "weekly.header", user, **values), say(services, key, user, **values))
    )
    code = claim.day.strftime("%Y%m%d")
    ask, markup = progress.question(
        services, user, code, "weekly", *progress.QUESTIONS["weekly"][0]
    )
    try:
        if data.enough:
            png = await reports.chart_png(services, user, data)
            caption = f"{text}\n\n{reports.lines(services, user, data)}"
            await bot.send_photo(
                claim.chat_id, InputFile(png, filename="week.png"), caption=caption
            )
        else:
            await bot.send_message(claim.chat_id, text)
        await bot.send_message(claim.chat_id, ask, reply_markup=markup)
    except Forbidden:
        async with services.transaction() as session:
            blocked = await queries.get_user(session, claim.user_id)
            if blocked is not None:
                blocked.active = False
    except TelegramError:
        # The summary is a nicety: one failed week is logged, not retried into a pile.
        log.warning("weekly summary to %s failed", claim.user_id, exc_info=True)


async def run_due_weekly(services: Services, bot: Bot) -> int:
    """Send every weekly summary due now; returns how many were claimed."""
    total = 0
    while True:
        claims = await claim_weekly(services, services.clock.now())
        for claim in claims:
            await send_weekly(services, bot, claim)
        total += len(claims)
        if len(claims) < BATCH:
            return total
