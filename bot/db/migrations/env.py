"""Alembic environment: runs migrations on the async engine the bot uses."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

from bot.db.models import Base
from bot.db.session import make_engine

config = context.config
target_metadata = Base.metadata

# Replicas started together all migrate on start: on PostgreSQL the first takes this lock and
# the others wait for its transaction to end, then find the schema already at head.
MIGRATION_LOCK = 5_350_001  # any fixed bigint, the same in every process


def _run(connection: Connection) -> None:
    """Run migrations on one sync connection; batch mode lets SQLite alter tables."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    """Open the async engine and hand a sync connection to Alembic."""
    engine = make_engine(config.attributes["database_url"])
    try:
        async with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                await connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                )
            await connection.run_sync(_run)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=config.attributes["database_url"], target_metadata=target_metadata, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_async())
