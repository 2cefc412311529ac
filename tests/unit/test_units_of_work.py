"""One unit of work per update: the Telegram layer opens no database session of its own.

import-linter (pyproject.toml) keeps SQLAlchemy and the repositories out of bot/telegram; this
catches the other way in, a handler or a job calling `services.transaction()` or
`services.sessions()` itself instead of calling a use case. Only the runtime's inbox may; the
modules not converted yet are listed, and a listed module that no longer opens one must leave
the list (so it only shrinks).
"""

from __future__ import annotations

import ast
from pathlib import Path

TELEGRAM = Path(__file__).resolve().parents[2] / "bot" / "telegram"
OPENERS = {"transaction", "sessions"}
# The runtime's inbox stores updates before they are confirmed: its own writes, by design.
ALLOWED = {"runtime.py"}
# Not converted to use cases yet (the same modules as import-linter's exceptions): none left.
NOT_YET: set[str] = set()


def opens_sessions(source: str) -> list[int]:
    """Lines that call `<anything>.transaction()` or `<anything>.sessions()`."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in OPENERS
    ]


def openers() -> dict[str, list[int]]:
    """Each module of bot/telegram that opens a session, with the lines."""
    found: dict[str, list[int]] = {}
    for path in sorted(TELEGRAM.rglob("*.py")):
        lines = opens_sessions(path.read_text(encoding="utf-8"))
        if lines:
            found[path.relative_to(TELEGRAM).as_posix()] = lines
    return found


def test_the_telegram_layer_opens_sessions_only_where_listed() -> None:
    found = openers()
    unlisted = {m: lines for m, lines in found.items() if m not in ALLOWED | NOT_YET}
    assert not unlisted, f"call a use case instead of opening a session here: {unlisted}"


def test_a_converted_module_leaves_the_list() -> None:
    converted = NOT_YET - set(openers())
    assert not converted, f"no session opened any more: remove from NOT_YET: {converted}"


def test_the_check_finds_both_ways_to_open_a_session() -> None:
    source = (
        "async def f(services):\n"
        "    async with services.transaction() as session:\n"
        "        pass\n"
        "    async with services.sessions() as session:\n"
        "        pass\n"
        "    services.transactional()\n"
    )
    assert opens_sessions(source) == [2, 4]
