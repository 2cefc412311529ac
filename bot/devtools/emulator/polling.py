"""getUpdates long polling with Telegram's offset, limit, timeout and conflict rules."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from .activity import Signal
from .models import JSON, ApiError
from .params import Params
from .state import DEFAULT_UPDATE_TYPES, World


class ServerDown(Exception):
    """Raised inside a request when the emulator was switched to 'down'."""


class Poller:
    """Serves getUpdates; a newer poll terminates an older one with 409 like Telegram."""

    def __init__(
        self, world: World, webhook_url: Callable[[], str], is_down: Callable[[], bool]
    ) -> None:
        self.world = world
        self.signal = Signal()
        self.stopping = False
        self._webhook_url = webhook_url
        self._is_down = is_down
        self._generation = 0
        world.on_update = self.signal.fire

    def wake(self) -> None:
        """Make waiting polls re-check (new updates, down, stop)."""
        self.signal.fire()

    async def get_updates(self, p: Params) -> list[JSON]:
        """Return pending updates, blocking up to `timeout` seconds for the first one."""
        if self._webhook_url():
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = p.integer("offset", 0) or 0
        limit = min(max(p.integer("limit", 100) or 100, 1), 100)
        timeout = max(p.number("timeout", 0.0), 0.0)
        allowed = p.structured("allowed_updates")
        if isinstance(allowed, list):
            self.world.allowed_updates = frozenset(allowed) or DEFAULT_UPDATE_TYPES
        self._generation += 1
        generation = self._generation
        self.signal.fire()
        if offset:
            self.world.confirm(offset)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if self._is_down():
                raise ServerDown
            event = self.signal.event
            batch = self.world.peek(limit)
            if batch or self.stopping:
                return batch
            if generation != self._generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure "
                    "that only one bot instance is running",
                )
            remaining = deadline - loop.time()
            if remaining <= 0:
                return []
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)
