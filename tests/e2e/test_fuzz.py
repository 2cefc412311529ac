"""Fuzzing through the emulator: hypothesis-generated updates from people who are and are not
set up (texts of any Unicode and length, captions, edits, stickers, real, stale and forged taps,
group messages, members joining and leaving, channel posts, the clock moving on).

After every batch: no unhandled error was logged, every set-up person who wrote privately got
an answer, and the database is consistent (ratings within 0-10, no orphan rows).

FUZZ_UPDATES sets how many updates a run sends (default 10,000 on SQLite, 2,000 on PostgreSQL);
FUZZ_SEED=<n> sends other ones than the fixed set CI replays.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from sqlalchemy import text

from bot.devtools.emulator import FakeChat, FakeUser, buttons
from tests import databases
from tests.harness import Harness, onboard

ON_POSTGRES = databases.postgres_url(databases.requested_url()) is not None
UPDATES = int(os.environ.get("FUZZ_UPDATES", "2000" if ON_POSTGRES else "10000"))
# CI replays the same updates every run; FUZZ_SEED=<n> explores others (and replays them).
SEED = os.environ.get("FUZZ_SEED")
BATCH = 50
PEOPLE = 4  # the first two are set up before fuzzing starts

FORGED = (
    "del:2", "del:1", "ob:tz", "ob:time:2599", "ob:tz:Mars/Base", "ci:", "ci:99999999:pain:11",
    "ci:20260327:pain:-1", "pl:", "pl:x:y:z", "gc:1", "gc:999999999999999999999:join", "gs:",
    "set:", "set:nope", "sf:", "sf:maybe", "wk:", "rf:", "cue:", "in:", ":", "", "x" * 64,
)  # fmt: skip
WORDS = (
    "/start", "/checkin", "/today", "/progress", "/export", "/privacy", "/delete", "/help",
    "/settings", "/pause", "/resume", "/cancel", "/nope", "7", "yes", "no", "stop", "help",
    "Berlin", "9:30", "2599", "²¹³⁰", "about 20", "not much", "i want to die", "my chest hurts",
    "what should i do today", "hi", "thanks", "skip today", "my neck is killing me", "\x00",
)  # fmt: skip

texts = st.one_of(
    st.sampled_from(WORDS),
    st.text(min_size=1, max_size=200),
    st.text(min_size=1, max_size=4096).filter(str.strip),
    st.builds(lambda a, b: f"{a} {b}", st.sampled_from(WORDS), st.text(max_size=60)),
).filter(lambda s: bool(s.strip()))

person = st.integers(0, PEOPLE - 1)
action = st.one_of(
    st.tuples(st.just("text"), person, texts),
    st.tuples(st.just("text"), person, texts),
    st.tuples(st.just("caption"), person, texts),
    st.tuples(st.just("sticker"), person, st.none()),
    st.tuples(st.just("edit"), person, texts),
    st.tuples(st.just("tap"), person, st.integers(0, 20)),
    st.tuples(st.just("tap"), person, st.integers(0, 20)),
    st.tuples(st.just("forged"), person, st.one_of(st.sampled_from(FORGED),
                                                   st.text(max_size=64))),
    st.tuples(st.just("group"), person, texts),
    st.tuples(st.just("join"), person, st.none()),
    st.tuples(st.just("leave"), person, st.none()),
    st.tuples(st.just("channel"), person, texts),
    st.tuples(st.just("later"), person, st.integers(1, 26 * 60)),
)  # fmt: skip


class ErrorLog(logging.Handler):
    """Every ERROR (or worse) logged by the bot."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(("bot", "telegram")):
            self.records.append(f"{record.name}: {record.getMessage()} {record.exc_info!r}")


@dataclass
class World:
    """The people, the group and the channel of one fuzz run."""

    people: list[FakeUser]
    group: FakeChat
    channel: FakeChat
    sent: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    ready: bool = False


def _is_safe_to_send(text_: str) -> str:
    """Telegram rejects empty messages; the emulator takes the rest as Telegram would."""
    return text_[:4096]


