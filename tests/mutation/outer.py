"""Mutation testing of the outer modules (runtime, delivery, jobs, handlers, logs, use cases).

`python -m tests.mutation outer [--sample N] [--seed S] [--module GLOB] [--list]`

Each mutant is one plausible one-line slip inside a function: a comparison turned around
(`==`/`!=`, `<`/`<=`, `in`/`not in`, `is`/`is not`), `and`/`or` swapped, a `not` dropped, a
number moved by one, `True`/`False` swapped, `+`/`-` swapped, `break`/`continue` swapped, or a
statement with an effect left out (an awaited call, an attribute set, a return value). Logging
and metrics lines, docstrings and lines marked `# pragma: no mutate` are left alone.

For each mutant a fresh interpreter imports the mutated module (from memory; nothing is written
to the tree) and runs, up to the first failure, the tests of the module's row in
tests/mutation/targets.py that execute the mutated statement: each test file of the row runs
once under coverage.py first, recording which tests execute each line (tests/mutation/
selection.py). A mutant on a line no test executes survives without running anything. The
mutant is killed when its tests fail (or time out), survives when they pass. `--all-tests` runs
the whole row for every mutant instead (the old, slow way; about a day for every module).

`--sample N` runs a fixed random sample of N mutants per module (the same ones for the same
seed). Known equivalent mutants (tests/mutation/equivalent.py) are reported apart and left out of
the score; they are not run unless `--run-equivalent` is given (or their row's key names
several mutants: then it applies to those that survive).
"""

from __future__ import annotations

import argparse
import ast
import copy
import importlib
import importlib.machinery
import importlib.util
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType

from tests.mutation import equivalent, forked, selection, targets

ROOT = targets.ROOT
# --tb=native: pytest's own traceback re-parses the source of each frame, and on Python 3.11 that
# can crash ("AST constructor recursion depth mismatch") while reporting the failure that kills a
# mutant; an internal error is then not counted as a kill.
PYTEST_ARGS = ("-x", "-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=",
               "--tb=native")  # fmt: skip
SWAPS: dict[type[ast.AST], type[ast.AST]] = {
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE,
    ast.GtE: ast.Gt, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
    ast.And: ast.Or, ast.Or: ast.And, ast.Add: ast.Sub, ast.Sub: ast.Add,
}  # fmt: skip
SETUP_FAILED = 9  # the child's exit code when the mutant could not be loaded (never a kill)
NO_BASELINE_TIMEOUT = 600.0  # seconds a mutant's tests may take when there is no baseline
QUIET = ("log", "logger", "logging", "metrics", "warnings")  # calls on these are not mutated


@dataclass(frozen=True)
class Mutant:
    """One change to a module's source: the span of a node and what replaces it."""

    module: str  # path relative to the root, e.g. "bot/logs.py"
    line: int  # 1-based, where the span starts
    col: int
    end_line: int
    end_col: int
    new: str
    what: str  # e.g. "== -> !="
    function: str = ""  # the function it is in (equivalent mutants are named by it)

    @property
    def name(self) -> str:
        return f"{self.module}:{self.line} {self.what}"

    def apply(self, source: str) -> str:
        lines = source.splitlines(keepends=True)
        start = sum(len(x) for x in lines[: self.line - 1]) + _byte_col(lines[self.line - 1],
                                                                        self.col)  # fmt: skip
        end = sum(len(x) for x in lines[: self.end_line - 1]) + _byte_col(
            lines[self.end_line - 1], self.end_col
        )
        return source[:start] + self.new + source[end:]

    def source_line(self, source: str) -> str:
        return source.splitlines()[self.line - 1].strip()


def _byte_col(line: str, col: int) -> int:
    """ast columns count UTF-8 bytes; the character index of one."""
    return len(line.encode()[:col].decode(errors="ignore"))


def _root(expr: ast.AST) -> str | None:
    """The name a call chain starts from: `metrics` in `metrics.ERRORS.labels(x).inc()`."""
    while isinstance(expr, ast.Call | ast.Attribute | ast.Await | ast.Subscript):
        expr = expr.func if isinstance(expr, ast.Call) else expr.value
    return expr.id if isinstance(expr, ast.Name) else None


