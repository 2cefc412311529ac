"""The day's plan: ask the rules engine, store its decision, and put it into words."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.content import Content
from bot.db import history
from bot.db.models import CheckIn, DayPlan, User
from bot.domain.rules import ContentItem, Decision, decide, reason_key
from bot.handlers import keyboards
from bot.handlers.common import locale_of, say

if TYPE_CHECKING:
    from bot.services import Services

Reply = tuple[str, InlineKeyboardMarkup | None]
SELECTABLE_KINDS = ("movement", "tip", "encouragement", "education", "nudge")
# After these, the safety reply stands alone: no plan follows it that day.
NO_PLAN_TIERS = ("emergency", "crisis")


def catalogue(content: Content) -> tuple[ContentItem, ...]:
    """What the rules may choose from: every selectable English item, described by its tags."""
    return tuple(
        ContentItem(
            key=item.key,
            kind=item.kind,
            category=item.category,
            day_types=item.day_types,
            tags=item.tags,
            weight=item.weight,
        )
        for (locale, _), item in sorted(content.items.items())
        if locale == "en" and item.kind in SELECTABLE_KINDS
    )


async def decide_today(
    services: Services, session: AsyncSession, user: User, today: date
) -> tuple[Decision, DayPlan]:
    """Run the rules on the person's history and store the result as today's plan."""
    past = await history.load_history(session, user, today)
    decision = decide(past, today, user.id, services.catalogue)
    row = await history.store_decision(session, user.id, decision, services.clock.now())
    return decision, row


def variables(services: Services, user: User, decision: Decision) -> dict[str, Any]:
    """Everything a plan template may use."""
    loc = locale_of(user)
    summary = decision.summary()
    return {
        **summary,
        "name": user.first_name,
        "activity": services.content.label(f"activity_words.{decision.activity}", loc),
        "day_type_words": services.content.label(f"day_type.{decision.day_type}", loc),
        "cue": user.cue or "",
    }


def plan_reply(services: Services, user: User, decision: Decision, row: DayPlan) -> Reply:
    """The plan message: the day in kind words, one goal, one tip, encouragement, buttons."""
    values = variables(services, user, decision)
    parts = [say(services, f"plan.day.{decision.day_type}", user, **values)]
    goal_key = f"plan.goal.{decision.goal_kind}"
    if decision.goal_kind == "session" and user.cue:
        goal_key = "plan.goal.session_with_cue"
    parts.append(say(services, goal_key, user, **values))
    for key in decision.content_keys:
        text = say(services, key, user, **values)
        parts.append(f"💡 {text}" if key == decision.tip_key else text)
    markup = keyboards.plan(
        services.content, row.local_date, done=row.done,
        offer_cue=decision.goal_kind == "session" and not user.cue, locale=locale_of(user),
    )  # fmt: skip
    return "\n\n".join(parts), markup


def why_text(services: Services, user: User, row: DayPlan) -> str:
    """Plain-words reasons for a stored plan, one line per rule that fired."""
    values = {
        "goal_minutes": row.goal_minutes,
        "level_minutes": row.level_minutes,
        "activity": services.content.label(f"activity_words.{row.activity}", locale_of(user)),
    }
    lines = [say(services, reason_key(r), user, **values) for r in dict.fromkeys(row.reasons)]
    header = say(services, "plan.why", user)
    return header + "\n" + "\n".join(f"• {line}" for line in lines)


async def after_checkin(
    services: Services, session: AsyncSession, user: User, checkin: CheckIn
) -> list[Reply]:
    """The plan that follows a finished check-in (none after an emergency or crisis reply)."""
    if await history.red_flag_today(session, user.id, checkin.local_date) in NO_PLAN_TIERS:
        return []
    decision, row = await decide_today(services, session, user, checkin.local_date)
    return [plan_reply(services, user, decision, row)]
