"""Reading typed answers: times of day, minutes, 0-10 ratings and choices.

Everything here takes whatever a person typed and never raises: an answer it can't read is None.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import time

from bot.domain.answer_numbers import minutes_said

_NUMBER = re.compile(
    r"^\s*(-?\d{1,3})(?:\s*(?:/\s*10|out of 10|of 10|minutes?|mins?|m))?\s*[.!]*\s*$"
)
_WORD_NUMBERS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

# Number words in answers, turned into digits before anything else is read.
_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_NUMBER_WORD = re.compile(
    r"\b(?:("
    + "|".join(_TENS)
    + r")(?:[\s-]+("
    + "|".join(k for k in _UNITS if k != "oh")
    + r"))?|("
    + "|".join(_UNITS)
    + r"))\b"
)


def normalize(text: str) -> str:
    """NFKC, lower case, any script's digits as ASCII, one kind of apostrophe, single spaces."""
    value = unicodedata.normalize("NFKC", text[:200]).lower()
    digits = []
    for char in value:
        if char.isdigit() and not char.isascii():
            decimal = unicodedata.decimal(char, None)
            digits.append(str(decimal) if decimal is not None else " ")
        else:
            digits.append(char)
    value = "".join(digits).replace("’", "'").replace("‘", "'").replace("`", "'")
    value = value.replace("–", "-").replace("—", "-").replace("‐", "-")
    return " ".join(value.split())


def _number_words(value: str) -> str:
    """'twenty five' -> '25', 'nine thirty' -> '9 30' ('oh five' is 0 5, read as :05 later)."""

    def replace(match: re.Match[str]) -> str:
        if match.group(1):
            return str(_TENS[match.group(1)] + (_UNITS[match.group(2)] if match.group(2) else 0))
        word = match.group(3)
        return "0" if word == "oh" else str(_UNITS[word])

    value = _NUMBER_WORD.sub(replace, value)
    return re.sub(r"\b0 (\d)\b", r"0\1", value)  # "9 0 5" (nine oh five) -> "9 05"


# Times --------------------------------------------------------------------------------------

# Fixed times for words that point at one moment; parts of the day alone are asked about.
_NAMED_TIMES: dict[str, time] = {
    "noon": time(12, 0), "midday": time(12, 0), "mid day": time(12, 0), "12 noon": time(12, 0),
    "midnight": time(0, 0), "lunch": time(12, 30), "lunchtime": time(12, 30),
    "lunch time": time(12, 30), "after lunch": time(13, 30), "before lunch": time(11, 30),
}  # fmt: skip
# What a bare part of the day is called, for asking "what time in the evening?".
PERIODS: dict[str, str] = {
    "morning": "morning", "mornings": "morning", "in the morning": "morning",
    "early morning": "morning", "late morning": "morning", "breakfast": "morning",
    "after breakfast": "morning", "before breakfast": "morning", "when i wake up": "morning",
    "first thing": "morning", "afternoon": "afternoon", "afternoons": "afternoon",
    "in the afternoon": "afternoon", "late afternoon": "afternoon",
    "early afternoon": "afternoon", "mid afternoon": "afternoon", "evening": "evening",
    "evenings": "evening", "in the evening": "evening", "early evening": "evening",
    "late evening": "evening", "tonight": "evening", "after dinner": "evening",
    "after supper": "evening", "after tea": "evening", "dinner": "evening",
    "dinnertime": "evening", "after work": "evening", "night": "night", "at night": "night",
    "bedtime": "night", "before bed": "night", "before bedtime": "night", "late": "night",
}  # fmt: skip
_FILLER = re.compile(
    r"\b(?:about|around|round|roughly|approximately|approx|maybe|perhaps|probably|say|lets say|"
    r"let's say|like|i think|i guess|i suppose|i'd say|id say|how about|what about|make it|"
    r"let's do|lets do|let's go with|lets go with|i'd like|id like|i would like|ideally|"
    r"usually|normally|please|thanks|thank you|sharp|on the dot|or so|give or take|at|by|"
    r"after|before|from|check in|checkin|remind me|works|is good|is best|would be good|"
    r"would be best|would be great|would work|is fine|best|ok|okay|ish|just|only|time|"
    r"every day|each day|daily|every morning|every evening|o'clock|oclock|o clock|hours|hrs|"
    r"hr|the)\b"
)
_QUALIFIER = re.compile(
    r"\b(?:(a\.?m\.?|in the morning|morning|mornings)|(p\.?m\.?|in the afternoon|afternoon|"
    r"in the evening|evening|evenings|tonight)|(at night|night))(?=\s|$)"
)
_CLOCK = re.compile(r"^(\d{1,2})(?:\s*[:.h]\s*|\s+)?(\d{2})?\s*(am|pm|a|p|h)?$", re.ASCII)
_PAST = re.compile(r"^(half|quarter|\d{1,2})(?:\s*min(?:ute)?s?)?\s+(past|after|to|til|till)\s+"
                   r"(\d{1,2})$")  # fmt: skip
