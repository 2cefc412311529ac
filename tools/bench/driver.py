"""Simulated people, in the emulator's process: check-in dialogues, timed step by step.

A step's latency runs from the moment the person's message or tap is queued in the emulator to
the bot's first output for it: a message, an edit or the answer to the tap. A step is done when
the person can take the next one: for the real bot when the next question has arrived (it edits
the tapped message), for the echo bot when it has answered.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.devtools.emulator import Emulator, FakeUser
from bot.devtools.emulator.params import Params

from .common import JSON, STEPS, latency_ms

BOT = "bot"
ECHO = "echo"


@dataclass
class Watch:
    """One person's step in progress."""

    mode: str
    started: float = 0.0
    first: float | None = None
    waiting: bool = False
    done: asyncio.Event = field(default_factory=asyncio.Event)
    last: JSON | None = None  # the message the next tap goes to


@dataclass
class Timed:
    """What one all-at-once run measured."""

    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        """Answered steps a second."""
        return round(len(self.latencies) / self.elapsed, 1) if self.elapsed else 0.0


class Driver:
    """Runs dialogues and counts the bot's daily prompts, hooked into one emulator."""

    def __init__(self, emu: Emulator) -> None:
        self.emu = emu
        self.watches: dict[int, Watch] = {}
        self.prompt_range = range(0)
        self.prompt_times: list[float] = []
        self.throttled = 0
        emu.subscribe(self._on_output)
        self._wrap("answercallbackquery", self._on_answer)
        self._wrap("sendmessage", self._on_send)
        check = emu.limiter.check

        def counted_check(chat_id: int | None, is_group: bool, now: float) -> None:
            try:
                check(chat_id, is_group, now)
            except Exception:
                self.throttled += 1
                raise

        emu.limiter.check = counted_check  # type: ignore[method-assign]

    def _wrap(self, method: str, before: Callable[[Params], Callable[[], None]]) -> None:
        """Run `before(params)` ahead of an API method and its result once the method succeeds."""
        original = self.emu.handlers[method]

        def wrapped(params: Params) -> Any:
            after = before(params)
            result = original(params)
            after()
            return result

        self.emu.handlers[method] = wrapped

    # hooks -----------------------------------------------------------------------------------

    def _on_output(self, message: JSON) -> None:
        """A new message or an edit from the bot."""
        watch = self.watches.get(message["chat"]["id"])
        if watch is None:
            return
        if watch.mode == ECHO or message.get("reply_markup"):
            watch.last = message
        if watch.waiting:
            watch.first = watch.first or time.perf_counter()
            watch.waiting = False
            watch.done.set()

    def _on_answer(self, params: Params) -> Callable[[], None]:
        """answerCallbackQuery: the first output for a tap (the whole answer of the echo bot)."""
        query = self.emu.world.pending_callbacks.get(params.string("callback_query_id") or "")
        watch = self.watches.get(query["from"]["id"]) if query else None

        def answered() -> None:
            if watch is not None and watch.waiting:
                watch.first = watch.first or time.perf_counter()
                if watch.mode == ECHO:
                    watch.waiting = False
                    watch.done.set()

        return answered

    def _on_send(self, params: Params) -> Callable[[], None]:
        """sendMessage: count daily prompts to the fan-out's people."""
        chat_id = params.get("chat_id")
        if isinstance(chat_id, int) and chat_id in self.prompt_range:
            return lambda: self.prompt_times.append(time.perf_counter())
        return _nothing

    # commands ----------------------------------------------------------------------------------

    def add_people(self, first: int, count: int) -> None:
        """Emulator users with the given ids who have started the bot already."""
        for user_id in range(first, first + count):
            self.emu.user(f"P{user_id}", user_id=user_id, started=True)

    def watch_prompts(self, first: int, count: int) -> None:
        """Count sendMessage calls to these people from now on."""
        self.prompt_range = range(first, first + count)
        self.prompt_times = []

    def prompt_figures(self, since: float = 0.0) -> JSON:
        """Prompts delivered so far (and since a moment), and who got how many."""
        counts = [
            self.emu.world.chats[user_id].bot_sent
            for user_id in self.prompt_range
            if user_id in self.emu.world.chats
        ]
        return {
            "delivered": len(self.prompt_times),
            "delivered_since": sum(1 for t in self.prompt_times if t >= since),
            "people_prompted": sum(1 for c in counts if c),
            "most_to_one_person": max(counts, default=0),
            "first_at": self.prompt_times[0] if self.prompt_times else None,
            "last_at": self.prompt_times[-1] if self.prompt_times else None,
        }

    async def dialogues(
        self,
        first: int,
        count: int,
        mode: str,
        think: tuple[float, float] = (0.0, 0.0),
        timeout: float = 120.0,
    ) -> JSON:
        """Every person runs one check-in dialogue, all at once; figures for the lot."""
        rng = random.Random(first)

        async def run(user: FakeUser, timed: Timed) -> None:
            watch = self.watches[user.id]
            act: Awaitable[Any]
            for index, step in enumerate(STEPS):
                if think[1] > 0:
                    await asyncio.sleep(rng.uniform(*think))
                if index == 0:
                    act = self.emu.send_text(user, step)
                elif watch.last is None:
                    timed.failures.append(f"{user.id}: nothing to tap for {step!r}")
                    return
                elif mode == BOT:
                    act = self.emu.tap_button(user, watch.last, step)
                else:
                    act = self.emu.tap(user, watch.last, f"echo:{step}")
                if not await self._step(user, act, step, timeout, timed):
                    return

        timed = await self._everyone(first, count, mode, run)
        return {
            "people": count,
            "steps": len(timed.latencies),
            "seconds": round(timed.elapsed, 3),
            "steps_per_second": timed.rate,
            "latency": latency_ms(timed.latencies),
            "failures": timed.failures[:5],
            "failed": len(timed.failures),
        }

    async def one_message_each(
        self, first: int, count: int, mode: str, text: str, timeout: float = 60.0
    ) -> JSON:
        """Every person sends one message at once; time to the bot's first output for each."""

        async def run(user: FakeUser, timed: Timed) -> None:
            await self._step(user, self.emu.send_text(user, text), text, timeout, timed)

        timed = await self._everyone(first, count, mode, run)
        return {
            "people": count,
            "answered": len(timed.latencies),
            "seconds": round(timed.elapsed, 3),
            "per_second": timed.rate,
            "latency": latency_ms(timed.latencies),
            "failed": len(timed.failures),
        }

    async def _step(
        self, user: FakeUser, act: Awaitable[Any], what: str, timeout: float, timed: Timed
    ) -> bool:
        """One timed step: from the action to the bot's first output; False if none came."""
        watch = self.watches[user.id]
        watch.first, watch.waiting = None, True
        watch.done.clear()
        watch.started = time.perf_counter()
        await act
        try:
            await asyncio.wait_for(watch.done.wait(), timeout)
        except TimeoutError:
            timed.failures.append(f"{user.id}: no answer to {what!r} within {timeout:.0f} s")
            return False
        assert watch.first is not None
        timed.latencies.append(watch.first - watch.started)
        return True

    async def _everyone(
        self,
        first: int,
        count: int,
        mode: str,
        run: Callable[[FakeUser, Timed], Awaitable[None]],
    ) -> Timed:
        """Run `run` for every person at once, each watched; the latencies and failures."""
        timed = Timed()
        people = [self.emu.world.users[user_id] for user_id in range(first, first + count)]
        for user in people:
            self.watches[user.id] = Watch(mode)
        began = time.perf_counter()
        await asyncio.gather(*(run(user, timed) for user in people))
        timed.elapsed = time.perf_counter() - began
        for user in people:
            del self.watches[user.id]
        return timed

    async def flood(self, user_id: int, messages: int) -> JSON:
        """One person sends many messages as fast as the emulator takes them."""
        user = self.emu.world.users[user_id]
        for n in range(messages):
            await self.emu.send_text(user, f"message {n} about my day")
        return {"sent": messages}

    def hang(self, user_id: int, seconds: float) -> JSON:
        """The bot's next sends to this person hang for `seconds` before they are answered."""
        self.emu.timeout_next("sendMessage", hold=seconds, chat=user_id, times=5)
        return {"hanging": user_id}


def _nothing() -> None:
    """No follow-up after the call."""
