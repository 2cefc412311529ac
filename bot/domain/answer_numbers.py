"""Numbers said inside a sentence: a 0-10 rating or an amount of minutes, and only when clear.

"seven, surprisingly", "not a 9 but an 8", "yesterday's 7, so a 5 today", "walked 20 min",
"5 in the morning and another 5 after lunch". A number about something else ("woke up 3
times", "at 5pm", "took 2 tablets") is not taken, and two numbers with nothing to choose
between them ("6 or 7", "5, then 8") are reported as such so the caller can ask, not guess.

Pure and never raising; the text given is already lower case with single spaces
(`parsing.normalize`), so this module needs nothing else from the project.
"""

from __future__ import annotations

import re

_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_VALUES: dict[str, int] = {**{word: n for n, word in enumerate(_UNITS)}, **_TENS}


def _squeeze(word: str) -> str:
    """A word with doubled letters made single: "fiveee" and "five" meet at "five"."""
    return re.sub(r"(.)\1+", r"\1", word)


# "fiveee", "sevenn", "threee" -> the number word (no English word squeezes into one).
_SQUEEZED: dict[str, str] = {
    **{_squeeze(word): word for word in _VALUES},
    # Letters swapped or dropped, seen often enough to name.
    "eigth": "eight", "eigt": "eight", "sevn": "seven", "fiv": "five", "nien": "nine",
}  # fmt: skip


def _number_word(token: str) -> int | None:
    """The value of one number word, however stretched ("fiveee") or hedged ("sevenish")."""
    word = token[:-3].rstrip("-") if token.endswith("ish") and len(token) > 5 else token
    if word in _VALUES:
        return _VALUES[word]
    found = _SQUEEZED.get(_squeeze(word))
    return _VALUES[found] if found else None


def spell_numbers(value: str) -> str:
    """Number words as digits: "twenty-five" -> "25", "fiveee" -> "5", "seven-ish" -> "7 ish".

    "one" stays a word unless it stands alone ("one, barely"): "one of those days" and "no
    one" are not amounts.
    """
    tokens = re.split(r"([a-z]+(?:-[a-z]+)*)", value)
    out: list[str] = []
    for index, token in enumerate(tokens):
        if not token or not token[0].isalpha():
            out.append(token)
            continue
        parts = token.split("-")
        if len(parts) == 2 and parts[0] in _TENS and parts[1] in _VALUES and _VALUES[parts[1]] < 10:
            out.append(str(_TENS[parts[0]] + _VALUES[parts[1]]))
            continue
        number = _number_word(token)
        hedged = number is not None and token.endswith("ish") and _squeeze(token) != "fish"
        if number is None:
            out.append(token)
            continue
        after = "".join(tokens[index + 1 :]).lstrip()
        if (
            number == 1
            and not hedged
            and _squeeze(token) == "one"
            and after
            and not re.match(r"[^\w\s]|(?:out of|from|of|/)\s*(?:10|ten)\b|ish\b", after)
        ):
            out.append(token)  # "one of those days", "no one else"
            continue
        out.append(f"{number} ish" if hedged else str(number))
    joined = "".join(out)
    # "twenty five" -> "25"
    return re.sub(r"\b([2-9]0) ([1-9])\b", lambda m: str(int(m[1]) + int(m[2])), joined)


def _word_set(text: str) -> frozenset[str]:
    """The words of a text, as a set (for long word lists)."""
    return frozenset(text.split())


# --- Ratings -------------------------------------------------------------------------------