def _quiet(node: ast.AST) -> bool:
    """A logging or metrics call, or a docstring: never a behaviour."""
    if not isinstance(node, ast.Expr):
        return False
    if isinstance(node.value, ast.Constant):
        return True
    return _root(node.value) in QUIET


def _node_mutants(node: ast.AST) -> Iterator[tuple[ast.AST, str, str]]:
    """(the node whose span is replaced, the replacement source, a short description)."""
    if isinstance(node, ast.Compare):
        swapped = SWAPS.get(type(node.ops[0]))
        if swapped is not None:
            changed = copy.deepcopy(node)
            changed.ops[0] = swapped()
            # Named with its operand: one line can hold several comparisons of one kind.
            what = f"{_op(node.ops[0])} -> {_op(changed.ops[0])}"
            yield node, ast.unparse(changed), f"{what} ({ast.unparse(node.left)[:30]})"
    elif isinstance(node, ast.BoolOp):
        changed = copy.deepcopy(node)
        changed.op = SWAPS[type(node.op)]()  # type: ignore[assignment]
        # Named with its first operand, like comparisons: one function can hold several.
        first = ast.unparse(node.values[0])[:30]
        yield node, f"({ast.unparse(changed)})", f"{_op(node.op)} -> {_op(changed.op)} ({first})"
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        operand = ast.unparse(node.operand)[:30]
        yield node, f"({ast.unparse(node.operand)})", f"not dropped ({operand})"
    elif isinstance(node, ast.BinOp) and type(node.op) in SWAPS:
        changed = copy.deepcopy(node)
        changed.op = SWAPS[type(node.op)]()  # type: ignore[assignment]
        yield node, f"({ast.unparse(changed)})", f"{_op(node.op)} -> {_op(changed.op)}"
    elif isinstance(node, ast.Constant) and type(node.value) is bool:
        yield node, str(not node.value), f"{node.value} -> {not node.value}"
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        yield node, str(node.value + 1), f"{node.value} -> {node.value + 1}"
    elif isinstance(node, ast.Break):
        yield node, "continue", "break -> continue"
    elif isinstance(node, ast.Continue):
        yield node, "break", "continue -> break"
    elif _has_effect(node):
        yield node, "pass", f"left out: {ast.unparse(node)[:60]}"
    elif (
        isinstance(node, ast.Return)
        and node.value is not None
        and not (isinstance(node.value, ast.Constant) and node.value.value is None)
    ):
        yield node, "return None", f"return None instead of {ast.unparse(node.value)[:40]}"


def _has_effect(node: ast.AST) -> bool:
    """A statement whose only work is its effect: an awaited call, or setting an attribute or
    an item (leaving it out is a slip the tests should see)."""
    if isinstance(node, ast.Expr):
        return isinstance(node.value, ast.Await) and not _quiet(node)
    if isinstance(node, ast.Assign | ast.AugAssign):
        aims = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(isinstance(t, ast.Attribute | ast.Subscript) for t in aims)
    return False


def _op(op: ast.AST) -> str:
    return {
        ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
        ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.And: "and",
        ast.Or: "or", ast.Add: "+", ast.Sub: "-",
    }[type(op)]  # fmt: skip


def _function_bodies(tree: ast.Module) -> Iterator[tuple[str, ast.AST]]:
    """Every node inside a function body (not decorators, defaults or annotations), skipping
    quiet statements and what they contain."""
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        stack: list[ast.AST] = list(reversed(fn.body))
        while stack:
            node = stack.pop()
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue  # nested: walked on its own
            if _quiet(node) or isinstance(node, ast.AnnAssign | ast.JoinedStr):
                continue
            yield fn.name, node
            stack.extend(reversed(list(ast.iter_child_nodes(node))))


