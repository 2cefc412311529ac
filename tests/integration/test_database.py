"""Database functions on a real engine: migrations, the outbox claim, one row per day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, select
from sqlalchemy.exc import IntegrityError

from bot.clock import ManualClock
from bot.config import load_settings
from bot.content import Content
from bot.db import queries
from bot.db.migrate import alembic_config
from bot.db.models import Base, CheckIn, PromptSent, User
from bot.scheduling import claim_due
from bot.services import Services

NOW = datetime(2026, 6, 1, 7, 0, 30, tzinfo=UTC)  # 09:00:30 in Berlin


@pytest.fixture
def services(db_path: Path, content: Content) -> Services:
    from bot.app import build_services

    settings = load_settings(require_token=False, DATABASE_URL=f"sqlite+aiosqlite:///{db_path}")
    return build_services(settings, ManualClock(NOW), content)


def test_migrations_match_the_models(db_path: Path) -> None:
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_and_upgrade_again(db_path: Path) -> None:
    config = alembic_config(f"sqlite+aiosqlite:///{db_path}")
    command.downgrade(config, "base")
    command.upgrade(config, "head")


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
