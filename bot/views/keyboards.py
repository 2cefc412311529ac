"""Inline keyboards, built from content labels; callback data comes from bot.views.callbacks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo

from bot.domain.checkin import Question
from bot.domain.zones import COMMON_ZONES, city_of
from bot.views.callbacks import (
    SHARE_DAYS,
    SHARE_WEEKS,
    Callback,
    CheckinTap,
    CueTap,
    OnboardTap,
    PlanTap,
    SafetyTap,
    SettingsTap,
    ShareTap,
    WeeklyTap,
    time_code,
)
from bot.views.callbacks import day_code as day_code
from bot.views.choices import ACTIVITIES, CUES, SYMPTOMS
from bot.views.content import Content

TIME_CHOICES = (time(8, 0), time(9, 0), time(10, 0), time(12, 0), time(18, 0), time(20, 0))
# Minute ranges offered for "on a bad day" and "on a good day"; the value stored is the middle.
BAD_DAY_CHOICES = ((0, 2), (2, 5), (5, 10), (10, 20))
GOOD_DAY_CHOICES = ((5, 10), (10, 20), (20, 30), (30, 45))


# Label key and stored value of each choice button.
CHOICE_BUTTONS: dict[str, tuple[tuple[str, str], ...]] = {
    "flare": (("flare.yes", "yes"), ("flare.no", "no"), ("flare.unsure", "unsure")),
    "movement": (
        ("movement.yes", "yes"), ("movement.some", "some"),
        ("movement.no", "no"), ("movement.rest", "rest"),
    ),
}  # fmt: skip


def button(label: str, data: Callback) -> InlineKeyboardButton:
    """One button carrying a typed tap (its encoding asserts Telegram's 64-byte limit)."""
    return InlineKeyboardButton(label, callback_data=data.encode())


def _rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    """Lay buttons out `width` to a row."""
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


def scale(
    day: date, question: Question, extra: Sequence[InlineKeyboardButton] = ()
) -> list[list[InlineKeyboardButton]]:
    """0-10 in two rows, then any extra buttons one to a row."""
    numbers = [button(str(n), CheckinTap(day, question, str(n))) for n in range(11)]
    return [numbers[:6], numbers[6:], *[[b] for b in extra]]


# Check-in keyboards kept per content, at most this many (a few a day for each locale in use).
KEPT_KEYBOARDS = 256


def checkin_question(
    content: Content,
    day: date,
    question: Question,
    *,
    offer_same: bool = False,
    locale: str = "en",
) -> InlineKeyboardMarkup:
    """The buttons for one check-in question of one local date: built once and kept (PTB's
    objects cannot change once made, and eleven buttons a question were a noticeable share of
    a check-in step's CPU)."""
    key = ("checkin", day, question, offer_same, locale)
    kept = content.keyboards.get(key)
    if kept is None:
        if len(content.keyboards) >= KEPT_KEYBOARDS:
            content.keyboards.clear()
        kept = content.keyboards[key] = _checkin_question(
            content, day, question, offer_same=offer_same, locale=locale
        )
    assert isinstance(kept, InlineKeyboardMarkup)
    return kept


def _checkin_question(
    content: Content, day: date, question: Question, *, offer_same: bool, locale: str
) -> InlineKeyboardMarkup:
    def label(key: str) -> str:
        return content.label(key, locale)

    if question in ("pain", "interference", "energy", "sleep"):
        extra = (
            [button(label("checkin.same_as_yesterday"), CheckinTap(day, "same"))]
            if offer_same else []
        )  # fmt: skip
        return InlineKeyboardMarkup(scale(day, question, extra))
    if question in CHOICE_BUTTONS:
        row = [button(label(k), CheckinTap(day, question, v)) for k, v in CHOICE_BUTTONS[question]]
        return InlineKeyboardMarkup(_rows(row, 2 if len(row) > 3 else 3))
    return InlineKeyboardMarkup(
        [[button(label("checkin.skip_note"), CheckinTap(day, question, "skip"))]]
    )


def add_more(content: Content, day: date, locale: str = "en") -> InlineKeyboardMarkup:
    """After the short path: go on with the other questions if the person wants to."""
    return InlineKeyboardMarkup(
        [[button(content.label("checkin.add_more", locale), CheckinTap(day, "more"))]]
    )


def start_checkin(
    content: Content, day: date, key: str, locale: str = "en", action: str = "start"
) -> InlineKeyboardMarkup:
    """A single button that opens (or, with action "redo", restarts) the check-in of a date."""
    return InlineKeyboardMarkup([[button(content.label(key, locale), CheckinTap(day, action))]])


def zones(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """Common zones as buttons, then Skip."""
    buttons = [button(city_of(z), OnboardTap("tz", z)) for z in COMMON_ZONES]
    skip = button(content.label("onboarding.skip", locale), OnboardTap("tz", "skip"))
    return InlineKeyboardMarkup([*_rows(buttons, 3), [skip]])


def times(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """A few check-in times, then Skip."""
    buttons = [button(t.strftime("%H:%M"), OnboardTap("time", time_code(t))) for t in TIME_CHOICES]
    skip = button(content.label("onboarding.skip", locale), OnboardTap("time", "skip"))
    return InlineKeyboardMarkup([*_rows(buttons, 3), [skip]])


def minutes(content: Content, step: str, locale: str = "en") -> InlineKeyboardMarkup:
    """Minute ranges for the bad-day or good-day question, then Skip."""
    ranges = BAD_DAY_CHOICES if step == "bad" else GOOD_DAY_CHOICES
    buttons = [
        button(content.label("onboarding.minutes_range", locale).format(low=lo, high=hi),
                OnboardTap(step, str((lo + hi) // 2)))
        for lo, hi in ranges
    ]  # fmt: skip
    skip = button(content.label("onboarding.skip", locale), OnboardTap(step, "skip"))
    return InlineKeyboardMarkup([*_rows(buttons, 2), [skip]])


def toggles(
    content: Content, step: str, chosen: Sequence[str], locale: str = "en"
) -> InlineKeyboardMarkup:
    """Multi-select toggles (activities or symptoms) with a tick on the chosen ones, then Done."""
    options, prefix = (ACTIVITIES, "activity") if step == "act" else (SYMPTOMS, "symptom")
    buttons = [
        button(
            ("✅ " if o in chosen else "") + content.label(f"{prefix}.{o}", locale),
            OnboardTap(step, o),
        )
        for o in options
    ]
    done = button(content.label("onboarding.done", locale), OnboardTap(step, "done"))
    return InlineKeyboardMarkup([*_rows(buttons, 2), [done]])


def settings_menu(content: Content, paused: bool, locale: str = "en") -> InlineKeyboardMarkup:
    """What /settings can change."""

    def label(key: str) -> str:
        return content.label(key, locale)

    return InlineKeyboardMarkup(
        [
            [
                button(label("settings.timezone"), SettingsTap("tz")),
                button(label("settings.time"), SettingsTap("time")),
            ],
            [
                button(label("settings.bad"), SettingsTap("bad")),
                button(label("settings.good"), SettingsTap("good")),
            ],
            [
                button(label("settings.activities"), SettingsTap("act")),
                button(label("settings.symptoms"), SettingsTap("sym")),
            ],
            [
                button(label("settings.weekly"), WeeklyTap("menu")),
                button(label("settings.country"), SettingsTap("country")),
            ],
            [
                button(
                    label("settings.resume" if paused else "settings.pause"), SettingsTap("pause")
                )
            ],
            [button(label("settings.close"), SettingsTap("close"))],
        ]
    )


def country_choice(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """The helpline country: back to the time zone's country, or keep it as it is."""
    return InlineKeyboardMarkup(
        [[button(content.label("country.from_zone", locale), OnboardTap("country", "zone")),
          button(content.label("onboarding.skip", locale), OnboardTap("country", "skip"))]]
    )  # fmt: skip


def safety_check(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """The light check's two answers."""
    return InlineKeyboardMarkup(
        [[button(content.label("safety.ok", locale), SafetyTap("ok")),
          button(content.label("safety.need_help", locale), SafetyTap("help"))]]
    )  # fmt: skip


def safety_triage(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """The triage question's three answers, one per row."""
    return InlineKeyboardMarkup(
        [[button(content.label(f"safety.triage.{answer}", locale), SafetyTap(answer))]
         for answer in ("urgent", "doctor", "usual")]
    )  # fmt: skip


def safety_link(content: Content, username: str, locale: str = "en") -> InlineKeyboardMarkup:
    """Opens the private chat with a payload that says only "safety", nothing of what was said."""
    url = f"https://t.me/{username}?start=sf"
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(content.label("safety.open_private", locale), url=url)]]
    )


def private_chat_link(content: Content, username: str, locale: str = "en") -> InlineKeyboardMarkup:
    """A button that opens the private chat with the bot."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    content.label("group.open_private", locale), url=f"https://t.me/{username}"
                )
            ]
        ]
    )


def plan(
    content: Content, day: date, *, done: bool, offer_cue: bool, locale: str = "en"
) -> InlineKeyboardMarkup:
    """Under the day's plan: Done, Why this?, and (once) tying the goal to a daily cue."""
    done_label = content.label("plan.done_already" if done else "plan.done", locale)
    rows = [
        [
            button(done_label, PlanTap(day, "done")),
            button(content.label("plan.why", locale), PlanTap(day, "why")),
        ]
    ]
    if offer_cue:
        rows.append([button(content.label("plan.cue", locale), PlanTap(day, "cue"))])
    return InlineKeyboardMarkup(rows)


def cues(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """Everyday moments to tie the goal to, and typing one's own."""
    buttons = [button(content.label(f"cue.{c}", locale), CueTap(c)) for c in CUES]
    return InlineKeyboardMarkup(
        [*_rows(buttons, 2), [button(content.label("cue.own", locale), CueTap("own"))],
         [button(content.label("cue.none", locale), CueTap("none"))]]
    )  # fmt: skip


def _progress_button(
    content: Content, locale: str, app_url: str | None
) -> list[InlineKeyboardButton]:
    """The Mini App's button, when there is an https address for it (Telegram asks for https)."""
    if not app_url or not app_url.startswith("https://"):
        return []
    text = content.label("share.my_progress", locale)
    return [InlineKeyboardButton(text, web_app=WebAppInfo(app_url))]


def share_menu(
    content: Content, locale: str, *, days: int, weeks: int, notes: bool, app_url: str | None
) -> InlineKeyboardMarkup:
    """Under a new link: how long it works, which weeks, notes, stop, and My progress."""
    label = content.label

    def chosen(text: str, on: bool) -> str:
        return ("✅ " if on else "") + text

    rows = [
        [button(chosen(label(f"share.days.{d}", locale), d == days), ShareTap("days", d))
         for d in SHARE_DAYS],
        [button(chosen(label(f"share.weeks.{w}", locale), w == weeks), ShareTap("weeks", w))
         for w in SHARE_WEEKS],
        [button(label("share.notes_hide" if notes else "share.notes_show", locale),
                ShareTap("notes", 0 if notes else 1)),
         button(label("share.stop", locale), ShareTap("stop"))],
    ]  # fmt: skip
    progress = _progress_button(content, locale, app_url)
    if progress:
        rows.append(progress)
    return InlineKeyboardMarkup(rows)


def share_status(content: Content, locale: str, *, app_url: str | None) -> InlineKeyboardMarkup:
    """Under the state of a working link: a new link, stop, and My progress."""
    rows = [[button(content.label("share.new", locale), ShareTap("new")),
             button(content.label("share.stop", locale), ShareTap("stop"))]]  # fmt: skip
    progress = _progress_button(content, locale, app_url)
    if progress:
        rows.append(progress)
    return InlineKeyboardMarkup(rows)
