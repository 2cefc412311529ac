"""Nothing private happens in a group, in a basic group or in a supergroup.

Every private command typed in a group gets the pointer to the private chat and nothing else;
every private chat's button, copied into a group while it still works privately, gets the
stale-button popup and changes nothing; the light "are you OK?" goes to the person privately.
The tables cover every command the app registers and every private button family: a new one
fails here until it has a row.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from telegram.ext import CommandHandler

from bot.clock import ManualClock
from bot.db.models import User
from bot.devtools.emulator import Emulator, FakeChat, FakeUser, buttons
from bot.domain.safety import scan
from bot.views.callbacks import PRIVATE_PREFIXES
from bot.views.content import Content
from tests.harness import Harness, onboard, texts
from tests.web import web_harness

JSON = dict[str, Any]
START = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)  # Monday, 10:00 in Berlin
POINTER = "group.private_only"  # the content key of the pointer to the private chat
BOT = "SmallStepsBot"  # the emulator's bot username


# Commands -------------------------------------------------------------------------------------

# Every command as typed in a group, and what the group may see: the pointer (a content key) or
# a fragment of the group's own reply. A command the app registers must have a row here.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("/start", POINTER),
    ("/start sf", POINTER),  # the safety link's deep link
    ("/start jAbCdEf", POINTER),  # a challenge's join link
    ("/checkin", POINTER),
    ("/today", POINTER),
    ("/progress", POINTER),
    ("/export", POINTER),
    ("/settings", POINTER),
    ("/pause", POINTER),
    ("/resume", POINTER),
    ("/cancel", POINTER),
    ("/privacy", POINTER),
    ("/delete", POINTER),
    ("/share", POINTER),
    ("/share stop", POINTER),
    ("/nosuchcommand", POINTER),
    # The group's own commands.
    ("/help", "Buddy challenges"),
    ("/challenge", "New challenge"),
    ("/leave", "not in a challenge here"),
    ("/endchallenge", "No challenge is running"),
)


@pytest.fixture
async def harness(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> AsyncIterator[Harness]:
    """The bot with its pages served (PUBLIC_URL set), so that /share offers its buttons too."""
    async with web_harness(emulator, clock, database_url, content) as (running, _):
        yield running


def registered_commands(harness: Harness) -> set[str]:
    """Every command word a CommandHandler of the running app answers to."""
    return {
        command
        for group in harness.app.handlers.values()
        for handler in group
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }


def group_calls(harness: Harness, chat: FakeChat, since: int) -> list[str]:
    """Every Bot API call that touched the chat since call number `since` (sends, edits, files,
    chat actions, deletions), as method and text."""
    return [
        f"{c.method}: {c.params.get('text') or c.params.get('caption') or ''}"
        for c in harness.emu.calls[since:]
        if str(c.params.get("chat_id")) == str(chat.id)
    ]


async def setting_up(harness: Harness) -> tuple[FakeUser, FakeChat, FakeChat]:
    """A set-up person with a check-in and a plan, in a basic group and a supergroup."""
    harness.clock.set(START)
    ana = harness.emu.user("Ana")
    await onboard(harness, ana)
    await harness.say(ana, "/checkin")
    for label in ("6", "No", "4", "5", "6", "Some", "Skip"):
        await harness.tap(ana, label)
    assert "looks like" in texts(harness.emu.messages(ana)[-2:])
    basic = harness.emu.group("Family", members=(ana,))
    supergroup = harness.emu.group("Walkers", supergroup=True, members=(ana,))
    return ana, basic, supergroup


async def test_every_private_command_in_a_group_gets_only_the_pointer(
    harness: Harness, content: Content
) -> None:
    covered = {typed.split()[0].lstrip("/") for typed, _ in COMMANDS}
    missing = registered_commands(harness) - covered
    assert not missing, f"commands with no row in COMMANDS: {sorted(missing)}"
    ana, basic, supergroup = await setting_up(harness)
    pointer = content.render(POINTER)
    for group in (basic, supergroup):
        for typed, expected in COMMANDS:
            word, _, rest = typed.partition(" ")
            for form in (typed, f"{word}@{BOT} {rest}".strip()):
                harness.clock.advance(timedelta(seconds=5))
                private_before = len(harness.emu.outputs(ana))
                calls = len(harness.emu.calls)
                await harness.say(ana, form, chat=group)
                seen = group_calls(harness, group, calls)
                where = (group.type, form)
                if expected == POINTER:
                    assert seen == [f"sendMessage: {pointer}"], (where, seen)
                else:
                    assert seen and expected in seen[0], (where, seen)
                privately = texts(harness.emu.outputs(ana)[private_before:])
                assert privately == "", (where, privately)


# Buttons --------------------------------------------------------------------------------------


Setup = Callable[[Harness, FakeUser], Awaitable[None]]


async def nothing(h: Harness, person: FakeUser) -> None:
    """The person is set up, nothing more."""


def saying(*said: str) -> Setup:
    async def run(h: Harness, person: FakeUser) -> None:
        for words in said:
            await h.say(person, words)

    return run


def tapping(*labels: str, first: str = "/checkin") -> Setup:
    async def run(h: Harness, person: FakeUser) -> None:
        await h.say(person, first)
        for label in labels:
            await h.tap(person, label)

    return run


async def weekly_summary(h: Harness, person: FakeUser) -> None:
    """A check-in, then the clock on to the weekly summary (Sunday 19:00 in Berlin)."""
    await tapping("6", "No", "4", "5", "6", "Some", "Skip")(h, person)
    now = h.clock.now()
    sunday = now + timedelta(days=(6 - now.weekday()) % 7 or 7)
    h.clock.set(sunday.replace(hour=16, minute=50))
    for _ in range(12):
        h.clock.advance(timedelta(minutes=10))
        await h.tick()
        if any(data.startswith("rf:") for m in h.emu.messages(person) for _, data in buttons(m)):
            return


def check_tier_text() -> str:
    """A message that gets the light "are you OK?" (whichever the readers say it is today)."""
    candidates = ("ugh end me", "i'm so done", "i can't anymore", "passed out on the sofa",
                  "couldn't breathe for laughing", "collapsed on the sofa after work")  # fmt: skip
    for text in candidates:
        flag = scan(text)
        if flag is not None and flag.tier == "check":
            return text
    raise AssertionError("none of the candidates gets the light check any more: add one")


async def light_check(h: Harness, person: FakeUser) -> None:
    await h.say(person, check_tier_text())


@dataclass(frozen=True)
class Button:
    """A private button family: how a person comes to have a working one of it."""

    prefix: str
    setup: Setup
    onboarded: bool = True


# One row per private button family (bot.views.callbacks); each setup leaves a button of that
# family that still works in the private chat.
BUTTONS: tuple[Button, ...] = (
    Button("ob", saying("/start", "Europe/Berlin"), onboarded=False),
    Button("set", saying("/settings")),
    Button("wk", saying("/settings")),
    Button("ci", saying("/checkin")),
    Button("pl", tapping("8", "Yes")),
    Button("cue", tapping("6", "No", "4", "5", "6", "Some", "Skip", "Tie it")),
    Button("del", saying("/delete")),
    Button("sf", light_check),
    Button("in", saying("zxqv blorp")),
    Button("rf", weekly_summary),
    Button("sh", saying("/share")),
)


def newest_button(h: Harness, person: FakeUser, prefix: str) -> tuple[JSON, str]:
    """The newest private message with a button of that family, and that button's data."""
    for message in reversed(h.emu.messages(person)):
        for _, data in buttons(message):
            if data.split(":", 1)[0] == prefix:
                return message, data
    raise AssertionError(f"no {prefix}: button in {texts(h.emu.messages(person)[-3:])}")


