"""How a challenge looks: its group message, summaries, set-up steps and buttons.

Everything rendered here for a group is built from first names, the challenge's own settings
and each member's moved/resting status: nothing from a private check-in reaches it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.db.models import Challenge
from bot.domain.challenges import (
    LENGTHS,
    MINUTE_CHOICES,
    OWN,
    SUMMARY_TIMES,
    MemberTally,
    day_number,
)
from bot.domain.locale import locale_for
from bot.domain.zones import COMMON_ZONES, city_of
from bot.views.callbacks import ChallengeTap, SetupTap, time_code
from bot.views.choices import ACTIVITIES
from bot.views.content import Content

SETUP_STEPS = ("act", "min", "len", "tz", "time")
ZONE_ROW = 3


def locale_of_challenge(challenge: Challenge) -> str:
    """Groups have no language setting; the zone's country picks the spelling."""
    return locale_for(challenge.timezone) if challenge.timezone else "en"


def render(content: Content, key: str, challenge: Challenge, **variables: object) -> str:
    """A content message in the challenge's locale."""
    return content.render(key, locale_of_challenge(challenge), **variables)


def label(content: Content, key: str, challenge: Challenge | None = None) -> str:
    """A button label."""
    return content.label(key, locale_of_challenge(challenge) if challenge else "en")


def goal_words(content: Content, challenge: Challenge) -> str:
    """The challenge in words: '10 minutes of walking a day', 'everyone's own plan'."""
    activity = ""
    if challenge.activity not in (None, OWN):
        activity = label(content, f"activity_words.{challenge.activity}", challenge)
    return render(
        content, "group.goal", challenge, activity=activity, goal_minutes=challenge.minutes or 0
    )


def date_words(day: date) -> str:
    """'Saturday 21 November'."""
    return f"{day:%A} {day.day} {day:%B}"


def _common(content: Content, challenge: Challenge) -> dict[str, object]:
    """Variables every challenge message uses."""
    summary_time = challenge.summary_time
    return {
        "goal": goal_words(content, challenge),
        "days": challenge.length_days or 0,
        "summary_time": summary_time.strftime("%H:%M") if summary_time else "",
        "timezone": challenge.timezone or "",
    }


def challenge_text(
    content: Content, challenge: Challenge, tallies: Sequence[MemberTally], today: date
) -> str:
    """The challenge message: the goal, the day, and today's tally."""
    start = cast(date, challenge.start_date)
    members = [t.as_dict() for t in tallies]
    if challenge.status != "active":
        return render(content, "group.challenge.ended", challenge, members=members,
                      **_common(content, challenge))  # fmt: skip
    # A morning summary looks back, so the last day's summary comes the morning after it.
    day = min(max(day_number(today, start), 0), challenge.length_days or 0)
    return render(
        content, "group.challenge", challenge, members=members, day=day,
        date=date_words(start), **_common(content, challenge),
    )  # fmt: skip


def day_summary_text(
    content: Content, challenge: Challenge, tallies: Sequence[MemberTally], day: date
) -> str:
    """The once-a-day summary: who moved and who rested that day."""
    return render(
        content, "group.summary.day", challenge, members=[t.as_dict() for t in tallies],
        day=day_number(day, cast(date, challenge.start_date)), **_common(content, challenge),
    )  # fmt: skip


def end_summary_text(
    content: Content, challenge: Challenge, tallies: Sequence[MemberTally], today: date
) -> str:
    """The closing summary: each member's days on plan, in joining order, never ranked."""
    start = cast(date, challenge.start_date)
    key = "group.summary.end" if challenge.end_reason == "done" else "group.summary.end_early"
    length = challenge.length_days or 0
    return render(
        content, key, challenge, members=[t.as_dict() for t in tallies],
        day=min(max(day_number(today, start), 0), length), **_common(content, challenge),
    )  # fmt: skip


# Buttons --------------------------------------------------------------------------------------


