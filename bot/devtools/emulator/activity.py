"""Change notification and quiet-period tracking that the wait helpers build on."""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import Callable


class Signal:
    """A broadcast 'something changed' edge: waiters grab the event, re-check, then wait."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = asyncio.Event()

    @property
    def event(self) -> asyncio.Event:
        """The event the next `fire` will set."""
        return self._event

    def reset(self) -> None:
        """Drop the current event (it may be bound to a previous event loop)."""
        self._event = asyncio.Event()

    def fire(self) -> None:
        """Wake everyone waiting on the current event."""
        event, self._event = self._event, asyncio.Event()
        event.set()


class Activity:
    """Tracks in-flight API calls and when the bot last did anything."""

    def __init__(self) -> None:
        self.signal = Signal()
        self.inflight = 0
        self.hung = 0  # requests deliberately held by timeout_next; they never "finish"
        self.last = time.monotonic()

    def begin(self) -> None:
        """An API call arrived."""
        self.inflight += 1
        self.last = time.monotonic()

    def end(self) -> None:
        """An API call was answered."""
        self.inflight -= 1
        self.touch()

    def touch(self) -> None:
        """Record activity and wake waiters."""
        self.last = time.monotonic()
        self.signal.fire()

    @property
    def busy(self) -> bool:
        """Calls other than deliberately hung ones are being processed."""
        return self.inflight > self.hung

    def quiet_for(self) -> float:
        """Seconds since the last activity."""
        return time.monotonic() - self.last

    async def wait_until(
        self, ready: Callable[[], float], timeout: float, recheck: float = math.inf
    ) -> bool:
        """Wait until ready() <= 0; ready returns seconds to re-check after (inf = on change).

        `recheck` bounds the wait for conditions that may also change outside the emulator.
        """
        deadline = time.monotonic() + timeout
        while True:
            event = self.signal.event
            delay = min(ready(), recheck)
            if delay <= 0:
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            wait = min(delay, remaining)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), wait)
