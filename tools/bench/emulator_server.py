"""The Bot API emulator and the simulated people in a process of their own.

`python -m tools.bench.emulator_server` prints `{"url": ...}`, then answers JSON-lines
commands on stdin (see `COMMANDS`). Keeping Telegram's side out of the bot's process leaves the bot
one core to itself, as it would have in production, and keeps the emulator's memory (it holds every
simulated person and message) out of the bot's peak RSS.
"""

from __future__ import annotations

import asyncio
import logging
import time

from bot.clock import ManualClock
from bot.devtools.emulator import Emulator

from .common import JSON, START, emit, serve_commands
from .driver import Driver


async def main() -> None:
    """Serve until told to quit."""
    logging.basicConfig(level=logging.WARNING)
    emu = Emulator(clock=ManualClock(START).now)
    # A huge fan-out keeps counters and a few recent messages per chat, not every call.
    emu.record_messages = False
    await emu.start()
    driver = Driver(emu)
    background: set[asyncio.Task[JSON]] = set()

    async def people(cmd: JSON) -> JSON:
        """Create people: {first, count}."""
        driver.add_people(int(cmd["first"]), int(cmd["count"]))
        return {"people": len(emu.world.users)}

    async def limits(cmd: JSON) -> JSON:
        """Telegram's flood limits (429 + retry_after) on or off: {enabled}."""
        emu.set_rate_limits(bool(cmd["enabled"]))
        return {"limits": bool(cmd["enabled"])}

    async def dialogues(cmd: JSON) -> JSON:
        """Check-in dialogues: {first, count, mode, think: [lo, hi], timeout}."""
        think = cmd.get("think") or (0.0, 0.0)
        return await driver.dialogues(
            int(cmd["first"]), int(cmd["count"]), str(cmd["mode"]),
            (float(think[0]), float(think[1])), float(cmd.get("timeout", 120.0)),
        )  # fmt: skip

    async def one_message_each(cmd: JSON) -> JSON:
        """Everyone in {first, count} sends {text} at once: {mode}."""
        return await driver.one_message_each(
            int(cmd["first"]), int(cmd["count"]), str(cmd["mode"]), str(cmd["text"])
        )

    async def flood(cmd: JSON) -> JSON:
        """{user} sends {messages} messages as fast as possible (in the background)."""
        task = asyncio.create_task(driver.flood(int(cmd["user"]), int(cmd["messages"])))
        background.add(task)
        task.add_done_callback(background.discard)
        return {"started": True}

    async def hang(cmd: JSON) -> JSON:
        """The bot's sends to {user} hang {seconds}; {user} then says something."""
        driver.hang(int(cmd["user"]), float(cmd["seconds"]))
        await emu.send_text(emu.world.users[int(cmd["user"])], "/help")
        return {"hanging": True}

    async def watch_prompts(cmd: JSON) -> JSON:
        """Count daily prompts to people {first, count} from now on."""
        driver.watch_prompts(int(cmd["first"]), int(cmd["count"]))
        return {"now": time.perf_counter()}

    async def prompts(cmd: JSON) -> JSON:
        """Prompt figures so far; `since` counts from an earlier `now`."""
        return {**driver.prompt_figures(float(cmd.get("since", 0.0))), "now": time.perf_counter()}

    async def wait_prompts(cmd: JSON) -> JSON:
        """Wait until {count} prompts arrived or nothing came for {quiet} seconds."""
        wanted, quiet = int(cmd["count"]), float(cmd.get("quiet", 10.0))
        seen, still = -1, time.perf_counter()
        while len(driver.prompt_times) < wanted:
            if len(driver.prompt_times) != seen:
                seen, still = len(driver.prompt_times), time.perf_counter()
            elif time.perf_counter() - still > quiet:
                break
            await asyncio.sleep(0.05)
        return {**driver.prompt_figures(), "now": time.perf_counter()}

    async def now(_: JSON) -> JSON:
        """This process's perf_counter, to open a measuring window."""
        return {"now": time.perf_counter()}

    async def counts(_: JSON) -> JSON:
        """API calls by method, 429s given, and emulator bugs."""
        return {
            "calls": dict(emu.call_counts),
            "throttled": driver.throttled,
            "internal_errors": [repr(e) for e in emu.internal_errors[:3]],
        }

    async def quit_(_: JSON) -> JSON:
        """Stop serving."""
        return {"quit": True}

    emit({"url": emu.url})
    await serve_commands(
        {
            "people": people, "limits": limits, "dialogues": dialogues,
            "one_message_each": one_message_each, "flood": flood, "hang": hang,
            "watch_prompts": watch_prompts, "prompts": prompts, "wait_prompts": wait_prompts,
            "now": now, "counts": counts, "quit": quit_,
        }
    )  # fmt: skip
    await emu.stop()


if __name__ == "__main__":
    asyncio.run(main())
