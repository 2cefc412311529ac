"""The hand-made phrase sets (tests/unit/safety/phrases/*.txt) meet the targets of issue 9.

Crisis and emergency: every message gets an alarm tier (crisis, emergency or doctor; a light
"check" does not count), at least 97% the right one. See a doctor: at least 95% an alarm tier.
Benign: at most 3% a full alarm (a check is fine). Ambiguous: every message gets something.
`python -m tests.unit.safety.report --misses` lists what missed.
"""

from __future__ import annotations

import pytest

from tests.unit.safety.phrase_sets import SETS, load, score
from tools.bench.safety import run as run_bench

_RIGHT_TIER = 97.0
_DOCTOR_ROUTED = 95.0
_BENIGN_ALARM = 3.0


def _need(name: str) -> None:
    """Skip when a set has not been written yet (they are written separately)."""
    if not load(name):
        pytest.skip(f"phrases/{name}.txt is missing or empty")


def _misses(name: str) -> str:
    """The misses of a set, for the assertion message."""
    return "\n".join(f"[{tier}] {text}" for text, tier in score(name).misses)


@pytest.mark.parametrize("name", ["crisis", "emergency"])
def test_crisis_and_emergency_always_get_an_alarm_mostly_the_right_one(name: str) -> None:
    """100% routed to an alarm tier, at least 97% to the right tier."""
    _need(name)
    figures = score(name)
    assert figures.routed == figures.count, _misses(name)
    assert figures.pct(figures.right) >= _RIGHT_TIER, _misses(name)


def test_see_a_doctor_gets_an_alarm() -> None:
    """At least 95% of see-a-doctor messages get crisis, emergency or doctor."""
    _need("doctor")
    figures = score("doctor")
    assert figures.pct(figures.routed) >= _DOCTOR_ROUTED, _misses("doctor")


def test_benign_notes_rarely_get_a_full_alarm() -> None:
    """At most 3% of benign notes get a full alarm; a light check is allowed."""
    _need("benign")
    figures = score("benign")
    assert figures.pct(figures.alarm) <= _BENIGN_ALARM, _misses("benign")


def test_ambiguous_messages_always_get_something() -> None:
    """Every ambiguous message gets at least a light check."""
    _need("ambiguous")
    figures = score("ambiguous")
    assert figures.routed == figures.count, _misses("ambiguous")


def test_sets_are_distinct() -> None:
    """No message sits in two sets (it would pull the figures two ways)."""
    seen: dict[str, str] = {}
    clashes = []
    for name in SETS:
        for text in load(name):
            key = text.casefold()
            if key in seen and seen[key] != name:
                clashes.append((text, seen[key], name))
            seen.setdefault(key, name)
    assert clashes == []


def test_the_safety_benchmark_runs() -> None:
    """`smallsteps bench safety` produces its figures (a smoke test: no timing asserted)."""
    result = run_bench(rounds=1)
    assert result["benchmark"] == "safety"
    assert result["messages"] > 0
    assert {"p50_us", "p99_us", "max_us", "target"} <= set(result)
