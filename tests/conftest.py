"""Shared fixtures: a migrated database, the emulator, and the real bot wired to both."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.config import load_settings
from bot.content import Content, load_content
from bot.db.migrate import upgrade
from bot.emulator import Emulator
from tests.harness import Harness

# A Friday in Europe two days before clocks go forward; far enough from real time to be obvious.
START = datetime(2026, 3, 27, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied per test (migrating each time would be slow)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh, migrated database file for this test."""
    path = tmp_path / "bot.db"
    shutil.copy(template_db, path)
    return path


@pytest.fixture(scope="session")
def content() -> Content:
    """The real content library, loaded once."""
    return load_content()


@pytest.fixture
def clock() -> ManualClock:
    """A clock that runs from START and can jump."""
    return ManualClock(START)


@pytest.fixture
async def emulator(clock: ManualClock) -> AsyncIterator[Emulator]:
    """The Bot API emulator on a free local port."""
    emu = Emulator(clock=clock.now)
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


@pytest.fixture
async def harness(
    emulator: Emulator, clock: ManualClock, db_path: Path, content: Content
) -> AsyncIterator[Harness]:
    """The real bot (PTB polling over HTTP) against the emulator and a real SQLite file."""
    settings = load_settings(
        require_token=False,
        TELEGRAM_BOT_TOKEN="123456:TEST-token",
        TELEGRAM_API_URL=emulator.url,
        DATABASE_URL=f"sqlite+aiosqlite:///{db_path}",
    )
    async with Harness.running(settings, emulator, clock, content) as running:
        yield running


def pytest_configure(config: pytest.Config) -> None:
    """Keep asyncio debug noise out of the way."""
    asyncio.get_event_loop_policy()
