"""Replies to everyday messages the domain has understood (bot/usecases/said.py reads the
message), and the taps on the buttons they offer, one unit of work each."""

from __future__ import annotations

import zlib
from dataclasses import replace
from datetime import date, timedelta

from jinja2 import UndefinedError
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.db import history, queries
from bot.db.models import DayPlan, User
from bot.domain import checkin as flow
from bot.domain import intents as domain
from bot.domain.intents import Reading, Symptom
from bot.services import Services
from bot.usecases import checkin as checkin_case
from bot.usecases import commands, planning
from bot.usecases import onboarding as setup_case
from bot.usecases import plan as plan_case
from bot.usecases.answers import Answer
from bot.views import keyboards
from bot.views.callbacks import CheckinTap, IntentTap
from bot.views.render import locale_of, say

Reply = tuple[str, InlineKeyboardMarkup | None]
MENU = ("today", "checkin", "progress", "help")
# Tiredness and widespread pain are when a rest day is most often the right call.
REST_OFFER: frozenset[str] = frozenset({"fatigue", "pain"})


def menu(services: Services, user: User | None) -> InlineKeyboardMarkup:
    """Today's plan, Check in, Progress, Help: two to a row."""
    loc = locale_of(user)
    buttons = [
        keyboards.button(services.content.label(f"intent.menu.{m}", loc), IntentTap(m))
        for m in MENU
    ]
    return InlineKeyboardMarkup([buttons[:2], buttons[2:]])


def single(
    services: Services, user: User | None, label: str, data: IntentTap
) -> InlineKeyboardMarkup:
    """One button."""
    return InlineKeyboardMarkup(
        [[keyboards.button(services.content.label(label, locale_of(user)), data)]]
    )


async def replies(
    services: Services, session: AsyncSession, user: User, reading: Reading
) -> list[Reply]:
    """What to say to a message the domain has read (the person is set up)."""
    name = user.first_name
    intent = reading.intent
    if intent == "greeting":
        text = say(services.content, "intent.greeting", user, name=name)
        row = await queries.get_checkin(session, user.id, checkin_case.today_for(services, user))
        if row is not None and row.pain is not None and flow.next_question(queries.answers_of(row)):
            text += "\n\n" + say(services.content, "intent.greeting.checkin_open", user)
        return [(text, menu(services, user))]
    if intent == "thanks":
        key = "intent.ack" if reading.detail == "ack" else "intent.thanks"
        return [(say(services.content, key, user, name=name), None)]
    if intent == "feeling":
        text = say(services.content, f"intent.feeling.{reading.detail}", user, name=name)
        markup = (
            single(services, user, "intent.menu.checkin", IntentTap("checkin"))
            if reading.detail == "worse"
            else None
        )
        return [(text, markup)]
    if intent == "rest":
        return [(await record_rest(services, session, user), None)]
    if intent == "symptom":
        return [await symptom_reply(services, session, user, reading.detail)]
    if intent == "more":
        return [await more_reply(services, session, user)]
    if intent == "stop":
        if user.paused:
            return [(say(services.content, "intent.stop.paused", user), None)]
        return [
            (say(services.content, "intent.stop.offer", user),
             single(services, user, "intent.pause", IntentTap("pause")))
        ]  # fmt: skip
    if intent in ("progress", "export", "delete"):
        return [(say(services.content, f"intent.{intent}", user), None)]
    if intent == "help":
        return [(say(services.content, "intent.help", user), menu(services, user))]
    if intent == "settings":
        text = say(services.content, "intent.settings", user)
        overview = setup_case.settings_text(services, user)
        markup = keyboards.settings_menu(services.content, user.paused, locale_of(user))
        return [(f"{text}\n\n{overview}", markup)]
    # "clarify", the one intent left: "today" and "none" never come here (bot/usecases/said.py
    # answers them with today's plan and with the short choice of `fallback`).
    text = say(services.content, "intent.clarify", user, name=name)
    return [(text, choices(services, user, reading.options))]


# What each intent offered in a clarification taps as ("none" is "Just telling you").
CHOICE_ACTIONS: dict[str, str] = {
    "rest": "rest", "today": "today", "none": "note", "more": "more", "settings": "settings",
    "help": "help", "progress": "progress",
}  # fmt: skip
FALLBACK_CHOICES: tuple[domain.Intent, ...] = ("rest", "today", "none")


