"""Benchmarks against the Bot API emulator: `smallsteps bench [checkin|fanout|memory|all]`.

Each benchmark prints one JSON object with its figures, its targets and whether each was met,
measured in the same run against a baseline: the echo bot, or Telegram's 30 messages a second.
"""

from __future__ import annotations

import asyncio
import json

from .common import JSON
from .runner import BENCHMARKS, run

__all__ = ["BENCHMARKS", "main", "run"]


def main(which: str = "all", *, people: int | None = None, quick: bool = False) -> list[JSON]:
    """Run benchmarks, printing each result as one JSON line on stdout as soon as it is ready."""

    def emit(result: JSON) -> None:
        print(json.dumps(result), flush=True)

    return asyncio.run(run(which, people=people, quick=quick, emit=emit))
