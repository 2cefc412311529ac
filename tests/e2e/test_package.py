"""The package carries its own words: a built wheel, installed away from the clone, plays a script.

Content templates and helplines (the top-level content/, installed as `bot.content`) and the
migrations are package data; an editable install would find them beside the source, so this
builds a real wheel and runs it from another folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("TEST_DATABASE_URL")),
    reason="packaging does not depend on the database: checked once, in the SQLite run",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel, the way `pip install .` builds it."""
    out = tmp_path_factory.mktemp("dist")
    source = tmp_path_factory.mktemp("src") / "smallsteps"
    # A copy without build leftovers, so the wheel holds only what setuptools selects.
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".ci-venv", "*.egg-info", "build", "__pycache__", "*.db", "tests"))  # fmt: skip
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    [built] = out.glob("smallsteps-*.whl")
    return built


def test_the_wheel_holds_content_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "bot/content/helplines.yaml" in names
    assert "bot/content/en/labels.yaml" in names
    assert "bot/content/en/interface/checkin/ask.pain.j2" in names
    assert "bot/db/migrations/env.py" in names
    assert "bot/domain/cities.bin.gz" in names
    # The web page's template, stylesheet and the Mini App's one script.
    for name in ("page.html.j2", "plain.html.j2", "app.html.j2", "page.css", "app.js"):
        assert f"bot/views/templates/{name}" in names
    assert any(n.startswith("bot/db/migrations/versions/0001_") for n in names)
    assert not (ROOT / "bot" / "content").exists(), "the content lives in the top-level content/"
    # Every file of the top-level content/ is in the wheel under bot/content/, and nothing else.
    content = ROOT / "content"
    on_disk = {
        "bot/content/" + p.relative_to(content).as_posix()
        for p in content.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }  # fmt: skip
    in_wheel = {n for n in names if n.startswith("bot/content/")}
    assert in_wheel == on_disk
    # Packages are listed by name in pyproject.toml: each one of the source tree is in the wheel.
    for init in (ROOT / "bot").rglob("__init__.py"):
        assert init.relative_to(ROOT).as_posix() in names
    # Developer tools (benchmarks, data builders) stay in the clone.
    assert not any(n.startswith(("tools/", "bot/devtools/bench")) for n in names)
    assert "bot/devtools/play.py" in names


def test_an_installed_wheel_plays_the_sample_script_from_any_folder(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = elsewhere / "sample.play"
    shutil.copy(ROOT / "docs" / "sample.play", script)
    # The installed copy comes first on the path; the dependencies come from this environment.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env["PYTHONPATH"] = str(site)
    where = subprocess.run(
        [sys.executable, "-c", "import bot; print(bot.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert where.stdout.strip().startswith(str(site))
    result = subprocess.run(
        [sys.executable, "-m", "bot", "play", "--script", str(script)],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.count("Time for today's check-in") == 2
    assert "All set" in result.stdout and "Traceback" not in result.stdout
    # The share page renders from the installed copy (its templates are package data).
    shutil.copy(ROOT / "docs" / "share.play", elsewhere / "share.play")
    shared = subprocess.run(
        [sys.executable, "-m", "bot", "play", "--script", str(elsewhere / "share.play")],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert ": 200 Robin: the last 4 weeks" in shared.stdout, shared.stderr[-2000:]
    # The benchmarks need a clone: an installed wheel says so in one line, no traceback.
    bench = subprocess.run(
        [sys.executable, "-m", "bot", "bench", "personas"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert bench.returncode == 2, bench.stderr[-2000:]
    assert bench.stderr.count("\n") == 1 and "from a clone" in bench.stderr, bench.stderr
