"""`smallsteps bench safety`: how long the red-flag scanner takes per message (no emulator).

Scans every phrase set under tests/unit/safety/phrases (when the source tree is there) plus
long 4,000-character notes, several rounds, timing each message; prints one JSON object with
p50, p99 and max in microseconds and the target (p99 under 1 ms).
"""

from __future__ import annotations

import time
from pathlib import Path

from bot import modeldata
from bot.domain.safety import scan

from .common import JSON, percentile

TARGET_P99_US = 1000.0
PHRASES = Path(__file__).resolve().parents[2] / "tests" / "unit" / "safety" / "phrases"
_NOTE = (
    "Walked for 5 minutes this morning, the weather was grey and my knees were a bit stiff. "
    "Pain about a 6, slept badly, did my chest stretch and the breathing exercise. "
    "My daughter rang, we talked about her holiday and the dog. Took my meds with breakfast. "
)
_ENDINGS = (
    "",
    " Also I have had a weird pressure in my chest since the walk.",
    " Honestly I'm not sure I want to live like this anymore.",
    " My dad had a stroke years ago, I worry about it.",
)
NOTE_LENGTH = 4000


def messages() -> list[str]:
    """Every phrase-set line, a few fixed short texts, and long notes of 4,000 characters."""
    texts: list[str] = []
    if PHRASES.is_dir():
        for path in sorted(PHRASES.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    texts.append(line.strip())
    texts += ["chest pain", "walked 10 minutes, felt ok", "I want to die", "pain 7 today"]
    for i, ending in enumerate(_ENDINGS * 5):
        body = (_NOTE * (NOTE_LENGTH // len(_NOTE) + 1))[: NOTE_LENGTH - len(ending) - i]
        texts.append(body + ending)
    return texts


def run(rounds: int = 5) -> JSON:
    """Time scan() on every message, `rounds` times (the first round warms the caches).

    Both wall-clock and this thread's CPU time are measured: on a busy machine the wall clock
    also counts time the process was not running, so the target is judged on CPU time and
    both are reported.
    """
    modeldata.load()
    texts = messages()
    for text in texts:
        scan(text)
    wall: list[float] = []
    cpu: list[float] = []
    long_cpu: list[float] = []
    clock, thread = time.perf_counter, time.thread_time
    for _ in range(rounds):
        for text in texts:
            start, start_cpu = clock(), thread()
            scan(text)
            elapsed_cpu = (thread() - start_cpu) * 1e6
            wall.append((clock() - start) * 1e6)
            cpu.append(elapsed_cpu)
            if len(text) >= NOTE_LENGTH - 100:
                long_cpu.append(elapsed_cpu)
    p99 = percentile(cpu, 99)
    return {
        "benchmark": "safety",
        "messages": len(texts),
        "samples": len(cpu),
        "p50_us": round(percentile(cpu, 50), 1),
        "p99_us": round(p99, 1),
        "max_us": round(max(cpu), 1),
        "long_notes_p99_us": round(percentile(long_cpu, 99), 1) if long_cpu else None,
        "wall_p50_us": round(percentile(wall, 50), 1),
        "wall_p99_us": round(percentile(wall, 99), 1),
        "wall_max_us": round(max(wall), 1),
        "clock": "thread CPU time (wall clock alongside)",
        "target": {"p99_us": TARGET_P99_US},
        "met": p99 < TARGET_P99_US,
    }


def main(quick: bool = False) -> JSON:
    """Run and print the JSON line."""
    import json

    result = run(rounds=1 if quick else 5)
    print(json.dumps(result), flush=True)
    return result
