"""The real command line: `python -m bot run` as a process, kill -9 mid-dialogue, clean errors."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.db.session import make_engine
from bot.devtools.emulator import Emulator, FakeUser
from bot.devtools.emulator import buttons as buttons_of

REPLY_TIMEOUT = 30.0  # a cold process start imports PTB and SQLAlchemy first


def bot_env(emulator_url: str, database_url: str) -> dict[str, str]:
    """Only the settings the bot needs, so nothing from the developer's shell leaks in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env.update(
        TELEGRAM_BOT_TOKEN="123456:PROCESS-token",
        TELEGRAM_API_URL=emulator_url,
        DATABASE_URL=database_url,
        LOG_LEVEL="WARNING",
    )
    return env


async def start_bot(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=cwd,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


@pytest.fixture
async def live_emulator() -> AsyncIterator[Emulator]:
    """An emulator on real time, as a separate bot process sees it."""
    emu = Emulator()
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


async def step(emu: Emulator, user: FakeUser, action: str, what: str) -> str:
    """Say or tap, then wait for the bot's (first) answer and return its text."""
    if action == "say":
        await emu.send_text(user, what)
    else:
        message = next(m for m in reversed(emu.messages(user)) if buttons_of(m))
        await emu.tap_button(user, message, what)
    reply = await emu.reply(user, timeout=REPLY_TIMEOUT)
    return str(reply.get("text"))


async def test_kill_9_between_two_taps_loses_nothing(
    live_emulator: Emulator, database_url: str, tmp_path: Path
) -> None:
    env = bot_env(live_emulator.url, database_url)
    user = live_emulator.user("Pat")
    first = await start_bot(env, tmp_path)
    try:
        assert "Small Steps" in await step(live_emulator, user, "say", "/start")
        await live_emulator.replies(user, settle=0.3)
        for typed in ("Europe/Berlin", "9:00"):
            await step(live_emulator, user, "say", typed)
        for label in ("Skip", "Skip", "Done"):
            await step(live_emulator, user, "tap", label)
        assert "pain" in await step(live_emulator, user, "say", "/checkin")
        assert "flare" in await step(live_emulator, user, "tap", "3")
        await asyncio.sleep(0.5)  # between two taps: the first one was recorded as handled
    finally:
        first.send_signal(signal.SIGKILL)
        await first.wait()
    second = await start_bot(env, tmp_path)
    try:
        # The next tap goes to the new process and continues the same check-in.
        assert "get in the way" in await step(live_emulator, user, "tap", "No")
        assert "energy" in await step(live_emulator, user, "say", "4")
    finally:
        second.send_signal(signal.SIGTERM)
        await asyncio.wait_for(second.wait(), 15)
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            result = await connection.execute(
                text("SELECT pain, flare, interference FROM checkins")
            )
            row = result.one()
    finally:
        await engine.dispose()
    assert tuple(row) == (3, "no", 4)


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ({"TELEGRAM_BOT_TOKEN": ""}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"DATABASE_URL": "sqlite:///x.db"}, "DATABASE_URL"),
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"DATABASE_URL": "mysql+aiomysql://x@localhost/db"}, "DATABASE_URL"),
        ({"DATABASE_URL": "sqlite+aiosqlite:////no/such/folder/x.db"}, "DATABASE_URL"),
        ({"DATABASE_URL": "postgresql+asyncpg://nobody@127.0.0.1:9/none"}, "DATABASE_URL"),
        ({"DEFAULT_TIMEZONE": "Mars/Olympus"}, "DEFAULT_TIMEZONE"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"TELEGRAM_API_URL": "api.telegram.org"}, "TELEGRAM_API_URL"),
        ({"LOG_LEVEL": "WARNING"}, "TELEGRAM_API_URL: cannot reach"),  # nothing on port 9
        ({"WEBHOOK_PORT": "99999"}, "WEBHOOK_PORT"),
        ({"WEBHOOK_PORT": "eighty"}, "WEBHOOK_PORT"),
        ({"WEBHOOK_LISTEN": "999.1.1.1"}, "WEBHOOK_LISTEN"),
        ({"HEALTH_LISTEN": "nowhere"}, "HEALTH_LISTEN"),
        ({"HEALTH_PORT": "0"}, "HEALTH_PORT"),
        ({"WEB_PORT": "65536"}, "WEB_PORT"),
        ({"WEB_LISTEN": "everywhere"}, "WEB_LISTEN"),
        ({"PUBLIC_URL": "example.org"}, "PUBLIC_URL"),
        ({"PUBLIC_URL": "https://example.org", "WEB_PORT": "8081"}, "must differ from WEB_PORT"),
        ({"INBOX_SETASIDE_DAYS": "8"}, "INBOX_SETASIDE_DAYS"),
        ({"INBOX_SETASIDE_DAYS": "-1"}, "INBOX_SETASIDE_DAYS"),
        ({"LOG_SALT": "s" * 15}, "LOG_SALT"),
    ],
)
async def test_bad_settings_are_one_line_and_exit_2(
    tmp_path: Path, settings: dict[str, str], fragment: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env.update({"TELEGRAM_BOT_TOKEN": "123:abc", "TELEGRAM_API_URL": "http://127.0.0.1:9"})
    env.update(settings)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    await exits_with_one_line(process, fragment)


async def exits_with_one_line(
    process: asyncio.subprocess.Process, fragment: str, secret: str = "abc"
) -> None:
    """Exit code 2 and one line on stderr naming the setting; no traceback, no token."""
    _, err = await asyncio.wait_for(process.communicate(), 60)
    lines = err.decode().strip().splitlines()
    assert process.returncode == 2, err.decode()
    assert len(lines) == 1 and fragment in lines[0], lines
    assert "Traceback" not in err.decode() and secret not in err.decode()


async def test_a_token_telegram_rejects_is_one_line_without_the_token(tmp_path: Path) -> None:
    emu = Emulator(token="42:the-real-token")
    await emu.start()
    try:
        env = bot_env(emu.url, f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
        env["TELEGRAM_BOT_TOKEN"] = "42:a-wrong-token"
        await exits_with_one_line(await run_bot(env, tmp_path), "TELEGRAM_BOT_TOKEN", "wrong")
    finally:
        await emu.stop()


@pytest.mark.parametrize("setting", ["WEBHOOK_PORT", "HEALTH_PORT"])
async def test_a_port_in_use_is_one_line(
    tmp_path: Path, live_emulator: Emulator, setting: str
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = bot_env(live_emulator.url, f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
        env.update(WEBHOOK_URL="https://example.org/hook", WEBHOOK_SECRET="s" * 20,
                   WEBHOOK_LISTEN="127.0.0.1", HEALTH_PORT=str(port if setting == "HEALTH_PORT"
                                                                else port + 1 if port < 65535
                                                                else port - 1))  # fmt: skip
        if setting == "WEBHOOK_PORT":
            env["WEBHOOK_PORT"] = str(port)
        await exits_with_one_line(await run_bot(env, tmp_path), setting)


async def run_bot(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=cwd,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def test_a_web_port_in_use_is_one_line(tmp_path: Path, live_emulator: Emulator) -> None:
    """Polling mode with PUBLIC_URL opens the web port; one that is taken is one line."""
    with socket.socket() as taken, socket.socket() as free:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        free.bind(("127.0.0.1", 0))
        health = str(free.getsockname()[1])
        free.close()
        env = bot_env(live_emulator.url, f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
        env.update(PUBLIC_URL="https://example.org", WEB_LISTEN="127.0.0.1",
                   WEB_PORT=str(taken.getsockname()[1]), HEALTH_PORT=health)  # fmt: skip
        await exits_with_one_line(await run_bot(env, tmp_path), "WEB_PORT")
