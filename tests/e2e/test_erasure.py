"""/delete leaves no trace: a person with everything (check-ins and a note, a safety reply, a
group challenge, an export, a share link, updates set aside) is deleted, then every table and,
on SQLite, the database file and its write-ahead log (raw bytes) are searched for their id,
name and note.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from bot.clock import ManualClock
from bot.db.inbox import InboxUpdate
from bot.db.models import Base, ChallengeMember, CheckIn, DayMark, ShareLink, User
from bot.devtools.emulator import Emulator, FakeChat, FakeUser, buttons, format_message
from bot.usecases.privacy import CONFIRM_FOR, person_columns
from bot.views.content import Content
from tests.e2e.test_groups import START, at, create, jobs, new_group, people, tap
from tests.harness import Harness, onboard, texts
from tests.web import link_in, web_harness

# Unusual on purpose: any hit is the person's, not a coincidence.
PERSON_ID = 5_827_364_901  # more than 32 bits, as newer Telegram ids are
NAME = "Wrennalyn"
NOTE = "quartz-heron garden loop"
EPS = timedelta(microseconds=1)


def traces(blob: bytes) -> list[str]:
    """Which of the person's id, name and note appear in raw bytes (the id as text, and as the
    big-endian integer SQLite stores it as)."""
    found = [what for what in (str(PERSON_ID), NAME, NOTE) if what.encode() in blob]
    if PERSON_ID.to_bytes(6, "big") in blob:
        found.append("id as an integer")
    return found


async def rows_naming(h: Harness) -> list[str]:
    """Every row of every table that holds the id, the name or the note, as table: row."""
    hits = []
    async with h.services.sessions() as session:
        for table in Base.metadata.sorted_tables:
            for row in (await session.execute(select(table))).all():
                cells = json.dumps([str(v) for v in row], ensure_ascii=False)
                words = [w for w in (str(PERSON_ID), NAME, NOTE) if w in cells]
                if words:
                    hits.append(f"{table.name}: {words} in {cells[:200]}")
    return hits


async def set_aside(h: Harness, chat: dict[str, Any], said: str) -> None:
    """An update the bot cannot parse (no date), from the person, with their words in it."""
    before = await count_aside(h)
    sender = {"id": PERSON_ID, "is_bot": False, "first_name": NAME}
    await h.emu.inject("message", {"message_id": 9_000 + before, "from": sender, "chat": chat,
                                   "text": said})  # fmt: skip
    for _ in range(600):  # three tries, a second or more apart
        if await count_aside(h) > before:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the update was not set aside")


async def count_aside(h: Harness) -> int:
    async with h.services.sessions() as session:
        found = await session.scalar(
            select(func.count()).select_from(InboxUpdate).where(InboxUpdate.failed_at.is_not(None))
        )
    return int(found or 0)


async def check_in_with_note(h: Harness, person: FakeUser, note: str = NOTE) -> None:
    """A full check-in by taps, ending with a typed note."""
    await h.say(person, "/checkin")
    for label in ("3", "No", "2", "6", "7", "Yes"):
        await h.tap(person, label)
    said = texts(await h.say(person, note))
    assert "saved" in said, said


async def a_person_with_everything(h: Harness) -> tuple[FakeUser, str, FakeChat]:
    """Everything a person can leave here; returns them, their share link and their group."""
    h.clock.set(START)
    [ana] = await people(h, "Ana")
    person = h.emu.user(NAME, user_id=PERSON_ID)
    await onboard(h, person)
    await check_in_with_note(h, person)
    await h.say(person, "my back pain is worse at night")  # a safety reply and its event
    group = await new_group(h, "Walkers", ana, person)
    message = await create(h, ana, group)
    assert await tap(h, person, message, "Join") == "You're in! 🎉"
    await tap(h, person, message, "Done today")
    await jobs(h, at(1, 18, 1))  # the day's summary
    h.clock.set(at(2, 7))
    await check_in_with_note(h, person)  # the second day: yesterday's movement and a plan
    outputs = await h.say(person, "/export")
    assert any(NOTE.encode() in f.data for f in h.emu.files if f.data), "the export has the note"
    assert outputs
    link = link_in(texts(await h.say(person, "/share")))
    assert link and await status_of(link) == 200
    await set_aside(h, {"id": PERSON_ID, "type": "private", "first_name": NAME}, NOTE)
    await set_aside(h, {"id": group.id, "type": "group", "title": "Walkers"}, f"{NOTE} in a group")
    async with h.services.sessions() as session:
        for model in (CheckIn, ChallengeMember, DayMark, ShareLink):
            count = await session.scalar(
                select(func.count()).select_from(model).where(model.user_id == PERSON_ID)
            )
            assert count, model.__tablename__
    return person, link, group


def group_texts(h: Harness, group: FakeChat) -> list[str]:
    """Every message of the bot's in the group as people see it now (edits applied)."""
    return [format_message(h.emu.current(m)) for m in h.emu.messages(group)]