_HALF = re.compile(r"^half\s+(\d{1,2})$")  # British: "half eight" is 8:30
_RANGE = re.compile(
    r"^(?:between\s+)?(\d{1,2})\s*(?:-|to|or|and)\s*(\d{1,2})\s*(am|pm|a|p)?$", re.ASCII
)


def _clock(value: str) -> tuple[int, int, bool] | None:
    """'9', '9 30', '0930', '21:15', '930' -> (hour, minute, said am/pm); None if not a time."""
    compact = re.fullmatch(r"(\d{3,4})\s*(am|pm|a|p)?", value)
    if compact:
        digits = compact.group(1).zfill(4)
        hour, minute = int(digits[:2]), int(digits[2:])
        if hour > 23 or minute > 59:
            return None
        return (*_with_suffix(hour, minute, compact.group(2)), bool(compact.group(2)))
    match = _CLOCK.match(value)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = match.group(3) if match.group(3) != "h" else None
    if minute > 59 or hour > 24:
        return None
    if suffix:
        if not 1 <= hour <= 12:
            return None
        return (*_with_suffix(hour, minute, suffix), True)
    if hour == 24:
        hour = 0
    return hour, minute, False


def _with_suffix(hour: int, minute: int, suffix: str | None) -> tuple[int, int]:
    if not suffix or not 1 <= hour <= 12:
        return hour, minute
    return hour % 12 + (12 if suffix.startswith("p") else 0), minute


def _core_time(value: str) -> tuple[int, int, bool] | None:
    """The clock part once fillers and morning/evening words are gone."""
    value = value.strip(" -,.!?")
    past = _PAST.match(value)
    if past:
        amount, direction, hour = past.groups()
        minutes = 30 if amount == "half" else 15 if amount == "quarter" else int(amount)
        hour_n = int(hour)
        if not 1 <= hour_n <= 12 and not (0 <= hour_n <= 23 and direction in ("past", "after")):
            return None
        if minutes >= 60 or (amount == "half" and direction not in ("past", "after")):
            return None
        if direction in ("past", "after"):
            return hour_n, minutes, False
        return (hour_n - 1) % 24, 60 - minutes if minutes else 0, False
    half = _HALF.match(value)
    if half and 1 <= int(half.group(1)) <= 12:
        return int(half.group(1)), 30, False
    ranged = _RANGE.match(value)
    if ranged:
        low, high = int(ranged.group(1)), int(ranged.group(2))
        if 0 <= low <= 23 and high == low + 1:
            # "8-9", "between 8 and 9": half past.
            suffix = ranged.group(3)
            if suffix and not 1 <= low <= 12:
                return None
            return (*_with_suffix(low, 30, suffix), bool(suffix))
        return None
    return _clock(value)


