"""Mutation testing of bot/domain/: `python -m tests.mutation [MUTANT_GLOB ...]`.

The outer modules (runtime, delivery, jobs, handlers, logs, use cases) against the end-to-end
tests: `python -m tests.mutation outer [--sample N] [--module GLOB]` (see tests/mutation/outer.py).

1. `mutmut run` (configured in pyproject.toml, [tool.mutmut]) mutates the code inside functions
   in bot/domain/ and runs the tests in tests/unit/ that cover each mutant.
2. tests/mutation/thresholds.py moves each number in bot/domain/rules/thresholds.py by one.
3. A summary: the mutation score overall and per area. The run fails if a mutant survives in the
   thresholds, the schedule, the per-day claim or the safety tiers.

With globs (e.g. "bot.domain.schedule*"), only those mutmut mutants run again (step 2 skipped).
The results stay in mutants/; `mutmut results` lists survivors, `mutmut show NAME` shows one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from tests.mutation import thresholds

ROOT = Path(__file__).resolve().parents[2]
MUTMUT = [sys.executable, "-m", "mutmut"]
KILLED = {"killed", "timeout", "caught by type check"}
COUNTED = KILLED | {"survived", "no tests", "suspicious", "segfault"}
THRESHOLD_RULES = ("adherence", "baseline", "classify", "decision", "flare_mode", "flare_rule",
                   "progression", "safety", "sessions")  # fmt: skip
# Areas that must have no survivor: module name prefixes of the mutants.
GUARDED = {
    # The rules that decide by a threshold (content choice, texts and types are scored apart).
    "thresholds": (
        *(f"bot.domain.rules.{module}." for module in THRESHOLD_RULES),
        "bot.domain.rules.selection.x_level_tag",
    ),
    "schedule": ("bot.domain.schedule.",),
    "per-day claim": ("bot.domain.outbox.",),
    "safety tiers": (
        "bot.domain.safety.scanner.",
        "bot.domain.safety.conversation.",
        "bot.domain.safety.matcher.",
        "bot.domain.rules.safety.",
    ),
}


def mutmut_results() -> dict[str, str]:
    """Mutant name -> status, from the last `mutmut run`."""
    out = subprocess.run(
        [*MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    results = {}
    for line in out.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name.startswith("bot."):
            results[name] = status
    return results


def score(statuses: Sequence[str]) -> str:
    counted = [s for s in statuses if s in COUNTED]
    killed = sum(s in KILLED for s in counted)
    share = f"{100 * killed / len(counted):.1f}%" if counted else "n/a"
    return f"{share} ({killed}/{len(counted)} killed)"


def summary(results: dict[str, str], sweep: tuple[int, list[str]] | None) -> bool:
    """Print the scores; whether no mutant survived in a guarded area."""
    print("\nMutation score (killed / mutants that ran; timeouts count as killed)")
    print(f"  bot/domain overall: {score(list(results.values()))}")
    clean = True
    for area, prefixes in GUARDED.items():
        names = [n for n in results if n.startswith(prefixes)]
        survivors = [n for n in names if results[n] in COUNTED - KILLED]
        unchecked = sum(results[n] not in COUNTED for n in names)
        line = f"  {area}: {score([results[n] for n in names])}"
        line += f", {unchecked} not run" if unchecked else ""
        if area == "thresholds" and sweep is not None:
            total, swept = sweep
            line += f"; thresholds.py off-by-one: {total - len(swept)}/{total} killed"
            survivors += [f"thresholds.py {name}" for name in swept]
        print(line)
        for name in survivors:
            print(f"    left: {name} ({results.get(name, 'survived')})")
        clean = clean and not survivors
    by_status = Counter(results.values())
    print("  statuses: " + ", ".join(f"{k} {v}" for k, v in sorted(by_status.items())))
    return clean


def main(argv: Sequence[str]) -> int:
    if argv[:1] == ["outer"]:
        from tests.mutation import outer

        return outer.main(argv[1:])
    children = str(os.cpu_count() or 1)
    run = subprocess.run([*MUTMUT, "run", "--max-children", children, *argv], cwd=ROOT, check=False)
    sweep = None
    if not argv:
        print("\nthresholds.py: off-by-one mutants")
        sweep = thresholds.run()
    clean = summary(mutmut_results(), sweep)
    if run.returncode != 0:
        # mutmut stops early (exit 1) when the tests fail without mutants or cannot be
        # collected: the mutants are then "not checked", which is no score at all.
        print(f"mutmut run stopped with exit {run.returncode}: see its output above")
    return 0 if clean and run.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
