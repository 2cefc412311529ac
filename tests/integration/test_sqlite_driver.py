"""The SQLite adapter (bot/db/sqlite_driver.py): the same results as SQLAlchemy's own, statements
on the loop's thread, and a lock held elsewhere waited for on a worker thread, never the loop."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Integer, String, column, insert, select, table, text, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

from bot.db import sqlite_driver
from bot.db.session import checkpoint, make_engine

things = table("things", column("id", Integer), column("name", String))


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'driver.db'}")
    async with engine.begin() as connection:
        await connection.execute(
            text("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
        )
    try:
        yield engine
    finally:
        await engine.dispose()


@contextmanager
def on_workers() -> Iterator[list[Any]]:
    """Every statement that went to a worker thread (to wait for a lock) while the block runs."""
    calls: list[Any] = []
    original = sqlite_driver._waiting

    def counted(*args: Any) -> Any:
        calls.append(args[3])
        return original(*args)

    sqlite_driver._waiting = counted  # type: ignore[assignment]
    try:
        yield calls
    finally:
        sqlite_driver._waiting = original  # type: ignore[assignment]


async def test_the_engine_uses_the_adapter(engine: AsyncEngine) -> None:
    assert isinstance(engine.dialect.dbapi, sqlite_driver.DBAPI)
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        assert isinstance(raw.dbapi_connection, sqlite_driver.Connection)


async def test_reads_and_writes_give_what_sqlalchemy_gives(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        one = await connection.execute(insert(things).values(name="walk"))
        assert one.rowcount == 1 and one.lastrowid == 1
        many = await connection.execute(insert(things), [{"name": "swim"}, {"name": "yoga"}])
        assert many.rowcount == 2
        changed = await connection.execute(
            update(things).where(things.c.name != "walk").values(name=things.c.name + "!")
        )
        assert changed.rowcount == 2
    async with engine.connect() as connection:
        rows = (await connection.execute(select(things).order_by(things.c.id))).all()
        assert [tuple(r) for r in rows] == [(1, "walk"), (2, "swim!"), (3, "yoga!")]
        assert (await connection.execute(select(things).where(things.c.id == 9))).first() is None
        streamed = [r.name async for r in await connection.stream(select(things.c.name))]
        assert sorted(streamed) == ["swim!", "walk", "yoga!"]


async def test_a_failed_transaction_is_rolled_back_and_the_error_is_sqlalchemys(
    engine: AsyncEngine,
) -> None:
    async with engine.begin() as connection:
        await connection.execute(insert(things).values(name="walk"))
    with pytest.raises(IntegrityError):
        async with engine.begin() as connection:
            await connection.execute(insert(things).values(name="swim"))
            await connection.execute(insert(things).values(name="walk"))
    async with engine.connect() as connection:
        names = (await connection.execute(select(things.c.name))).scalars().all()
    assert names == ["walk"]


async def test_statements_run_on_the_loop_while_the_database_is_free(engine: AsyncEngine) -> None:
    with on_workers() as calls:
        async with engine.begin() as connection:
            await connection.execute(insert(things).values(name="walk"))
            await connection.execute(select(things))
    assert calls == []


async def test_a_lock_held_elsewhere_is_waited_for_off_the_loop(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    """Another connection (another process, say) holds the write lock for half a second: the
    write waits on a worker thread and then succeeds, and the loop keeps running meanwhile."""
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        other = sqlite3.connect(tmp_path / "driver.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO things (name) VALUES ('swim')")
        held.set()
        release.wait(5)
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert await asyncio.to_thread(held.wait, 5)
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    asyncio.get_running_loop().call_later(0.5, release.set)
    with on_workers() as calls:
        async with engine.begin() as connection:
            await connection.execute(insert(things).values(name="walk"))
    ticker.cancel()
    holder.join()
    assert len(calls) == 1 and ticks >= 20, (calls, ticks)
    async with engine.connect() as connection:
        names = (await connection.execute(select(things.c.name))).scalars().all()
    assert sorted(names) == ["swim", "walk"]


async def test_a_checkpoint_waits_on_a_worker(engine: AsyncEngine) -> None:
    with on_workers() as calls:
        assert await checkpoint(engine, None)
    assert len(calls) == 1


async def test_a_lock_held_past_the_timeout_fails_that_statement_only(tmp_path: Path) -> None:
    """The write gives up after the timeout with SQLAlchemy's error; the connection goes back to
    the pool clean, and the next write on it succeeds once the lock is gone."""
    path = tmp_path / "short.db"
    engine = create_async_engine(
        f"sqlite+aiosqlite:///{path}", module=sqlite_driver.dbapi(),
        connect_args={"timeout": 0.2}, poolclass=StaticPool,
    )  # fmt: skip
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)"))
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    async with engine.connect() as connection:
        try:
            with pytest.raises(OperationalError, match="locked"):
                await connection.execute(insert(things).values(name="walk"))
            await connection.rollback()  # not the failed statement's error again
        finally:
            other.execute("ROLLBACK")
            other.close()
        await connection.execute(insert(things).values(name="swim"))
        await connection.commit()
    async with engine.connect() as connection:
        assert (await connection.execute(select(things.c.name))).scalars().all() == ["swim"]
    await engine.dispose()
