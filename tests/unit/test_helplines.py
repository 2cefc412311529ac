"""Helplines: the data file is complete and sourced, and every safety reply names the numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from markupsafe import Markup

from bot.views.content import load_content
from bot.views.helplines import HelplineError, load_helplines

LIB = load_content()
HELP = LIB.helplines
SAFETY_KEYS = sorted(
    key
    for (_, key), item in LIB.items.items()
    if item.category == "safety" and ".parts." not in key
)
# The largest Telegram and English/Spanish/German/Portuguese/Russian/French-speaking countries.
REQUIRED = (
    "US", "CA", "GB", "IE", "AU", "NZ", "ZA", "IN", "NG", "KE", "PH", "SG", "DE", "AT", "CH", "FR",
    "BE", "LU", "ES", "MX", "AR", "CO", "CL", "PE", "BR", "PT", "RU", "UA", "KZ", "IT", "PL", "NL",
    "SE", "NO", "DK", "FI", "TR", "IL", "AE", "ID", "JP",
)  # fmt: skip


def test_at_least_forty_countries_with_the_required_ones() -> None:
    assert len(HELP.countries) >= 40
    assert not set(REQUIRED) - set(HELP.countries)


@pytest.mark.parametrize("code", sorted(HELP.countries))
def test_every_entry_is_sourced_and_dated(code: str) -> None:
    country = HELP.countries[code]
    assert country.source.startswith("https://")
    assert dt.date(2024, 1, 1) <= country.checked <= dt.date.today()
    assert country.emergency


def test_the_briefs_anchor_numbers() -> None:
    def phone(code: str) -> str | None:
        line = HELP.countries[code].crisis
        return line.phone if line else None

    assert phone("US") == phone("CA") == "988"
    assert phone("GB") == phone("IE") == "116 123"
    assert phone("DE") == "0800 111 0 111"
    assert phone("ES") == "024"
    assert phone("AU") == "13 11 14"
    assert phone("FR") == "3114"
    assert (HELP.countries["US"].emergency, HELP.countries["GB"].emergency) == ("911", "999")
    assert HELP.countries["AU"].emergency == "000"


def _render(key: str, code: str | None) -> str:
    values = HELP.variables(code)
    values["line"] = Markup(LIB.render("safety.parts.line", "en", **values))
    values["call_now"] = Markup(LIB.render("safety.parts.emergency", "en", **values))
    return LIB.render(key, "en", **{"name": "Sam", **values})


@pytest.mark.parametrize("code", [*sorted(HELP.countries), None])
def test_every_safety_reply_names_the_countrys_numbers(code: str | None) -> None:
    country = HELP.get(code)
    for key in ("safety.crisis", "safety.crisis.stay", "safety.help"):
        text = _render(key, code)
        assert "112, 911 or 999" not in text
        if country is None:
            assert "findahelpline.com" in text and "emergency number" in text
            continue
        assert country.emergency in text
        line = country.crisis
        if line is None:
            assert "findahelpline.com" in text
        else:
            assert (line.phone or line.text or line.url or "") in text
    for key in SAFETY_KEYS:
        assert len(_render(key, code)) <= 4096


def test_a_country_is_found_from_what_people_type() -> None:
    typed_names = ("de", "Germany", "germny", "UK", "usa", "brasil")
    found = {typed: HELP.find(typed) for typed in typed_names}
    assert {k: v.code if v else None for k, v in found.items()} == {
        "de": "DE", "Germany": "DE", "germny": "DE", "UK": "GB", "usa": "US", "brasil": "BR",
    }  # fmt: skip
    assert HELP.find("Atlantis") is None and HELP.find("   ") is None


def test_the_zone_gives_the_country_and_a_choice_wins() -> None:
    assert HELP.country_of(None, "Europe/Vienna") == "AT"
    assert HELP.country_of(None, "America/Sao_Paulo") == "BR"
    assert HELP.country_of("de", "America/New_York") == "DE"
    assert HELP.country_of(None, "Etc/UTC") is None


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("countries: {}", "directory"),
        ("directory: {url: 'https://x'}\\ncountries: {XX: {emergency: 'call'}}", "phone"),
        ("directory: {url: 'https://x'}\\ncountries: {XX: {emergency: '112', source: 'https://x'}}",
         "checked"),
        ("directory: {url: 'https://x'}\\ncountries: {xyz: {}}", "two-letter"),
    ],
)  # fmt: skip
def test_a_broken_file_stops_the_start_naming_the_entry(
    tmp_path: Path, body: str, problem: str
) -> None:
    path = tmp_path / "helplines.yaml"
    path.write_text(body.replace("\\n", "\n"))
    with pytest.raises(HelplineError, match=problem):
        load_helplines(path)
