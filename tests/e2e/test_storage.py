"""What is stored: owner-only SQLite files, and text every database accepts."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, text

from bot.db.models import CheckIn
from bot.db.session import make_engine, storable
from tests.harness import Harness, onboard


async def test_the_sqlite_file_and_its_side_files_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "smallsteps.db"
    engine = make_engine(f"sqlite+aiosqlite:///{path}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE t (x TEXT)"))
        await connection.execute(text("INSERT INTO t VALUES ('a')"))
        files = [p for p in tmp_path.iterdir() if p.name.startswith("smallsteps.db")]
        assert {p.name for p in files} >= {"smallsteps.db", "smallsteps.db-wal"}
        for file in files:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    await engine.dispose()
    # A file made earlier with looser rights is tightened on the next start.
    path.chmod(0o644)
    await make_engine(f"sqlite+aiosqlite:///{path}").dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_storable_text() -> None:
    assert storable("plain") == "plain"
    assert storable("a\x00b") == "ab"
    assert storable("x\ud83dy") == "x\ufffdy"


async def test_a_note_with_nul_is_kept_on_every_database(harness: Harness) -> None:
    """PostgreSQL refuses U+0000 in text: it is dropped, the rest of the note kept."""
    nia = harness.emu.user("Nia")
    await onboard(harness, nia, "Europe/Berlin", "09:00")
    harness.clock.advance(timedelta(days=1))
    await harness.tick()
    for label in ("4", "No", "3", "5", "6", "Yes"):
        await harness.tap(nia, label)
    await harness.say(nia, "slept ok\x00 walked a bit")
    async with harness.services.sessions() as session:
        note = await session.scalar(select(CheckIn.note).where(CheckIn.user_id == nia.id))
    assert note == "slept ok walked a bit"
