"""The three benchmarks: each starts its processes, measures, and returns one JSON object.

Processes: the emulator with the simulated people (tools.bench.emulator_server) and the
measured side (tools.bench.worker: the real bot or the echo bot), each in its own process,
so that on this two-core machine the bot has a core of its own, as it would with Telegram far away,
and so that each side's peak RSS is its own. This process only prepares databases and waits.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import time as wall_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, insert, update

from bot.db.migrate import upgrade
from bot.db.models import PromptSent, User
from bot.db.queries import new_user
from bot.db.session import make_engine
from bot.domain.schedule import next_due, next_weekly
from bot.telegram.limiter import OVERALL_PER_SECOND

from .common import DUE, JSON, START, STEPS, Child

BENCHMARKS = ("checkin", "fanout", "memory", "first_contact", "fairness")
# The baseline: a bare PTB echo bot run as a script, importing nothing of this project.
BARE_ECHO = Path(__file__).resolve().with_name("bare_echo.py")

# Id ranges of the simulated people (their private chat ids are the same numbers).
ECHO_PEOPLE = 1_000_000
BOT_PEOPLE = 2_000_000
DUE_PEOPLE = 10_000_000
TALKING_PEOPLE = 3_000_000
UNLIMITED_PEOPLE = 4_000_000
NEW_ECHO_PEOPLE = 5_000_000
NEW_PEOPLE = 6_000_000
FAIR_PEOPLE = 7_000_000

# Targets from the issue.
CHECKIN_RATIO = 0.5
FIRST_CONTACT_RATIO = 0.5  # issue: first contact at least half the echo bot's rate
FAIR_P95_MS = 1500.0  # replies to others while one person floods or one chat hangs
FANOUT_PER_SECOND = 1000.0
TELEGRAM_PER_SECOND = 30.0
LIMITED_SHARE = 0.95
REPLY_P95_MS = 2000.0
RSS_HEADROOM_MB = 100.0


@dataclass(frozen=True)
class Sizes:
    """How big each benchmark is."""

    checkin_people: int = 100
    due_people: int = 100_000
    memory_people: int = 100_000
    talking_people: int = 20
    think: tuple[float, float] = (0.5, 1.5)  # seconds a person takes to read and tap
    warmup: float = 3.0  # limited fan-out: seconds before the measuring window opens
    window: float = 25.0  # limited fan-out: seconds measured
    first_contact_people: int = 400
    fair_people: int = 10
    flood_messages: int = 300

    @classmethod
    def of(cls, quick: bool, people: int | None) -> Sizes:
        """Full or smoke-test sizes; --people overrides the people of every benchmark."""
        sizes = (
            cls(checkin_people=10, due_people=500, memory_people=1000, talking_people=3,
                think=(0.02, 0.05), warmup=0.3, window=1.5, first_contact_people=20,
                fair_people=3, flood_messages=30)
            if quick else cls()
        )  # fmt: skip
        if people is not None:
            sizes = cls(people, people, people, sizes.talking_people, sizes.think,
                        sizes.warmup, sizes.window, people, sizes.fair_people,
                        sizes.flood_messages)  # fmt: skip
        return sizes


def log(message: str) -> None:
    """Progress on stderr; stdout is for the JSON figures."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# databases -------------------------------------------------------------------------------------


