"""Every message the bot sends on its own goes out here, after the transaction that decided it.

One place owns what Telegram's refusals mean, so no caller repeats it:

- "message is not modified" (a double tap, an edit to what is shown): done;
- Forbidden (the person blocked the bot, or it was removed from the group): BLOCKED, never retried;
- ChatMigrated (a group became a supergroup): MOVED, with the new chat id;
- "message to edit not found", "can't be edited", "no text in the message" (a photo): GONE,
  so the caller may send it afresh;
- any other BadRequest: REFUSED and logged, never retried (BadRequest is a NetworkError subclass,
  so it is caught first);
- TimedOut: MAYBE, it may have arrived, so the caller retries at most once;
- RetryAfter and other network errors: RETRY later.

Nothing here raises for Telegram's answers; callers record the outcome (bot.db.outbox).
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Awaitable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, InputFile, LinkPreviewOptions, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot
from telegram.warnings import PTBUserWarning

from bot.logs import ref
from bot.services import Services
from bot.telegram import metrics
from bot.telegram.limiter import BULK
from bot.usecases import people

log = logging.getLogger(__name__)
# Asking for a method by name keeps Telegram's answer as JSON (see _request); PTB warns that a
# method of that name exists, which is known and wanted here.
warnings.filterwarnings(
    "ignore",
    message=r"Please use 'Bot\.(sendMessage|sendPhoto|editMessageText|answerCallbackQuery)'",
    category=PTBUserWarning,
)
_CANNOT_EDIT = ("not found", "can't be edited", "no text in the message")
# As the application's Defaults, which raw requests do not get.
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


# Buttons as plain JSON data, made once for many people (bot.usecases.prompts).
Prepared = dict[str, Any]


class Outcome(StrEnum):
    """What became of one Bot API call."""

    SENT = "sent"
    BLOCKED = "blocked"
    MOVED = "moved"
    GONE = "gone"
    REFUSED = "refused"
    MAYBE = "maybe"
    RETRY = "retry"


@dataclass(frozen=True)
class Delivered:
    """The outcome of a send or an edit, with the message id or the group's new chat id."""

    outcome: Outcome
    message_id: int | None = None
    new_chat_id: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the person or group sees the message now."""
        return self.outcome is Outcome.SENT


@dataclass(frozen=True)
class Photo:
    """A picture to send with the text as its caption."""

    data: bytes
    filename: str


async def send(
    bot: Bot,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | Prepared | None = None,
    *,
    reply_to: int | None = None,
    photo: Photo | None = None,
    bulk: bool = False,
) -> Delivered:
    """Send one message (or a photo with `text` as caption); unsolicited ones use the bulk lane.
    `markup` may come as plain JSON data already (`prepared`), once for many in a fan-out."""
    params: dict[str, object] = {"chat_id": chat_id, "parse_mode": ParseMode.HTML}
    if photo is not None:
        params.update(photo=InputFile(photo.data, filename=photo.filename), caption=text)
    else:
        params.update(text=text, link_preview_options=NO_PREVIEW)
    if markup is not None:
        params["reply_markup"] = markup
    if reply_to:
        params["reply_parameters"] = ReplyParameters(reply_to, allow_sending_without_reply=True)
    return await _request(bot, "sendPhoto" if photo else "sendMessage", params, chat_id, bulk)


async def edit(
    bot: Bot, chat_id: int, message_id: int, text: str, markup: InlineKeyboardMarkup | None = None
) -> Delivered:
    """Show new text in a message already sent; an identical edit counts as done."""
    params: dict[str, object] = {
        "chat_id": chat_id, "message_id": message_id, "text": text,
        "parse_mode": ParseMode.HTML, "link_preview_options": NO_PREVIEW,
    }  # fmt: skip
    if markup is not None:
        params["reply_markup"] = markup
    done = await _request(bot, "editMessageText", params, chat_id, bulk=False)
    return Delivered(done.outcome, message_id if done.ok else None, done.new_chat_id)


async def _request(
    bot: Bot, method: str, params: dict[str, object], chat_id: int, bulk: bool
) -> Delivered:
    """One Bot API call with Telegram's answer kept as JSON: only the message id is needed, and
    building PTB's Message (with its buttons) from every answer was a large share of the CPU
    of a reply, and about a quarter of a fan-out's."""
    try:
        if bulk and isinstance(bot, ExtBot) and bot.rate_limiter is not None:
            result = await bot.do_api_request(method, params, rate_limit_args=BULK)
        else:  # replies, and bots without a limiter (tests, benchmarks with limits off)
            result = await bot.do_api_request(method, params)
    except Exception as exc:  # classified by _failed; anything not from Telegram is re-raised
        return _failed(exc, chat_id)
    message_id = result.get("message_id") if isinstance(result, dict) else None
    return Delivered(Outcome.SENT, message_id if isinstance(message_id, int) else None)


def _failed(exc: Exception, chat_id: int) -> Delivered:
    """What a Telegram error means for the caller; other exceptions are bugs and propagate."""
    if isinstance(exc, ChatMigrated):
        return Delivered(Outcome.MOVED, new_chat_id=exc.new_chat_id)
    if isinstance(exc, Forbidden):
        metrics.ERRORS.labels("blocked").inc()
        return Delivered(Outcome.BLOCKED)
    if isinstance(exc, BadRequest):
        reason = str(exc).lower()
        if "not modified" in reason:
            return Delivered(Outcome.SENT)
        # Deleted, too old, or a photo (its caption is not text): the caller may send anew.
        if any(gone in reason for gone in _CANNOT_EDIT):
            return Delivered(Outcome.GONE)
        metrics.ERRORS.labels("bad_request").inc()
        log.warning("message to chat %s refused: %s", ref(chat_id), exc)
        return Delivered(Outcome.REFUSED)
    if isinstance(exc, TimedOut):
        metrics.ERRORS.labels("network").inc()
        return Delivered(Outcome.MAYBE)
    if isinstance(exc, RetryAfter | NetworkError):
        metrics.ERRORS.labels("network").inc()
        return Delivered(Outcome.RETRY)
    raise exc


