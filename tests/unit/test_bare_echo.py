"""The benchmarks' baseline is bare: running it imports PTB and nothing of this project."""

from __future__ import annotations

import json
import subprocess
import sys

from tools.bench.runner import BARE_ECHO

PROJECT_STACK = ("bot", "sqlalchemy", "alembic", "jinja2", "pydantic", "prometheus_client",
                 "aiosqlite", "matplotlib", "yaml")  # fmt: skip


def test_the_echo_baseline_imports_nothing_of_the_project() -> None:
    probe = (
        "import runpy, sys, json; runpy.run_path(sys.argv[1], run_name='probe'); "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(BARE_ECHO)], capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(out.stdout))
    assert "telegram" in loaded
    assert not loaded & set(PROJECT_STACK), loaded & set(PROJECT_STACK)