def choices(
    services: Services, user: User | None, options: tuple[domain.Intent, ...]
) -> InlineKeyboardMarkup:
    """A clarification's buttons, one per row (two or three of them)."""
    loc = locale_of(user)
    rows = []
    for option in options:
        action = CHOICE_ACTIONS.get(option)
        if action is not None:
            label = services.content.label(f"intent.choice.{action}", loc)
            rows.append([keyboards.button(label, IntentTap(action))])
    return InlineKeyboardMarkup(rows)


def fallback(services: Services, user: User) -> Reply:
    """A message nothing else read: a short choice (rest today, today's plan, just telling)."""
    text = say(services.content, "intent.fallback", user, name=user.first_name)
    return text, choices(services, user, FALLBACK_CHOICES)


async def record_rest(services: Services, session: AsyncSession, user: User) -> str:
    """Today as planned rest, stored the way the check-in's "Planned rest" answer is.

    That answer arrives with the next day's check-in ("since your last check-in"), so it is
    written on tomorrow's row; tomorrow's check-in then skips the movement question.
    """
    day = checkin_case.today_for(services, user)
    row = await history.get_plan(session, user.id, day)
    if row is not None and row.done:
        return say(services.content, "intent.rest.already_moved", user, name=user.first_name)
    if row is not None and row.rest_declared:
        # Asked again ("wait, I thought I was resting today?"): yes, and nothing else is due.
        return say(services.content, "intent.rest.already", user, name=user.first_name)
    now = services.clock.now()
    await planning.declare_rest(services, session, user, day)
    following = await queries.get_or_create_checkin(session, user.id, day + timedelta(days=1), now)
    queries.store_answers(following, replace(queries.answers_of(following), movement="rest"), now)
    return say(services.content, "intent.rest.recorded", user, name=user.first_name)


async def symptom_reply(
    services: Services, session: AsyncSession, user: User, symptom: str
) -> Reply:
    """A kind line and one self-care tip chosen by the symptom's tags."""
    day = checkin_case.today_for(services, user)
    row = await history.get_plan(session, user.id, day)
    parts = [say(services.content, f"intent.symptom.{symptom}", user, name=user.first_name)]
    tip = tip_text(services, user, symptom, day, row)
    if tip is not None:
        parts.append(f"💡 {tip}")
    markup = None
    if symptom in REST_OFFER:
        parts.append(say(services.content, "intent.symptom.rest_offer", user))
        markup = single(services, user, "intent.rest", IntentTap("rest"))
    return "\n\n".join(parts), markup


def tip_text(
    services: Services, user: User, symptom: str, day: date, row: DayPlan | None
) -> str | None:
    """A tip for the symptom: varies by person and day, not today's plan tip if possible.

    Tips that name today's goal or activity are used only when today has a plan to name.
    """
    items = (
        domain.TipItem(key=i.key, tags=i.tags, category=i.category, day_types=i.day_types)
        for i in services.catalogue
        if i.kind == "tip"
    )
    candidates = domain.tip_candidates(items, SYMPTOM_OF[symptom], row.day_type if row else None)
    seed = tip_seed(user.id, day, symptom)
    values: dict[str, object] = {"name": user.first_name}
    if row is not None and row.goal_kind == "session":
        activity = services.content.label(f"activity_words.{row.activity}", locale_of(user))
        values.update(goal_minutes=row.goal_minutes, activity=activity)
    for key in domain.tip_order(candidates, seed, tuple(row.content_keys) if row else ()):
        try:
            return say(services.content, key, user, **values)
        except UndefinedError:
            continue
    return None


def tip_seed(user_id: int, day: date, symptom: str) -> int:
    """Where a symptom's tips start for a person on a day (the same all day, another tomorrow)."""
    return zlib.crc32(f"{user_id}:{day.isoformat()}:{symptom}".encode())


# The symptom a "symptom" reading's detail names (the reader sets it from these alone).
SYMPTOM_OF: dict[str, Symptom] = {symptom: symptom for symptom in domain.SYMPTOMS}


