"""The bot with its web port: a harness plus the share page and Mini App served on localhost."""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, timedelta
from statistics import mean
from typing import Any

from aiohttp import web
from sqlalchemy import delete, select

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


async def stored(harness: Harness, user_id: int) -> tuple[dict[date, Any], dict[date, Any]]:
    """The person's check-ins and plans by date, as stored."""
    async with harness.services.sessions() as session:
        checkins = {
            c.local_date: c
            for c in (
                await session.execute(select(CheckIn).where(CheckIn.user_id == user_id))
            ).scalars()
        }
        plans = {
            p.local_date: p
            for p in (
                await session.execute(select(DayPlan).where(DayPlan.user_id == user_id))
            ).scalars()
        }
    return checkins, plans


async def expected_figures(harness: Harness, user_id: int, today: date, weeks: int) -> list[str]:
    """The page's figures, in its order, worked out again from the stored rows."""
    checkins, plans = await stored(harness, user_id)
    count = weeks * 7
    period = [today - timedelta(days=count - 1 - i) for i in range(count)]

    def answer(day: date) -> str | None:
        after = checkins.get(day + timedelta(days=1))
        return after.movement if after else None

    def moved(day: date) -> bool:
        return bool(plans[day].done) or answer(day) in ("yes", "some")

    def gentler(day: date) -> bool:
        plan = plans[day]
        return plan.goal_kind == "rest" or plan.in_flare_mode or plan.day_type == "flare"

    def on_plan(day: date) -> bool:
        return moved(day) or answer(day) == "rest" or (answer(day) == "no" and gentler(day))

    def rest(day: date) -> bool:
        return not moved(day) and (
            answer(day) == "rest" or (answer(day) == "no" and plans[day].goal_kind == "rest")
        )

    def minutes(day: date) -> int:
        if not moved(day):
            return 0
        full = plans[day].done or answer(day) == "yes"
        return plans[day].goal_minutes if full else int(plans[day].goal_minutes * 0.5)

    def average(field: str) -> str:
        values = [getattr(checkins[d], field) for d in period if d in checkins]
        return f"{round(mean(values), 1):.1f}"

    goal = sum(plans[d].goal_minutes for d in period if plans[d].goal_kind != "rest")
    flares = sum(
        (d in checkins and checkins[d].flare == "yes") or plans[d].day_type == "flare"
        for d in period
    )
    return [
        f"{sum(moved(d) for d in period)} of {count} days",
        f"{sum(on_plan(d) for d in period)} of {count} days",
        f"{sum(minutes(d) for d in period)} of {goal} planned",
        str(flares),
        str(sum(rest(d) for d in period)),
        f"{sum(d in checkins for d in period)} of {count} days",
        *(average(f) for f in ("pain", "interference", "energy", "sleep")),
    ]


async def expected_rows(harness: Harness, user_id: int, today: date, weeks: int) -> list[list[str]]:
    """The day-by-day table's numbers (pain, interference, energy, sleep, goal), newest first."""
    checkins, plans = await stored(harness, user_id)

    def shown(value: int | None) -> str:
        return "-" if value is None else str(value)

    rows = []
    for back in range(weeks * 7):
        day = today - timedelta(days=back)
        check = checkins.get(day)
        plan = plans[day]
        rows.append(
            [shown(getattr(check, f, None) if check else None)
             for f in ("pain", "interference", "energy", "sleep")]
            + [shown(plan.goal_minutes if plan.goal_kind != "rest" else None)]
        )  # fmt: skip
    return rows
