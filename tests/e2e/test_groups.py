"""Group buddy challenges end to end: several people, two groups, the real bot and emulator.

The group only ever sees who turned up: taps answer with popups, the challenge message is
edited in place, one summary a day, nudges go privately.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.db.models import (
    Challenge,
    ChallengeMember,
    ChallengeNudge,
    ChallengeSummary,
    DayMark,
    DayPlan,
    GroupChat,
    User,
)
from bot.devtools.emulator import FakeChat, FakeUser, buttons, format_message
from bot.domain.challenges import EDIT_GAP, LATE_LIMIT, next_tally
from bot.domain.clinician import SHORT_WEEKS
from bot.domain.pacing import BACK_OFF_AFTER
from bot.telegram.jobs import challenges as challenge_jobs
from bot.usecases import challenges as service
from tests.harness import Harness, logged, onboard, texts

JSON = dict[str, Any]
START = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)  # Monday, 10:00 in Berlin
GAP = timedelta(seconds=5)  # a little more than the bot's per-group edit gap
SUMMARY_UTC = 18  # 20:00 in Berlin (summer time)
NUDGE_UTC = 15  # 17:00 in Berlin


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant on day `day` of the test (1 = Monday 1 June), in UTC."""
    return START.replace(hour=hour, minute=minute) + timedelta(days=day - 1)


async def caught_up(h: Harness) -> None:
    """After an emulator-level action (a join, a migration, a block): let the bot handle it."""
    await h.settle()


async def tap(h: Harness, person: FakeUser, message: JSON, label: str) -> str | None:
    """Tap a button on a message anywhere (group or private); the popup text, if any."""
    h.clock.advance(GAP)
    query = await h.emu.tap_button(person, h.emu.current(message), label)
    await h.settle()
    answer = h.emu.answer_for(query)
    return answer.text if answer else None


async def tap_data(h: Harness, person: FakeUser, message: JSON, data: str) -> str | None:
    """Tap with exact (perhaps stale) callback data; the popup text."""
    query = await h.emu.tap(person, message, data)
    await h.settle()
    answer = h.emu.answer_for(query)
    return answer.text if answer else None


async def in_group(h: Harness, person: FakeUser, group: FakeChat, text: str) -> str:
    """Say something in a group; what the bot wrote there in response."""
    h.clock.advance(GAP)
    return texts(await h.say(person, text, chat=group))


async def tallied(h: Harness) -> None:
    """Tally changes show in the group at the next whole hour: move there and run the job."""
    await jobs(h, next_tally(h.clock.now()) + timedelta(seconds=1))


async def jobs(h: Harness, when: datetime | None = None) -> None:
    """Run the challenge outboxes once (at `when`), as the repeating job does."""
    if when is not None:
        h.clock.set(when)
    await challenge_jobs.run_due(h.services, h.app.bot)
    await h.emu.idle(settle=0.02)


async def jobs_exactly(h: Harness, when: datetime) -> None:
    """`jobs` at exactly `when` (the clock runs on while the test does): the same claim and
    delivery as run_due, with the instant the claim reads fixed."""
    h.clock.set(when)
    for outgoing in await service.claim_due(h.services, when):
        await challenge_jobs.deliver(h.services, h.app.bot, outgoing)
    await h.emu.idle(settle=0.02)


def shown(h: Harness, message: JSON) -> str:
    """The message as people see it now (edits applied)."""
    return format_message(h.emu.current(message))


def group_outputs(h: Harness, group: FakeChat, since: int = 0) -> list[JSON]:
    """Everything the bot sent or edited in a group (from output number `since`)."""
    return h.emu.outputs(group)[since:]


def new_messages(h: Harness, group: FakeChat, since: int = 0) -> list[str]:
    """Texts of new messages (not edits) in a group since output number `since`."""
    return [str(m.get("text")) for m in group_outputs(h, group, since) if "edit_date" not in m]


def summaries(h: Harness, group: FakeChat, since: int = 0) -> list[str]:
    """The day summaries in a group, from output number `since`."""
    return [text for text in new_messages(h, group, since) if text.startswith("🌙 Day")]


async def new_group(h: Harness, title: str, owner: FakeUser, *members: FakeUser) -> FakeChat:
    """A group whose owner adds the bot."""
    group = h.emu.group(title, bot_member=False, owner=owner, members=members)
    await h.emu.add_to_group(owner, group)
    await caught_up(h)
    return group


async def open_setup(h: Harness, creator: FakeUser, group: FakeChat) -> JSON:
    """/challenge in the group: the set-up message, its first question on screen."""
    await in_group(h, creator, group, "/challenge")
    setup = h.emu.last(group)
    assert setup is not None
    return setup


async def at_zone_question(h: Harness, creator: FakeUser, group: FakeChat) -> JSON:
    """/challenge, then walking, 10 minutes, 7 days: the set-up message asking for the zone."""
    setup = await open_setup(h, creator, group)
    for choice in ("Walking", "10 min", "7 days"):
        await tap(h, creator, setup, choice)
    return setup


async def two_challenges(
    h: Harness,
) -> tuple[tuple[FakeUser, FakeUser, FakeUser], FakeChat, JSON, FakeChat, JSON]:
    """From Monday 10:00 in Berlin: Ana's challenge in Family, which Bo joined, and Cy's in Work,
    both summed up at 20:00 and nudged at 17:00 Berlin time; the groups and their cards."""
    h.clock.set(at(1, 8, 0))
    ana, bo, cy = await people(h, "Ana", "Bo", "Cy")
    family = await new_group(h, "Family", ana, bo)
    walk = await create(h, ana, family)
    await tap(h, bo, walk, "Join")
    work = await new_group(h, "Work", cy)
    return (ana, bo, cy), family, walk, work, await create(h, cy, work)


async def create(
    h: Harness, creator: FakeUser, group: FakeChat, activity: str = "Walking",
    minutes: str = "10 min", length: str = "7 days", zone: str = "Berlin", time: str = "20:00",
) -> JSON:  # fmt: skip
    """/challenge and the creator's answers; returns the challenge message."""
    setup = await open_setup(h, creator, group)
    assert "New challenge" in shown(h, setup)
    for choice in (activity, minutes, length, zone):
        await tap(h, creator, setup, choice)
    assert await tap(h, creator, setup, time) == "It's live! 🎉"
    return h.emu.current(setup)


async def morning_challenge(h: Harness, *choices: str) -> tuple[FakeUser, FakeUser, FakeChat, JSON]:
    """Ana's challenge in Family (Bo is in the group), set up with `choices` and its summary
    time typed as a reply, "at 8am": each day is summed up the next morning."""
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    setup = await open_setup(h, ana, family)
    for choice in choices:
        await tap(h, ana, setup, choice)
    h.clock.advance(GAP)
    await h.emu.send_text(ana, "at 8am", chat=family, reply_to=setup)  # typed, as a reply
    await h.settle()
    return ana, bo, family, h.emu.current(setup)


