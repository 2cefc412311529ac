"""Engine and session factory; one session per update or job, opened from here."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from bot.db import sqlite_driver

# Health data: the database file and SQLite's side files are readable by their owner only.
OWNER_ONLY = 0o600
SIDE_FILES = ("", "-wal", "-shm", "-journal")
# A checkpoint blocked by a reader that outlived the busy timeout is tried again this often.
CHECKPOINT_TRIES = 5
CHECKPOINT_PAUSE = 0.2
# PostgreSQL refuses NUL in text, and no database takes a lone surrogate (invalid UTF-8).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def make_engine(database_url: str) -> AsyncEngine:
    """An async engine; SQLite gets WAL and a busy timeout so two processes can share a file."""
    kwargs: dict[str, Any] = {}
    if database_url.startswith("sqlite"):
        kwargs["connect_args"] = {"timeout": 30}
        secure_sqlite_file(database_url)
        if make_url(database_url).get_driver_name() == "aiosqlite":
            # Statements on the loop's own thread, locks waited for on a worker (sqlite_driver).
            kwargs["module"] = sqlite_driver.dbapi()
    else:
        kwargs["pool_pre_ping"] = True
    # Parameters are what people typed: never in an exception message or a log line.
    engine = create_async_engine(database_url, hide_parameters=True, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
    """WAL lets readers run beside a writer; foreign keys make ON DELETE CASCADE work;
    secure_delete zeroes deleted rows in the file instead of leaving them in freed space
    (whether it is on otherwise depends on how SQLite was built)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    if not isinstance(dbapi_connection, sqlite_driver.Connection):
        # sqlite_driver's connections wait for a lock on a worker thread, never on the loop's.
        cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


async def checkpoint(engine: AsyncEngine, writer: asyncio.Lock | None) -> bool:
    """On SQLite, copy the write-ahead log into the main file and truncate it to nothing, so
    the earlier versions of pages it holds (deleted rows among them) are gone; True when done.

    Taken under the process's writer lock, so no writer of ours is in the middle; readers are
    waited for by the busy timeout, and a checkpoint they still block is tried again.
    """
    if engine.dialect.name != "sqlite":
        return True
    async with writer if writer is not None else contextlib.nullcontext():
        for _ in range(CHECKPOINT_TRIES):
            async with engine.connect() as connection:
                row = (await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")).first()
            if row is not None and row[0] == 0:
                return True
            await asyncio.sleep(CHECKPOINT_PAUSE)
    return False


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded values after commit (they never outlive one update)."""
    return async_sessionmaker(engine, expire_on_commit=False)


def secure_sqlite_file(database_url: str) -> None:
    """Create the SQLite file owner-only before SQLite does (its side files copy its mode)."""
    name = make_url(database_url).database
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    path = Path(name).expanduser()
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, OWNER_ONLY))
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists() and side.stat().st_mode & 0o777 != OWNER_ONLY:
            side.chmod(OWNER_ONLY)


def storable(text: str) -> str:
    """Text every database accepts: NUL dropped, lone surrogates replaced."""
    if not _UNSTORABLE.search(text):
        return text
    return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)


@event.listens_for(Session, "before_flush")
def _clean_text(session: Session, _context: Any, _instances: Any) -> None:
    """Whatever a person typed is stored the same on SQLite and PostgreSQL."""
    for obj, changed_only in (*((o, False) for o in session.new),
                              *((o, True) for o in session.dirty)):  # fmt: skip
        state = inspect(obj)
        # A loaded row was stored clean: only what changed since needs a look (a daily fan-out
        # flushes thousands of rows whose text nobody touched).
        keys = list(state.committed_state if changed_only else state.mapper.column_attrs.keys())
        for key in keys:
            # From the loaded state only: reading an unloaded attribute would query mid-flush.
            value = state.dict.get(key)
            if isinstance(value, str) and _UNSTORABLE.search(value):
                setattr(obj, key, storable(value))
