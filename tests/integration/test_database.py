"""Database functions on a real engine: migrations, the outbox claim, one row per day."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Integer,
    String,
    Time,
    column,
    event,
    insert,
    select,
    table,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from bot.clock import ManualClock
from bot.config import load_settings
from bot.db import inbox, queries
from bot.db.migrate import alembic_config
from bot.db.models import Base, CheckIn, PromptSent, User
from bot.db.session import make_engine, make_sessionmaker
from bot.db.types import UTCDateTime
from bot.services import Services
from bot.telegram.jobs.daily import claim_due
from bot.views.content import Content
from tests.databases import ON_POSTGRES

NOW = datetime(2026, 6, 1, 7, 0, 30, tzinfo=UTC)  # 09:00:30 in Berlin


@pytest.fixture
def services(database_url: str, content: Content) -> Services:
    from bot.app import build_services

    settings = load_settings(require_token=False, DATABASE_URL=database_url)
    return build_services(settings, ManualClock(NOW), content)


def schema_diff(connection: Connection) -> list[Any]:
    """What Alembic would change to make the database match the models."""
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_migrations_match_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            diff = await connection.run_sync(schema_diff)
    finally:
        await engine.dispose()
    assert diff == []


def test_downgrade_and_upgrade_again(database_url: str) -> None:
    config = alembic_config(database_url)
    command.downgrade(config, "base")
    command.upgrade(config, "head")


@pytest.mark.skipif(not ON_POSTGRES, reason="only replicas start together; they need PostgreSQL")
async def test_replicas_starting_together_on_an_empty_database_migrate_once(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    migrate = "import sys; from bot.db.migrate import upgrade; upgrade(sys.argv[1])"
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-c", migrate, database_url, stderr=asyncio.subprocess.PIPE
        )
        for _ in range(3)
    ]
    errors = [(await asyncio.wait_for(p.communicate(), 60))[1].decode() for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0], errors
    try:
        async with engine.connect() as connection:
            assert await connection.run_sync(schema_diff) == []
    finally:
        await engine.dispose()


# The users table as migration 0001 made it, to store a person before the later migrations.
USERS_0001 = table(
    "users",
    *(column(name, BigInteger) for name in ("id", "chat_id")),
    *(column(name, String) for name in ("first_name", "language_code", "timezone", "dialog")),
    column("checkin_time", Time),
    *(column(name, Integer) for name in ("bad_day_minutes", "good_day_minutes")),
    column("activities", JSON),
    *(column(name, Boolean) for name in ("onboarded", "active", "paused")),
    *(column(name, UTCDateTime) for name in ("next_prompt_at", "created_at", "updated_at")),
)


async def _store_first_person(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                insert(USERS_0001).values(
                    id=7, chat_id=7, first_name="Early", language_code="en",
                    timezone="Europe/Berlin", dialog=None, checkin_time=time(9, 30),
                    bad_day_minutes=2, good_day_minutes=10, activities=["walk"], onboarded=True,
                    active=True, paused=False, next_prompt_at=NOW, created_at=NOW, updated_at=NOW,
                )
            )  # fmt: skip
    finally:
        await engine.dispose()


async def _load_person(database_url: str) -> User | None:
    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            return await session.get(User, 7)
    finally:
        await engine.dispose()


def test_people_stored_before_later_migrations_get_their_defaults(database_url: str) -> None:
    config = alembic_config(database_url)
    command.downgrade(config, "0001")
    asyncio.run(_store_first_person(database_url))
    command.upgrade(config, "head")
    user = asyncio.run(_load_person(database_url))
    assert user is not None
    assert (user.checkin_time, user.activities, user.symptom_tags) == (time(9, 30), ["walk"], [])
    assert (user.weekly_enabled, user.weekly_weekday, user.weekly_time) == (True, 6, time(19, 0))
    assert user.next_prompt_at == NOW and user.created_at.tzinfo is not None


async def add_people(services: Services, count: int, due: datetime) -> None:
    async with services.transaction() as session:
        for i in range(count):
            user = queries.new_user(i + 1, i + 1, f"P{i}", "en", "Europe/Berlin", NOW)
            user.checkin_time = time(9, 0)
            user.onboarded = True
            user.next_prompt_at = due
            session.add(user)


async def test_claim_records_each_person_once_per_local_day(services: Services) -> None:
    await add_people(services, 5, datetime(2026, 6, 1, 7, 0, tzinfo=UTC))
    first = await claim_due(services, NOW)
    assert sorted(c.user_id for c in first) == [1, 2, 3, 4, 5]
    assert {c.day for c in first} == {date(2026, 6, 1)}
    assert await claim_due(services, NOW) == []
    async with services.sessions() as session:
        users = (await session.execute(select(User))).scalars().all()
        logs = (await session.execute(select(PromptSent))).scalars().all()
    assert {u.next_prompt_at for u in users} == {datetime(2026, 6, 2, 7, 0, tzinfo=UTC)}
    assert len(logs) == 5
    await services.engine.dispose()


async def test_claim_skips_paused_inactive_and_not_onboarded(services: Services) -> None:
    await add_people(services, 3, datetime(2026, 6, 1, 7, 0, tzinfo=UTC))
    async with services.transaction() as session:
        people = (await session.execute(select(User).order_by(User.id))).scalars().all()
        people[0].paused = True
        people[1].active = False
        people[2].onboarded = False
    assert await claim_due(services, NOW) == []
    await services.engine.dispose()


async def test_one_checkin_and_one_prompt_per_local_date_is_enforced(services: Services) -> None:
    await add_people(services, 1, NOW)
    with pytest.raises(IntegrityError):
        async with services.transaction() as session:
            for _ in range(2):
                session.add(CheckIn(user_id=1, local_date=date(2026, 6, 1), note_done=False,
                                    path="full", created_at=NOW, updated_at=NOW))  # fmt: skip
    with pytest.raises(IntegrityError):
        async with services.transaction() as session:
            for _ in range(2):
                session.add(PromptSent(user_id=1, local_date=date(2026, 6, 1), due_at=NOW))
    await services.engine.dispose()


async def test_datetimes_come_back_aware_in_utc(services: Services) -> None:
    await add_people(services, 1, NOW)
    async with services.sessions() as session:
        user = await session.get(User, 1)
    assert (
        user is not None and user.next_prompt_at == NOW and user.next_prompt_at.tzinfo is not None
    )
    await services.engine.dispose()


async def test_get_user_reads_once_a_session_and_sees_a_deletion(services: Services) -> None:
    await add_people(services, 2, NOW)
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement.split(None, 1)[0].upper())

    event.listen(services.engine.sync_engine, "before_cursor_execute", record)
    try:
        async with services.transaction() as session:
            first = await queries.get_user(session, 1)
            again = await queries.get_user(session, 1)
            assert first is not None and again is first
            assert await queries.get_user(session, 99) is None
            await session.delete(first)
            await session.flush()
            assert await queries.get_user(session, 1) is None
            other = await queries.get_user(session, 2)
            assert other is not None and other.id == 2
    finally:
        event.remove(services.engine.sync_engine, "before_cursor_execute", record)
    # One read per person looked up (the second look at person 1 came from the session).
    assert seen.count("SELECT") == 4, seen
    await services.engine.dispose()


async def test_the_inbox_stores_each_update_once_and_counts_the_new(services: Services) -> None:
    def update(update_id: int) -> dict[str, Any]:
        return {"update_id": update_id, "message": {"chat": {"id": 5}, "from": {"id": 6},
                                                    "text": f"hi {update_id}"}}  # fmt: skip

    async with services.transaction() as session:
        assert await inbox.store(session, [update(1), update(2), update(3)], NOW) == 3
    async with services.transaction() as session:
        assert await inbox.store(session, [update(2), update(4)], NOW) == 1  # 2 is redelivered
    async with services.sessions() as session:
        rows = (await session.scalars(select(inbox.InboxUpdate))).all()
    stored = sorted((r.update_id, r.chat_id, r.user_id, r.payload["message"]["text"])
                    for r in rows if r.payload)  # fmt: skip
    assert stored == [(1, 5, 6, "hi 1"), (2, 5, 6, "hi 2"), (3, 5, 6, "hi 3"), (4, 5, 6, "hi 4")]
    assert all(r.received_at == NOW for r in rows)
    await services.engine.dispose()
