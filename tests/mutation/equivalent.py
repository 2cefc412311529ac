"""Mutants of the outer modules that cannot change what anyone sees, each with its reason.

A row is (module, the mutation as `outer` names it, the source line as it stands): it still
applies when the line moves, and stops applying when the line changes (then look again).
"""

from __future__ import annotations

EQUIVALENT: dict[tuple[str, str, str], str] = {
    ("bot/logs.py", "8 -> 9", 'return "#" + hashlib.sha256(str(value).encode()).hexdigest()[:8]'):
        "the stand-in's length is no promise: nine hex digits hide an id as well as eight",
    ("bot/telegram/delivery.py", "False -> True",
     'done = await _request(bot, "editMessageText", params, chat_id, bulk=False)'):
        "only the rate limiter's lane: the same edit goes out, at worst later during a fan-out "
        "(latency is measured by the benchmarks, not pinned by end-to-end tests)",
}  # fmt: skip


def reason(module: str, what: str, line: str) -> str | None:
    """Why this mutant is equivalent, or None if it is not known to be."""
    return EQUIVALENT.get((module, what, line))
