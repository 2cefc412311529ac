"""Test databases on SQLite or PostgreSQL: one migrated template, a fresh copy for every test.

The backend comes from TEST_DATABASE_URL (read here, never in bot/): unset or a SQLite URL means
SQLite files; a `postgresql+asyncpg://` URL names a server and a database to connect to for
administration (CREATE DATABASE ... TEMPLATE gives each test its own migrated database).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from collections import deque
from collections.abc import Callable, Coroutine
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import count
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL, make_url

from bot.db.migrate import upgrade
from bot.db.models import Challenge, User
from bot.db.session import make_engine

T = TypeVar("T")

PREFIX = "smallsteps_test"  # every database the tests create starts with this
CONNECT_TIMEOUT = 5.0
AHEAD = 2  # databases made ahead of the tests that will use them
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", None}


def requested_url() -> str:
    """TEST_DATABASE_URL, or the empty string for SQLite."""
    return os.environ.get("TEST_DATABASE_URL", "").strip()


def in_ci() -> bool:
    """CI must never skip the PostgreSQL run: there an unreachable server is an error."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def postgres_url(raw: str) -> URL | None:
    """The PostgreSQL server URL (asyncpg driver) if TEST_DATABASE_URL names one, else None."""
    if not raw:
        return None
    url = make_url(raw)
    backend = url.get_backend_name()
    if backend == "sqlite":
        return None
    if backend != "postgresql" or url.get_driver_name() not in ("asyncpg", "psycopg2"):
        raise ValueError(f"TEST_DATABASE_URL must be sqlite or postgresql+asyncpg, not {raw!r}")
    return url.set(drivername="postgresql+asyncpg")


ON_POSTGRES = postgres_url(requested_url()) is not None

# Tests of what one replica does while another holds a row.
ROW_LOCKS = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="row locks between replicas need PostgreSQL: "
    "set TEST_DATABASE_URL=postgresql+asyncpg://...",
)
HELD_WAIT = 10  # seconds: a pass left to run takes a fraction of this


async def while_held(
    database_url: str, model: type[Challenge] | type[User], row_id: int,
    job: Coroutine[Any, Any, T],
) -> tuple[bool, T]:  # fmt: skip
    """Run `job` while another replica holds the row (FOR UPDATE, as in the middle of its own
    claim) and then dies, its lock going with it: whether `job` was over before that (within
    HELD_WAIT), and what it returned."""
    engine = make_engine(database_url)
    try:
        async with engine.connect() as other:
            await other.execute(select(model.id).where(model.id == row_id).with_for_update())
            running = asyncio.create_task(job)
            done, _ = await asyncio.wait({running}, timeout=HELD_WAIT)
            await other.rollback()  # the other replica is gone; its lock with it
            result = await running
    finally:
        await engine.dispose()
    return bool(done), result


def describe(url: URL) -> str:
    """host:port/database, never the password."""
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


class SQLiteTemplate:
    """A migrated SQLite file, copied per test (migrating each time would be slow)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "template.db"
        in_thread(upgrade, f"sqlite+aiosqlite:///{self.path}")

    def create(self, folder: Path) -> str:
        """A fresh, migrated database file in `folder`."""
        path = folder / "bot.db"
        shutil.copy(self.path, path)
        return f"sqlite+aiosqlite:///{path}"

    def drop(self, _: str) -> None:
        """Nothing to do: pytest removes the temporary folder."""

    def close(self) -> None:
        """Nothing to do."""


class _Loop:
    """An event loop on its own thread: sync fixtures talk to PostgreSQL through it without
    touching the event loop pytest-asyncio runs each test in."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def submit(self, coro: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self.submit(coro).result()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


class PostgresTemplate:
    """A migrated template database; each test gets `CREATE DATABASE ... TEMPLATE` of it.

    A copy takes 0.05-0.4 s (it writes the template's ~8 MB through the WAL), so the next
    databases are made, and used ones dropped, in the background while the tests run.
    """

    def __init__(self, server: URL) -> None:
        self.server = server
        self.dsn = server.set(drivername="postgresql").render_as_string(hide_password=False)
        self.names = count(1)
        self.prefix = f"{PREFIX}_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self.drops: list[Future[None]] = []
        self.ahead: deque[Future[str]] = deque()
        self.loop = _Loop()
        self.pool: asyncpg.Pool | None = None
        try:
            self.pool = self.loop.run(self._open_pool())
            self._drop_leftovers()
            self._execute(f'CREATE DATABASE "{self.template}"')
            in_thread(upgrade, self._url(self.template))
            for _ in range(AHEAD):
                self.ahead.append(self.loop.submit(self._copy()))
        except BaseException:
            self.close()
            raise

    async def _open_pool(self) -> asyncpg.Pool:
        return await asyncpg.create_pool(self.dsn, min_size=1, max_size=3, timeout=CONNECT_TIMEOUT)

    def _url(self, database: str) -> str:
        return self.server.set(database=database).render_as_string(hide_password=False)

    def _execute(self, sql: str) -> None:
        self.loop.run(self._admin(sql))

    async def _admin(self, sql: str) -> None:
        assert self.pool is not None
        async with self.pool.acquire() as connection:
            await connection.execute(sql)

    def _drop_leftovers(self) -> None:
        """Drop databases left by earlier runs that were killed (their process is gone)."""
        if self.server.host not in LOCAL_HOSTS:
            return  # process ids from another machine say nothing here
        assert self.pool is not None
        rows = self.loop.run(
            self.pool.fetch("SELECT datname FROM pg_database WHERE datname LIKE $1", f"{PREFIX}_%")
        )
        for row in rows:
            name = str(row["datname"])
            pid = name.removeprefix(f"{PREFIX}_").split("_")[0]
            if pid.isdigit() and not _alive(int(pid)):
                self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    async def _copy(self) -> str:
        name = f"{self.prefix}_{next(self.names)}"
        await self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return self._url(name)

    def create(self, _: Path) -> str:
        """A fresh, migrated database of its own (made ahead), and start making another."""
        url = self.ahead.popleft().result()
        self.ahead.append(self.loop.submit(self._copy()))
        return url

    def drop(self, url: str) -> None:
        """Drop a test's database in the background; FORCE ends connections a test left open."""
        name = make_url(url).database
        self.drops.append(self.loop.submit(self._admin(f'DROP DATABASE "{name}" WITH (FORCE)')))

    def close(self) -> None:
        """Wait for the drops, drop the template, close the admin connections."""
        try:
            for made in self.ahead:
                self.drop(made.result())
            for future in self.drops:
                future.result()
            if self.pool is not None:
                self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
                self.loop.run(self.pool.close())
        finally:
            self.loop.close()


def in_thread(function: Callable[..., T], *args: Any) -> T:
    """Run blocking code that starts its own event loop (Alembic, asyncio.run) on a thread of
    its own, so it never meets the loop of the test that is being set up."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(function, *args).result()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


async def _probe(dsn: str) -> None:
    connection = await asyncpg.connect(dsn, timeout=CONNECT_TIMEOUT)
    await connection.close()


def unreachable(server: URL) -> str | None:
    """Why the PostgreSQL server cannot be used, or None when it can."""
    dsn = server.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        in_thread(asyncio.run, _probe(dsn))
    except Exception as exc:  # any driver or OS error means the same thing here
        reason = str(exc).strip().splitlines()
        return f"PostgreSQL at {describe(server)} not reachable: {reason[0] if reason else exc!r}"
    return None
