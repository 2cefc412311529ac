"""What the inbox keeps: a handled update only its id and times, at once; a set-aside update its
content for INBOX_SETASIDE_DAYS at most, then its id, times and error."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.config import load_settings
from bot.db import inbox
from bot.db.inbox import InboxUpdate
from bot.devtools.emulator import FakeUser
from tests.harness import Harness

NAME = "Marisol"


async def rows(h: Harness) -> list[InboxUpdate]:
    async with h.services.sessions() as session:
        return list((await session.scalars(select(InboxUpdate))).all())


async def poison(h: Harness, person: FakeUser) -> InboxUpdate:
    """An update from the person that cannot be parsed (no date): set aside after three tries."""
    chat = {"id": person.id, "type": "private", "first_name": NAME}
    sender = {"id": person.id, "is_bot": False, "first_name": NAME}
    await h.emu.inject("message", {"message_id": 7, "from": sender, "chat": chat, "text": "hi"})
    for _ in range(600):  # three tries, a second or more apart
        aside = [r for r in await rows(h) if r.failed_at is not None]
        if aside:
            return aside[0]
        await asyncio.sleep(0.05)
    raise AssertionError("not set aside")


async def test_a_handled_update_keeps_only_its_id_and_times(harness: Harness) -> None:
    h = harness
    person = h.emu.user(NAME)
    await h.say(person, "/help")
    for _ in range(200):  # the mark is written just after the reply goes out
        [row] = await rows(h)
        if row.handled_at is not None:
            break
        await asyncio.sleep(0.05)
    assert row.handled_at is not None and row.received_at is not None
    assert (row.payload, row.chat_id, row.user_id, row.claimed_by) == (None, None, None, None)
    # It still recognises a redelivery: storing the same update again adds nothing.
    async with h.services.transaction() as session:
        assert await inbox.store(session, [{"update_id": row.update_id}], h.clock.now()) == 0


async def test_a_set_aside_update_keeps_its_content_at_most_the_set_days(
    harness: Harness,
) -> None:
    h = harness
    person = h.emu.user(NAME)
    aside = await poison(h, person)
    assert aside.payload is not None and aside.user_id == person.id and aside.chat_id == person.id
    assert aside.failed_at is not None
    days = h.services.settings.inbox_setaside_days
    assert days == 7  # the default
    limit = aside.failed_at + timedelta(days=days)
    for when, kept in ((limit - timedelta(seconds=1), True), (limit, False)):
        async with h.services.transaction() as session:
            await inbox.prune(session, when, days)
        [row] = [r for r in await rows(h) if r.update_id == aside.update_id]
        assert (row.payload is not None) is kept, when
        assert (row.user_id is not None, row.chat_id is not None) == (kept, kept)
        assert row.error and "unparseable" in row.error  # the error stays
        assert row.failed_at == aside.failed_at


@pytest.mark.parametrize(("value", "ok"), [("0", True), ("7", True), ("8", False), ("-1", False)])
def test_the_set_aside_days_are_at_most_seven(value: str, ok: bool) -> None:
    if ok:
        settings = load_settings(require_token=False, INBOX_SETASIDE_DAYS=value)
        assert settings.inbox_setaside_days == int(value)
    else:
        with pytest.raises(Exception, match="INBOX_SETASIDE_DAYS"):
            load_settings(require_token=False, INBOX_SETASIDE_DAYS=value)
