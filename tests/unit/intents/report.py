"""Accuracy of the intent reader per intent, and every miss: python -m tests.unit.intents.report"""

from __future__ import annotations

from tests.unit.intents.table import TABLE, Score, rows, score


def render(result: Score) -> str:
    """The report as text."""
    lines = [f"{'expected':<20} {'hits':>5} {'of':>5} {'accuracy':>9}"]
    for name in sorted(result.per_label):
        hits, total = result.per_label[name]
        lines.append(f"{name:<20} {hits:>5} {total:>5} {hits / total:>9.1%}")
    none_hits, none_total = result.of("none")
    intent_hits, intent_total = result.hits - none_hits, result.total - none_total
    lines += [
        "",
        f"intents: {intent_hits}/{intent_total} = {intent_hits / intent_total:.1%}",
        f"ordinary notes read as none: {none_hits}/{none_total} = {none_hits / none_total:.1%}"
        f" (false hits: {none_total - none_hits})",
        f"overall: {result.hits}/{result.total} = {result.accuracy:.1%}",
    ]
    if result.misses:
        lines += ["", "misses (message -> expected, got):"]
        lines += [f"  {m!r} -> {e}, got {g}" for m, e, g in result.misses]
    return "\n".join(lines)


if __name__ == "__main__":
    print("== phrases.tsv (the table the reader was built against)")
    print(render(score()))
    print("\n== holdout.tsv (written later, never tuned against)")
    print(render(score(rows(TABLE.with_name("holdout.tsv")))))