class Databases:
    """A migrated SQLite template in a scratch folder, copied for each benchmark."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.template = folder / "template.db"

    async def fresh(self, name: str) -> str:
        """A new migrated database file; returns its async URL."""
        if not self.template.exists():
            await asyncio.to_thread(upgrade, _url(self.template))
        path = self.folder / f"{name}.db"
        shutil.copyfile(self.template, path)
        return _url(path)


def _url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


async def add_people(url: str, first: int, count: int, *, due: bool) -> None:
    """Onboarded people, written straight to the database; `due` ones are due at DUE."""
    zone = ZoneInfo("UTC")
    template = new_user(0, 0, "P", "en", "UTC", START)
    template.onboarded = True
    template.activities = ["walking"]
    template.checkin_time = wall_time(9, 0)
    template.next_prompt_at = DUE if due else next_due(START, template.checkin_time, zone)
    template.next_weekly_at = next_weekly(
        START, template.weekly_weekday, template.weekly_time, zone
    )
    base = {column.key: getattr(template, column.key) for column in User.__table__.columns}
    engine = make_engine(url)
    try:
        for start in range(first, first + count, 10_000):
            rows = [
                {**base, "id": i, "chat_id": i, "first_name": f"P{i}"}
                for i in range(start, min(start + 10_000, first + count))
            ]
            async with engine.begin() as connection:
                await connection.execute(insert(User), rows)
    finally:
        await engine.dispose()


async def make_due_again(url: str, first: int, count: int) -> None:
    """Undo a fan-out: everyone due at DUE again, no prompt recorded."""
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(delete(PromptSent))
            await connection.execute(
                update(User)
                .where(User.id >= first, User.id < first + count)
                .values(next_prompt_at=DUE, dialog=None)
            )
    finally:
        await engine.dispose()


# processes -------------------------------------------------------------------------------------


@asynccontextmanager
async def emulator() -> AsyncIterator[tuple[Child, str]]:
    """The emulator process and its URL."""
    child, hello = await Child.start("tools.bench.emulator_server")
    try:
        yield child, str(hello["url"])
        await child.quit()
    finally:
        await child.kill()


@asynccontextmanager
async def worker(
    role: str, api: str, database: str = "", rate_limit: bool = True, rate: float = 30.0
) -> AsyncIterator[Child]:
    """The real bot or the echo bot, polling the emulator, until the block ends."""
    config = {"role": role, "api": api, "database": database, "rate_limit": rate_limit,
              "rate": rate}  # fmt: skip
    # The baseline runs as a bare script that imports nothing of this project.
    module = str(BARE_ECHO) if role == "echo" else "tools.bench.worker"
    child, _ = await Child.start(module, json.dumps(config))
    try:
        yield child
    finally:
        await child.kill()


async def cpu_seconds(child: Child) -> float:
    """The child's CPU time so far (all its threads), in seconds."""
    return float((await child.call("rss"))["cpu_s"])


async def cpu_ms_each(child: Child, began: float, count: int) -> float:
    """The child's CPU time since `began`, in milliseconds per item."""
    spent = await cpu_seconds(child) - began
    return round(spent * 1000 / count, 3) if count else 0.0


def cpu_ratio(echo_ms: float, bot_ms: float) -> float:
    """The echo bot's CPU per item over the bot's: how the bot would compare if CPU alone
    decided (1.0: as cheap as the echo bot)."""
    return round(echo_ms / bot_ms, 3) if bot_ms else 0.0


# benchmarks ------------------------------------------------------------------------------------


