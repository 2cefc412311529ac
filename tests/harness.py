"""Drive the real bot through the emulator as people would: say, tap, read the replies."""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from bot.app import ALLOWED_UPDATES, build_application
from bot.clock import ManualClock
from bot.config import Settings
from bot.devtools.emulator import Emulator, FakeUser, HandledCounter, buttons, format_message
from bot.logs import configure
from bot.services import Services, of
from bot.telegram.jobs import daily as scheduling
from bot.telegram.runtime import Runtime
from bot.views.content import Content

JSON = dict[str, Any]


class Harness:
    """A running bot plus helpers that wait until it has fully handled each action."""

    runtime: Runtime

    def __init__(self, application: Any, emulator: Emulator, clock: ManualClock) -> None:
        self.app = application
        self.emu = emulator
        self.clock = clock
        self.counter = HandledCounter(application, emulator)

    @classmethod
    @asynccontextmanager
    async def running(
        cls,
        settings: Settings,
        emulator: Emulator,
        clock: ManualClock,
        content: Content,
        *,
        rate_limit: bool = False,
        read_timeout: float | None = None,
        tick_seconds: float | None = None,
    ) -> AsyncIterator[Harness]:
        """Build and run the bot with polling until the block ends. The repeating jobs run only
        with `tick_seconds` (tests otherwise run the outboxes themselves: `tick`)."""
        application = build_application(
            settings, clock=clock, content=content, tick_seconds=tick_seconds,
            rate_limit=rate_limit, read_timeout=read_timeout,
        )  # fmt: skip
        harness = cls(application, emulator, clock)
        runtime = Runtime(
            application, allowed_updates=ALLOWED_UPDATES, on_skip=harness.counter.skip
        )
        await runtime.start(polling=True)
        harness.runtime = runtime
        try:
            yield harness
        finally:
            await runtime.stop()

    @property
    def services(self) -> Services:
        """The bot's services (database, clock, content)."""
        return of(self.app)

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until every injected update has been handled and the bot has gone quiet."""
        await self.counter.caught_up(self.emu, timeout)

    async def say(self, user: FakeUser, text: str, chat: Any = None) -> list[JSON]:
        """Send a text message and return every bot output that followed."""
        await self.emu.send_text(user, text, chat=chat)
        return await self._outputs(chat or user)

    async def tap(
        self, user: FakeUser, button: str | int, message: JSON | None = None
    ) -> list[JSON]:
        """Tap a button (by label substring or index) on the newest message that has buttons."""
        target = message or self.last_with_buttons(user)
        assert target is not None, f"no message with buttons for {user.first_name}"
        await self.emu.tap_button(user, target, button)
        return await self._outputs(user)

    async def tap_data(self, user: FakeUser, message: JSON, data: str) -> list[JSON]:
        """Tap with exact callback data (for stale or forged buttons)."""
        await self.emu.tap(user, message, data)
        return await self._outputs(user)

    async def send_sticker(self, user: FakeUser) -> list[JSON]:
        """Send a sticker."""
        await self.emu.send_sticker(user)
        return await self._outputs(user)

    async def tick(self) -> int:
        """Run the outboxes once at the current clock, as the repeating job does."""
        claimed = await scheduling.run_outboxes(self.services, self.app.bot)
        await self.emu.idle(settle=0.02)
        return claimed

    async def _outputs(self, chat: Any) -> list[JSON]:
        await self.settle()
        return await self.emu.replies(chat, settle=0.02)

    def last_with_buttons(self, user: FakeUser) -> JSON | None:
        """The newest bot message in the person's chat that has inline buttons."""
        for message in reversed(self.emu.messages(user)):
            if any(data for _, data in buttons(message)):
                return message
        return None

    def message_with(self, user: FakeUser, fragment: str) -> JSON:
        """The newest bot message in the person's chat whose text contains `fragment`."""
        for message in reversed(self.emu.messages(user)):
            if fragment in str(message.get("text")):
                return message
        raise LookupError(f"no message containing {fragment!r}")

    def popups(self) -> list[str]:
        """Texts of every callback-query answer so far."""
        return [a.text for a in self.emu.callback_answers if a.text]


Row = tuple[str, tuple[str, ...], tuple[str, ...]]


async def talk(
    harness: Harness, person: FakeUser, rows: list[Row], never: tuple[str, ...] = ()
) -> None:
    """Play a dialogue table: each (says, must contain, must not contain) in turn; no reply may
    contain anything in `never`."""
    for says, wanted, unwanted in rows:
        reply = texts(await harness.say(person, says))
        for fragment in wanted:
            assert fragment in reply, (says, fragment, reply)
        for fragment in (*unwanted, *never):
            assert fragment not in reply, (says, fragment, reply)


def texts(outputs: list[JSON]) -> str:
    """All outputs as a person sees them (text and button labels), for 'contains' checks."""
    return "\n---\n".join(format_message(m) for m in outputs)


async def onboard(
    harness: Harness, user: FakeUser, zone: str = "Europe/Berlin", at: str = "09:00"
) -> None:
    """Set a person up by typing their zone and time and skipping the rest."""
    await harness.say(user, "/start")
    await harness.say(user, zone)
    await harness.say(user, at)
    await harness.tap(user, "Skip")
    await harness.tap(user, "Skip")
    outputs = await harness.tap(user, "Done")
    assert "All set" in texts(outputs), texts(outputs)


@contextmanager
def logged(token: str) -> Iterator[io.StringIO]:
    """Everything logged meanwhile, configured as `smallsteps run` does at DEBUG with `token`;
    the root logger is put back as it was afterwards."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    buffer = io.StringIO()
    configure("DEBUG", token, stream=buffer)
    try:
        yield buffer
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in before:
            root.addHandler(handler)
        root.setLevel(level)
