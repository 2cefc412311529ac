"""The daily check-in as data: question order, typed-answer parsing, and what comes next."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from bot.domain.answer_numbers import ratings_said
from bot.domain.answer_words import choice_from_words, rating_from_number, rating_from_words
from bot.domain.parsing import normalize, parse_choice, parse_number

Question = Literal["pain", "flare", "interference", "energy", "sleep", "movement", "note"]
SCALES: tuple[Question, ...] = ("pain", "interference", "energy", "sleep")
# Pain and flare come first so a bad day can end after two taps (the short path).
ORDER: tuple[Question, ...] = (
    "pain", "flare", "interference", "energy", "sleep", "movement", "note",
)  # fmt: skip
SCALE_MIN, SCALE_MAX = 0, 10
NOTE_MAX_CHARS = 2000

FLARE_CHOICES: dict[str, tuple[str, ...]] = {
    "yes": ("yes", "y", "yeah", "yep", "yup", "flare", "it is", "yes flare", "sadly yes"),
    "no": ("no", "n", "nope", "nah", "not really", "no flare"),
    "unsure": ("not sure", "unsure", "maybe", "dunno", "idk", "dont know", "don't know", "?"),
}
MOVEMENT_CHOICES: dict[str, tuple[str, ...]] = {
    "yes": ("yes", "y", "yeah", "yep", "done", "all of it", "i did", "did it"),
    "some": ("some", "a bit", "a little", "partly", "part", "bits", "sort of", "kind of"),
    "no": ("no", "n", "nope", "not today", "didnt", "didn't", "none"),
    "rest": ("rest", "planned rest", "rest day", "resting", "planned"),
}
SKIP_WORDS = ("skip", "no", "nothing", "none", "nope", "no thanks", "-", "n/a", "na")
CHOICES: dict[Question, dict[str, tuple[str, ...]]] = {
    "flare": FLARE_CHOICES,
    "movement": MOVEMENT_CHOICES,
}


@dataclass(frozen=True)
class Answers:
    """What has been answered so far today; None means not yet."""

    pain: int | None = None
    flare: str | None = None
    interference: int | None = None
    energy: int | None = None
    sleep: int | None = None
    movement: str | None = None
    note: str | None = None
    note_done: bool = False
    # full | short (bad day: pain and flare only) | quick (pain and flare before a plan the
    # person asked for) | more (the rest after short or quick) | same (copied from yesterday)
    path: str = "full"


@dataclass(frozen=True)
class Parsed:
    """A typed answer read as a value, or the key of the friendly error to show.

    `guess`: a rating read from words ("pretty bad"), to be confirmed with one tap before it
    is stored.
    """

    value: int | str | None = None
    error: str | None = None
    guess: bool = False


def next_question(answers: Answers) -> Question | None:
    """The first question still open, or None when the check-in is complete."""
    if answers.pain is None:
        return "pain"
    if answers.flare is None:
        return "flare"
    if answers.path in ("short", "quick"):
        return None
    rest: tuple[Question, ...] = ("interference", "energy", "sleep", "movement")
    for question in rest:
        if getattr(answers, question) is None:
            return question
    return None if answers.note_done else "note"


def apply(answers: Answers, question: Question, value: int | str | None) -> Answers:
    """Record one answer; a 'yes, flare' right after pain takes the short path."""
    if question == "note":
        return replace(answers, note=value if isinstance(value, str) else None, note_done=True)
    change: dict[str, Any] = {question: value}
    updated = replace(answers, **change)
    # Movement may be answered before the check-in ("I'm resting today" is yesterday's planned
    # rest on today's row): it never keeps a flare day on the long path.
    untouched = all(getattr(answers, q) is None for q in ("interference", "energy", "sleep"))
    if question == "flare" and value == "yes" and answers.path == "full" and untouched:
        updated = replace(updated, path="short")
    return updated


def expand(answers: Answers) -> Answers:
    """After the short or quick path, go on with the rest of the questions."""
    return replace(answers, path="more") if answers.path in ("short", "quick") else answers


def quick(answers: Answers) -> Answers:
    """Just pain and flare, for "what should I do today?" before any check-in."""
    later = ("interference", "energy", "sleep")  # movement may be known already (see apply)
    if answers.path == "full" and all(getattr(answers, q) is None for q in later):
        return replace(answers, path="quick")
    return answers


def same_as(answers: Answers, yesterday: Answers) -> Answers:
    """Copy yesterday's ratings and flare answer; movement and the note are today's own."""
    return replace(
        answers,
        pain=yesterday.pain,
        flare=yesterday.flare if yesterday.flare is not None else "no",
        interference=yesterday.interference,
        energy=yesterday.energy,
        sleep=yesterday.sleep,
        path="same",
    )


def can_copy(yesterday: Answers | None) -> bool:
    """'Same as yesterday' needs yesterday's full ratings to copy."""
    return yesterday is not None and all(getattr(yesterday, q) is not None for q in SCALES)


