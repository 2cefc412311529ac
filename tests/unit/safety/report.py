"""Recall and false alarms of the red-flag scanner on the phrase sets, per tier.

    python -m tests.unit.safety.report [--misses]

For crisis, emergency and doctor: routed = some alarm tier (crisis, emergency or doctor; a
light "check" does not count), right = that very tier. For benign: full alarm % and check %.
For ambiguous: routed = anything at all (check or a tier), right = "check".
"""

from __future__ import annotations

import argparse

from bot import modeldata
from tests.unit.safety.phrase_sets import SETS, score


def main(argv: list[str] | None = None) -> None:
    """Print one line per set, then the misses if asked."""
    parser = argparse.ArgumentParser(prog="python -m tests.unit.safety.report")
    parser.add_argument("--misses", action="store_true", help="list the messages that missed")
    args = parser.parse_args(argv)
    modeldata.load()
    results = [score(name) for name in SETS]
    print(f"{'set':<10} {'count':>5}  figures")
    for f in results:
        if f.name == "benign":
            line = f"full alarm {f.pct(f.alarm):5.1f}%   check {f.pct(f.check):5.1f}%"
        elif f.name == "ambiguous":
            line = f"something {f.pct(f.routed):5.1f}%   check {f.pct(f.right):5.1f}%"
        else:
            line = f"some tier {f.pct(f.routed):5.1f}%   right tier {f.pct(f.right):5.1f}%"
        print(f"{f.name:<10} {f.count:>5}  {line}")
    if args.misses:
        for f in results:
            if f.misses:
                print(f"\n# {f.name}: {len(f.misses)} miss(es)")
                for text, tier in f.misses:
                    print(f"  [{tier}] {text}")


if __name__ == "__main__":
    main()