# The words that may follow a rating: "6 maybe", "a 5 today", "7 sha". Anything else after a
# number ("3 times", "2 tablets", "5 in the morning") says it counts something else.
_AFTER_RATING = _word_set(
    "today tonight now this maybe probably prob perhaps only though tho but and so i honestly "
    "really tbh lol haha ish sha o oh sef jare abeg la lah na ya yeah yes or actually definitely "
    "for sure again at most least then on"
)
# Words before a number that tie it to another thing: "than 6", "not a 9", "at 3", "took 2".
_TIED_BEFORE = re.compile(
    r"\b(?:than|not|from|since|until|till|by|took|take|taken|every)(?: (?:a|an|my|the))?\s*$|"
    r"\bat\s*$"
)
# In the same clause, a word that puts the number on another day: "yesterday's 7".
_OTHER_TIME = re.compile(r"\b(?:yesterday|last (?:night|week|time)|usually|normally|usual)")
_CLAUSE = re.compile(r"[,.;!?]|\b(?:so|but|and|now|today)\b")
_TIED_AFTER = re.compile(r"^\s*(?:yesterday|last (?:night|week|time)|before|earlier|usually)\b")
_SCALE = re.compile(r"^\s*(?:/|out of|outta|outa|over|from|of)\s*10\b")
_SCALE_BEFORE = re.compile(r"(?:/|out of|outta|outa|over|from|of)\s*$")
# A number that takes back the one before it: "a 9, actually an 8", "6 no 7".
_CORRECTION = re.compile(
    r"\b(?:actually|no|sorry|i mean|make that|make it|or rather|rather|wait|scratch that|"
    r"correction)\b"
)
_NOW = re.compile(r"^\s*(?:today|now|right now|at the moment)\b")


# "6.5", "6 and a half": between two ratings, so the caller asks which.
_HALF = re.compile(r"(?<![\w.])(\d)(?:\.5|,5| and a half|½)(?![\w.]*\d)")


def _between(match: re.Match[str]) -> str:
    """'6.5' -> '6 or 7' (unless it counts something: '7.5 hours' is left as it was)."""
    following = re.match(r"\s*([a-z]+)", match.string[match.end() :])
    if following and following.group(1) not in _AFTER_RATING:
        return match.group(0)
    low = int(match.group(1))
    return f"{low} or {low + 1}"


def ratings_said(value: str) -> tuple[int, ...]:
    """The ratings a sentence gives for today, in order (at most one unless unclear).

    () when it names none; one number when one is clear (the last stated after a correction,
    the one about today when another is about yesterday); two or more when it is not clear
    which ("6 or 7"), for the caller to ask.
    """
    text = _HALF.sub(_between, spell_numbers(value))
    found: list[tuple[int, int, int]] = []  # (start, end, number)
    for match in re.finditer(r"(?<![\w.:])(\d{1,3})(?!\d)(?![\w.:]\d)(?:\s*-?\s*ish\b)?", text):
        before, after = text[: match.start()], text[match.end() :]
        if match.group(1) == "10" and _SCALE_BEFORE.search(before):
            continue  # the scale itself: "5 from 10" (but "7/8" is two numbers)
        clause = _CLAUSE.split(before)[-1]
        if _TIED_BEFORE.search(before) or _TIED_AFTER.match(after) or _OTHER_TIME.search(clause):
            continue
        if not _SCALE.match(after):
            word = re.match(r"\s*([a-z%]+|[^\w\s])?", after)
            following = word.group(1) if word else None
            if following and following[0].isalpha() and following not in _AFTER_RATING:
                continue  # "3 times", "2 tablets", "5 in the morning"
            if following == "%":
                continue
        found.append((match.start(), match.end(), int(match.group(1))))
    if len({number for _, _, number in found}) <= 1:
        return tuple(number for _, _, number in found[:1])
    about_now = [n for _, end, n in found if _NOW.match(text[end:])]
    if len(set(about_now)) == 1:
        return (about_now[0],)
    last_start, _, last = found[-1]
    between = text[found[-2][1] : last_start]
    if _CORRECTION.search(between):
        return (last,)
    return tuple(number for _, _, number in found)


# --- Minutes -------------------------------------------------------------------------------

