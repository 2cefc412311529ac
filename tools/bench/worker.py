"""The measured side in a process of its own: the real bot (the echo bot is bare_echo.py).

`python -m tools.bench.worker '{"role": "bot", "api": URL, "database": URL,
"rate_limit": true}'` starts it polling the emulator, prints `{"ready": ...}`, then answers
JSON-lines commands: `fanout` (one outbox pass, as the repeating job runs it), `fanout_start`
and `fanout_stop` (the same in the background), `rss`, `quit`. Every answer carries the
process's peak RSS so far.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from .common import JSON, START, TOKEN, emit, peak_rss_mb, serve_commands

# Set to a path prefix to profile each bot process: <prefix>.<pid>.txt (see README).
PROFILE_ENV = "BENCH_PROFILE"


async def serve_bot(config: JSON) -> None:
    """The real bot: Runtime (inbox, polling) around build_application, SQLite file database."""
    from bot.app import ALLOWED_UPDATES, build_application
    from bot.clock import ManualClock
    from bot.config import load_settings
    from bot.services import of
    from bot.telegram.jobs import daily as scheduling
    from bot.telegram.runtime import Runtime

    settings = load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=config["api"],
        DATABASE_URL=config["database"], LOG_LEVEL="WARNING",
        TELEGRAM_RATE_LIMIT=float(config.get("rate", 30.0)),
    )  # fmt: skip
    # The fan-out is started by command (the same call the repeating job makes), not by a timer.
    application = build_application(
        settings, clock=ManualClock(START), tick_seconds=None,
        rate_limit=bool(config.get("rate_limit", True)),
    )  # fmt: skip
    runtime = Runtime(application, allowed_updates=ALLOWED_UPDATES)
    await runtime.start(polling=True)
    if runtime.warming is not None:
        await runtime.warming  # measure the bot warm, as it runs most of its life
    services = of(application)
    fanout: asyncio.Task[int] | None = None
    began = 0.0

    async def run_fanout(_: JSON) -> JSON:
        """One outbox pass over everyone due; then a second pass, which must find no one."""
        began = time.perf_counter()
        claimed = await scheduling.run_outboxes(services, application.bot)
        seconds = time.perf_counter() - began
        again = await scheduling.run_outboxes(services, application.bot)
        return {"claimed": claimed, "seconds": round(seconds, 3), "claimed_again": again,
                "rss_mb": peak_rss_mb()}  # fmt: skip

    async def fanout_start(_: JSON) -> JSON:
        """Start a pass in the background (while people talk to the bot)."""
        nonlocal fanout, began
        began = time.perf_counter()
        fanout = asyncio.create_task(scheduling.run_outboxes(services, application.bot))
        return {"started": True}

    async def fanout_stop(_: JSON) -> JSON:
        """Cancel the background pass."""
        if fanout is not None:
            fanout.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await fanout
        return {"seconds": round(time.perf_counter() - began, 3), "rss_mb": peak_rss_mb()}

    async def rss(_: JSON) -> JSON:
        """Peak RSS and CPU time (all threads) so far."""
        return {"rss_mb": peak_rss_mb(), "cpu_s": time.process_time()}

    async def quit_(cmd: JSON) -> JSON:
        """Stop the bot the way SIGTERM does."""
        await fanout_stop(cmd)
        await runtime.stop()
        return {"rss_mb": peak_rss_mb()}

    emit({"ready": True, "rss_mb": peak_rss_mb()})
    await serve_commands(
        {"fanout": run_fanout, "fanout_start": fanout_start, "fanout_stop": fanout_stop,
         "rss": rss, "quit": quit_}
    )  # fmt: skip


def main(argv: list[str]) -> None:
    """Run the role named in the JSON config."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    config: dict[str, Any] = json.loads(argv[0])
    profile = os.environ.get(PROFILE_ENV)
    if not profile:
        asyncio.run(serve_bot(config))
        return
    # A sampling profile of this bot process (pyinstrument, a dev extra), written when it stops.
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    try:
        asyncio.run(serve_bot(config))
    finally:
        profiler.stop()
        out = Path(f"{profile}.{os.getpid()}.txt")
        out.write_text(profiler.output_text(unicode=False, show_all=False), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