@pytest.mark.parametrize(("typed", "summary"), [("20", "20:00"), ("14", "14:00")])
async def test_each_set_up_answer_fills_only_the_question_asked(
    harness: Harness, typed: str, summary: str
) -> None:
    """Walking with each person's own minutes stays walking; a zone typed with a slash but no
    such zone is not taken as one (the hint, with what was meant), "EST" is New York's zone; at
    the time question, "own" typed is no time (the hint, still a draft) and a bare number is
    that hour (4:00 in New York then: still today), never the daily minutes (20) nor the
    length in days (14)."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    setup = await open_setup(h, ana, family)
    await tap(h, ana, setup, "Walking")
    walking = next(data for label, data in buttons(setup) if label.endswith("Walking"))
    # A second tap on an answered question (the message was already redrawn): nothing happens.
    calls = len(h.emu.calls)
    with logged("123456:TEST-token") as log:
        assert not await tap_data(h, ana, setup, walking)
    assert [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(family.id)] == []
    assert "ERROR" not in log.getvalue(), log.getvalue()
    for choice in ("Each person's own plan", "7 days"):
        await tap(h, ana, setup, choice)

    async def reply(text: str) -> str:
        h.clock.advance(GAP)
        await h.emu.send_text(ana, text, chat=family, reply_to=setup)
        await h.settle()
        return shown(h, setup)

    # A forged zone button with a zone no place is matched to: nothing happens, no error.
    forged = f"gs:{challenge_id_of(setup)}:tz:EST5EDT"
    with logged("123456:TEST-token") as log:
        assert not await tap_data(h, ana, setup, forged)
    assert "ERROR" not in log.getvalue(), log.getvalue()
    assert "Which time zone" in shown(h, setup)
    said = await reply("Europe/Berlinn")
    assert "I couldn't match “Europe/Berlinn” to a place" in said
    assert "Did you mean Europe/Berlin, " in said, said
    assert "Times are in America/New_York" in await reply("EST")  # the place, not the offset
    assert "I couldn't read “own” as a time" in await reply("own")
    assert (await challenge_row(h, challenge_id_of(h.emu.current(setup)))).status == "draft"
    text = await reply(typed)
    assert "Walking every day, for as long as your own plan says" in text, text
    assert f"Day 1 of 7 · summary at {summary} (America/New_York)" in text, text
    assert "Done today" in text
    async with h.services.sessions() as session:
        row = (await session.execute(select(Challenge))).scalar_one()
    assert (row.activity, row.minutes, row.length_days) == ("walking", None, 7)
    assert str(row.summary_time) == f"{summary}:00"


async def challenge_row(h: Harness, challenge_id: int) -> Challenge:
    async with h.services.sessions() as session:
        row = await session.get(Challenge, challenge_id)
    assert row is not None
    return row


def challenge_id_of(message: JSON) -> int:
    data = message["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    return int(data.split(":")[1])


async def people(h: Harness, *names: str) -> list[FakeUser]:
    """People who set up their private chat first."""
    found = []
    for name in names:
        person = h.emu.user(name)
        await onboard(h, person)
        found.append(person)
    return found


# ----------------------------------------------------------------------------------------------


async def test_added_to_a_group_it_introduces_itself_once_and_sets_group_commands(
    harness: Harness,
) -> None:
    h = harness
    h.clock.set(START)
    [ana] = await people(h, "Ana")
    family = await new_group(h, "Family", ana)
    [intro] = new_messages(h, family)
    assert "buddy challenges" in intro and "/challenge" in intro
    commands = [c["command"] for c in h.emu.commands({"type": "all_group_chats"})]
    assert commands == ["challenge", "leave", "endchallenge", "help"]
    # Removed and added again: no second introduction.
    await h.emu.remove_from_group(family, by=ana)
    await caught_up(h)
    await h.emu.add_to_group(ana, family)
    await caught_up(h)
    assert len(new_messages(h, family)) == 1
    assert "Buddy challenges" in await in_group(h, ana, family, "/help")


async def test_three_people_run_a_seven_day_challenge(harness: Harness) -> None:
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    cy = h.emu.user("Cy")  # has never talked to the bot
    family = await new_group(h, "Family", ana, bo, cy)

    # Set-up: the zone typed as a reply to the set-up message, the rest with buttons.
    assert "New challenge" in await in_group(h, ana, family, "/challenge")
    setup = h.emu.last(family)
    assert setup is not None
    assert await tap(h, bo, setup, "Walking") == "Ana is setting this one up."
    for choice in ("Walking", "10 min", "7 days"):
        await tap(h, ana, setup, choice)
    assert "Which time zone" in shown(h, setup)
    h.clock.advance(GAP)
    await h.emu.send_text(ana, "Madird", chat=family, reply_to=setup)
    await h.settle()
    assert "couldn't match “Madird”" in shown(h, setup) and "Madrid" in shown(h, setup)
    h.clock.advance(GAP)
    await h.emu.send_text(ana, "Berlin", chat=family, reply_to=setup)
    await h.settle()
    assert "Times are in Europe/Berlin" in shown(h, setup)
    assert await tap(h, ana, setup, "20:00") == "It's live! 🎉"
    message = h.emu.current(setup)
    text = shown(h, message)
    assert "10 minutes of walking a day" in text and "Day 1 of 7" in text
    assert "▫️ Ana" in text and "Join" in text and "Done today" in text
    assert "You're in" in texts(h.emu.messages(ana)[-1:])

    # Bo joins with a tap; Cy has no private chat yet, so the popup opens one with a deep link.
    assert await tap(h, bo, message, "Join") == "You're in! 🎉"
    assert "▫️ Bo" in shown(h, message)
    assert "You're in" in texts(h.emu.messages(bo)[-1:])
    assert await tap(h, bo, message, "Join") == "You're already in 🌱"
    await tap(h, cy, message, "Join")
    link = h.emu.callback_answers[-1].url or ""
    assert re.fullmatch(r"https://t\.me/SmallStepsBot\?start=j[\w-]+", link), link
    assert "Cy" not in shown(h, message)
    said = texts(await h.say(cy, f"/start {link.split('=')[1]}"))
    assert "You're in" in said and "I'm <b>Small Steps</b>" not in said
    assert "Hi Cy, I'm Small Steps" in said and "time zone" in said  # the usual set-up follows
    for typed in ("Berlin", "9:00"):
        await h.say(cy, typed)
    for label in ("Skip", "Skip", "Done"):
        await h.tap(cy, label)
    assert "▫️ Cy" in shown(h, message)

    # Progress from both places: the group button, the private check-in and the plan's Done.
    assert await tap(h, bo, message, "Done today") == "Counted: you moved today 🎉"
    assert "▫️ Bo" in shown(h, message)  # not at the moment of the tap: at the next hour
    await tallied(h)
    assert "✅ Bo · on plan 1 day" in shown(h, message)
    assert await tap(h, bo, message, "Rest day") == "Already counted for today 🌱"
    assert await tap(h, cy, message, "Rest day") == "Counted: a planned rest day 🌙"
    h.clock.advance(GAP)
    await h.say(ana, "/checkin")
    for label in ("3", "No", "2", "6", "7", "Yes", "Skip"):
        await h.tap(ana, label)
    # "Yes" answers "since your last check-in, did you do your movement?": it is about the
    # day before (before the challenge), so it does not count today. The plan's Done does.
    assert "▫️ Ana" in shown(h, message)
    h.clock.advance(GAP)
    await h.tap(ana, "Done", message=h.message_with(ana, "looks like"))
    await tallied(h)
    text = shown(h, message)
    # A public Done, a private check-in's plan Done and a Rest day look the same to the group.
    assert (
        "✅ Ana" in text
        and "✅ Bo" in text
        and "✅ Cy" in text
        and "🌙" not in text.split("[1]")[0]
    )

    # Edits, not messages: the group has had the intro, the set-up (now the challenge) only.
    assert len(new_messages(h, family)) == 2

    # The day's summary at 20:00 in Berlin: one message, once.
    before = len(group_outputs(h, family))
    await jobs(h, at(1, SUMMARY_UTC - 1, 59))
    assert new_messages(h, family, before) == []
    await jobs(h, at(1, SUMMARY_UTC, 0) + timedelta(seconds=5))
    await jobs(h)
    [summary] = new_messages(h, family, before)
    assert "Day 1 of 7" in summary and "3 of you turned up today" in summary
    for name in ("Ana", "Bo", "Cy"):  # the summary names nobody (they may delete their data)
        assert name not in summary

    # Day 2: the message moves on at midnight; at 17:00 the ones not counted yet get nudged,
    # privately; the nudge's own Done button counts for the group.
    await jobs(h, at(2, 0, 1) - timedelta(hours=2))  # 00:01 in Berlin
    assert "Day 2 of 7" in shown(h, message) and "✅ Ana" not in shown(h, message)
    assert await tap(h, ana, message, "Done today") == "Counted: you moved today 🎉"
    group_before = len(group_outputs(h, family))
    await jobs(h, at(2, NUDGE_UTC, 0))
    assert [m for m in new_messages(h, family, group_before)] == []
    bo_nudge, cy_nudge = h.emu.messages(bo)[-1], h.emu.messages(cy)[-1]
    assert "isn't marked yet" in str(bo_nudge.get("text")) and "Family" in str(bo_nudge["text"])
    assert "isn't marked yet" in str(cy_nudge.get("text"))
    assert "isn't marked yet" not in texts(h.emu.messages(ana)[-1:])  # Ana moved already
    assert await tap(h, bo, bo_nudge, "Done today") == "Counted: you moved today 🎉"
    assert "Counted 🎉" in shown(h, bo_nudge)
    await jobs(h, at(2, NUDGE_UTC, 30))  # a second run nudges nobody twice
    assert h.emu.messages(cy)[-1]["message_id"] == cy_nudge["message_id"]
    await tallied(h)
    assert "✅ Bo · on plan 2 days" in shown(h, message)
    await jobs(h, at(2, SUMMARY_UTC, 1))
    assert "2 of you turned up today" in new_messages(h, family)[-1]

    # Days 3 to 7: only Ana keeps tapping; then the end summary celebrates everyone.
    for day in range(3, 8):
        await jobs(h, at(day, 8, 0))
        await tap(h, ana, message, "Done today")
        await jobs(h, at(day, SUMMARY_UTC, 1))
    summaries = [t for t in new_messages(h, family) if re.match(r"🌙 Day \d of 7 ·", t)]
    assert len(summaries) == 6  # days 1-6; day 7 is the end summary
    end = new_messages(h, family)[-1]
    assert "7 days, done together!" in end
    assert "3 of you took part, with 10 days on plan between you" in end
    assert "Ana" not in end and "Bo" not in end
    final = h.emu.current(message)
    assert "finished" in str(final["text"]) and "reply_markup" not in final
    # The challenge's own message keeps each one's days, in joining order, never ranked.
    text = shown(h, message)
    assert "Ana · on plan 7 days" in text and "Bo · on plan 2 days" in text
    assert "Cy · on plan 1 day" in text
    assert text.index("Ana") < text.index("Bo") < text.index("Cy")
    # A stale Join on the finished challenge: a popup, not a group message.
    count = len(group_outputs(h, family))
    cid = challenge_id_of(message)
    assert await tap_data(h, bo, final, f"gc:{cid}:join") == (
        "This challenge has finished. /challenge starts a new one."
    )
    assert len(group_outputs(h, family)) == count
    await jobs(h, at(9, SUMMARY_UTC, 1))
    assert len(group_outputs(h, family)) == count


async def test_leave_end_early_and_challenges_in_two_groups(harness: Harness) -> None:
    h = harness
    h.clock.set(START)
    ana, bo, cy = await people(h, "Ana", "Bo", "Cy")
    family = await new_group(h, "Family", ana, bo, cy)
    work = await new_group(h, "Work", cy, bo)
    walk = await create(h, ana, family)
    stretch = await create(h, ana, family, activity="Stretching", minutes="5 min")
    own = await create(h, cy, work, activity="Everyone's own plan", minutes="Each person")
    assert "Everyone's own plan, every day" in shown(h, own)
    for message in (walk, stretch):
        await tap(h, bo, message, "Join")
    await tap(h, bo, own, "Join")

    # One Done, in either group, counts for the person everywhere. Two messages in one group
    # are edited a few seconds apart (the group's edit gap), the second by the job.
    await tap(h, bo, own, "Done today")
    await tallied(h)
    assert "✅ Bo" in shown(h, walk) and "✅ Bo" not in shown(h, stretch)
    h.clock.advance(GAP)
    await jobs(h)
    for message in (walk, stretch, own):
        assert "✅ Bo" in shown(h, message)

    # /leave with two challenges here asks which; the choice is a button.
    said = await in_group(h, bo, family, "/leave")
    assert "which challenge" in said
    choice = h.emu.last(family)
    assert choice is not None
    assert await tap(h, bo, choice, "Leave: 5 minutes of stretching") == (
        "You've left. You're welcome back any time."
    )
    assert "Bo" not in shown(h, stretch) and "Bo" in shown(h, walk)
    assert "You've left" in shown(h, choice)
    # Back with a tap on Join.
    assert await tap(h, bo, stretch, "Join") == "You're in! 🎉"
    assert "Bo" in shown(h, stretch)
    said = await in_group(h, cy, work, "/leave")
    assert "Thanks for moving with us, Cy" in said and "Cy" not in shown(h, own)
    assert "not in a challenge here" in await in_group(h, cy, work, "/leave")
    # Nor is someone who never started the bot, nor anyone in a group the bot never stored.
    di = h.emu.user("Di")
    assert "Di, you're not in a challenge here" in await in_group(h, di, family, "/leave")
    unknown = h.emu.group("Club", members=(ana,))  # the bot was there before it kept groups
    assert "Ana, you're not in a challenge here" in await in_group(h, ana, unknown, "/leave")

    # Ending early: a plain member may not; the creator may; a group admin may.
    said = await in_group(h, bo, family, "/endchallenge")
    assert "End a challenge early" in said
    prompt = h.emu.last(family)
    assert prompt is not None
    assert await tap(h, bo, prompt, "End: 10 minutes") == (
        "Only whoever started it, or a group admin, can end it early."
    )
    await tap(h, ana, prompt, "End: 10 minutes")
    assert "has ended after day 1 of 7" in shown(h, prompt)
    assert "finished" in shown(h, walk) and "Join" not in shown(h, walk)
    h.emu.make_admin(bo, work)
    await in_group(h, bo, work, "/endchallenge")
    prompt = h.emu.last(work)
    assert prompt is not None
    await tap(h, bo, prompt, "End: everyone")
    assert "has ended" in shown(h, prompt)
    # The other challenge in Family is still running; "Keep going" just closes the prompt.
    await in_group(h, ana, family, "/endchallenge")
    prompt = h.emu.last(family)
    assert prompt is not None and "End: 5 minutes of stretching" in format_message(prompt)
    await tap(h, ana, prompt, "Keep going")
    assert "Carrying on" in shown(h, prompt)
    assert (await challenge_row(h, challenge_id_of(stretch))).status == "active"
    assert "No challenge is running" in await in_group(h, cy, work, "/endchallenge")


async def test_a_group_that_becomes_a_supergroup_keeps_its_challenge(harness: Harness) -> None:
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    await tap(h, bo, message, "Done today")

    # The service message: the bot follows the group and shows the challenge there.
    supergroup = await h.emu.migrate_group(family, by=ana)
    await caught_up(h)
    moved = h.emu.last(supergroup)
    assert moved is not None and "✅ Bo" in shown(h, moved) and "Day 1 of 7" in shown(h, moved)
    assert await tap(h, ana, moved, "Done today") == "Counted: you moved today 🎉"
    await tallied(h)
    assert "✅ Ana" in shown(h, moved)
    await jobs(h, at(1, SUMMARY_UTC, 1))
    assert "2 of you turned up today" in new_messages(h, supergroup)[-1]

    # A second migration the bot never saw (no service message): the ChatMigrated error on the
    # next edit or send leads it to the new chat too. (Set up after 20:00: it starts tomorrow.)
    work = await new_group(h, "Work", ana, bo)
    walk = await create(h, ana, work)
    h.clock.set(at(2, 8, 0))
    state = h.emu.state_of(work)
    state.bot_status = "left"  # the emulator then sends no service messages
    quiet = await h.emu.migrate_group(work, by=ana)
    state.bot_status = "member"
    h.emu.state_of(quiet).bot_status = "member"
    await caught_up(h)
    await tap(h, ana, walk, "Done today")  # the old message's tap still counts
    await jobs(h, at(2, SUMMARY_UTC, 1))
    texts_now = new_messages(h, quiet)
    assert any("Day 1 of 7" in t and "One of you turned up" in t for t in texts_now), texts_now
    async with h.services.sessions() as session:
        chats = (await session.execute(select(func.count()).select_from(Challenge))).scalar_one()
    assert chats == 2


async def test_a_set_up_left_open_by_a_move_never_takes_answers_meant_for_a_new_one(
    harness: Harness,
) -> None:
    """Ana's set-up is at the time zone question when Family becomes a supergroup. The
    supergroup numbers its messages afresh, so Bo's new set-up there can carry the same message
    id as Ana's old one: Ana's "Berlin" typed in reply to Bo's set-up is not taken as an answer
    to her own (left behind in the old chat and closed by the move), and Bo's stays as it was."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    old = await at_zone_question(h, ana, family)
    assert "time zone" in shown(h, old).lower(), shown(h, old)
    supergroup = await h.emu.migrate_group(family, by=ana)
    await caught_up(h)
    h.emu.state_of(supergroup).next_id = old["message_id"] - 1  # Bo's /challenge, then the set-up
    setup = await open_setup(h, bo, supergroup)
    assert setup["message_id"] == old["message_id"]
    before = shown(h, setup)
    h.clock.advance(GAP)
    await h.emu.send_text(ana, "Berlin", chat=supergroup, reply_to=setup)
    await h.settle()
    assert shown(h, setup) == before
    async with h.services.sessions() as session:
        statuses = (await session.execute(select(Challenge.status).order_by(Challenge.id))).all()
    assert [s for (s,) in statuses] == ["cancelled", "draft"]


