"""Smaller holes, each closed and pinned end to end: forged group control taps, a flood of
commands, reflection answers dated outside their week, spreadsheet formulas in exported notes."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.db import queries
from bot.db.models import CheckIn, Reflection
from bot.devtools.emulator import format_message
from bot.usecases.checkin import today_for
from bot.views.callbacks import ReflectionTap
from bot.views.export import checkins_csv
from tests.e2e.test_erasure import check_in_with_note
from tests.e2e.test_groups import (
    START,
    create,
    in_group,
    jobs,
    new_group,
    people,
    shown,
    tap,
    tap_data,
)
from tests.e2e.test_plans import live_a_day, setup
from tests.harness import Harness, onboard

# Group control taps ---------------------------------------------------------------------------


async def test_a_forged_keep_or_leave_never_replaces_the_challenge_message(
    harness: Harness,
) -> None:
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    cid = message["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":")[1]
    assert await tap(h, bo, message, "Join") == "You're in! 🎉"
    before = shown(h, message)
    for forged in ("gc:0:keep", f"gc:{cid}:leave", f"gc:{cid}:end"):
        popup = await tap_data(h, bo, h.emu.current(message), forged)
        assert (popup and "no longer active" in popup) or "button" in (popup or ""), popup
        assert shown(h, message) == before, forged
    # The real chooser: a plain member may not close it; the one who started a challenge may.
    await in_group(h, ana, family, "/endchallenge")
    chooser = h.emu.last(family)
    assert chooser is not None and "Keep going" in format_message(chooser)
    assert await tap(h, bo, chooser, "Keep going") == (
        "Only whoever started it, or a group admin, can end it early."
    )
    assert "Carrying on" not in shown(h, chooser)
    await tap(h, ana, chooser, "Keep going")
    assert "Carrying on" in shown(h, chooser) and shown(h, message) == before


# A flood of commands --------------------------------------------------------------------------


async def test_a_flood_of_exports_makes_one_export(harness: Harness) -> None:
    h = harness
    tom = await setup(h, "Tom")
    await live_a_day(h, tom, 4, "No")
    files = len(h.emu.files)
    # The reply to /help is held, so the ten /export pile up behind it, as when sent at once.
    h.emu.timeout_next("sendMessage", chat=tom, hold=1.5, times=1)
    await h.emu.send_text(tom, "/help")
    for _ in range(10):
        await h.emu.send_text(tom, "/export")
    await h.settle(timeout=30)
    names = [f.file_name for f in h.emu.files[files:]]
    assert len(names) == 2 and "checkins" in names[0] and "summary" in names[1], names


# Reflection dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(("days_back", "stored"), [(-1, False), (0, True), (7, True), (8, False)])
async def test_reflection_answers_are_dated_within_their_week(
    harness: Harness, days_back: int, stored: bool
) -> None:
    h = harness
    rae = h.emu.user("Rae")
    await onboard(h, rae)
    async with h.services.sessions() as session:
        user = await queries.get_user(session, rae.id)
        assert user is not None
        today = today_for(h.services, user)
    day = today - timedelta(days=days_back)
    anchor = h.emu.messages(rae)[-1]
    await h.tap_data(rae, anchor, ReflectionTap(day, "weekly", "enjoyment", 3).encode())
    async with h.services.sessions() as session:
        rows = (await session.scalars(select(Reflection))).all()
    assert [r.local_date for r in rows] == ([day] if stored else [])
    if not stored:
        assert h.popups()[-1].startswith("Those questions were for an earlier week")


# Formulas in exported notes -------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://example.org","hi")', "+1+1", "-2+3", "@SUM(A1:A2)",
            "\tx", "\rx"]  # fmt: skip
PLAIN = ["a = b", "1-2", "ok +1", "e@mail"]


async def test_exported_notes_never_run_as_formulas(harness: Harness) -> None:
    h = harness
    uma = await setup(h, "Uma")
    await check_in_with_note(h, uma, FORMULAS[0])  # typed, as a person would
    now = h.clock.now()
    async with h.services.transaction() as session:
        for i, note in enumerate(FORMULAS[1:] + PLAIN):
            session.add(CheckIn(user_id=uma.id, local_date=date(2025, 1, 1) + timedelta(days=i),
                                pain=3, flare="no", note=note, note_done=True, path="full",
                                completed_at=now, created_at=now, updated_at=now))  # fmt: skip
    outputs = await h.say(uma, "/export")
    [document] = [h.emu.file(m) for m in outputs if "document" in m][:1]
    rows = list(csv.DictReader(io.StringIO(document.data.decode("utf-8-sig"), newline="")))
    notes = {row["note"] for row in rows}
    for note in FORMULAS:
        assert "'" + note in notes, note
    for note in PLAIN:
        assert note in notes, note


def test_every_formula_start_is_prefixed_and_nothing_else() -> None:
    """The cell rule at its edges, on the CSV itself (every leading character in the list)."""
    now = START
    rows = [
        CheckIn(user_id=1, local_date=date(2025, 1, i + 1), note=note, path="full",
                completed_at=now)
        for i, note in enumerate(["=1", "+1", "-1", "@1", "\t1", "\r1", " =1", "1=", "x"])
    ]
    data = checkins_csv(rows, []).decode("utf-8-sig")
    notes = [row["note"] for row in csv.DictReader(io.StringIO(data, newline=""))]
    assert notes == ["'=1", "'+1", "'-1", "'@1", "'\t1", "'\r1", " =1", "1=", "x"]


# No timing hints to the group ----------------------------------------------------------------


async def test_the_group_sees_tallies_on_the_hour_and_one_mark_for_any_day_on_plan(
    harness: Harness,
) -> None:
    """A private check-in's Done at 08:17 and a Rest day tapped in the group: the group's
    message stays as it was until 09:00, then changes once, and both show the same mark."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    assert await tap(h, bo, message, "Join") == "You're in! 🎉"
    await jobs(h, START.replace(minute=10))
    before = shown(h, message)
    assert "▫️ Ana" in before and "▫️ Bo" in before
    edits = len(h.emu.outputs(family))
    h.clock.set(START.replace(minute=17))
    await h.say(ana, "/checkin")
    for label in ("3", "No", "2", "6", "7", "Yes", "Skip"):
        await h.tap(ana, label)
    await h.tap(ana, "Done", message=h.message_with(ana, "looks like"))
    assert await tap(h, bo, message, "Rest day") == "Counted: a planned rest day 🌙"
    await jobs(h, START.replace(minute=59, second=59))
    assert shown(h, message) == before and len(h.emu.outputs(family)) == edits
    await jobs(h, START.replace(hour=START.hour + 1))
    after = shown(h, message)
    assert "✅ Ana · on plan 1 day" in after and "✅ Bo · on plan 1 day" in after, after
    assert len(h.emu.outputs(family)) == edits + 1  # one edit for both
