"""Fault injection (scripted errors, hung requests) and optional flood limits."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .models import ApiError, too_many_requests

# Methods that count against Telegram's per-chat and global message limits.
SEND_METHODS = frozenset(
    {
        "sendmessage",
        "sendphoto",
        "senddocument",
        "sendaudio",
        "sendvideo",
        "sendanimation",
        "sendvoice",
        "sendvideonote",
        "sendsticker",
        "sendmediagroup",
        "sendlocation",
        "sendcontact",
        "sendpoll",
        "senddice",
        "copymessage",
        "forwardmessage",
    }
)

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected failure",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot "
    "instance is running",
    500: "Internal Server Error",
}


@dataclass(slots=True)
class Fault:
    """One scripted misbehaviour for the next `times` matching calls."""

    method: str  # lower-case method name or "*"
    chat_id: int | None
    times: int
    status: int = 0  # 0 means "hang" instead of answering with an error
    retry_after: int | None = None
    description: str | None = None
    delivered: bool = True
    hold: float | None = None

    def matches(self, method: str, chat_id: object) -> bool:
        """Does this fault apply to the call?"""
        if self.method not in ("*", method):
            return False
        return self.chat_id is None or self.chat_id == chat_id

    def error(self) -> ApiError:
        """The Telegram-shaped error for this fault."""
        if self.status == 429:
            return too_many_requests(self.retry_after if self.retry_after is not None else 1)
        description = self.description or _DEFAULT_DESCRIPTIONS.get(self.status, "Bad Gateway")
        return ApiError(self.status, description)


class FaultPlan:
    """Ordered scripted faults; the first match wins and is consumed."""

    def __init__(self) -> None:
        self.faults: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        """Schedule a fault."""
        self.faults.append(fault)
        return fault

    def clear(self) -> None:
        """Drop all scheduled faults."""
        self.faults.clear()

    def take(self, method: str, chat_id: object) -> Fault | None:
        """Consume and return the first fault matching this call."""
        for fault in self.faults:
            if fault.matches(method, chat_id):
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
                return fault
        return None


@dataclass(slots=True)
class _Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """Token buckets approximating Telegram's flood limits (global, private, group)."""

    def __init__(
        self,
        per_second: float = 30.0,
        private_per_second: float = 1.0,
        private_burst: int = 3,
        group_per_minute: float = 20.0,
    ) -> None:
        self.enabled = False
        self.per_second = per_second
        self.private_per_second = private_per_second
        self.private_burst = private_burst
        self.group_per_minute = group_per_minute
        self._buckets: dict[object, _Bucket] = {}

    def _take(self, key: object, rate: float, burst: float, now: float) -> float:
        """Take one token; return 0 or the seconds until one is available."""
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(burst, now)
        bucket.tokens = min(burst, bucket.tokens + (now - bucket.stamp) * rate)
        bucket.stamp = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / rate

    def check(self, chat_id: int | None, is_group: bool, now: float) -> None:
        """Raise 429 if this send would exceed a limit."""
        if not self.enabled:
            return
        wait = self._take("global", self.per_second, self.per_second, now)
        if not wait and chat_id is not None:
            if is_group:
                rate = self.group_per_minute / 60
                wait = self._take(chat_id, rate, self.group_per_minute, now)
            else:
                wait = self._take(chat_id, self.private_per_second, self.private_burst, now)
        if wait:
            raise too_many_requests(max(1, math.ceil(wait)))
