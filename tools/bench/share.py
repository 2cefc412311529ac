"""`smallsteps bench share`: the share page's time to first byte and weight, 12 weeks of data.

A migrated SQLite database, one person with 84 days of varied history (bot.devtools.seed), a
share link for 12 weeks, and the bot's own web server on localhost. Requests go one at a time
(a clinician opening a page); time to first byte is from sending the request to having the
response's status and headers. The baseline, measured in the same run on the same server, is
the plain 404 (no database, no rendering). Prints one JSON object; targets: p95 under 100 ms,
every page under 200 KB.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp
from aiohttp import web

from bot.app import build_services
from bot.config import load_settings
from bot.db.migrate import upgrade
from bot.devtools.seed import seed_person
from bot.domain.schedule import local_date
from bot.usecases import share
from bot.web import initdata
from bot.web.server import Limits, Site

from .common import JSON, percentile

TARGET_P95_MS = 100.0
TARGET_BYTES = 200 * 1024
WEEKS = 12
PERSON = 4242
ZONE = "Europe/Berlin"
TOKEN = "bench:token"


async def _ttfb(client: aiohttp.ClientSession, url: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        async with client.get(url) as response:
            times.append(time.perf_counter() - started)
            await response.read()
    return times


def _ms(values: list[float], q: float) -> float:
    return round(percentile(values, q) * 1000, 2)


async def measure(requests: int) -> JSON:
    """Serve the pages, request them `requests` times each, return the figures."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        settings = load_settings(
            require_token=False, TELEGRAM_BOT_TOKEN=TOKEN, DATABASE_URL=url,
            PUBLIC_URL="http://127.0.0.1",
        )  # fmt: skip
        await asyncio.to_thread(upgrade, url)
        services = build_services(settings)
        now = services.clock.now()
        today = local_date(now, ZoneInfo(ZONE))
        async with services.transaction() as session:
            await seed_person(session, PERSON, today, WEEKS * 7, timezone=ZONE)
            long_token, _ = await share.create(session, PERSON, now, weeks=WEEKS, notes=True)
        async with services.transaction() as session:
            # A second person's 4-week link (one working link per person).
            await seed_person(session, PERSON + 1, today, WEEKS * 7, timezone=ZONE)
            short_token, _ = await share.create(session, PERSON + 1, now, weeks=4)
        runner = web.AppRunner(
            Site(services, Limits(per_minute=10**9)).application(), access_log=None
        )
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        root = f"http://127.0.0.1:{port}"
        try:
            async with aiohttp.ClientSession() as client:
                pages = {}
                for name, token in (("share_12_weeks", long_token), ("share_4_weeks", short_token)):
                    async with client.get(f"{root}/s/{token}") as response:
                        pages[name] = len(await response.read())
                signed = initdata.sign(
                    {"user": json.dumps({"id": PERSON}),
                     "auth_date": str(int(datetime.now(UTC).timestamp()))}, TOKEN,
                )  # fmt: skip
                async with client.post(f"{root}/app", data={"init_data": signed}) as response:
                    assert response.status == 200
                    pages["mini_app_4_weeks"] = len(await response.read())
                await _ttfb(client, f"{root}/s/{long_token}", 5)  # warm up
                cpu = time.process_time()
                page = await _ttfb(client, f"{root}/s/{long_token}", requests)
                cpu = (time.process_time() - cpu) / requests
                baseline = await _ttfb(client, f"{root}/s/not-a-token", requests)
        finally:
            await runner.cleanup()
            await services.engine.dispose()
    p95 = _ms(page, 95)
    return {
        "benchmark": "share_page",
        "weeks": WEEKS,
        "requests": requests,
        "ttfb_ms": {"p50": _ms(page, 50), "p95": p95, "max": _ms(page, 100)},
        "baseline_404_ttfb_ms": {"p50": _ms(baseline, 50), "p95": _ms(baseline, 95)},
        # CPU per page (server and client together, this process and its database thread):
        # what the page costs when the machine is not shared with other work.
        "cpu_ms_per_page": round(cpu * 1000, 2),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "ratio_p95_to_baseline": round(p95 / max(_ms(baseline, 95), 0.01), 1),
        "page_bytes": pages,
        "targets": {"ttfb_p95_ms": TARGET_P95_MS, "page_bytes": TARGET_BYTES},
        "pass": {
            "ttfb_p95": p95 < TARGET_P95_MS,
            "page_bytes": max(pages.values()) < TARGET_BYTES,
        },
    }


def main(*, quick: bool = False) -> JSON:
    """Run and print the figures as one JSON line."""
    result = asyncio.run(measure(20 if quick else 200))
    print(json.dumps(result), flush=True)
    return result
