"""The check-in dialogue as data: order, the short path, same as yesterday, typed answers."""

import pytest

from bot.domain import checkin as flow
from bot.domain.checkin import Answers


def run(*steps: tuple[flow.Question, int | str | None]) -> Answers:
    answers = Answers()
    for question, value in steps:
        assert flow.next_question(answers) == question
        answers = flow.apply(answers, question, value)
    return answers


def test_full_path_is_seven_steps() -> None:
    answers = run(("pain", 4), ("flare", "no"), ("interference", 3), ("energy", 5),
                  ("sleep", 6), ("movement", "some"), ("note", None))  # fmt: skip
    assert flow.next_question(answers) is None
    assert answers.path == "full"
    assert answers.note_done


def test_bad_day_short_path_is_two_taps() -> None:
    answers = run(("pain", 8), ("flare", "yes"))
    assert answers.path == "short"
    assert flow.next_question(answers) is None


def test_short_path_can_be_expanded() -> None:
    answers = flow.expand(run(("pain", 8), ("flare", "yes")))
    assert flow.next_question(answers) == "interference"


def test_unsure_flare_continues() -> None:
    assert flow.next_question(run(("pain", 8), ("flare", "unsure"))) == "interference"


def test_same_as_yesterday_copies_ratings_then_asks_movement() -> None:
    yesterday = run(("pain", 4), ("flare", "no"), ("interference", 3), ("energy", 5),
                    ("sleep", 6), ("movement", "yes"), ("note", "fine"))  # fmt: skip
    assert flow.can_copy(yesterday)
    today = flow.same_as(Answers(), yesterday)
    assert (today.pain, today.flare, today.interference, today.energy, today.sleep) == (
        4,
        "no",
        3,
        5,
        6,
    )
    assert today.movement is None and today.note is None
    assert flow.next_question(today) == "movement"


def test_cannot_copy_a_short_day() -> None:
    assert not flow.can_copy(run(("pain", 8), ("flare", "yes")))
    assert not flow.can_copy(None)


@pytest.mark.parametrize(
    ("question", "text", "value", "error"),
    [
        ("pain", "7", 7, None),
        ("pain", "seven", 7, None),
        ("pain", "7/10", 7, None),
        ("pain", "11", None, "checkin.error.out_of_range"),
        ("pain", "-1", None, "checkin.error.out_of_range"),
        ("pain", "bad", 7, None),  # a guess from words (confirmed with a tap)
        ("pain", "purple", None, "checkin.error.not_a_number"),
        ("energy", "x" * 10_000, None, "checkin.error.not_a_number"),
        ("flare", "Yes", "yes", None),
        ("flare", "not sure", "unsure", None),
        ("flare", "7", None, "checkin.error.choose_flare"),
        ("movement", "planned rest", "rest", None),
        ("movement", "a bit", "some", None),
        ("movement", "maybe later", None, "checkin.error.choose_movement"),
        ("note", "skip", None, None),
        ("note", "  tired but ok  ", "tired but ok", None),
        ("note", "x" * 10_000, None, "checkin.error.note_too_long"),
    ],
)
def test_parse_typed(question: flow.Question, text: str, value: object, error: str | None) -> None:
    parsed = flow.parse(question, text)
    assert (parsed.value, parsed.error) == (value, error)


@pytest.mark.parametrize(
    ("question", "raw", "value"),
    [("pain", "10", 10), ("pain", "11", None), ("pain", "x", None), ("flare", "yes", "yes"),
     ("flare", "maybe", None), ("movement", "rest", "rest"), ("note", "skip", None)],
)  # fmt: skip
def test_button_values_are_checked(question: flow.Question, raw: str, value: object) -> None:
    assert flow.valid_button_value(question, raw) == value


def test_quick_path_for_a_plan_asks_pain_and_flare_only() -> None:
    answers = flow.quick(Answers())
    assert flow.next_question(answers) == "pain"
    answers = flow.apply(flow.apply(answers, "pain", 3), "flare", "no")
    assert flow.next_question(answers) is None
    assert flow.next_question(flow.expand(answers)) == "interference"


def test_quick_does_not_cut_a_check_in_already_under_way() -> None:
    started = run(("pain", 4), ("flare", "no"), ("interference", 3))
    assert flow.quick(started).path == "full"


@pytest.mark.parametrize("movement", ["rest", "yes", "some", "no"])
def test_a_flare_yes_ends_the_check_in_when_movement_is_known_already(movement: str) -> None:
    # "I'm resting today" yesterday is this row's movement answer before any question is asked.
    answers = flow.apply(flow.apply(Answers(movement=movement), "pain", 8), "flare", "yes")
    assert answers.path == "short" and flow.next_question(answers) is None
    assert flow.quick(Answers(movement=movement)).path == "quick"


@pytest.mark.parametrize("answered", ["interference", "energy", "sleep"])
def test_a_flare_yes_after_a_later_answer_keeps_the_long_path(answered: str) -> None:
    started = flow.apply(Answers(pain=8), answered, 3)  # type: ignore[arg-type]
    assert flow.apply(started, "flare", "yes").path == "full"
    assert flow.quick(started).path == "full"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a bit, walked to the shops", "some"),
        ("yes - a short walk", "yes"),
        ("no, too sore", "no"),
        ("some but not much", "some"),
        ("Yes", "yes"),
        # A first clause that is no choice: the sentence is read by its words (answer_words).
        ("hmm, walked", "yes"),
        ("walked to the shops", "some"),  # issue 18's own example: a short walk is some
        ("hmm, the cat", None),
    ],
)
def test_a_movement_answer_is_read_from_its_first_clause(text: str, expected: str | None) -> None:
    assert flow.parse("movement", text).value == expected


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("I did my walk, felt good", True),
        ("Done", True),
        ("done!", True),
        ("all done", True),
        ("did my walk", True),
        ("just finished my stretches", True),
        ("back from my walk", True),
        ("I didn't do my walk", False),
        ("i haven't done it yet", False),
        ("I will do my walk later", False),
        ("done with this pain", False),
        ("I'm done", False),
        ("not done", False),
        ("walked to the shop and back", False),
    ],
)
def test_movement_reported_in_words(text: str, reports: bool) -> None:
    assert flow.reports_movement(text) is reports
