"""Typed callback data: one small codec per button family.

Every inline button carries `<prefix>:<field>:...` (Telegram allows 64 bytes). Each family is a
frozen dataclass that makes its data (`encode`) and reads it back (`parse`). Callback data comes
from the person's client and can be forged, garbled or simply old, so `parse` checks types,
ranges, dates, times and allowed values and says None for anything it would not have made; it
never raises. A None tap gets a short friendly popup and changes nothing.

The wire format is the one the bot has always sent, so buttons already in people's chats keep
working (the final delete button excepted: it now carries a one-time token).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, ClassVar, Self

from bot.domain import checkin as flow
from bot.domain.challenges import LENGTHS, MINUTE_CHOICES, OWN
from bot.domain.parsing import parse_id
from bot.domain.zones import is_zone
from bot.views.choices import ACTIVITIES, CUES, REFLECTION_LOWEST, REFLECTIONS, SYMPTOMS

MAX_BYTES = 64  # Telegram's limit for callback data
# Dates a button may carry: well before the bot existed to well after anyone will tap.
FIRST_DAY, LAST_DAY = date(2020, 1, 1), date(2099, 12, 31)
SEP = ":"

_DAY = re.compile(r"[0-9]{8}")
_HHMM = re.compile(r"([01][0-9]|2[0-3])([0-5][0-9])")
_ZONE = re.compile(r"[A-Za-z0-9_+\-/]{1,40}")
_TOKEN = re.compile(r"[A-Za-z0-9_\-]{16,32}")
# What a broken field raises at worst; parse turns each into None.
_BAD = (ValueError, TypeError, IndexError, KeyError, OverflowError)


# Fields -----------------------------------------------------------------------------------


def day_code(day: date) -> str:
    """A date as yyyymmdd."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def parse_day(text: str) -> date | None:
    """yyyymmdd within FIRST_DAY..LAST_DAY, else None."""
    if not _DAY.fullmatch(text):
        return None
    try:
        day = date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
    return day if FIRST_DAY <= day <= LAST_DAY else None


def time_code(at: time) -> str:
    """A time as HHMM."""
    return f"{at.hour:02d}{at.minute:02d}"


def parse_hhmm(text: str) -> time | None:
    """HHMM (0000-2359), else None."""
    found = _HHMM.fullmatch(text)
    return time(int(found.group(1)), int(found.group(2))) if found else None


def parse_int(text: str, lowest: int, highest: int) -> int | None:
    """ASCII digits within lowest..highest, else None."""
    number = parse_id(text)
    return number if number is not None and lowest <= number <= highest else None


def valid_zone(text: str) -> bool:
    """An IANA zone name the bot can load (checked by shape first: no paths, no Unicode)."""
    return bool(_ZONE.fullmatch(text)) and ".." not in text and is_zone(text)


def _fields(data: str, prefix: str) -> list[str] | None:
    """The fields after `prefix:`, or None when the data is not plain short ASCII of the family."""
    if not isinstance(data, str) or not data.isascii() or len(data) > MAX_BYTES:
        return None
    parts = data.split(SEP)
    if len(parts) < 2 or parts[0] != prefix:
        return None
    return parts[1:]


class Codec(ABC):
    """Shared by every family: `encode` joins the prefix and the fields; `parse` never raises."""

    PREFIX: ClassVar[str]

    @abstractmethod
    def parts(self) -> tuple[str, ...]:
        """The fields after the prefix, as sent."""

    def encode(self) -> str:
        """The callback data for a button (asserted to fit Telegram's 64 bytes)."""
        data = SEP.join((self.PREFIX, *self.parts()))
        assert len(data.encode()) <= MAX_BYTES, data
        return data

    @classmethod
    @abstractmethod
    def read(cls, fields: list[str]) -> Self | None:
        """The tap from its fields, or None when they are not valid."""

    @classmethod
    def parse(cls, data: str) -> Self | None:
        """The tap `data` stands for; None for anything forged, garbled or of another family."""
        fields = _fields(data, cls.PREFIX)
        if fields is None:
            return None
        try:
            return cls.read(fields)
        except _BAD:
            return None


# Families ---------------------------------------------------------------------------------

CHECKIN_ACTIONS = ("start", "redo", "same", "more")