async def mark_inactive(
    services: Services, user_ids: Iterable[int] = (), chat_ids: Iterable[int] = ()
) -> None:
    """People who blocked the bot (by id, or by their private chat): nothing more is sent to
    them until they write again. The one place that decides it (bot.usecases.people stores it)."""
    named = await people.blocked(services, user_ids, chat_ids)
    if named:
        log.info("%s people blocked the bot; marked inactive", named)


# What an update's handlers say, delivered after they return --------------------------------
#
# Handlers and the use cases they call decide what to say inside their transactions; the
# runtime collects it here (`collect`) and delivers it in order once the handlers have
# returned, so every Telegram call of an update comes after its commits, and an update that
# waits for the database (handled again later) says nothing twice.


@dataclass(frozen=True)
class Say:
    """A new message in a chat."""

    chat_id: int
    text: str
    markup: InlineKeyboardMarkup | None = None


@dataclass(frozen=True)
class Edit:
    """New text for a message already shown (the tapped one); sent anew if it is gone."""

    chat_id: int
    message_id: int
    text: str
    markup: InlineKeyboardMarkup | None = None


@dataclass(frozen=True)
class Buttons:
    """New buttons (or none) under a message, its text unchanged."""

    chat_id: int
    message_id: int
    markup: InlineKeyboardMarkup | None = None


@dataclass(frozen=True)
class Popup:
    """The answer to a button tap: a short popup, or nothing but the end of the spinner."""

    query_id: str
    text: str | None = None
    alert: bool = False
    url: str | None = None  # a t.me link that opens the bot with a start parameter


@dataclass(frozen=True)
class Upload:
    """A picture or a file, with an optional caption."""

    chat_id: int
    data: bytes
    filename: str
    caption: str | None = None
    photo: bool = False


@dataclass(frozen=True)
class Leave:
    """The bot leaves a chat (a channel it was added to)."""

    chat_id: int


Effect = Say | Edit | Buttons | Popup | Upload | Leave
_collected: ContextVar[list[Effect] | None] = ContextVar("collected", default=None)


@contextmanager
def collect() -> Iterator[list[Effect]]:
    """Collect what the handlers of one update say, to deliver once they returned."""
    effects: list[Effect] = []
    token = _collected.set(effects)
    try:
        yield effects
    finally:
        _collected.reset(token)


async def later(bot: Bot, effect: Effect) -> None:
    """Say this after the update's handlers returned (at once when nothing is collecting, as in
    a job or a script)."""
    effects = _collected.get()
    if effects is not None:
        effects.append(effect)
    else:
        await deliver_effects(bot, None, [effect])


async def deliver_effects(bot: Bot, services: Services | None, effects: list[Effect]) -> None:
    """Deliver in order; a person who blocked the bot is marked inactive; nothing raises."""
    blocked: set[int] = set()
    for effect in effects:
        done = await _deliver(bot, effect)
        if done.outcome is Outcome.BLOCKED and not isinstance(effect, Popup):
            blocked.add(effect.chat_id)
    if services is not None:
        await mark_inactive(services, chat_ids=blocked)


async def _deliver(bot: Bot, effect: Effect) -> Delivered:
    """One effect, as one (or, for a vanished message, two) Bot API calls."""
    match effect:
        case Say(chat_id, text, markup):
            return await send(bot, chat_id, text, markup)
        case Edit(chat_id, message_id, text, markup):
            done = await edit(bot, chat_id, message_id, text, markup)
            if done.outcome is Outcome.GONE:
                return await send(bot, chat_id, text, markup)
            return done
        case Buttons(chat_id, message_id, markup):
            return await _call(chat_id, bot.edit_message_reply_markup(
                chat_id=chat_id, message_id=message_id, reply_markup=markup))  # fmt: skip
        case Popup(query_id, text, alert, url):
            # Raw, as sends and edits (see _request): PTB's typed method cost more than the call.
            params: dict[str, object] = {"callback_query_id": query_id}
            if text is not None:
                params["text"] = text
            if alert:
                params["show_alert"] = True
            if url is not None:
                params["url"] = url
            return await _request(bot, "answerCallbackQuery", params, 0, bulk=False)
        case Upload(chat_id, data, filename, caption, photo):
            upload = InputFile(data, filename=filename)
            call = (bot.send_photo(chat_id, upload, caption=caption) if photo
                    else bot.send_document(chat_id, upload, caption=caption))  # fmt: skip
            return await _call(chat_id, call)
        case Leave(chat_id):
            return await _call(chat_id, bot.leave_chat(chat_id))
    raise TypeError(effect)


async def _call(chat_id: int, call: Awaitable[object]) -> Delivered:
    """Await one Bot API call and say what became of it."""
    try:
        await call
    except Exception as exc:  # classified by _failed; anything not from Telegram is re-raised
        return _failed(exc, chat_id)
    return Delivered(Outcome.SENT)
