"""Telegram's rate limits with two lanes: replies to people talking to the bot go out at once.

PTB's AIORateLimiter has one overall bucket for everything, so a large daily fan-out starves
interactive replies, and replies wait for a budget meant for bulk sends. Telegram's ~30 a second
is stated for bulk notifications; a reply to someone who just wrote is bounded per chat (about
one a second, short bursts allowed). So: a reply waits only for its own chat's budget (and a
group's 20 a minute); it still takes from the overall budget, so bulk sends (daily prompts,
weekly summaries, group summaries) slow down while many people talk, but it never waits for it.
Bulk sends keep to the overall rate (TELEGRAM_RATE_LIMIT). A 429 pauses that chat's requests
(or every request, when it came without a chat) for its retry_after, and the request is then
retried, so nothing is dropped and one chat's flood limit never holds up another chat.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any, TypedDict

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.telegram import metrics

log = logging.getLogger(__name__)

TELEGRAM_PER_SECOND = 30.0  # Telegram's overall limit
# A little under it: requests reach Telegram with jittered timing, and at exactly the limit an
# early one is answered 429, which pauses every request (replies too) for at least a second.
OVERALL_SHARE = 0.97
OVERALL_PER_SECOND = OVERALL_SHARE * TELEGRAM_PER_SECOND
GROUP_PER_MINUTE = 20
MAX_RETRIES = 5
MAX_GROUPS_TRACKED = 10_000  # group limiters kept, least recently used dropped first
# A private chat: a burst of this many, then about one a second (Telegram's per-chat limit).
PER_CHAT_BURST = 3
# A private chat's one-message-a-second is about new messages. An edit there answers a tap: it
# comes as fast as the person taps (a check-in is eight taps), and pacing it made every
# check-in wait; a 429 would still pause that chat. Groups keep their 20 a minute for all.
PRIVATE_EDITS = frozenset({"editMessageText", "editMessageReplyMarkup", "editMessageCaption"})
MAX_CHATS_TRACKED = 50_000
# Replies may run the overall budget this many seconds into debt; bulk sends wait it out.
MAX_DEBT_SECONDS = 2.0
# Methods that don't send anything don't count against the message limits.
UNLIMITED = frozenset({"getMe", "getUpdates", "answerCallbackQuery", "setMyCommands",
                       "deleteWebhook", "setWebhook", "getWebhookInfo", "getChatMember",
                       "getChat", "logOut", "close", "getFile", "sendChatAction"})  # fmt: skip


def _seconds(value: int | float | timedelta) -> float:
    """retry_after is an int in PTB 22 and a timedelta in later versions."""
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Lane(TypedDict, total=False):
    """Per-call rate-limit arguments: `rate_limit_args={"lane": "bulk"}`."""

    lane: str


BULK: Lane = {"lane": "bulk"}


class PriorityBucket:
    """A token bucket that replies draw on without waiting and bulk sends wait for."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.capacity = rate  # up to one second of burst
        self.tokens = rate
        self.clock = clock
        self.updated = clock()
        self.paused_until = 0.0

    def _refill(self) -> None:
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    async def acquire(self, bulk: bool) -> None:
        """Bulk waits for a token; a reply takes one at once, into debt if need be (which bulk
        then waits out). Both wait while Telegram's 429 pause lasts."""
        while True:
            self._refill()
            now = self.clock()
            if now >= self.paused_until and (not bulk or self.tokens >= 1):
                self.tokens = max(self.tokens - 1, -MAX_DEBT_SECONDS * self.rate)
                return
            wait = max(self.paused_until - now, (1 - self.tokens) / self.rate, 0.001)
            await asyncio.sleep(min(wait, 0.05) if bulk else wait)

    def pause(self, seconds: float) -> None:
        """Telegram said 429: nobody sends until retry_after has passed."""
        self.paused_until = max(self.paused_until, self.clock() + seconds)


class LaneRateLimiter(BaseRateLimiter[Lane]):
    """Overall and per-group limits, with replies ahead of bulk sends."""

    def __init__(self, per_second: float = OVERALL_PER_SECOND, max_retries: int = MAX_RETRIES):
        self.bucket = PriorityBucket(per_second)
        self.max_retries = max_retries
        self._groups: OrderedDict[int, AsyncLimiter] = OrderedDict()
        self._chats: OrderedDict[int, AsyncLimiter] = OrderedDict()
        self._chat_paused: dict[str, float] = {}  # chat id -> monotonic time its 429 ends

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def _group(self, chat_id: int) -> AsyncLimiter:
        limiter = self._groups.pop(chat_id, None) or AsyncLimiter(GROUP_PER_MINUTE, 60)
        self._groups[chat_id] = limiter
        while len(self._groups) > MAX_GROUPS_TRACKED:
            self._groups.popitem(last=False)
        return limiter

    def _chat(self, chat_id: int) -> AsyncLimiter:
        limiter = self._chats.pop(chat_id, None) or AsyncLimiter(PER_CHAT_BURST, PER_CHAT_BURST)
        self._chats[chat_id] = limiter
        while len(self._chats) > MAX_CHATS_TRACKED:
            self._chats.popitem(last=False)
        return limiter

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Lane | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for the lane's turn, send, and retry after a 429 as often as allowed."""
        bulk = (rate_limit_args or {}).get("lane") == "bulk"
        chat_id = data.get("chat_id")
        in_group = isinstance(chat_id, int | str) and str(chat_id).startswith("-")
        chat_key = str(chat_id) if isinstance(chat_id, int | str) else None
        for attempt in range(self.max_retries + 1):
            if chat_key is not None and (wait := self._chat_paused.get(chat_key, 0.0)):
                remaining = wait - time.monotonic()
                if remaining > 0:
                    await asyncio.sleep(remaining)
                self._chat_paused.pop(chat_key, None)
            if endpoint not in UNLIMITED:
                if in_group:
                    await self._group(int(chat_id)).acquire()  # type: ignore[arg-type]
                elif (
                    isinstance(chat_id, int | str) and str(chat_id).isdigit()
                    and endpoint not in PRIVATE_EDITS
                ):  # fmt: skip
                    await self._chat(int(chat_id)).acquire()
                await self.bucket.acquire(bulk)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                metrics.ERRORS.labels("retry_after").inc()
                seconds = _seconds(exc.retry_after)
                if chat_key is not None:
                    # A 429 on a send to one chat is that chat's flood limit (a global one shows
                    # on every chat's sends, and pauses each): the others go on.
                    self._chat_paused[chat_key] = time.monotonic() + seconds
                else:
                    self.bucket.pause(seconds)
                if attempt == self.max_retries:
                    raise
                log.info("429 from Telegram on %s: waiting %.1f s", endpoint, seconds)
        raise AssertionError("unreachable")
