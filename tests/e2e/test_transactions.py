"""What one update costs the database (a typed message, a tap, a command, first contact): the
inbox's own writes, plus at most one transaction for handling it (reading the person, the safety
screen, the open question, the answer and what is said back, together).

Transactions are counted on the engine (every BEGIN, read-only ones included) while the runtime
hands one update to the handlers; the inbox's writes before and after are not counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import pytest
from sqlalchemy import event

from bot.devtools.emulator import FakeUser
from bot.telegram.runtime import Runtime
from tests.harness import Harness, onboard, texts

HANDLING_AT_MOST = 1
# Set while the runtime hands an update to the handlers; copied into any task they start
# (asyncio.wait_for runs the handlers in a task of their own).
HANDLING: ContextVar[bool] = ContextVar("handling", default=False)


class Begins:
    """BEGINs seen while an update is being handled."""

    def __init__(self) -> None:
        self.count = 0

    def begin(self, *_: object) -> None:
        """A transaction began on the engine: counted when it is for handling an update."""
        if HANDLING.get():
            self.count += 1

    @contextmanager
    def counting(self) -> Iterator[Begins]:
        """Start from zero."""
        self.count = 0
        yield self


@pytest.fixture
def begins(monkeypatch: pytest.MonkeyPatch) -> Begins:
    """Mark Runtime._handle while it runs (the handlers and delivery of one update)."""
    seen = Begins()
    original = Runtime._handle

    async def handle(runtime: Runtime, item: Any) -> str:
        token = HANDLING.set(True)
        try:
            return await original(runtime, item)
        finally:
            HANDLING.reset(token)

    monkeypatch.setattr(Runtime, "_handle", handle)
    return seen


async def counted(
    harness: Harness, begins: Begins, person: FakeUser, says: str, *, tap: bool = False
) -> tuple[int, str]:
    """How many transactions handling one typed message (or one tap, `tap`) took, and what the
    bot said."""
    engine = harness.services.engine.sync_engine
    event.listen(engine, "begin", begins.begin)
    try:
        with begins.counting():
            outputs = await (harness.tap(person, says) if tap else harness.say(person, says))
            return begins.count, texts(outputs)
    finally:
        event.remove(engine, "begin", begins.begin)


async def test_an_answer_to_a_check_in_question(harness: Harness, begins: Begins) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await harness.say(robin, "/checkin")
    count, reply = await counted(harness, begins, robin, "4")
    assert "flare" in reply.lower(), reply
    assert count <= HANDLING_AT_MOST, count


async def test_an_everyday_question(harness: Harness, begins: Begins) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    count, reply = await counted(harness, begins, robin, "what is pacing?")
    assert reply, reply
    assert count <= HANDLING_AT_MOST, count


async def test_a_red_flag(harness: Harness, begins: Begins) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    count, reply = await counted(harness, begins, robin, "I have crushing chest pain")
    assert "112" in reply or "emergency" in reply.lower(), reply
    assert count <= HANDLING_AT_MOST, count


async def test_text_in_set_up(harness: Harness, begins: Begins) -> None:
    robin = harness.emu.user("Robin")
    await harness.say(robin, "/start")
    count, reply = await counted(harness, begins, robin, "Europe/London")
    assert "time" in reply.lower(), reply
    assert count <= HANDLING_AT_MOST, count


async def test_a_sticker_and_an_unknown_command(harness: Harness, begins: Begins) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await harness.say(robin, "/checkin")
    engine = harness.services.engine.sync_engine
    event.listen(engine, "begin", begins.begin)
    try:
        with begins.counting():
            reply = texts(await harness.send_sticker(robin))
            assert "How is your pain" in reply, reply
            assert begins.count <= HANDLING_AT_MOST, begins.count
    finally:
        event.remove(engine, "begin", begins.begin)
    count, reply = await counted(harness, begins, robin, "/nope")
    assert "/nope" in reply, reply
    assert count <= HANDLING_AT_MOST, count


async def test_a_tap_on_an_everyday_reply_button(harness: Harness, begins: Begins) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await harness.say(robin, "my sister visits on sunday")
    count, reply = await counted(harness, begins, robin, "Rest today", tap=True)
    assert "Rest it is" in reply, reply
    assert count <= HANDLING_AT_MOST, count


async def test_the_light_checks_i_need_help(harness: Harness, begins: Begins) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin, "Europe/London")
    reply = texts(await harness.say(robin, "watched a documentary about suicide prevention"))
    assert "are you OK" in reply, reply
    count, reply = await counted(harness, begins, robin, "I need help", tap=True)
    assert "116 123" in reply, reply
    assert count <= HANDLING_AT_MOST, count


async def test_every_check_in_tap_and_the_plan_at_its_end(
    harness: Harness, begins: Begins
) -> None:
    """A whole check-in by buttons: each tap, the last one with today's plan, one transaction."""
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await harness.say(robin, "/checkin")
    costs: list[int] = []
    reply = ""
    for button in ("4", "No", "3", "6", "7", "Yes", "Skip"):
        count, reply = await counted(harness, begins, robin, button, tap=True)
        costs.append(count)
    assert "small step" in reply.lower() or "today" in reply.lower(), reply
    assert max(costs) <= HANDLING_AT_MOST, costs
    assert min(costs) == 1, costs  # each tap is stored: the count sees it


@pytest.mark.parametrize(
    ("command", "expect"),
    [
        ("/today", "today"),
        ("/checkin", "pain"),
        ("/progress", ""),
        ("/help", ""),
        ("/pause", ""),
        ("/privacy", ""),
        ("/settings", ""),
    ],
)
async def test_a_command(harness: Harness, begins: Begins, command: str, expect: str) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    count, reply = await counted(harness, begins, robin, command)
    assert expect in reply.lower(), reply
    assert count <= HANDLING_AT_MOST, (command, count)


async def test_first_contact(harness: Harness, begins: Begins) -> None:
    count, reply = await counted(harness, begins, harness.emu.user("Robin"), "/start")
    assert reply, reply
    assert count <= HANDLING_AT_MOST, count
