"""The public `Emulator`: waiting helpers, fault controls and PTB wiring."""

from __future__ import annotations

import datetime as dtm
import math
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from telegram import Bot
from telegram.ext import Application, ApplicationBuilder
from telegram.request import HTTPXRequest

from .core import ChatRef
from .faults import Fault
from .inject import InjectMixin
from .models import JSON
from .reading import ReadMixin
from .render import format_message

if TYPE_CHECKING:
    from telegram.ext._applicationbuilder import InitApplicationBuilder

AppT = TypeVar("AppT", bound="Application[Any, Any, Any, Any, Any, Any]")
_INF = math.inf


class Emulator(InjectMixin, ReadMixin):
    """A local Telegram Bot API server for driving a real python-telegram-bot stack.

    Each injected user action (send_text, tap, ...) sets a per-chat marker; `reply()` and
    `replies()` return the bot's outputs (new messages and edits) after that marker.
    """

    # waiting -------------------------------------------------------------------

    async def wait_for(
        self,
        predicate: Callable[[Emulator], object],
        timeout: float = 5.0,
        what: str = "",
        recheck: float = 0.05,
    ) -> None:
        """Wait until predicate(emu) is truthy.

        Re-checked after every API call and inject; also every `recheck` seconds, since a
        predicate may look at state outside the emulator (handler side effects, a database).
        """
        done = await self.activity.wait_until(
            lambda: 0 if predicate(self) else _INF, timeout, recheck
        )
        if not done:
            raise TimeoutError(
                f"condition {what or predicate!r} not met within {timeout}s\n{self.dump()}"
            )

    def _idle_delay(self, settle: float) -> float:
        if self.world.undelivered or self.activity.busy:
            return _INF
        return settle - self.activity.quiet_for()

    async def idle(self, settle: float = 0.2, timeout: float = 5.0) -> None:
        """Wait until every update was fetched and no API call happened for `settle` s."""
        if not await self.activity.wait_until(lambda: self._idle_delay(settle), timeout):
            raise TimeoutError(
                f"bot not idle within {timeout}s (pending updates: "
                f"{self.world.undelivered}, in-flight calls: "
                f"{self.activity.inflight - self.activity.hung})\n{self.dump()}"
            )

    async def reply(self, chat: ChatRef, timeout: float = 5.0) -> JSON:
        """The first bot output in `chat` after the last inject (or previous reply())."""
        state = self.state_of(chat)
        ready = await self.activity.wait_until(
            lambda: 0 if state.output_count > state.marker else _INF, timeout
        )
        if not ready:
            raise TimeoutError(
                f"no bot reply in chat {state.chat.id} within {timeout}s\n{self.dump()}"
            )
        state.marker = max(state.marker, state.dropped)
        msg = state.output(state.marker)
        state.marker += 1
        return dict(msg)

    async def replies(
        self, chat: ChatRef, count: int | None = None, settle: float = 0.3, timeout: float = 5.0
    ) -> list[JSON]:
        """Outputs after the marker: exactly `count` of them, or all once the bot is quiet."""
        state = self.state_of(chat)
        if count is None:
            await self.idle(settle, timeout)
            end = state.output_count
        else:
            ready = await self.activity.wait_until(
                lambda: 0 if state.output_count - state.marker >= count else _INF, timeout
            )
            if not ready:
                got = state.output_count - state.marker
                raise TimeoutError(
                    f"expected {count} bot outputs in chat {state.chat.id}, got "
                    f"{got} within {timeout}s\n{self.dump()}"
                )
            end = state.marker + count
        outputs = state.outputs_from(state.marker)[: end - max(state.marker, state.dropped)]
        state.marker = end
        return [dict(m) for m in outputs]

    async def next_message(self, chat: ChatRef, timeout: float = 5.0) -> JSON:
        """The next bot output in `chat` produced after this call (ignores the marker)."""
        state = self.state_of(chat)
        start = state.output_count
        ready = await self.activity.wait_until(
            lambda: 0 if state.output_count > start else _INF, timeout
        )
        if not ready:
            raise TimeoutError(
                f"no new bot output in chat {state.chat.id} within {timeout}s\n{self.dump()}"
            )
        return dict(state.output(max(start, state.dropped)))

    def mark(self, chat: ChatRef) -> None:
        """Move the chat's reply marker to now, skipping unread outputs."""
        state = self.state_of(chat)
        state.marker = state.output_count

    # faults --------------------------------------------------------------------

    def fail_next(
        self,
        method: str = "*",
        status: int = 429,
        *,
        retry_after: int = 2,
        times: int = 1,
        chat: ChatRef | None = None,
        description: str | None = None,
    ) -> Fault:
        """Make the next `times` matching calls fail with `status` (429 carries retry_after)."""
        return self.faults.add(
            Fault(
                method.lower(),
                None if chat is None else self.chat_id_of(chat),
                times,
                status,
                retry_after,
                description,
            )
        )

    def timeout_next(
        self,
        method: str = "*",
        *,
        times: int = 1,
        delivered: bool = True,
        hold: float | None = None,
        chat: ChatRef | None = None,
    ) -> Fault:
        """Hold the next matching calls open for `hold` s (default timeout_hold, 30 s).

        With delivered=True the call still takes effect (Telegram may deliver a send whose
        response timed out), so the bot's retry logic can be checked for duplicates.
        """
        return self.faults.add(
            Fault(
                method.lower(),
                None if chat is None else self.chat_id_of(chat),
                times,
                delivered=delivered,
                hold=hold,
            )
        )

    def clear_faults(self) -> None:
        """Cancel all scheduled faults."""
        self.faults.clear()

    def set_rate_limits(
        self,
        enabled: bool = True,
        *,
        per_second: float = 30.0,
        private_per_second: float = 1.0,
        private_burst: int = 3,
        group_per_minute: float = 20.0,
    ) -> None:
        """Turn Telegram-like flood limits (429 + retry_after) on or off."""
        limiter = self.limiter
        limiter.enabled = enabled
        limiter.per_second = per_second
        limiter.private_per_second = private_per_second
        limiter.private_burst = private_burst
        limiter.group_per_minute = group_per_minute

    def down(self, is_down: bool = True, *, mode: str = "502") -> None:
        """Simulate an outage: answer 502 (mode '502') or drop connections (mode 'drop').

        Updates injected meanwhile stay queued and are delivered once the server is back.
        """
        if mode not in ("502", "drop"):
            raise ValueError("mode must be '502' or 'drop'")
        self.down_mode = mode if is_down else None
        self.poller.wake()

    # python-telegram-bot wiring -------------------------------------------------

    def application_builder(
        self,
        *,
        read_timeout: float | None = None,
        write_timeout: float | None = None,
        connect_timeout: float | None = None,
    ) -> InitApplicationBuilder:
        """An ApplicationBuilder already pointed at this emulator."""
        builder = (
            ApplicationBuilder()
            .token(self.token)
            .base_url(self.base_url)
            .base_file_url(self.base_file_url)
        )
        if read_timeout is not None:
            builder = builder.read_timeout(read_timeout).get_updates_read_timeout(read_timeout)
        if write_timeout is not None:
            builder = builder.write_timeout(write_timeout)
        if connect_timeout is not None:
            builder = builder.connect_timeout(connect_timeout)
        return builder

    def make_bot(self, *, read_timeout: float = 5.0, write_timeout: float = 5.0) -> Bot:
        """A bare telegram.Bot talking to this emulator (call `await bot.initialize()`)."""
        return Bot(
            self.token,
            base_url=self.base_url,
            base_file_url=self.base_file_url,
            request=HTTPXRequest(read_timeout=read_timeout, write_timeout=write_timeout),
            get_updates_request=HTTPXRequest(read_timeout=read_timeout),
        )

    @asynccontextmanager
    async def running(
        self, app: AppT, *, poll_timeout: float = 1.0, allowed_updates: list[str] | None = None
    ) -> AsyncIterator[AppT]:
        """Run `app` with polling for the duration of the block, then shut it down cleanly."""
        await app.initialize()
        await app.start()
        updater = app.updater
        if updater is None:
            raise RuntimeError("application was built without an Updater")
        await updater.start_polling(
            poll_interval=0,
            timeout=dtm.timedelta(seconds=poll_timeout),
            allowed_updates=allowed_updates,
        )
        try:
            yield app
        finally:
            if updater.running:
                await updater.stop()
            if app.running:
                await app.stop()
            await app.shutdown()

    # diagnostics ---------------------------------------------------------------

    def dump(self, limit: int = 15) -> str:
        """Recent calls and per-chat state, for failure messages."""
        lines = [f"-- last {limit} API calls --"]
        for call in self.calls[-limit:]:
            outcome = f"ERROR {call.error}" if call.error else "ok"
            params = {k: v for k, v in call.params.items() if k not in ("reply_markup",)}
            lines.append(f"{call.method} {params} -> {outcome}{' (hung)' if call.hung else ''}")
        lines.append(
            f"-- pending updates: {self.world.undelivered}; "
            f"faults scheduled: {len(self.faults.faults)} --"
        )
        for state in self.world.chats.values():
            if not state.outputs:
                continue
            label = state.chat.title or state.chat.first_name or state.chat.id
            lines.append(
                f"-- chat {label} ({state.chat.id}): {state.output_count} outputs, "
                f"marker {state.marker} --"
            )
            for msg in state.outputs[-3:]:
                text = format_message(msg).replace("\n", " | ")
                lines.append(f"  #{msg['message_id']}: {text[:200]}")
        if self.internal_errors:
            lines.append(f"-- emulator internal errors: {self.internal_errors!r} --")
        return "\n".join(lines)
