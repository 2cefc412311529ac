"""Small helpers shared by the handlers: who is talking, and replying to them."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.db import queries
from bot.db.models import User
from bot.services import Services, get
from bot.views.render import say

Context = ContextTypes.DEFAULT_TYPE










async def send(
    update: Update, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Send a message to the chat the update came from."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await chat.send_message(text, reply_markup=markup)


async def edit_or_send(
    update: Update, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Turn the tapped message into the next step; send anew when it can't be edited."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message):
        try:
            await query.message.edit_text(text, reply_markup=markup)
            return
        except BadRequest as exc:
            # A double tap re-renders the same step; Telegram refuses identical edits.
            if "not modified" in str(exc).lower():
                return
    await send(update, text, markup)


async def stale_tap(services: Services, update: Update, user: User | None = None) -> None:
    """A forged, garbled or out-of-date button: a short friendly popup, and nothing changes."""
    if update.callback_query is not None:
        await update.callback_query.answer(say(services, "error.stale_button", user))


async def onboarded_user(services: Services, session: AsyncSession, update: Update) -> User | None:
    """The person behind the update if they are set up; else point them to /start and say None.

    The pointer is a popup for a button tap and a message otherwise.
    """
    if update.effective_user is None:
        return None
    user = await queries.get_user(session, update.effective_user.id)
    if user is not None and user.onboarded:
        return user
    hint = say(services, "onboarding.start_first", user)
    if update.callback_query is not None:
        await update.callback_query.answer(hint)
    else:
        await send(update, hint)
    return None


async def load_user(services: Services, update: Update) -> User | None:
    """The stored person behind an update, if any (read-only session)."""
    if update.effective_user is None:
        return None
    async with services.sessions() as session:
        return await queries.get_user(session, update.effective_user.id)


def services_of(context: Context) -> Services:
    """Typed access to the application's services."""
    return get(context)
