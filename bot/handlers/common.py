"""Small helpers shared by the handlers: who is talking, in which locale, and replying."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.db import queries
from bot.db.models import User
from bot.domain.locale import locale_for
from bot.services import Services, get

Context = ContextTypes.DEFAULT_TYPE
# Echoing a huge message back would be unreadable; this is enough to recognise it.
ECHO_MAX_CHARS = 24


def locale_of(user: User | None) -> str:
    """The content locale for a person (by their zone's country)."""
    return locale_for(user.timezone) if user is not None else "en"


def say(services: Services, key: str, user: User | None = None, /, **variables: Any) -> str:
    """Render a content message in the person's locale; a safety message gets the crisis line
    and emergency number of the person's country, wherever it is sent from."""
    locale = locale_of(user)
    if services.content.item(key, locale).category == "safety":
        variables = {**safety_variables(services, user), **variables}
    return services.content.render(key, locale, **variables)


def safety_variables(
    services: Services, user: User | None, country: str | None = None
) -> dict[str, Any]:
    """The person's country's crisis line and emergency number, ready for a safety template."""
    helplines = services.content.helplines
    code = country or (helplines.country_of(user.country, user.timezone) if user else None)
    values = helplines.variables(code)
    locale = locale_of(user)
    # Rendered by locked templates from checked data: safe to place into other templates.
    values["line"] = Markup(services.content.render("safety.parts.line", locale, **values))
    values["call_now"] = Markup(services.content.render("safety.parts.emergency", locale, **values))
    return values


def echo(text: str) -> str:
    """A short, single-line version of what someone typed, for error messages."""
    flat = " ".join(text.split())
    return flat if len(flat) <= ECHO_MAX_CHARS else flat[: ECHO_MAX_CHARS - 1] + "…"


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
