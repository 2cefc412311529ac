"""/today and "what should I do today?", the plan's buttons, and if-then cues."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update

from bot.db import history, queries
from bot.db.models import DayPlan, User
from bot.domain import checkin as flow
from bot.domain.dialogs import State
from bot.services import Services
from bot.telegram import delivery
from bot.telegram.handlers.common import (
    Context,
    edit_or_send,
    onboarded_user,
    popup,
    read_tap,
    send,
    services_of,
    stale_tap,
)
from bot.usecases import checkin as checkin_case
from bot.usecases import planning
from bot.views import keyboards
from bot.views.callbacks import CueTap, PlanTap
from bot.views.render import locale_of, say

CUE_MAX_CHARS = 60
DONE_WINDOW = timedelta(days=1)  # yesterday's Done still counts; older buttons have closed


async def today(update: Update, context: Context) -> None:
    """Today's plan; before any check-in, just pain and flare first (two taps)."""
    services = services_of(context)
    if update.effective_user is None:
        return
    async with services.transaction() as session:
        user = await onboarded_user(services, session, update)
        if user is None:
            return
        day = checkin_case.today_for(services, user)
        if await history.red_flag_today(session, user.id, day) in planning.NO_PLAN_TIERS:
            await send(update, say(services.content, "today.paused", user))
            return
        row = await queries.get_or_create_checkin(session, user.id, day, services.clock.now())
        answers = queries.answers_of(row)
        stored = await history.get_plan(session, user.id, day)
        rest_day = stored is not None and stored.rest_declared
        # A rest day declared in words is the plan already: no questions before it.
        if rest_day or (answers.pain is not None and answers.flare is not None):
            decision, plan_row = await planning.decide_today(services, session, user, day)
            text, markup = planning.plan_reply(services, user, decision, plan_row)
        else:
            queries.store_answers(row, flow.quick(answers), services.clock.now())
            header = say(services.content, "today.first", user)
            (text, markup), _ = await checkin_case.next_step_reply(services, session, user, row,
                                                              header=header)  # fmt: skip
    await send(update, text, markup)


async def log_typed(update: Update, context: Context, user: User) -> bool:
    """ "I did my walk" / "Done" typed after today's plan: logged like the Done button; False
    when there is no plan today to log against (the message is then handled as usual)."""
    services = services_of(context)
    async with services.transaction() as session:
        day = checkin_case.today_for(services, user)
        row = await history.get_plan(session, user.id, day)
        if row is None:
            return False
        key = "plan.logged_already" if row.done else "plan.logged"
        row.done = True
        row.updated_at = services.clock.now()
        text = say(services.content, key, user)
    await send(update, text)
    return True


async def on_button(update: Update, context: Context) -> None:
    """A tap under a plan: Done, Why this?, a cue, or a flare-day option (see PlanTap)."""
    services = services_of(context)
    query = update.callback_query
    tapped = await read_tap(services, update, PlanTap)
    if query is None or tapped is None or update.effective_user is None:
        return
    day, action = tapped.day, tapped.action
    async with services.transaction() as session:
        user = await queries.get_user(session, update.effective_user.id)
        row = await history.get_plan(session, user.id, day) if user else None
        if user is None or row is None:
            await popup(query, say(services.content, "plan.closed", user))
            return
        if action in ("done", "opt"):
            if checkin_case.today_for(services, user) - day > DONE_WINDOW:
                await popup(query, say(services.content, "plan.closed", user))
                return
            key = "plan.logged_already" if row.done else "plan.logged"
            chosen = _option(services, row, tapped.option) if action == "opt" else None
            if action == "opt" and chosen is None:
                await stale_tap(services, update, user)
                return
            row.done = True
            row.updated_at = services.clock.now()
            await popup(query, say(services.content, key, user))
            markup = keyboards.plan(
                services.content, day, done=True,
                offer_cue=row.goal_kind == "session" and not user.cue, locale=locale_of(user),
            )  # fmt: skip
            if isinstance(query.message, Message):
                message = query.message
                buttons = delivery.Buttons(message.chat.id, message.message_id, markup)
                await delivery.later(context.bot, buttons)
            if chosen is not None:
                # A flare-day option counts like Done; its full words follow the tap.
                await send(update, planning.option_text(services, user, row, chosen))
            return
        await popup(query)
        if action == "why":
            await send(update, planning.why_text(services, user, row))
        elif action == "cue":
            await send(update, say(services.content, "plan.cue.ask", user),
                       keyboards.cues(services.content, locale_of(user)))  # fmt: skip


def _option(services: Services, row: DayPlan, index: int | None) -> str | None:
    """The stored option a flare-day option button stands for."""
    options = planning.options_of(services.content, row.content_keys)
    return options[index] if index is not None and index < len(options) else None


async def on_cue_button(update: Update, context: Context) -> None:
    """A cue choice: an everyday moment, typing one's own, or none (see CueTap)."""
    services = services_of(context)
    query = update.callback_query
    tapped = await read_tap(services, update, CueTap)
    if query is None or tapped is None or update.effective_user is None:
        return
    choice = tapped.choice
    async with services.transaction() as session:
        user = await onboarded_user(services, session, update)
        if user is None:
            return
        await popup(query)
        if choice == "own":
            user.dialog = State.CUE
            await edit_or_send(update, say(services.content, "plan.cue.ask_own", user))
            return
        if choice == "none":
            user.cue = None
            await edit_or_send(update, say(services.content, "plan.cue.removed", user))
            return
        user.cue = services.content.label(f"cue_words.{choice}", locale_of(user))
        text = await _cue_saved(services, session, user)
    await edit_or_send(update, text)


async def on_cue_text(update: Update, context: Context, user_id: int, text: str) -> None:
    """The person's own cue, typed."""
    services = services_of(context)
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None:
            return
        cue = " ".join(text.split()).rstrip(".!")
        if not cue or len(cue) > CUE_MAX_CHARS:
            too_long = say(services.content, "plan.cue.too_long", user, max_chars=CUE_MAX_CHARS)
            await send(update, too_long)
            return
        user.cue = cue[0].lower() + cue[1:]
        user.dialog = None
        reply = await _cue_saved(services, session, user)
    await send(update, reply)


async def _cue_saved(services: Services, session: AsyncSession, user: User) -> str:
    """Confirm the cue with today's goal when there is one."""
    user.updated_at = services.clock.now()
    row = await history.get_plan(session, user.id, checkin_case.today_for(services, user))
    if row is None or row.goal_kind != "session":
        return say(services.content, "plan.cue.saved_no_goal", user, cue=user.cue)
    # The cue belongs to today's activity: it goes first, and the cue only joins that activity.
    chosen = list(user.activities or [])
    if row.activity in chosen and chosen[0] != row.activity:
        user.activities = [row.activity, *(a for a in chosen if a != row.activity)]
    activity = services.content.label(f"activity_words.{row.activity}", locale_of(user))
    return say(services.content, "plan.cue.saved", user, cue=user.cue,
               goal_minutes=row.goal_minutes, activity=activity)  # fmt: skip
