"""What the benchmark processes share: the fixed start instant, figures, and JSON-lines control.

Each benchmark runs in several processes (the emulator with the simulated people, the bot or
the echo bot): the orchestrator starts them as children and talks to each over its stdin and
stdout, one JSON object a line. Logs go to stderr, so stdout carries nothing but answers.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import resource
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

JSON = dict[str, Any]
Command = Callable[[JSON], Awaitable[JSON]]

# A Monday; every benchmark person's prompt falls due at 09:00 UTC and the bot's clock starts
# half a minute later, so the run never straddles a local midnight whatever the wall time is.
DUE = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
START = datetime(2026, 6, 1, 9, 0, 30, tzinfo=UTC)
TOKEN = "123456:BENCH-token"
# One check-in dialogue: the command, then the seven taps of the full path.
STEPS = ("/checkin", "4", "No", "2", "6", "7", "Yes", "Skip")
CHILD_LINE_LIMIT = 1 << 24
# The clone holding tools/ (benchmark children import tools.bench from it).
CLONE = Path(__file__).resolve().parents[2]


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def latency_ms(values: Sequence[float]) -> JSON:
    """p50, p95 and max of latencies given in seconds, in milliseconds."""
    if not values:
        return {"p50_ms": None, "p95_ms": None, "max_ms": None, "samples": 0}
    return {
        "p50_ms": round(percentile(values, 50) * 1000, 1),
        "p95_ms": round(percentile(values, 95) * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
        "samples": len(values),
    }


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB.

    Linux keeps ru_maxrss across fork and exec, so a child started by a big parent reports the
    parent's size; VmHWM (the peak of this program's own memory) is read instead where there is
    one, and ru_maxrss (KiB on Linux) only elsewhere.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def emit(payload: JSON) -> None:
    """One answer line on stdout."""
    sys.stdout.write(json.dumps(payload, separators=(",", ":")) + "\n")
    sys.stdout.flush()


async def serve_commands(commands: dict[str, Command]) -> None:
    """Answer JSON-lines commands from stdin until `quit` (answered too) or end of input."""
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=CHILD_LINE_LIMIT)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = await reader.readline()
        if not line:
            command: JSON = {"cmd": "quit"}
        else:
            command = json.loads(line)
        name = str(command.get("cmd"))
        handler = commands.get(name)
        try:
            if handler is None:
                raise ValueError(f"unknown command {name!r}")
            answer = await handler(command)
        except Exception as exc:  # the orchestrator reports it; the child stays answerable
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        emit(answer)
        if name == "quit":
            return


class ChildError(RuntimeError):
    """A benchmark child process failed or answered with an error."""


class Child:
    """A benchmark process started with `python -m <module>`, driven over JSON lines."""

    def __init__(self, name: str, process: asyncio.subprocess.Process) -> None:
        self.name = name
        self.process = process

    @classmethod
    async def start(cls, module: str, *args: str) -> tuple[Child, JSON]:
        """Start the child and return it with its first line (it says it is ready).

        A module name runs with `-m`; a path to a .py file runs as a script (the bare echo bot,
        which must not import this package).
        """
        command = [module] if module.endswith(".py") else ["-m", module]
        # tools/ is not installed: the children find it in the clone, whatever the working folder.
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(CLONE), env.get("PYTHONPATH"))))
        process = await asyncio.create_subprocess_exec(
            sys.executable, *command, *args,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            limit=CHILD_LINE_LIMIT, env=env,
        )  # fmt: skip
        child = cls(module.removesuffix(".py").rsplit(".", 1)[-1].rsplit("/", 1)[-1], process)
        return child, await child._read()

    async def call(self, cmd: str, **params: Any) -> JSON:
        """Send one command and wait for its answer."""
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps({"cmd": cmd, **params}) + "\n").encode())
        await self.process.stdin.drain()
        return await self._read()

    async def _read(self) -> JSON:
        assert self.process.stdout is not None
        line = await self.process.stdout.readline()
        if not line:
            code = await self.process.wait()
            raise ChildError(f"{self.name} exited (code {code}) without answering")
        answer: JSON = json.loads(line)
        if "error" in answer:
            raise ChildError(f"{self.name}: {answer['error']}")
        return answer

    async def quit(self, timeout: float = 30.0) -> JSON:
        """Ask the child to finish; its last answer (peak RSS and the like) is returned."""
        answer = await self.call("quit")
        await asyncio.wait_for(self.process.wait(), timeout)
        return answer

    async def kill(self) -> None:
        """Stop the child if it is still running (after a failure elsewhere)."""
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
