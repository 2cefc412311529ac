"""The runtime under faults, through the emulator: a database that goes away, a poison update,
a flood, a chat that hangs. Nobody is lost, nobody waits for someone else."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import types
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import COMMANDS, build_application
from bot.clock import ManualClock
from bot.config import Settings, load_settings
from bot.db import inbox
from bot.db.inbox import InboxUpdate
from bot.db.session import make_engine, make_sessionmaker
from bot.devtools.emulator import Emulator, FakeUser
from bot.telegram import runtime as runtime_module
from bot.telegram.runtime import (
    FLOOD_BACKLOG,
    MAX_ATTEMPTS,
    MAX_DEPTH,
    MAX_UPDATE_ID,
    SECRET_HEADER,
    STALL_AFTER,
    Runtime,
)
from bot.views.content import Content
from tests.harness import Harness, onboard, texts

APOLOGY = "Sorry, something went wrong"
# A bound parameter as asyncpg's dialect writes it (with its cast), or as SQLite's: `only`
# fragments are written with "?".
PLACEHOLDER = re.compile(
    r"(?:%s|%\(\w+\)s|\$\d+)(?:::(?:TIMESTAMP WITH(?:OUT)? TIME ZONE|[A-Z]+))?"
)
MARKING = "handled_at=?, chat_id=?, user_id=?, claimed_by=? WHERE"  # marking updates handled


class Outage:
    """Every statement (or only those containing `only`) fails as if the database had gone
    away, while `on` is set."""

    def __init__(self, engine: AsyncEngine, only: str = "") -> None:
        self.on = False
        self.seen = 0  # statements it applies to, failed or not
        self.failed = 0
        self._only = only
        self._error = engine.dialect.dbapi.OperationalError  # type: ignore[union-attr]
        event.listen(engine.sync_engine, "before_cursor_execute", self._check)

    def _check(self, _connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statement = PLACEHOLDER.sub("?", statement)  # PostgreSQL's %s::TYPE, as SQLite's ?
        self.seen += self._only in statement
        if self.on and self._only in statement:
            self.failed += 1
            # Wrapped as the engine wraps a failure of the driver's own execute.
            orig = self._error("server closed the connection unexpectedly (injected)")
            raise OperationalError(statement, None, orig)


async def wait_reply(emu: Emulator, person: FakeUser, after: int, timeout: float = 20) -> str:
    """The text of the bot's messages to `person` beyond the first `after`, once there is one."""
    await emu.wait_for(lambda e: len(e.messages(person)) > after, timeout=timeout)
    return texts(emu.messages(person)[after:])


async def test_a_database_blip_while_handling_is_waited_out_not_apologised_for(
    harness: Harness,
) -> None:
    ada = harness.emu.user("Ada")
    await onboard(harness, ada)
    outage = Outage(harness.services.engine)
    await harness.emu.send_text(ada, "/checkin")
    await harness.settle()
    before = len(harness.emu.messages(ada))
    outage.on = True
    await harness.emu.send_text(ada, "/today")
    await asyncio.sleep(2.5)  # stored before the outage began? either way: nothing answered yet
    assert outage.failed > 0
    assert APOLOGY not in texts(harness.emu.messages(ada)[before:])
    outage.on = False
    reply = await wait_reply(harness.emu, ada, before, timeout=40)
    assert APOLOGY not in reply and reply.strip()


async def test_a_database_away_before_storing_loses_nothing(harness: Harness) -> None:
    """Polling: the update is fetched, cannot be stored, and is fetched again (not confirmed)."""
    bea = harness.emu.user("Bea")
    outage = Outage(harness.services.engine)
    outage.on = True
    await harness.emu.send_text(bea, "/start")
    await asyncio.sleep(3)
    assert harness.emu.messages(bea) == []
    async with harness.services.sessions() as session:
        outage.on = False
        stored = await session.scalar(select(InboxUpdate.update_id).limit(1))
    assert stored is None  # nothing was stored, so nothing could have been confirmed
    assert "Small Steps" in await wait_reply(harness.emu, bea, 0, timeout=40)
    # /healthz would have said the loops were fine all along: they kept going.
    assert not harness.runtime.stalled()


async def test_a_poison_update_is_set_aside_and_blocks_nobody(harness: Harness) -> None:
    cid = harness.emu.user("Cid")
    await onboard(harness, cid)
    poison = {"message": {"message_id": 1, "chat": {"id": cid.id, "type": "private"}}}  # no date
    await harness.emu.inject("message", poison["message"])
    before = len(harness.emu.messages(cid))
    await harness.emu.send_text(cid, "/help")  # the same chat, after the poison
    reply = await wait_reply(harness.emu, cid, before)
    assert "/checkin" in reply
    for _ in range(100):
        async with harness.services.sessions() as session:
            aside = (
                (
                    await session.execute(
                        select(InboxUpdate).where(InboxUpdate.failed_at.is_not(None))
                    )
                )
                .scalars()
                .all()
            )
        if aside:
            break
        await asyncio.sleep(0.1)
    assert len(aside) == 1 and aside[0].payload is not None and aside[0].attempts == 3
    assert aside[0].error and "unparseable" in aside[0].error


def settings_for(emulator: Emulator, database_url: str) -> Settings:
    """The test bot's settings, as the `harness` fixture builds them."""
    return load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN="123456:TEST-token",
        TELEGRAM_API_URL=emulator.url, DATABASE_URL=database_url,
    )  # fmt: skip


