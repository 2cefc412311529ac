"""Group privacy as one property: whatever people do, nothing private ever reaches a group.

Hypothesis plays random private commands, texts and check-in answers, private buttons copied
into groups (live ones) and forged taps, real taps on the challenge messages, texts in the
groups (red flags among them), the bot removed from a group and added back (with a new
challenge) and the clock moving on, in a basic group and a supergroup. After each run: no
message, edit, caption, button or popup in either group carries a rating, a private note, a
flare word, a health word, any sentence of a safety reply or of any other message meant for a
private chat.

After each action, two things the challenge code relies on: nothing is sent to or edited in a
group while the bot is out of it, and every challenge being set up or running is in a group
the bot is in (so a challenge's own code never meets a running challenge in a group the bot
left).

GROUP_PROPERTY_EXAMPLES sets how many runs (default 10, kept small for CI); FUZZ_SEED=<n>
explores others than the fixed set CI replays.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.db.models import Challenge, GroupChat
from bot.devtools.emulator import FakeChat, FakeUser, buttons
from bot.views.content import Content
from tests.e2e.test_groups import START, create, jobs, new_group, people
from tests.harness import Harness

EXAMPLES = int(os.environ.get("GROUP_PROPERTY_EXAMPLES", "10"))
SEED = os.environ.get("FUZZ_SEED")
ACTIONS = 30
BOT = "SmallStepsBot"

# Private notes carry a word that appears nowhere else.
NOTES = ("slept badly, the plumcake note is private", "wobbegong day, knees awful",
         "the quillfeather thing again")  # fmt: skip
NOTE_WORDS = ("plumcake", "wobbegong", "quillfeather")
RED_FLAGS = ("honestly i want to end it all", "I have chest pain and my left arm is numb",
             "had chest pain this morning, gone now", "ugh end me", "i'm so done",
             "passed out on the sofa", "I'm in a bad flare today")  # fmt: skip
PRIVATE_TEXTS = (*NOTES, *RED_FLAGS, "9", "8", "0", "10", "yes", "no", "Skip", "not sure",
                 "what should i do today", "my pain is 9/10", "thanks", "stop", "Berlin",
                 "09:00")  # fmt: skip
COMMANDS = ("/start", "/checkin", "/today", "/progress", "/export", "/settings", "/pause",
            "/resume", "/cancel", "/privacy", "/delete", "/help", "/share", "/start sf",
            "/challenge", "/leave", "/endchallenge", "/nope")  # fmt: skip
# What never reaches a group: a rating, a health word, a flare word, a private note.
RATING = re.compile(r"\d\s*/\s*10\b")
PRIVATE_WORDS = ("flare", "pain", "energy", "sleep", "mood", "got in the way", *NOTE_WORDS)


def safe_for_group(text: str) -> bool:
    """What people type in a group is theirs to say there (the bot may echo a set-up answer):
    the generated group texts leave out what the property looks for."""
    lowered = text.lower()
    return not RATING.search(text) and not any(word in lowered for word in PRIVATE_WORDS)


FORGED = ("ci:{day}:pain:8", "ci:{day}:flare:yes", "ci:{day}:note:skip", "pl:done", "del:1",
          "del:keep", "sf:help", "sf:ok", "in:today", "set:tz", "wk:menu",
          "ob:tz:Europe/Berlin", "rf:{day}:weekly:confidence:3", "gc:1:done", "gc:2:rest",
          "gc:1:join", "gs:1:act:walk", "", "x")  # fmt: skip
GROUP_TEXTS = (*RED_FLAGS[:-1], "Berlin", "20:00", "8", "hi all", "who's walking today?")
# The kind of each action, by weight (hypothesis draws evenly from a flat tuple).
KINDS = (
    "private", "private", "ptap", "ptap", "copy", "copy", "copy", "forged", "forged", "gtap",
    "command", "command", "command", "command", "gtext", "gtext", "gtext", "later", "bot",
)  # fmt: skip
# (kind, who, which group, a number that picks from the kind's list, a random text)
action = st.tuples(
    st.sampled_from(KINDS),
    st.integers(0, 2),
    st.integers(0, 1),
    st.integers(0, 10**6),
    st.text(min_size=1, max_size=64),
)
Action = tuple[str, int, int, int, str]


@dataclass
class World:
    """Three people (the third never set up), a basic group and a supergroup, a challenge in
    each."""

    people: list[FakeUser] = field(default_factory=list)
    groups: list[FakeChat] = field(default_factory=list)
    owners: list[FakeUser] = field(default_factory=list)  # who adds the bot to each group
    queries: set[str] = field(default_factory=set)  # taps made in a group
    out: dict[int, int] = field(default_factory=dict)  # group id -> calls made when removed


@pytest.fixture
def world() -> World:
    return World()


async def set_up(h: Harness, world: World) -> None:
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    cy = h.emu.user("Cy")
    family = await new_group(h, "Family", ana, bo, cy)
    await create(h, ana, family)
    walkers = h.emu.group("Walkers", supergroup=True, bot_member=False, owner=bo,
                          members=(ana, cy))  # fmt: skip
    await h.emu.add_to_group(bo, walkers)
    await h.settle()
    await create(h, bo, walkers, time="21:00")
    for group in (family, walkers):
        message = challenge_message(h, group)
        for someone in (ana, bo, cy):
            await h.emu.tap_button(someone, message, "Join")
            await h.settle()
    # Ana has a hard day on record, with a note.
    await h.say(ana, "/checkin")
    for label in ("9", "Yes"):
        await h.tap(ana, label)
    world.people, world.groups, world.owners = [ana, bo, cy], [family, walkers], [ana, bo]


def challenge_message(h: Harness, group: FakeChat) -> dict[str, Any]:
    """The group's newest bot message with buttons (its challenge, or a set-up)."""
    found = next((m for m in reversed(h.emu.messages(group)) if buttons(m)), None)
    return found if found is not None else (h.emu.last(group) or {})


