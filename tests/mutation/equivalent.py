"""Mutants of the outer modules that cannot change what anyone sees, each with its reason.

A row is (module, the mutation as `outer` names it, the source line as it stands): it still
applies when the line moves, and stops applying when the line changes (then look again).
"""

from __future__ import annotations

EQUIVALENT: dict[tuple[str, str, str], str] = {
    ("bot/logs.py", "8 -> 9", 'return "#" + hashlib.sha256(str(value).encode()).hexdigest()[:8]'):
        "the stand-in's length is no promise: nine hex digits hide an id as well as eight",
}  # fmt: skip


def reason(module: str, what: str, line: str) -> str | None:
    """Why this mutant is equivalent, or None if it is not known to be."""
    return EQUIVALENT.get((module, what, line))
