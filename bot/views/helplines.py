"""Crisis lines and emergency numbers by country, from content/helplines.yaml (checked at
start).

Numbers live in content, not code: each entry names its public source and the date it was
checked. The country comes from the person's choice in /settings, else from their time zone.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.domain.zones import zone_countries

# As dialled: digits, spaces, dashes, brackets; a leading + or * (Chile's *4141); an extension.
_PHONE = re.compile(r"^[0-9+*][0-9 ()\-]*[0-9](?: ext\. ?[0-9]+)?$")
_CODE = re.compile(r"^[A-Z]{2}$")


class HelplineError(Exception):
    """The helplines file is broken; the message is one line naming the entry."""


@dataclass(frozen=True, slots=True)
class CrisisLine:
    """A crisis line: who answers, how to reach them."""

    name: str
    phone: str | None
    phone_alt: str | None
    text: str | None
    text_via: str | None  # "whatsapp" when the text number is a WhatsApp number, not SMS
    hours: str
    url: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Country:
    """One country's numbers and where they were checked."""

    code: str
    name: str
    emergency: str
    emergency_note: str | None
    crisis: CrisisLine | None
    source: str
    checked: dt.date


@dataclass(frozen=True, slots=True)
class Helplines:
    """Every country's entry, the directory for the rest, and look-ups."""

    countries: dict[str, Country]
    directory_name: str
    directory_url: str

    def get(self, code: str | None) -> Country | None:
        """The entry of a country code, if there is one."""
        return self.countries.get(code.upper()) if code else None

    def country_of(self, chosen: str | None, zone: str) -> str | None:
        """The country to use: the person's choice, else their zone's country, else None."""
        if chosen:
            return chosen.upper()
        return zone_countries().get(zone)

    def find(self, typed: str) -> Country | None:
        """A country from what someone typed: its code, its name, or a near miss of its name."""
        flat = " ".join(re.sub(r"[^\w]+", " ", typed.casefold()).split())
        if not flat:
            return None
        if len(flat) == 2 and flat.upper() in self.countries:
            return self.countries[flat.upper()]
        names = {c.name.casefold(): c for c in self.countries.values()}
        names.update({alias: self.countries[code] for alias, code in _ALIASES.items()
                      if code in self.countries})  # fmt: skip
        if flat in names:
            return names[flat]
        close = difflib.get_close_matches(flat, list(names), n=1, cutoff=0.8)
        return names[close[0]] if close else None

    def variables(self, code: str | None) -> dict[str, Any]:
        """What the safety templates need: the line, the emergency number, the directory."""
        country = self.get(code)
        line = country.crisis if country is not None else None
        return {
            "country_name": country.name if country is not None else "",
            "emergency": country.emergency if country is not None else "",
            "emergency_note": (country.emergency_note or "") if country is not None else "",
            "line_name": line.name if line is not None else "",
            "line_phone": (line.phone or "") if line is not None else "",
            "line_phone_alt": (line.phone_alt or "") if line is not None else "",
            "line_text": (line.text or "") if line is not None else "",
            "line_text_via": (line.text_via or "") if line is not None else "",
            "line_hours": line.hours if line is not None else "",
            "line_url": (line.url or "") if line is not None else "",
            "line_note": (line.note or "") if line is not None else "",
            "directory_name": self.directory_name,
            "directory_url": self.directory_url,
        }


# Names people type for a country that are not its name in the file.
_ALIASES = {
    "usa": "US", "america": "US", "united states of america": "US", "the us": "US",
    "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "deutschland": "DE", "espana": "ES", "españa": "ES",
    "brasil": "BR", "россия": "RU", "russia": "RU", "holland": "NL", "the netherlands": "NL",
    "méxico": "MX", "schweiz": "CH", "suisse": "CH", "österreich": "AT", "osterreich": "AT",
    "eire": "IE", "aus": "AU", "oz": "AU", "nz": "NZ", "uae": "AE", "korea": "KR",
    "south korea": "KR", "україна": "UA", "turkiye": "TR", "türkiye": "TR",
}  # fmt: skip


def _text(where: str, entry: dict[str, Any], key: str, *, required: bool = True) -> str | None:
    """A string field (numbers may be written unquoted in YAML: keep them as text)."""
    value = entry.get(key)
    if value is None:
        if required:
            raise HelplineError(f"{where}: {key} is required")
        return None
    if not isinstance(value, str | int):
        raise HelplineError(f"{where}: {key} must be text")
    return str(value).strip() or None


def _phone(where: str, entry: dict[str, Any], key: str) -> str | None:
    """A phone number as dialled: digits, spaces, dashes, brackets, a leading +."""
    value = _text(where, entry, key, required=False)
    if value is not None and not _PHONE.match(value):
        raise HelplineError(f"{where}: {key} {value!r} is not a phone number")
    return value


def _country(code: str, entry: Any) -> Country:
    """One validated entry."""
    where = f"helplines.yaml: {code}"
    if not _CODE.match(code) or not isinstance(entry, dict):
        raise HelplineError(f"{where}: entries are two-letter country codes with a mapping")
    emergency = _phone(where, entry, "emergency")
    if emergency is None:
        raise HelplineError(f"{where}: emergency is required")
    checked = entry.get("checked")
    if not isinstance(checked, dt.date):
        raise HelplineError(f"{where}: checked must be a date (YYYY-MM-DD)")
    source = _text(where, entry, "source")
    assert source is not None
    if not source.startswith("https://"):
        raise HelplineError(f"{where}: source must be an https:// address")
    crisis = entry.get("crisis")
    line = None
    if crisis is not None:
        if not isinstance(crisis, dict):
            raise HelplineError(f"{where}: crisis must be a mapping or null")
        line = CrisisLine(
            name=_text(where, crisis, "name") or "",
            phone=_phone(where, crisis, "phone"),
            phone_alt=_phone(where, crisis, "phone_alt"),
            text=_phone(where, crisis, "text"),
            text_via=_text(where, crisis, "text_via", required=False),
            hours=_text(where, crisis, "hours", required=False) or "",
            url=_text(where, crisis, "url", required=False),
            note=_text(where, crisis, "note", required=False),
        )
        if line.text_via not in (None, "whatsapp"):
            raise HelplineError(f"{where}: text_via must be whatsapp or left out")
        if line.phone is None and line.text is None and line.url is None:
            raise HelplineError(f"{where}: a crisis line needs a phone, text or url")
    return Country(
        code=code,
        name=_text(where, entry, "name") or code,
        emergency=emergency,
        emergency_note=_text(where, entry, "emergency_note", required=False),
        crisis=line,
        source=source,
        checked=checked,
    )


def load_helplines(path: Path) -> Helplines:
    """Load and validate the file; any problem raises HelplineError naming the entry."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HelplineError(f"{path.name}: cannot be read ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("countries"), dict):
        raise HelplineError(f"{path.name}: needs a 'countries' mapping")
    directory = data.get("directory")
    if not isinstance(directory, dict) or not str(directory.get("url", "")).startswith("https://"):
        raise HelplineError(f"{path.name}: needs a 'directory' with an https:// url")
    countries = {str(code): _country(str(code), entry) for code, entry in data["countries"].items()}
    return Helplines(
        countries=countries,
        directory_name=str(directory.get("name") or "Find A Helpline"),
        directory_url=str(directory["url"]),
    )
