"""Fixtures: a running emulator, a bare Bot and a small PTB application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.devtools.emulator import Emulator

App = Application[Any, Any, Any, Any, Any, Any]


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        yield emulator
        assert not emulator.internal_errors, emulator.internal_errors


@pytest.fixture
async def bot(emu: Emulator) -> AsyncIterator[Bot]:
    tg_bot = emu.make_bot(read_timeout=2.0)
    async with tg_bot:
        yield tg_bot


async def _start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    args = " ".join(context.args or [])
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Yes, gently", callback_data="walk:yes"),
                InlineKeyboardButton("Not today", callback_data="walk:no"),
            ]
        ]
    )
    suffix = f" (from {args})" if args else ""
    await update.effective_message.reply_text(
        f"<b>Hello</b> &amp; welcome{suffix}", parse_mode="HTML", reply_markup=keyboard
    )


async def _two(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, "one")
    await context.bot.send_message(update.effective_chat.id, "two")


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer("Noted")
    await query.edit_message_text(f"You chose {query.data.split(':')[1]}")


@pytest.fixture
async def app(emu: Emulator) -> AsyncIterator[App]:
    application = emu.application_builder().build()
    application.add_handler(CommandHandler("start", _start))
    application.add_handler(CommandHandler("two", _two))
    application.add_handler(CallbackQueryHandler(_answer))
    async with emu.running(application, poll_timeout=1.0):
        yield application