async def test_a_supergroup_gets_every_running_challenge_at_once(harness: Harness) -> None:
    """A group with two running challenges becomes a supergroup: both are shown there as soon
    as the move is seen, the second not held back by the group's edit gap (the old messages
    stay behind, so until then the new chat would have no Done button for it)."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    await create(h, ana, family)
    await create(h, ana, family, activity="Stretching", minutes="5 min")
    supergroup = await h.emu.migrate_group(family, by=ana)
    await caught_up(h)
    shown_there = new_messages(h, supergroup)
    assert len(shown_there) == 2, shown_there
    assert any("10 minutes of walking" in t for t in shown_there), shown_there
    assert any("5 minutes of stretching" in t for t in shown_there), shown_there


async def test_bot_removed_ends_challenges_cleanly(harness: Harness) -> None:
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    count = len(group_outputs(h, family))
    await h.emu.remove_from_group(family, by=ana)
    await caught_up(h)
    row = await challenge_row(h, challenge_id_of(message))
    assert (row.status, row.end_reason, row.next_summary_at) == ("ended", "removed", None)
    assert "I was removed from Family" in texts(h.emu.messages(bo)[-1:])
    calls = len(h.emu.calls)
    await jobs(h, at(1, SUMMARY_UTC, 1))
    await jobs(h, at(2, NUDGE_UTC, 1))
    assert len(group_outputs(h, family)) == count
    assert not [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(family.id)]
    assert "isn't marked yet" not in texts(h.emu.messages(bo)[-1:])


async def test_a_set_up_open_when_the_bot_is_removed_is_closed_for_good(harness: Harness) -> None:
    """Ana is half-way through setting up a challenge when the bot is removed from Family; it
    is added back later. Her old set-up message does not carry on (a challenge would go live
    from a message of before): its buttons say the set-up was closed, and /challenge starts a
    new one."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    old = await at_zone_question(h, ana, family)
    await h.emu.remove_from_group(family, by=ana)
    await caught_up(h)
    await h.emu.add_to_group(ana, family)
    await caught_up(h)
    before = shown(h, old)
    closed = "This set-up was closed. /challenge starts a new one."
    assert await tap(h, ana, old, "Berlin") == closed
    assert shown(h, old) == before
    assert (await challenge_row(h, challenge_id_of(old))).status == "cancelled"
    assert "It's live" not in " ".join(new_messages(h, family))
    await create(h, ana, family)


