"""Which content locale suits a person: helplines differ by country, so go by time zone."""

from __future__ import annotations

from bot.domain.zones import zone_countries

# Countries with their own safety templates; everyone else gets the international ones.
COUNTRY_LOCALES = {"US": "en-US", "GB": "en-GB", "IE": "en-IE"}


def locale_for(zone: str) -> str:
    """'Europe/London' -> 'en-GB'; zones of other countries -> 'en'."""
    return COUNTRY_LOCALES.get(zone_countries().get(zone, ""), "en")