def parse_time(text: str) -> time | None:
    """'9:30', '21:00', '9am', 'half past eight', '9ish', 'around 7 in the evening' -> a time.

    Bare hours are read as on a 24-hour clock ('7' is 07:00); a part of the day on its own
    ('in the evening') is None: see `time_period` to ask which time in it.
    """
    try:
        return _parse_time(text)
    except (ValueError, OverflowError):  # pragma: no cover - the checks above should catch all
        return None


def _parse_time(text: str) -> time | None:
    value = normalize(text).replace(",", " ").replace(";", " ").strip(" .!?")
    if not value or len(value) > 80:
        return None
    value = re.sub(r"(\d)\s*-?\s*ish\b", r"\1", value)  # 9ish, 9-ish
    value = _number_words(value)
    value = re.sub(r"(\d)\s*(?:o'?\s?clock)", r"\1", value)
    named = re.sub(r"\b(?:about|around|at|just|right|ish|maybe|probably|please)\b", " ", value)
    named = " ".join(named.split())
    if named in _NAMED_TIMES:
        return _NAMED_TIMES[named]
    qualifier = None
    found = _QUALIFIER.search(value)
    if found:
        qualifier = "am" if found.group(1) else "pm" if found.group(2) else "night"
        value = _QUALIFIER.sub(" ", value)
    value = value.replace("noon", "12")
    core = _FILLER.sub(" ", value)
    core = " ".join(core.replace(",", " ").split())
    if not core:
        return None
    reading = _core_time(core)
    if reading is None:
        return None
    hour, minute, said = reading
    if qualifier and not said:
        if qualifier == "am":
            if hour > 12:
                return None
            hour = 0 if hour == 12 else hour
        elif qualifier == "pm":
            if hour > 23:
                return None
            if 1 <= hour <= 11:
                hour += 12
        elif 6 <= hour <= 11:  # "10 at night"
            hour += 12
        elif hour == 12:  # "12 at night"
            hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def time_period(text: str) -> str | None:
    """'in the evening', 'after dinner' -> 'evening': a part of the day without a clock time."""
    value = normalize(text).strip(" .!?")
    value = re.sub(r"\b(?:about|around|sometime|some time|in the|at|usually|maybe|probably|"
                   r"please|i think|best|is best|would be best|works)\b", " ", value)  # fmt: skip
    value = " ".join(value.split())
    for candidate in (value, f"in the {value}"):
        if candidate in PERIODS:
            return PERIODS[candidate]
    return None


# Minutes ------------------------------------------------------------------------------------

