"""What is open with a person now: at most one question, chosen by a declared precedence.

A person can be asked several things over a day: the crisis conversation's question, a set-up
step, today's check-in, their own if-then cue, "which is it?" about their last message, the
weekly or monthly question. Only one of them is
open at a time: the first in `PRECEDENCE` that is waiting. Every typed message is read against it
first: an answer to it, or a clear interruption (a question, stop, help, a symptom, a red flag)
that is answered before the open question is offered again.

The safety screen reads every text before anything here (a red flag is answered first, always),
and the crisis conversation reads only answers to its own question
(bot.domain.safety.conversation).

Pure: no I/O; the use cases say which questions are waiting, this says which one is open and
how a typed answer to the weekly and monthly questions reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Final

from bot.domain.checkin import leading_choice
from bot.domain.parsing import parse_choice, parse_number


class Open(StrEnum):
    """A question that can be open with a person."""

    CRISIS = "crisis"  # the safety conversation's direct question or follow-up
    SETUP = "setup"  # an onboarding or /settings step
    CHECKIN = "checkin"  # today's check-in, one question at a time
    CUE = "cue"  # typing one's own if-then cue
    CLARIFICATION = "clarification"  # "which is it?" about the person's last message
    REFLECTION = "reflection"  # the weekly questions, then the monthly one


# Highest first. Safety before everything; a step the person is in the middle of (set-up, then
# today's check-in, then their cue) before a clarification: one is asked only when no step is
# open, so a step open beside it was started after it, and its question is the newer one. The
# clarification, asked about the person's last message, comes before a question a job asked on
# its own (the weekly and monthly questions, which keep their buttons for a week).
PRECEDENCE: Final[tuple[Open, ...]] = (
    Open.CRISIS, Open.SETUP, Open.CHECKIN, Open.CUE, Open.CLARIFICATION, Open.REFLECTION,
)  # fmt: skip

# The monthly question asks about change "since you started": never before four weeks of use
# (content brief, "Weekly ... Monthly: overall change since starting").
MONTHLY_AFTER_DAYS: Final = 28
# It comes with the first weekly summary of a calendar month.
MONTHLY_IN_FIRST_DAYS: Final = 7
# A weekly or monthly question takes typed answers on the summary's day and the day after; its
# buttons keep working longer.
REFLECTION_TYPED_DAYS: Final = 1


# A clarification is about the message just sent: its answer is the next message, typed within
# minutes. Later words start a new topic and are read as such.
CLARIFICATION_WINDOW: Final = timedelta(minutes=30)


def safety_quiet(stage: str | None, until: datetime | None, now: datetime) -> bool:
    """Whether a safety conversation is open now: then nothing offers a check-in question on
    its own (the person can still start one with /checkin)."""
    return stage is not None and (until is None or now < until)


def open_now(waiting: Iterable[Open]) -> Open | None:
    """The one open question among those waiting: the first by precedence."""
    present = set(waiting)
    return next((kind for kind in PRECEDENCE if kind in present), None)


def clarification_open(options: str | None, until: datetime | None, now: datetime) -> bool:
    """Whether a "which is it?" is waiting for its answer now."""
    return bool(options) and until is not None and now < until


# What a clarification offers, in words ("none" is "Just telling you"); the buttons' labels
# are among them, and an option may also be named by its place ("the first one", "2").
CHOICE_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "rest": ("rest", "rest today", "resting", "rest day", "a rest day", "rest please", "rest it is",
             "i'll rest", "ill rest", "i will rest", "rest then"),
    "today": ("today", "the plan", "plan", "today's plan", "todays plan", "see today's plan",
              "see todays plan", "see the plan", "show me the plan", "show me today's plan",
              "my plan", "what's the plan", "whats the plan"),
    "none": ("just telling you", "just telling", "just saying", "just sharing", "neither",
             "nothing", "no", "nope", "none", "just letting you know", "telling you",
             "just venting", "nah", "no thanks"),
    "more": ("more", "a bit more", "a bit more today", "more today", "do more", "a little more"),
    "settings": ("settings", "setting"),
    "help": ("help",),
    "progress": ("progress", "my progress"),
}  # fmt: skip
PLACES: Final[tuple[tuple[str, ...], ...]] = (
    ("1", "first", "the first", "first one", "the first one", "1st", "one", "top", "the top one"),
    ("2", "second", "the second", "second one", "the second one", "2nd", "two"),
    ("3", "third", "the third", "third one", "the third one", "3rd", "three"),
)  # fmt: skip
LAST: Final[tuple[str, ...]] = ("last", "last one", "the last", "the last one", "bottom",
                                "the bottom one")  # fmt: skip


def read_clarification(options: tuple[str, ...], text: str) -> str | None:
    """The option a typed answer to "which is it?" picks (by its words or its place); None
    when it names none of those offered (the message is then read as a new one)."""
    if not options:
        return None
    offered = {option: CHOICE_WORDS.get(option, ()) for option in options}
    named = parse_choice(text, offered) or leading_choice(text, offered)
    if named is not None:
        return named
    places = {str(i): words for i, words in enumerate(PLACES) if i < len(options)}
    place = parse_choice(text, {**places, "-1": LAST})
    return options[int(place)] if place is not None else None


def monthly_due(joined: date, day: date) -> bool:
    """Whether the weekly summary of `day` also asks the monthly question."""
    return (day - joined).days >= MONTHLY_AFTER_DAYS and day.day <= MONTHLY_IN_FIRST_DAYS


def reflection_takes_text(sent_on: date, today: date) -> bool:
    """Whether a weekly summary's questions still read typed answers today."""
    return 0 <= (today - sent_on).days <= REFLECTION_TYPED_DAYS


# The monthly answers in words, 1 (much better) to 7 (much worse), as on the buttons.
CHANGE_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "1": ("much better", "a lot better", "lots better", "loads better", "way better",
          "far better", "so much better"),
    "2": ("better",),
    "3": ("a little better", "a bit better", "bit better", "slightly better", "little better",
          "somewhat better", "a tad better"),
    "4": ("about the same", "the same", "same", "about same", "no change", "no different",
          "not much different", "unchanged", "same as before", "much the same",
          "no better no worse", "neither better nor worse"),
    "5": ("a little worse", "a bit worse", "bit worse", "slightly worse", "little worse",
          "somewhat worse"),
    "6": ("worse",),
    "7": ("much worse", "a lot worse", "lots worse", "way worse", "far worse", "so much worse"),
}  # fmt: skip


def read_reflection(kind: str, lowest: int, top: int, text: str) -> int | None:
    """A typed answer to a weekly (a number in range) or monthly (words) question; None if the
    text is not one."""
    if kind == "monthly":
        choice = parse_choice(text, CHANGE_WORDS) or leading_choice(text, CHANGE_WORDS)
        return int(choice) if choice else None
    number = parse_number(text)
    return number if number is not None and lowest <= number <= top else None


__all__ = [
    "CHANGE_WORDS", "CHOICE_WORDS", "CLARIFICATION_WINDOW", "LAST", "MONTHLY_AFTER_DAYS",
    "MONTHLY_IN_FIRST_DAYS", "PLACES", "PRECEDENCE", "REFLECTION_TYPED_DAYS", "Open",
    "clarification_open", "monthly_due", "open_now", "read_clarification", "read_reflection",
    "reflection_takes_text", "safety_quiet",
]  # fmt: skip