async def test_a_member_who_blocked_the_bot_counts_from_the_group_and_gets_no_nudges(
    harness: Harness,
) -> None:
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    await h.emu.block(bo)
    await caught_up(h)
    async with h.services.sessions() as session:
        user = await session.get(User, bo.id)
    assert user is not None and not user.active
    calls = len(h.emu.calls)
    await jobs(h, at(2, NUDGE_UTC, 1))
    private = [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(bo.id)]
    assert private == []
    assert "isn't marked yet" in texts(h.emu.messages(ana)[-1:])
    assert await tap(h, bo, message, "Done today") == "Counted: you moved today 🎉"
    await tallied(h)
    assert "✅ Bo" in shown(h, message)
    # Left, and back with Join while still blocked: in again, and no private welcome is tried.
    await in_group(h, bo, family, "/leave")
    calls = len(h.emu.calls)
    assert await tap(h, bo, message, "Join") == "You're in! 🎉"
    private = [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(bo.id)]
    assert private == []


async def test_done_in_the_group_brings_daily_prompts_back(harness: Harness) -> None:
    """After three unanswered prompts the bot asks Ivy less often; her Done on the group's card
    is hearing from her too, as any private answer is: the prompts are daily again (test_pacing's
    test_any_answer_brings_daily_prompts_back, for a group tap), from a clean count."""
    from tests.e2e.test_pacing import days_of_prompts, live_days, unanswered

    h = harness
    h.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    ana, ivy = await people(h, "Ana", "Ivy")
    family = await new_group(h, "Family", ana, ivy)
    message = await create(h, ana, family)
    await tap(h, ivy, message, "Join")
    h.clock.set(datetime(2026, 5, 31, 7, 0, 5, tzinfo=UTC))
    await live_days(h, 5)
    assert await days_of_prompts(h, ivy) == [1, 2, 3, 5]
    assert await unanswered(h, ivy) > BACK_OFF_AFTER  # every other day now
    assert await tap(h, ivy, message, "Done today") == "Counted: you moved today 🎉"
    assert await unanswered(h, ivy) == 0
    calls = len(h.emu.calls)
    await live_days(h, 10)  # daily, and every other day only after three more unanswered
    assert await days_of_prompts(h, ivy, calls) == [6, 7, 8, 10]


async def test_a_link_offers_the_groups_zone_only_to_someone_still_setting_up(
    harness: Harness,
) -> None:
    """A challenge in New York's zone (the group's newer one is in Berlin's): Dee, new, opens
    its link and her set-up starts from that challenge's zone (the default Skip keeps); Eve,
    set up in Berlin already, keeps Berlin. A link to no challenge says so, and the usual
    welcome follows."""
    h = harness
    h.clock.set(START)
    ana, eve = await people(h, "Ana", "Eve")
    family = await new_group(h, "Family", ana, eve)
    setup = await at_zone_question(h, ana, family)
    h.clock.advance(GAP)
    await h.emu.send_text(ana, "EST", chat=family, reply_to=setup)
    await h.settle()
    assert await tap(h, ana, setup, "20:00") == "It's live! 🎉"
    code = (await challenge_row(h, challenge_id_of(h.emu.current(setup)))).code
    await create(h, ana, family, activity="Stretching", minutes="5 min")  # in Berlin, set later
    dee = h.emu.user("Dee")
    said = texts(await h.say(dee, f"/start j{code}"))
    assert "You're in" in said and "Skip keeps America/New_York" in said, said
    assert "You're in" in texts(await h.say(eve, f"/start j{code}"))
    async with h.services.sessions() as session:
        zones = [await session.scalar(select(User.timezone).where(User.id == p.id))
                 for p in (dee, eve)]  # fmt: skip
    assert zones == ["America/New_York", "Europe/Berlin"]
    gus = h.emu.user("Gus")
    said_gus = texts(await h.say(gus, "/start jnosuchcode"))
    assert "That challenge has finished or can't be found" in said_gus, said_gus
    assert "Hi Gus, I'm Small Steps" in said_gus


