"""Reading typed times, minutes, numbers and zones."""

from datetime import time

import pytest

from bot.domain.parsing import parse_minutes, parse_number, parse_time
from bot.domain.zones import parse_zone


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
    ("text", "suggested"), [("Brelin", "Europe/Berlin"), ("Londn", "Europe/London")]
)
def test_parse_zone_suggests_for_typos(text: str, suggested: str) -> None:
    guess = parse_zone(text)
    assert guess.zone is None
    assert suggested in guess.suggestions


@pytest.mark.parametrize("text", ["Atlantis", "UTC+15", "+05:17", "x" * 100, ""])
def test_parse_zone_rejects_nonsense_with_suggestions(text: str) -> None:
    guess = parse_zone(text)
    assert guess.zone is None
    assert guess.suggestions or not text