def parse(question: Question, text: str) -> Parsed:
    """Read a typed answer for the open question."""
    if question == "note":
        stripped = text.strip()
        if stripped.lower().strip(".! ") in SKIP_WORDS:
            return Parsed(value=None)
        if len(stripped) > NOTE_MAX_CHARS:
            return Parsed(error="checkin.error.note_too_long")
        return Parsed(value=stripped)
    if question in SCALES:
        number = parse_number(text)
        if number is None:
            number = rating_from_number(text)
        if number is None:
            said = ratings_said(normalize(text))
            if len(said) > 1:
                # "6 or 7", "5, then 8": ask which, rather than pick one.
                return Parsed(error="checkin.error.which_number")
            number = said[0] if said else None
        if number is None:
            guessed = rating_from_words(question, text)
            if guessed is not None:
                return Parsed(value=guessed, guess=True)
            return Parsed(error="checkin.error.not_a_number")
        if not SCALE_MIN <= number <= SCALE_MAX:
            return Parsed(error="checkin.error.out_of_range")
        return Parsed(value=number)
    choice = (
        parse_choice(text, CHOICES[question])
        or leading_choice(text, CHOICES[question])
        or choice_from_words(question, text)
    )
    return Parsed(value=choice) if choice else Parsed(error=f"checkin.error.choose_{question}")


# Where an answer's first clause ends: "a bit, walked to the shops", "yes - a short walk".
_CLAUSE_END = re.compile(r"\s*(?:[,;:.!?(]|\s-\s|\s+(?:but|and|i|we|just)\s)")


def leading_choice(text: str, choices: dict[str, tuple[str, ...]]) -> str | None:
    """The choice named by the first clause of a longer answer ("a bit, walked to the shops" is
    "some"); None when the first clause is not a choice on its own."""
    first = _CLAUSE_END.split(text.strip(), maxsplit=1)[0]
    return parse_choice(first, choices) if first and first != text.strip() else None


# "I did my walk", "done", "just got back from my walk": today's movement, reported in words.
_DID_IT = re.compile(
    r"^(?:all\s+)?done(?:\s+(?:it|today|for\s+today))?\W*$"
    r"|\b(?:i|i've|ive|i\s+have|just)\s+(?:did|done|finished|completed|managed)\s+"
    r"(?:it|my|the|today'?s|todays|a|some)\b"
    r"|\b(?:did|done|finished|completed)\s+(?:my|the|today'?s|todays)\s+"
    r"(?:walk|walking|movement|session|stretch|stretches|exercise|exercises|minutes|yoga|swim|"
    r"bike|ride|plan|step|small\s+step)\b"
    r"|\b(?:back|home)\s+from\s+(?:my|a|the)\s+walk\b",
    re.IGNORECASE,
)
_NOT = re.compile(
    r"\b(?:not|no|never|didn'?t|didnt|haven'?t|havent|hasn'?t|couldn'?t|can'?t|"
    r"won'?t|wasn'?t|yet|tomorrow|later|going\s+to|will)\b",
    re.IGNORECASE,
)


def reports_movement(text: str) -> bool:
    """Whether a message says today's movement is done ("I did my walk, felt good", "Done");
    a negation or a plan for later ("I haven't done it yet", "I'll do my walk later") is not."""
    flat = " ".join(text.replace("’", "'").split())
    return bool(_DID_IT.search(flat)) and not _NOT.search(flat)


def valid_button_value(question: Question, raw: str) -> int | str | None:
    """Check a button's value before storing it (callback data can be forged)."""
    if question in SCALES:
        return int(raw) if raw.isdigit() and SCALE_MIN <= int(raw) <= SCALE_MAX else None
    if question in CHOICES:
        return raw if raw in CHOICES[question] else None
    return None
