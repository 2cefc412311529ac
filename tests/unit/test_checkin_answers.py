"""The check-in's answers, as the pure domain keeps them: notes, paths, copying yesterday, and
typed answers at the edges of what they accept."""

from __future__ import annotations

import pytest

from bot.domain.checkin import (
    NOTE_MAX_CHARS,
    SCALE_MAX,
    SCALE_MIN,
    Answers,
    Parsed,
    apply,
    expand,
    parse,
    same_as,
    valid_button_value,
)


def test_a_note_is_kept_as_written_and_a_skipped_note_is_done_without_one() -> None:
    assert apply(Answers(), "note", "slept badly") == Answers(note="slept badly", note_done=True)
    assert apply(Answers(note="old"), "note", None) == Answers(note=None, note_done=True)
    assert apply(Answers(), "note", 5).note is None  # only text is a note


@pytest.mark.parametrize(
    ("path", "after"),
    [("short", "more"), ("quick", "more"), ("full", "full"), ("same", "same"), ("more", "more")],
)
def test_more_questions_only_after_the_short_or_quick_path(path: str, after: str) -> None:
    assert expand(Answers(path=path)).path == after


def test_a_flare_yes_right_after_pain_takes_the_short_path_and_only_then() -> None:
    assert apply(Answers(pain=7), "flare", "yes").path == "short"
    assert apply(Answers(pain=7), "flare", "no").path == "full"
    assert apply(Answers(pain=7, energy=3), "flare", "yes").path == "full"  # already further on
    assert apply(Answers(pain=7, path="more"), "flare", "yes").path == "more"


def test_same_as_yesterday_copies_ratings_and_flare_but_not_movement_or_note() -> None:
    yesterday = Answers(pain=4, flare="yes", interference=5, energy=6, sleep=7,
                        movement="planned", note="walked", note_done=True)  # fmt: skip
    today = same_as(Answers(movement="none", note="mine"), yesterday)
    assert today == Answers(pain=4, flare="yes", interference=5, energy=6, sleep=7,
                            movement="none", note="mine", path="same")  # fmt: skip
    # Yesterday without a flare answer reads as "no flare".
    assert same_as(Answers(), Answers(pain=1, interference=1, energy=1, sleep=1)).flare == "no"


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("  a long day  ", Parsed(value="a long day")),
        ("Skip!", Parsed(value=None)),
        ("no thanks.", Parsed(value=None)),
        ("x" * NOTE_MAX_CHARS, Parsed(value="x" * NOTE_MAX_CHARS)),
        ("x" * (NOTE_MAX_CHARS + 1), Parsed(error="checkin.error.note_too_long")),
    ],
)
def test_a_typed_note(text: str, parsed: Parsed) -> None:
    assert parse("note", text) == parsed


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        (str(SCALE_MIN), Parsed(value=SCALE_MIN)),
        (str(SCALE_MAX), Parsed(value=SCALE_MAX)),
        (str(SCALE_MIN - 1), Parsed(error="checkin.error.out_of_range")),
        (str(SCALE_MAX + 1), Parsed(error="checkin.error.out_of_range")),
        ("seven", Parsed(value=7)),
        # Words are a guess, confirmed with a tap; pain runs the other way from "bad".
        ("pretty bad", Parsed(value=9, guess=True)),
        ("purple", Parsed(error="checkin.error.not_a_number")),
    ],
)
def test_a_typed_rating_at_its_edges(text: str, parsed: Parsed) -> None:
    assert parse("pain", text) == parsed


def test_a_typed_choice_or_what_to_choose_from() -> None:
    assert parse("flare", "yes").value == "yes"
    assert parse("flare", "banana") == Parsed(error="checkin.error.choose_flare")


@pytest.mark.parametrize(
    ("raw", "value"),
    [(str(SCALE_MIN), SCALE_MIN), (str(SCALE_MAX), SCALE_MAX), (str(SCALE_MAX + 1), None),
     ("-1", None), ("x", None), ("", None)],
)  # fmt: skip
def test_a_rating_button_at_its_edges(raw: str, value: int | None) -> None:
    assert valid_button_value("pain", raw) == value