async def play(h: Harness, world: World, actions: list[Action]) -> None:
    day = f"{h.clock.now():%Y%m%d}"
    for kind, who, at, number, text in actions:
        someone, group = world.people[who], world.groups[at]
        h.clock.advance(timedelta(seconds=5))
        private = next((m for m in reversed(h.emu.messages(someone)) if buttons(m)), None)
        target = challenge_message(h, group)
        if kind == "private":
            said = (*PRIVATE_TEXTS, *COMMANDS[:13])[number % (len(PRIVATE_TEXTS) + 13)]
            await h.emu.send_text(someone, said)
        elif kind == "ptap" and private is not None:
            options = [data for _, data in buttons(private) if data]
            await h.emu.tap(someone, private, options[number % len(options)])
        elif kind == "copy" and private is not None and target:
            options = [data for _, data in buttons(private) if data]
            world.queries.add(await h.emu.tap(someone, target, options[number % len(options)]))
        elif kind == "forged" and target:
            data = text if number % 4 == 0 else FORGED[number % len(FORGED)]
            world.queries.add(await h.emu.tap(someone, target, data.replace("{day}", day)[:64]))
        elif kind == "gtap" and target:
            options = [data for _, data in buttons(target) if data]
            if options:
                data = options[number % len(options)]
                world.queries.add(await h.emu.tap(someone, target, data))
        elif kind == "command":
            word, _, rest = COMMANDS[number % len(COMMANDS)].partition(" ")
            await h.emu.send_text(someone, f"{word}@{BOT} {rest}".strip(), chat=group)
        elif kind == "gtext":
            said = text if number % 3 == 0 else GROUP_TEXTS[number % len(GROUP_TEXTS)]
            if not safe_for_group(said) or not said.strip():
                continue
            if number % 2 and target:  # a reply to the bot's message, or a mention
                await h.emu.send_text(someone, said, chat=group, reply_to=target)
            else:
                await h.emu.send_text(someone, f"@{BOT} {said}", chat=group)
        elif kind == "later":
            h.clock.advance(timedelta(minutes=number % (12 * 60)))
            await h.tick()
            await jobs(h)
        elif kind == "bot" and group.id not in world.out:
            world.out[group.id] = len(h.emu.calls)  # from the removal on
            await h.emu.remove_from_group(group, by=world.owners[at])
        elif kind == "bot":  # added back: a new challenge, its members joining
            del world.out[group.id]
            await h.emu.add_to_group(world.owners[at], group)
            await h.settle(timeout=30)
            message = await create(h, world.owners[at], group)
            await h.emu.tap_button(someone, message, "Join")
        await h.settle(timeout=30)
        await bot_stays_out_of_groups_it_left(h, world)


