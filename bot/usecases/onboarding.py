"""Onboarding and /settings as use cases: /start, each step's answer (tapped or typed), the
settings menu. Each opens the unit of work, reads the person, applies the step and returns
what to say (an Answer); the Telegram handlers only parse the update and deliver it.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.db import queries
from bot.db.models import User
from bot.domain import dialogs
from bot.domain.activities import parse_activities
from bot.domain.dialogs import Dialogue, State, Step
from bot.domain.parsing import parse_minutes_span, parse_time, time_period
from bot.domain.schedule import local_date, next_due, next_weekly
from bot.domain.zones import is_zone, parse_zone
from bot.services import Services
from bot.usecases.answers import Answer, Reply
from bot.views import keyboards
from bot.views.choices import ACTIVITIES, SYMPTOMS
from bot.views.render import echo, locale_of, say

# Multi-select steps: the user column each fills and the choices it offers, in order.
TOGGLES: dict[str, tuple[str, tuple[str, ...]]] = {
    Step.ACT: ("activities", ACTIVITIES), Step.SYM: ("symptom_tags", SYMPTOMS),
}  # fmt: skip


def activity_words(services: Services, user: User) -> str:
    """The chosen activities in words, or the default."""
    names = [
        services.content.label(f"activity_words.{a}", locale_of(user)) for a in user.activities
    ]
    if not names:
        return services.content.label("activity_words.none", locale_of(user))
    if len(names) == 1:
        return names[0]
    joiner = services.content.label("words.and", locale_of(user))
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"


def symptom_words(services: Services, user: User) -> str:
    """The symptoms the person wants tips for, in words."""
    loc = locale_of(user)
    names = [services.content.label(f"symptom_words.{s}", loc) for s in user.symptom_tags]
    return ", ".join(names) or services.content.label("symptom_words.none", loc)


def question(services: Services, user: User, step: str) -> tuple[str, InlineKeyboardMarkup]:
    """The text and buttons that ask one step."""
    content, loc = services.content, locale_of(user)
    if step == "tz":
        return say(services.content, "onboarding.ask.timezone", user, timezone=user.timezone), (
            keyboards.zones(content, loc)
        )
    if step == "time":
        text = say(services.content, "onboarding.ask.time", user, timezone=user.timezone,
                   checkin_time=user.checkin_time.strftime("%H:%M"))  # fmt: skip
        return text, keyboards.times(content, loc)
    if step in ("bad", "good"):
        key = "onboarding.ask.bad_day" if step == "bad" else "onboarding.ask.good_day"
        return say(services.content, key, user), keyboards.minutes(content, step, loc)
    if step == "sym":
        text = say(services.content, "settings.ask.symptoms", user)
        return text, keyboards.toggles(content, "sym", user.symptom_tags, loc)
    if step == "country":
        text = say(
            services.content, "settings.ask.country", user,
            country_name=country_words(services, user),
        )
        return text, keyboards.country_choice(content, loc)
    text = say(services.content, "onboarding.ask.activities", user)
    return text, keyboards.toggles(content, "act", user.activities, loc)


def reschedule(user: User, services: Services) -> None:
    """Recompute the next prompt and weekly summary after a zone or time change (DST-correct)."""
    if user.onboarded:
        zone, now = ZoneInfo(user.timezone), services.clock.now()
        user.next_prompt_at = next_due(now, user.checkin_time, zone)
        user.next_weekly_at = (
            next_weekly(now, user.weekly_weekday, user.weekly_time, zone)
            if user.weekly_enabled else None
        )  # fmt: skip


def country_words(services: Services, user: User) -> str:
    """The country whose helplines the person gets, in words: where there is no entry for it
    (no country from the zone, or one without numbers on file) the directory is what they get."""
    helplines = services.content.helplines
    found = helplines.get(helplines.country_of(user.country, user.timezone))
    if found is not None:
        return found.name
    return services.content.label("country.unknown", locale_of(user))


def settings_text(services: Services, user: User) -> str:
    """The settings overview."""
    return say(
        services.content, "settings.menu", user, timezone=user.timezone,
        checkin_time=user.checkin_time.strftime("%H:%M"),
        minutes_range=f"{user.bad_day_minutes}-{user.good_day_minutes}",
        activities=activity_words(services, user), value="yes" if user.paused else "no",
        symptoms=symptom_words(services, user), country_name=country_words(services, user),
    )  # fmt: skip


async def _apply(
    services: Services, session: AsyncSession, user: User, step: str, raw: str
) -> str | None:
    """Store one step's answer (a button value or typed text); return an error key if unclear."""
    value = raw.strip()
    if step == "tz":
        if value == "skip":
            return None
        if is_zone(value) and "/" in value:
            user.timezone = value
            return None
        guess = parse_zone(value)
        if guess.zone is None:
            return "onboarding.error.timezone"
        user.timezone = guess.zone
    elif step == "time":
        if value == "skip":
            return None
        # Buttons send "0930"; typed text may be anything ("2599", "²¹³⁰"): parse_time never raises.
        parsed = parse_time(value)
        if parsed is None:
            period = time_period(value)
            return f"onboarding.error.time.{period}" if period else "onboarding.error.time"
        user.checkin_time = parsed
    elif step == "country":
        if value == "skip":
            return None
        if value == "zone":
            user.country = None
            return None
        country = services.content.helplines.find(value)
        if country is None:
            return "settings.error.country"
        user.country = country.code
    elif step == "act":
        # Typed text (buttons toggle elsewhere): "I walk my dog and do a bit of yoga".
        activities = parse_activities(value)
        if activities is None:
            return "onboarding.error.activities"
        user.activities = list(activities)
    elif step in ("bad", "good"):
        if value == "skip":
            return None
        # "Not much" is the smallest plan on offer: the first button of the question.
        low, high = (keyboards.BAD_DAY_CHOICES if step == "bad" else keyboards.GOOD_DAY_CHOICES)[0]
        span = parse_minutes_span(value, smallest=(low + high) // 2)
        if span is None:
            return "onboarding.error.minutes"
        # A range keeps the person's own bound: the bad day its lower end ("5 or 10": 5), the
        # good day its upper end ("maybe 15 or 20 mins": 20), so the plan's range is theirs.
        minutes = span[0] if step == "bad" else span[1]
        if step == "bad":
            user.bad_day_minutes = minutes
            user.good_day_minutes = max(user.good_day_minutes, minutes)
        else:
            user.good_day_minutes = max(minutes, user.bad_day_minutes)
    return None


def _advance(
    services: Services, user: User, step: str
) -> tuple[str, InlineKeyboardMarkup | None, list[Reply]]:
    """Move the dialog on after a step; return what to show in place and what to send after."""
    if dialogs.dialogue_of(user.dialog) is Dialogue.SETTINGS or user.onboarded:
        user.dialog = None
        reschedule(user, services)
        saved = say(services.content, "settings.saved", user)
        menu = keyboards.settings_menu(services.content, user.paused, locale_of(user))
        return saved, None, [(settings_text(services, user), menu)]
    answered = dialogs.setup_state(Dialogue.ONBOARD, step)
    following = dialogs.NEXT[answered] if answered is not None else None
    if following is not None and following.step is not None:
        user.dialog = following
        text, markup = question(services, user, following.step)
        return text, markup, []
    return _finish(services, user)


def _finish(
    services: Services, user: User
) -> tuple[str, InlineKeyboardMarkup | None, list[Reply]]:
    """Mark onboarding done, schedule the first prompt and offer a first check-in now."""
    user.onboarded = True
    user.dialog = None
    reschedule(user, services)
    today = local_date(services.clock.now(), ZoneInfo(user.timezone))
    text = say(
        services.content, "onboarding.done", user, name=user.first_name,
        checkin_time=user.checkin_time.strftime("%H:%M"), timezone=user.timezone,
        activities=activity_words(services, user),
        minutes_range=f"{user.bad_day_minutes}-{user.good_day_minutes}",
    )  # fmt: skip
    markup = keyboards.start_checkin(services.content, today, "checkin.start_now", locale_of(user))
    return text, markup, []


def finish_with_defaults(services: Services, user: User) -> str:
    """/cancel during onboarding: keep what was answered, default the rest."""
    text, _, _ = _finish(services, user)
    return text


def start_first(services: Services, user: User | None, *, tap: bool) -> Answer:
    """Someone not set up yet used a feature: point them to /start (a popup for a tap)."""
    hint = say(services.content, "onboarding.start_first", user)
    return Answer(popup=hint) if tap else Answer.say(hint)


async def start(
    services: Services, user_id: int, chat_id: int, first_name: str, language: str | None
) -> Answer:
    """/start: welcome a person and begin (or resume) onboarding."""
    now = services.clock.now()
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None:
            user = queries.new_user(
                user_id, chat_id, first_name, language, services.settings.default_timezone, now
            )
            user.dialog = State.ONBOARD_TZ
            session.add(user)
            greeting = say(services.content, "onboarding.welcome", user, name=user.first_name)
        else:
            user.active = True
            user.chat_id = chat_id
            user.updated_at = now
            if user.onboarded:
                reschedule(user, services)
                return Answer.say(say(
                    services.content, "onboarding.welcome_back", user, name=user.first_name,
                    checkin_time=user.checkin_time.strftime("%H:%M"), timezone=user.timezone,
                ))  # fmt: skip
            if dialogs.dialogue_of(user.dialog) is Dialogue.ONBOARD:
                # The welcome went out with the first /start: a second one (a double tap, or two
                # replicas each holding one) carries on instead of welcoming twice.
                greeting = say(services.content, "onboarding.resume", user, name=user.first_name)
            else:
                user.dialog = State.ONBOARD_TZ
                greeting = say(services.content, "onboarding.welcome", user, name=user.first_name)
        text, markup = question(services, user, dialogs.step_of(user.dialog) or Step.TZ)
    # One message: the welcome, then the first question with its buttons right under it.
    return Answer.say(f"{greeting}\n\n{text}", markup)


async def tap(services: Services, user_id: int, step: str, value: str) -> Answer:
    """A tap on an onboarding or settings answer button."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None:
            return Answer(popup=say(services.content, "onboarding.start_first", user))
        current = dialogs.step_of(user.dialog)
        if step in TOGGLES:
            if value != "done":
                column, choices = TOGGLES[step]
                chosen = list(getattr(user, column))
                chosen.remove(value) if value in chosen else chosen.append(value)
                setattr(user, column, [c for c in choices if c in chosen])
                user.updated_at = services.clock.now()
                return Answer(edit=question(services, user, step))
        else:
            await _apply(services, session, user, step, value)
        user.updated_at = services.clock.now()
        if current != step:
            # A button from an earlier step: the setting is saved, the dialog stays where it is.
            reschedule(user, services)
            return Answer(popup=say(services.content, "settings.saved", user))
        text, markup, after = _advance(services, user, step)
    return Answer(edit=(text, markup), sends=after)


async def typed(services: Services, session: AsyncSession, user: User, text: str) -> Answer:
    """A typed answer while an onboarding or settings step is open (in the caller's unit of
    work)."""
    step = dialogs.step_of(user.dialog)
    assert step is not None  # said.waiting sends typed text here only with a set-up step open
    if step in TOGGLES and step != Step.ACT:
        toggles = say(services.content, "onboarding.error.toggles", user)
        return Answer(sends=[(toggles, None), question(services, user, step)])
    error = await _apply(services, session, user, step, text)
    if error is not None:
        suggestions = ", ".join(parse_zone(text).suggestions) if step == "tz" else ""
        message = say(services.content, error, user, value=echo(text), suggestions=suggestions)
        return Answer(sends=[(message, None), question(services, user, step)])
    user.updated_at = services.clock.now()
    reply, markup, after = _advance(services, user, step)
    return Answer(sends=[(reply, markup), *after])


async def open_settings(services: Services, user_id: int) -> Answer:
    """/settings: what is set, with a button for each thing to change."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return start_first(services, user, tap=False)
        if dialogs.dialogue_of(user.dialog) is Dialogue.SETTINGS:
            user.dialog = None
        menu = keyboards.settings_menu(services.content, user.paused, locale_of(user))
        return Answer.say(settings_text(services, user), menu)


async def settings_tap(services: Services, user_id: int, what: str) -> Answer:
    """A tap in the /settings menu."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return start_first(services, user, tap=True)
        user.updated_at = services.clock.now()
        if what == "close":
            user.dialog = None
            return Answer(edit=(say(services.content, "settings.closed", user), None))
        if what == "pause":
            user.paused = not user.paused
            reschedule(user, services)
            said = "pause.done" if user.paused else "resume.short"
            menu = keyboards.settings_menu(services.content, user.paused, locale_of(user))
            return Answer(popup=say(services.content, said, user),
                          edit=(settings_text(services, user), menu))  # fmt: skip
        # SettingsTap reads only its CHOICES (any other gets the stale-button popup before
        # this): each set-up step has its settings state.
        state = dialogs.setup_state(Dialogue.SETTINGS, what)
        assert state is not None
        user.dialog = state
        return Answer(edit=question(services, user, what))
