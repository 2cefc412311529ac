"""build_application(): the one place that wires handlers, jobs and the rate limiter."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import BotCommand, LinkPreviewOptions, MenuButtonWebApp, Update, WebAppInfo
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    filters,
)

from bot import modeldata, zonedata
from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.db.session import make_engine, make_sessionmaker
from bot.services import KEY, Services, of
from bot.telegram import metrics
from bot.telegram.application import DeliveringApplication
from bot.telegram.handlers import (
    checkin,
    commands,
    errors,
    groups,
    intents,
    messages,
    onboarding,
    plan,
    privacy,
    progress,
    safety,
    share,
)
from bot.telegram.jobs import challenges as challenge_jobs
from bot.telegram.jobs import daily as scheduling
from bot.telegram.limiter import OVERALL_SHARE, LaneRateLimiter
from bot.telegram.transport import DEFAULT_TIMEOUT, AiohttpRequest
from bot.usecases import planning
from bot.usecases import share as share_case
from bot.views.content import Content, load_content

log = logging.getLogger(__name__)

# Edited messages are not answers a second time: only new messages count.
PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
GROUP = filters.ChatType.GROUPS & filters.UpdateType.MESSAGE
WORDS = filters.TEXT | filters.CAPTION
COMMANDS = (
    "checkin", "today", "progress", "settings", "pause", "resume", "cancel", "export", "privacy",
    "delete", "share", "help", "start",
)  # fmt: skip


def build_services(
    settings: Settings, clock: Clock | None = None, content: Content | None = None
) -> Services:
    """Database, clock and content for one process (and the zone data and the safety models,
    read once)."""
    zonedata.load()
    modeldata.load()
    engine = make_engine(settings.database_url)
    content = content or load_content()
    return Services(
        settings=settings,
        clock=clock or SystemClock(),
        engine=engine,
        sessions=make_sessionmaker(engine),
        content=content,
        catalogue=planning.catalogue(content),
        writer=asyncio.Lock() if engine.dialect.name == "sqlite" else None,
    )


def build_application(
    settings: Settings,
    *,
    clock: Clock | None = None,
    content: Content | None = None,
    tick_seconds: float | None = scheduling.TICK_SECONDS,
    rate_limit: bool = True,
    read_timeout: float | None = None,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The bot, ready to run: handlers in order, the outbox job, services on bot_data."""
    builder = (
        ApplicationBuilder()
        # What handlers say is delivered after they returned (bot/telegram/application.py).
        .application_class(DeliveringApplication)
        .token(settings.telegram_bot_token)
        .base_url(settings.api_base_url)
        .base_file_url(settings.file_base_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        # Updates come through bot.telegram.runtime (stored before they are confirmed), not
        # PTB's Updater.
        .updater(None)
        # The daily fan-out sends many requests at once, so the pool holds more than PTB's one;
        # aiohttp costs a fraction of httpx's CPU per call (see bot/transport.py).
        .request(
            AiohttpRequest(
                scheduling.CONCURRENT_SENDS + 8,
                pool_timeout=30,
                read_timeout=DEFAULT_TIMEOUT if read_timeout is None else read_timeout,
            )
        )
        .get_updates_request(AiohttpRequest(1))
    )
    if rate_limit:
        # PTB's builder types its rate-limiter argument as generic over None; this one is fine.
        limiter = LaneRateLimiter(OVERALL_SHARE * settings.telegram_rate_limit)
        builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]
    application = builder.build()
    application.bot_data[KEY] = build_services(settings, clock, content)
    _add_handlers(application)
    if tick_seconds is not None and application.job_queue is not None:
        application.job_queue.run_repeating(
            supervised("outbox", scheduling.tick), interval=tick_seconds, first=1, name="outbox",
            job_kwargs={"misfire_grace_time": None, "coalesce": True},
        )  # fmt: skip
        application.job_queue.run_repeating(
            supervised("challenges", challenge_jobs.tick), interval=challenge_jobs.TICK_SECONDS,
            first=2, name="challenges",
            job_kwargs={"misfire_grace_time": None, "coalesce": True},
        )  # fmt: skip
    return application


