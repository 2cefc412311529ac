"""What every handler and job needs, kept on the application (never in user_data)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.ext import Application, CallbackContext

from bot.clock import Clock
from bot.config import Settings
from bot.domain.rules import ContentItem
from bot.views.content import Content

KEY = "services"


@dataclass
class Services:
    """Settings, clock, database and content: built once in app.py."""

    settings: Settings
    clock: Clock
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    content: Content
    catalogue: tuple[ContentItem, ...]
    # When each loop and repeating job last made progress (time.monotonic()), for /healthz.
    heartbeats: dict[str, float] = field(default_factory=dict)
    # SQLite takes one writer at a time. Writers of this process queue here instead of at the
    # file lock, whose busy handler sleeps in growing steps (up to 100 ms) and made 400 people
    # writing at once wait seconds each. None on PostgreSQL, where writers run side by side.
    writer: asyncio.Lock | None = None
    _writing: asyncio.Task[Any] | None = None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One session with one transaction, committed on success."""
        task = asyncio.current_task()
        if self.writer is None or self._writing is task:
            async with self.sessions() as session, session.begin():
                yield session
            return
        async with self.writer:
            self._writing = task
            try:
                async with self.sessions() as session, session.begin():
                    yield session
            finally:
                self._writing = None


def get(context: CallbackContext[Any, Any, Any, Any]) -> Services:
    """The services of the running application."""
    services: Services = context.bot_data[KEY]
    return services


def of(application: Application[Any, Any, Any, Any, Any, Any]) -> Services:
    """The services stored on an application."""
    services: Services = application.bot_data[KEY]
    return services