def mutants(module: str, source: str | None = None) -> list[Mutant]:
    """Every mutant of one module, in source order; each compiles."""
    source = source if source is not None else (ROOT / module).read_text()
    tree = ast.parse(source)
    lines = source.splitlines()
    found: dict[tuple[int, int, int, int, str], Mutant] = {}
    for function, node in _function_bodies(tree):
        for target, new, what in _node_mutants(node):
            line = getattr(target, "lineno", None)
            end_line, end_col = getattr(target, "end_lineno", None), target.end_col_offset  # type: ignore[attr-defined]
            if line is None or end_line is None or end_col is None:
                continue
            if "pragma: no mutate" in lines[line - 1]:
                continue
            mutant = Mutant(module, line, target.col_offset, end_line, end_col, new, what,  # type: ignore[attr-defined]
                            function)  # fmt: skip
            key = (line, target.col_offset, end_line, end_col, new)  # type: ignore[attr-defined]
            if key in found:
                continue
            try:
                compile(mutant.apply(source), module, "exec", dont_inherit=True)
            except SyntaxError:
                continue
            found[key] = mutant
    return sorted(found.values(), key=lambda m: (m.line, m.col, m.what))


def module_name(module: str) -> str:
    return module.removesuffix(".py").replace("/", ".")


# Running one mutant, in its own interpreter ------------------------------------------------


class _MutatedLoader(importlib.machinery.SourceFileLoader):
    """Loads one module from mutated text, never from a cached .pyc."""

    text = ""

    def get_code(self, fullname: str) -> CodeType:
        return compile(self.text, self.path, "exec", dont_inherit=True)


class _Finder:
    name = ""
    path = ""

    @classmethod
    def find_spec(cls, fullname: str, path: object = None, target: object = None) -> object:
        if fullname != cls.name:
            return None
        loader = _MutatedLoader(fullname, cls.path)
        return importlib.util.spec_from_loader(fullname, loader, origin=cls.path)


def _run_one(module: str, mutated: str, tests: Sequence[str]) -> int:
    """In this interpreter: import the module from the mutated text in the file `mutated`,
    then run pytest on the tests."""
    import pytest

    try:
        _MutatedLoader.text = Path(mutated).read_text()
        _Finder.name, _Finder.path = module_name(module), str(ROOT / module)
        sys.meta_path.insert(0, _Finder)  # type: ignore[arg-type]
        loaded = importlib.import_module(_Finder.name)
        assert isinstance(loaded.__loader__, _MutatedLoader), _Finder.name
    except Exception as exc:  # not a kill: the run itself went wrong (exit 1 means killed)
        print(f"could not load the mutant: {exc!r}", file=sys.stderr)
        return SETUP_FAILED
    return int(pytest.main([*PYTEST_ARGS, *tests]))


@dataclass
class Outcome:
    mutant: Mutant | None  # None: the unmutated baseline
    status: str  # killed, survived, timeout, error
    seconds: float
    output: str = ""  # the end of pytest's output


def run(module: str, text: str, tests: Sequence[str], timeout: float) -> Outcome:
    """The module's tests against `text` (a mutant, or the source itself for the baseline), in
    a fresh interpreter. The text is written to a file the child reads, so a tree that changes
    meanwhile (a rebase during a long run) cannot swap one mutant for another."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(text)
    command = [sys.executable, "-m", "tests.mutation.outer", "--one", module, handle.name,
               *tests]  # fmt: skip
    started = time.monotonic()
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                              timeout=timeout, check=False)  # fmt: skip
    except subprocess.TimeoutExpired:
        return Outcome(None, "timeout", time.monotonic() - started)
    finally:
        Path(handle.name).unlink(missing_ok=True)
    took = time.monotonic() - started
    status = {0: "survived", 1: "killed"}.get(done.returncode, "error")
    if status == "error":
        tail = (done.stdout + done.stderr)[-1500:]
        print(f"    pytest stopped with {done.returncode}:\n{tail}")
    return Outcome(None, status, took, (done.stdout + done.stderr)[-3000:])


def chosen(found: list[Mutant], sample: int | None, seed: int) -> list[int]:
    """Indexes of the mutants to run: all, or a fixed random sample."""
    indexes = list(range(len(found)))
    if sample is None or sample >= len(indexes):
        return indexes
    return sorted(random.Random(f"{seed}:{found[0].module}").sample(indexes, sample))


@dataclass
class Score:
    """One module's result."""

    module: str
    mutants: int = 0  # run (or, unreached, counted without running)
    killed: int = 0
    equivalent: int = 0
    survivors: list[str] = field(default_factory=list)
    not_run: int = 0  # the tests fail without any mutant

    @property
    def counted(self) -> int:
        return self.killed + len(self.survivors)

    @property
    def share(self) -> str:
        return f"{100 * self.killed / self.counted:.1f}%" if self.counted else "n/a"


