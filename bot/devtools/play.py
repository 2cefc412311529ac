"""`smallsteps play`: chat with the bot in a terminal through the built-in Bot API emulator."""

from __future__ import annotations

import asyncio
import html
import json
import re
import socket
import sys
import tempfile
import zlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import aiohttp
from aiohttp import web

from bot.app import ALLOWED_UPDATES, build_application
from bot.clock import ManualClock
from bot.config import load_settings
from bot.db import challenges as challenge_db
from bot.db import inbox, queries
from bot.db.migrate import upgrade
from bot.db.session import make_engine, make_sessionmaker
from bot.devtools.emulator import (
    Emulator,
    FakeChat,
    FakeUser,
    HandledCounter,
    buttons,
    format_message,
)
from bot.domain.parsing import parse_time
from bot.domain.schedule import next_due
from bot.services import of
from bot.telegram.jobs import challenges as challenge_jobs
from bot.telegram.jobs import daily as scheduling
from bot.telegram.runtime import Runtime
from bot.web import initdata
from bot.web.server import Site

PLAY_USER_ID = 424242  # fixed, so a kept play database recognises you next time
PLAY_NAME = "Robin"  # who you are in play mode
DEFAULT_DB = Path("smallsteps-play.db")
SETTLE = 0.05  # after every update is handled, this much quiet means replies are complete
PACE = timedelta(seconds=5)  # bot time each typed line takes (group edits are spaced out)
GROUP_SERIALS = 7_000_000  # play groups get stable chat ids from their names

HELP = """Type as you would in Telegram. Buttons show as [n]: type n (or the label) to tap one.
  :next     jump the clock to your next daily check-in and let it arrive
  :day      jump one day ahead (no prompt unless one is due)
  :date D T set the bot's clock (UTC), e.g. :date 2026-11-16 07:00, for repeatable scripts
  :sticker  send a sticker        :photo  send a photo
  :say TEXT send TEXT even if it looks like a button number
  :time     show the bot's clock   :help  this text   :quit  leave
The share page and your own page (the Mini App) are served on this computer:
  :web      print their addresses (open them in a browser while you play)
  :get      open the newest /share link here and say what it shows
Several people, groups and buddy challenges:
  :as NAME     act as someone else (created the first time); :as Robin is you again
  :group NAME  talk in a group chat (the first time, you make it and add the bot)
  :private     back to your private chat with the bot
  :reply TEXT  in a group, reply to the bot's newest message (how a typed answer gets in)
  :open        follow the newest t.me link the bot offered you (opens the private chat)
  :at HH:MM    move the clock on to the next HH:MM (the group's time in a group)
               and let what is due happen; :next and :day run group challenges too"""


class Terminal:
    """Prints the conversation readably."""

    def __init__(self, out: Any = sys.stdout, *, echo: bool = True) -> None:
        self.out = out
        self.echo = echo

    def you(self, line: str) -> None:
        """Echo what the person typed (a script's lines; at the keyboard you see your own)."""
        if self.echo:
            print(f"\nyou › {line}", file=self.out)

    def bot(self, message: dict[str, Any], where: str = "") -> None:
        """Print one bot message with its numbered buttons; `where` names another chat."""
        lines = format_message(message).splitlines() or [""]
        label = f"bot [{where}] › " if where else "bot › "
        print(f"{label}{lines[0]}", file=self.out)
        for line in lines[1:]:
            print(f"{' ' * len(label)}{line}", file=self.out)

    def note(self, text: str) -> None:
        """A line from play mode itself, not from the bot."""
        print(f"  ({text})", file=self.out)