async def bench_checkin(dbs: Databases, sizes: Sizes) -> JSON:
    """Full check-in dialogues from many people at once: the real bot versus the echo bot."""
    people = sizes.checkin_people
    url = await dbs.fresh("checkin")
    await add_people(url, BOT_PEOPLE, people, due=False)
    await add_people(url, UNLIMITED_PEOPLE, people, due=False)
    async with emulator() as (emu, api):
        for first in (ECHO_PEOPLE, BOT_PEOPLE, UNLIMITED_PEOPLE):
            await emu.call("people", first=first, count=people)
        log(f"checkin: echo bot, {people} people x {len(STEPS)} steps")
        async with worker("echo", api) as echo:
            began = await cpu_seconds(echo)
            base = await emu.call("dialogues", first=ECHO_PEOPLE, count=people, mode="echo")
            base["cpu_ms_per_step"] = await cpu_ms_each(echo, began, base["steps"])
            base["rss_mb"] = (await echo.quit())["rss_mb"]
        log(f"checkin: real bot, {people} people x {len(STEPS)} steps")
        async with worker("bot", api, url, rate_limit=True) as bot:
            began = await cpu_seconds(bot)
            real = await emu.call("dialogues", first=BOT_PEOPLE, count=people, mode="bot")
            real["cpu_ms_per_step"] = await cpu_ms_each(bot, began, real["steps"])
            real["rss_mb"] = (await bot.quit())["rss_mb"]
        # Not a target: the same bot without the limiter shows its own cost per step.
        log("checkin: real bot without the rate limiter (for comparison)")
        async with worker("bot", api, url, rate_limit=False) as bot:
            free = await emu.call("dialogues", first=UNLIMITED_PEOPLE, count=people, mode="bot")
            free["rss_mb"] = (await bot.quit())["rss_mb"]
        calls = await emu.call("counts")
    echo_rate = base["steps_per_second"]
    ratio = real["steps_per_second"] / echo_rate if echo_rate else 0.0
    return {
        "benchmark": "checkin",
        "people": people,
        "steps_per_dialogue": len(STEPS),
        "bot": real,
        "echo": base,
        "throughput_ratio": round(ratio, 3),
        # CPU per step of each process, echo over bot: steady on a busy machine, where the
        # wall-clock ratio moves with whatever else runs.
        "cpu_ratio": cpu_ratio(base["cpu_ms_per_step"], real["cpu_ms_per_step"]),
        "bot_without_limiter": free,
        "throughput_ratio_without_limiter": round(
            free["steps_per_second"] / echo_rate if echo_rate else 0.0, 3
        ),
        "limiter_budget_per_second": round(OVERALL_PER_SECOND, 1),
        "targets": {"throughput_ratio_min": CHECKIN_RATIO},
        "pass": {"throughput_ratio": ratio >= CHECKIN_RATIO},
        "throttled_by_emulator": calls["throttled"],
    }


async def bench_fanout(dbs: Databases, sizes: Sizes) -> JSON:
    """100,000 people due at once: without the limiter, then with Telegram's limits."""
    due, talking = sizes.due_people, sizes.talking_people
    url = await dbs.fresh("fanout")
    await add_people(url, DUE_PEOPLE, due, due=True)
    await add_people(url, TALKING_PEOPLE, talking, due=False)
    async with emulator() as (emu, api):
        await emu.call("people", first=DUE_PEOPLE, count=due)
        await emu.call("people", first=TALKING_PEOPLE, count=talking)
        log(f"fanout: {due} people due, limiter off")
        async with worker("bot", api, url, rate_limit=False) as bot:
            await emu.call("watch_prompts", first=DUE_PEOPLE, count=due)
            unlimited = await bot.call("fanout")
            delivered = await emu.call("wait_prompts", count=due, quiet=5.0)
            await bot.quit()
        per_second = unlimited["claimed"] / unlimited["seconds"] if unlimited["seconds"] else 0.0
        await make_due_again(url, DUE_PEOPLE, due)
        log(f"fanout: limiter on, {sizes.warmup + sizes.window:.0f} s, then {talking} people talk")
        await emu.call("limits", enabled=True)
        async with worker("bot", api, url, rate_limit=True) as bot:
            await emu.call("watch_prompts", first=DUE_PEOPLE, count=due)
            await bot.call("fanout_start")
            await asyncio.sleep(sizes.warmup)
            opened = await emu.call("prompts")
            await asyncio.sleep(sizes.window)
            closed = await emu.call("prompts", since=opened["now"])
            talk = await emu.call(
                "dialogues", first=TALKING_PEOPLE, count=talking, mode="bot",
                think=list(sizes.think), timeout=60.0,
            )  # fmt: skip
            during = await emu.call("prompts", since=closed["now"])
            await bot.call("fanout_stop")
            await bot.quit()
        calls = await emu.call("counts")
    window = closed["now"] - opened["now"]
    limited = closed["delivered_since"] / window if window > 0 else 0.0
    talk_seconds = during["now"] - closed["now"]
    during_rate = during["delivered_since"] / talk_seconds if talk_seconds > 0 else 0.0
    p95 = talk["latency"]["p95_ms"] or 0.0
    return {
        "benchmark": "fanout",
        "due": due,
        "unlimited": {
            "prompts": unlimited["claimed"],
            "seconds": unlimited["seconds"],
            "prompts_per_second": round(per_second, 1),
            "delivered": delivered["delivered"],
            "people_prompted": delivered["people_prompted"],
            "most_prompts_to_one_person": delivered["most_to_one_person"],
            "claimed_on_a_second_pass": unlimited["claimed_again"],
            "sample": "all" if unlimited["claimed"] >= due else "partial",
        },
        "limited": {
            "window_seconds": round(window, 2),
            "prompts_in_window": closed["delivered_since"],
            "prompts_per_second": round(limited, 2),
            "versus_telegram_limit": round(limited / TELEGRAM_PER_SECOND, 3),
            "throttled_by_emulator": calls["throttled"],
        },
        "talking_during_fanout": {
            "people": talking,
            "think_seconds": list(sizes.think),
            "steps": talk["steps"],
            "failed": talk["failed"],
            "latency": talk["latency"],
            "prompts_per_second_meanwhile": round(during_rate, 2),
        },
        "targets": {
            "unlimited_prompts_per_second_min": FANOUT_PER_SECOND,
            "limited_prompts_per_second_min": LIMITED_SHARE * TELEGRAM_PER_SECOND,
            "reply_p95_ms_max": REPLY_P95_MS,
        },
        "pass": {
            "unlimited_prompts_per_second": per_second >= FANOUT_PER_SECOND,
            "limited_prompts_per_second": limited >= LIMITED_SHARE * TELEGRAM_PER_SECOND,
            "reply_p95_ms": talk["failed"] == 0 and p95 <= REPLY_P95_MS,
        },
    }