async def test_the_groups_zone_is_offered_first_for_its_next_challenge(harness: Harness) -> None:
    """Family's first challenge runs on Tokyo's time (typed: no button has it); at the zone
    question of the next one, Tokyo is the first button, and tapping it keeps Tokyo."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    for number in (1, 2):
        setup = await at_zone_question(h, ana, family)
        if number == 1:
            assert "Tokyo" not in [label for label, _ in buttons(h.emu.current(setup))]
            h.clock.advance(GAP)
            await h.emu.send_text(ana, "Tokyo", chat=family, reply_to=setup)
            await h.settle()
        else:
            assert buttons(h.emu.current(setup))[0][0] == "Tokyo"
            await tap(h, ana, setup, "Tokyo")
        assert "Times are in Asia/Tokyo" in shown(h, setup)
        assert await tap(h, ana, setup, "20:00") == "It's live! 🎉"


async def test_a_challenge_goes_live_at_once_right_after_a_card_edit(harness: Harness) -> None:
    """Bo's Join has just redrawn Family's first card; Ana's last set-up answer for a second
    challenge a moment later (inside the group's edit gap) still turns the set-up message into
    the live card at once."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    setup = await open_setup(h, ana, family)
    for choice in ("Stretching", "5 min", "7 days", "Berlin"):
        await tap(h, ana, setup, choice)
    assert await tap(h, bo, message, "Join") == "You're in! 🎉"
    assert "▫️ Bo" in shown(h, message)
    query = await h.emu.tap_button(ana, h.emu.current(setup), "20:00")  # no time passes
    await h.settle()
    answer = h.emu.answer_for(query)
    assert answer is not None and answer.text == "It's live! 🎉", answer
    assert "5 minutes of stretching" in shown(h, setup) and "Done today" in shown(h, setup)


async def test_stale_and_foreign_buttons_answer_with_a_popup(harness: Harness) -> None:
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    first_setup = await open_setup(h, ana, family)
    await in_group(h, ana, family, "/challenge")  # starting over closes the first set-up
    assert await tap(h, ana, first_setup, "Walking") == (
        "This set-up was closed. /challenge starts a new one."
    )
    setup = h.emu.last(family)
    assert setup is not None
    await tap(h, ana, setup, "Cancel")
    assert "Set-up cancelled" in shown(h, setup)
    message = await create(h, ana, family, time="21:00")
    count = len(group_outputs(h, family))
    assert await tap(h, bo, message, "Done today") == "Tap Join first to take part 🙂"
    assert await tap(h, bo, message, "Rest day") == "Tap Join first to take part 🙂"
    assert len(group_outputs(h, family)) == count
    # Someone who never started the bot and types /challenge is pointed to the private chat.
    di = h.emu.user("Di")
    said = await in_group(h, di, family, "/challenge")
    assert "first say hello to me in our private chat" in said
    # Created at 21:30, after the day's 21:00 summary: the challenge starts tomorrow.
    h.clock.set(at(1, 19, 30))
    late = await create(h, ana, family, time="21:00")
    assert "7 days from Tuesday 2 June" in shown(h, late)
    assert await tap(h, ana, late, "Done today") == "We start on Tuesday 2 June. See you then!"


DISTINCT = "zebra-marmalade-4417"
PRIVATE_WORDS = ("flare", "pain", "energy", "sleep", "mood", DISTINCT, "9/10")


async def test_nothing_from_a_private_checkin_reaches_a_group(harness: Harness) -> None:
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    queries: list[str] = []

    async def group_tap(person: FakeUser, label: str) -> None:
        h.clock.advance(GAP)
        queries.append(await h.emu.tap_button(person, h.emu.current(message), label))
        await h.settle()

    for person in (ana, bo):
        await group_tap(person, "Join")
    # Ana: a very hard day, a flare, a note; Bo: a short path (pain and flare only).
    await h.say(ana, "/checkin")
    for label in ("9", "Not sure", "9", "1", "2", "Some"):
        await h.tap(ana, label)
    await h.say(ana, DISTINCT)
    await h.say(bo, "/checkin")
    await h.tap(bo, "8")
    await h.tap(bo, "Yes")
    plan = h.message_with(bo, "looks like")
    await h.tap(bo, "Done", message=plan)
    # A red-flag reply in the private chat stays there too.
    await h.say(ana, "I have chest pain and my left arm is numb")
    await tallied(h)
    # Ana's "Some" is about the day before the challenge: only Bo's plan Done counts today.
    assert "▫️ Ana" in shown(h, message) and "✅ Bo" in shown(h, message)
    await group_tap(bo, "Rest day")
    await group_tap(ana, "Done today")
    await jobs(h, at(1, SUMMARY_UTC, 1))
    await jobs(h, at(2, NUDGE_UTC, 1))
    for day in range(2, 8):
        await jobs(h, at(day, SUMMARY_UTC, 1))
    # Every call that reached a group chat: sends, edits, with their buttons.
    group_calls = [
        c for c in h.emu.calls if str(c.params.get("chat_id", "0")).lstrip("-").isdigit()
        and int(c.params.get("chat_id", 0)) < 0
    ]  # fmt: skip
    assert len(group_calls) > 5
    seen = "\n".join(str(c.params.get("text", "")) + str(c.params.get("reply_markup", ""))
                     for c in group_calls)  # fmt: skip
    assert "7 days, done together" in seen
    for word in PRIVATE_WORDS:
        assert word not in seen.lower(), word
    # Popups for taps on the group's messages carry nothing private either.
    popups = " ".join(a.text or "" for a in h.emu.callback_answers if a.id in queries)
    for word in PRIVATE_WORDS:
        assert word not in popups.lower(), word
    # The note was stored privately and is nowhere in the group's chat history.
    history = "\n".join(format_message(m) for m in h.emu.history(family))
    assert DISTINCT not in history and "chest" not in history


async def test_delete_leaves_only_anonymous_counts_and_the_challenge_carries_on(
    harness: Harness,
) -> None:
    h = harness
    h.clock.set(START)
    ana, bo, cy = await people(h, "Ana", "Bo", "Cy")
    family = await new_group(h, "Family", ana, bo, cy)
    message = await create(h, ana, family)
    for person in (bo, cy):
        await tap(h, person, message, "Join")
        await tap(h, person, message, "Done today")
    await jobs(h, at(1, SUMMARY_UTC, 1))
    # Bo, a member, and Ana, who set it up, delete everything with the usual /delete.
    for person in (bo, ana):
        await h.say(person, "/delete")
        await h.tap(person, "Yes, delete everything")
        await h.tap(person, "Delete now, for good")
    h.clock.advance(GAP)
    await jobs(h)
    text = shown(h, message)
    assert "Bo" not in text and "Ana" not in text and "✅ Cy" in text
    async with h.services.sessions() as session:
        for model in (ChallengeMember, DayMark, ChallengeNudge, DayPlan):
            ids = (await session.execute(select(model.user_id))).scalars().all()
            assert bo.id not in ids and ana.id not in ids, model
        row = await session.get(Challenge, challenge_id_of(message))
        logged = (await session.execute(select(ChallengeSummary))).scalars().all()
    # The challenge is the group's: it carries on for Cy; the log keeps counts, never names.
    assert row is not None and row.status == "active"
    assert [(s.members, s.turned_up) for s in logged] == [(3, 2)]
    await jobs(h, at(2, 8, 0))
    assert await tap(h, cy, message, "Done today") == "Counted: you moved today 🎉"
    await tallied(h)
    assert "Day 2 of 7" in shown(h, message) and "✅ Cy · on plan 2 days" in shown(h, message)


async def test_a_morning_summary_looks_back_at_the_day_before(harness: Harness) -> None:
    h = harness
    ana, bo, family, message = await morning_challenge(
        h, "Everyone's own plan", "Each person", "7 days", "Berlin"
    )
    assert "Everyone's own plan, every day" in shown(h, message)
    assert "Day 1 of 7 · summary at 08:00" in shown(h, message)
    await tap(h, bo, message, "Join")
    await tap(h, ana, message, "Done today")
    count = len(new_messages(h, family))
    await jobs(h, at(1, 20, 0))
    assert len(new_messages(h, family)) == count  # Monday's summary comes on Tuesday morning
    await jobs(h, at(2, 6, 1))  # 08:01 in Berlin
    assert "Day 1 of 7" in new_messages(h, family)[-1]
    assert "One of you turned up today" in new_messages(h, family)[-1]
    for day in range(3, 8):
        await jobs(h, at(day, 6, 1))
    await jobs(h, at(7, 22, 1))  # Monday of the next week, 00:01: the last day is over
    assert "Day 7 of 7" in shown(h, message) and "Join" in shown(h, message)
    await jobs(h, at(8, 6, 1))
    assert "7 days, done together!" in new_messages(h, family)[-1]
    assert "2 of you took part, with 1 day on plan between you" in new_messages(h, family)[-1]
    assert "Ana · on plan 1 day" in shown(h, message) and "🌱 Bo\n" in shown(h, message)


# ----------------------------------------------------------------------------------------------
# One truth for numbers: the group's tally, the weekly summary, /progress and the clinician's
# summary count a week the same way (bot.domain.progress.day_status).


async def private_checkin(h: Harness, person: FakeUser, movement: str) -> None:
    """A full check-in in the private chat; `movement` answers "since your last check-in"."""
    h.clock.advance(GAP)
    await h.say(person, "/checkin")
    for label in ("3", "No", "2", "6", "7", movement, "Skip"):
        await h.tap(person, label)


async def test_the_group_the_weekly_summary_progress_and_pdf_agree(harness: Harness) -> None:
    from bot.db.models import Reflection
    from bot.domain.challenges import tally
    from bot.usecases import reports
    from bot.usecases.challenges import roster as read_roster

    h = harness
    h.clock.set(START)
    [ana] = await people(h, "Ana")
    family = await new_group(h, "Family", ana)
    message = await create(h, ana, family)
    # Day 1: Done today in the group. Day 2: a check-in says "yes": that is about day 1.
    await tap(h, ana, message, "Done today")
    await jobs(h, at(2, 7, 0))
    await private_checkin(h, ana, "Yes")
    await tallied(h)
    assert "▫️ Ana · on plan 1 day" in shown(h, message)  # day 2 itself is not counted yet
    # Day 3: "Planned rest" about day 2. Day 4: Rest day in the group. Day 6: "No" about day 5.
    await jobs(h, at(3, 7, 0))
    await private_checkin(h, ana, "Planned rest")
    await jobs(h, at(4, 7, 0))
    await tap(h, ana, message, "Rest day")
    await jobs(h, at(6, 7, 0))
    await private_checkin(h, ana, "No")
    # Day 7 (Sunday): Done today; then the weekly summary at 19:00 in Berlin (17:00 UTC).
    await jobs(h, at(7, 7, 0))
    await tap(h, ana, message, "Done today")
    await tallied(h)
    assert "✅ Ana · on plan 4 days" in shown(h, message)  # days 1, 2 (rest), 4 (rest), 7
    h.clock.set(at(7, 16, 55))
    for _ in range(12):  # the weekly summary may be spaced from the day's check-in prompt
        h.clock.advance(timedelta(minutes=10))
        await h.tick()
    [weekly] = [m for m in h.emu.messages(ana) if "Your week" in str(m.get("caption"))]
    caption = str(weekly["caption"])
    assert "You moved on <b>2 of the last 7 days</b>" in caption or (
        "You moved on 2 of the last 7 days" in caption
    ), caption
    assert "4 of 7" in caption, caption
    said = texts(await h.say(ana, "/progress"))
    assert "2 of the last 7 days" in said and "4 of 7" in said
    # The weekly questions; the monthly one waits for four weeks after starting.
    for answer in ("3", "4", "5"):
        await h.tap(ana, answer)
    # The challenge's own tally, as the group message shows it.
    async with h.services.sessions() as session:
        challenge = await session.get(Challenge, challenge_id_of(message))
        assert challenge is not None and challenge.start_date is not None
        today = at(7, 17, 0).date()
        roster = await read_roster(session, challenge, today)
        [line] = tally(roster.tally_members, challenge.start_date, today, today)
        user = await session.get(User, ana.id)
        assert user is not None
        data, summary = await reports.load(session, user, today)
        period = await reports.load_trends(session, user, today, SHORT_WEEKS)
        stored = (await session.execute(select(Reflection))).scalars().all()
    assert line.days == data.days_on_plan_week == summary.days_on_plan == 4
    assert data.days_moved_week == summary.days_moved == 2
    assert [p.date.day for p in data.days if p.moved] == [1, 7]
    # The clinician's page: a daily goal, days since joining only, the weekly answers.
    lines = reports.visit_lines(h.services, user, summary, period)
    assert "Weekly movement goal" not in lines and "Daily movement goal" in lines
    assert lines["Days with movement"] == "2 of 7 days"
    assert lines["Days on plan (incl. planned rest)"] == "4 of 7 days"
    assert lines["Check-ins"] == "3 of 7 days"
    assert len(stored) == 1
    header, weeks = reports.weekly_table(h.services, user, summary.reflections)
    assert header[2] == "Confident to manage usual tasks (0-6)" and weeks == (
        ("07 Jun", "3", "4", "5"),
    )
    assert "Overall since starting (monthly)" not in lines or "A little better" not in str(
        lines["Overall since starting (monthly)"]
    )
    documents = [m for m in await h.say(ana, "/export") if "document" in m]
    assert h.emu.file(documents[-1]).data.startswith(b"%PDF")
    read = await every_surface_agrees(h, ana, challenge_id_of(message), today)
    assert [d.day for d, (moved, _) in read.items() if moved] == [1, 7]


RED_FLAG = "honestly some days I just don't want to be here anymore"


async def every_surface_agrees(
    h: Harness, person: FakeUser, challenge_id: int, today: date
) -> dict[date, tuple[bool, bool]]:
    """Moved and on plan for each day since joining, as the day reader (bot.usecases.days) reads
    them, after checking that the weekly summary's text, the chart's data, the CSV's rows, the
    PDF's table, the share page's days and the group's tally say the same of every day."""
    import csv
    import io

    import pdfplumber

    from bot.db.history import joined_on
    from bot.domain.challenges import tally
    from bot.usecases import reports, weekly
    from bot.usecases.challenges import roster as read_roster
    from bot.usecases.days import days
    from tests.e2e.test_summary_pdf import figures_table

    async with h.services.sessions() as session:
        user = await session.get(User, person.id)
        challenge = await session.get(Challenge, challenge_id)
        assert user is not None and challenge is not None
        start, end = challenge.start_date, challenge.end_date
        assert start is not None and end is not None
        joined = joined_on(user)
        read = {d.date: (d.moved, d.on_plan) for d in await days(session, user, joined, today)}
        data, summary = await reports.load(session, user, today)
        period = await reports.load_trends(session, user, today, 4)
        # As the challenge's messages read it: up to today, or its last day once it is over.
        roster = await read_roster(session, challenge, min(today, end))
    assert list(read) == [joined + timedelta(days=n) for n in range((today - joined).days + 1)]
    # The chart (/progress, the weekly summary's picture, the PDF's picture) and the share page.
    assert {p.date: (p.moved, p.on_plan) for p in data.days if p.date >= joined} == read
    assert {d.date: (d.moved, d.on_plan) for d in period.days} == read
    week = [v for d, v in read.items() if d > today - timedelta(days=7)]
    moved_week, on_plan_week = sum(m for m, _ in week), sum(o for _, o in week)
    assert (data.days_moved_week, data.days_on_plan_week) == (moved_week, on_plan_week)
    # The weekly summary as it goes out.
    sent = await weekly.summary(h.services, weekly.WeeklyClaim(user.id, user.chat_id, today, 0))
    assert sent is not None
    if data.enough:  # fewer than three check-ins get kind words instead of numbers
        assert f"{moved_week} of the last 7 days" in sent.text, sent.text
        assert (f"On plan: <b>{on_plan_week} of 7</b>" in sent.text) is (on_plan_week > moved_week)
    else:
        assert "of the last 7 days" not in sent.text, sent.text
    # The group's tally: "moved" on the days moved, "resting" on the other days on plan.
    [member] = roster.tally_members
    ran = {d: v for d, v in read.items() if start <= d <= end}
    assert {d: member.statuses.get(d) for d in ran} == {
        d: "moved" if moved else "resting" if on_plan else None
        for d, (moved, on_plan) in ran.items()
    }
    [line] = tally(roster.tally_members, start, end, min(today, end))
    assert line.days == sum(o for _, o in ran.values())
    # /export: the CSV's rows and the PDF's table.
    outputs = await h.say(person, "/export")
    files = {h.emu.file(m).file_name.rsplit(".")[-1]: h.emu.file(m).data
             for m in outputs if "document" in m}  # fmt: skip
    rows = csv.DictReader(io.StringIO(files["csv"].decode("utf-8-sig")))
    sheet = {date.fromisoformat(r["date"]): (r["moved"] == "yes", r["on_plan"] == "yes")
             for r in rows}  # fmt: skip
    assert {d: sheet.get(d, (False, False)) for d in read} == read
    with pdfplumber.open(io.BytesIO(files["pdf"])) as document:
        table = figures_table(document.pages[0])
    count = len(read)
    assert table["Days with movement"] == f"{sum(m for m, _ in read.values())} of {count} days"
    on_plan_days = sum(o for _, o in read.values())
    assert table["Days on plan (incl. planned rest)"] == f"{on_plan_days} of {count} days"
    assert (summary.days_moved, summary.days_on_plan) == (
        sum(m for m, _ in read.values()), on_plan_days,
    )  # fmt: skip
    return read


async def test_tricky_days_are_the_same_day_on_every_surface(harness: Harness) -> None:
    """A week with a group Done only, a missed day before "since your last check-in: yes", a
    rest declared in words, a flare and a safety hold: every surface reads each day alike."""
    from bot.db.history import joined_on
    from bot.usecases.days import days

    h = harness
    h.clock.set(START)
    [ana] = await people(h, "Ana")
    family = await new_group(h, "Family", ana)
    message = await create(h, ana, family)
    await tap(h, ana, message, "Done today")  # day 1: the group's Done only
    await jobs(h, at(2, 7, 0))
    await private_checkin(h, ana, "No")  # day 2: a check-in, nothing tapped on its plan
    # Day 3: nothing at all. Day 4: "yes, since your last check-in": that was day 2.
    await jobs(h, at(4, 7, 0))
    await private_checkin(h, ana, "Yes")
    h.clock.set(at(5, 7, 0))
    assert "Rest it is" in texts(await h.say(ana, "too tired today"))  # day 5
    h.clock.set(at(6, 7, 0))  # day 6: a flare ends the check-in after two taps
    await h.say(ana, "/checkin")
    for label in ("8", "Yes"):
        await h.tap(ana, label)
    await jobs(h, at(7, 7, 0))
    await private_checkin(h, ana, "No")  # day 7: "no" about the flare day: its plan was kept
    said = texts(await h.say(ana, RED_FLAG))  # then a red flag: the day is a safety hold
    assert "ending your life?" in said, said
    await h.say(ana, "no, not like that, I'm just worn out by the pain")
    today = at(7, 12, 0).date()
    read = await every_surface_agrees(h, ana, challenge_id_of(message), today)
    async with h.services.sessions() as session:
        user = await session.get(User, ana.id)
        assert user is not None
        decided = {d.date.day: d.decided for d in await days(session, user, joined_on(user), today)}
    by_day = {d.day: v for d, v in read.items()}
    assert by_day[1] == (True, True)  # the group's Done alone
    assert by_day[2] == (True, True)  # the "yes" given on day 4
    assert by_day[3] == (False, False)  # a missed day stays missed
    assert (decided[5], by_day[5]) == ("rest", (False, True))
    assert (decided[6], by_day[6]) == ("flare", (False, True))
    assert decided[7] == "safety"


async def test_a_member_who_blocked_the_bot_unannounced_is_marked_by_the_failed_nudge(
    harness: Harness,
) -> None:
    """Telegram's "kicked" update can come late or not at all: the nudge that fails with 403
    marks the person inactive by their id, and the next day's nudge is not tried again."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    h.emu.state_of(bo).blocked = True  # no update about it reaches the bot
    calls = len(h.emu.calls)
    await jobs(h, at(2, NUDGE_UTC, 1))
    tried = [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(bo.id)]
    assert len(tried) == 1  # the nudge, refused
    async with h.services.sessions() as session:
        user = await session.get(User, bo.id)
    assert user is not None and not user.active
    calls = len(h.emu.calls)
    await jobs(h, at(3, NUDGE_UTC, 1))
    assert [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(bo.id)] == []
    assert "isn't marked yet" in texts(h.emu.messages(ana)[-1:])


async def test_a_rest_declared_after_a_challenge_ends_leaves_its_last_day_as_it_was(
    harness: Harness,
) -> None:
    """The day after a challenge, "too tired today" stores "rest" on the next day's row (the
    answer "since your last check-in", about the day of the rest). The group's final tally
    once read it as about the challenge's last day, "resting" and on plan, while the chart
    left that day missed; both now read the day from the same days."""
    h = harness
    h.clock.set(START)
    [ana] = await people(h, "Ana")
    family = await new_group(h, "Family", ana)
    message = await create(h, ana, family)
    for day in range(2, 8):
        await jobs(h, at(day, 6, 1))
    await private_checkin(h, ana, "No")  # day 7, the last: a check-in, its plan not done
    h.clock.set(at(8, 5, 0))  # day 8, 07:00 in Berlin: the challenge is over
    assert "Rest it is" in texts(await h.say(ana, "too tired today"))
    await jobs(h, at(8, 6, 1))
    assert "7 days, done together!" in new_messages(h, family)[-1]
    read = await every_surface_agrees(h, ana, challenge_id_of(message), at(8, 6, 1).date())
    assert {d.day: v for d, v in read.items() if d.day in (7, 8)} == {
        7: (False, False),
        8: (False, True),
    }


async def test_days_moved_with_the_group_only_are_exported_like_every_other_day(
    harness: Harness,
) -> None:
    """A member who never checks in privately and taps Done today in the group: the chart and
    the tally count the day, and /export gives it (it once said there was nothing to export)."""
    h = harness
    h.clock.set(START)
    [bo] = await people(h, "Bo")
    family = await new_group(h, "Family", bo)
    message = await create(h, bo, family)
    await tap(h, bo, message, "Done today")
    read = await every_surface_agrees(h, bo, challenge_id_of(message), at(1, 12).date())
    assert list(read.values()) == [(True, True)]


async def test_a_member_whose_first_day_is_ahead_of_the_group_leaves_the_others_counted(
    harness: Harness,
) -> None:
    """Bo started the bot at 03:00 on Tuesday on Kiritimati (UTC+14), while it is still Monday
    afternoon in the group's Berlin: none of Bo's days falls in the span the card reads, and Cy,
    who joined after Bo and moved today, is still shown as done."""
    h = harness
    h.clock.set(START)
    [ana] = await people(h, "Ana")
    h.clock.set(at(1, 13))  # 15:00 Monday in Berlin, 03:00 Tuesday on Kiritimati
    bo, cy = h.emu.user("Bo"), h.emu.user("Cy")
    await onboard(h, bo, "Pacific/Kiritimati")
    await onboard(h, cy)
    family = await new_group(h, "Family", ana, bo, cy)
    message = await create(h, ana, family)
    assert await tap(h, bo, message, "Join") == "You're in! 🎉"
    assert await tap(h, cy, message, "Join") == "You're in! 🎉"
    await tap(h, cy, message, "Done today")
    await tallied(h)
    text = shown(h, message)
    assert "▫️ Bo" in text, text
    assert "▫️ Cy" not in text and "Cy" in text, text


async def tap_at(h: Harness, person: FakeUser, message: JSON, label: str, when: datetime) -> str:
    """Tap a button at the instant `when`; the popup text."""
    h.clock.set(when)
    query = await h.emu.tap_button(person, h.emu.current(message), label)
    await h.settle()
    answer = h.emu.answer_for(query)
    return answer.text if answer and answer.text else ""


async def test_a_done_tap_after_the_last_day_says_it_has_finished(harness: Harness) -> None:
    """The last day's summary has not gone out yet (the bot was down that evening), so the
    card still has its buttons: Done counts up to the last instant of the last day in the
    group's zone; from the group's midnight on it says the challenge has finished, and the
    day after is not counted."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    midnight = at(7, 22)  # Monday 8 June, 00:00 in Berlin: day 7 of 7 is over
    finished = "This challenge has finished. /challenge starts a new one."
    tick = timedelta(microseconds=1)
    for when, popup in (
        (midnight - tick, "Counted: you moved today 🎉"), (midnight, finished),
        (midnight + tick, finished),
    ):  # fmt: skip
        h.clock.freeze(when)
        query = await h.emu.tap_button(ana, h.emu.current(message), "Done today")
        await h.settle()
        h.clock.unfreeze()
        answer = h.emu.answer_for(query)
        assert answer is not None and answer.text == popup, (when, answer)
    async with h.services.sessions() as session:
        marked = (await session.execute(select(DayMark.local_date))).scalars().all()
    assert marked == [date(2026, 6, 7)]


