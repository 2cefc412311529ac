"""The hand-made phrase sets (tests/unit/safety/phrases/*.txt) and the figures the scanner scores.

One message per line; blank lines and lines starting with "#" are skipped. A missing file is an
empty set (the sets are written separately from the scanner).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.domain.safety import scan

PHRASES = Path(__file__).parent / "phrases"
SETS = ("crisis", "emergency", "doctor", "benign", "ambiguous")
ALARMS = frozenset(("crisis", "emergency", "doctor"))


def load(name: str) -> list[str]:
    """The messages of one set."""
    path = PHRASES / f"{name}.txt"
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@dataclass
class Figures:
    """How one set scored: counts and the messages that missed."""

    name: str
    count: int = 0
    routed: int = 0  # some alarm tier (or, for "ambiguous", anything at all)
    right: int = 0  # the set's own tier
    alarm: int = 0  # benign: a full alarm
    check: int = 0  # benign: a light check
    misses: list[tuple[str, str]] = field(default_factory=list)

    def pct(self, part: int) -> float:
        """part as a percentage of the set."""
        return 100.0 * part / self.count if self.count else 100.0


def score(name: str, messages: list[str] | None = None) -> Figures:
    """Scan every message of a set and count what it got."""
    figures = Figures(name)
    for text in load(name) if messages is None else messages:
        flag = scan(text)
        tier = flag.tier if flag is not None else "none"
        figures.count += 1
        if name == "benign":
            figures.alarm += tier in ALARMS
            figures.check += tier == "check"
            if tier in ALARMS:
                figures.misses.append((text, tier))
        elif name == "ambiguous":
            figures.routed += tier != "none"
            figures.right += tier == "check"
            if tier == "none":
                figures.misses.append((text, tier))
        else:
            figures.routed += tier in ALARMS
            figures.right += tier == name
            if tier != name:
                figures.misses.append((text, tier))
    return figures