class Play:
    """One play session: emulator, bot, and the people and groups you act as."""

    def __init__(self, emulator: Emulator, clock: ManualClock, terminal: Terminal) -> None:
        self.emu = emulator
        self.clock = clock
        self.term = terminal
        self.me = emulator.user(PLAY_NAME, user_id=PLAY_USER_ID)
        self.people: dict[str, FakeUser] = {PLAY_NAME.lower(): self.me}
        self.groups: dict[str, FakeChat] = {}
        self.chat: FakeChat | None = None  # the group you are talking in; None: private chat
        self.links: dict[int, str] = {}  # the newest t.me link the bot offered each person
        self.application: Any = None
        self._outputs: list[dict[str, Any]] = []
        emulator.subscribe(self._outputs.append)

    @property
    def here(self) -> FakeUser | FakeChat:
        """The chat you are talking in now."""
        return self.chat if self.chat is not None else self.me

    async def show_replies(self) -> None:
        """Print everything the bot said since the last input, in every chat, in order."""
        if self.counter is not None:
            await self.counter.caught_up(self.emu, timeout=60)
        await self.emu.idle(settle=SETTLE)
        outputs = list(self._outputs)
        del self._outputs[: len(outputs)]
        for message in outputs:
            self.term.bot(message, self._where(message))
            self.save_file(message)
            self._note_share_link(message)
        for text, url in self._new_popups():
            if text:
                self.term.note(f"popup: {text}")
            if url:
                self.links[self.me.id] = url
                self.term.note(f"the bot offers {url} (:open follows it)")

    def _where(self, message: dict[str, Any]) -> str:
        """'' for the chat you are in; a group's title or 'to NAME' for the others."""
        chat = message.get("chat") or {}
        if chat.get("id") == self.here.id:
            return ""
        if chat.get("type") == "private":
            return f"to {chat.get('first_name', '')}"
        return str(chat.get("title", chat.get("id")))

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
    web_root: str | None = None  # where the share page and the Mini App are served
    share_link: str | None = None  # the newest /share link the bot gave

    def _note_share_link(self, message: dict[str, Any]) -> None:
        """Remember the newest share link, and say how to open it."""
        if self.web_root is None:
            return
        found = re.search(re.escape(self.web_root) + r"/s/[\w-]+", str(message.get("text", "")))
        if found:
            self.share_link = found.group(0)
            self.term.note("open that link in a browser, or :get to open it here")

    def web_addresses(self) -> None:
        """Print the share page's root and a fresh address of your own page (the Mini App)."""
        if self.web_root is None:
            self.term.note("the web pages are not running")
            return
        services = of(self.application)
        fields = {
            "user": json.dumps({"id": self.me.id, "first_name": self.me.first_name}),
            "auth_date": str(int(self.clock.now().timestamp())),
        }
        signed = initdata.sign(fields, services.settings.telegram_bot_token)
        self.term.note(f"share pages: {self.web_root}/s/... (/share gives you a link)")
        self.term.note(
            f"your own page, as the My progress button opens it in Telegram (works for a day "
            f"of the bot's time): {self.web_root}/app#tgWebAppData={quote(signed)}"
        )

    async def fetch_share(self) -> None:
        """:get: open the newest share link over HTTP, as a browser would, and say what came."""
        if self.share_link is None:
            self.term.note("no share link yet: /share makes one")
            return
        async with aiohttp.ClientSession() as client, client.get(self.share_link) as response:
            body = await response.text()
        title = re.search(r"<title>(.*?)</title>", body)
        shown = html.unescape(title.group(1)) if title else ""
        self.term.note(f"opened {self.share_link}: {response.status} {shown}")

    def _new_popups(self) -> list[tuple[str | None, str | None]]:
        """Callback-query answers (text, url) that arrived since last asked."""
        answers = self.emu.callback_answers[self._popups_seen :]
        self._popups_seen = len(self.emu.callback_answers)
        return [(a.text, a.url) for a in answers if a.text or a.url]

    _popups_seen = 0

    def _last_with_buttons(self) -> dict[str, Any] | None:
        """The newest bot message with inline buttons in the chat you are talking in."""
        for message in reversed(self.emu.messages(self.here)):
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
        if command == ":web":
            self.web_addresses()
            return True
        if command == ":get":
            await self.fetch_share()
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
        if command in PLACES:
            await PLACES[command](self, rest.strip())
            return True
        # People don't type in bursts: each line takes a few seconds of the bot's time.
        self.clock.advance(PACE)
        if command == ":sticker":
            await self.emu.send_sticker(self.me, chat=self.chat)
        elif command == ":photo":
            await self.emu.send_photo(self.me, chat=self.chat)
        elif command == ":say":
            await self.emu.send_text(self.me, rest, chat=self.chat)
        elif command == ":reply":
            target = self.emu.last(self.here)
            await self.emu.send_text(self.me, rest, chat=self.chat, reply_to=target)
        else:
            await self.tap_or_say(line.strip())
        await self.show_replies()
        return True

    async def tap_or_say(self, text: str) -> None:
        """A button's label or number taps it (or opens its link); anything else is sent."""
        message = self._last_with_buttons()
        if message is not None:
            choices = _choices(message)
            for label, data, url in choices:
                if (data or url) and _plain(label) == _plain(text):
                    await self._press(message, data, url)
                    return
            numeric = all(label.strip().isdigit() for label, _, _ in choices[:11])
            if text.isdigit() and not numeric and 1 <= int(text) <= len(choices):
                _, data, url = choices[int(text) - 1]
                if data or url:
                    await self._press(message, data, url)
                    return
        await self.emu.send_text(self.me, text, chat=self.chat)

    async def _press(self, message: dict[str, Any], data: str, url: str) -> None:
        """Tap a callback button, or follow a link button."""
        if data:
            await self.emu.tap(self.me, message, data)
            return
        self.links[self.me.id] = url
        await self.open_link()

    async def act_as(self, name: str) -> None:
        """:as NAME: act as another person from now on (created the first time)."""
        if not name:
            self.term.note(f"you are {self.me.first_name}; :as NAME acts as someone else")
            return
        person = self.people.get(name.lower())
        if person is None:
            person = self.emu.user(name, user_id=_stable_id(name, PLAY_USER_ID + 1))
            self.people[name.lower()] = person
        self.me = person
        where = self.chat.title if self.chat is not None else "your private chat with the bot"
        self.term.note(f"you are {person.first_name} now, in {where}")

    async def enter_group(self, title: str) -> None:
        """:group NAME: talk in a group chat; the first time, you make it and add the bot."""
        if not title:
            self.term.note("use :group NAME, e.g. :group Family")
            return
        group = self.groups.get(title.lower())
        if group is not None:
            self.chat = group
            self.term.note(f"{self.me.first_name}, now talking in {group.title}")
            return
        group = self.emu.group(
            title, bot_member=False, owner=self.me, serial=_stable_id(title, GROUP_SERIALS)
        )
        self.groups[title.lower()] = group
        self.chat = group
        self.term.note(f"{self.me.first_name} made the group {title} and added the bot")
        await self.emu.add_to_group(self.me, group)
        await self.show_replies()

    async def leave_group(self, _: str) -> None:
        """:private: back to your private chat with the bot."""
        self.chat = None
        self.term.note(f"{self.me.first_name}, in your private chat with the bot")

    async def open_link(self, _: str = "") -> None:
        """:open: follow the newest t.me link the bot offered you: it opens the private chat."""
        url = self.links.pop(self.me.id, None)
        if url is None:
            self.term.note("no link to open yet")
            return
        self.chat = None
        start = url.partition("?start=")[2]
        self.term.note(f"{self.me.first_name} opens {url}: the private chat starts")
        self.clock.advance(PACE)
        await self.emu.send_text(self.me, f"/start {start}" if start else "/start")
        await self.show_replies()

    async def move_to(self, text: str) -> None:
        """:at HH:MM: move the clock on to the next HH:MM here, and let what is due happen."""
        at = parse_time(text)
        if at is None:
            self.term.note("use :at HH:MM, e.g. :at 20:00")
            return
        zone = await self._zone()
        target = next_due(self.clock.now(), at, zone) + timedelta(seconds=1)
        self.clock.set(target)
        self.term.note(f"clock moved to {target.astimezone(zone):%a %d %b, %H:%M} in {zone.key}")
        await self.run_outbox()

    async def _zone(self) -> ZoneInfo:
        """The group's zone in a group, else yours (UTC until one is set)."""
        services = of(self.application)
        async with services.sessions() as session:
            if self.chat is not None:
                group = await challenge_db.group_by_chat(session, self.chat.id)
                name = group.timezone if group is not None else None
            else:
                user = await queries.get_user(session, self.me.id)
                name = user.timezone if user is not None else None
        return ZoneInfo(name or services.settings.default_timezone)

    async def run_outbox(self) -> None:
        """Let the outboxes (prompts, summaries, group challenges) send what is due now."""
        services = of(self.application)
        await scheduling.run_outboxes(services, self.application.bot)
        await challenge_jobs.run_due(services, self.application.bot)
        await self.show_replies()

    async def next_prompt(self) -> None:
        """Move the clock to the next daily prompt (or weekly summary) and let it arrive."""
        services = of(self.application)
        async with services.sessions() as session:
            user = await queries.get_user(session, self.me.id)
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