def edits_since(h: Harness, group: FakeChat, calls: int) -> list[str]:
    """Texts of the edits the bot tried in a group since call number `calls`."""
    return [
        str(c.params.get("text")) for c in h.emu.calls[calls:]
        if c.method == "editMessageText" and str(c.params.get("chat_id")) == str(group.id)
    ]  # fmt: skip


async def test_the_card_is_edited_only_for_a_change_and_never_shows_a_tap_before_its_hour(
    harness: Harness,
) -> None:
    """A join shows at once (or, within the group's edit gap, at the job's next run); a Done
    shows at the next whole hour and not a run before, whatever was edited just before; a tap
    that changes nothing makes no edit at all. After each refresh the card's row waits for the
    group's next midnight, when the day turns over, and nothing else."""
    h = harness
    h.clock.set(START)
    ana, bo, cy = await people(h, "Ana", "Bo", "Cy")
    family = await new_group(h, "Family", ana, bo, cy)
    message = await create(h, ana, family)
    cid = challenge_id_of(message)
    midnight = datetime(2026, 6, 1, 22, 0, tzinfo=UTC)  # Tuesday 00:00 in Berlin
    t = START + timedelta(minutes=1)

    assert await tap_at(h, bo, message, "Join", t) == "You're in! 🎉"
    assert "▫️ Bo" in shown(h, message)
    assert await tap_at(h, cy, message, "Join", t + timedelta(seconds=1)) == "You're in! 🎉"
    assert "Cy" not in shown(h, message)  # within the edit gap: the job shows it
    await jobs(h, t + timedelta(seconds=6))
    assert "▫️ Cy" in shown(h, message)
    # A Done right after an edit still waits for the hour, even with the job running meanwhile.
    done = await tap_at(h, bo, message, "Done today", t + timedelta(seconds=7))
    assert done == "Counted: you moved today 🎉"
    calls = len(h.emu.calls)
    await jobs(h, t + timedelta(seconds=12))
    await jobs(h, t + timedelta(seconds=17))
    assert edits_since(h, family, calls) == [] and "▫️ Bo" in shown(h, message)
    await jobs(h, at(1, 9, 0) + timedelta(seconds=1))
    assert "✅ Bo" in shown(h, message)
    row = await challenge_row(h, cid)
    assert (row.stale, row.refresh_at) == (False, midnight)

    # Bo taps Done again: already counted, so the hour's run has nothing to show.
    again = await tap_at(h, bo, message, "Done today", at(1, 9, 30))
    assert again == "Already counted for today 🌱"
    calls = len(h.emu.calls)
    await jobs(h, at(1, 10, 0) + timedelta(seconds=1))
    assert edits_since(h, family, calls) == []
    row = await challenge_row(h, cid)
    assert (row.stale, row.refresh_at) == (False, midnight)
    # Nor does that quiet run let the next Done through before its hour.
    done = await tap_at(h, cy, message, "Done today", at(1, 10, 0) + timedelta(seconds=2))
    assert done == "Counted: you moved today 🎉"
    await jobs(h, at(1, 10, 0) + timedelta(seconds=7))
    await jobs(h, at(1, 10, 0) + timedelta(seconds=12))
    assert edits_since(h, family, calls) == [] and "▫️ Cy" in shown(h, message)
    await jobs(h, at(1, 11, 0) + timedelta(seconds=1))
    assert "✅ Cy" in shown(h, message)
    # The day turns over at midnight in Berlin, not a moment before.
    await jobs_exactly(h, midnight - timedelta(microseconds=1))
    assert "Day 1 of 7" in shown(h, message)
    await jobs_exactly(h, midnight)
    assert "Day 2 of 7" in shown(h, message)