# "Not much" and friends: the smallest plan on offer.
_LITTLE = re.compile(
    r"^(?:(?:honestly|really|probably|maybe|i'd say|id say|i think|well|um+|erm+|hmm+)\s+)*"
    r"(?:not (?:much|a lot|very much|many|that much|a great deal|loads)(?: at all)?|"
    r"(?:very |a )?little(?: bit)?|a (?:tiny |little )?bit|a tiny amount|hardly (?:any|anything)|"
    r"barely (?:any|anything)|almost nothing|next to nothing|close to nothing|very few|"
    r"the (?:bare )?minimum|bare minimum|as little as possible|minimal|the least|"
    r"not long|hardly|barely|a smidge|tiny)"
    r"(?:\s+(?:to be honest|tbh|really|honestly|tbf|i'm afraid|im afraid|sadly|unfortunately|"
    r"on a bad day|on bad days|minutes?|mins?|of movement|of exercise))*$"
)
_NOTHING = re.compile(
    r"^(?:(?:honestly|really|probably|sadly|well)\s+)*"
    r"(?:nothing|none|zero|nil|nada|zilch|0|no movement|nothing at all|none at all|not at all|"
    r"can't move|cant move|i can't|i cant|no minutes|0 minutes|zero minutes|no time|"
    r"nothing really|none really)(?:\s+(?:really|at all|to be honest|tbh|on a bad day|"
    r"sadly|honestly|today|yet|so far|this time))*$"
)
_LITTLE_BEFORE_NUMBER = re.compile(
    r"^(?:not (?:much|a lot|very much|that much|long)|(?:very )?little|a (?:little )?bit|"
    r"hardly any(?:thing)?|barely any(?:thing)?|honestly|well)[\s,.;:!-]+(?=\D*\d)"
)
_VAGUE_AMOUNTS: dict[str, int] = {
    "a quarter of an hour": 15, "quarter of an hour": 15, "a quarter hour": 15,
    "quarter hour": 15, "quarter of a hour": 15, "a quarter of a hour": 15,
    "three quarters of an hour": 45, "half an hour": 30, "half a hour": 30, "half hour": 30,
    "a half hour": 30, "an hour and a half": 90, "hour and a half": 90, "one and a half hours": 90,
    "1 and a half hours": 90, "an hour": 60, "a hour": 60, "one hour": 60, "1 hour": 60,
    "hour": 60, "a couple of minutes": 2, "couple of minutes": 2, "a couple minutes": 2,
    "couple minutes": 2, "a couple": 2, "a minute or two": 2, "a min or two": 2,
    "a few minutes": 3, "few minutes": 3, "a few mins": 3, "a few": 3, "few mins": 3,
    "a minute": 1, "one minute": 1, "several minutes": 5, "a good half hour": 30,
    "two hours": 120, "2 hours": 120,
}  # fmt: skip
_AMOUNT_FILLER = re.compile(
    r"\b(?:about|around|roughly|approximately|approx|maybe|perhaps|probably|possibly|"
    r"say|like|i think|i guess|i suppose|i'd say|id say|i reckon|honestly|really|um+|erm+|"
    r"hmm+|well|so|usually|normally|typically|generally|on average|at most|at least|"
    r"at best|max|maximum|tops|up to|only|just|or so|give or take|ish|something like|"
    r"i can manage|i can do|i could do|i can|i could|i manage|manage|can manage|can do|"
    r"do|on a good day|on good days|on a bad day|on bad days|a day|per day|each day|"
    r"every day|daily|of (?:gentle )?(?:movement|exercise|walking)|walking|moving|gentle|"
    r"movement|exercise|if i'm lucky|if im lucky|comfortably|comfortable|feels ok|"
    r"feels okay|feels right|is fine|is ok|would be ok|a bit more|total|in total|"
    r"altogether|then|probably around|more or less|roughly speaking|per|each|in|"
    r"i would say|i'd guess|guess|think|maybe even|even|the|of|stretches|sessions?|"
    r"not more than|no more than|less than|under|over|more than|nearly|almost|lol|haha|tbh|"
    r"perhaps)\b"
)
_AROUND = re.compile(
    r"^(?:(?:about|around|roughly|maybe|probably|perhaps|just|only|like|approximately|i'd say|"
    r"id say|i think|honestly|um+|erm+|well|usually|normally|max|at most|up to|at least)\s+)+|"
    r"(?:\s+(?:or so|tops|max|at most|on a (?:really |very )?(?:good|bad) day|"
    r"on (?:good|bad) days|a day|probably|perhaps|i think|maybe|lol|haha|tbh|honestly|"
    r"of (?:gentle )?(?:movement|walking|exercise)|give or take))+$"
)
_UNIT = r"(?:minutes?|mins?|min\.|m|hours?|hrs?|hr|h)"
_QUANTITY = re.compile(
    rf"^(\d{{1,3}}(?:\.\d+)?)\s*({_UNIT})?(?:\s*(?:-|to|or|and|/)\s*(\d{{1,3}}(?:\.\d+)?)\s*"
    rf"({_UNIT})?)?$",
    re.ASCII,
)


def _to_minutes(number: str, unit: str | None) -> float:
    amount = float(number)
    return amount * 60 if unit and unit.startswith("h") else amount