class _Selection:
    """The tests of one module's row that execute each of its lines, from coverage."""

    def __init__(self, module: str, entries: Sequence[str], source: str) -> None:
        trace = selection.Trace()
        for entry in entries:
            trace.merge(selection.traced(entry))
        self.failed = [t for t in trace.failed if t in trace.order]
        self.order = [t for t in trace.order if t not in self.failed]
        self.seconds = trace.seconds
        self.reached = trace.lines.get(module, {})
        self.tree = ast.parse(source)
        self.kills: Counter[str] = Counter()

    def tests(self, mutant: Mutant) -> list[str]:
        lines = selection.statement_lines(self.tree, mutant.line, mutant.col, mutant.end_line)
        found = selection.tests_for_lines(self.reached, lines, self.order)
        return selection.fastest_first(found, self.seconds, self.kills)

    def killed_by(self, output: str) -> None:
        """Remember which test failed (pytest's summary line), to run it first next time."""
        for test in re.findall(r"^(?:FAILED|ERROR) (\S+)", output, re.MULTILINE):
            self.kills[test] += 1

    def timeout(self, tests: Sequence[str]) -> float:
        # Measured under coverage (slower than a plain run), plus the interpreter's start.
        return 2 * sum(self.seconds.get(t, 10.0) for t in tests) + 60


def _run_module(path: Path, args: argparse.Namespace) -> Score:
    module = str(path.relative_to(ROOT))
    entries = targets.tests_for(path)
    source = path.read_text()
    found = mutants(module, source)
    picked = chosen(found, args.sample, args.seed)
    if args.lines is not None:
        # A run cut short goes on where it stopped (the lines of the module as it is now).
        first, _, last = args.lines.partition("-")
        low, high = int(first), int(last) if last else 10**9
        picked = [i for i in picked if low <= found[i].line <= high]
    score = Score(module)
    shared = Counter(_key(m) for m in found)
    print(f"\n{module}: {len(picked)} of {len(found)} mutants; tests: {' '.join(entries)}",
          flush=True)  # fmt: skip
    if args.list:
        for i in picked:
            print(f"  [{i}] {found[i].line}: {found[i].what}  | {found[i].source_line(source)}")
        return score
    picker: _Selection | None = None
    limit = NO_BASELINE_TIMEOUT
    if not args.all_tests:
        picker = _Selection(module, entries, source)
        if picker.failed:
            print("  failing without any mutant (never selected): " + " ".join(picker.failed))
        print(f"  {len(picker.order)} tests in the row, {len(picker.reached)} lines reached")
    elif not args.no_baseline:
        baseline = run(module, source, entries, timeout=1800)
        if baseline.status != "survived":
            print(f"  the tests fail without any mutant ({baseline.status}): module skipped")
            score.not_run = len(picked)
            return score
        limit = 2 * baseline.seconds + 60
    for i in picked:
        mutant = found[i]
        score.mutants += 1
        reason = equivalent.reason(mutant.module, mutant.function, mutant.what)
        line = (f"  [{i}] {mutant.line} in {mutant.function}: {mutant.what}  | "
                f"{mutant.source_line(source)}")  # fmt: skip
        if reason is not None and shared[_key(mutant)] == 1 and not args.run_equivalent:
            # Argued in equivalent.py: running it could only move it from one uncounted
            # column to another, and the runtime's cost a minute or more each. A row whose key
            # names several mutants (`True -> False` twice in one function) applies only to
            # those that survive, so they all run.
            score.equivalent += 1
            print(f"{line}  -> equivalent (not run): {reason}", flush=True)
            continue
        if picker is None:
            outcome = run(module, mutant.apply(source), entries, timeout=limit)
        else:
            tests = picker.tests(mutant)
            if tests:
                outcome = _run_selected(module, source, mutant.apply(source), tests,
                                        picker.timeout(tests), fresh=args.fresh)  # fmt: skip
                picker.killed_by(outcome.output)
                line += f"  [{len(tests)} tests]"
            else:
                outcome = Outcome(mutant, "not reached", 0.0)
        if outcome.status in ("killed", "timeout"):
            score.killed += 1
            print(f"{line}  -> {outcome.status} ({outcome.seconds:.0f} s)", flush=True)
        elif reason is not None:
            score.equivalent += 1
            print(f"{line}  -> equivalent: {reason}", flush=True)
        else:
            where = f"{mutant.line} in {mutant.function}: {mutant.what} ({outcome.status})"
            score.survivors.append(f"{where}  | {mutant.source_line(source)}")
            print(f"{line}  -> {outcome.status.upper()} ({outcome.seconds:.0f} s)", flush=True)
    return score


