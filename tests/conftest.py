"""Shared fixtures: a migrated database, the emulator, and the real bot wired to both.

TEST_DATABASE_URL picks the database backend for the whole run (see tests/databases.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import modeldata, zonedata
from bot.clock import ManualClock
from bot.config import load_settings
from bot.devtools.emulator import Emulator
from bot.views.content import Content, load_content
from tests import databases
from tests.databases import PostgresTemplate, SQLiteTemplate
from tests.harness import Harness

# Zone lookups read what the wiring installs at start; unit tests call them directly.
zonedata.load()
modeldata.load()

# A Friday in Europe two days before clocks go forward; far enough from real time to be obvious.
START = datetime(2026, 3, 27, 10, 0, tzinfo=UTC)


# Why the PostgreSQL named by TEST_DATABASE_URL cannot be used (set at session start).
_POSTGRES_UNUSABLE: str | None = None


def pytest_sessionstart(session: pytest.Session) -> None:
    """On PostgreSQL, look for the server first: CI fails at once, elsewhere the tests skip."""
    global _POSTGRES_UNUSABLE
    server = databases.postgres_url(databases.requested_url())
    if server is None:
        return
    _POSTGRES_UNUSABLE = databases.unreachable(server)
    if _POSTGRES_UNUSABLE and databases.in_ci():
        pytest.exit(f"{_POSTGRES_UNUSABLE} (TEST_DATABASE_URL, CI)", returncode=1)


def pytest_report_header(config: pytest.Config) -> str:
    """Say which backend this run is on."""
    server = databases.postgres_url(databases.requested_url())
    return f"database: {'PostgreSQL ' + databases.describe(server) if server else 'SQLite'}"


@pytest.fixture(scope="session")
def database_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[SQLiteTemplate | PostgresTemplate]:
    """One migrated database per run, copied for each test (migrating each time is slow)."""
    server = databases.postgres_url(databases.requested_url())
    template: SQLiteTemplate | PostgresTemplate
    if server is None:
        template = SQLiteTemplate(tmp_path_factory.mktemp("template"))
    else:
        if _POSTGRES_UNUSABLE:
            pytest.skip(_POSTGRES_UNUSABLE)
        template = PostgresTemplate(server)
    try:
        yield template
    finally:
        template.close()


@pytest.fixture
def database_url(
    database_template: SQLiteTemplate | PostgresTemplate, tmp_path: Path
) -> Iterator[str]:
    """A fresh, migrated database for this test, as an async SQLAlchemy URL."""
    url = database_template.create(tmp_path)
    try:
        yield url
    finally:
        database_template.drop(url)


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
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> AsyncIterator[Harness]:
    """The real bot (PTB polling over HTTP) against the emulator and a real database."""
    settings = load_settings(
        require_token=False,
        TELEGRAM_BOT_TOKEN="123456:TEST-token",
        TELEGRAM_API_URL=emulator.url,
        DATABASE_URL=database_url,
    )
    async with Harness.running(settings, emulator, clock, content) as running:
        yield running


def pytest_configure(config: pytest.Config) -> None:
    """Keep asyncio debug noise out of the way."""
    asyncio.get_event_loop_policy()
