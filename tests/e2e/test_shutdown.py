"""The deployed process: SIGTERM finishes in-flight work and exits quickly; no token in logs."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.devtools.emulator import Emulator
from tests.e2e.test_process import REPLY_TIMEOUT, bot_env

TOKEN = "424242:SECRET-token-Abc123xyz"


@pytest.fixture
async def live_emulator() -> AsyncIterator[Emulator]:
    """An emulator on real time, as a separate bot process sees it."""
    async with Emulator() as emu:
        yield emu


async def test_sigterm_exits_within_10_seconds_and_the_token_never_appears_in_logs(
    live_emulator: Emulator,
    database_url: str,
    tmp_path: Path,
) -> None:
    env = bot_env(live_emulator.url, database_url)
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, LOG_LEVEL="DEBUG")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    person = live_emulator.user("Sig")
    try:
        await live_emulator.send_text(person, "/start")
        await live_emulator.reply(person, timeout=REPLY_TIMEOUT)
        # A refused request and a 429 make the bot log errors with request details.
        live_emulator.fail_next("sendMessage", status=400, description="Bad Request: test")
        await live_emulator.send_text(person, "/help")
        live_emulator.fail_next("sendMessage", status=429, retry_after=1)
        await live_emulator.send_text(person, "/help")
        await live_emulator.reply(person, timeout=REPLY_TIMEOUT)
        # An update arrives and SIGTERM follows at once: it is still answered before exit.
        await live_emulator.send_text(person, "/privacy")
        await live_emulator.wait_for(lambda e: e.pending_updates == 0, timeout=REPLY_TIMEOUT)
    finally:
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(process.communicate(), 15)
        elapsed = time.monotonic() - started
    logs = (out + err).decode()
    assert process.returncode == 0, logs[-2000:]
    assert elapsed < 10, elapsed
    assert "DEBUG" in logs  # debug logging really was on (libraries are held at WARNING)
    assert "SECRET-token-Abc123xyz" not in logs and "424242:SECRET" not in logs
    assert any("What I store" in str(m.get("text")) for m in live_emulator.messages(person))
