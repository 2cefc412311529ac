"""'What should I do today?' in many spellings, and texts that don't mean it."""

import pytest

from bot.domain.intents import (
    SYMPTOMS,
    TipItem,
    asks_for_today,
    choose_tip,
    extra_minutes,
    interrupts_checkin,
    interrupts_setup,
    is_question,
    read,
    tip_candidates,
)
from bot.views.content import Content


@pytest.mark.parametrize(
    "text",
    [
        "what should I do today?", "What should I do", "what now", "What now?!",
        "any ideas for today", "what's my plan", "whats my plan?", "What’s the plan",
        "waht should i do today", "what shoud I do", "what sould i do tody", "plan for today?",
        "today's plan", "any ideas?", "what do I do today", "so what now", "what can I do today",
        "give me a plan", "What should I do now", "what should i do 2day", "ideas for today pls",
    ],
)  # fmt: skip
def test_means_today(text: str) -> None:
    assert asks_for_today(text)


@pytest.mark.parametrize(
    "text",
    [
        "hello", "thanks", "7", "yes", "I walked 10 minutes today", "my back hurts",
        "what time is it", "I did my stretches", "", "ok", "slept badly last night",
        "what should I do about my headache that has lasted for three days in a row now really",
    ],
)  # fmt: skip
def test_other_texts(text: str) -> None:
    assert not asks_for_today(text)


# --- The intent layer: the phrase tables, dialogue rules and tip choice --------------------

MIN_ACCURACY = 0.95


def test_phrase_table_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.unit.intents.report import render
    from tests.unit.intents.table import TABLE, rows, score

    table = rows(TABLE) + rows(TABLE.with_name("holdout.tsv"))
    assert len([r for r in table if r[0] != "none"]) >= 300
    assert len([r for r in table if r[0] == "none"]) >= 60
    result = score(table)
    with capsys.disabled():
        print(f"\nintent accuracy: {result.accuracy:.1%} of {result.total}")
    assert result.accuracy >= MIN_ACCURACY, render(result)
    none_hits, none_total = result.of("none")
    assert none_hits / none_total >= MIN_ACCURACY, render(result)


@pytest.mark.parametrize(
    ("text", "question", "answered", "expected"),
    [
        ("stop", "pain", False, True),
        ("my neck is killing me", "pain", False, True),
        ("why do you ask?", "energy", False, True),
        ("7", "pain", True, False),
        ("banana", "pain", False, False),
        ("planned rest", "movement", True, False),
        ("my neck is killing me", "note", True, False),
        ("stop", "note", True, True),
        ("help", "note", True, True),
        ("can you help me sleep", "note", True, False),
        ("delete my data", "note", True, True),
    ],
)  # fmt: skip
def test_what_interrupts_the_checkin(
    text: str, question: str, answered: bool, expected: bool
) -> None:
    reading = read(text)
    assert interrupts_checkin(reading, question, answered=answered, asked=is_question(text)) is (
        expected
    )


@pytest.mark.parametrize(
    ("text", "step", "expected"),
    [
        ("stop", "tz", True), ("help", "time", True), ("hi", "tz", True),
        ("Berlin", "tz", False), ("half past eight", "time", False), ("9ish", "time", False),
        ("about 20", "good", False), ("not much", "bad", False), ("maybe 5 minutes", "bad", False),
        ("I walk my dog and do a bit of yoga", "act", False), ("Manchester", "tz", False),
        ("neck and headaches", "sym", False), ("my neck is killing me", "tz", True),
    ],
)  # fmt: skip
def test_what_interrupts_setup(text: str, step: str, expected: bool) -> None:
    assert interrupts_setup(read(text), step) is expected


def test_symptom_tips_by_tag_never_see_doctor() -> None:
    items = [
        TipItem("tip.neck.a", ("neck",), "headache_neck"),
        TipItem("tip.neck.doctor", ("neck", "see_doctor"), "headache_neck"),
        TipItem("tip.heat", ("heat",), "flare_toolkit", ("flare", "tough")),
        TipItem("tip.sleep", ("sleep",), "sleep_stress"),
    ]
    assert tip_candidates(items, "neck") == ["tip.neck.a"]
    assert tip_candidates(items, "legs") == ["tip.heat"]
    # A tip for other days is still better than none.
    assert tip_candidates(items, "legs", "good") == ["tip.heat"]
    assert choose_tip(["a", "b"], 3, avoid=("b",)) == "a"
    assert choose_tip([], 1) is None


@pytest.mark.parametrize(
    ("day_type", "goal_kind", "goal", "extra"),
    [
        ("good", "session", 10, 1), ("steady", "session", 30, 3), ("good", "session", 60, 5),
        ("tough", "session", 10, 0), ("flare", "session", 3, 0), ("good", "rest", 0, 0),
        ("steady", "flare_toolkit", 5, 0), (None, None, 10, 0),
    ],
)  # fmt: skip
def test_extra_minutes_only_on_steady_or_good_days(
    day_type: str | None, goal_kind: str | None, goal: int, extra: int
) -> None:
    assert extra_minutes(day_type, goal_kind, goal) == extra


def test_every_symptom_has_a_tip_in_the_content(content: Content) -> None:
    items = [
        TipItem(i.key, tuple(i.tags), i.category, tuple(i.day_types))
        for (locale, _), i in content.items.items()
        if locale == "en" and i.kind == "tip"
    ]
    for symptom in SYMPTOMS:
        keys = tip_candidates(items, symptom)
        # Some tips name today's goal; at least one per symptom must stand without a plan.
        plain = [k for k in keys if "{{" not in content.items[("en", k)].path.read_text()]
        assert plain, symptom
        for key in plain:
            assert content.render(key, "en", name="Sam")
