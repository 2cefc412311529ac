"""Where the day's plan joins the end of a check-in (the rules engine fills this in)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.db.models import CheckIn, User

if TYPE_CHECKING:
    from bot.services import Services


async def after_checkin(
    services: Services, session: AsyncSession, user: User, checkin: CheckIn
) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """Messages to send after the check-in summary; none until the rules engine is wired."""
    return []