async def status_of(url: str) -> int:
    async with aiohttp.ClientSession() as client, client.get(url) as response:
        return response.status


@pytest.fixture
async def site(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> AsyncIterator[tuple[Harness, str]]:
    """The bot with its web pages (so /share gives a link)."""
    async with web_harness(emulator, clock, database_url, content) as running:
        yield running


async def rows_of(h: Harness, user_id: int) -> dict[str, int]:
    """How many rows each table holds about one person (every column that points at people)."""
    found: dict[str, int] = {}
    async with h.services.sessions() as session:
        for column in person_columns():
            count = await session.scalar(
                select(func.count()).select_from(column.table).where(column == user_id)
            )
            found[column.table.name] = found.get(column.table.name, 0) + int(count or 0)
        found["users"] = int(
            await session.scalar(select(func.count()).select_from(User).where(User.id == user_id))
            or 0
        )
    return found


async def delete(h: Harness, person: FakeUser) -> str:
    await h.say(person, "/delete")
    await h.tap(person, "Yes, delete everything")
    return texts(await h.tap(person, "Delete now"))


def database_files(h: Harness) -> list[Path]:
    name = make_url(str(h.services.engine.url)).database
    assert name
    return [Path(name), Path(name + "-wal")]


async def test_delete_leaves_no_trace_in_tables_or_files(site: tuple[Harness, str]) -> None:
    h, _root = site
    person, link, group = await a_person_with_everything(h)
    assert any(NAME in group_text for group_text in group_texts(h, group))
    assert await rows_naming(h), "the search finds the person before /delete"
    on_sqlite = h.services.engine.dialect.name == "sqlite"
    if on_sqlite:
        before = b"".join(p.read_bytes() for p in database_files(h) if p.exists())
        assert {NAME, NOTE, "id as an integer"} <= set(traces(before))

    # Ana, in the same group, has a check-in of her own: none of it may go with the person's.
    [ana] = [u for u in h.emu.world.users.values() if u.first_name == "Ana"]
    await check_in_with_note(h, ana, "ana's own note")
    hers = await rows_of(h, ana.id)
    assert hers["checkins"] and hers["challenge_members"] and hers["users"] == 1, hers

    said = await delete(h, person)
    assert "Nothing about you is left here" in said
    await h.settle()
    assert await rows_naming(h) == []
    assert await rows_of(h, ana.id) == hers
    assert await status_of(link) == 404
    # The group: the challenge message is shown again without them, the summaries name nobody.
    h.clock.advance(timedelta(seconds=5))
    await jobs(h)
    assert [t for t in group_texts(h, group) if NAME in t] == []
    if on_sqlite:
        for path in database_files(h):
            if path.exists():
                assert traces(path.read_bytes()) == [], path.name
        async with h.services.engine.connect() as connection:
            secure = (await connection.execute(text("PRAGMA secure_delete"))).scalar()
        assert secure == 1


# The commands and buttons around it -----------------------------------------------------------


async def test_privacy_says_what_is_stored_and_how_to_export_or_delete(harness: Harness) -> None:
    ana = harness.emu.user("Ana")
    await onboard(harness, ana)
    said = texts(await harness.say(ana, "/privacy"))
    assert "Your data and privacy" in said and "/export" in said and "/delete" in said, said


async def test_delete_from_someone_never_started_says_there_is_nothing(
    harness: Harness, content: Content
) -> None:
    stranger = harness.emu.user("Sam")
    said = texts(await harness.say(stranger, "/delete"))
    assert content.render("delete.nothing").strip() in said, said
    assert not harness.last_with_buttons(stranger)


async def test_no_keep_leaves_a_challenge_member_named_on_the_card(harness: Harness) -> None:
    """Only the final yes takes a member off the group's card: the first yes and "No, keep"
    change nothing there."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    await tap(h, bo, message, "Done today")
    await h.say(bo, "/delete")
    await h.tap(bo, "Yes, delete everything")
    await h.tap(bo, "No, keep")
    await jobs(h, at(1, 9))
    assert "Bo" in format_message(h.emu.current(message))
    async with h.services.sessions() as session:
        members = (await session.execute(select(ChallengeMember.user_id))).scalars().all()
    assert bo.id in members


async def test_a_deleted_member_leaves_the_card_within_seconds(harness: Harness) -> None:
    """The final yes marks the person's challenge cards to be shown again: the next run of the
    job, seconds later (not the hourly refresh), shows the card without them."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    await tap(h, bo, message, "Done today")
    await jobs(h, START + timedelta(hours=1, minutes=1))  # the card is up to date
    assert "Bo" in format_message(h.emu.current(message))
    await h.say(bo, "/delete")
    await h.tap(bo, "Yes, delete everything")
    await h.tap(bo, "Delete now, for good")
    await jobs(h, START + timedelta(hours=1, minutes=1, seconds=10))
    assert "Bo" not in format_message(h.emu.current(message))


async def test_the_only_member_who_deletes_leaves_the_card_too(harness: Harness) -> None:
    """Ana started the challenge and nobody joined her: her card is shown again without her
    all the same (it is her membership that marks it, not anyone else's)."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, ana, message, "Done today")
    await jobs(h, START + timedelta(hours=1, minutes=1))  # the card is up to date
    assert "Ana" in format_message(h.emu.current(message))
    await delete(h, ana)
    await jobs(h, START + timedelta(hours=1, minutes=1, seconds=10))
    assert "Ana" not in format_message(h.emu.current(message))


async def test_the_final_delete_button_works_for_ten_minutes_and_not_at_ten(
    harness: Harness, content: Content
) -> None:
    """The final button works for CONFIRM_FOR after it is shown: a moment before that it
    deletes; at the instant itself it is a stale button and nothing is deleted."""
    h = harness
    for person, early in ((h.emu.user("Ana"), timedelta(0)), (h.emu.user("Bo"), EPS)):
        h.clock.set(START)
        await onboard(h, person)
        await h.say(person, "/delete")
        shown = h.clock.now()
        await h.tap(person, "Yes, delete everything")
        async with h.services.sessions() as session:
            row = await session.get(User, person.id)
            assert row is not None and row.confirm_until is not None
            until = row.confirm_until
        assert shown + CONFIRM_FOR <= until <= h.clock.now() + CONFIRM_FOR
        final = h.last_with_buttons(person)
        assert final is not None
        h.clock.freeze(until - early)  # the tap is handled at exactly that instant
        try:
            query = await h.emu.tap_button(person, final, "Delete now, for good")
            await h.settle()
        finally:
            h.clock.unfreeze()
        async with h.services.sessions() as session:
            kept = await session.get(User, person.id) is not None
        answer = h.emu.answer_for(query)
        if early:
            assert not kept
        else:
            stale = content.render("error.stale_button")
            assert kept and answer is not None and answer.text == stale, answer


async def test_keep_edits_the_question_and_buttons_after_deletion_say_nothing_is_stored(
    harness: Harness, content: Content
) -> None:
    """ "No, keep" answers in place (the question becomes "kept", its buttons go). Someone who
    asked twice and deleted through the second question, then taps the first one's "yes" or
    "keep" (or a final "delete now" again), hears there is nothing stored (not an error, nothing
    re-created)."""
    h = harness
    ana = h.emu.user("Ana")
    await onboard(h, ana)
    await h.say(ana, "/delete")
    question = h.last_with_buttons(ana)
    assert question is not None
    await h.tap(ana, "No, keep", question)
    kept = h.emu.current(question)
    assert content.render("delete.kept", name="Ana").split("\n")[0] in format_message(kept)
    assert not [data for _, data in buttons(kept) if data]
    await h.say(ana, "/delete")
    first = h.last_with_buttons(ana)
    await h.say(ana, "/delete")
    assert "Nothing about you is left here" in await delete(h, ana)
    assert first is not None
    nothing = content.render("delete.nothing")
    for data in ("del:1", "del:keep", "del:go:" + "A" * 22):
        query = await h.emu.tap(ana, first, data)
        await h.settle()
        answer = h.emu.answer_for(query)
        assert answer is not None and answer.text == nothing, (data, answer)
    async with h.services.sessions() as session:
        assert await session.get(User, ana.id) is None


async def test_a_garbled_delete_button_gets_the_popup_and_nothing_else(
    harness: Harness, content: Content
) -> None:
    ana = harness.emu.user("Ana")
    await onboard(harness, ana)
    await harness.say(ana, "/delete")
    question = harness.last_with_buttons(ana)
    assert question is not None
    before = len(harness.emu.messages(ana))
    for data in ("del:", "del:2", "del:go"):
        query = await harness.emu.tap(ana, question, data)
        await harness.settle()
        answer = harness.emu.answer_for(query)
        assert answer is not None and answer.text == content.render("error.stale_button"), data
    assert len(harness.emu.messages(ana)) == before
    async with harness.services.sessions() as session:
        assert await session.get(User, ana.id) is not None  # nothing was deleted