# Methods that post to a chat or change what it shows (a popup answers the tapper, not the group).
TO_A_GROUP = ("send", "edit", "delete", "pin", "unpin", "copy", "forward")


async def bot_stays_out_of_groups_it_left(h: Harness, world: World) -> None:
    """Nothing sent to or edited in a group while the bot is out; the groups stored as having
    the bot are those it is in; no set-up or running challenge in any other."""
    for group_id, since in world.out.items():
        called = [c.method for c in h.emu.calls[since:]
                  if str(c.params.get("chat_id")) == str(group_id)
                  and c.method.startswith(TO_A_GROUP)]  # fmt: skip
        assert not called, (group_id, called)
    async with h.services.sessions() as session:
        joined = await session.execute(select(GroupChat.chat_id).where(GroupChat.active.is_(True)))
        stray = await session.execute(
            select(Challenge.id, GroupChat.chat_id)
            .join(GroupChat, GroupChat.id == Challenge.group_id)
            .where(Challenge.status.in_(("draft", "active")), GroupChat.active.is_(False))
        )
        assert set(joined.scalars()) == {g.id for g in world.groups if g.id not in world.out}
        assert not stray.all()


# Content a group may see besides its own (group.*): the pointer to a private chat, the popups.
FOR_GROUPS = ("safety.group_link", "error.stale_button", "error.generic")


def sentences_of(content: Content, keys: set[str]) -> set[str]:
    """The fixed sentences (20 characters or more) of those messages."""
    found: set[str] = set()
    for (_, key), item in content.items.items():
        if key not in keys:
            continue
        body = item.path.read_text(encoding="utf-8").split("---", 2)[-1]
        body = re.sub(r"<[^>]+>|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "\n", body, flags=re.S)
        found.update(s.strip() for s in re.split(r"[.!?:;\n•]", body) if len(s.strip()) >= 20)
    return found


def private_sentences(content: Content) -> tuple[set[str], set[str]]:
    """(sentences of safety replies, sentences of every other private message): any message
    not meant for a group, less what it shares with one."""
    keys = {key for _, key in content.items}
    shared = sentences_of(content, {k for k in keys if k.startswith("group.")} | set(FOR_GROUPS))
    private = {k for k in keys if not k.startswith("group.") and k not in FOR_GROUPS}
    safety = sentences_of(content, {k for k in private if k.startswith("safety.")}) - shared
    rest = sentences_of(content, private - {k for k in private if k.startswith("safety.")})
    assert len(safety) > 20 and len(rest) > 200
    return safety, rest - shared


def group_outputs(h: Harness, world: World) -> list[str]:
    """Every text, caption and button the bot sent to a group, and every popup it gave to a
    tap made in one."""
    ids = {str(g.id) for g in world.groups}
    seen = [
        f"{c.method}: {c.params.get('text') or ''} {c.params.get('caption') or ''} "
        f"{c.params.get('reply_markup') or ''}"
        for c in h.emu.calls
        if str(c.params.get("chat_id")) in ids
    ]
    seen += [f"popup: {a.text}" for a in h.emu.callback_answers if a.id in world.queries and a.text]
    return seen


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=SEED is None,
    # One bot and database across runs (state builds up, as in life): shrinking cannot replay.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
)  # fmt: skip
@given(actions=st.lists(action, min_size=ACTIONS, max_size=ACTIONS))
async def test_nothing_private_ever_reaches_a_group(
    harness: Harness, world: World, content: Content, actions: list[Action]
) -> None:
    if not world.people:
        await set_up(harness, world)
    await play(harness, world, actions)
    safety, private = private_sentences(content)
    for line in group_outputs(harness, world):
        lowered = line.lower()
        assert not RATING.search(line), line
        for word in PRIVATE_WORDS:
            assert word not in lowered, (word, line)
        for sentence in safety:
            assert sentence not in line, ("a safety reply", sentence, line)
        for sentence in private:
            assert sentence not in line, ("a private message", sentence, line)


if SEED is not None:
    test_nothing_private_ever_reaches_a_group = seed(int(SEED))(
        test_nothing_private_ever_reaches_a_group
    )
