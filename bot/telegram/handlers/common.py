"""Small helpers shared by the handlers: who is talking, and replying to them."""

from __future__ import annotations

from typing import TypeVar

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot.db.models import User
from bot.services import Services, get
from bot.telegram import delivery
from bot.usecases import people
from bot.usecases.answers import Answer
from bot.views.callbacks import Codec
from bot.views.render import say

Context = ContextTypes.DEFAULT_TYPE
Tap = TypeVar("Tap", bound=Codec)


async def send(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Say something in the chat the update came from (delivered after the handler returned)."""
    chat = update.effective_chat
    if chat is not None:
        await delivery.later(update.get_bot(), delivery.Say(chat.id, text, markup))


async def send_now(
    update: Update, text: str, markup: InlineKeyboardMarkup | None = None
) -> int | None:
    """Send at once and return the message id, for a message the bot must find again (a group's
    set-up message). Everything else goes through `send`."""
    chat = update.effective_chat
    if chat is None:
        return None
    done = await delivery.send(update.get_bot(), chat.id, text, markup)
    return done.message_id


async def edit_or_send(
    update: Update, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Turn the tapped message into the next step; sent anew when it can't be edited. A double
    tap re-renders the same step, which delivery counts as done."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message):
        message = query.message
        edit = delivery.Edit(message.chat.id, message.message_id, text, markup)
        await delivery.later(update.get_bot(), edit)
        return
    await send(update, text, markup)


async def popup(
    query: CallbackQuery | None,
    text: str | None = None,
    show_alert: bool = False,
    url: str | None = None,
) -> None:
    """Answer a button tap (a popup with `text`, or just the end of the spinner)."""
    if query is not None:
        await delivery.later(query.get_bot(), delivery.Popup(query.id, text, show_alert, url))


async def show(update: Update, answer: Answer) -> None:
    """Deliver what a use case said: the tap's popup, the tapped message's new look, then any
    new messages (all after the handler returned)."""
    if update.callback_query is not None:
        await popup(update.callback_query, answer.popup, answer.alert, answer.url)
    if answer.edit is not None:
        await edit_or_send(update, *answer.edit)
    query = update.callback_query
    changed = answer.buttons is not None or answer.drop_buttons
    if changed and query is not None and isinstance(query.message, Message):
        # Already without buttons (a double tap): nothing to tidy, and delivery says so.
        where = query.message
        buttons = delivery.Buttons(where.chat.id, where.message_id, answer.buttons)
        await delivery.later(update.get_bot(), buttons)
    for text, markup in answer.sends:
        await send(update, text, markup)
    chat = update.effective_chat
    if chat is None:
        return
    for file in answer.files:
        upload = delivery.Upload(chat.id, file.data, file.filename, file.caption, file.photo)
        await delivery.later(update.get_bot(), upload)


async def read_tap(services: Services, update: Update, codec: type[Tap]) -> Tap | None:
    """The tap of a button of `codec`'s family; a forged, garbled or stale one gets the popup
    and None (so does an update that is no tap)."""
    query = update.callback_query
    if query is None or query.data is None or update.effective_user is None:
        return None
    tapped = codec.parse(query.data)
    if tapped is None:
        await stale_tap(services, update)
    return tapped


async def stale_tap(services: Services, update: Update, user: User | None = None) -> None:
    """A forged, garbled or out-of-date button: a short friendly popup, and nothing changes."""
    await popup(update.callback_query, say(services.content, "error.stale_button", user))


async def load_user(services: Services, update: Update) -> User | None:
    """The stored person behind an update, if any (read only)."""
    if update.effective_user is None:
        return None
    return await people.person(services, update.effective_user.id)


def services_of(context: Context) -> Services:
    """Typed access to the application's services."""
    return get(context)
