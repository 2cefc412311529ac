"""The baseline: a bare python-telegram-bot echo bot, run as a script of its own.

`python tools/bench/bare_echo.py '{"api": URL}'` (a file path, not `-m`, so no package of this
project is imported: not even `bot/__init__.py`). It imports the standard library and PTB only,
so its memory and speed are PTB's own. It polls with PTB's Updater and defaults, says each text
back, answers each tap, prints `{"ready": ...}`, then answers JSON-lines commands `rss` and
`quit` on stdin, each with the process's peak RSS. The few helpers below repeat what
bot/bench/common.py has, on purpose: importing that module would import the project.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import logging
import sys
import time
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, CallbackQueryHandler, MessageHandler
from telegram.ext import filters as ptb_filters

TOKEN = "123456:BENCH-token"  # as bot/bench/common.py: the emulator takes any token
POLL_TIMEOUT = 10  # seconds, as the bot's own long poll


def peak_rss_mb() -> float:
    """This process's peak resident set size so far (VmHWM), in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def emit(payload: dict[str, Any]) -> None:
    """One answer line on stdout."""
    sys.stdout.write(json.dumps(payload, separators=(",", ":")) + "\n")
    sys.stdout.flush()


async def echo(update: Update, _: Any) -> None:
    """Say the text back."""
    message = update.effective_message
    if message is not None and message.text is not None:
        await message.chat.send_message(message.text)


async def answer(update: Update, _: Any) -> None:
    """Answer the tap."""
    if update.callback_query is not None:
        await update.callback_query.answer()


def build_echo(api_url: str) -> Application[Any, Any, Any, Any, Any, Any]:
    """One MessageHandler replying to each text, one CallbackQueryHandler answering each tap."""
    application = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(f"{api_url}/bot")
        .base_file_url(f"{api_url}/file/bot")
        .build()
    )
    application.add_handler(MessageHandler(ptb_filters.TEXT, echo))
    application.add_handler(CallbackQueryHandler(answer))
    return application


async def serve(api_url: str) -> None:
    """Poll until told to quit (or stdin closes)."""
    application = build_echo(api_url)
    await application.initialize()
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(
        poll_interval=0, timeout=dtm.timedelta(seconds=POLL_TIMEOUT)
    )
    emit({"ready": True, "rss_mb": peak_rss_mb(), "cpu_s": time.process_time()})
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = await reader.readline()
        name = str(json.loads(line).get("cmd")) if line else "quit"
        if name == "quit":
            await application.updater.stop()
            await application.stop()
            await application.shutdown()
            emit({"rss_mb": peak_rss_mb(), "cpu_s": time.process_time()})
            return
        if name == "rss":
            emit({"rss_mb": peak_rss_mb(), "cpu_s": time.process_time()})
        else:
            emit({"error": f"unknown command {name}"})


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    asyncio.run(serve(json.loads(sys.argv[1])["api"]))