class OneOf(Codec):
    """A family whose one field is one of `CHOICES` (cue, settings, safety, intent buttons)."""

    CHOICES: ClassVar[tuple[str, ...]]

    if TYPE_CHECKING:  # each subclass is a dataclass of that one field

        def __init__(self, value: str, /) -> None: ...

    @classmethod
    def read(cls, fields: list[str]) -> Self | None:
        """The tap, if its one field is one of the family's choices."""
        return cls(fields[0]) if len(fields) == 1 and fields[0] in cls.CHOICES else None


@dataclass(frozen=True)
class CheckinTap(Codec):
    """ci:<yyyymmdd>:start|redo|same|more, or ci:<yyyymmdd>:<question>:<answer>."""

    PREFIX: ClassVar[str] = "ci"
    day: date
    action: str
    value: str = ""

    def parts(self) -> tuple[str, ...]:
        tail = (self.value,) if self.action in flow.ORDER else ()
        return (day_code(self.day), self.action, *tail)

    @classmethod
    def read(cls, fields: list[str]) -> Self | None:
        day = parse_day(fields[0])
        if day is None or len(fields) < 2:
            return None
        action = fields[1]
        if action in CHECKIN_ACTIONS and len(fields) == 2:
            return cls(day, action)
        if len(fields) != 3:
            return None
        question = next((q for q in flow.ORDER if q == action), None)
        if question == "note":
            return cls(day, question, "skip") if fields[2] == "skip" else None
        value = flow.valid_button_value(question, fields[2]) if question else None
        return cls(day, action, str(value)) if value is not None else None


PLAN_ACTIONS = ("done", "why", "cue")
MAX_OPTIONS = 20  # flare-day options on one plan, with room to spare


@dataclass(frozen=True)
class PlanTap(Codec):
    """pl:<yyyymmdd>:done|why|cue, or pl:<yyyymmdd>:opt:<n> for a flare-day option."""

    PREFIX: ClassVar[str] = "pl"
    day: date
    action: str
    option: int | None = None

    def parts(self) -> tuple[str, ...]:
        tail = (str(self.option),) if self.action == "opt" else ()
        return (day_code(self.day), self.action, *tail)

    @classmethod
    def read(cls, fields: list[str]) -> Self | None:
        day = parse_day(fields[0])
        if day is None or len(fields) < 2:
            return None
        if fields[1] in PLAN_ACTIONS and len(fields) == 2:
            return cls(day, fields[1])
        if fields[1] == "opt" and len(fields) == 3:
            option = parse_int(fields[2], 0, MAX_OPTIONS - 1)
            return cls(day, "opt", option) if option is not None else None
        return None


@dataclass(frozen=True)
class CueTap(OneOf):
    """cue:<moment>|own|none."""

    PREFIX: ClassVar[str] = "cue"
    CHOICES: ClassVar[tuple[str, ...]] = (*CUES, "own", "none")
    choice: str

    def parts(self) -> tuple[str, ...]:
        return (self.choice,)


@dataclass(frozen=True)
class WeeklyTap(Codec):
    """wk:menu|toggle|back, wk:day:<0-6> (0 is Monday) or wk:time:<HHMM>."""

    PREFIX: ClassVar[str] = "wk"
    PLAIN: ClassVar[tuple[str, ...]] = ("menu", "toggle", "back")
    action: str
    weekday: int | None = None
    at: time | None = None

    def parts(self) -> tuple[str, ...]:
        if self.action == "day":
            return ("day", str(self.weekday))
        if self.action == "time" and self.at is not None:
            return ("time", time_code(self.at))
        return (self.action,)

    @classmethod
    def read(cls, fields: list[str]) -> Self | None:
        if len(fields) == 1 and fields[0] in cls.PLAIN:
            return cls(fields[0])
        if len(fields) == 2 and fields[0] == "day":
            weekday = parse_int(fields[1], 0, 6)
            return cls("day", weekday=weekday) if weekday is not None else None
        if len(fields) == 2 and fields[0] == "time":
            at = parse_hhmm(fields[1])
            return cls("time", at=at) if at is not None else None
        return None


