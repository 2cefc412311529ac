"""Red flags first: every free text is scanned before anything else; a match is answered alone."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from telegram import Update

from bot.db import queries
from bot.db.models import SafetyEvent, User
from bot.domain.safety import looks_like_denial, scan
from bot.domain.schedule import local_date, next_due
from bot.handlers import checkin
from bot.handlers.common import Context, say, send, services_of

EMERGENCY_PROMPT_PAUSE = timedelta(hours=24)  # the brief: pause nudges for 24 h after an emergency
FOLLOW_UP_TIERS = ("emergency", "crisis")


async def screen(update: Update, context: Context, user: User | None, text: str) -> bool:
    """Answer a red flag (or a denial of an open crisis) and return True; else return False."""
    services = services_of(context)
    flag = scan(text)
    if flag is None:
        if user is not None and user.safety_open == "crisis" and looks_like_denial(text):
            await send(update, say(services, "safety.crisis.still_here", user))
            return True
        return False
    await send(update, say(services, f"safety.{flag.tier}", user))
    if user is None:
        return True
    now = services.clock.now()
    async with services.transaction() as session:
        fresh = await queries.get_user(session, user.id)
        if fresh is None:
            return True
        zone = ZoneInfo(fresh.timezone)
        follow_up = (
            next_due(now, fresh.checkin_time, zone) if flag.tier in FOLLOW_UP_TIERS else None
        )
        session.add(SafetyEvent(user_id=fresh.id, local_date=local_date(now, zone), tier=flag.tier,
                                created_at=now, followup_due_at=follow_up))  # fmt: skip
        if flag.tier == "emergency":
            fresh.prompts_paused_until = now + EMERGENCY_PROMPT_PAUSE
        elif flag.tier == "crisis":
            fresh.prompts_paused_until = follow_up
            fresh.safety_open = "crisis"
        if fresh.dialog == checkin.CHECKIN:
            # A note that raised the flag is still the person's note: keep it, quietly.
            await checkin.keep_note(services, session, fresh, text)
        fresh.updated_at = now
    return True