def button(text: str, data: ChallengeTap | SetupTap) -> InlineKeyboardButton:
    """One callback button (its encoding asserts Telegram's 64-byte limit)."""
    return InlineKeyboardButton(text, callback_data=data.encode())


def _rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    """Lay buttons out `width` to a row."""
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


def challenge_markup(content: Content, challenge: Challenge) -> InlineKeyboardMarkup | None:
    """Join, Done today and Rest day under a running challenge; nothing once it has ended."""
    if challenge.status != "active":
        return None
    cid = challenge.id
    return InlineKeyboardMarkup(
        [
            [button(label(content, "challenge.join", challenge), ChallengeTap(cid, "join"))],
            [
                button(label(content, "challenge.done", challenge), ChallengeTap(cid, "done")),
                button(label(content, "challenge.rest", challenge), ChallengeTap(cid, "rest")),
            ],
        ]
    )


def nudge_markup(content: Content, challenge: Challenge) -> InlineKeyboardMarkup:
    """Done today and Rest day, privately."""
    cid = challenge.id
    return InlineKeyboardMarkup(
        [
            [
                button(label(content, "challenge.done", challenge), ChallengeTap(cid, "done")),
                button(label(content, "challenge.rest", challenge), ChallengeTap(cid, "rest")),
            ]
        ]
    )


def choose_markup(
    content: Content, challenges: Sequence[Challenge], action: str, *, keep: bool = False
) -> InlineKeyboardMarkup:
    """One button per challenge (to leave or end it), and 'Keep going' when ending."""
    key = "challenge.end" if action == "end" else "challenge.leave"
    rows = []
    for c in challenges:
        text = label(content, key, c).format(goal=goal_words(content, c))
        rows.append([button(text, ChallengeTap(c.id, action))])
    if keep:
        rows.append([button(label(content, "challenge.keep"), ChallengeTap(0, "keep"))])
    return InlineKeyboardMarkup(rows)


def setup_text(content: Content, challenge: Challenge, creator: str, error: str = "") -> str:
    """The set-up message at its open step, with an error line when a typed answer was unclear."""
    step = challenge.step or "act"
    header = render(content, "group.setup.header", challenge, name=creator)
    question = render(content, f"group.setup.{step}", challenge, timezone=challenge.timezone or "")
    return "\n\n".join(part for part in (header, error, question) if part)


def setup_markup(
    content: Content, challenge: Challenge, known_zone: str | None = None
) -> InlineKeyboardMarkup:
    """The choices of the open set-up step, then Cancel."""
    step = challenge.step or "act"
    cid = challenge.id

    def tap(value: str) -> SetupTap:
        return SetupTap(cid, step, value)

    buttons: list[InlineKeyboardButton]
    width = 2
    if step == "act":
        buttons = [button(label(content, f"activity.{a}"), tap(a)) for a in ACTIVITIES]
        buttons.append(button(label(content, "challenge.own_activity"), tap(OWN)))
    elif step == "min":
        minutes = label(content, "challenge.minutes")
        buttons = [button(minutes.format(minutes=m), tap(str(m))) for m in MINUTE_CHOICES]
        buttons.append(button(label(content, "challenge.own_minutes"), tap(OWN)))
    elif step == "len":
        days = label(content, "challenge.days")
        buttons = [button(days.format(days=n), tap(str(n))) for n in LENGTHS]
        width = 3
    elif step == "tz":
        zones = list(COMMON_ZONES)
        if known_zone and known_zone not in zones:
            zones.insert(0, known_zone)
        buttons = [button(city_of(z), tap(z)) for z in zones]
        width = ZONE_ROW
    else:
        buttons = [button(t.strftime("%H:%M"), tap(time_code(t))) for t in SUMMARY_TIMES]
    cancel = button(label(content, "challenge.cancel"), SetupTap(cid, "cancel", "x"))
    return InlineKeyboardMarkup([*_rows(buttons, width), [cancel]])


def zone_of(challenge: Challenge) -> ZoneInfo:
    """The challenge's zone (UTC until one is chosen)."""
    return ZoneInfo(challenge.timezone or "UTC")