@dataclass(frozen=True)
class ReflectionTap(Codec):
    """rf:<yyyymmdd>:<kind>:<field>:<answer>: a weekly or monthly reflection answer."""

    PREFIX: ClassVar[str] = "rf"
    day: date
    kind: str
    field: str
    value: int

    def parts(self) -> tuple[str, ...]:
        return (day_code(self.day), self.kind, self.field, str(self.value))

    @classmethod
    def read(cls, fields: list[str]) -> Self | None:
        if len(fields) != 4:
            return None
        code, kind, field, raw = fields
        day = parse_day(code)
        top = dict(REFLECTIONS.get(kind, ())).get(field)
        if day is None or top is None:
            return None
        value = parse_int(raw, REFLECTION_LOWEST[kind], top)
        return cls(day, kind, field, value) if value is not None else None


@dataclass(frozen=True)
class DeleteTap(Codec):
    """del:1 (the first yes), del:keep, or del:go:<one-time token> (the final yes)."""

    PREFIX: ClassVar[str] = "del"
    step: str
    token: str = ""

    def parts(self) -> tuple[str, ...]:
        return ("go", self.token) if self.step == "go" else (self.step,)

    @classmethod
    def read(cls, fields: list[str]) -> Self | None:
        if len(fields) == 1 and fields[0] in ("1", "keep"):
            return cls(fields[0])
        if len(fields) == 2 and fields[0] == "go" and _TOKEN.fullmatch(fields[1]):
            return cls("go", fields[1])
        return None


SETUP_STEPS = ("tz", "time", "bad", "good", "act", "sym", "country")
MAX_MINUTES = 180


@dataclass(frozen=True)
class OnboardTap(Codec):
    """ob:<step>:<answer>, an onboarding or settings answer: a zone, HHMM, minutes, a toggle."""

    PREFIX: ClassVar[str] = "ob"
    step: str
    value: str

    def parts(self) -> tuple[str, ...]:
        return (self.step, self.value)

    @classmethod
    def read(cls, fields: list[str]) -> Self | None:
        if len(fields) != 2:
            return None
        step, value = fields
        return cls(step, value) if _setup_answer(step, value) else None


def _setup_answer(step: str, value: str) -> bool:
    """Whether a button of the onboarding or settings step `step` could carry `value`."""
    if step == "act":
        return value in (*ACTIVITIES, "done")
    if step == "sym":
        return value in (*SYMPTOMS, "done")
    if value == "skip":
        return step in SETUP_STEPS
    if step == "tz":
        return valid_zone(value)
    if step == "time":
        return parse_hhmm(value) is not None
    if step in ("bad", "good"):
        return parse_int(value, 0, MAX_MINUTES) is not None
    return step == "country" and value == "zone"


@dataclass(frozen=True)
class SettingsTap(OneOf):
    """set:<what>: a /settings menu entry."""

    PREFIX: ClassVar[str] = "set"
    CHOICES: ClassVar[tuple[str, ...]] = (*SETUP_STEPS, "pause", "close")
    what: str

    def parts(self) -> tuple[str, ...]:
        return (self.what,)


@dataclass(frozen=True)
class SafetyTap(OneOf):
    """sf:ok|help|urgent|doctor|usual: the light check's answers and the triage question's."""

    PREFIX: ClassVar[str] = "sf"
    CHOICES: ClassVar[tuple[str, ...]] = ("ok", "help", "urgent", "doctor", "usual")
    answer: str

    def parts(self) -> tuple[str, ...]:
        return (self.answer,)


@dataclass(frozen=True)
class IntentTap(OneOf):
    """in:today|checkin|progress|help|pause|rest|more|settings|note: the buttons under everyday
    replies (and a clarification's choices; "note" is "Just telling you")."""

    PREFIX: ClassVar[str] = "in"
    CHOICES: ClassVar[tuple[str, ...]] = (
        "today", "checkin", "progress", "help", "pause", "rest", "more", "settings", "note",
    )  # fmt: skip
    action: str

    def parts(self) -> tuple[str, ...]:
        return (self.action,)


CHALLENGE_STEPS = ("act", "min", "len", "tz", "time")


@dataclass(frozen=True)
class SetupTap(Codec):
    """gs:<challenge>:<step>:<answer>, or gs:<challenge>:cancel:x: a group challenge set-up."""

    PREFIX: ClassVar[str] = "gs"
    challenge_id: int
    step: str
    value: str

    def parts(self) -> tuple[str, ...]:
        return (str(self.challenge_id), self.step, self.value)

    @classmethod
    def read(cls, fields: list[str]) -> Self | None:
        if len(fields) != 3:
            return None
        challenge_id = parse_id(fields[0])
        step, value = fields[1], fields[2]
        if not challenge_id or not _challenge_answer(step, value):
            return None
        return cls(challenge_id, step, value)


