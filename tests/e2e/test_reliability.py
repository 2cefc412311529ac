"""Faults from Telegram and the network, each injected by the emulator and shown handled."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.clock import ManualClock
from bot.config import load_settings
from bot.db.inbox import InboxUpdate
from bot.db.models import PromptSent, User
from bot.devtools.emulator import Emulator
from bot.telegram.jobs.weekly import run_due_weekly
from bot.telegram.runtime import SECRET_HEADER, Runtime
from bot.views.content import Content
from tests.harness import Harness, onboard, texts

PROMPT = "Time for today's check-in"
SECRET = "a-webhook-secret-of-some-length"


def settings_for(emulator: Emulator, database_url: str, **extra: str) -> object:
    return load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN="123456:TEST-token",
        TELEGRAM_API_URL=emulator.url, DATABASE_URL=database_url, **extra,
    )  # fmt: skip


@pytest.fixture
async def limited(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> AsyncIterator[Harness]:
    """The bot with its real rate limiter and short request timeouts."""
    settings = settings_for(emulator, database_url)
    async with Harness.running(
        settings,
        emulator,
        clock,
        content,
        rate_limit=True,
        read_timeout=1.0,  # type: ignore[arg-type]
    ) as running:
        yield running


def prompt_calls(harness: Harness, chat_id: int) -> list[object]:
    return [
        c for c in harness.emu.calls
        if c.method == "sendMessage" and PROMPT in str(c.params.get("text"))
        and str(c.params.get("chat_id")) == str(chat_id)
    ]  # fmt: skip


async def due_now(harness: Harness, name: str) -> object:
    person = harness.emu.user(name)
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, person, "Europe/Berlin", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    return person


async def test_429_is_honoured_and_nothing_is_dropped(limited: Harness) -> None:
    amy = limited.emu.user("Amy")
    limited.emu.fail_next("sendMessage", status=429, retry_after=1, times=1)
    started = time.monotonic()
    said = texts(await limited.say(amy, "/start"))
    assert "Small Steps" in said and "Which time zone" in said
    assert time.monotonic() - started >= 0.9  # waited retry_after before trying again
    assert [c.error.status for c in limited.emu.calls if c.error] == [429]


async def test_bad_request_is_not_retried(limited: Harness) -> None:
    bea = await due_now(limited, "Bea")
    limited.emu.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
    await limited.tick()
    assert len(prompt_calls(limited, bea.id)) == 1  # type: ignore[attr-defined]
    limited.clock.advance(timedelta(minutes=5))
    await limited.tick()
    assert len(prompt_calls(limited, bea.id)) == 1  # type: ignore[attr-defined]
    async with limited.services.sessions() as session:
        status = await session.scalar(select(PromptSent.status))
    assert status == "failed"


async def test_timed_out_send_is_retried_once_at_most(limited: Harness) -> None:
    cal = await due_now(limited, "Cal")
    limited.emu.timeout_next("sendMessage", times=5, delivered=True, hold=2.0)
    await limited.tick()
    limited.clock.advance(timedelta(minutes=1))
    await limited.tick()
    limited.clock.advance(timedelta(minutes=1))
    await limited.tick()
    assert len(prompt_calls(limited, cal.id)) == 2  # type: ignore[attr-defined]
    limited.emu.clear_faults()


async def test_network_down_for_a_minute_then_the_prompt_goes_out(limited: Harness) -> None:
    dov = await due_now(limited, "Dov")
    limited.emu.down(True)
    await limited.tick()
    limited.clock.advance(timedelta(seconds=30))
    await limited.tick()
    assert not [c for c in prompt_calls(limited, dov.id) if not c.error]  # type: ignore[attr-defined]
    limited.emu.down(False)
    limited.clock.advance(timedelta(seconds=31))
    await limited.tick()
    delivered = [c for c in prompt_calls(limited, dov.id) if not c.error]  # type: ignore[attr-defined]
    assert len(delivered) == 1
    # And the person can answer it: polling came back too.
    said = texts(await limited.tap(dov, "4"))  # type: ignore[arg-type]
    assert "feel like a flare" in said


async def test_blocked_person_is_never_retried(limited: Harness) -> None:
    eli = await due_now(limited, "Eli")
    await limited.emu.block(eli)  # type: ignore[arg-type]
    await limited.tick()
    limited.clock.advance(timedelta(days=1))
    await limited.tick()
    assert len(prompt_calls(limited, eli.id)) == 1  # type: ignore[attr-defined]
    async with limited.services.sessions() as session:
        user = await session.get(User, eli.id)  # type: ignore[attr-defined]
    assert user is not None and not user.active


async def test_a_reply_refused_as_blocked_marks_the_person_by_their_chat(
    limited: Harness,
) -> None:
    """Eli taps an answer and blocks the bot before the reply goes out (the bot has not yet
    heard of the block): the refused reply names only Eli's chat, and that is enough for
    nothing more to be sent, not even the next day's prompt."""
    eli = await due_now(limited, "Eli")
    await limited.tick()
    assert len(prompt_calls(limited, eli.id)) == 1  # type: ignore[attr-defined]
    limited.emu.state_of(eli).blocked = True  # type: ignore[arg-type]
    calls = len(limited.emu.calls)
    await limited.tap(eli, "4")  # type: ignore[arg-type]
    refused = [c for c in limited.emu.calls[calls:] if c.error and c.error.status == 403]
    assert refused and {str(c.params.get("chat_id")) for c in refused} == {str(eli.id)}  # type: ignore[attr-defined]
    async with limited.services.sessions() as session:
        user = await session.get(User, eli.id)  # type: ignore[attr-defined]
    assert user is not None and not user.active
    limited.clock.advance(timedelta(days=1))
    calls = len(limited.emu.calls)
    await limited.tick()
    assert not [c for c in limited.emu.calls[calls:] if str(c.params.get("chat_id")) == str(eli.id)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("outbox", ["daily prompts", "weekly summaries"])
async def test_a_fan_out_keeps_to_the_overall_rate(
    harness: Harness, content: Content, outbox: str
) -> None:
    """Prompts and weekly summaries go in the bulk lane, paced by the overall rate (here 3 a
    second), not as replies (which only wait for their own chat, and would send all ten at once
    into Telegram's 429)."""
    people = [harness.emu.user(f"P{i}") for i in range(10)]
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    for person in people:
        await onboard(harness, person, "Europe/Berlin", "09:00")
    await harness.runtime.stop_polling()  # the paced bot below takes over
    settings = settings_for(harness.emu, harness.services.settings.database_url,
                            TELEGRAM_RATE_LIMIT="3")  # fmt: skip
    async with Harness.running(settings, harness.emu, harness.clock, content,  # type: ignore[arg-type]
                               rate_limit=True) as paced:  # fmt: skip
        calls = len(paced.emu.calls)
        if outbox == "daily prompts":
            paced.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))  # 09:00 in Berlin
            assert await paced.tick() == 10
        else:
            paced.clock.set(datetime(2026, 6, 7, 17, 0, 30, tzinfo=UTC))  # Sunday 19:00
            assert await run_due_weekly(paced.services, paced.app.bot) == 10
            await paced.emu.idle(settle=0.02)
        sent = [c.timestamp for c in paced.emu.calls[calls:]
                if c.method in ("sendMessage", "sendPhoto") and not c.error]  # fmt: skip
    assert len(sent) == 10
    # Three go at once (a second's burst), the other seven a third of a second apart: 2.3 s from
    # the first to the last. Asking for half leaves room for the event loop stalling on a busy
    # machine: the bucket counts a stall as refill, so the sends after it bunch up.
    assert max(sent) - min(sent) >= 1.2, f"ten {outbox} at once: not paced"


