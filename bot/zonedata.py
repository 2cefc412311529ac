"""Loading what time zone lookups read, once per process: the city index shipped with the
package (bot/domain/cities.bin.gz) and the tz database's zone.tab. The domain reads no file
(bot/domain/zones.py); the wiring calls `load()` at start and the lookups use what it installed.
"""

from __future__ import annotations

import gzip
from importlib import resources

from bot.domain import zones


def load() -> None:
    """Read and install the zone data, unless this process already has (about 0.1 s once)."""
    if zones.installed():
        return
    index = resources.files("bot.domain").joinpath(zones.CITY_INDEX).read_bytes()
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    zones.install(
        zones.ZoneData(zones.read_gazetteer(gzip.decompress(index)), zones.read_zone_tab(table))
    )
