"""Loading the red-flag scanner's second-look models, once per process: the JSON files shipped
beside bot/domain/safety/models.py. The domain reads no file; the wiring calls `load()` at start
(as it does for the zone data, bot/zonedata.py) and the scanner uses what it installed.
"""

from __future__ import annotations

from importlib import resources

from bot.domain.safety import models


def load() -> None:
    """Read and install the models, unless this process already has."""
    if models.installed():
        return
    package = resources.files("bot.domain.safety")
    models.install(
        *(
            models.from_json(package.joinpath(models.file_name(t)).read_text("utf-8"))
            for t in models.TIERS
        )
    )
