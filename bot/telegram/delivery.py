"""Every message the bot sends on its own goes out here, after the transaction that decided it.

One place owns what Telegram's refusals mean, so no caller repeats it:

- "message is not modified" (a double tap, an edit to what is shown): done;
- Forbidden (the person blocked the bot, or it was removed from the group): BLOCKED, never retried;
- ChatMigrated (a group became a supergroup): MOVED, with the new chat id;
- "message to edit not found" / "can't be edited": GONE, so the caller may send it afresh;
- any other BadRequest: REFUSED and logged, never retried (BadRequest is a NetworkError subclass,
  so it is caught first);
- TimedOut: MAYBE, it may have arrived, so the caller retries at most once;
- RetryAfter and other network errors: RETRY later.

Nothing here raises for Telegram's answers; callers record the outcome (bot.db.outbox).
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from telegram import Bot, InlineKeyboardMarkup, InputFile, LinkPreviewOptions, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot
from telegram.warnings import PTBUserWarning

from bot.db.models import User
from bot.logs import ref
from bot.services import Services
from bot.telegram import metrics
from bot.telegram.limiter import BULK

log = logging.getLogger(__name__)
# Asking for sendMessage by name keeps Telegram's answer as JSON (see send_prepared); PTB warns
# that a method of that name exists, which is known and wanted here.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.sendMessage'", category=PTBUserWarning)
# As the application's Defaults, which raw requests do not get.
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


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
    markup: InlineKeyboardMarkup | None = None,
    *,
    reply_to: int | None = None,
    photo: Photo | None = None,
    bulk: bool = False,
) -> Delivered:
    """Send one message (or a photo with `text` as caption); unsolicited ones use the bulk lane."""
    reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    try:
        if photo is not None:
            upload = InputFile(photo.data, filename=photo.filename)
            if bulk and isinstance(bot, ExtBot) and bot.rate_limiter is not None:
                message = await bot.send_photo(
                    chat_id,
                    upload,
                    caption=text,
                    reply_markup=markup,
                    reply_parameters=reply,
                    rate_limit_args=BULK,
                )
            else:
                message = await bot.send_photo(
                    chat_id, upload, caption=text, reply_markup=markup, reply_parameters=reply
                )
        elif bulk and isinstance(bot, ExtBot) and bot.rate_limiter is not None:
            message = await bot.send_message(
                chat_id, text, reply_markup=markup, reply_parameters=reply, rate_limit_args=BULK
            )
        else:  # replies, and bots without a limiter (tests, benchmarks with limits off)
            message = await bot.send_message(
                chat_id, text, reply_markup=markup, reply_parameters=reply
            )
    except Exception as exc:  # classified by _failed; anything not from Telegram is re-raised
        return _failed(exc, chat_id)
    return Delivered(Outcome.SENT, message.message_id)


async def send_prepared(
    bot: Bot, chat_id: int, text: str, markup_json: str | None, *, bulk: bool = True
) -> Delivered:
    """`send` for a fan-out: the buttons already serialised (once for everyone who gets the same
    ones) and Telegram's answer kept as JSON. Building and reading PTB objects for every one of
    100,000 prompts was about a quarter of the fan-out's CPU."""
    params: dict[str, object] = {
        "chat_id": chat_id, "text": text, "parse_mode": ParseMode.HTML,
        "link_preview_options": NO_PREVIEW,
    }  # fmt: skip
    if markup_json is not None:
        params["reply_markup"] = markup_json
    try:
        if bulk and isinstance(bot, ExtBot) and bot.rate_limiter is not None:
            result = await bot.do_api_request("sendMessage", params, rate_limit_args=BULK)
        else:
            result = await bot.do_api_request("sendMessage", params)
    except Exception as exc:  # classified by _failed; anything not from Telegram is re-raised
        return _failed(exc, chat_id)
    message_id = result.get("message_id") if isinstance(result, dict) else None
    return Delivered(Outcome.SENT, message_id if isinstance(message_id, int) else None)


def prepared(markup: InlineKeyboardMarkup | None) -> str | None:
    """Buttons serialised once, for `send_prepared`."""
    return markup.to_json() if markup is not None else None


async def edit(
    bot: Bot, chat_id: int, message_id: int, text: str, markup: InlineKeyboardMarkup | None = None
) -> Delivered:
    """Show new text in a message already sent; an identical edit counts as done."""
    try:
        await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id,
                                    reply_markup=markup)  # fmt: skip
    except Exception as exc:
        return _failed(exc, chat_id)
    return Delivered(Outcome.SENT, message_id)


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
        if "not found" in reason or "can't be edited" in reason:
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


async def mark_inactive(services: Services, user_ids: Iterable[int]) -> None:
    """People who blocked the bot: nothing more is sent to them until they write again."""
    ids = set(user_ids)
    if not ids:
        return
    async with services.transaction() as session:
        for user_id in ids:
            user = await session.get(User, user_id)
            if user is not None:
                user.active = False
    log.info("%s people blocked the bot; marked inactive", len(ids))