async def play(h: Harness, world: World, batch: list[tuple[str, int, Any]]) -> set[int]:
    """Send one batch of actions; return the set-up people who wrote privately."""
    wrote: set[int] = set()
    for kind, who, value in batch:
        someone = world.people[who]
        if kind == "text":
            sent = await h.emu.send_text(someone, _is_safe_to_send(value))
            world.sent.setdefault(someone.id, []).append(sent)
            wrote.add(someone.id)
        elif kind == "caption":
            await h.emu.send_photo(someone, caption=_is_safe_to_send(value)[:1024])
        elif kind == "sticker":
            await h.emu.send_sticker(someone)
        elif kind == "edit" and world.sent.get(someone.id):
            await h.emu.edit_text(someone, world.sent[someone.id][-1], _is_safe_to_send(value))
        elif kind in ("tap", "forged"):
            target = next((m for m in reversed(h.emu.messages(someone)) if buttons(m)), None)
            if target is None:
                continue
            options = [data for _, data in buttons(target) if data]
            if kind == "tap" and options:
                await h.emu.tap(someone, target, options[value % len(options)])
            elif kind == "forged":
                await h.emu.tap(someone, target, str(value)[:64])
        elif kind == "group":
            await h.emu.send_text(someone, f"@SmallStepsBot {value}"[:4096], chat=world.group)
        elif kind == "join":
            await h.emu.add_to_group(someone, world.group)
        elif kind == "leave":
            await h.emu.remove_from_group(world.group, by=someone)
            await h.emu.add_to_group(someone, world.group)
        elif kind == "channel":
            state = h.emu.state_of(world.channel)
            post = h.emu.world.new_message(
                state, {"id": -1, "is_bot": False, "first_name": "Channel"}, {"text": value}
            )
            await h.emu.inject("channel_post", post)
        elif kind == "later":
            h.clock.advance(timedelta(minutes=value))
            await h.tick()
    return wrote


async def consistent(h: Harness) -> None:
    """Ratings within their scales; no row pointing at a person who is gone."""
    checks = {
        "ratings": "SELECT count(*) FROM checkins WHERE pain NOT BETWEEN 0 AND 10 "
        "OR interference NOT BETWEEN 0 AND 10 OR energy NOT BETWEEN 0 AND 10 "
        "OR sleep NOT BETWEEN 0 AND 10",
        "orphan check-ins": "SELECT count(*) FROM checkins c LEFT JOIN users u "
        "ON u.id = c.user_id WHERE u.id IS NULL",
        "orphan plans": "SELECT count(*) FROM day_plans d LEFT JOIN users u "
        "ON u.id = d.user_id WHERE u.id IS NULL",
        "orphan safety events": "SELECT count(*) FROM safety_events s LEFT JOIN users u "
        "ON u.id = s.user_id WHERE u.id IS NULL",
        "orphan members": "SELECT count(*) FROM challenge_members m LEFT JOIN users u "
        "ON u.id = m.user_id WHERE u.id IS NULL",
    }
    async with h.services.sessions() as session:
        for name, query in checks.items():
            assert await session.scalar(text(query)) == 0, name


@pytest.fixture
def world(harness: Harness) -> World:
    people = [harness.emu.user(f"Fuzz{i}") for i in range(PEOPLE)]
    group = harness.emu.group("Fuzzers", members=tuple(people))
    channel = FakeChat(-1_009_999_999_999, "channel", title="News")
    harness.emu.world.add_chat(channel)
    return World(people, group, channel)


@settings(
    max_examples=max(1, UPDATES // BATCH),
    deadline=None,
    derandomize=SEED is None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large, HealthCheck.large_base_example],
)  # fmt: skip
@given(batch=st.lists(action, min_size=BATCH, max_size=BATCH))
async def test_any_update_is_handled_and_answered(
    harness: Harness, world: World, batch: list[tuple[str, int, Any]]
) -> None:
    if not world.ready:
        for someone in world.people[:2]:
            await onboard(harness, someone)
        world.ready = True
    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    try:
        marks = {p.id: len(harness.emu.messages(p)) for p in world.people}
        wrote = await play(harness, world, batch)
        await harness.settle(timeout=60)
    finally:
        logging.getLogger().removeHandler(errors)
    assert not errors.records, errors.records[:3]
    async with harness.services.sessions() as session:
        ready = set((await session.execute(text("SELECT id FROM users WHERE onboarded"))).scalars())
    for someone in world.people:
        if someone.id in wrote and someone.id in ready:
            assert len(harness.emu.messages(someone)) > marks[someone.id], someone.first_name
    await consistent(harness)


if SEED is not None:
    test_any_update_is_handled_and_answered = seed(int(SEED))(
        test_any_update_is_handled_and_answered
    )
