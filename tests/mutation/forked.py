"""Running a mutant in a fork of one warmed-up interpreter instead of a fresh one.

A fresh interpreter spends seconds importing the bot (the safety scanner, PTB, SQLAlchemy)
before its few selected tests run. Here the runner imports the bot once, and each mutant runs in
a fork of it: the child swaps the code of the functions the mutant changed (every live function
object of the module whose code differs, found by qualified name and first line, so the names
other modules imported and the handlers already registered see the mutant too), then runs the
tests and exits. Mutants only change function bodies, so swapping the code is the same as
importing the mutated module. Where a swap is not possible (a closure whose free variables
change, a function no live object holds), the caller falls back to a fresh interpreter.
"""

from __future__ import annotations

import gc
import importlib
import os
import signal
import sys
import tempfile
import time
import types
from collections.abc import Iterator, Sequence
from pathlib import Path

CANNOT_SWAP = 8  # the child's exit code when the mutant must run in a fresh interpreter


def _codes(code: types.CodeType) -> Iterator[types.CodeType]:
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield const
            yield from _codes(const)


def _key(code: types.CodeType) -> tuple[str, int]:
    return code.co_qualname, code.co_firstlineno


def changed_code(path: str, source: str, mutated: str) -> dict[tuple[str, int], types.CodeType]:
    """The functions' code objects the mutant changes, by (qualified name, first line)."""
    old = {_key(c): c for c in _codes(compile(source, path, "exec", dont_inherit=True))}
    changed = {}
    for code in _codes(compile(mutated, path, "exec", dont_inherit=True)):
        before = old.get(_key(code))
        if before is not None and (before.co_code, before.co_consts) != (
            code.co_code, code.co_consts
        ):  # fmt: skip
            changed[_key(code)] = code
    return changed


def swap(path: str, source: str, mutated: str) -> bool:
    """Give every live function of the module the mutant's code; False if that cannot stand
    for importing the mutated module."""
    changed = changed_code(path, source, mutated)
    if not changed:
        return False
    swapped: set[tuple[str, int]] = set()
    for obj in gc.get_objects():
        if isinstance(obj, types.FunctionType) and obj.__code__.co_filename == path:
            new = changed.get(_key(obj.__code__))
            if new is not None:
                try:
                    obj.__code__ = new
                except ValueError:  # the closure's free variables differ
                    return False
                swapped.add(_key(new))
    # A nested function is made anew from its swapped parent; any other must have been live.
    return all(key in swapped or "<locals>" in key[0] for key in changed)


_warm = False


def warm_up(module: str) -> None:
    """Import, once in the runner, what every child would import."""
    global _warm
    if not _warm:
        import pytest  # noqa: F401

        import bot.app  # noqa: F401
        import tests.harness  # noqa: F401

        _warm = True
    importlib.import_module(module)


def run(
    module: str, source: str, mutated: str, pytest_args: Sequence[str], timeout: float
) -> tuple[str, float, str]:
    """(status, seconds, output tail): killed, survived, timeout, error, or fresh (run it in a
    fresh interpreter instead). `module` is the dotted name, `source` its text on disk."""
    warm_up(module)
    path = str(sys.modules[module].__file__)
    with tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False) as log:
        out = log.name
    sys.stdout.flush()
    sys.stderr.flush()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 3
        try:
            os.setpgid(0, 0)
            fd = os.open(out, os.O_WRONLY | os.O_TRUNC)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            if not swap(path, source, mutated):
                code = CANNOT_SWAP
            else:
                import pytest

                code = int(pytest.main(list(pytest_args)))
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    status = ""
    while not status:
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            returned = os.waitstatus_to_exitcode(code)
            status = {0: "survived", 1: "killed", CANNOT_SWAP: "fresh"}.get(returned, "error")
        elif time.monotonic() - started > timeout:
            try:
                os.killpg(pid, signal.SIGKILL)  # with whatever the tests started
            except ProcessLookupError:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            status = "timeout"
        else:
            time.sleep(0.05)
    tail = Path(out).read_text(errors="replace")[-3000:]
    Path(out).unlink(missing_ok=True)
    return status, time.monotonic() - started, tail
