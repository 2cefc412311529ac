"""`smallsteps play`: chat with the bot in a terminal through the built-in Bot API emulator."""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot import scheduling
from bot.app import ALLOWED_UPDATES, build_application
from bot.clock import ManualClock
from bot.config import load_settings
from bot.db import queries
from bot.db.migrate import upgrade
from bot.emulator import Emulator, HandledCounter, buttons, format_message
from bot.services import of

PLAY_USER_ID = 424242  # fixed, so a kept play database recognises you next time
PLAY_NAME = "Robin"  # who you are in play mode
DEFAULT_DB = Path("smallsteps-play.db")
SETTLE = 0.05  # after every update is handled, this much quiet means replies are complete

HELP = """Type as you would in Telegram. Buttons show as [n]: type n (or the label) to tap one.
  :next     jump the clock to your next daily check-in and let it arrive
  :day      jump one day ahead (no prompt unless one is due)
  :date D T set the bot's clock (UTC), e.g. :date 2026-11-16 07:00, for repeatable scripts
  :sticker  send a sticker        :photo  send a photo
  :say TEXT send TEXT even if it looks like a button number
  :time     show the bot's clock   :help  this text   :quit  leave"""


class Terminal:
    """Prints the conversation readably."""

    def __init__(self, out: Any = sys.stdout, *, echo: bool = True) -> None:
        self.out = out
        self.echo = echo

    def you(self, line: str) -> None:
        """Echo what the person typed (a script's lines; at the keyboard you see your own)."""
        if self.echo:
            print(f"\nyou › {line}", file=self.out)

    def bot(self, message: dict[str, Any]) -> None:
        """Print one bot message with its numbered buttons, indented under a label."""
        lines = format_message(message).splitlines() or [""]
        print(f"bot › {lines[0]}", file=self.out)
        for line in lines[1:]:
            print(f"      {line}", file=self.out)

    def note(self, text: str) -> None:
        """A line from play mode itself, not from the bot."""
        print(f"  ({text})", file=self.out)


class Play:
    """One play session: emulator, bot and a person called You."""

    def __init__(self, emulator: Emulator, clock: ManualClock, terminal: Terminal) -> None:
        self.emu = emulator
        self.clock = clock
        self.term = terminal
        self.me = emulator.user(PLAY_NAME, user_id=PLAY_USER_ID)
        self.application: Any = None

    async def show_replies(self) -> None:
        """Print everything the bot said since the last input."""
        if self.counter is not None:
            await self.counter.caught_up(self.emu, timeout=60)
        for message in await self.emu.replies(self.me, settle=SETTLE):
            self.term.bot(message)
            self.save_file(message)
        for answer in self._new_popups():
            self.term.note(f"popup: {answer}")

    def save_file(self, message: dict[str, Any]) -> None:
        """Charts and exports are saved beside you, so you can open them."""
        if self.files_dir is None or not ({"photo", "document"} & set(message)):
            return
        stored = self.emu.file(message)
        self.files_dir.mkdir(parents=True, exist_ok=True)
        name = stored.file_name if "document" in message else f"chart-{message['message_id']}.png"
        target = self.files_dir / name
        target.write_bytes(stored.data)
        self.term.note(f"saved to {target}")

    files_dir: Path | None = None
    counter: HandledCounter | None = None

    def _new_popups(self) -> list[str]:
        """Callback-query answers with text that arrived since last asked."""
        answers = self.emu.callback_answers[self._popups_seen :]
        self._popups_seen = len(self.emu.callback_answers)
        return [a.text for a in answers if a.text]

    _popups_seen = 0

    def _last_with_buttons(self) -> dict[str, Any] | None:
        """The newest bot message in the private chat that has inline buttons."""
        for message in reversed(self.emu.messages(self.me)):
            if buttons(message):
                return message
        return None

    async def handle(self, line: str) -> bool:
        """Act on one input line; False means quit."""
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            return True
        self.term.you(line)
        command, _, rest = line.strip().partition(" ")
        if command == ":quit":
            return False
        if command == ":help":
            print(HELP, file=self.term.out)
            return True
        if command == ":time":
            self.term.note(f"bot clock: {self.clock.now():%a %d %b %Y %H:%M} UTC")
            return True
        if command == ":next":
            await self.next_prompt()
            return True
        if command == ":date":
            try:
                when = datetime.fromisoformat(rest.strip()).replace(tzinfo=UTC)
            except ValueError:
                self.term.note("use :date YYYY-MM-DD HH:MM (UTC)")
                return True
            self.clock.set(when)
            self.term.note(f"clock set to {when:%a %d %b %Y, %H:%M} UTC")
            return True
        if command == ":day":
            self.clock.advance(timedelta(days=1))
            self.term.note(f"clock moved to {self.clock.now():%a %d %b %H:%M} UTC")
            await self.run_outbox()
            return True
        if command == ":sticker":
            await self.emu.send_sticker(self.me)
        elif command == ":photo":
            await self.emu.send_photo(self.me)
        elif command == ":say":
            await self.emu.send_text(self.me, rest)
        else:
            await self.tap_or_say(line.strip())
        await self.show_replies()
        return True

    async def tap_or_say(self, text: str) -> None:
        """A button's label or number taps it; anything else is sent as a message."""
        message = self._last_with_buttons()
        if message is not None:
            choices = buttons(message)
            for label, data in choices:
                if data and _plain(label) == _plain(text):
                    await self.emu.tap(self.me, message, data)
                    return
            numeric = all(label.strip().isdigit() for label, _ in choices[:11])
            if text.isdigit() and not numeric and 1 <= int(text) <= len(choices):
                label, data = choices[int(text) - 1]
                if data:
                    await self.emu.tap(self.me, message, data)
                    return
        await self.emu.send_text(self.me, text)

    async def run_outbox(self) -> None:
        """Let the outbox send whatever is due at the bot's clock."""
        services = of(self.application)
        await scheduling.run_outboxes(services, self.application.bot)
        await self.show_replies()

    async def next_prompt(self) -> None:
        """Move the clock to the next daily prompt (or weekly summary) and let it arrive."""
        services = of(self.application)
        async with services.sessions() as session:
            user = await queries.get_user(session, PLAY_USER_ID)
        if user is None or not user.onboarded or user.next_prompt_at is None:
            self.term.note(
                "finish setting up first (/start), then :next brings your daily check-in"
            )
            return
        if user.paused:
            self.term.note("your daily check-in is paused: /resume turns it on")
            return
        # The weekly summary may come first (Sunday evening): stop there too, or it is missed.
        due = [user.next_prompt_at]
        if user.next_weekly_at is not None:
            due.append(user.next_weekly_at)
        target: datetime = max(min(due), self.clock.now()) + timedelta(seconds=1)
        self.clock.set(target)
        local = target.astimezone(ZoneInfo(user.timezone))
        self.term.note(f"clock moved to {local:%a %d %b, %H:%M} in {user.timezone}")
        await self.run_outbox()