async def bench_memory(dbs: Databases, sizes: Sizes) -> JSON:
    """Peak RSS of the bot fanning out to everyone versus the echo bot, each in its process."""
    people, talking = sizes.memory_people, sizes.talking_people
    url = await dbs.fresh("memory")
    await add_people(url, DUE_PEOPLE, people, due=True)
    await add_people(url, BOT_PEOPLE, talking, due=False)
    async with emulator() as (emu, api):
        await emu.call("people", first=DUE_PEOPLE, count=people)
        await emu.call("people", first=BOT_PEOPLE, count=talking)
        await emu.call("people", first=ECHO_PEOPLE, count=talking)
        log(f"memory: echo bot, {talking} dialogues")
        async with worker("echo", api) as echo:
            started = await echo.call("rss")
            await emu.call("dialogues", first=ECHO_PEOPLE, count=talking, mode="echo")
            echo_rss = (await echo.quit())["rss_mb"]
        log(f"memory: real bot, {talking} dialogues and a fan-out to {people} people")
        async with worker("bot", api, url, rate_limit=False) as bot:
            ready = await bot.call("rss")
            await emu.call("dialogues", first=BOT_PEOPLE, count=talking, mode="bot")
            fanout = await bot.call("fanout")
            bot_rss = (await bot.quit())["rss_mb"]
    over = bot_rss - echo_rss
    return {
        "benchmark": "memory",
        "people": people,
        "bot": {"peak_rss_mb": bot_rss, "rss_at_start_mb": ready["rss_mb"],
                "prompts_claimed": fanout["claimed"]},
        "echo": {"peak_rss_mb": echo_rss, "rss_at_start_mb": started["rss_mb"]},
        "bot_minus_echo_mb": round(over, 1),
        "measured_as": "VmHWM, each process's own peak RSS (ru_maxrss would include the parent's)",
        "targets": {"bot_minus_echo_mb_max": RSS_HEADROOM_MB},
        "pass": {"bot_minus_echo_mb": over <= RSS_HEADROOM_MB},
    }  # fmt: skip


