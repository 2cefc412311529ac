"""One bot replica for test_replicas.py: the real services and PTB bot, running the outbox.

`python -m tests.e2e.replica API_URL DATABASE_URL NOW` builds what `smallsteps run` builds for
the outbox (bot.app.build_services and a PTB bot pointed at API_URL), prints "ready", waits for a
line on stdin so that every replica starts at once, then calls bot.scheduling.run_due until
nothing has been due for QUIET seconds, and prints how many prompts it claimed as JSON.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import datetime

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Defaults, ExtBot
from telegram.request import HTTPXRequest

from bot import scheduling
from bot.app import build_services
from bot.clock import ManualClock
from bot.config import load_settings

TOKEN = "123456:REPLICA-token"
QUIET = 1.0  # seconds with nothing due before a replica stops
LIMIT = 40.0  # seconds a replica runs at most


async def main(api_url: str, database_url: str, now: datetime) -> int:
    """Run the outbox like a replica would, on a clock fixed in the minute everyone is due."""
    settings = load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api_url,
        DATABASE_URL=database_url, LOG_LEVEL="WARNING",
    )  # fmt: skip
    services = build_services(settings, ManualClock(now))
    bot: ExtBot[None] = ExtBot(
        settings.telegram_bot_token,
        base_url=settings.api_base_url,
        base_file_url=settings.file_base_url,
        defaults=Defaults(
            parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
        ),
        request=HTTPXRequest(connection_pool_size=128, pool_timeout=10.0),
    )
    claimed = 0
    async with bot:
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        started = time.monotonic()
        quiet_since = started
        while time.monotonic() - quiet_since < QUIET and time.monotonic() - started < LIMIT:
            count = await scheduling.run_due(services, bot)
            claimed += count
            if count:
                quiet_since = time.monotonic()
            else:
                await asyncio.sleep(0.05)
    await services.engine.dispose()
    print(json.dumps({"claimed": claimed}), flush=True)
    return 0


if __name__ == "__main__":
    api, database, instant = sys.argv[1:4]
    sys.exit(asyncio.run(main(api, database, datetime.fromisoformat(instant))))