def _plain(label: str) -> str:
    """A label without its emoji and ticks, lower-case: '✅ Done' and 'done' match."""
    return " ".join(re.sub(r"[^\w\s/:+-]", " ", label.lower()).split())


async def _converse(session: Play, lines: list[str] | None, out: Any) -> None:
    """Replay a script's lines, or read the keyboard until :quit or end of input."""
    if lines is not None:
        for line in lines:
            if not await session.handle(line):
                return
        return
    print(f"Small Steps play mode: you are {PLAY_NAME}. Type /start to begin, "
          ":help for play commands.", file=out)  # fmt: skip
    while True:
        try:
            line = await asyncio.to_thread(input, "\n› ")
        except EOFError:
            return
        if not await session.handle(line):
            return


def _clock_file(database: Path) -> Path:
    """Where a kept play database remembers how far its clock was moved."""
    return database.with_suffix(database.suffix + ".clock")


async def play_main(
    script: Path | None = None,
    database: Path | None = None,
    reset: bool = False,
    out: Any = sys.stdout,
    files_dir: Path | None = None,
) -> None:
    """Run a play session, interactive or from a script; files the bot sends go to files_dir."""
    temporary = None
    if database is None and script is not None:
        temporary = tempfile.TemporaryDirectory()
        database = Path(temporary.name) / "play.db"
    database = (database or DEFAULT_DB).resolve()
    if reset:
        database.unlink(missing_ok=True)
        _clock_file(database).unlink(missing_ok=True)
    clock = ManualClock()
    saved_clock = _clock_file(database)
    if saved_clock.exists():
        saved = datetime.fromisoformat(saved_clock.read_text().strip())
        if saved > clock.now():
            clock.set(saved)
    terminal = Terminal(out, echo=script is not None)
    emulator = Emulator(clock=clock.now)
    await emulator.start()
    try:
        settings = load_settings(
            require_token=False, TELEGRAM_BOT_TOKEN="play:token",
            TELEGRAM_API_URL=emulator.url, DATABASE_URL=f"sqlite+aiosqlite:///{database}",
        )  # fmt: skip
        await asyncio.to_thread(upgrade, settings.database_url)
        session = Play(emulator, clock, terminal)
        session.files_dir = files_dir
        application = build_application(settings, clock=clock, tick_seconds=None, rate_limit=False)
        session.application = application
        session.counter = HandledCounter(application, emulator)
        lines = script.read_text(encoding="utf-8").splitlines() if script is not None else None
        async with application:
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(poll_interval=0, timeout=1,
                                                    allowed_updates=ALLOWED_UPDATES)  # fmt: skip
            try:
                await emulator.idle()
                await _converse(session, lines, out)
            finally:
                await application.updater.stop()
                await application.stop()
        if temporary is None:
            saved_clock.write_text(clock.now().isoformat())
    finally:
        await emulator.stop()
        if temporary is not None:
            temporary.cleanup()
