"""The baseline: a bare python-telegram-bot echo bot with PTB's own polling and defaults."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, CallbackQueryHandler, MessageHandler
from telegram.ext import filters as ptb_filters

from .common import TOKEN


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
