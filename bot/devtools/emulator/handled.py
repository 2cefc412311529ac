"""Knowing when the bot has fully handled every update the emulator created."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram import Update

from .emulator import Emulator


class HandledCounter:
    """Counts updates a PTB Application finished processing, to wait for it to catch up.

    Waiting for quiet on the wire is not enough: a handler may spend a while on the database or
    a chart before its first reply. Counting finished updates is exact.
    """

    def __init__(self, application: Any, emulator: Emulator) -> None:
        # Updates another process already took are not this application's to handle.
        self.handled = emulator.updates_created - emulator.pending_updates
        self._changed = asyncio.Event()
        original = application.process_update

        async def counted(update: object) -> None:
            try:
                await original(update)
            finally:
                if isinstance(update, Update):
                    self.handled += 1
                    self._changed.set()

        application.process_update = counted

    def skip(self, count: int) -> None:
        """Updates the runtime settled without PTB (caught up in a flood, or set aside)."""
        self.handled += count
        self._changed.set()

    async def caught_up(self, emulator: Emulator, timeout: float = 10.0) -> None:
        """Wait until every update the emulator created has been handled, then for quiet."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.handled < emulator.updates_created:
            self._changed.clear()
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"bot handled {self.handled} of {emulator.updates_created} updates\n"
                    f"{emulator.dump()}"
                )
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except TimeoutError:
                continue
        await emulator.idle(settle=0.02, timeout=timeout)
