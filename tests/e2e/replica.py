"""One bot replica for test_replicas.py: the real services and PTB bot, running the outbox.

`python -m tests.e2e.replica API_URL DATABASE_URL NOW` builds the application `smallsteps run`
builds (bot.app.build_application: its services and its PTB bot, pointed at API_URL; no rate
limiter, so the test stays fast), prints "ready", waits for a line on stdin so that every replica
starts at once, then calls bot.telegram.jobs.daily.run_due, as the outbox job does, until nothing
has been due for QUIET seconds, and prints how many prompts it claimed as JSON. The clock is fixed
in the minute the prompts are due, so the job's 15-second timer does not decide who claims what.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import datetime

from bot.app import build_application
from bot.clock import ManualClock
from bot.config import load_settings
from bot.services import of
from bot.telegram.jobs import daily as scheduling

TOKEN = "123456:REPLICA-token"
QUIET = 1.0  # seconds with nothing due before a replica stops
LIMIT = 40.0  # seconds a replica runs at most


async def main(api_url: str, database_url: str, now: datetime) -> int:
    """Run the outbox like a replica would, on a clock fixed in the minute everyone is due."""
    settings = load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api_url,
        DATABASE_URL=database_url, LOG_LEVEL="WARNING",
    )  # fmt: skip
    application = build_application(
        settings, clock=ManualClock(now), tick_seconds=None, rate_limit=False
    )
    services, bot = of(application), application.bot
    claimed = 0
    async with application:  # getMe on the way in, the HTTP sessions closed on the way out
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
    await services.engine.dispose()  # post_shutdown only runs under run_polling/run_webhook
    print(json.dumps({"claimed": claimed}), flush=True)
    return 0


if __name__ == "__main__":
    api, database, instant = sys.argv[1:4]
    sys.exit(asyncio.run(main(api, database, datetime.fromisoformat(instant))))
