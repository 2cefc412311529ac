"""The `smallsteps` command: run, play, migrate, bench."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from pathlib import Path
from typing import Any

from bot.config import Settings, SettingsError, load_settings
from bot.db.migrate import DatabaseError, upgrade
from bot.views.content import Content, ContentError, load_content

EXIT_USAGE = 2
PLAY_FILES = Path("smallsteps-play-files")  # where play mode saves charts and exports


def _logging(level: str, secret: str = "") -> None:
    """Logs without health data, ids or the token (see bot/logs.py)."""
    from bot.logs import configure

    configure(level, secret)


def run(_: argparse.Namespace) -> None:
    """Migrate, then serve Telegram by polling (or by webhook when WEBHOOK_URL is set)."""
    import asyncio

    settings = load_settings()
    _logging(settings.log_level, settings.telegram_bot_token)
    upgrade(settings.database_url)
    content = load_content()
    asyncio.run(_serve(settings, content))


async def _serve(settings: Settings, content: Content) -> None:
    """Run until SIGTERM or SIGINT, then let in-flight updates finish and stop."""
    import asyncio
    import signal

    from bot.app import ALLOWED_UPDATES, build_application
    from bot.telegram.runtime import Runtime

    runtime = Runtime(build_application(settings, content=content), allowed_updates=ALLOWED_UPDATES)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await _start(runtime, settings)
    except BaseException:
        # Close what was opened (HTTP sessions, the database) before the one-line error.
        with contextlib.suppress(Exception):
            await runtime.stop(grace=0)
        # A failed start leaves PTB uninitialised, so its shutdown skips the HTTP sessions.
        for request in getattr(runtime.app.bot, "_request", ()):
            with contextlib.suppress(Exception):
                await request.shutdown()
        raise
    logging.getLogger(__name__).info("Small Steps is running")
    signalled = asyncio.create_task(stop.wait())
    gave_up = asyncio.create_task(runtime.stopped.wait())
    await asyncio.wait((signalled, gave_up), return_when=asyncio.FIRST_COMPLETED)
    for waiting in (signalled, gave_up):
        waiting.cancel()
    await runtime.stop()
    if runtime.failed is not None:
        # Nothing a retry can fix (a revoked token): exit non-zero so the supervisor notices.
        raise SettingsError(f"stopped: {runtime.failed}")


async def _start(runtime: Any, settings: Settings) -> None:
    """Reach Telegram, open the ports; anything unusable is one line (SettingsError), no trace."""
    from urllib.parse import urlsplit

    from telegram.error import InvalidToken, NetworkError

    try:
        await runtime.start_health(settings.health_listen, settings.health_port)
    except OSError as exc:
        raise SettingsError(
            f"HEALTH_PORT: cannot listen on {settings.health_listen}:{settings.health_port} "
            f"({exc.strerror or type(exc).__name__})"
        ) from None
    from bot.web.server import Site

    # The share page and the Mini App, only when there is a public address to link to.
    site = Site(runtime.services) if settings.public_url else None
    try:
        if settings.webhook_url:
            await runtime.start_webhook(
                settings.webhook_listen, settings.webhook_port,
                urlsplit(settings.webhook_url).path or "/", settings.webhook_url,
                settings.webhook_secret, pages=site.add_routes if site else None,
            )  # fmt: skip
        else:
            # The web port first: one that cannot be had stops the start before any polling or
            # database work begins, so the one-line error is all that is said.
            if site is not None:
                await _start_web(runtime, site, settings)
            await runtime.start(polling=True)
    except InvalidToken:
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN: Telegram rejected the token; check it with @BotFather"
        ) from None
    except OSError as exc:
        raise SettingsError(
            f"WEBHOOK_PORT: cannot listen on {settings.webhook_listen}:{settings.webhook_port} "
            f"({exc.strerror or type(exc).__name__})"
        ) from None
    except NetworkError:
        # The message can carry the request URL, and with it the token: name the setting only.
        raise SettingsError(
            f"TELEGRAM_API_URL: cannot reach the Bot API at {settings.telegram_api_url}"
        ) from None


async def _start_web(runtime: Any, site: Any, settings: Settings) -> None:
    """The web port of polling mode; a port that cannot be had is one line."""
    try:
        await runtime.start_web(site.application(), settings.web_listen, settings.web_port)
    except OSError as exc:
        raise SettingsError(
            f"WEB_PORT: cannot listen on {settings.web_listen}:{settings.web_port} "
            f"({exc.strerror or type(exc).__name__})"
        ) from None


def migrate(_: argparse.Namespace) -> None:
    """Apply the database migrations and stop."""
    settings = load_settings(require_token=False)
    _logging(settings.log_level)
    upgrade(settings.database_url)
    print(f"database is up to date ({settings.database_url.split('://')[0]})")


def play(args: argparse.Namespace) -> None:
    """Chat with the bot in this terminal through the built-in emulator."""
    import asyncio

    from bot.devtools.play import play_main

    if args.script is not None and not args.script.is_file():
        raise SettingsError(f"--script: no such file: {args.script}")
    asyncio.run(
        play_main(script=args.script, database=args.db, reset=args.reset, files_dir=PLAY_FILES)
    )


# The benchmarks are developer tools: they live in the clone's tools/, not in the package.
CLONE = Path(__file__).resolve().parents[1]


def _clone_tools() -> None:
    """Make the clone's tools/ importable, or say in one line that benchmarks need a clone."""
    if not (CLONE / "tools" / "bench" / "__init__.py").is_file():
        raise SettingsError(
            "bench: the benchmarks are not part of the installed package; run them from a "
            'clone of the repository (pip install -e ".[dev]", then smallsteps bench)'
        )
    if str(CLONE) not in sys.path:
        sys.path.insert(0, str(CLONE))


