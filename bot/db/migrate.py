"""Apply the Alembic migrations that own the schema."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from bot.db.session import make_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class DatabaseError(Exception):
    """The database cannot be reached or migrated; the message is one line for stderr."""


def alembic_config(database_url: str) -> Config:
    """An Alembic config built in code, so no alembic.ini has to be found on disk."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str) -> None:
    """Bring the schema to the newest revision (blocking; call before the event loop runs)."""
    try:
        asyncio.run(_ping(database_url))
        command.upgrade(alembic_config(database_url), "head")
    except DatabaseError:
        raise
    except Exception as exc:  # every driver raises its own kinds; one line is all a user needs
        raise DatabaseError(f"DATABASE_URL: cannot use the database: {_first_line(exc)}") from exc


async def _ping(database_url: str) -> None:
    """Open one connection so a bad URL fails fast with the driver's own reason."""
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    finally:
        await engine.dispose()


def _first_line(exc: BaseException) -> str:
    """The first line of an exception, without SQLAlchemy's background link."""
    message = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return message[0] if message else type(exc).__name__
