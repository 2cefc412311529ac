"""`smallsteps play`: a scripted session prints a readable transcript of the daily cycle."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from bot.devtools.play import play_main

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "sample.play"


async def test_sample_script_shows_onboarding_and_two_days() -> None:
    out = io.StringIO()
    await play_main(script=SAMPLE, out=out)
    transcript = out.getvalue()
    assert transcript.count("Time for today's check-in") == 2
    assert "[1] London" in transcript and "All set" in transcript
    assert "Today is saved" in transcript and "Same as yesterday" in transcript
    assert "Traceback" not in transcript


def test_interactive_play_from_a_pipe(tmp_path: Path) -> None:
    """Typing at the prompt works; the database is a local file that is kept."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "play"],
        input="/start\n2\n:next\n:quit\n", text=True, capture_output=True, cwd=tmp_path,
        timeout=120, env={k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "you are Robin" in result.stdout
    assert "When should I check in" in result.stdout  # "2" tapped Berlin
    assert "finish setting up first" in result.stdout
    assert (tmp_path / "smallsteps-play.db").exists()


def test_a_kept_play_database_works_on_the_next_run(tmp_path: Path) -> None:
    """The second session on the same file still gets answers (update ids keep counting)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-m", "bot", "play"], input="/help\n:quit\n", text=True,
            capture_output=True, cwd=tmp_path, timeout=120, env=env,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "/checkin: today's check-in" in result.stdout


async def test_a_person_in_play_shares_opens_and_stops_a_link() -> None:
    out = io.StringIO()
    await play_main(script=SAMPLE.with_name("share.play"), out=out)
    transcript = out.getvalue()
    assert "Here's a private link" in transcript and "Traceback" not in transcript
    opened = [line.strip() for line in transcript.splitlines() if "(opened http" in line]
    assert len(opened) == 2, transcript
    assert opened[0].endswith(": 200 Robin: the last 4 weeks in Small Steps)")
    assert opened[1].endswith(": 404 Not found.)")
    assert "has been opened 1 time." in transcript
    assert "no longer works" in transcript
    assert "/app#tgWebAppData=" in transcript
