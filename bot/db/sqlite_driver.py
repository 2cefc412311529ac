"""SQLAlchemy's aiosqlite adapter with one trip to SQLite's thread per statement.

aiosqlite runs every call on a thread of its own, and SQLAlchemy's adapter makes four such
calls for a query (open a cursor, execute, fetch, close) and three for a write, each a hand-over
between threads that costs far more than the statement itself on the small rows of one person.
Here a statement is one call that does all four there; a commit or rollback with no transaction
open is no call at all (the pool rolls back every connection it takes back, after a commit too).
What the driver does and the results it gives are unchanged: only fewer hand-overs.

Used through `make_engine` (`module=dbapi()`), so `sqlite+aiosqlite://` URLs stay as they are.
The adapter's internals it builds on (the wrapped aiosqlite connection, its `_execute` and
`_conn`) are those SQLAlchemy's own adapter uses.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Sequence
from typing import Any, cast

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)

# (description, rows, rowcount, lastrowid) of one statement, as read on SQLite's thread.
Outcome = tuple[Any, list[Any] | None, int, int]


def _run(connection: sqlite3.Connection, operation: str, parameters: Any) -> Outcome:
    """Execute, fetch everything and close, on aiosqlite's thread."""
    cursor = connection.cursor()
    try:
        cursor.execute(operation, parameters if parameters is not None else ())
        if cursor.description:
            return cursor.description, cursor.fetchall(), -1, -1
        return None, None, cursor.rowcount, cast(int, cursor.lastrowid)
    finally:
        cursor.close()


def _run_many(connection: sqlite3.Connection, operation: str, rows: Sequence[Any]) -> Outcome:
    """executemany, then close, on aiosqlite's thread."""
    cursor = connection.cursor()
    try:
        cursor.executemany(operation, rows)
        return None, None, cursor.rowcount, cast(int, cursor.lastrowid)
    finally:
        cursor.close()


class Cursor(AsyncAdapt_aiosqlite_cursor):
    """A client-side cursor whose statement is one call to SQLite's thread."""

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
        driver = self._connection
        try:
            self._apply(self.await_(driver._execute(_run, driver._conn, operation, parameters)))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        """Run one statement for many rows."""
        driver = self._connection
        try:
            self._apply(
                self.await_(driver._execute(_run_many, driver._conn, operation, seq_of_parameters))
            )
        except Exception as error:
            self._adapt_connection._handle_exception(error)


class Connection(AsyncAdapt_aiosqlite_connection):
    """SQLAlchemy's adapted connection with the one-call cursor and transaction ends."""

    __slots__ = ()

    def cursor(self, server_side: bool = False) -> AsyncAdapt_aiosqlite_cursor:
        """One-call cursors; streaming (server-side) ones as SQLAlchemy makes them."""
        return super().cursor(server_side) if server_side else Cursor(self)

    def _open(self) -> bool:
        """Whether SQLite has a transaction open on this connection. Read here, not on SQLite's
        thread: SQLAlchemy waits for each call on a connection before the next, so that thread
        is idle for it now."""
        try:
            return bool(self._connection._conn.in_transaction)
        except Exception as error:
            self._handle_exception(error)

    def commit(self) -> None:
        """Commit the open transaction, if any."""
        if self._open():
            super().commit()

    def rollback(self) -> None:
        """Roll back the open transaction, if any."""
        if self._open():
            super().rollback()


class DBAPI(AsyncAdapt_aiosqlite_dbapi):
    """The aiosqlite DB-API module as SQLAlchemy wraps it, handing out `Connection`s."""

    def connect(self, *arg: Any, **kw: Any) -> Connection:
        """Open an aiosqlite connection on its own (daemon) thread."""
        adapted = super().connect(*arg, **kw)
        if type(adapted) is not AsyncAdapt_aiosqlite_connection:
            raise TypeError("the async fallback mode is not supported")
        return Connection(self, adapted._connection)


def dbapi() -> DBAPI:
    """The module to pass to create_async_engine for `sqlite+aiosqlite` URLs."""
    return DBAPI(aiosqlite, sqlite3)
