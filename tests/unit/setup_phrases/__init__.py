"""Set-up answers people really type, with what they mean (phrases.tsv)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

PHRASES = Path(__file__).with_name("phrases.tsv")


class Phrase(NamedTuple):
    kind: str
    text: str
    expected: str


def load() -> list[Phrase]:
    """Every row of phrases.tsv (comments and blank lines skipped)."""
    rows = []
    for line in PHRASES.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, text, expected = line.split("\t")
        rows.append(Phrase(kind, text, expected))
    return rows
