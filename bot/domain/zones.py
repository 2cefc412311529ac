"""Understanding what people type for a time zone: IANA names, cities, UTC offsets."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
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

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?:(?::|\.|h)?(\d{2}))?$")


@dataclass(frozen=True)
class ZoneGuess:
    """A zone we are sure of, or else some suggestions."""

    zone: str | None
    suggestions: tuple[str, ...] = ()


@cache
def _zones() -> dict[str, str]:
    """Lower-case IANA name -> name, for canonical zones only (no deprecated links like US/*)."""
    names = {z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV"))}
    names -= {z for z in names if z.split("/")[0] in ("US", "Canada", "Mexico", "Brazil", "Chile")}
    names |= {"UTC"}
    return {z.lower(): z for z in names}


@cache
def _cities() -> dict[str, str]:
    """Lower-case city (last part of a zone, spaces for underscores) -> zone."""
    return {z.rsplit("/", 1)[-1].replace("_", " ").lower(): z for z in _zones().values()}


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


def parse_zone(text: str) -> ZoneGuess:
    """Understand a typed time zone, city or offset; suggest close matches when unsure."""
    cleaned = " ".join(text.strip().split())
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
    return ZoneGuess(None, suggest_zones(key))


def suggest_zones(key: str, limit: int = 3) -> tuple[str, ...]:
    """Close matches among cities, aliases and zone names, best first."""
    pool = {**_cities(), **ALIASES}
    found = difflib.get_close_matches(key, list(pool), n=limit, cutoff=0.6)
    zones = [pool[name] for name in found]
    zones += [_zones()[z] for z in difflib.get_close_matches(key, list(_zones()), n=limit)]
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
