"""The check-in use case without Telegram: an in-memory database as the unit of work, the real
content, and what the use case says to show, as a table of steps."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event
from telegram import InlineKeyboardMarkup

from bot.app import build_services
from bot.clock import ManualClock
from bot.config import load_settings
from bot.db import queries
from bot.db.models import Base, Challenge, ChallengeMember, GroupChat
from bot.domain.dialogs import State
from bot.services import Services
from bot.usecases import checkin
from bot.views.content import Content

NOW = datetime(2026, 6, 10, 8, 0, tzinfo=UTC)  # 10:00 in Berlin
TODAY = date(2026, 6, 10)
ANA = 41


@pytest.fixture
async def services(content: Content) -> AsyncIterator[Services]:
    """Services on an in-memory SQLite database, its tables created from the models."""
    settings = load_settings(require_token=False, DATABASE_URL="sqlite+aiosqlite://")
    built = build_services(settings, clock=ManualClock(NOW, frozen=True), content=content)
    async with built.engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    async with built.transaction() as session:
        user = queries.new_user(ANA, ANA, "Ana", "en", "Europe/Berlin", NOW)
        user.onboarded = True
        session.add(user)
    yield built
    await built.engine.dispose()


def labels(markup: InlineKeyboardMarkup | None) -> list[str]:
    return [b.text for row in (markup.inline_keyboard if markup else ()) for b in row]


async def tap(services: Services, action: str, value: str = "") -> checkin.Reply | None:
    """One tap through the use case, in its own unit of work; the reply it says to show."""
    async with services.transaction() as session:
        user = await queries.get_user(session, ANA)
        assert user is not None
        found = await queries.get_checkin(session, ANA, TODAY)
        step = await checkin.tap(services, session, user, TODAY, action, value, found=found)
    return None if step is None else step[0]


async def test_a_check_in_from_start_to_summary(services: Services) -> None:
    # (tap, value, words the reply shows, buttons it offers)
    steps = [
        ("start", "", "How is your pain", "10"),
        ("pain", "6", "flare", "Yes"),
    ]
    for action, value, words, button in steps:
        reply = await tap(services, action, value)
        assert reply is not None, action
        text, markup = reply
        assert words.lower() in text.lower(), (action, text)
        assert button in labels(markup), (action, labels(markup))
    async with services.sessions() as session:
        stored = await queries.get_checkin(session, ANA, TODAY)
        user = await queries.get_user(session, ANA)
    assert stored is not None and stored.pain == 6
    assert user is not None and user.dialog == State.CHECKIN


async def test_an_older_questions_button_updates_the_answer_and_says_nothing_new(
    services: Services,
) -> None:
    await tap(services, "start")
    await tap(services, "pain", "6")
    assert await tap(services, "pain", "4") is None  # the open question stays as it is
    async with services.sessions() as session:
        stored = await queries.get_checkin(session, ANA, TODAY)
    assert stored is not None and stored.pain == 4


@pytest.mark.parametrize("value", ["11", "-1", "x", ""])
async def test_a_forged_answer_changes_nothing(services: Services, value: str) -> None:
    await tap(services, "start")
    assert await tap(services, "pain", value) is None
    async with services.sessions() as session:
        stored = await queries.get_checkin(session, ANA, TODAY)
    assert stored is not None and stored.pain is None


async def test_a_flare_day_is_done_in_two_taps_and_then_offered_to_redo(
    services: Services,
) -> None:
    await tap(services, "start")
    await tap(services, "pain", "3")
    async with services.transaction() as session:
        user = await queries.get_user(session, ANA)
        assert user is not None
        found = await queries.get_checkin(session, ANA, TODAY)
        step = await checkin.tap(services, session, user, TODAY, "flare", "yes", found=found)
    assert step is not None
    (summary, _), plan = step
    assert "Pain" in summary or "pain" in summary, summary
    assert plan, "a finished check-in comes with the day's plan"
    async with services.transaction() as session:
        user = await queries.get_user(session, ANA)
        assert user is not None and user.dialog is None
        (again, markup), _ = await checkin.begin(services, session, user, TODAY)
    assert labels(markup), again  # a finished day offers to do it again, nothing more


# A tap through answer_tap: the person, the day's row and their challenges in one read ----------


@contextmanager
def statements(services: Services) -> Iterator[list[str]]:
    """The SQL statements run while the block runs (the commit is not one)."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement.split(None, 1)[0].upper())

    event.listen(services.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(services.engine.sync_engine, "before_cursor_execute", record)


async def join_challenge(services: Services, status: str, *, left: bool = False) -> int:
    """Ana in a challenge of a group; returns the challenge's id."""
    async with services.transaction() as session:
        group = GroupChat(chat_id=-100, title="Family", created_at=NOW, updated_at=NOW)
        session.add(group)
        await session.flush()
        challenge = Challenge(group_id=group.id, code=f"c{status}", status=status,
                              created_at=NOW, updated_at=NOW)  # fmt: skip
        session.add(challenge)
        await session.flush()
        session.add(ChallengeMember(challenge_id=challenge.id, user_id=ANA, joined_at=NOW,
                                    left_at=NOW if left else None))  # fmt: skip
        return challenge.id


async def refresh_at(services: Services, challenge_id: int) -> datetime | None:
    async with services.sessions() as session:
        challenge = await session.get(Challenge, challenge_id)
    assert challenge is not None
    return challenge.refresh_at


async def test_a_plain_tap_is_one_read_and_one_write(services: Services) -> None:
    await checkin.start_today(services, ANA)
    with statements(services) as seen:
        answer = await checkin.answer_tap(services, ANA, TODAY, "pain", "4")
    assert answer.edit is not None and "flare" in answer.edit[0].lower()
    assert seen == ["SELECT", "UPDATE"], seen
    async with services.sessions() as session:
        stored = await queries.get_checkin(session, ANA, TODAY)
    assert stored is not None and stored.pain == 4


async def test_the_first_tap_of_a_day_without_a_row_creates_it(services: Services) -> None:
    answer = await checkin.answer_tap(services, ANA, TODAY, "pain", "5")
    assert answer.edit is not None and "flare" in answer.edit[0].lower()
    async with services.sessions() as session:
        stored = await queries.get_checkin(session, ANA, TODAY)
    assert stored is not None and stored.pain == 5


@pytest.mark.parametrize(
    ("status", "left", "follows"),
    [("active", False, True), ("active", True, False), ("ended", False, False),
     ("draft", False, False)],
)  # fmt: skip
async def test_a_tap_moves_the_tally_of_a_running_challenge_the_person_is_in(
    services: Services, status: str, left: bool, follows: bool
) -> None:
    challenge_id = await join_challenge(services, status, left=left)
    await checkin.start_today(services, ANA)
    await checkin.answer_tap(services, ANA, TODAY, "pain", "4")
    assert (await refresh_at(services, challenge_id) is not None) is follows


async def test_someone_unknown_or_not_set_up_gets_the_start_hint(services: Services) -> None:
    answer = await checkin.answer_tap(services, ANA + 1, TODAY, "pain", "4")
    assert answer.popup and "/start" in answer.popup
