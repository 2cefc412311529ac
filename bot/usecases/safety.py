"""What a red flag and the safety conversation store: the event, the pause of check-in prompts,
the gentle follow-up and the conversation's stage (the replies are the handler's)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import queries
from bot.db.models import SafetyEvent, User
from bot.domain import dialogs
from bot.domain.dialogs import State
from bot.domain.safety.conversation import CRISIS_WINDOW, Stage, Step
from bot.domain.schedule import local_date, next_due
from bot.services import Services
from bot.usecases import checkin as checkin_case

EMERGENCY_PROMPT_PAUSE = timedelta(hours=24)  # docs/rules.md#flare-mode
FOLLOW_UP_TIERS = ("emergency", "crisis")
# The gentle follow-up comes at the person's check-in time, but never within this long: a crisis
# at 08:00 with a 09:00 check-in is followed up the next day, not an hour later.
FOLLOW_UP_AFTER_AT_LEAST = timedelta(hours=12)


async def record(
    services: Services, user_id: int, tier: str, *, keep_note: str | None = None
) -> None:
    """Store a red flag: the event, the pause, the follow-up and the open conversation."""
    now = services.clock.now()
    async with services.transaction() as session:
        fresh = await queries.get_user(session, user_id)
        if fresh is None:
            return
        zone = ZoneInfo(fresh.timezone)
        event = SafetyEvent(user_id=fresh.id, local_date=local_date(now, zone), tier=tier,
                            created_at=now, followup_due_at=None)  # fmt: skip
        session.add(event)
        if tier in FOLLOW_UP_TIERS:
            event.followup_due_at = _follow_up_time(fresh, now)
        if tier == "emergency":
            fresh.prompts_paused_until = max(
                now + EMERGENCY_PROMPT_PAUSE, fresh.prompts_paused_until or now
            )
        elif tier == "crisis":
            fresh.prompts_paused_until = event.followup_due_at
            fresh.safety_open = Stage.ASKED.value
            fresh.safety_until = now + CRISIS_WINDOW
        if keep_note is not None and dialogs.parse(fresh.dialog) is State.CHECKIN:
            # A note that raised the flag is still the person's note: keep it, quietly.
            await checkin_case.keep_note(services, session, fresh, keep_note)
        if tier == "crisis" and dialogs.parse(fresh.dialog) is State.CHECKIN:
            # Check-ins are paused: the open question is closed, never offered again on its own
            # (what was answered is kept; /checkin is there when the person chooses it).
            fresh.dialog = None
        fresh.updated_at = now


async def move_on(services: Services, user_id: int, move: Step, now: datetime) -> None:
    """Store where an answer inside the safety conversation took it: the next stage (or none),
    the renewed window, the follow-up, prompts resumed."""
    async with services.transaction() as session:
        fresh = await queries.get_user(session, user_id)
        if fresh is not None:
            fresh.safety_open = move.stage.value if move.stage else None
            fresh.safety_until = (
                None if move.stage is None
                else now + CRISIS_WINDOW if move.renew
                else fresh.safety_until
            )  # fmt: skip
            if move.follow_up:
                await _ensure_follow_up(session, fresh, "crisis", now)
            if move.resume:
                fresh.prompts_paused_until = None
            fresh.updated_at = now


async def listen(services: Services, user_id: int) -> None:
    """The light check's "I need help": the conversation opens, listening, with a follow-up."""
    now = services.clock.now()
    async with services.transaction() as session:
        fresh = await queries.get_user(session, user_id)
        if fresh is not None:
            fresh.safety_open = Stage.LISTENING.value
            fresh.safety_until = now + CRISIS_WINDOW
            await _ensure_follow_up(session, fresh, "crisis", now)
            fresh.updated_at = now


def _follow_up_time(user: User, now: datetime) -> datetime:
    """The next check-in time at least FOLLOW_UP_AFTER_AT_LEAST from now."""
    return next_due(now + FOLLOW_UP_AFTER_AT_LEAST, user.checkin_time, ZoneInfo(user.timezone))


async def _ensure_follow_up(session: AsyncSession, user: User, tier: str, now: datetime) -> None:
    """A gentle check-in at the next check-in time, unless one is already waiting."""
    waiting = await session.scalar(
        select(SafetyEvent.id).where(
            SafetyEvent.user_id == user.id, SafetyEvent.followup_due_at.is_not(None)
        )
    )
    due = _follow_up_time(user, now)
    if waiting is None:
        day = local_date(now, ZoneInfo(user.timezone))
        session.add(SafetyEvent(user_id=user.id, local_date=day, tier=tier, created_at=now,
                                followup_due_at=due))  # fmt: skip
    user.prompts_paused_until = max(due, user.prompts_paused_until or now)
