"""Load the phrase table and score the intent reader against it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.domain.intents import Reading, read

TABLE = Path(__file__).with_name("phrases.tsv")


def label(reading: Reading) -> str:
    """A reading as the table writes it: the intent, with the symptom or feeling after a colon."""
    if reading.intent in ("symptom", "feeling"):
        return f"{reading.intent}:{reading.detail}"
    return reading.intent


def rows(path: Path = TABLE) -> list[tuple[str, str]]:
    """(expected label, message) for every row; '#' lines are comments."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        expected, message = line.split("\t", 1)
        found.append((expected, message))
    return found


@dataclass
class Score:
    """Hits and misses, overall and per expected label."""

    total: int = 0
    hits: int = 0
    per_label: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def of(self, prefix: str) -> tuple[int, int]:
        """Hits and total of labels starting with `prefix` ("none" for the false-hit check)."""
        counts = [v for k, v in self.per_label.items() if k.split(":")[0] == prefix]
        return sum(c[0] for c in counts), sum(c[1] for c in counts)


def score(table: list[tuple[str, str]] | None = None) -> Score:
    """Read every message and compare with what the table expects."""
    result = Score()
    for expected, message in table if table is not None else rows():
        got = label(read(message))
        result.total += 1
        counts = result.per_label[expected]
        counts[1] += 1
        if got == expected:
            result.hits += 1
            counts[0] += 1
        else:
            result.misses.append((message, expected, got))
    return result
