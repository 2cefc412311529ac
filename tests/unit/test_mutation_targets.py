"""The outer modules' mutation map matches the tree, and the mutants are what they say."""

from __future__ import annotations

import pytest

from tests.mutation import outer, targets


def test_every_row_names_modules_and_tests_that_exist_and_every_guarded_module_has_one() -> None:
    assert targets.problems() == []


SOURCE = '''\
import logging

log = logging.getLogger(__name__)
LIMIT = 8


def f(x, seen):
    """Docstring."""
    log.info("not mutated %s", x == 1)
    if x > LIMIT and not seen:  # pragma: no mutate
        return 1
    while x in seen:
        x += 1
        break
    seen.add(x)
    obj.flag = True
    return x - 2
'''


def test_the_mutants_of_a_function() -> None:
    found = outer.mutants("m.py", SOURCE)
    # Not the docstring, the log line, the marked line or the module's constants.
    assert [(m.line, m.what) for m in found] == [
        (11, "return None instead of 1"),
        (11, "1 -> 2"),
        (12, "in -> not in (x)"),
        (13, "1 -> 2"),
        (14, "break -> continue"),
        (16, "left out: obj.flag = True"),
        (16, "True -> False"),
        (17, "return None instead of x - 2"),
        (17, "- -> +"),
        (17, "2 -> 3"),
    ]
    [swap] = [m for m in found if m.what == "in -> not in (x)"]
    assert "    while x not in seen:\n" in swap.apply(SOURCE)
    [minus] = [m for m in found if m.what == "- -> +"]
    assert minus.apply(SOURCE).endswith("    return (x + 2)\n")


def test_a_sample_is_fixed_by_its_seed() -> None:
    found = outer.mutants("bot/logs.py")
    assert outer.chosen(found, 5, 1) == outer.chosen(found, 5, 1)
    assert len(outer.chosen(found, 5, 1)) == 5
    assert outer.chosen(found, None, 1) == list(range(len(found)))


def test_lines_picks_the_mutants_of_a_span_to_go_on_with_a_cut_run(
    capsys: pytest.CaptureFixture[str],
) -> None:
    outer.main(["--list", "--module", "bot/logs.py"])
    every = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  [")]
    outer.main(["--list", "--module", "bot/logs.py", "--lines", "40-60"])
    some = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  [")]
    numbers = [int(line.split("] ")[1].split(":")[0]) for line in some]
    assert some and len(some) < len(every)
    assert all(40 <= n <= 60 for n in numbers)
    assert some == [line for line in every if 40 <= int(line.split("] ")[1].split(":")[0]) <= 60]
