"""Places people type for their time zone: cities (GeoNames), countries, regions, typos."""

from __future__ import annotations

import pytest

from bot.domain.zones import ZoneGuess, gazetteer, parse_zone


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Manchester", "Europe/London"),  # not Africa/Maseru: the most populous Manchester
        ("munich", "Europe/Berlin"),  # not Europe/Zurich
        ("Berlin, Germany", "Europe/Berlin"),
        ("berlin germany", "Europe/Berlin"),
        ("München", "Europe/Berlin"),
        ("Manchester NH", "America/New_York"),
        ("Birmingham, Alabama", "America/Chicago"),
        ("Portland OR", "America/Los_Angeles"),
        ("Smalltown, Germany", "Europe/Berlin"),  # unknown town, one-zone country
        ("Germany", "Europe/Berlin"),
        ("Texas", "America/Chicago"),
        ("Belfast", "Europe/London"),  # canonical zone, not the old Europe/Belfast link
        ("I live in Leeds", "Europe/London"),
        ("Manchestr", "Europe/London"),  # one letter off a big city: taken as meant
        ("Glasow", "Europe/London"),  # Glazov's German name, but Glasgow is far likelier
    ],
)
def test_places(typed: str, zone: str) -> None:
    assert parse_zone(typed) == ZoneGuess(zone)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("USA", "America/New_York"),  # several zones: ask, biggest first
        ("Canada", "America/Toronto"),
        ("Springfield", "America/Chicago"),  # several big Springfields in different zones
        ("Valencia", "America/Caracas"),
        ("Madird", "Europe/Madrid"),  # a swap is a guess: offered, not assumed
    ],
)
def test_unsure_places_ask_with_suggestions(typed: str, first: str) -> None:
    guess = parse_zone(typed)
    assert guess.zone is None
    assert guess.suggestions[0] == first
    assert len(set(guess.suggestions)) == len(guess.suggestions) >= 2


def test_lookups_after_loading_give_the_same_answers() -> None:
    """Speed is a benchmark's job, not a test's; here: the loaded list answers consistently."""
    gazetteer()
    for name in ["Manchester", "munich", "Berlin, Germany", "Leeds", "Sydney", "Paris, France"]:
        assert parse_zone(name).zone == parse_zone(name).zone is not None