async def more_reply(services: Services, session: AsyncSession, user: User) -> Reply:
    """Pacing in a sentence, and an optional extra only on steady or good days."""
    day = checkin_case.today_for(services, user)
    row = await history.get_plan(session, user.id, day)
    if row is None:
        return (
            say(services.content, "intent.more.no_plan", user),
            single(services, user, "intent.menu.today", IntentTap("today")),
        )
    held = await history.red_flag_today(session, user.id, day) is not None
    extra = 0 if held else domain.extra_minutes(row.day_type, row.goal_kind, row.goal_minutes)
    if extra:
        return say(services.content, "intent.more.extra", user, goal_minutes=row.goal_minutes,
                   value=str(extra)), None  # fmt: skip
    if row.goal_kind != "session":
        return say(services.content, "intent.more.rest_plan", user), None
    return say(services.content, "intent.more.hold", user, goal_minutes=row.goal_minutes), None


def stopped(services: Services, user: User) -> Reply:
    """A "stop" mid check-in: the asking ends (answers so far are kept); a pause or carrying on
    is offered."""
    user.dialog = None
    day = checkin_case.today_for(services, user)
    loc = locale_of(user)
    label = services.content.label
    rows = [[keyboards.button(label("intent.continue", loc), CheckinTap(day, "start"))]]
    if not user.paused:
        rows.insert(0, [keyboards.button(label("intent.pause", loc), IntentTap("pause"))])
    text = say(services.content, "intent.stop.checkin", user)
    return text, InlineKeyboardMarkup(rows)


async def open_question(
    services: Services, session: AsyncSession, user: User
) -> flow.Question | None:
    """The check-in question waiting for an answer today, if any (in the caller's unit of work)."""
    row = await queries.get_checkin(session, user.id, checkin_case.today_for(services, user))
    return flow.next_question(queries.answers_of(row)) if row else "pain"


async def asked_again(
    services: Services, session: AsyncSession, user: User, question: flow.Question
) -> Reply:
    """The open check-in question (`open_question`, read before the interruption was answered;
    no answer to an interruption answers it) again, "Same as yesterday" included where it was
    offered."""
    day = checkin_case.today_for(services, user)
    offer_same = question == "pain" and flow.can_copy(
        await queries.yesterday_answers(session, user.id, day)
    )
    return checkin_case.question_reply(
        services, user, day, question, offer_same=offer_same,
        header=say(services.content, "intent.reask", user),
    )  # fmt: skip


def in_setup(services: Services, user: User, reading: Reading) -> Reply:
    """During set-up: a short answer that never needs the finished profile."""
    name = user.first_name
    if reading.intent == "stop":
        return say(services.content, "intent.stop.setup", user), None
    if reading.intent == "symptom":
        day = checkin_case.today_for(services, user)
        tip = tip_text(services, user, reading.detail, day, None)
        parts = [say(services.content, f"intent.symptom.{reading.detail}", user, name=name)]
        if tip is not None:
            parts.append(f"💡 {tip}")
        return "\n\n".join(parts), None
    if reading.intent == "greeting":
        return say(services.content, "intent.ack", user), None
    if reading.intent == "thanks":
        key = "intent.ack" if reading.detail == "ack" else "intent.thanks"
        return say(services.content, key, user, name=name), None
    if reading.intent in ("progress", "export", "delete"):
        return say(services.content, f"intent.{reading.intent}", user), None
    return say(services.content, "intent.help", user), None


async def tapped(services: Services, user_id: int, action: str) -> Answer:
    """A tap on an intent button (today, checkin, help, pause, rest, more, settings or "just
    telling you"; progress has its own use case), in one unit of work."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return setup_case.start_first(services, user, tap=True)
        if user.clarify is not None:
            # A choice tapped answers a waiting "which is it?": later words are new messages.
            user.clarify = user.clarify_until = None
        if action == "today":
            return await plan_case.today_in(services, session, user)
        if action == "checkin":
            first, after = await checkin_case.begin(
                services, session, user, checkin_case.today_for(services, user)
            )
            return Answer(sends=[first, *after])
        if action == "help":
            return Answer.say(say(services.content, "help.text", user))
        if action == "pause":
            return commands.paused(services, user)
        if action == "note":
            return Answer.say(say(services.content, "intent.noted", user, name=user.first_name))
        if action == "rest":
            return Answer.say(await record_rest(services, session, user))
        if action == "settings":
            return Answer(sends=await replies(services, session, user, Reading("settings")))
        # "more", the one action left (IntentTap reads no others; progress is its own use case)
        return Answer(sends=await replies(services, session, user, Reading("more")))