# Durations in words, longest first so "a quarter of an hour" is not read as "an hour".
_DURATIONS: dict[str, int] = {
    "three quarters of an hour": 45, "an hour and a half": 90, "a hour and a half": 90,
    "one and a half hours": 90, "1 and a half hours": 90, "an hour and a quarter": 75,
    "a quarter of an hour": 15, "quarter of an hour": 15, "a quarter hour": 15,
    "quarter of a hour": 15, "half an hour": 30, "half a hour": 30, "a half hour": 30,
    "half hour": 30, "a couple of minutes": 2, "couple of minutes": 2, "a couple minutes": 2,
    "a minute or two": 2, "a few minutes": 3, "a few mins": 3, "an hour": 60, "a hour": 60,
    "two hours": 120, "a minute": 1,
}  # fmt: skip
_DURATION_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(_DURATIONS, key=len, reverse=True)) + r")\b"
)
_AMOUNT = re.compile(
    r"(?<![\w.:])(\d{1,3}(?:\.\d+)?)(?:\s*(?:-|to|or)\s*(\d{1,3}))?(?!\d)(?![\w.:]\d)"
    r"(\s+and\s+a\s+half)?(?:\s*(minutes?|mins?|min|m|hours?|hrs?|hr|h)\b"
    r"(\s+and\s+a\s+half\b)?)?"
)
# Words that may follow an amount with no unit: "45, the dog...", "20 on the bike".
_AFTER_AMOUNT = _word_set(
    "in on of with round around after before then and today tonight this so walking at the a "
    "maybe probably or ish more later earlier too again first altogether total"
)
# Before an amount, a time of day or a count of something else: "at 5", "woke at 6".
_TIME_BEFORE = re.compile(r"\b(?:at|by|until|till|since|woke|up at|around at)\s*$")
_CLOCK_AFTER = re.compile(r"^\s*(?:am|pm|a\.m|p\.m|o'?clock|oclock)\b|^:\d")
# Said of two amounts, they add up: "5 in the morning and another 5 after lunch".
# ("no more than 30" and "later" are not: "20 min, no more than 30", "later I sat for 10".)
_SUM = re.compile(r"\b(?:another|plus|then|again|also|and a further)\b|\+")
# A second amount that takes back the first ("20, sorry, 25"); "no more than 30" does not.
_TAKEN_BACK = re.compile(
    r"\b(?:actually|sorry|i mean|make that|make it|or rather|wait|scratch that|correction)\b|"
    r"\bno\b(?! (?:more|less|longer|later))"
)
# "10 minutes twice": the amount done twice.
_TWICE = re.compile(r"^\s*(?:twice|two times|2 times|x\s?2)\b")


def minutes_said(value: str) -> tuple[int, int] | None:
    """The minutes a sentence reports: (n, n), a range (low, high), or None when none is clear.

    Two amounts add up only when the sentence says so ("another", "then", "plus"); otherwise
    two amounts are unclear and give None.
    """
    text = spell_numbers(_DURATION_WORDS.sub(lambda m: f"{_DURATIONS[m.group(0)]} min", value))
    spans: list[tuple[int, int]] = []
    places: list[tuple[int, int]] = []
    for match in _AMOUNT.finditer(text):
        low_text, high_text, half_before, unit, half_after = match.groups()
        before, after = text[: match.start()], text[match.end() :]
        if _CLOCK_AFTER.match(after) or _TIME_BEFORE.search(before):
            continue
        if _TIED_AFTER.match(after) or _OTHER_TIME.search(_CLAUSE.split(before)[-1]):
            continue  # "10 yesterday, 5 today": another day's
        if re.search(r"\bnot\s*$", before):
            continue  # "not 20 but 15"
        if unit is None:
            word = re.match(r"\s*([a-z]+)?", after)
            following = word.group(1) if word else None
            if following is not None and following not in _AFTER_AMOUNT:
                continue  # "2 miles", "3 laps", "2 dogs"
        scale = 60.0 if unit and unit.startswith("h") else 1.0
        half = 0.5 if (half_before or half_after) else 0.0
        low = (float(low_text) + half) * scale
        high = (float(high_text) + half) * scale if high_text else low
        if _TWICE.match(after):
            low, high = low * 2, high * 2
        spans.append((round(min(low, high)), round(max(low, high))))
        places.append((match.start(), match.end()))
    if not spans:
        return None
    if len(spans) > 1 and _TAKEN_BACK.search(text[places[-2][1] : places[-1][0]]):
        spans = spans[-1:]  # "20, no, 25 minutes": the last stated
    if len(spans) > 1:
        if any(lo != hi for lo, hi in spans):
            return None
        for index in range(len(spans) - 1):
            join = text[places[index][1] : places[index + 1][0]]
            # "an hour and 20 minutes" adds up as well as "5, then another 5".
            hours_then_minutes = spans[index][0] % 60 == 0 < spans[index][0] and (
                spans[index + 1][0] < 60 and join.strip() in ("and", "")
            )
            if not (_SUM.search(join) or hours_then_minutes):
                return None
        total = sum(lo for lo, _ in spans)
        spans = [(total, total)]
    low, high = spans[0]
    return (low, high) if 0 <= low <= high <= 180 else None
