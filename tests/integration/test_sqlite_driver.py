"""The SQLite adapter (bot/db/sqlite_driver.py): the same results as SQLAlchemy's own, with one
hand-over to SQLite's thread per statement and none for a transaction end with nothing open."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import Integer, String, column, insert, select, table, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db import sqlite_driver
from bot.db.session import make_engine

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
def handovers() -> Iterator[list[Any]]:
    """Every call queued for SQLite's thread while the block runs."""
    calls: list[Any] = []
    original = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(fn)
        return await original(self, fn, *args, **kwargs)

    aiosqlite.Connection._execute = counted  # type: ignore[method-assign]
    try:
        yield calls
    finally:
        aiosqlite.Connection._execute = original  # type: ignore[method-assign]


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


async def test_one_handover_a_statement_and_none_for_an_idle_commit(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.execute(select(things))  # the pool's first checkout is behind us
    with handovers() as calls:
        async with engine.begin() as connection:
            await connection.execute(select(things))
    assert len(calls) == 1  # a read: no commit, no rollback when the pool takes it back
    with handovers() as calls:
        async with engine.begin() as connection:
            await connection.execute(insert(things).values(name="walk"))
            await connection.execute(select(things))
    assert len(calls) == 3  # the write, the read, the commit
    with handovers() as calls, pytest.raises(RuntimeError):
        async with engine.begin() as connection:
            await connection.execute(insert(things).values(name="swim"))
            raise RuntimeError
    assert len(calls) == 2  # the write and its rollback
    async with engine.connect() as connection:
        assert (await connection.execute(select(things.c.name))).scalars().all() == ["walk"]
