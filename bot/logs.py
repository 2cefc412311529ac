"""Logging that never carries health data, notes, names, message texts, ids or the token.

Libraries print payloads at DEBUG (aiosqlite and SQLAlchemy their SQL parameters, PTB every
update and request), so they are held at WARNING whatever LOG_LEVEL says; the bot's own lines
name people by a short keyed hash of their id (HMAC with a secret salt: LOG_SALT, or a random
one the bot keeps in its database, so nobody can run through ids to find whose line it is);
exception messages (which can quote what someone typed) are reduced to their type, the
traceback's frames kept.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import traceback
from typing import IO, Any

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# These print request and update bodies or SQL parameters below WARNING.
QUIET_LIBRARIES = (
    "aiosqlite", "sqlalchemy", "telegram", "httpx", "httpcore", "aiohttp", "apscheduler",
    "asyncpg", "matplotlib", "PIL",
)  # fmt: skip
# Telegram ids of people and chats, update ids: six digits or more, perhaps negative.
_ID = re.compile(r"(?<![\w.])-?\d{6,}(?![\w.])")


# Random until the runtime installs the stored or configured one (set_salt), so a reference is
# never the plain hash of an id, even in the first lines of a start.
_salt: bytes = secrets.token_bytes(32)
REF_HEX = 10  # 40 bits: collisions are rare among a bot's people; reversal needs the salt


def set_salt(salt: str) -> None:
    """Key references with the bot's salt (stable across restarts)."""
    global _salt
    _salt = salt.encode()


def ref(value: object) -> str:
    """A short, stable stand-in for an id: the same person is recognisable across lines, and
    without the salt an id cannot be found from it."""
    return "#" + hmac.new(_salt, str(value).encode(), hashlib.sha256).hexdigest()[:REF_HEX]


class PrivacyFilter(logging.Filter):
    """Replaces the token and every long number (ids) in a line before it is written."""

    def __init__(self, secret: str = "") -> None:
        super().__init__()
        # The token's secret half, in any case: PTB capitalises Telegram's error descriptions
        # (which can quote the request URL), and a URL may encode the colon.
        _, _, half = secret.rpartition(":")
        self._secret = (
            re.compile(rf"(?:\d+(?::|%3a))?{re.escape(half)}", re.IGNORECASE) if half else None
        )

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the message in place; never drops a line."""
        message = record.getMessage()
        if self._secret is not None:
            message = self._secret.sub("<token>", message)
        record.msg = _ID.sub(lambda m: ref(m.group()), message)
        record.args = None
        return True


class PrivateFormatter(logging.Formatter):
    """Tracebacks keep their frames but not the exception's message, which may quote input."""

    def formatException(self, ei: Any) -> str:
        """Frames and exception types only."""
        kind, exc, tb = ei
        lines: list[str] = []
        while exc is not None:
            lines[:0] = [
                *traceback.format_list(traceback.extract_tb(exc.__traceback__)),
                f"{type(exc).__module__}.{type(exc).__qualname__}\n",
            ]
            exc = exc.__cause__ or exc.__context__
        if not lines and kind is not None:
            lines = [*traceback.format_tb(tb), f"{kind.__qualname__}\n"]
        return "Traceback (message withheld):\n" + "".join(lines).rstrip("\n")


def configure(level: str, secret: str = "", stream: IO[str] | None = None) -> logging.Handler:
    """One handler on the root logger, private by construction; returns it (tests read it)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(PrivateFormatter(FORMAT))
    handler.addFilter(PrivacyFilter(secret))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    quiet = max(logging.WARNING, logging.getLevelName(level))
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(quiet)
    return handler