@pytest.fixture
async def limited(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> AsyncIterator[Harness]:
    """The bot with its rate limiter, against an emulator that enforces Telegram's limits."""
    emulator.set_rate_limits(True)
    settings = settings_for(emulator, database_url)
    async with Harness.running(settings, emulator, clock, content, rate_limit=True) as running:
        yield running


async def test_a_flood_from_one_person_does_not_hold_up_another(limited: Harness) -> None:
    harness = limited
    dan, eve = harness.emu.user("Dan"), harness.emu.user("Eve")
    await onboard(harness, dan)
    await onboard(harness, eve)
    for n in range(60):
        await harness.emu.send_text(dan, f"message number {n} about my day")
    started = time.monotonic()
    before = len(harness.emu.messages(eve))
    await harness.emu.send_text(eve, "/help")
    await wait_reply(harness.emu, eve, before)
    waited = time.monotonic() - started
    assert waited < 3, waited
    # The flood is caught up with: one "one moment", then an answer to the latest message.
    await harness.emu.wait_for(
        lambda e: any("number 59" in str(m.get("text")) or "One moment" in str(m.get("text"))
                      for m in e.messages(dan)), timeout=30,
    )  # fmt: skip
    said = texts(harness.emu.messages(dan))
    assert said.count("One moment") == 1
    assert len(harness.emu.messages(dan)) < 30  # not sixty replies


async def test_a_red_flag_inside_a_flood_is_still_answered(limited: Harness) -> None:
    harness = limited
    fay = harness.emu.user("Fay")
    await onboard(harness, fay)
    for n in range(30):
        text = "honestly i want to end it all" if n == 12 else f"just chatting {n}"
        await harness.emu.send_text(fay, text)
    await harness.emu.wait_for(lambda e: "ending your life" in texts(e.messages(fay)), timeout=30)


async def test_a_hanging_chat_does_not_hold_up_others(harness: Harness) -> None:
    gus, hal = harness.emu.user("Gus"), harness.emu.user("Hal")
    await onboard(harness, gus)
    await onboard(harness, hal)
    harness.emu.timeout_next("sendMessage", hold=8, chat=gus, times=3)
    await harness.emu.send_text(gus, "/help")
    await asyncio.sleep(0.2)
    started = time.monotonic()
    before = len(harness.emu.messages(hal))
    await harness.emu.send_text(hal, "/help")
    await wait_reply(harness.emu, hal, before)
    assert time.monotonic() - started < 2


async def test_a_token_telegram_refuses_stops_the_runtime_for_good(harness: Harness) -> None:
    """getUpdates answers 401: no retry can fix that, so the runtime gives up, says why, and
    sets `stopped`, which the process waits on to exit non-zero (bot/__main__.py)."""
    harness.emu.fail_next("getUpdates", status=401, description="Unauthorized")
    await asyncio.wait_for(harness.runtime.stopped.wait(), timeout=20)
    assert harness.runtime.failed == "Telegram refused the bot token"


async def test_stopping_cuts_a_waiting_long_poll_short(harness: Harness) -> None:
    """With nothing to fetch, the poller waits in a long poll; stopping cancels that wait (Telegram
    sends anything unconfirmed again) instead of sitting out the grace period meant for
    updates in hand, so a deploy's SIGTERM is answered at once. Also after it has stored what
    it fetched before (only while storing is it let finish)."""
    await harness.say(harness.emu.user("Rex"), "/help")
    await asyncio.sleep(0.3)  # the poller is in its long poll now
    polls = len(harness.emu.calls_to("getUpdates"))
    await asyncio.sleep(1.0)
    assert len(harness.emu.calls_to("getUpdates")) - polls <= 1  # waiting, not asking again
    started = time.monotonic()
    await harness.runtime.stop(grace=30)
    assert time.monotonic() - started < 5, time.monotonic() - started


async def test_the_command_menu_is_set_when_the_bot_starts(harness: Harness) -> None:
    """PTB sets the menus (post_init) only from its own run_polling, which the runtime replaces:
    the runtime runs it, so typing "/" in a chat lists the bot's commands, and in a group the
    four that work there, from the first start on."""
    assert [c["command"] for c in harness.emu.commands()] == list(COMMANDS)
    groups = [c["command"] for c in harness.emu.commands({"type": "all_group_chats"})]
    assert groups == ["challenge", "leave", "endchallenge", "help"]


async def test_polling_takes_over_from_a_webhook_left_set_and_keeps_what_waits(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> None:
    """A bot moved back from a webhook to polling: Telegram refuses getUpdates while a webhook is
    set, so the runtime removes it at start, and a message sent meanwhile is still answered."""
    emulator.api.webhook_url = "https://old.example/hook"
    ida = emulator.user("Ida")
    await emulator.send_text(ida, "/start")
    settings = settings_for(emulator, database_url)
    async with Harness.running(settings, emulator, clock, content):
        assert "Small Steps" in await wait_reply(emulator, ida, 0)
    assert emulator.api.webhook_url == ""


async def test_polling_after_a_webhook_fetches_what_telegram_still_holds_below_the_newest_stored(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> None:
    """Telegram sends webhook updates over several connections at once: the newer of two
    messages can be stored while the older one's delivery failed and waits to be retried. A bot
    moved back to polling just then still gets the older one (Telegram holds it; asking only for
    what came after the newest stored would confirm it unseen), and the newer one is not
    answered twice."""
    emulator.api.webhook_url = "https://old.example/hook"
    ida, jon = emulator.user("Ida"), emulator.user("Jon")
    await emulator.send_text(ida, "/help")  # its delivery failed: Telegram still holds it
    await emulator.send_text(jon, "/help")  # delivered at the same time, and stored
    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine).begin() as session:
            await inbox.store(session, [emulator.world.updates[-1]], clock.now())
    finally:
        await engine.dispose()
    settings = settings_for(emulator, database_url)
    async with Harness.running(settings, emulator, clock, content) as h:
        assert "/checkin" in await wait_reply(emulator, ida, 0, timeout=10)
        await wait_reply(emulator, jon, 0)
        await h.settle()
    assert len(emulator.messages(ida)) == 1 and len(emulator.messages(jon)) == 1


async def test_a_webhook_bot_never_polls_and_stopping_closes_its_ports(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content,
    unused_tcp_port_factory: Any,
) -> None:  # fmt: skip
    """With a webhook set, Telegram answers every getUpdates with 409 (a poller there would never
    make progress, and /healthz would call the bot stuck): the bot only serves. Stopping closes
    the webhook's port and the operator's, so a process going down takes nothing more in."""
    hook, health = unused_tcp_port_factory(), unused_tcp_port_factory()
    app = build_application(
        settings_for(emulator, database_url), clock=clock, content=content, tick_seconds=None
    )
    runtime = Runtime(app)
    await runtime.start_webhook("127.0.0.1", hook, "hook", "http://x/hook", "a-long-secret")
    await runtime.start_health("127.0.0.1", health)
    try:
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://127.0.0.1:{health}/healthz") as response,
        ):
            assert response.status == 200
        await asyncio.sleep(0.3)
        assert [
            c.method for c in emulator.calls if c.method in ("getUpdates", "deleteWebhook")
        ] == []
    finally:
        await runtime.stop()
    for port in (hook, health):
        with pytest.raises(OSError):
            await asyncio.open_connection("127.0.0.1", port)


async def test_stopping_answers_the_updates_in_hand_first(harness: Harness) -> None:
    """A deploy's SIGTERM while someone's messages are being answered: what was fetched and
    stored is answered before the bot stops (within the grace), the one in the middle of a slow
    send and the one queued behind it in the same chat."""
    ada = harness.emu.user("Ada")
    harness.emu.timeout_next("sendMessage", hold=1.5, chat=ada)
    await harness.emu.send_text(ada, "/help")
    await harness.emu.send_text(ada, "/privacy")
    await harness.emu.wait_for(lambda e: len(e.messages(ada)) == 1, timeout=10)
    await asyncio.sleep(0.2)  # the second is stored by now, queued behind the slow send
    await harness.runtime.stop()
    said = texts(harness.emu.messages(ada))
    assert "/checkin" in said and "privacy" in said.lower(), said
    assert len(harness.emu.messages(ada)) == 2


async def test_stopping_just_after_a_database_blip_still_answers_what_was_stored(
    harness: Harness,
) -> None:
    """The inbox could not be read for a moment (the handler backs off) and the deploy's SIGTERM
    comes just as the database is back: the message stored meanwhile is answered before the
    bot stops, not left to wait for the next start."""
    bea = harness.emu.user("Bea")
    claims = Outage(harness.services.engine, only="claimed_by !=")  # claiming, not storing
    claims.on = True
    await harness.emu.send_text(bea, "/help")
    for _ in range(100):
        async with harness.services.sessions() as session:
            stored = await session.scalar(select(func.count()).select_from(InboxUpdate))
        if stored and claims.failed:
            break
        await asyncio.sleep(0.05)
    claims.on = False
    await harness.runtime.stop()
    assert "/checkin" in texts(harness.emu.messages(bea))


async def test_healthz_says_what_is_wrong_and_when_a_loop_counts_as_stuck(
    harness: Harness, unused_tcp_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The orchestrator restarts the bot on a 503: a database that does not answer, a loop with
    no progress for longer than it is allowed (not a moment before), and a bot that gave up,
    each said in a word for the operator."""
    await harness.runtime.start_health("127.0.0.1", unused_tcp_port)

    async def healthz() -> tuple[int, str]:
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://127.0.0.1:{unused_tcp_port}/healthz") as response,
        ):
            return response.status, await response.text()

    assert await healthz() == (200, "ok")
    outage = Outage(harness.services.engine)
    outage.on = True
    assert await healthz() == (503, "database unavailable")
    outage.on = False
    # The loops are stopped (their beats dropped) so that only this beat counts, on a clock
    # the test moves.
    await harness.runtime.stop_polling()
    await harness.runtime.stop_handling()
    now = 1000.0
    monkeypatch.setattr(runtime_module, "time", types.SimpleNamespace(monotonic=lambda: now))
    harness.runtime.beat("inbox")
    now += STALL_AFTER["inbox"]
    assert await healthz() == (200, "ok")
    now += 0.5
    assert await healthz() == (503, "no progress: inbox")
    harness.runtime.failed = "Telegram refused the bot token"
    assert await healthz() == (503, "stopped: Telegram refused the bot token")


async def test_metrics_say_how_many_updates_wait_to_be_answered(
    harness: Harness, unused_tcp_port: int
) -> None:
    """The operator's /metrics counts the updates stored and not yet answered (nor set aside):
    a backlog that grows means the bot does not keep up."""
    await harness.runtime.start_health("127.0.0.1", unused_tcp_port)

    async def backlog() -> float:
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://127.0.0.1:{unused_tcp_port}/metrics") as response,
        ):
            found = re.search(r"^smallsteps_inbox_backlog (\S+)$", await response.text(), re.M)
        assert found is not None
        return float(found.group(1))

    assert await backlog() == 0
    await harness.runtime.stop_handling()  # stored from now on, but nobody answers
    una = harness.emu.user("Una")
    for _ in range(3):
        await harness.emu.send_text(una, "/help")
    await harness.emu.wait_for(lambda e: e.pending_updates == 0, timeout=10)
    for _ in range(50):
        if await backlog() == 3:
            break
        await asyncio.sleep(0.1)
    assert await backlog() == 3


async def test_a_full_queue_leaves_the_rest_to_other_replicas_and_keeps_its_claims(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With as many updates in hand as it takes (MAX_QUEUED), a process claims no more: another
    replica answers the next person. It still keeps its claims on what it holds alive: past the
    lease, another replica would take those up too, and the person would get every answer
    twice."""
    monkeypatch.setattr(runtime_module, "MAX_QUEUED", 1)
    ada, bea = harness.emu.user("Ada"), harness.emu.user("Bea")
    harness.emu.timeout_next("sendMessage", hold=3, chat=ada)
    await harness.emu.send_text(ada, "/help")
    await harness.emu.wait_for(lambda e: len(e.messages(ada)) == 1, timeout=10)
    await harness.emu.send_text(ada, "/privacy")
    await harness.emu.send_text(bea, "/help")
    harness.clock.advance(inbox.CLAIM_LEASE + timedelta(seconds=1))
    await asyncio.sleep(1.5)  # the handler's next check, with its queue still full
    replica = Runtime(harness.app)
    assert await replica.handle_pending() == 1  # Bea's; Ada's chat is still held
    assert "/checkin" in texts(harness.emu.messages(bea))
    await harness.emu.wait_for(lambda e: len(e.messages(ada)) == 2, timeout=10)
    await asyncio.sleep(0.3)
    said = texts(harness.emu.messages(ada))
    assert len(harness.emu.messages(ada)) == 2 and said.count("/checkin") == 1, said
    assert len(harness.emu.messages(bea)) == 1


async def test_stopping_closes_the_database_so_its_file_is_whole(harness: Harness) -> None:
    """PTB runs post_shutdown (closing the database) only from its own run_polling, which the
    runtime replaces: the runtime runs it, so a stopped bot holds no connection, and a SQLite
    database is one file again (its write-ahead log folded in), safe to copy as a backup."""
    ada = harness.emu.user("Ada")
    await harness.say(ada, "/start")
    engine = harness.services.engine
    await harness.runtime.stop()
    assert engine.pool.checkedin() == 0
    if engine.dialect.name == "sqlite":
        database = Path(str(engine.url.database))
        assert not Path(f"{database}-wal").exists()


async def test_a_flood_caught_up_while_the_database_blips_is_still_answered(
    harness: Harness,
) -> None:
    """Setting a flood's texts aside needs the database; if it is away just then, the chat is
    not left without a worker (nothing more answered until the person writes again): once the
    database is back the latest message is answered."""
    fay = harness.emu.user("Fay")
    skipping = Outage(harness.services.engine, only=", error=?")  # marking texts skipped
    skipping.on = True
    for n in range(20):
        await harness.emu.send_text(fay, f"just chatting {n}")
    await harness.emu.wait_for(lambda _: skipping.failed > 0, timeout=10)
    skipping.on = False
    await harness.settle(timeout=20)
    assert len(harness.emu.messages(fay)) > 1  # "one moment", and the answer


async def test_an_update_still_hanging_past_the_grace_does_not_stop_the_stopping(
    harness: Harness,
) -> None:
    """A send that hangs beyond the grace is cut off (its claim lapses and the next start
    answers it), and stopping still goes on to the end: on time, the database closed."""
    ada = harness.emu.user("Ada")
    harness.emu.timeout_next("sendMessage", hold=5, chat=ada, delivered=False)
    await harness.emu.send_text(ada, "/help")
    await harness.emu.wait_for(lambda e: bool(e.calls_to("sendMessage")), timeout=10)
    started = time.monotonic()
    await harness.runtime.stop(grace=0.3)
    assert time.monotonic() - started < 3
    assert harness.services.engine.pool.checkedin() == 0
    async with harness.services.sessions() as session:
        [waiting] = (await session.scalars(select(InboxUpdate))).all()
    assert waiting.handled_at is None and waiting.payload is not None


async def test_a_chat_waiting_for_the_database_backs_off_and_is_then_answered(
    harness: Harness,
) -> None:
    """The update is stored and claimed, but its handler cannot read the database: the chat
    tries again after 1, 2, 4... seconds (not in a tight loop that would load the database it
    waits for and fill the log), says nothing meanwhile, and is answered once it is back."""
    gil = harness.emu.user("Gil")
    reads = Outage(harness.services.engine, only="FROM users")
    reads.on = True
    await harness.emu.send_text(gil, "/today")
    await harness.emu.wait_for(lambda _: reads.failed > 0, timeout=10)
    await asyncio.sleep(2.5)
    tries = reads.failed
    assert 2 <= tries <= 6, tries
    assert harness.emu.messages(gil) == []
    reads.on = False
    reply = await wait_reply(harness.emu, gil, 0, timeout=20)
    assert APOLOGY not in reply and "/start" in reply


async def test_eight_messages_waiting_are_each_answered_not_caught_up_with(
    harness: Harness,
) -> None:
    """A flood is more than FLOOD_BACKLOG (eight) updates waiting in one chat: eight texts
    that queued up behind a slow reply are each answered in turn, with no "one moment"."""
    hal = harness.emu.user("Hal")
    harness.emu.timeout_next("sendMessage", hold=1.5, chat=hal)
    await harness.emu.send_text(hal, "/help")
    await harness.emu.wait_for(lambda e: len(e.messages(hal)) == 1, timeout=10)
    for n in range(FLOOD_BACKLOG):
        await harness.emu.send_text(hal, f"a note about my day, number {n}")
    await harness.settle(timeout=20)
    said = texts(harness.emu.messages(hal))
    assert "One moment" not in said
    assert len(harness.emu.messages(hal)) == 1 + FLOOD_BACKLOG, said


async def test_nothing_is_kept_per_chat_once_everyone_is_answered(harness: Harness) -> None:
    """The bot runs for months and meets many people: once their updates are answered, no
    queue or worker is left behind for their chats (memory would grow with everyone seen)."""
    for name in ("Ivy", "Jon"):
        await harness.say(harness.emu.user(name), "/help")
    await harness.emu.wait_for(lambda _: not harness.runtime._workers, timeout=5)
    assert harness.runtime._queues == {}


async def test_set_asides_and_floods_go_on_without_the_harness_skip_hook(harness: Harness) -> None:
    """The bot runs its runtime with no on_skip (only the test harness counts skipped updates):
    a flood of texts and repeated commands is caught up with (one "one moment", the latest
    text and the latest /help answered, the rest kept without their content) and a poison
    update after it set aside, not stuck on a hook that is not there."""
    await harness.runtime.stop_polling()
    await harness.runtime.stop_handling()
    bot = Runtime(harness.app)
    kim = harness.emu.user("Kim", started=True)
    chat = {"id": kim.id, "type": "private", "first_name": "Kim"}
    sender = {"id": kim.id, "is_bot": False, "first_name": "Kim"}
    date = int(harness.clock.now().timestamp())
    help_ = [{"type": "bot_command", "offset": 0, "length": 5}]
    said_each = [f"just chatting {n}" if n % 2 else "/help" for n in range(FLOOD_BACKLOG + 4)]
    flood = [
        {"update_id": 700001 + n, "message": {"message_id": 2 + n, "date": date, "chat": chat,
                                              "from": sender, "text": text,
                                              **({"entities": help_} if text == "/help" else {})}}
        for n, text in enumerate(said_each)
    ]  # fmt: skip
    poison = {"update_id": 700100, "message": {"message_id": 99, "chat": chat}}  # no date
    await bot.store([*flood, poison])
    await asyncio.wait_for(bot.handle_pending(), 15)
    said = [str(m.get("text")) for m in harness.emu.messages(kim)]
    assert len(said) == 3 and "One moment" in said[0], said
    assert sum("/checkin" in text for text in said) == 1, said
    async with harness.services.sessions() as session:
        rows = {r.update_id: r for r in (await session.scalars(select(InboxUpdate))).all()}
    skipped = [r for r in rows.values() if r.error == "skipped in a flood"]
    assert len(skipped) == len(flood) - 2
    assert all(r.handled_at is not None and r.payload is None for r in skipped)
    aside = rows[700100]
    assert aside.failed_at is not None and aside.attempts == 3


async def test_a_waiting_update_without_its_content_is_passed_over_quietly(
    harness: Harness,
) -> None:
    """The inbox may hold a waiting update whose content is gone (the column allows it): it is
    marked handled without a word, and the chat's next message is answered after it."""
    await harness.runtime.stop_polling()
    await harness.runtime.stop_handling()
    bot = Runtime(harness.app)
    lou = harness.emu.user("Lou", started=True)
    async with harness.services.transaction() as session:
        session.add(InboxUpdate(update_id=600000, payload=None, received_at=harness.clock.now(),
                                chat_id=lou.id, user_id=lou.id))  # fmt: skip
    await bot.store([{"update_id": 600001, "message": {
        "message_id": 1, "date": int(harness.clock.now().timestamp()), "text": "/help",
        "chat": {"id": lou.id, "type": "private", "first_name": "Lou"},
        "from": {"id": lou.id, "is_bot": False, "first_name": "Lou"},
        "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
    }}])  # fmt: skip
    assert await asyncio.wait_for(bot.handle_pending(), 15) == 2
    assert "/checkin" in texts(harness.emu.messages(lou))
    assert len(harness.emu.messages(lou)) == 1
    async with harness.services.sessions() as session:
        empty = await session.get(InboxUpdate, 600000)
    assert empty is not None and empty.handled_at is not None and empty.attempts == 0


async def test_an_update_hanging_past_its_timeout_is_a_failed_try_and_answered_on_the_next(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One update's handling may take UPDATE_TIMEOUT at most: a send that hangs longer makes it
    a failed try (its chat goes on), and the next try answers the person, once."""
    monkeypatch.setattr(runtime_module, "UPDATE_TIMEOUT", 0.5)
    max_ = harness.emu.user("Max")
    harness.emu.timeout_next("sendMessage", hold=3, chat=max_, delivered=False)
    await harness.emu.send_text(max_, "/help")
    reply = await wait_reply(harness.emu, max_, 0, timeout=10)
    assert "/checkin" in reply and len(harness.emu.messages(max_)) == 1
    async with harness.services.sessions() as session:
        [row] = (await session.scalars(select(InboxUpdate))).all()
    assert row.attempts == 1 and row.error == "timed out"


async def test_an_update_that_breaks_outside_the_handlers_is_tried_again_then_set_aside(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure PTB does not route to the error handler (outside every handler) is a failed
    try like any other: tried again, set aside after MAX_ATTEMPTS, and the chat goes on."""
    handle = harness.app.process_update

    async def breaks_on_boom(update: Any) -> None:
        if update.effective_message and update.effective_message.text == "boom":
            raise RuntimeError("broken outside the handlers")
        await handle(update)

    monkeypatch.setattr(harness.app, "process_update", breaks_on_boom)
    ned = harness.emu.user("Ned")
    await harness.emu.send_text(ned, "boom")
    await harness.emu.send_text(ned, "/help")
    assert "/checkin" in await wait_reply(harness.emu, ned, 0, timeout=10)
    for _ in range(100):
        async with harness.services.sessions() as session:
            boom = (
                await session.scalars(select(InboxUpdate).order_by(InboxUpdate.update_id))
            ).first()
        if boom is not None and boom.failed_at is not None:
            break
        await asyncio.sleep(0.1)
    assert boom is not None and boom.attempts == MAX_ATTEMPTS and boom.error == "RuntimeError"


async def test_a_mark_that_could_not_be_written_is_written_later_and_nothing_is_said_twice(
    harness: Harness,
) -> None:
    """The reply went out but marking the update handled failed (the database away just then):
    the chat waits and marks it once the database is back, so when its claim would have lapsed
    nobody takes it up again and the person is not answered twice."""
    oli = harness.emu.user("Oli")
    marks = Outage(harness.services.engine, only=MARKING)
    marks.on = True
    await harness.emu.send_text(oli, "/help")
    await harness.emu.wait_for(lambda _: marks.failed > 0, timeout=10)
    marks.on = False
    await asyncio.sleep(1.5)  # the chat's next try at the mark
    harness.clock.advance(inbox.CLAIM_LEASE + timedelta(seconds=1))
    await asyncio.sleep(1.5)  # the handler's next check, past the lease
    async with harness.services.sessions() as session:
        [row] = (await session.scalars(select(InboxUpdate))).all()
    assert row.handled_at is not None and row.payload is None
    assert len(harness.emu.messages(oli)) == 1


async def test_a_mark_the_database_stays_away_for_is_tried_with_backoff_not_in_a_loop(
    harness: Harness,
) -> None:
    """The reply went out but the database stays away for a few seconds when the update is to
    be marked handled: the chat tries again after 1, 2, 4... seconds (not in a tight loop that
    would load the database it waits for and fill the log), and marks it once it is back."""
    uma = harness.emu.user("Uma")
    marks = Outage(harness.services.engine, only=MARKING)
    marks.on = True
    await harness.emu.send_text(uma, "/help")
    await harness.emu.wait_for(lambda _: marks.failed > 0, timeout=10)
    await asyncio.sleep(2.5)  # tries at 0 s and 1 s; the next one is due at 3 s
    assert 2 <= marks.failed <= 4, marks.failed
    marks.on = False
    for _ in range(100):
        async with harness.services.sessions() as session:
            [row] = (await session.scalars(select(InboxUpdate))).all()
        if row.handled_at is not None:
            break
        await asyncio.sleep(0.1)
    assert row.handled_at is not None and row.payload is None
    assert len(harness.emu.messages(uma)) == 1


async def test_one_chats_messages_follow_each_other_without_pauses(harness: Harness) -> None:
    """Five messages sent at once (below a flood) are answered one after another, each as soon as
    the one before is done: writing down what was handled (together with other chats') adds
    no pause of its own."""
    pia = harness.emu.user("Pia")
    started = time.monotonic()
    for _ in range(5):
        await harness.emu.send_text(pia, "/help")
    await harness.emu.wait_for(lambda e: len(e.messages(pia)) == 5, timeout=20)
    assert time.monotonic() - started < 2.5, time.monotonic() - started


async def test_the_inbox_is_pruned_at_start_and_then_hourly(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """What the inbox may keep is enforced by the running bot: at its start, then every
    PRUNE_EVERY (an hour), not at every check. A handled update older than Telegram would send
    it again goes; one set aside longer than INBOX_SETASIDE_DAYS keeps only its id and error."""
    settings = settings_for(emulator, database_url)
    now = clock.now()

    async def add_old(h: Harness, update_id: int, *, aside: bool = False) -> None:
        days = settings.inbox_setaside_days if aside else inbox.KEEP_HANDLED.days
        when = now - timedelta(days=days + 1)
        async with h.services.transaction() as session:
            session.add(InboxUpdate(
                update_id=update_id, payload={"update_id": update_id}, received_at=when,
                chat_id=1234567, user_id=1234567, attempts=3 if aside else 0,
                handled_at=None if aside else when, failed_at=when if aside else None,
                error="unparseable" if aside else None,
            ))  # fmt: skip

    async def kept(h: Harness) -> dict[int, InboxUpdate]:
        async with h.services.sessions() as session:
            return {r.update_id: r for r in (await session.scalars(select(InboxUpdate))).all()}

    async with Harness.running(settings, emulator, clock, content) as first:
        await first.runtime.stop_handling()
        await add_old(first, 501)
        await add_old(first, 502, aside=True)

    async def pruned(h: Harness, update_id: int) -> bool:
        for _ in range(60):
            if update_id not in await kept(h):
                return True
            await asyncio.sleep(0.05)
        return False

    async with Harness.running(settings, emulator, clock, content) as h:
        assert await pruned(h, 501)
        rows = await kept(h)
        assert list(rows) == [502] and rows[502].payload is None and rows[502].error
        await add_old(h, 503)
        await asyncio.sleep(2.5)  # two checks: not pruned again yet
        assert 503 in await kept(h)
        monkeypatch.setattr(runtime_module, "PRUNE_EVERY", 0.0)  # the hour is up
        assert await pruned(h, 503)


async def test_the_inbox_is_checked_once_a_second_and_less_often_while_the_database_is_away(
    harness: Harness,
) -> None:
    """Idle, the handler looks for other replicas' updates once a second (IDLE_WAKE), not in a
    loop; while the database is away it tries again after 1, 2, 4... seconds, and it goes on
    answering once the database is back."""
    claims = Outage(harness.services.engine, only="claimed_by !=")
    await asyncio.sleep(2.2)
    assert 1 <= claims.seen <= 5, claims.seen
    claims.on = True
    await asyncio.sleep(3.5)
    assert 2 <= claims.failed <= 5, claims.failed
    claims.on = False
    qin = harness.emu.user("Qin")
    assert "/checkin" in texts(await harness.say(qin, "/help"))


async def test_a_message_sent_while_the_bot_was_down_is_answered_when_it_starts(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> None:
    """A restart: the new process asks Telegram for everything it still holds, so the message
    sent in between is fetched and answered, not skipped (and the one before not again)."""
    settings = settings_for(emulator, database_url)
    sam = emulator.user("Sam")
    async with Harness.running(settings, emulator, clock, content) as first:
        await first.say(sam, "/help")
    await emulator.send_text(sam, "/privacy")  # while no bot runs
    async with Harness.running(settings, emulator, clock, content):
        reply = await wait_reply(emulator, sam, 1, timeout=10)
    assert "privacy" in reply.lower() and "/checkin" not in reply


async def test_telegram_away_is_waited_out_with_backoff_and_polling_goes_on(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Telegram answering 502: the poller tries again after 1, 2, 4... seconds (not in a loop
    that would hammer it and fill the log), and fetches again once it is back."""
    await asyncio.sleep(0.3)  # the poller is in its long poll now
    caplog.set_level(logging.WARNING, logger="bot.telegram.runtime")
    harness.emu.down(True)
    await asyncio.sleep(3.5)
    tries = sum("getUpdates or storing failed" in r.getMessage() for r in caplog.records)
    assert 2 <= tries <= 5, tries
    harness.emu.down(False)
    tao = harness.emu.user("Tao")
    await harness.emu.send_text(tao, "/help")
    assert "/checkin" in await wait_reply(harness.emu, tao, 0, timeout=15)


async def test_a_long_poll_that_times_out_is_asked_again(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A getUpdates that never answers (a connection gone quiet) times out on the client's side:
    the poller asks again at once, and what is sent next is fetched and answered."""
    monkeypatch.setattr(runtime_module, "POLL_TIMEOUT", 0.2)  # short polls, read within 0.5 s
    monkeypatch.setattr(runtime_module, "POLL_READ_MARGIN", 0.3)
    settings = settings_for(emulator, database_url)
    async with Harness.running(settings, emulator, clock, content) as h:
        h.emu.timeout_next("getUpdates", hold=2, delivered=False)
        await h.emu.wait_for(lambda e: any(c.hung for c in e.calls_to("getUpdates")), timeout=5)
        uma = h.emu.user("Uma")
        await h.emu.send_text(uma, "/help")
        assert "/checkin" in await wait_reply(h.emu, uma, 0, timeout=10)


async def test_the_webhook_takes_exactly_what_telegram_could_send(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content,
    unused_tcp_port: int,
) -> None:  # fmt: skip
    """Each edge of what the webhook takes (200, stored) and turns away (400, nothing stored):
    nesting up to MAX_DEPTH counted outside strings (escapes and all), update ids from 1 to
    just below MAX_UPDATE_ID, a JSON object."""
    secret = "a-webhook-secret-of-some-length"
    app = build_application(
        settings_for(emulator, database_url), clock=clock, content=content, tick_seconds=None
    )
    runtime = Runtime(app)
    await runtime.start_webhook("127.0.0.1", unused_tcp_port, "hook", "http://x/hook", secret)

    def nested(depth: int) -> str:
        return "[" * depth + "]" * depth

    deep = MAX_DEPTH - 1  # inside the update's own object
    cases = [
        ('{"update_id": 11, "x": ' + nested(deep) + "}", 200),
        ('{"update_id": 12, "x": ' + nested(deep + 1) + "}", 400),
        # Closing brackets count down one each: many siblings, then the deepest allowed.
        ('{"update_id": 13, "a": [' + ",".join(["[]"] * 40) + '], "x": ' + nested(deep) + "}",
         200),
        ('{"update_id": 14, "a": [' + ",".join(["[]"] * 40) + '], "x": ' + nested(deep + 1)
         + "}", 400),
        # Brackets inside strings are text, whatever escapes come before them.
        ('{"update_id": 15, "t": "' + "[" * 40 + '", "u": "\\\\", "v": "\\"' + "{" * 40
         + '", "x": ' + nested(deep) + "}", 200),
        ('{"update_id": 16, "t": "\\\\", "x": ' + nested(deep + 1) + "}", 400),
        # An empty string first: its closing quote is not taken for an escaped one.
        ('{"": "' + "[" * 40 + '", "update_id": 17}', 200),
        ('{"update_id": 1}', 200),
        (f'{{"update_id": {MAX_UPDATE_ID - 1}}}', 200),
        (f'{{"update_id": {MAX_UPDATE_ID}}}', 400),
        ('{"update_id": 0}', 400),
        ('{"update_id": true}', 400),
        ('{"update_id": "18"}', 400),
        ('[{"update_id": 19}]', 400),
    ]  # fmt: skip
    try:
        async with aiohttp.ClientSession() as http:
            for body, status in cases:
                async with http.post(
                    f"http://127.0.0.1:{unused_tcp_port}/hook", data=body,
                    headers={SECRET_HEADER: secret, "Content-Type": "application/json"},
                ) as response:  # fmt: skip
                    assert response.status == status, (body[:60], response.status)
        async with runtime.services.sessions() as session:
            stored = set((await session.scalars(select(InboxUpdate.update_id))).all())
        assert stored == {11, 13, 15, 17, 1, MAX_UPDATE_ID - 1}
    finally:
        await runtime.stop()


async def test_polling_serves_the_web_pages_on_their_own_port_until_it_stops(
    harness: Harness, unused_tcp_port: int
) -> None:
    """Polling with a public address: the share page and the Mini App are served on their own
    port (apart from /healthz), and that port closes when the bot stops."""
    from bot.usecases import share
    from bot.web.server import Site

    await harness.runtime.start_web(
        Site(harness.services).application(), "127.0.0.1", unused_tcp_port
    )
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{unused_tcp_port}{share.APP_PATH}") as response,
    ):
        assert response.status == 200
    await harness.runtime.stop()
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", unused_tcp_port)


async def test_a_groups_flood_is_not_caught_up_with(harness: Harness) -> None:
    """Catching up is for one person's texts: a busy group's messages are each handled (none
    set aside as skipped), and no "one moment" goes to the group."""
    await harness.runtime.stop_polling()
    await harness.runtime.stop_handling()
    bot = Runtime(harness.app)
    vic = harness.emu.user("Vic", started=True)
    group = {"id": -100777, "type": "group", "title": "Walkers"}
    sender = {"id": vic.id, "is_bot": False, "first_name": "Vic"}
    date = int(harness.clock.now().timestamp())
    busy = [
        {"update_id": 800001 + n, "message": {"message_id": 1 + n, "date": date, "chat": group,
                                              "from": sender, "text": f"walking {n}"}}
        for n in range(FLOOD_BACKLOG + 4)
    ]  # fmt: skip
    await bot.store(busy)
    await asyncio.wait_for(bot.handle_pending(), 15)
    async with harness.services.sessions() as session:
        rows = (await session.scalars(select(InboxUpdate))).all()
    assert len(rows) == len(busy) and all(r.handled_at is not None for r in rows)
    assert not [r for r in rows if r.error == "skipped in a flood"]
    assert not [c for c in harness.emu.calls_to("sendMessage") if "One moment" in str(c.params)]


async def test_a_full_batch_of_items_that_are_not_updates_hides_no_message_behind_it(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> None:
    """getUpdates answers at most 100 items: when all of them are not updates (no id, or an id
    of 0), confirming them must not confirm the first real message, queued right behind."""
    vic = emulator.user("Vic")
    emulator.world.updates.extend([{}] * 50 + [{"update_id": 0}] * 50)
    await emulator.send_text(vic, "/help")
    settings = settings_for(emulator, database_url)
    async with Harness.running(settings, emulator, clock, content):
        assert "/checkin" in await wait_reply(emulator, vic, 0, timeout=10)


async def test_items_that_are_not_updates_are_confirmed_never_stored_nor_asked_for_again(
    harness: Harness,
) -> None:
    """getUpdates answering with something that is not an update (an id of 0, or true): it is
    confirmed and dropped, nothing stored, not asked for again and again, and the next real
    message is fetched and answered."""
    wes = harness.emu.user("Wes")
    await harness.say(wes, "/help")
    polls = len(harness.emu.calls_to("getUpdates"))
    harness.emu.world.updates.extend([{"update_id": 0}, {"update_id": True}])
    harness.emu.world.on_update()
    await asyncio.sleep(1.5)
    assert len(harness.emu.calls_to("getUpdates")) - polls <= 3
    async with harness.services.sessions() as session:
        stored = set((await session.scalars(select(InboxUpdate.update_id))).all())
    assert len(stored) == 1  # the /help only
    await harness.emu.send_text(wes, "/privacy")
    reply = await wait_reply(harness.emu, wes, 1, timeout=10)
    assert "privacy" in reply.lower()
