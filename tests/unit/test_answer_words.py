"""Check-in answers said in words, set-up minutes in a sentence, and echoes cut at a word."""

from __future__ import annotations

import pytest

from bot.domain import checkin
from bot.domain.answer_words import choice_from_words, rating_from_number, rating_from_words
from bot.domain.parsing import parse_minutes, parse_minutes_span
from bot.views.render import ECHO_MAX_CHARS, echo

MOVEMENT = [
    ("yep did it", "yes"),
    ("yeah got my 10 mins in", "yes"),
    ("done and dusted ✅", "yes"),
    ("went for a swim", "yes"),
    ("a bit", "some"),
    ("a bit, walked to the shops", "some"),
    ("walked to the shops", "some"),
    ("only managed about half", "some"),
    ("kinda, a couple of stretches", "some"),
    ("didnt get round to it", "no"),
    ("nah too busy with the kids", "no"),
    ("it was a planned rest day", "rest"),
    ("rest day as planned", "rest"),
    ("the cat", None),
]
FLARE = [
    ("yes big time", "yes"),
    ("feels like it yeah", "yes"),
    ("100% flaring", "yes"),
    ("not really no", "no"),
    ("no, just a normal day", "no"),
    ("no flare today", "no"),
    ("not flaring", "no"),
    ("maybe? hard to tell", "unsure"),
    ("not sure tbh", "unsure"),
    ("erm yes o, aching all over", "yes"),  # particles around the answer say nothing
    ("well no", "no"),
    ("not flare, just my usual aches", "no"),  # "flare" denied is no, not yes
    ("not sure, might be a flare", "unsure"),  # a doubt before the word "flare"
    ("purple", None),
]


@pytest.mark.parametrize(("text", "expected"), MOVEMENT)
def test_movement_in_words(text: str, expected: str | None) -> None:
    assert choice_from_words("movement", text) == expected
    parsed = checkin.parse("movement", text)
    assert parsed.value == expected and (parsed.error is None) is (expected is not None)


@pytest.mark.parametrize(("text", "expected"), FLARE)
def test_flare_in_words(text: str, expected: str | None) -> None:
    assert choice_from_words("flare", text) == expected
    assert checkin.parse("flare", text).value == expected


RATINGS = [
    ("sleep", "pretty bad, woke up 3 times", 1),
    ("sleep", "bad", 3),
    ("sleep", "not bad", 7),  # the longer phrase wins at one place
    ("sleep", "not great", 3),
    ("sleep", "ok ish", 5),
    ("sleep", "so-so, broken but i got some", 5),  # the words said first count
    ("sleep", "slept like a baby", 9),
    ("energy", "running on fumes", 1),
    ("energy", "low", 2),
    ("energy", "middling", 5),
    ("energy", "loads actually!", 9),
    ("pain", "barely there", 1),
    ("pain", "mild", 2),
    ("pain", "moderate i guess", 5),
    ("pain", "really bad today", 9),  # bad things run the other way
    ("pain", "through the roof", 9),
    ("interference", "not great", 7),
    ("pain", "purple", None),
]


@pytest.mark.parametrize(("question", "text", "expected"), RATINGS)
def test_ratings_in_words_are_guesses(question: str, text: str, expected: int | None) -> None:
    assert rating_from_words(question, text) == expected
    parsed = checkin.parse(question, text)  # type: ignore[arg-type]
    if expected is None:
        assert parsed.error == "checkin.error.not_a_number" and not parsed.guess
    else:
        assert (parsed.value, parsed.guess, parsed.error) == (expected, True, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("about a 3", 3), ("4ish", 4), ("a solid 7/10", 7), ("maybe 6 today", 6),
     ("woke up 3 times", None), ("3 times", None)],
)  # fmt: skip
def test_a_hedged_number_is_the_persons_own_rating(text: str, expected: int | None) -> None:
    assert rating_from_number(text) == expected
    if expected is not None:
        assert checkin.parse("energy", text) == checkin.Parsed(value=expected)


@pytest.mark.parametrize(("text", "error"), [("about an 11", "checkin.error.out_of_range")])
def test_a_hedged_number_out_of_range_is_refused(text: str, error: str) -> None:
    assert checkin.parse("pain", text).error == error


@pytest.mark.parametrize(
    ("text", "span", "middle"),
    [
        ("not much, maybe 5 minutes", (5, 5), 5),
        ("not much", (1, 1), 1),
        ("a little bit, 3 mins", (3, 3), 3),
        ("on a good day maybe 15 or 20 mins", (15, 20), 17),
        ("20 to 30 min", (20, 30), 25),
        ("120-180", (120, 180), 150),
        ("120-181", None, None),
        ("half an hour", (30, 30), 30),
    ],
)
def test_minutes_in_a_sentence(text: str, span: tuple[int, int] | None, middle: int | None) -> None:
    assert parse_minutes_span(text, smallest=1) == span
    assert parse_minutes(text, smallest=1) == middle


def test_an_echo_is_never_cut_mid_word() -> None:
    text = "not much, maybe 5 minutes on a bad day"
    short = echo(text)
    assert short.endswith("…") and len(short) <= ECHO_MAX_CHARS
    assert text.startswith(short[:-1]) and text[len(short) - 1] == " "
    assert echo("x" * 40) == "x" * (ECHO_MAX_CHARS - 1) + "…"  # one long word: cut it
    exact = "y" * ECHO_MAX_CHARS
    assert echo(exact) == exact
