"""Off-by-one mutants of the numbers in bot/domain/rules/thresholds.py.

mutmut mutates code inside functions only, and the thresholds are module constants. So each
number there is moved by one (each part of a Fraction too), and the rule tests run against it.
A mutant survives when they all still pass. A line with `# pragma: no mutate` is left alone.
"""

from __future__ import annotations

import ast
import importlib
import importlib.machinery
import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import CodeType

MODULE = "bot.domain.rules.thresholds"
SOURCE = Path(__file__).resolve().parents[2] / "bot" / "domain" / "rules" / "thresholds.py"
TESTS = ("tests/unit/rules/",)
PYTEST_ARGS = ("-x", "-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=")


@dataclass(frozen=True)
class Mutant:
    name: str  # e.g. "SAFETY_HOLD_WINDOW_DAYS 7 -> 8"
    line: int  # 1-based
    start: int  # column span of the number on that line
    end: int
    new: int

    def apply(self, source: str) -> str:
        lines = source.splitlines(keepends=True)
        text = lines[self.line - 1]
        lines[self.line - 1] = text[: self.start] + str(self.new) + text[self.end :]
        return "".join(lines)


def _numbers(value: ast.expr) -> Iterator[ast.Constant]:
    """The int literals of a constant: `7`, or both parts of `Fraction(2, 3)`."""
    if isinstance(value, ast.Constant) and type(value.value) is int:
        yield value
    elif isinstance(value, ast.Call) and getattr(value.func, "id", None) == "Fraction":
        for arg in value.args:
            yield from _numbers(arg)


def mutants(source: str) -> list[Mutant]:
    lines = source.splitlines()
    found = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.AnnAssign | ast.Assign) or node.value is None:
            continue
        target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
        if not isinstance(target, ast.Name) or "pragma: no mutate" in lines[node.lineno - 1]:
            continue
        for number in _numbers(node.value):
            assert number.end_col_offset is not None
            old = number.value
            for new in (old - 1, old + 1):
                found.append(
                    Mutant(f"{target.id} {old} -> {new}", number.lineno, number.col_offset,
                           number.end_col_offset, new)
                )  # fmt: skip
    return found


class _MutatedLoader(importlib.machinery.SourceFileLoader):
    """Loads the thresholds module from mutated text, never from a cached .pyc."""

    text = ""

    def get_code(self, fullname: str) -> CodeType:
        return compile(self.text, self.path, "exec", dont_inherit=True)


class _Finder:
    @classmethod
    def find_spec(cls, fullname: str, path: object = None, target: object = None) -> object:
        if fullname != MODULE:
            return None
        loader = _MutatedLoader(fullname, str(SOURCE))
        return importlib.util.spec_from_loader(fullname, loader, origin=str(SOURCE))


def _run_one(index: int, args: Sequence[str]) -> int:
    """In a fresh interpreter: import the mutated thresholds, then run pytest."""
    import pytest

    _MutatedLoader.text = mutants(SOURCE.read_text())[index].apply(SOURCE.read_text())
    sys.meta_path.insert(0, _Finder)  # type: ignore[arg-type]
    assert isinstance(importlib.import_module(MODULE).__loader__, _MutatedLoader)
    return int(pytest.main([*PYTEST_ARGS, *args]))


def _killed(index: int) -> bool:
    command = [sys.executable, "-m", "tests.mutation.thresholds", str(index), *TESTS]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"pytest stopped with {done.returncode}:\n{done.stdout}{done.stderr}")
    return done.returncode == 1


def run(workers: int | None = None) -> tuple[int, list[str]]:
    """(number of mutants, names of the survivors)."""
    found = mutants(SOURCE.read_text())
    with ThreadPoolExecutor(workers or os.cpu_count() or 1) as pool:
        killed = list(pool.map(_killed, range(len(found))))
    return len(found), [m.name for m, k in zip(found, killed, strict=True) if not k]


def main(argv: Sequence[str]) -> int:
    if argv:  # one mutant: index, then pytest arguments
        return _run_one(int(argv[0]), argv[1:])
    total, survivors = run()
    print(f"thresholds.py: {total - len(survivors)}/{total} off-by-one mutants killed")
    for name in survivors:
        print(f"  survived: {name}")
    return 1 if survivors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
