"""/start, the onboarding steps and /settings: each parses the update and calls one use case
(bot/usecases/onboarding.py), then shows what it said."""

from __future__ import annotations

from telegram import Update

from bot.telegram.handlers.common import Context, read_tap, services_of, show
from bot.usecases import onboarding
from bot.views.callbacks import OnboardTap, SettingsTap


async def start(update: Update, context: Context) -> None:
    """Welcome a person and begin (or resume) onboarding."""
    tg_user, chat = update.effective_user, update.effective_chat
    if tg_user is None or chat is None:
        return
    answer = await onboarding.start(
        services_of(context), tg_user.id, chat.id, tg_user.first_name or "", tg_user.language_code
    )
    await show(update, answer)


async def on_button(update: Update, context: Context) -> None:
    """A tap on an onboarding or settings answer button (see OnboardTap)."""
    services = services_of(context)
    tapped = await read_tap(services, update, OnboardTap)
    if tapped is None or update.effective_user is None:
        return
    await show(update, await onboarding.tap(
        services, update.effective_user.id, tapped.step, tapped.value
    ))  # fmt: skip


async def settings(update: Update, context: Context) -> None:
    """/settings: show what is set, with a button for each thing to change."""
    if update.effective_user is None:
        return
    answer = await onboarding.open_settings(services_of(context), update.effective_user.id)
    await show(update, answer)


async def on_settings_button(update: Update, context: Context) -> None:
    """A tap in the /settings menu (see SettingsTap)."""
    services = services_of(context)
    tapped = await read_tap(services, update, SettingsTap)
    if tapped is None or update.effective_user is None:
        return
    answer = await onboarding.settings_tap(services, update.effective_user.id, tapped.what)
    await show(update, answer)