async def test_every_private_button_tapped_in_a_group_changes_nothing(
    harness: Harness, content: Content
) -> None:
    h = harness
    assert {row.prefix for row in BUTTONS} == set(PRIVATE_PREFIXES), "a family has no row"
    stale = content.render("error.stale_button")
    h.clock.set(START)
    owner = h.emu.user("Olga")
    await onboard(h, owner)
    for number, row in enumerate(BUTTONS):
        h.clock.set(START + timedelta(days=7 * number))
        person = h.emu.user(f"P{row.prefix}")
        if row.onboarded:
            await onboard(h, person)
        await row.setup(h, person)
        message, data = newest_button(h, person, row.prefix)
        for supergroup in (False, True):
            group = h.emu.group(f"G{number}", supergroup=supergroup, members=(owner, person))
            await h.say(owner, "/challenge", chat=group)  # a bot message there to tap on
            target = h.emu.last(group)
            assert target is not None
            calls, private = len(h.emu.calls), len(h.emu.outputs(person))
            query = await h.emu.tap(person, target, data)
            await h.settle()
            answer = h.emu.answer_for(query)
            where = (group.type, data)
            assert answer is not None and answer.text == stale, (where, answer)
            assert group_calls(h, group, calls) == [], where
            assert h.emu.outputs(person)[private:] == [], where
        # The same button still works in the private chat: the row tested a live one.
        query = await h.emu.tap(person, message, data)
        await h.settle()
        answer = h.emu.answer_for(query)
        assert answer is not None and answer.text != stale, data


# The light check -------------------------------------------------------------------------------


