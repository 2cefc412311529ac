"""Coverage-guided selection: a mutant runs exactly the tests of its row that execute it."""

from __future__ import annotations

import ast

from tests.mutation import outer, selection

ORDER = ["t.py::a", "t.py::b", "t.py::c"]
REACHED = {3: ["t.py::c", "t.py::a"], 4: ["t.py::b"], 9: ["other.py::x"]}


def test_the_tests_executing_a_line_in_the_rows_order() -> None:
    assert selection.tests_for_lines(REACHED, [3], ORDER) == ["t.py::a", "t.py::c"]


def test_a_span_of_lines_takes_every_test_of_any_line_once() -> None:
    assert selection.tests_for_lines(REACHED, range(3, 5), ORDER) == ORDER


def test_a_line_no_test_executes_selects_nothing() -> None:
    assert selection.tests_for_lines(REACHED, [5], ORDER) == []


def test_tests_outside_the_row_or_failing_without_a_mutant_are_never_selected() -> None:
    # other.py::x is not in the row; a failing test is dropped from the order.
    assert selection.tests_for_lines(REACHED, [9], ORDER) == []
    assert selection.tests_for_lines(REACHED, [3], ["t.py::c"]) == ["t.py::c"]


def test_the_tests_that_killed_before_run_first_then_the_quickest() -> None:
    seconds = {"t.py::a": 9.0, "t.py::b": 1.0, "t.py::c": 3.0}
    assert selection.fastest_first(ORDER, seconds, {}) == ["t.py::b", "t.py::c", "t.py::a"]
    kills = {"t.py::a": 2, "t.py::c": 1}
    assert selection.fastest_first(ORDER, seconds, kills) == ["t.py::a", "t.py::c", "t.py::b"]


SOURCE = """\
def f(x):
    call(
        x,
        x == 1,
    )
    if x > 2:
        return x
"""


def test_a_mutant_inside_a_statement_looks_up_the_statement_from_its_first_line() -> None:
    tree = ast.parse(SOURCE)
    found = {m.what: m for m in outer.mutants("m.py", SOURCE)}
    inner = found["== -> != (x)"]  # on line 4, run as part of the call starting on line 2
    assert selection.statement_lines(tree, inner.line, inner.col, inner.end_line) == range(2, 5)
    cond = found["> -> >= (x)"]  # the condition of an `if`: its own line, not the body
    assert selection.statement_lines(tree, cond.line, cond.col, cond.end_line) == range(6, 7)
    body = found["return None instead of x"]
    assert selection.statement_lines(tree, body.line, body.col, body.end_line) == range(7, 8)


def test_traces_merge_keeping_the_first_order_and_every_test_of_a_line() -> None:
    one = selection.Trace(["a::1"], {"a::1": 1.0}, [], {"bot/m.py": {3: ["a::1"]}})
    two = selection.Trace(["b::1"], {"b::1": 2.0}, ["b::1"], {"bot/m.py": {3: ["b::1"]}})
    one.merge(two)
    assert one.order == ["a::1", "b::1"]
    assert one.failed == ["b::1"]
    assert one.lines["bot/m.py"][3] == ["a::1", "b::1"]
    assert selection.Trace.from_json(one.to_json()) == one