async def test_leaving_and_joining_again_within_the_gap_changes_nothing_on_the_card(
    harness: Harness,
) -> None:
    """Bo leaves and at once joins again, both within the group's edit gap: the card never
    showed him gone, so it is not edited, and a Done tapped just after still waits for the
    hour (nothing is left pending that would show it sooner)."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    t = START + timedelta(minutes=1)
    assert await tap_at(h, bo, message, "Join", t) == "You're in! 🎉"
    assert "▫️ Bo" in shown(h, message)
    calls = len(h.emu.calls)
    h.clock.set(t + timedelta(seconds=1))
    await h.say(bo, "/leave", chat=family)
    assert await tap_at(h, bo, message, "Join", t + timedelta(seconds=2)) == "You're in! 🎉"
    done = await tap_at(h, ana, message, "Done today", t + timedelta(seconds=3))
    assert done == "Counted: you moved today 🎉"
    await jobs(h, t + timedelta(seconds=8))
    await jobs(h, t + timedelta(seconds=13))
    assert edits_since(h, family, calls) == [], edits_since(h, family, calls)
    assert "▫️ Ana" in shown(h, message) and "▫️ Bo" in shown(h, message)
    assert not (await challenge_row(h, challenge_id_of(message))).stale
    await tallied(h)
    assert "✅ Ana" in shown(h, message)


async def test_an_edit_waits_for_the_gap_exactly_and_not_a_moment_more(harness: Harness) -> None:
    """The group gets at most one edit per EDIT_GAP: a join a moment less than the gap after
    the last edit waits, and the job shows it once the gap has passed, to the microsecond."""
    h = harness
    h.clock.set(START)
    ana, bo, cy = await people(h, "Ana", "Bo", "Cy")
    family = await new_group(h, "Family", ana, bo, cy)
    message = await create(h, ana, family)
    t = START + timedelta(minutes=1)
    assert await tap_at(h, bo, message, "Join", t) == "You're in! 🎉"
    assert "▫️ Bo" in shown(h, message)
    async with h.services.sessions() as session:
        last = await session.scalar(select(GroupChat.last_edit_at))
    assert last is not None and last >= t
    assert await tap_at(h, cy, message, "Join", last + timedelta(seconds=1)) == "You're in! 🎉"
    await jobs_exactly(h, last + EDIT_GAP - timedelta(microseconds=1))
    assert "Cy" not in shown(h, message)
    await jobs_exactly(h, last + EDIT_GAP)
    assert "▫️ Cy" in shown(h, message)


async def delete_everything(h: Harness, person: FakeUser) -> None:
    """The usual /delete, confirmed twice."""
    await h.say(person, "/delete")
    await h.tap(person, "Yes, delete everything")
    await h.tap(person, "Delete now, for good")


async def test_a_finished_challenges_card_drops_a_member_who_deletes_their_data(
    harness: Harness,
) -> None:
    """The challenge ended early; Bo then deletes his data: the finished card, which still
    lists everyone's days, is shown again without him."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    await tap(h, bo, message, "Done today")
    await in_group(h, ana, family, "/endchallenge")
    chooser = h.emu.last(family)
    assert chooser is not None
    await tap(h, ana, chooser, "Walking")
    assert "finished" in shown(h, message) and "Bo" in shown(h, message)
    await delete_everything(h, bo)
    await jobs(h, h.clock.now() + GAP)
    assert "finished" in shown(h, message) and "Bo" not in shown(h, message)
    assert "Ana" in shown(h, message)