def bench(args: argparse.Namespace) -> None:
    """Benchmarks against the emulator; one JSON object per benchmark on stdout."""
    _clone_tools()
    if args.which == "safety":
        from tools.bench.safety import main as safety_main

        safety_main(quick=args.quick)
        return
    if args.which == "share":
        from tools.bench.share import main as share_main

        share_main(quick=args.quick)
        return
    if args.which == "personas":
        from tools.bench.personas import main as personas_main

        personas_main(as_json=args.json)
        return
    from tools.bench import main as bench_main

    if args.people is not None and args.people < 1:
        raise SettingsError("--people must be at least 1")
    bench_main(args.which, people=args.people, quick=args.quick)


def main(argv: list[str] | None = None) -> None:
    """Entry point of `smallsteps` and `python -m bot`."""
    parser = argparse.ArgumentParser(prog="smallsteps", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="run the bot against Telegram").set_defaults(func=run)
    commands.add_parser("migrate", help="apply database migrations").set_defaults(func=migrate)
    play_parser = commands.add_parser("play", help="chat with the bot here, no token needed")
    play_parser.add_argument(
        "--script", type=Path, help="replay inputs from a file, print a transcript"
    )
    play_parser.add_argument(
        "--db", type=Path, help="SQLite file to keep (default: smallsteps-play.db)"
    )
    play_parser.add_argument("--reset", action="store_true", help="start from an empty database")
    play_parser.set_defaults(func=play)
    bench_parser = commands.add_parser("bench", help="benchmarks against the emulator (JSON)")
    bench_parser.add_argument(
        "which",
        nargs="?",
        default="all",
        choices=(
            "checkin",
            "fanout",
            "memory",
            "first_contact",
            "fairness",
            "safety",
            "personas",
            "share",
            "all",
        ),
    )
    bench_parser.add_argument("--people", type=int, help="people in each benchmark chosen")
    bench_parser.add_argument("--quick", action="store_true", help="small sizes, a smoke run")
    bench_parser.add_argument("--json", action="store_true", help="personas: JSON, not a table")
    bench_parser.set_defaults(func=bench)
    args = parser.parse_args(argv)
    try:
        args.func(args)
    except (SettingsError, DatabaseError, ContentError) as exc:
        print(f"smallsteps: {exc}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
