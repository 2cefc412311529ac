"""Numbers said inside a sentence: which one is the rating or the minutes, and when to ask."""

from __future__ import annotations

import pytest

from bot.domain import checkin
from bot.domain.answer_numbers import minutes_said, ratings_said, spell_numbers
from bot.domain.parsing import normalize, parse_minutes, parse_minutes_span


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eightt", "8"),  # a stretched number word
        ("threeeee", "3"),
        ("sixx", "6"),
        ("eigth", "8"),  # a common slip of the fingers
        ("four-ish", "4 ish"),
        ("nineish", "9 ish"),
        ("thirty-five", "35"),
        ("forty two", "42"),
        ("one, just about", "1, just about"),  # "one" alone is a number
        ("one out of ten", "1 out of 10"),
        ("one of those days", "one of those days"),  # ... and in a phrase it is not
        ("no one asked", "no one asked"),
        ("someone", "someone"),  # never inside a word
        ("often", "often"),
    ],
)
def test_number_words_and_their_messy_spellings(text: str, expected: str) -> None:
    assert spell_numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One number among words is the rating.
        ("three, honestly", (3,)),
        ("Eight. Long story.", (8,)),
        ("it's a 4 tho", (4,)),
        ("4 from 10", (4,)),  # the scale is not a second number
        ("a 6 out of 10", (6,)),
        ("nine outta ten", (9,)),
        ("a 3 on the scale", (3,)),
        # Corrections: the last stated number wins.
        ("not a 6, more like a 5", (5,)),
        ("7, actually make that 6", (6,)),
        ("5 no wait 4", (4,)),
        # Another day's number is not today's.
        ("was 8 yesterday, 6 today", (6,)),
        ("lower than last night's 7, so 4", (4,)),
        ("usually a 5 but 3", (3,)),
        # A number about something else is not a rating.
        ("woke up 5 times", ()),
        ("took 2 paracetamol", ()),
        ("slept 6 hours, 4", (4,)),
        ("in bed at 11, 5", (5,)),
        ("bad since 2 days", ()),
        ("7.25", ()),  # no rating has quarters
        ("1990", ()),
        # Two numbers with nothing to choose between them: unclear.
        ("5 or 6", (5, 6)),
        ("5-6", (5, 6)),
        ("somewhere between 3 and 4", (3, 4)),
        ("4, then 7", (4, 7)),
        ("6/7", (6, 7)),  # a slash between two ratings is not a scale
        ("about 5 maybe 6", (5, 6)),
        ("6.5", (6, 7)),  # between two ratings: asked
        ("a 4 and a half", (4, 5)),
        ("slept 7.5 hours, so 6", (6,)),  # hours, not a half rating
        ("no numbers here", ()),
    ],
)
def test_the_rating_said_in_a_sentence(text: str, expected: tuple[int, ...]) -> None:
    assert ratings_said(normalize(text)) == expected


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("three, honestly", checkin.Parsed(value=3)),  # a stated number is no guess
        ("not a 6, more like a 5", checkin.Parsed(value=5)),
        ("sevennn", checkin.Parsed(value=7)),
        ("5 or 6", checkin.Parsed(error="checkin.error.which_number")),
        ("4, then 7", checkin.Parsed(error="checkin.error.which_number")),
        ("8.5", checkin.Parsed(error="checkin.error.which_number")),
        ("about 14, it's bad", checkin.Parsed(error="checkin.error.out_of_range")),
        ("pretty bad, woke up 3 times", checkin.Parsed(value=1, guess=True)),  # words, a guess
    ],
)
def test_a_rating_in_a_sentence_at_the_checkin(text: str, parsed: checkin.Parsed) -> None:
    assert checkin.parse("sleep", text) == parsed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("swam 25 mins", (25, 25)),
        ("did 8 minutes of stretches", (8, 8)),
        ("30, round the block", (30, 30)),
        ("an hour and a half of gardening", (90, 90)),
        ("three quarters of an hour with the dog", (45, 45)),
        ("half an hour in the pool", (30, 30)),
        ("2 and a half hours", (150, 150)),
        ("an hour and 15 minutes", (75, 75)),
        ("1 hour 10", (70, 70)),
        ("15 min yesterday, 10 today", (10, 10)),  # another day's amount is not today's
        ("walked 10 or 15 minutes", (10, 15)),
        # Sums only where the sentence says so.
        ("10 this morning and another 10 tonight", (20, 20)),
        ("5 mins, then 5 more later", (10, 10)),
        ("5 minutes and 10 minutes", None),  # a sum or a range? ask
        ("20 min, no more than 30", None),  # a limit, not a second amount
        ("15, no wait, 20 mins", (20, 20)),  # a correction: the last stated
        ("not 30 but 25 minutes", (25, 25)),
        ("15 mins twice", (30, 30)),
        # Numbers that are not minutes.
        ("walked 2 miles", None),
        ("did 3 laps", None),
        ("walked at 6 this morning", None),
        ("went out at 5pm for 20 min", (20, 20)),
        ("4 hours in the garden", None),  # more than the plan holds
    ],
)
def test_minutes_said_in_a_sentence(text: str, expected: tuple[int, int] | None) -> None:
    assert minutes_said(normalize(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("none yet", 0), ("nothing so far", 0), ("biked 20 min", 20), ("a quarter hour", 15)],
)
def test_parse_minutes_reads_sentences(text: str, expected: int) -> None:
    assert parse_minutes(text) == expected
    assert parse_minutes_span(text) == (expected, expected)