PLACES: dict[str, Callable[[Play, str], Awaitable[None]]] = {
    ":as": Play.act_as,
    ":group": Play.enter_group,
    ":private": Play.leave_group,
    ":open": Play.open_link,
    ":at": Play.move_to,
}


def _stable_id(name: str, base: int) -> int:
    """The same number for the same name every run, so a kept database knows them again."""
    return base + zlib.crc32(name.strip().lower().encode()) % 1_000_000


def _choices(message: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Inline buttons as (label, callback data, url), row by row."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [
        (str(b.get("text", "")), str(b.get("callback_data", "")), str(b.get("url", "")))
        for row in rows
        for b in row
    ]


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
    session.web_addresses()
    while True:
        try:
            line = await asyncio.to_thread(input, "\n› ")
        except EOFError:
            return
        if not await session.handle(line):
            return


async def _last_update_id(database_url: str) -> int:
    """The newest update id stored by an earlier play session (0 for a new database)."""
    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            return await inbox.last_update_id(session) or 0
    finally:
        await engine.dispose()


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
        # The web pages on a free local port (held open, so nothing else takes it).
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        web_root = f"http://127.0.0.1:{listener.getsockname()[1]}"
        settings = load_settings(
            require_token=False, TELEGRAM_BOT_TOKEN="play:token",
            TELEGRAM_API_URL=emulator.url, DATABASE_URL=f"sqlite+aiosqlite:///{database}",
            PUBLIC_URL=web_root,
        )  # fmt: skip
        await asyncio.to_thread(upgrade, settings.database_url)
        # A kept database remembers update ids from earlier runs; a fresh emulator must not
        # reuse them, or the inbox would take new messages for ones already handled.
        emulator.continue_update_ids(await _last_update_id(settings.database_url))
        session = Play(emulator, clock, terminal)
        session.files_dir = files_dir
        application = build_application(settings, clock=clock, tick_seconds=None, rate_limit=False)
        session.application = application
        session.counter = HandledCounter(application, emulator)
        lines = script.read_text(encoding="utf-8").splitlines() if script is not None else None
        runtime = Runtime(application, allowed_updates=ALLOWED_UPDATES)
        await runtime.start(polling=True)
        site = web.AppRunner(Site(of(application)).application(), access_log=None)
        await site.setup()
        await web.SockSite(site, listener).start()
        session.web_root = web_root
        try:
            await emulator.idle()
            await _converse(session, lines, out)
        finally:
            await site.cleanup()
            listener.close()
            await runtime.stop()
        if temporary is None:
            saved_clock.write_text(clock.now().isoformat())
    finally:
        await emulator.stop()
        if temporary is not None:
            temporary.cleanup()