async def test_stored_updates_survive_a_crash_and_replays_are_ignored(
    harness: Harness,
) -> None:
    """Updates in the inbox but not yet handled are handled by the next process, once."""
    fay = harness.emu.user("Fay")
    # This process "dies": it neither fetches nor claims any more (the second one takes over).
    await harness.runtime.stop_polling()
    await harness.runtime.stop_handling()
    payload = {"update_id": 900001, "message": {
        "message_id": 1, "date": int(harness.clock.now().timestamp()),
        "chat": {"id": fay.id, "type": "private", "first_name": "Fay"},
        "from": {"id": fay.id, "is_bot": False, "first_name": "Fay"},
        "text": "/help", "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
    }}  # fmt: skip
    async with harness.services.transaction() as session:
        from bot.db import inbox

        await inbox.store(session, [payload], harness.clock.now())  # as if the process died here
    second = Runtime(harness.app)
    await second.store([payload])  # Telegram redelivers the same update: ignored
    handled = await second.handle_pending()
    assert handled == 1
    assert await second.handle_pending() == 0
    helps = [
        c for c in harness.emu.calls if c.method == "sendMessage" and "/checkin" in str(c.params)
    ]
    assert len(helps) == 1
    async with harness.services.sessions() as session:
        rows = await session.scalar(select(func.count()).select_from(InboxUpdate))
        stored = await session.get(InboxUpdate, 900001)
    assert rows == 1 and stored is not None and stored.payload is None and stored.handled_at


