"""Coverage-guided test selection for the outer modules' mutants (as mutmut and cosmic-ray do).

Each test file of a module's row runs once under coverage.py, with the test's node id as the
dynamic context, so the trace says which tests execute each line of bot/. A mutant then runs
only the tests of its row that execute the statement it changes; a mutant on a line no test
executes survives without running anything (no test could see it).

The bot runs inside the test's own interpreter in the end-to-end tests (tests/harness.py: the
application, its runtime and the emulator share one event loop), so coverage sees every line it
runs. Tests that start the bot as a separate process (test_shutdown, test_process, ...) run the
module from the tree, never the mutant, so they could not kill one anyway: their lines are not
traced, and they are not selected.

Traces are kept in .mutation-traces/ under a key made of the test entry, its test file and the
contents of bot/, content/ and the test helpers: a change to any of them traces again.
"""

from __future__ import annotations

import ast
import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".mutation-traces"
TRACE_TIMEOUT = 3600.0  # seconds one test entry may take under coverage
PYTEST_ARGS = ("-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=")


def tests_for_lines(
    reached: Mapping[int, Iterable[str]], lines: Iterable[int], order: Sequence[str]
) -> list[str]:
    """The tests that execute any of `lines`, in `order` (the order they ran in the trace).
    Tests outside `order` (failing on the unmutated tree, or from another row) are left
    out."""
    wanted = {test for line in lines for test in reached.get(line, ())}
    return [test for test in order if test in wanted]


def fastest_first(
    tests: Sequence[str], seconds: Mapping[str, float], kills: Mapping[str, int]
) -> list[str]:
    """The order to run a mutant's tests in, up to the first failure: the tests that killed
    most of this module's mutants so far first, then the quickest (as mutmut orders them), so
    a mutant that is killed is killed early. The order never changes what is selected."""
    return sorted(tests, key=lambda t: (-kills.get(t, 0), seconds.get(t, float("inf"))))


def statement_lines(tree: ast.Module, line: int, col: int, end_line: int) -> range:
    """The lines to look up for a mutant spanning `line`..`end_line`: from the start of the
    innermost statement holding it (a comparison on the third line of a call is run as part
    of the call's statement) to its own last line."""
    first = line
    best: ast.stmt | None = None
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt) or node.end_lineno is None:
            continue
        start = (node.lineno, node.col_offset)
        holds = start <= (line, col) and node.end_lineno >= end_line
        if holds and (best is None or start >= (best.lineno, best.col_offset)):
            best = node
    if best is not None:
        first = best.lineno
    return range(first, end_line + 1)


@dataclass
class Trace:
    """What the run of one test entry under coverage saw."""

    order: list[str] = field(default_factory=list)  # node ids, in the order they ran
    seconds: dict[str, float] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)  # failing without any mutant
    # module path (relative, e.g. "bot/logs.py") -> line -> node ids that executed it
    lines: dict[str, dict[int, list[str]]] = field(default_factory=dict)

    def merge(self, other: Trace) -> None:
        self.order += [t for t in other.order if t not in self.seconds]
        self.seconds.update(other.seconds)
        self.failed += other.failed
        for module, lines in other.lines.items():
            mine = self.lines.setdefault(module, {})
            for line, tests in lines.items():
                mine[line] = sorted({*mine.get(line, []), *tests})

    def to_json(self) -> dict[str, Any]:
        return {"order": self.order, "seconds": self.seconds, "failed": self.failed,
                "lines": self.lines}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Trace:
        lines = {m: {int(k): v for k, v in ls.items()} for m, ls in data["lines"].items()}
        return cls(data["order"], data["seconds"], data["failed"], lines)


def _tree_key(entry: str) -> str:
    """Changes when the entry's test file, the test helpers, the code or the content change
    (not when another test file does: a new test elsewhere keeps this trace)."""
    digest = hashlib.sha256(entry.encode())
    own = ROOT / entry.split("::")[0]
    for folder in ("bot", "content", "tests"):
        for path in sorted((ROOT / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            if path.is_relative_to(ROOT / "tests" / "mutation"):
                continue
            if path.name.startswith("test_") and path != own:
                continue
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def traced(entry: str) -> Trace:
    """The trace of one test entry (a file or a node id), from the cache or a fresh run."""
    key = _tree_key(entry)
    kept = CACHE / f"{key}.json"
    if kept.is_file():
        return Trace.from_json(json.loads(kept.read_text()))
    CACHE.mkdir(exist_ok=True)
    out = CACHE / f"{key}.tmp"
    started = time.monotonic()
    print(f"  tracing {entry} under coverage ...", flush=True)
    done = subprocess.run(
        [sys.executable, "-m", "tests.mutation.selection", str(out), entry], cwd=ROOT,
        capture_output=True, text=True, timeout=TRACE_TIMEOUT, check=False,
    )  # fmt: skip
    if done.returncode not in (0, 1) or not out.is_file():
        tail = (done.stdout + done.stderr)[-2000:]
        raise RuntimeError(f"tracing {entry} failed ({done.returncode}):\n{tail}")
    out.rename(kept)
    trace = Trace.from_json(json.loads(kept.read_text()))
    print(f"  traced {entry}: {len(trace.order)} tests in {time.monotonic() - started:.0f} s"
          + (f", {len(trace.failed)} failing" if trace.failed else ""), flush=True)  # fmt: skip
    return trace


def _trace_here(out: str, entries: Sequence[str]) -> int:
    """In this interpreter: run the entries under coverage, one context per test."""
    import coverage
    import pytest

    cov = coverage.Coverage(data_file=None, include=[f"{ROOT / 'bot'}/*"], config_file=False)
    trace = Trace()

    class Contexts:
        @pytest.hookimpl(hookwrapper=True)
        def pytest_runtest_protocol(self, item: Any, nextitem: Any) -> Any:
            # Setup and teardown too: the bot starts and stops in fixtures.
            cov.switch_context(item.nodeid)
            started = time.monotonic()
            yield
            trace.order.append(item.nodeid)
            trace.seconds[item.nodeid] = time.monotonic() - started

        def pytest_runtest_logreport(self, report: Any) -> None:
            if report.failed and report.nodeid not in trace.failed:
                trace.failed.append(report.nodeid)

    cov.start()
    try:
        code = int(pytest.main([*PYTEST_ARGS, *entries], plugins=[Contexts()]))
    finally:
        cov.stop()
    data = cov.get_data()
    for measured in data.measured_files():
        module = str(Path(measured).resolve().relative_to(ROOT))
        by_line = data.contexts_by_lineno(measured)
        trace.lines[module] = {
            line: sorted(c for c in contexts if c) for line, contexts in by_line.items()
        }
    Path(out).write_text(json.dumps(trace.to_json()))
    return 0 if code in (0, 1) else code


if __name__ == "__main__":
    raise SystemExit(_trace_here(sys.argv[1], sys.argv[2:]))