def _challenge_answer(step: str, value: str) -> bool:
    """Whether a set-up button of `step` could carry `value`."""
    if step == "act":
        return value in (*ACTIVITIES, OWN)
    if step == "min":
        return value == OWN or parse_id(value) in MINUTE_CHOICES
    if step == "len":
        return parse_id(value) in LENGTHS
    if step == "tz":
        return valid_zone(value)
    if step == "time":
        return parse_hhmm(value) is not None
    return step == "cancel" and value == "x"


@dataclass(frozen=True)
class ChallengeTap(Codec):
    """gc:<challenge>:join|done|rest|leave|end, or gc:0:keep ("keep going" when ending)."""

    PREFIX: ClassVar[str] = "gc"
    ACTIONS: ClassVar[tuple[str, ...]] = ("join", "done", "rest", "leave", "end")
    # Where each may be tapped: done and rest also in a private nudge, the rest in the group.
    PRIVATE: ClassVar[tuple[str, ...]] = ("done", "rest")
    challenge_id: int
    action: str

    def parts(self) -> tuple[str, ...]:
        return (str(self.challenge_id), self.action)

    @classmethod
    def read(cls, fields: list[str]) -> Self | None:
        if len(fields) != 2:
            return None
        challenge_id, action = parse_id(fields[0]), fields[1]
        if action == "keep":
            return cls(0, action) if challenge_id == 0 else None
        if not challenge_id or action not in cls.ACTIONS:
            return None
        return cls(challenge_id, action)


SHARE_DAYS = (1, 14, 30)
SHARE_WEEKS = (4, 12)


@dataclass(frozen=True)
class ShareTap(Codec):
    """sh:days:<1|14|30>, sh:weeks:<4|12>, sh:notes:<0|1>, sh:new or sh:stop (a share link)."""

    PREFIX: ClassVar[str] = "sh"
    CHOICES: ClassVar[dict[str, tuple[int, ...]]] = {
        "days": SHARE_DAYS, "weeks": SHARE_WEEKS, "notes": (0, 1),
    }  # fmt: skip
    action: str
    value: int = 0

    def parts(self) -> tuple[str, ...]:
        return (self.action, str(self.value)) if self.action in self.CHOICES else (self.action,)

    @classmethod
    def read(cls, fields: list[str]) -> Self | None:
        if len(fields) == 1 and fields[0] in ("new", "stop"):
            return cls(fields[0])
        if len(fields) == 2 and fields[0] in cls.CHOICES:
            value = parse_int(fields[1], 0, 99)
            if value in cls.CHOICES[fields[0]]:
                return cls(fields[0], value)
        return None


Callback = (
    CheckinTap | PlanTap | CueTap | WeeklyTap | ReflectionTap | DeleteTap | OnboardTap
    | SettingsTap | SafetyTap | IntentTap | SetupTap | ChallengeTap | ShareTap
)  # fmt: skip
FAMILIES: tuple[type[Callback], ...] = (
    CheckinTap, PlanTap, CueTap, WeeklyTap, ReflectionTap, DeleteTap, OnboardTap, SettingsTap,
    SafetyTap, IntentTap, SetupTap, ChallengeTap, ShareTap,
)  # fmt: skip
_BY_PREFIX: dict[str, type[Callback]] = {family.PREFIX: family for family in FAMILIES}
# Buttons that live in groups (a challenge's Done and Rest also in private nudges); every other
# family belongs to a private chat only.
GROUP_FAMILIES: tuple[type[Callback], ...] = (SetupTap, ChallengeTap)
PRIVATE_PREFIXES: frozenset[str] = frozenset(
    family.PREFIX for family in FAMILIES if family not in GROUP_FAMILIES
)


def parse_any(data: str | None) -> Callback | None:
    """The tap of whichever family `data` belongs to; None when it is no valid tap of any."""
    if not isinstance(data, str):
        return None
    family = _BY_PREFIX.get(data.split(SEP, 1)[0])
    return family.parse(data) if family is not None else None
