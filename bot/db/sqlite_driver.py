"""SQLAlchemy's async SQLite dialect, with statements run on the event loop's own thread.

aiosqlite runs every call on a thread of its own, and SQLAlchemy's adapter makes four such
calls for a query (open a cursor, execute, fetch, close). Each is a hand-over between threads
(a queue, a wake-up, the GIL passed back and forth, a wake-up of the loop) that costs far more
than the statement itself on the small rows of one person: most of the CPU of a check-in tap's
database work went there. Here a statement runs at once where it is called, as one call (execute,
fetch everything, close), so it never waits on another thread.

Running on the loop's thread must never block the loop: SQLite waits for a lock held by another
connection (another process, or another engine on the same file) with its busy handler, which
sleeps. So these connections wait for no lock (busy timeout 0), and a statement that finds the
database locked is run again on a worker thread that waits as long as the configured timeout,
while the loop goes on. In WAL mode (bot/db/session.py) only a second writer or a checkpoint
ever meets a lock; a process's own writers queue on its writer lock (bot/services.py) first.

Used through `make_engine` (`module=dbapi()`), so `sqlite+aiosqlite://` URLs stay as they are.
Results and errors are SQLAlchemy's own (tests/integration/test_sqlite_driver.py).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar, cast

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)

T = TypeVar("T")
# (description, rows, rowcount, lastrowid) of one statement.
Outcome = tuple[Any, list[Any] | None, int, int]
DEFAULT_TIMEOUT = 5.0  # seconds, as sqlite3.connect's own default
# Statements that wait for other connections by design (a checkpoint waits for readers to
# finish): always on a worker thread.
WAITS = ("PRAGMA wal_checkpoint",)


def _run(connection: sqlite3.Connection, operation: str, parameters: Any) -> Outcome:
    """Execute, fetch everything and close."""
    cursor = connection.cursor()
    try:
        cursor.execute(operation, parameters if parameters is not None else ())
        if cursor.description:
            return cursor.description, cursor.fetchall(), -1, -1
        return None, None, cursor.rowcount, cast(int, cursor.lastrowid)
    finally:
        cursor.close()


def _run_many(connection: sqlite3.Connection, operation: str, rows: Any) -> Outcome:
    """executemany, then close."""
    cursor = connection.cursor()
    try:
        cursor.executemany(operation, rows)
        return None, None, cursor.rowcount, cast(int, cursor.lastrowid)
    finally:
        cursor.close()


def _commit(connection: sqlite3.Connection) -> None:
    connection.commit()


def _rollback(connection: sqlite3.Connection) -> None:
    connection.rollback()


def _locked(error: sqlite3.OperationalError) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED: another connection holds what the statement needs."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error)


def _waiting(connection: sqlite3.Connection, timeout: float, fn: Callable[..., T], *args: Any) -> T:
    """On a worker thread: `fn` with SQLite's busy handler waiting up to `timeout`."""
    connection.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    try:
        return fn(connection, *args)
    finally:
        connection.execute("PRAGMA busy_timeout=0")


async def _nothing() -> None:
    """An await that does not suspend: SQLAlchemy's async engine checks that a statement
    went through the driver's await (AwaitRequired), which this one needs for nothing."""


class Cursor(AsyncAdapt_aiosqlite_cursor):
    """A client-side cursor whose statement runs at once (see the module's docstring)."""

    __slots__ = ()

    def _apply(self, outcome: Outcome) -> None:
        description, rows, rowcount, lastrowid = outcome
        self.description = description
        if rows is not None:
            self._rows = deque(rows)
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        """Run one statement and keep its rows."""
        adapted = cast("Connection", self._adapt_connection)
        if isinstance(operation, str) and operation.startswith(WAITS):
            self._apply(adapted.run_waiting(_run, operation, parameters))
        else:
            self._apply(adapted.run(_run, operation, parameters))

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        """Run one statement for many rows."""
        adapted = cast("Connection", self._adapt_connection)
        self._apply(adapted.run(_run_many, operation, seq_of_parameters))