Job = Callable[[ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def supervised(name: str, job: Job) -> Job:
    """A repeating job that survives any exception (logged with its kind, counted) and records
    each successful run for /healthz."""

    async def run(context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await job(context)
        except Exception as exc:  # the next run tries again; /healthz notices if none succeeds
            metrics.ERRORS.labels(f"job_{name}").inc()
            log.warning("job %s failed (%s)", name, type(exc).__name__, exc_info=True)
            return
        of(context.application).heartbeats[name] = time.monotonic()

    return run


def _add_handlers(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Handlers in the order they must be tried."""
    add = application.add_handler
    # Red flags in anything the bot reads in a group (replies, mentions, commands with text,
    # captions, edits): before any group handler, which a red flag stops.
    application.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & filters.UpdateType.MESSAGES & WORDS, safety.in_group
        ),
        -2,
    )
    # A private chat's button tapped in a group (forged or copied) goes no further.
    application.add_handler(CallbackQueryHandler(messages.private_buttons_only), -3)
    add(ChatMemberHandler(groups.on_my_member, ChatMemberHandler.MY_CHAT_MEMBER))
    add(
        CommandHandler(
            "start", safety.start_from_group, filters=PRIVATE & filters.Regex(r"^\S+\s+sf$")
        )
    )
    add(
        CommandHandler(
            "start", groups.start_from_link, filters=PRIVATE & filters.Regex(r"^\S+\s+j")
        )
    )
    add(CommandHandler("start", onboarding.start, filters=PRIVATE))
    add(CommandHandler("checkin", checkin.command, filters=PRIVATE))
    add(CommandHandler("today", plan.today, filters=PRIVATE))
    add(CommandHandler("progress", progress.progress_command, filters=PRIVATE))
    add(CommandHandler("export", progress.export_command, filters=PRIVATE))
    add(CommandHandler("privacy", privacy.privacy, filters=PRIVATE))
    add(CommandHandler("share", share.share_command, filters=PRIVATE))
    add(CommandHandler("delete", privacy.delete_command, filters=PRIVATE))
    add(CommandHandler("settings", onboarding.settings, filters=PRIVATE))
    add(CommandHandler("pause", commands.pause, filters=PRIVATE))
    add(CommandHandler("resume", commands.resume, filters=PRIVATE))
    add(CommandHandler("cancel", commands.cancel, filters=PRIVATE))
    add(CommandHandler("help", commands.help_command, filters=PRIVATE))
    add(CallbackQueryHandler(checkin.on_button, pattern=r"^ci:"))
    add(CallbackQueryHandler(plan.on_button, pattern=r"^pl:"))
    add(CallbackQueryHandler(plan.on_cue_button, pattern=r"^cue:"))
    add(CallbackQueryHandler(progress.on_weekly_button, pattern=r"^wk:"))
    add(CallbackQueryHandler(progress.on_reflection_button, pattern=r"^rf:"))
    add(CallbackQueryHandler(privacy.on_button, pattern=r"^del:"))
    add(CallbackQueryHandler(share.on_button, pattern=r"^sh:"))
    add(CallbackQueryHandler(onboarding.on_button, pattern=r"^ob:"))
    add(CallbackQueryHandler(onboarding.on_settings_button, pattern=r"^set:"))
    add(CallbackQueryHandler(safety.on_button, pattern=r"^sf:"))
    add(CallbackQueryHandler(intents.on_button, pattern=r"^in:"))
    # An edited private message is never an answer again, but it is still read for red flags.
    add(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.UpdateType.EDITED_MESSAGE & WORDS, safety.on_edit
        )
    )
    add(MessageHandler(PRIVATE & filters.COMMAND, messages.unknown_command))
    add(MessageHandler(PRIVATE & filters.TEXT, messages.text))
    add(MessageHandler(PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, messages.not_text))
    add(CallbackQueryHandler(groups.on_setup_button, pattern=r"^gs:"))
    add(CallbackQueryHandler(groups.on_button, pattern=r"^gc:"))
    # Any other button (an unknown family, garbled data): a friendly popup, nothing changes.
    add(CallbackQueryHandler(messages.unknown_button))
    add(MessageHandler(filters.StatusUpdate.MIGRATE, groups.on_migrate))
    add(CommandHandler("challenge", groups.challenge_command, filters=GROUP))
    add(CommandHandler("leave", groups.leave_command, filters=GROUP))
    add(CommandHandler("endchallenge", groups.end_command, filters=GROUP))
    add(CommandHandler("help", groups.help_command, filters=GROUP))
    add(
        MessageHandler(
            GROUP & filters.REPLY & filters.TEXT & ~filters.COMMAND, groups.on_setup_reply
        )
    )
    add(
        MessageHandler(
            filters.ChatType.GROUPS & filters.UpdateType.MESSAGE & filters.COMMAND, messages.group
        )
    )
    application.add_error_handler(errors.on_error)


async def _post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Tell Telegram the command menu, and the menu button: My progress when there is an https
    address for the Mini App (Telegram opens Mini Apps over https only)."""
    services = of(application)
    content = services.content
    await application.bot.set_my_commands(
        [BotCommand(name, content.label(f"command.{name}")) for name in COMMANDS]
    )
    await groups.set_group_commands(application.bot, services)
    app_url = share_case.app_url(services)
    if app_url is not None and app_url.startswith("https://"):
        await application.bot.set_chat_menu_button(
            menu_button=MenuButtonWebApp(content.label("share.my_progress"), WebAppInfo(app_url))
        )


async def _post_shutdown(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Close database connections."""
    await of(application).engine.dispose()


ALLOWED_UPDATES = list(Update.ALL_TYPES)