async def test_a_removed_groups_card_waits_for_the_bot_to_be_added_back(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bot was removed from Family, then Bo, who was in its challenge, deletes his data:
    nothing is tried in Family while the bot is out, and Ana's other group's card keeps
    turning over meanwhile (however many such cards wait: here the job claims one challenge
    at a time). Once Family adds the bot back, its card is shown again without Bo."""
    monkeypatch.setattr(service, "BATCH", 1)
    h = harness
    h.clock.set(START)
    ana, bo, cy = await people(h, "Ana", "Bo", "Cy")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    work = await new_group(h, "Work", ana, cy)
    walk = await create(h, ana, work)
    assert challenge_id_of(message) < challenge_id_of(walk)
    await tap(h, cy, walk, "Join")
    await h.emu.remove_from_group(family, by=ana)
    await caught_up(h)
    goodbyes = [m for m in h.emu.messages(bo) if "I was removed from Family" in str(m.get("text"))]
    assert len(goodbyes) == 1
    await delete_everything(h, bo)
    await tap(h, cy, walk, "Done today")
    calls = len(h.emu.calls)
    await jobs(h, h.clock.now() + GAP)
    await tallied(h)
    assert "✅ Cy" in shown(h, walk)
    await jobs(h, at(2, 0, 1) - timedelta(hours=2))  # 00:01 in Berlin
    assert "Day 2 of 7" in shown(h, walk)
    assert not [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(family.id)]
    assert "Bo" in shown(h, message)

    await h.emu.add_to_group(ana, family)
    await caught_up(h)
    await jobs(h, h.clock.now() + GAP)
    assert "Bo" not in shown(h, message) and "Ana" in shown(h, message)


async def test_the_days_summary_goes_out_at_its_time_to_the_microsecond(harness: Harness) -> None:
    """20:00 in Berlin: the summary goes out at that instant, and not a microsecond before."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    await create(h, ana, family)
    before = len(group_outputs(h, family))
    await jobs_exactly(h, at(1, SUMMARY_UTC, 0) - timedelta(microseconds=1))
    assert new_messages(h, family, before) == []
    await jobs_exactly(h, at(1, SUMMARY_UTC, 0))
    [summary] = new_messages(h, family, before)
    assert "Day 1 of 7" in summary


async def test_a_days_summary_goes_out_up_to_late_limit_late_and_only_once(
    harness: Harness,
) -> None:
    """After an outage the day's summary still goes out when it is LATE_LIMIT late to the
    microsecond (and is not sent again once its lease is over); a microsecond later it is only
    logged."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    await create(h, ana, family)
    before = len(group_outputs(h, family))
    await jobs_exactly(h, at(1, SUMMARY_UTC, 0) + LATE_LIMIT)
    assert [t for t in new_messages(h, family, before) if t.startswith("🌙 Day 1")]
    await jobs(h, at(1, SUMMARY_UTC, 0) + LATE_LIMIT + timedelta(minutes=15))
    sent = summaries(h, family, before)
    assert len(sent) == 1, sent
    await jobs_exactly(h, at(2, SUMMARY_UTC, 0) + LATE_LIMIT + timedelta(microseconds=1))
    await jobs(h, at(2, SUMMARY_UTC, 0) + LATE_LIMIT + timedelta(minutes=15))
    sent = summaries(h, family, before)
    assert len(sent) == 1, sent


async def test_the_last_day_of_a_challenge_still_has_its_nudge(harness: Harness) -> None:
    """Sunday is the last of the seven days: at 17:00 whoever is not marked yet still gets the
    private nudge."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    for day in range(1, 7):
        await jobs(h, at(day, SUMMARY_UTC, 1))
    before = len(h.emu.messages(bo))
    await jobs(h, at(7, NUDGE_UTC, 1))
    nudges = [str(m.get("text")) for m in h.emu.messages(bo)[before:]]
    assert len([t for t in nudges if "isn't marked yet" in t]) == 1, nudges


async def test_a_challenge_set_up_at_its_nudge_time_nudges_from_the_next_day(
    harness: Harness,
) -> None:
    """Three challenges set up on Monday afternoon, their last answer (the 20:00 summary, so
    the nudge is at 17:00) given a microsecond before 17:00, at 17:00 exactly and a
    microsecond after: only the first creator gets Monday's nudge; for the others the nudges
    start on Tuesday."""
    h = harness
    h.clock.set(at(1, NUDGE_UTC - 1))
    people_ = await people(h, "Ana", "Bo", "Cy")
    setups = []
    for person, title in zip(people_, ("Family", "Work", "Home"), strict=True):
        group = await new_group(h, title, person)
        setup = await at_zone_question(h, person, group)
        await tap(h, person, setup, "Berlin")
        setups.append(setup)
    nudge, tick = at(1, NUDGE_UTC), timedelta(microseconds=1)
    finished = (nudge - tick, nudge, nudge + tick)
    for person, setup, when in zip(people_, setups, finished, strict=True):
        h.clock.freeze(when)
        query = await h.emu.tap_button(person, h.emu.current(setup), "20:00")
        await h.settle()
        h.clock.unfreeze()
        answer = h.emu.answer_for(query)
        assert answer is not None and answer.text == "It's live! 🎉", (when, answer)
    for day, expected in ((1, [True, False, False]), (2, [True, True, True])):
        before = [len(h.emu.messages(person)) for person in people_]
        await jobs(h, at(day, NUDGE_UTC, 1))
        nudged = [
            any("isn't marked yet" in str(m.get("text")) for m in h.emu.messages(person)[since:])
            for person, since in zip(people_, before, strict=True)
        ]
        assert nudged == expected, day


async def test_a_late_nudge_goes_out_up_to_late_limit_late_to_the_microsecond(
    harness: Harness,
) -> None:
    """A challenge summed up in the morning (looking back at the day before) nudges at 19:00,
    many hours before its summary: after an outage the nudge still goes out exactly LATE_LIMIT
    late, and not a microsecond later."""
    h = harness
    _ana, bo, _family, message = await morning_challenge(h, "Walking", "10 min", "7 days", "Berlin")
    assert "summary at 08:00" in shown(h, message)
    await tap(h, bo, message, "Join")
    evening = timedelta(hours=17)  # 19:00 in Berlin, in UTC from the day's midnight
    for day, late, nudged in ((1, LATE_LIMIT, 1), (2, LATE_LIMIT + timedelta(microseconds=1), 0)):
        before = len(h.emu.messages(bo))
        due = datetime.combine(at(day, 0).date(), datetime.min.time(), UTC) + evening
        await jobs_exactly(h, due + late)
        texts_now = [str(m.get("text")) for m in h.emu.messages(bo)[before:]]
        assert len([t for t in texts_now if "isn't marked yet" in t]) == nudged, (day, texts_now)


async def test_a_late_nudge_goes_out_until_the_days_summary_and_not_at_it(
    harness: Harness,
) -> None:
    """After an outage the 17:00 nudge still goes out a microsecond before the 20:00 summary;
    at the summary's own instant it is dropped (the summary says it all)."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    for day, before_summary, nudged in ((1, timedelta(microseconds=1), 1), (2, timedelta(0), 0)):
        before = len(h.emu.messages(bo))
        await jobs_exactly(h, at(day, SUMMARY_UTC, 0) - before_summary)
        texts_now = [str(m.get("text")) for m in h.emu.messages(bo)[before:]]
        assert len([t for t in texts_now if "isn't marked yet" in t]) == nudged, (day, texts_now)


async def test_a_tap_just_after_the_hour_does_not_hold_back_the_hours_tally(
    harness: Harness,
) -> None:
    """Bo's Done at 10:30 is due on the card at 11:00; Cy taps at 11:00:02, before the job's
    next run: that run still shows the card as of now (Bo's Done with it), and Cy's tap does
    not push it on to 12:00."""
    h = harness
    h.clock.set(START)
    ana, bo, cy = await people(h, "Ana", "Bo", "Cy")
    family = await new_group(h, "Family", ana, bo, cy)
    message = await create(h, ana, family)
    for person in (bo, cy):
        await tap(h, person, message, "Join")
    await jobs(h, START + timedelta(minutes=5))
    assert "▫️ Bo" in shown(h, message) and "▫️ Cy" in shown(h, message)
    done = await tap_at(h, bo, message, "Done today", START + timedelta(minutes=30))
    assert done == "Counted: you moved today 🎉"
    done = await tap_at(h, cy, message, "Done today", at(1, 9, 0) + timedelta(seconds=2))
    assert done == "Counted: you moved today 🎉"
    await jobs(h, at(1, 9, 0) + timedelta(seconds=5))
    assert "✅ Bo" in shown(h, message)