async def test_the_light_check_in_a_group_goes_to_the_person_privately(
    harness: Harness, content: Content
) -> None:
    h = harness
    h.clock.set(START)
    ana = h.emu.user("Ana")
    await onboard(h, ana)
    check = content.render("safety.check")
    for supergroup in (False, True):
        group = h.emu.group("Family", supergroup=supergroup, members=(ana,))
        await h.say(ana, "/challenge", chat=group)
        setup = h.emu.last(group)
        assert setup is not None
        calls, private = len(h.emu.calls), len(h.emu.outputs(ana))
        h.clock.advance(timedelta(seconds=5))
        # Replying to the bot's message: the bot reads it (group privacy mode lets replies in).
        await h.emu.send_text(ana, check_tier_text(), chat=group, reply_to=setup)
        await h.settle()
        seen = group_calls(h, group, calls)
        assert not any(check.split(":")[0] in line for line in seen), (group.type, seen)
        assert not any("sf:" in str(c.params.get("reply_markup", "")) for c in h.emu.calls[calls:]
                       if str(c.params.get("chat_id")) == str(group.id)), group.type  # fmt: skip
        mine = texts(h.emu.outputs(ana)[private:])
        assert check in mine, (group.type, mine)


async def test_a_photo_caption_in_a_group_is_read_for_red_flags(
    harness: Harness, content: Content
) -> None:
    """A photo sent in reply to the bot, its caption a light-check message: the person gets the
    light check privately, the group sees nothing of it."""
    h = harness
    h.clock.set(START)
    ana = h.emu.user("Ana")
    await onboard(h, ana)
    check = content.render("safety.check")
    group = h.emu.group("Family", members=(ana,))
    await h.say(ana, "/challenge", chat=group)
    setup = h.emu.last(group)
    assert setup is not None
    calls, private = len(h.emu.calls), len(h.emu.outputs(ana))
    h.clock.advance(timedelta(seconds=5))
    await h.emu.send_photo(ana, chat=group, caption=check_tier_text(), reply_to=setup)
    await h.settle()
    assert check in texts(h.emu.outputs(ana)[private:])
    seen = group_calls(h, group, calls)
    assert not any(check.split(":")[0] in line for line in seen), seen


async def test_a_light_check_refused_as_blocked_marks_the_person_inactive(
    harness: Harness,
) -> None:
    """Ana blocked the bot without it hearing so; her light-check words in a group send the
    private check, which Telegram refuses: she is marked inactive like after any refused private
    message (no more daily prompts until she writes again), and the group still sees nothing."""
    h = harness
    h.clock.set(START)
    ana = h.emu.user("Ana")
    await onboard(h, ana)
    group = h.emu.group("Family", members=(ana,))
    await h.say(ana, "/challenge", chat=group)
    setup = h.emu.last(group)
    assert setup is not None
    h.emu.state_of(ana).blocked = True  # no update about it reaches the bot
    calls = len(h.emu.calls)
    h.clock.advance(timedelta(seconds=5))
    await h.emu.send_text(ana, check_tier_text(), chat=group, reply_to=setup)
    await h.settle()
    async with h.services.sessions() as session:
        user = await session.get(User, ana.id)
    assert user is not None and not user.active
    assert group_calls(h, group, calls) == []


async def test_a_command_in_a_group_says_nothing_about_the_person(
    harness: Harness, content: Content
) -> None:
    """'/help' in a group names a command: read alone, 'help' would get the light check, and
    '/help me' would too if the command's word were read with the rest. A
    crisis told in a reply to the bot gets the private crisis reply to someone who started the
    bot, and the group sees nothing at all."""
    h = harness
    h.clock.set(START)
    ana = h.emu.user("Ana")
    await onboard(h, ana, "Europe/London")
    check = content.render("safety.check")
    group = h.emu.group("Family", members=(ana,))
    await h.say(ana, "/challenge", chat=group)
    setup = h.emu.last(group)
    assert setup is not None
    private = len(h.emu.outputs(ana))
    await h.say(ana, "/help", chat=group)
    assert check not in texts(h.emu.outputs(ana)[private:])
    # Read whole, "/help me" is "help me" (the light check); the command's words are left out.
    await h.say(ana, "/help me", chat=group)
    assert check not in texts(h.emu.outputs(ana)[private:])
    # Only a command is left out: words that open with other formatting (bold) are read whole.
    h.clock.advance(timedelta(seconds=5))
    bold = [{"type": "bold", "offset": 0, "length": 7}]
    await h.emu.send_text(ana, "help me", chat=group, reply_to=setup, entities=bold)
    await h.settle()
    assert check in texts(h.emu.outputs(ana)[private:])
    calls, private = len(h.emu.calls), len(h.emu.outputs(ana))
    h.clock.advance(timedelta(seconds=5))
    words = "honestly i dont want to be here anymore"
    await h.emu.send_text(ana, words, chat=group, reply_to=setup)
    await h.settle()
    assert "116 123" in texts(h.emu.outputs(ana)[private:])
    assert group_calls(h, group, calls) == []  # not even the neutral pointer


async def test_a_forged_safety_button_gets_the_stale_popup_and_nothing_else(
    harness: Harness,
) -> None:
    h = harness
    ana = h.emu.user("Ana")
    await onboard(h, ana)
    before = len(h.emu.outputs(ana))
    await h.tap_data(ana, h.emu.messages(ana)[-1], "sf:zz")
    assert h.popups()[-1].startswith("That button no longer works")
    assert h.emu.outputs(ana)[before:] == []