async def test_webhook_checks_the_secret_stores_then_answers(
    emulator: Emulator,
    clock: ManualClock,
    database_url: str,
    content: Content,
    unused_tcp_port: int,
    unused_tcp_port_factory: Any,
) -> None:
    from bot.app import build_application

    health_port = unused_tcp_port_factory()
    settings = settings_for(emulator, database_url, WEBHOOK_URL=f"http://127.0.0.1:{unused_tcp_port}/hook",
                            WEBHOOK_SECRET=SECRET)  # fmt: skip
    app = build_application(settings, clock=clock, content=content, tick_seconds=None)  # type: ignore[arg-type]
    runtime = Runtime(app)
    await runtime.start_webhook("127.0.0.1", unused_tcp_port, "hook", "http://x/hook", SECRET)
    await runtime.start_health("127.0.0.1", health_port)
    gus = emulator.user("Gus", started=True)
    update = {"update_id": 77, "message": {
        "message_id": 1, "date": int(clock.now().timestamp()),
        "chat": {"id": gus.id, "type": "private", "first_name": "Gus"},
        "from": {"id": gus.id, "is_bot": False, "first_name": "Gus"},
        "text": "/start", "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
    }}  # fmt: skip
    base = f"http://127.0.0.1:{unused_tcp_port}"
    try:
        async with aiohttp.ClientSession() as http:
            for headers in ({}, {SECRET_HEADER: "wrong"}):
                async with http.post(f"{base}/hook", json=update, headers=headers) as response:
                    assert response.status == 403
            async with http.post(
                f"{base}/hook", data="nonsense", headers={SECRET_HEADER: SECRET}
            ) as response:
                assert response.status == 400
            # Valid JSON, but not an update Telegram could send: 400, never a 500, nothing stored.
            nested = "[" * 100_000 + "]" * 100_000
            for body in (
                *(json.dumps({**update, "update_id": bad}) for bad in (2**70, True, -5, 0, "9")),
                '{"update_id": 5, "x": ' + nested + "}", nested, "[]",
            ):  # fmt: skip
                async with http.post(
                    f"{base}/hook", data=body, headers={SECRET_HEADER: SECRET}
                ) as response:
                    assert response.status == 400, body[:40]
            for _ in range(2):  # Telegram retries when unsure: the second is a replay
                async with http.post(
                    f"{base}/hook", json=update, headers={SECRET_HEADER: SECRET}
                ) as response:
                    assert response.status == 200
            async with runtime.services.sessions() as session:
                assert await session.get(InboxUpdate, 77) is not None  # stored before the 200
            await emulator.wait_for(lambda e: len(e.messages(gus)) >= 1, timeout=10)
            await asyncio.sleep(0.3)
            # The operator's endpoints are on their own port, not on the public webhook's.
            for path in ("/healthz", "/metrics"):
                async with http.get(f"{base}{path}") as response:
                    assert response.status in (404, 405)
            health = f"http://127.0.0.1:{health_port}"
            async with http.get(f"{health}/healthz") as response:
                assert response.status == 200
            async with http.get(f"{health}/metrics") as response:
                body = await response.text()
        handled = re.search(r"^smallsteps_updates_handled_total (\S+)$", body, re.M)
        assert handled is not None and float(handled.group(1)) >= 1
        assert "smallsteps_inbox_backlog" in body and "smallsteps_fanout_lag_seconds" in body
        assert [m["text"][:9] for m in emulator.messages(gus)].count("Hi Gus, I") == 1
        webhook = [c for c in emulator.calls if c.method == "setWebhook"]
        assert webhook and webhook[-1].params.get("secret_token") == SECRET
    finally:
        await runtime.stop()