def _key(mutant: Mutant) -> tuple[str, str, str]:
    """How equivalent.py names a mutant."""
    return mutant.module, mutant.function, mutant.what


def _run_selected(
    module: str, source: str, mutated: str, tests: Sequence[str], timeout: float, *, fresh: bool
) -> Outcome:
    """In a fork of this interpreter (or a fresh one where the code cannot be swapped)."""
    if not fresh:
        status, seconds, tail = forked.run(module_name(module), source, mutated,
                                           [*PYTEST_ARGS, *tests], timeout)  # fmt: skip
        if status == "error":
            print(f"    pytest stopped with an error:\n{tail}")
        if status != "fresh":
            return Outcome(None, status, seconds, tail)
    return run(module, mutated, tests, timeout)


def report(scores: Sequence[Score]) -> None:
    """The scores per module, and every survivor."""
    print("\nScore per module (killed / non-equivalent mutants)\n")
    print("| module | mutants | equivalent | killed | survived | score |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for s in scores:
        extra = f" ({s.not_run} not run: tests failing)" if s.not_run else ""
        print(f"| {s.module} | {s.mutants} | {s.equivalent} | {s.killed} | "
              f"{len(s.survivors)} | {s.share}{extra} |")  # fmt: skip
    killed = sum(s.killed for s in scores)
    counted = sum(s.counted for s in scores)
    if counted:
        print(f"\nall: {100 * killed / counted:.1f}% ({killed}/{counted})")
    for s in scores:
        if s.survivors:
            print(f"\nsurvivors in {s.module}:")
            for survivor in s.survivors:
                print(f"  {survivor}")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.mutation outer")
    parser.add_argument("--sample", type=int, help="mutants per module (a fixed random sample)")
    parser.add_argument("--seed", type=int, default=22, help="the sample's seed")
    parser.add_argument("--module", action="append", help="only modules matching this glob")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument(
        "--lines", help="only mutants on these source lines, FIRST-LAST or FIRST- (to go on "
        "with a run cut short)",
    )  # fmt: skip
    parser.add_argument(
        "--all-tests", action="store_true",
        help="run the module's whole row for every mutant, not only the tests that reach it",
    )  # fmt: skip
    parser.add_argument(
        "--no-baseline", action="store_true",
        help="with --all-tests: skip the run without mutants (it checks the tests pass and "
        "sets the timeout)",
    )  # fmt: skip
    parser.add_argument(
        "--fresh", action="store_true",
        help="run each mutant in a fresh interpreter, not in a fork of a warmed-up one",
    )  # fmt: skip
    parser.add_argument(
        "--run-equivalent", action="store_true",
        help="run the mutants listed in equivalent.py too (to see whether a test now kills one)",
    )  # fmt: skip
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        module, mutated, *tests = args.one
        return _run_one(module, mutated, tests)
    wrong = targets.problems()
    if wrong:
        print("tests/mutation/targets.py no longer matches the tree:\n  " + "\n  ".join(wrong))
        return 2
    patterns = args.module or list(targets.TARGETS)
    paths = sorted({p for pattern in patterns for p in targets.modules(pattern)})
    scores = [_run_module(path, args) for path in paths]
    if args.list:
        return 0
    report(scores)
    return 0 if all(not s.survivors and not s.not_run for s in scores) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