class Connection(AsyncAdapt_aiosqlite_connection):
    """SQLAlchemy's adapted connection around a plain sqlite3 connection."""

    __slots__ = ("_pending", "_timeout")

    def __init__(self, dbapi: Any, connection: sqlite3.Connection, timeout: float) -> None:
        super().__init__(dbapi, connection)  # type: ignore[arg-type]
        self._timeout = timeout
        # A statement still running on a worker thread (its caller was cancelled meanwhile):
        # the next one on this connection waits for it, so the connection is never used twice.
        self._pending: asyncio.Future[Any] | None = None

    @property
    def _sqlite(self) -> sqlite3.Connection:
        return cast(sqlite3.Connection, self._connection)

    def run(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(connection, *args)` here and now; on a worker thread if the database is locked."""
        try:
            self._settle()
            try:
                result = fn(self._sqlite, *args)
            except sqlite3.OperationalError as error:
                if not _locked(error):
                    raise
                return self._on_worker(fn, *args)
            self.await_(_nothing())
            return result
        except Exception as error:
            self._handle_exception(error)

    def run_waiting(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(connection, *args)` on a worker thread, waiting for locks (a checkpoint)."""
        try:
            self._settle()
            return self._on_worker(fn, *args)
        except Exception as error:
            self._handle_exception(error)

    def _settle(self) -> None:
        """Wait for a statement of this connection still running on a worker thread (its
        caller was cancelled: what became of it was that caller's to hear, not this one's)."""
        if self._pending is not None:
            pending = self._pending
            self.await_(asyncio.wait({pending}))
            self._pending = None
            if not pending.cancelled():
                pending.exception()  # retrieved, so asyncio does not log it as never seen

    def _on_worker(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        pending = loop.run_in_executor(None, _waiting, self._sqlite, self._timeout, fn, *args)
        self._pending = pending
        try:
            result: T = self.await_(asyncio.shield(pending))
        except asyncio.CancelledError:
            raise  # it may still be running: the next statement waits for it (_settle)
        finally:
            if pending.done():
                self._pending = None
        return result

    def cursor(self, server_side: bool = False) -> AsyncAdapt_aiosqlite_cursor:
        """Every cursor fetches all its rows at once (streaming reads them from memory)."""
        return Cursor(self)

    def commit(self) -> None:
        """Commit the open transaction, if any."""
        if self._sqlite.in_transaction:
            self.run(_commit)

    def rollback(self) -> None:
        """Roll back the open transaction, if any."""
        if self._sqlite.in_transaction:
            self.run(_rollback)

    def close(self) -> None:
        """Close the connection."""
        self._sqlite.close()

    @property
    def isolation_level(self) -> str | None:
        """sqlite3's transaction mode (SQLAlchemy sets it for AUTOCOMMIT and back)."""
        return self._sqlite.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._sqlite.isolation_level = cast(Any, value)

    def create_function(self, *args: Any, **kw: Any) -> None:
        """A Python function callable from SQL (SQLAlchemy adds REGEXP)."""
        self._sqlite.create_function(*args, **kw)

    async def _terminate_graceful_close(self) -> None:
        self._sqlite.close()

    def _terminate_force_close(self) -> None:
        self._sqlite.close()


class DBAPI(AsyncAdapt_aiosqlite_dbapi):
    """The sqlite3 module as SQLAlchemy's async SQLite dialect expects its DB-API."""

    def connect(self, *arg: Any, **kw: Any) -> Connection:
        """A sqlite3 connection that waits for no lock (see the module's docstring)."""
        kw.pop("async_fallback", None)
        kw.pop("async_creator_fn", None)
        timeout = float(kw.pop("timeout", DEFAULT_TIMEOUT))
        # Used from the loop's thread and, when the database is locked, one worker at a time.
        kw.update(check_same_thread=False, timeout=0)
        opened: sqlite3.Connection = cast(Any, sqlite3.connect)(*arg, **kw)
        return Connection(self, opened, timeout)


def dbapi() -> DBAPI:
    """The module to pass to create_async_engine for `sqlite+aiosqlite` URLs."""
    return DBAPI(aiosqlite, sqlite3)
