"""Three bot processes on one PostgreSQL share the daily fan-out: every prompt once, none twice."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import Counter
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.db import queries
from bot.db.models import PromptSent
from bot.db.session import make_engine, make_sessionmaker
from bot.devtools.emulator import Emulator
from tests.databases import ON_POSTGRES

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="several replicas need PostgreSQL (FOR UPDATE SKIP LOCKED): "
    "set TEST_DATABASE_URL=postgresql+asyncpg://...",
)

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 1000
REPLICAS = 3
FIRST_ID = 7_000_000
DUE = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 1, 9, 0, 40, tzinfo=UTC)  # the replicas' clock: the same minute
START_TIMEOUT = 30.0  # three cold interpreters importing PTB and SQLAlchemy on a small machine
RUN_TIMEOUT = 50.0


async def add_people(database_url: str) -> None:
    """1,000 onboarded people in UTC, all due at 09:00."""
    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            for n in range(PEOPLE):
                user = queries.new_user(FIRST_ID + n, FIRST_ID + n, f"P{n}", "en", "UTC", DUE)
                user.checkin_time = time(9, 0)
                user.onboarded = True
                user.next_prompt_at = DUE
                session.add(user)
    finally:
        await engine.dispose()


async def prompt_rows(database_url: str) -> Counter[str]:
    """The outbox log by status."""
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            result = await connection.execute(
                select(PromptSent.status, func.count()).group_by(PromptSent.status)
            )
            return Counter({status: n for status, n in result.tuples()})
    finally:
        await engine.dispose()


async def start_replica(
    emulator_url: str, database_url: str, now: datetime = NOW
) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.e2e.replica", emulator_url, database_url, now.isoformat(),
        cwd=ROOT, env=env, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def line_from(process: asyncio.subprocess.Process, timeout: float) -> str:
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), timeout)
    if not line:
        assert process.stderr is not None
        raise AssertionError((await process.stderr.read()).decode())
    return line.decode().strip()


async def test_three_replicas_send_each_of_1000_prompts_exactly_once(database_url: str) -> None:
    await add_people(database_url)
    async with Emulator() as emu:
        people = {FIRST_ID + n for n in range(PEOPLE)}
        for user_id in sorted(people):
            emu.user(f"P{user_id}", user_id=user_id, started=True)
        replicas = [await start_replica(emu.url, database_url) for _ in range(REPLICAS)]
        try:
            for replica in replicas:
                assert await line_from(replica, START_TIMEOUT) == "ready"
            for replica in replicas:  # go, all at once
                assert replica.stdin is not None
                replica.stdin.write(b"go\n")
                await replica.stdin.drain()
            reports = [json.loads(await line_from(r, RUN_TIMEOUT)) for r in replicas]
            for replica in replicas:
                assert await asyncio.wait_for(replica.wait(), 10) == 0
        finally:
            for replica in replicas:
                if replica.returncode is None:
                    replica.kill()
                    await replica.wait()
        sends = [c for c in emu.calls if c.method == "sendMessage"]
        per_chat = Counter(int(c.params["chat_id"]) for c in sends)
        assert not emu.internal_errors, emu.internal_errors
    assert all(c.ok for c in sends)
    assert set(per_chat) == people, f"{len(people - set(per_chat))} people got no prompt"
    assert max(per_chat.values()) == 1, [chat for chat, n in per_chat.items() if n > 1][:10]
    claimed = [report["claimed"] for report in reports]
    assert sum(claimed) == PEOPLE and all(claimed), claimed  # each replica took a share
    assert await prompt_rows(database_url) == Counter({"sent": PEOPLE})


async def test_kill_9_in_the_middle_of_a_fan_out_loses_no_prompt(database_url: str) -> None:
    """Two replicas die mid-batch; after the claim lease, a third sends what they had in hand."""
    from datetime import timedelta

    from bot.telegram.jobs.daily import BATCH, PROMPT_LEASE

    await add_people(database_url)
    async with Emulator() as emu:
        people = {FIRST_ID + n for n in range(PEOPLE)}
        for user_id in sorted(people):
            emu.user(f"P{user_id}", user_id=user_id, started=True)
        emu.latency = 0.1  # slow enough to catch them mid-way
        doomed = [await start_replica(emu.url, database_url) for _ in range(2)]
        try:
            for replica in doomed:
                assert await line_from(replica, START_TIMEOUT) == "ready"
            for replica in doomed:
                assert replica.stdin is not None
                replica.stdin.write(b"go\n")
                await replica.stdin.drain()
            await emu.wait_for(lambda e: e.sent_count >= PEOPLE // 4, timeout=RUN_TIMEOUT)
        finally:
            for replica in doomed:
                replica.kill()  # SIGKILL: no chance to record anything
                await replica.wait()
        before = emu.sent_count
        assert before < PEOPLE, "the fan-out finished before the kill; slow the emulator down"
        emu.latency = 0.0
        later = NOW + PROMPT_LEASE + timedelta(minutes=1)
        survivor = await start_replica(emu.url, database_url, later)
        try:
            assert await line_from(survivor, START_TIMEOUT) == "ready"
            assert survivor.stdin is not None
            survivor.stdin.write(b"go\n")
            await survivor.stdin.drain()
            await line_from(survivor, RUN_TIMEOUT)
            assert await asyncio.wait_for(survivor.wait(), 10) == 0
        finally:
            if survivor.returncode is None:
                survivor.kill()
                await survivor.wait()
        sends = [c for c in emu.calls if c.method == "sendMessage" and c.ok]
        per_chat = Counter(int(c.params["chat_id"]) for c in sends)
    assert set(per_chat) == people, f"{len(people - set(per_chat))} people got no prompt"
    twice = sum(1 for n in per_chat.values() if n > 1)
    assert max(per_chat.values()) <= 2
    assert twice <= 2 * 2 * BATCH  # at most what two processes had in flight
    assert await prompt_rows(database_url) == Counter({"sent": PEOPLE})
