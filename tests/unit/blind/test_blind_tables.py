"""Once scanned and recorded, each blind round is a table: the readers keep the targets on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.blind.report import answers_set, everyday_set, lines, safety_set

ROUNDS = sorted(p for p in Path(__file__).parent.glob("round*") if p.is_dir())


def _share(hits: int, count: int) -> float:
    return hits / count if count else 1.0


@pytest.mark.parametrize("folder", ROUNDS, ids=lambda p: p.name)
def test_the_safety_targets_hold(folder: Path) -> None:
    crisis = safety_set(lines(folder / "crisis.txt"), "crisis")
    assert crisis.hits["crisis_or_check"] == crisis.count, crisis.misses
    assert _share(crisis.hits["crisis"], crisis.count) >= 0.97, crisis.misses
    emergency = safety_set(lines(folder / "emergency.txt"), "emergency")
    assert _share(emergency.hits["routed"], emergency.count) >= 0.95, emergency.misses
    doctor = safety_set(lines(folder / "doctor.txt"), "doctor")
    assert _share(doctor.hits["routed"], doctor.count) >= 0.90, doctor.misses
    benign = safety_set(lines(folder / "benign.txt"), "benign")
    assert _share(benign.hits["full"], benign.count) <= 0.03, benign.misses


@pytest.mark.parametrize("folder", ROUNDS, ids=lambda p: p.name)
def test_the_everyday_targets_hold(folder: Path) -> None:
    rows = [line.split("\t", 1) for line in lines(folder / "everyday.tsv")]
    result = everyday_set((r[0], r[1]) for r in rows if len(r) == 2).total
    assert result.hits["full"] == 0, result.misses  # a full alarm on an everyday message is a bug
    assert _share(result.hits["right"], result.count) >= 0.92, result.misses


@pytest.mark.parametrize("folder", ROUNDS, ids=lambda p: p.name)
def test_typed_answers_are_read(folder: Path) -> None:
    rows = [line.split("\t", 2) for line in lines(folder / "answers.tsv")]
    result = answers_set((r[0], r[1], r[2]) for r in rows if len(r) == 3)
    assert _share(result.hits["right"], result.count) >= 0.92, result.misses
