"""Reading typed answers: times of day, minutes, 0-10 ratings and choices."""

from __future__ import annotations

import re
from datetime import time

_TIME = re.compile(
    r"^(?:at\s+)?(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|a|p)?(?:\s*(?:o'?clock))?$"
)
_NUMBER = re.compile(
    r"^\s*(-?\d{1,3})(?:\s*(?:/\s*10|out of 10|of 10|minutes?|mins?|m))?\s*[.!]*\s*$"
)
_WORD_NUMBERS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


def parse_time(text: str) -> time | None:
    """'9:30', '21:00', '9am', '9.30 pm', 'noon' -> a time of day; None if unclear."""
    value = text.strip().lower().replace(" ", " ")
    if value in ("noon", "midday"):
        return time(12, 0)
    if value == "midnight":
        return time(0, 0)
    match = _TIME.match(value)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").replace(".", "")
    if minute > 59:
        return None
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix.startswith("p") else 0)
    elif hour > 23:
        return None
    return time(hour, minute)


def parse_number(text: str) -> int | None:
    """'7', '7/10', 'seven', '5 minutes' -> the whole number; None if it isn't one."""
    value = text.strip().lower()
    if value in _WORD_NUMBERS:
        return _WORD_NUMBERS[value]
    match = _NUMBER.match(value)
    return int(match.group(1)) if match else None


def parse_minutes(text: str) -> int | None:
    """'5', '5-10', '10 min', 'none' -> minutes (a range gives its middle); None if unclear."""
    value = text.strip().lower()
    range_match = re.match(r"^(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s*(?:minutes?|mins?|m)?$", value)
    if range_match:
        low, high = sorted((int(range_match.group(1)), int(range_match.group(2))))
        return (low + high) // 2 if high <= 180 else None
    number = parse_number(value)
    if number is None or not 0 <= number <= 180:
        return None
    return number


def parse_choice(text: str, choices: dict[str, tuple[str, ...]]) -> str | None:
    """Match typed text to a choice by any of its words: {'yes': ('yes', 'y', 'yeah')}."""
    value = re.sub(r"[^\w\s']", "", text.strip().lower())
    value = " ".join(value.split())
    for choice, words in choices.items():
        if value in words:
            return choice
    return None
