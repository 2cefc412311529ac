"""The bot with its web port: a harness plus the share page and Mini App served on localhost."""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from typing import Any

from aiohttp import web
from sqlalchemy import delete

from bot.clock import ManualClock
from bot.config import load_settings
from bot.db.models import CheckIn, DayPlan, Reflection
from bot.devtools.emulator import Emulator, FakeUser
from bot.devtools.seed import seed_person
from bot.views.content import Content
from bot.web import initdata
from bot.web.server import Limits, Site
from tests.e2e.test_plans import setup
from tests.harness import Harness

TOKEN = "123456:TEST-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def web_harness(
    emulator: Emulator,
    clock: ManualClock,
    database_url: str,
    content: Content,
    *,
    limits: Limits | None = None,
    public_url: str | None = None,
) -> AsyncIterator[tuple[Harness, str]]:
    """The bot (polling the emulator) and its pages on a free local port: (harness, root)."""
    port = free_port()
    root = f"http://127.0.0.1:{port}"
    settings = load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=emulator.url,
        DATABASE_URL=database_url, PUBLIC_URL=public_url or root,
    )  # fmt: skip
    async with Harness.running(settings, emulator, clock, content) as harness:
        site = Site(harness.services, limits)
        runner = web.AppRunner(site.application(), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            yield harness, root
        finally:
            await runner.cleanup()


async def seeded_person(harness: Harness, name: str, days: int = 84) -> tuple[FakeUser, date]:
    """Someone set up through the bot, then given `days` days of varied history."""
    person = await setup(harness, name)
    today = harness.clock.now().date()
    async with harness.services.transaction() as session:
        for model in (CheckIn, DayPlan, Reflection):
            await session.execute(delete(model).where(model.user_id == person.id))
        await seed_person(session, person.id, today, days)
    return person, today


def init_data(user_id: int, signed_at: datetime, token: str = TOKEN, **extra: str) -> str:
    """initData as Telegram would hand it to the Mini App."""
    fields = {
        "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
        "user": json.dumps({"id": user_id, "first_name": "Robin", "language_code": "en"}),
        "auth_date": str(int(signed_at.timestamp())),
        **extra,
    }
    return initdata.sign(fields, token)


def link_in(said: str) -> str:
    """The share link in a reply."""
    [link] = [word for word in said.split() if "/s/" in word]
    return link


def theme() -> dict[str, Any]:
    """A dark Telegram theme."""
    return {"bg_color": "#17212b", "text_color": "#f5f5f5", "hint_color": "#708499",
            "link_color": "#6ab3f3", "secondary_bg_color": "#232e3c"}  # fmt: skip