def parse_minutes(text: str, smallest: int = 1) -> int | None:
    """'5', '5-10', 'about 20', 'ten mins', 'half an hour', 'none' -> minutes; None if unclear.

    A range gives its middle; "not much" and the like give `smallest`, the smallest plan on
    offer; "nothing" gives 0. Never raises.
    """
    span = parse_minutes_span(text, smallest)
    return None if span is None else (span[0] + span[1]) // 2


def parse_minutes_span(text: str, smallest: int = 1) -> tuple[int, int] | None:
    """Like parse_minutes, but a range keeps both ends: 'maybe 15 or 20 mins' -> (15, 20).

    A single amount is (n, n). Never raises.
    """
    try:
        return _parse_minutes(text, smallest)
    except (ValueError, OverflowError):  # pragma: no cover - the patterns keep numbers small
        return None


def _span(minutes: float) -> tuple[int, int] | None:
    """A single amount in range, as a span of one."""
    if not 0 <= minutes <= 180:
        return None
    return round(minutes), round(minutes)


def _parse_minutes(text: str, smallest: int) -> tuple[int, int] | None:
    value = " ".join(normalize(text).replace(",", " ").split()).strip(" .!?")
    if not value or len(value) > 100:
        return None
    if _NOTHING.match(value):
        return 0, 0
    if _LITTLE.match(value):
        return smallest, smallest
    said = normalize(text)
    value = re.sub(r"(\d)\s*-?\s*ish\b", r"\1", value)
    bare = _AROUND.sub("", value).strip()
    if bare in _VAGUE_AMOUNTS:
        return _span(_VAGUE_AMOUNTS[bare])
    value = _number_words(value)
    # "not much, maybe 5 minutes": the number says how much.
    value = _LITTLE_BEFORE_NUMBER.sub("", value)
    value = re.sub(r"(\d)\s*(?:/|per)\s*(?:day|d)\b", r"\1", value)
    core = _AMOUNT_FILLER.sub(" ", value)
    core = " ".join(core.replace(",", " ").replace("~", " ").split()).strip(" .!?-")
    core = re.sub(r"^(?:between|from)\s+", "", core)
    if core in _VAGUE_AMOUNTS:
        return _span(_VAGUE_AMOUNTS[core])
    if _LITTLE.match(core):
        return smallest, smallest
    match = _QUANTITY.match(core)
    if not match:
        # "walked 20 min", "a quarter of an hour on the bike": the amount inside a sentence.
        return minutes_said(said)
    low_number, low_unit, high_number, high_unit = match.groups()
    if high_number is None:
        return _span(_to_minutes(low_number, low_unit))
    unit = high_unit or low_unit
    low, high = sorted((_to_minutes(low_number, low_unit or unit), _to_minutes(high_number, unit)))
    if not 0 <= low <= high <= 180:
        return None
    return round(low), round(high)


# Numbers and choices ------------------------------------------------------------------------


def parse_number(text: str) -> int | None:
    """'7', '7/10', 'seven', '5 minutes' -> the whole number; None if it isn't one."""
    value = text.strip().lower()
    if value in _WORD_NUMBERS:
        return _WORD_NUMBERS[value]
    match = _NUMBER.match(value)
    if not match:
        return None
    try:
        return int(match.group(1))
    except ValueError:  # pragma: no cover - \d only matches decimal digits
        return None


def parse_choice(text: str, choices: dict[str, tuple[str, ...]]) -> str | None:
    """Match typed text to a choice by any of its words: {'yes': ('yes', 'y', 'yeah')}."""
    value = re.sub(r"[^\w\s']", "", text.strip().lower())
    value = " ".join(value.split())
    for choice, words in choices.items():
        if value in words:
            return choice
    return None


# A database id from a button: ASCII digits that fit a signed 64-bit column.
_ID = re.compile(r"[0-9]{1,18}")


def parse_id(text: str) -> int | None:
    """'42' -> 42; anything else (a sign, Unicode digits, a number too big to store) -> None."""
    return int(text) if _ID.fullmatch(text) else None
