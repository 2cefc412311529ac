"""Inline keyboards, built from content labels; callback data stays under 64 bytes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.checkin import Question
from bot.domain.zones import COMMON_ZONES, city_of
from bot.views.content import Content

ACTIVITIES = ("walking", "bike", "yoga", "water", "stretching", "taichi")
SYMPTOMS = ("headache", "neck", "upper_back", "sleep", "stress")
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


def button(label: str, data: str) -> InlineKeyboardButton:
    """One button; the assert guards Telegram's 64-byte limit at the place data is made."""
    assert len(data.encode()) <= 64, data
    return InlineKeyboardButton(label, callback_data=data)


def _rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    """Lay buttons out `width` to a row."""
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


def day_code(day: date) -> str:
    """A compact date for callback data."""
    return day.strftime("%Y%m%d")


def scale(
    content: Content, prefix: str, extra: Sequence[InlineKeyboardButton] = ()
) -> list[list[InlineKeyboardButton]]:
    """0-10 in two rows, then any extra buttons one to a row."""
    numbers = [button(str(n), f"{prefix}:{n}") for n in range(11)]
    return [numbers[:6], numbers[6:], *[[b] for b in extra]]


def checkin_question(
    content: Content,
    day: date,
    question: Question,
    *,
    offer_same: bool = False,
    locale: str = "en",
) -> InlineKeyboardMarkup:
    """The buttons for one check-in question of one local date."""
    code = day_code(day)
    prefix = f"ci:{code}:{question}"

    def label(key: str) -> str:
        return content.label(key, locale)

    if question in ("pain", "interference", "energy", "sleep"):
        extra = (
            [button(label("checkin.same_as_yesterday"), f"ci:{code}:same")] if offer_same else []
        )
        return InlineKeyboardMarkup(scale(content, prefix, extra))
    if question in CHOICE_BUTTONS:
        row = [button(label(k), f"{prefix}:{v}") for k, v in CHOICE_BUTTONS[question]]
        return InlineKeyboardMarkup(_rows(row, 2 if len(row) > 3 else 3))
    return InlineKeyboardMarkup([[button(label("checkin.skip_note"), f"{prefix}:skip")]])


def add_more(content: Content, day: date, locale: str = "en") -> InlineKeyboardMarkup:
    """After the short path: go on with the other questions if the person wants to."""
    return InlineKeyboardMarkup(
        [[button(content.label("checkin.add_more", locale), f"ci:{day_code(day)}:more")]]
    )


def start_checkin(
    content: Content, day: date, key: str, locale: str = "en", action: str = "start"
) -> InlineKeyboardMarkup:
    """A single button that opens (or, with action "redo", restarts) the check-in of a date."""
    return InlineKeyboardMarkup(
        [[button(content.label(key, locale), f"ci:{day_code(day)}:{action}")]]
    )


def zones(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """Common zones as buttons, then Skip."""
    buttons = [button(city_of(z), f"ob:tz:{z}") for z in COMMON_ZONES]
    return InlineKeyboardMarkup(
        [*_rows(buttons, 3), [button(content.label("onboarding.skip", locale), "ob:tz:skip")]]
    )


def times(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """A few check-in times, then Skip."""
    buttons = [button(t.strftime("%H:%M"), f"ob:time:{t.strftime('%H%M')}") for t in TIME_CHOICES]
    return InlineKeyboardMarkup(
        [*_rows(buttons, 3), [button(content.label("onboarding.skip", locale), "ob:time:skip")]]
    )


def minutes(content: Content, step: str, locale: str = "en") -> InlineKeyboardMarkup:
    """Minute ranges for the bad-day or good-day question, then Skip."""
    ranges = BAD_DAY_CHOICES if step == "bad" else GOOD_DAY_CHOICES
    buttons = [
        button(content.label("onboarding.minutes_range", locale).format(low=lo, high=hi),
                f"ob:{step}:{(lo + hi) // 2}")
        for lo, hi in ranges
    ]  # fmt: skip
    return InlineKeyboardMarkup(
        [*_rows(buttons, 2), [button(content.label("onboarding.skip", locale), f"ob:{step}:skip")]]
    )


def toggles(
    content: Content, step: str, chosen: Sequence[str], locale: str = "en"
) -> InlineKeyboardMarkup:
    """Multi-select toggles (activities or symptoms) with a tick on the chosen ones, then Done."""
    options, prefix = (ACTIVITIES, "activity") if step == "act" else (SYMPTOMS, "symptom")
    buttons = [
        button(
            ("✅ " if o in chosen else "") + content.label(f"{prefix}.{o}", locale),
            f"ob:{step}:{o}",
        )
        for o in options
    ]
    done = button(content.label("onboarding.done", locale), f"ob:{step}:done")
    return InlineKeyboardMarkup([*_rows(buttons, 2), [done]])


def settings_menu(content: Content, paused: bool, locale: str = "en") -> InlineKeyboardMarkup:
    """What /settings can change."""

    def label(key: str) -> str:
        return content.label(key, locale)

    return InlineKeyboardMarkup(
        [
            [
                button(label("settings.timezone"), "set:tz"),
                button(label("settings.time"), "set:time"),
            ],
            [
                button(label("settings.bad"), "set:bad"),
                button(label("settings.good"), "set:good"),
            ],
            [
                button(label("settings.activities"), "set:act"),
                button(label("settings.symptoms"), "set:sym"),
            ],
            [
                button(label("settings.weekly"), "wk:menu"),
                button(label("settings.country"), "set:country"),
            ],
            [button(label("settings.resume" if paused else "settings.pause"), "set:pause")],
            [button(label("settings.close"), "set:close")],
        ]
    )


def country_choice(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """The helpline country: back to the time zone's country, or keep it as it is."""
    return InlineKeyboardMarkup(
        [[button(content.label("country.from_zone", locale), "ob:country:zone"),
          button(content.label("onboarding.skip", locale), "ob:country:skip")]]
    )  # fmt: skip


def safety_check(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """The light check's two answers."""
    return InlineKeyboardMarkup(
        [[button(content.label("safety.ok", locale), "sf:ok"),
          button(content.label("safety.need_help", locale), "sf:help")]]
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
    code = day_code(day)
    done_label = content.label("plan.done_already" if done else "plan.done", locale)
    rows = [
        [
            button(done_label, f"pl:{code}:done"),
            button(content.label("plan.why", locale), f"pl:{code}:why"),
        ]
    ]
    if offer_cue:
        rows.append([button(content.label("plan.cue", locale), f"pl:{code}:cue")])
    return InlineKeyboardMarkup(rows)


CUES = ("after_breakfast", "after_lunch", "after_morning_drink", "before_dinner", "after_a_rest")


def cues(content: Content, locale: str = "en") -> InlineKeyboardMarkup:
    """Everyday moments to tie the goal to, and typing one's own."""
    buttons = [button(content.label(f"cue.{c}", locale), f"cue:{c}") for c in CUES]
    return InlineKeyboardMarkup(
        [*_rows(buttons, 2), [button(content.label("cue.own", locale), "cue:own")],
         [button(content.label("cue.none", locale), "cue:none")]]
    )  # fmt: skip
