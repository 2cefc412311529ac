"""Which failures are the database being away (wait and retry) rather than a bug."""

from __future__ import annotations

from contextvars import ContextVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# Set when an update failed because the database was away: the runtime handles it again later
# instead of apologising and moving on (what the person sent is not lost).
retry_later: ContextVar[str | None] = ContextVar("retry_later", default=None)


def database_away(error: object) -> bool:
    """True for failures of the connection, not of the query: waiting will fix them."""
    if isinstance(error, OperationalError | InterfaceError | PoolTimeout):
        return True
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, ConnectionError)