async def bench_first_contact(dbs: Databases, sizes: Sizes) -> JSON:
    """/start from many new people at once: the bot's welcome rate against the echo bot's.

    The bot runs with its rate limiter and an overall limit high enough not to bind
    (TELEGRAM_RATE_LIMIT=1000): replies are bounded per chat only, as with Telegram.
    """
    people = sizes.first_contact_people
    url = await dbs.fresh("first_contact")
    async with emulator() as (emu, api):
        await emu.call("people", first=NEW_ECHO_PEOPLE, count=people)
        await emu.call("people", first=NEW_PEOPLE, count=people)
        log(f"first contact: echo bot, {people} people")
        async with worker("echo", api) as echo:
            began = await cpu_seconds(echo)
            base = await emu.call(
                "one_message_each", first=NEW_ECHO_PEOPLE, count=people, mode="echo", text="hi"
            )
            base["cpu_ms_per_person"] = await cpu_ms_each(echo, began, people)
            await echo.quit()
        log(f"first contact: real bot, {people} people send /start")
        async with worker("bot", api, url, rate_limit=True, rate=1000.0) as bot:
            began = await cpu_seconds(bot)
            real = await emu.call(
                "one_message_each", first=NEW_PEOPLE, count=people, mode="bot", text="/start"
            )
            real["cpu_ms_per_person"] = await cpu_ms_each(bot, began, people)
            await bot.quit()
    ratio = real["per_second"] / base["per_second"] if base["per_second"] else 0.0
    return {
        "benchmark": "first_contact",
        "people": people,
        "bot": real,
        "echo": base,
        "ratio": round(ratio, 3),
        "cpu_ratio": cpu_ratio(base["cpu_ms_per_person"], real["cpu_ms_per_person"]),
        "targets": {"ratio_min": FIRST_CONTACT_RATIO},
        "pass": {"ratio": ratio >= FIRST_CONTACT_RATIO},
    }


async def bench_fairness(dbs: Databases, sizes: Sizes) -> JSON:
    """Replies to 10 people while one other person floods, or while one chat hangs 8 s.

    Telegram's limits on in the emulator (429s beyond them), the bot with its rate limiter.
    """
    quiet, floods = sizes.fair_people, sizes.flood_messages
    url = await dbs.fresh("fairness")
    await add_people(url, FAIR_PEOPLE, quiet + 2, due=False)
    results: JSON = {}
    async with emulator() as (emu, api):
        await emu.call("people", first=FAIR_PEOPLE, count=quiet + 2)
        await emu.call("limits", enabled=True)
        async with worker("bot", api, url, rate_limit=True) as bot:
            log(f"fairness: {quiet} people while one sends {floods} messages")
            await emu.call("flood", user=FAIR_PEOPLE + quiet, messages=floods)
            await asyncio.sleep(0.5)
            results["flood"] = await emu.call(
                "one_message_each", first=FAIR_PEOPLE, count=quiet, mode="echo", text="/help"
            )
            await asyncio.sleep(2.0)
            log(f"fairness: {quiet} people while one chat hangs 8 s")
            await emu.call("hang", user=FAIR_PEOPLE + quiet + 1, seconds=8.0)
            await asyncio.sleep(0.5)
            results["hang"] = await emu.call(
                "one_message_each", first=FAIR_PEOPLE, count=quiet, mode="echo", text="/help"
            )
            await bot.quit()
    p95 = {k: v["latency"]["p95_ms"] for k, v in results.items()}
    return {
        "benchmark": "fairness",
        "people": quiet,
        "flood_messages": floods,
        **results,
        "targets": {f"{k}_reply_p95_ms_max": FAIR_P95_MS for k in p95},
        "pass": {f"{k}_reply_p95_ms": v <= FAIR_P95_MS for k, v in p95.items()},
    }


RUNNERS = {"checkin": bench_checkin, "fanout": bench_fanout, "memory": bench_memory,
           "first_contact": bench_first_contact, "fairness": bench_fairness}  # fmt: skip


async def run(which: str = "all", *, people: int | None = None, quick: bool = False,
              emit: Any = None) -> list[JSON]:  # fmt: skip
    """Run the named benchmark (or all); each result is passed to `emit` as it is ready."""
    names = BENCHMARKS if which == "all" else (which,)
    sizes = Sizes.of(quick, people)
    results: list[JSON] = []
    folder = Path(tempfile.mkdtemp(prefix="smallsteps-bench-"))
    try:
        dbs = Databases(folder)
        for name in names:
            began = time.perf_counter()
            result = await RUNNERS[name](dbs, sizes)
            result["quick"] = quick
            result["run_seconds"] = round(time.perf_counter() - began, 1)
            results.append(result)
            if emit is not None:
                emit(result)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return results
