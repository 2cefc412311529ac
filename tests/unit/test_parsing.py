"""Reading typed times, minutes, numbers and zones."""

from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.activities import ACTIVITIES, SYNONYMS, parse_activities
from bot.domain.parsing import parse_minutes, parse_number, parse_time, time_period
from bot.domain.zones import is_zone, parse_zone
from bot.views import keyboards
from tests.unit import setup_phrases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:30", time(9, 30)),
        ("21:00", time(21, 0)),
        ("9am", time(9, 0)),
        ("9 am", time(9, 0)),
        ("9.30pm", time(21, 30)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("7", time(7, 0)),
        ("07:05", time(7, 5)),
        ("noon", time(12, 0)),
        ("at 8:15", time(8, 15)),
        ("18h30", time(18, 30)),
        ("25:00", None),
        ("9:75", None),
        ("13pm", None),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_time(text: str, expected: time | None) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", 7), (" 10 ", 10), ("7/10", 7), ("seven", 7), ("0", 0), ("-1", -1), ("12", 12),
     ("7.", 7), ("a lot", None), ("7.5", None), ("", None), ("1" * 50, None)],
)  # fmt: skip
def test_parse_number(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("5", 5), ("5-10", 7), ("10 to 20", 15), ("10 min", 10), ("none", 0), ("zero", 0),
     ("200", None), ("lots", None), ("5 minutes", 5)],
)  # fmt: skip
def test_parse_minutes(text: str, expected: int | None) -> None:
    assert parse_minutes(text) == expected


def test_not_much_is_the_smallest_plan_on_offer() -> None:
    assert parse_minutes("not much", smallest=1) == 1
    assert parse_minutes("Not much, honestly", smallest=7) == 7
    assert parse_minutes("nothing", smallest=7) == 0


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("New_York", "America/New_York"),
        ("UTC+2", "Etc/GMT-2"),
        ("utc-5", "Etc/GMT+5"),
        ("GMT+0", "UTC"),
        ("+05:30", "Asia/Kolkata"),
        ("UTC", "UTC"),
        ("London", "Europe/London"),
        ("uk", "Europe/London"),
        ("Sydney", "Australia/Sydney"),
        ("  tokyo ", "Asia/Tokyo"),
    ],
)
def test_parse_zone_recognises(text: str, zone: str) -> None:
    assert parse_zone(text).zone == zone


@pytest.mark.parametrize(
    ("text", "suggested"), [("Brelin", "Europe/Berlin"), ("Madird", "Europe/Madrid")]
)
def test_parse_zone_suggests_for_typos(text: str, suggested: str) -> None:
    guess = parse_zone(text)
    assert guess.zone is None
    assert suggested in guess.suggestions


@pytest.mark.parametrize("text", ["Narnia", "UTC+15", "+05:17", "x" * 100, ""])
def test_parse_zone_rejects_nonsense_with_suggestions(text: str) -> None:
    guess = parse_zone(text)
    assert guess.zone is None
    assert guess.suggestions or not text


# The table of real-sounding answers ---------------------------------------------------------


def read(kind: str, text: str) -> str:
    """What the set-up makes of one typed answer, in the table's notation."""
    if kind == "time":
        found = parse_time(text)
        if found is not None:
            return found.strftime("%H:%M")
        period = time_period(text)
        return f"ask:{period}" if period else "-"
    if kind == "minutes":
        minutes = parse_minutes(text)
        return "-" if minutes is None else str(minutes)
    if kind == "activities":
        activities = parse_activities(text)
        if activities is None:
            return "-"
        return ",".join(activities) or "none"
    guess = parse_zone(text)
    if guess.zone:
        return guess.zone
    # A misspelling: the zone offered first is what the person taps.
    return guess.suggestions[0] if guess.suggestions and text.lower() != "narnia" else "-"


def test_setup_phrases_are_understood() -> None:
    rows = setup_phrases.load()
    assert len(rows) >= 200
    wrong = [(r, read(r.kind, r.text)) for r in rows if read(r.kind, r.text) != r.expected]
    by_kind: dict[str, list[int]] = {}
    for row in rows:
        right = read(row.kind, row.text) == row.expected
        by_kind.setdefault(row.kind, [0, 0])[0] += right
        by_kind[row.kind][1] += 1
    for kind, (right, total) in sorted(by_kind.items()):
        print(f"{kind:>10}: {right}/{total} = {right / total:.1%}")
    accuracy = 1 - len(wrong) / len(rows)
    print(f"     total: {len(rows) - len(wrong)}/{len(rows)} = {accuracy:.1%}")
    for row, got in wrong:
        print(f"  {row.kind}: {row.text!r} -> {got!r}, expected {row.expected!r}")
    assert accuracy >= 0.95


@pytest.mark.parametrize(
    "typed", ["2599", "0960", "²¹³⁰", "٩٩٩٩", "99:99", "1e9", "-5", "9" * 300, "\x00", "🙂", ""]
)
def test_odd_input_never_raises(typed: str) -> None:
    parse_time(typed), parse_minutes(typed), parse_activities(typed), parse_zone(typed)
    time_period(typed)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_read_without_raising(typed: str) -> None:
    assert parse_time(typed) is None or isinstance(parse_time(typed), time)
    minutes = parse_minutes(typed)
    assert minutes is None or 0 <= minutes <= 180
    parse_activities(typed)
    guess = parse_zone(typed)
    assert guess.zone is None or is_zone(guess.zone)


def test_domain_activities_match_the_buttons() -> None:
    assert ACTIVITIES == keyboards.ACTIVITIES
    assert set(SYNONYMS.values()) == set(ACTIVITIES)
