"""How often the triage question fires on ordinary notes: python -m tests.unit.blind.triage_rate

Ordinary notes: every blind round's everyday and benign messages, the intent reader's tables
and the red-flag phrase sets' benign notes (messages that must get no alarm).
"""

from __future__ import annotations

from pathlib import Path

from bot import modeldata
from tests.unit.blind.report import TRIAGE, lines, tier_of

ROOT = Path(__file__).resolve().parents[1]


def sets() -> dict[str, list[str]]:
    """The ordinary notes, by where they come from."""
    found: dict[str, list[str]] = {}
    for folder in sorted(Path(__file__).parent.glob("round*")):
        found[f"{folder.name}/everyday"] = [
            line.split("\t", 1)[1] for line in lines(folder / "everyday.tsv") if "\t" in line
        ]
        found[f"{folder.name}/benign"] = lines(folder / "benign.txt")
    for name in ("phrases.tsv", "holdout.tsv"):
        rows = lines(ROOT / "intents" / name)
        found[f"intents/{name}"] = [row.split("\t", 1)[1] for row in rows if "\t" in row]
    found["safety/benign"] = lines(ROOT / "safety" / "phrases" / "benign.txt")
    return found


def main() -> None:
    """One line per set and the total; then the messages that got the question."""
    modeldata.load()
    total = fired = 0
    asked: list[str] = []
    for name, texts in sets().items():
        hits = [t for t in texts if tier_of(t) == TRIAGE]
        total += len(texts)
        fired += len(hits)
        asked += hits
        share = 100 * len(hits) / max(len(texts), 1)
        print(f"{name:<24} {len(hits):>4}/{len(texts):<5} = {share:.2f}%")
    print(f"{'all ordinary notes':<24} {fired:>4}/{total:<5} = {100 * fired / max(total, 1):.2f}%")
    for text in asked:
        print(f"  asked: {text[:100]}")


if __name__ == "__main__":
    main()
