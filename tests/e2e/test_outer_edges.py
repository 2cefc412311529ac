"""Edges of the handlers and delivery that nothing else pinned (each found by a surviving mutant
of `python -m tests.mutation outer`)."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import aiohttp
import pytest
from sqlalchemy import select

from bot.clock import ManualClock
from bot.config import load_settings
from bot.db import outbox
from bot.db.models import Challenge, ChallengeSummary, DayMark, User
from bot.devtools.emulator import Emulator, FakeChat, FakeUser, buttons, format_message
from bot.devtools.emulator.members import my_chat_member
from bot.telegram import metrics
from bot.telegram.jobs import challenges as challenge_jobs
from bot.usecases import challenges as challenge_service
from bot.views.content import Content
from tests.e2e.test_group_privacy import check_tier_text
from tests.e2e.test_groups import (
    START,
    SUMMARY_UTC,
    at,
    challenge_id_of,
    create,
    jobs,
    new_group,
    people,
    tap_at,
    tap_data,
)
from tests.e2e.test_promises import said_to
from tests.harness import JSON, Harness, logged, onboard, texts

T = TypeVar("T")


async def challenge_in_family(
    h: Harness, *, bo_done: bool = False
) -> tuple[FakeUser, FakeUser, FakeChat, JSON]:
    """Ana's challenge in the Family group at START, Bo joined (and done today, `bo_done`)."""
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await h.emu.tap_button(bo, message, "Join")
    if bo_done:
        await h.emu.tap_button(bo, h.emu.current(message), "Done today")
    await h.settle()
    return ana, bo, family, message


async def test_garbled_group_buttons_get_the_popup_and_change_nothing(
    harness: Harness, content: Content
) -> None:
    """A set-up or challenge button whose data is cut short or garbled (forged, or from a
    retired version), in a basic group and a supergroup: the stale popup, nothing in the group."""
    h = harness
    h.clock.set(START)
    [ana] = await people(h, "Ana")
    stale = content.render("error.stale_button")
    for supergroup in (False, True):
        group = h.emu.group("Family", supergroup=supergroup, members=(ana,))
        await h.say(ana, "/challenge", chat=group)
        setup = h.emu.last(group)
        assert setup is not None
        for data in ("gs:", "gs:x", "gs:1:zz:9", "gc:", "gc:x:join", "gc:1:dance"):
            calls = len(h.emu.calls)
            query = await h.emu.tap(ana, setup, data)
            await h.settle()
            answer = h.emu.answer_for(query)
            assert answer is not None and answer.text == stale, (group.type, data, answer)
            touched = [c for c in h.emu.calls[calls:]
                       if str(c.params.get("chat_id")) == str(group.id)]  # fmt: skip
            assert touched == [], (group.type, data)


async def test_a_challenge_button_of_another_group_gets_the_popup_and_counts_nothing(
    harness: Harness, content: Content
) -> None:
    """Family's Done and Join, and an answer to Family's set-up, copied or forged onto Work's
    card and tapped there: the stale popup; Bo is neither counted nor joined, and neither card
    nor the set-up changes."""
    h = harness
    ana, bo, family, message = await challenge_in_family(h)
    work = await new_group(h, "Work", ana, bo)
    card = await create(h, ana, work, activity="Stretching", minutes="5 min")
    await h.say(ana, "/challenge", chat=family)  # a set-up in Family, answered from Work below
    setup = h.emu.last(family)
    assert setup is not None
    foreign, draft = challenge_id_of(message), challenge_id_of(setup)
    calls = len(h.emu.calls)
    for action in ("done", "rest", "join", "leave"):
        answer = await tap_data(h, bo, card, f"gc:{foreign}:{action}")
        assert answer == content.render("error.stale_button"), (action, answer)
    answer = await tap_data(h, ana, card, f"gs:{draft}:act:walking")
    assert answer == content.render("error.stale_button"), answer
    assert "Walking" in format_message(h.emu.current(setup))  # still asking the activity
    chats = {str(family.id), str(work.id), str(bo.id)}
    assert [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) in chats] == []
    async with h.services.sessions() as session:
        marks = (await session.execute(select(DayMark))).scalars().all()
    assert marks == []


async def test_a_reply_to_the_card_or_the_intro_is_not_a_set_up_answer(harness: Harness) -> None:
    """Replies in the group to the bot's messages that are no open set-up (the live card, the
    introduction) are chat among people: the bot says and edits nothing, and nothing fails."""
    h = harness
    ana, bo, family, message = await challenge_in_family(h)
    intro = next(m for m in h.emu.outputs(family) if "edit_date" not in m)
    calls = len(h.emu.calls)
    with logged("123456:TEST-token") as log:
        for person, replied, text in ((bo, message, "nice one!"), (ana, intro, "8pm")):
            await h.emu.send_text(person, text, chat=family, reply_to=replied)
            await h.settle()
    assert [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(family.id)] == []
    assert "ERROR" not in log.getvalue(), log.getvalue()


async def test_the_days_summary_answers_the_challenge_message(harness: Harness) -> None:
    """The summary is posted as a reply to the challenge, so the group sees which one it is."""
    h = harness
    _ana, _bo, family, message = await challenge_in_family(h, bo_done=True)
    await jobs(h, at(1, SUMMARY_UTC, 1))
    summary = h.emu.last(family)
    assert summary is not None and "Day 1 of 7" in str(summary.get("text"))
    replied = summary.get("reply_to_message") or {}
    assert replied.get("message_id") == message["message_id"], summary


async def test_the_days_summary_still_comes_when_the_challenge_message_was_deleted(
    harness: Harness,
) -> None:
    """An admin deleted the challenge message: the card is posted anew, and the summary, which
    cannot answer the deleted one, is posted on its own instead of being refused ("message to be
    replied not found")."""
    h = harness
    _ana, _bo, family, message = await challenge_in_family(h, bo_done=True)
    h.emu.state_of(family).deleted.add(message["message_id"])  # deleted by a group admin
    calls = len(h.emu.calls)
    await jobs(h, at(1, SUMMARY_UTC, 1))
    posted = [str(c.params.get("text")) for c in h.emu.calls[calls:]
              if c.method == "sendMessage" and not c.error]  # fmt: skip
    assert len(posted) == 2 and "summary at" in posted[0], posted  # the card anew, the summary
    summary = h.emu.last(family)
    assert summary is not None and "Day 1 of 7" in str(summary.get("text")), summary
    assert "summary at" not in str(summary.get("text")), "the last message is the card"
    assert "reply_to_message" not in summary


# One effect failing does not lose the update's others -------------------------------------


async def test_a_tap_whose_popup_fails_still_moves_the_checkin_on(harness: Harness) -> None:
    """Answering the tap fails (the query is too old): the next question still shows."""
    h = harness
    eve = h.emu.user("Eve")
    await onboard(h, eve)
    await h.say(eve, "/checkin")
    too_old = "Bad Request: query is too old and response timeout expired or query ID is invalid"
    h.emu.fail_next("answerCallbackQuery", status=400, description=too_old)
    said = texts(await h.tap(eve, "5"))
    assert [c.method for c in h.emu.calls if c.error] == ["answerCallbackQuery"]
    assert "feel like a flare" in said, said


async def test_a_refused_message_does_not_lose_the_next_one(harness: Harness) -> None:
    """A light red flag gets two messages (the "are you OK?" and the usual answer): Telegram
    refuses the first, and the second still goes out."""
    h = harness
    eve = h.emu.user("Eve")
    await onboard(h, eve)
    calls = len(h.emu.calls)
    h.emu.fail_next("sendMessage", status=400, description="Bad Request: can't parse entities")
    await h.say(eve, check_tier_text())
    sent = [c for c in h.emu.calls[calls:] if c.method == "sendMessage"]
    assert [bool(c.error) for c in sent] == [True, False], sent


async def test_im_ok_on_the_light_check_takes_its_buttons_away_and_answers(
    harness: Harness,
) -> None:
    """The buttons go from the question (an edit of its markup), then the answer comes."""
    h = harness
    eve = h.emu.user("Eve")
    await onboard(h, eve)
    await h.say(eve, check_tier_text())
    [question] = [m for m in h.emu.messages(eve) if "sf:" in str(m.get("reply_markup"))]
    said = texts(await h.tap(eve, "I'm OK", message=question))
    assert said.strip(), "no answer after I'm OK"
    assert not buttons(h.emu.current(question))


async def test_buttons_telegram_calls_not_modified_are_gone_and_the_answer_comes(
    harness: Harness,
) -> None:
    """Taking the buttons away finds them gone already (a double tap): Telegram answers "message
    is not modified", which is done, and the answer after it still comes."""
    h = harness
    eve = h.emu.user("Eve")
    await onboard(h, eve)
    await h.say(eve, check_tier_text())
    [question] = [m for m in h.emu.messages(eve) if "sf:" in str(m.get("reply_markup"))]
    h.emu.fail_next("editMessageReplyMarkup", status=400, description=(
        "Bad Request: message is not modified: specified new message content and reply markup "
        "are exactly the same as a current content and reply markup of the message"))  # fmt: skip
    said = texts(await h.tap(eve, "I'm OK", message=question))
    assert [c.method for c in h.emu.calls if c.error] == ["editMessageReplyMarkup"]
    assert said.strip(), "no answer after I'm OK"


async def test_added_to_a_channel_the_bot_leaves_quietly_without_an_error(
    harness: Harness,
) -> None:
    """A channel only broadcasts: the bot leaves it, posts nothing, and that is no error."""
    h = harness
    ana = h.emu.user("Ana")
    channel = FakeChat(-1_009_999_999_998, "channel", title="News")
    h.emu.world.add_chat(channel)
    state = h.emu.state_of(channel)
    bot = h.emu.world.bot_user
    state.bot_status = "administrator"
    before = errors()
    calls = len(h.emu.calls)
    await h.emu.inject("my_chat_member", my_chat_member(
        state, ana.to_dict(), bot, "left", "member", int(h.clock.now().timestamp())))  # fmt: skip
    await h.settle()
    made = [c.method for c in h.emu.calls[calls:] if c.method != "getUpdates"]
    assert made == ["leaveChat"], made
    assert errors() == before


async def soon(done: Callable[[], bool], seconds: float = 10.0) -> bool:
    """Whether `done` comes true within `seconds` (the jobs run on real time)."""
    for _ in range(int(seconds / 0.1)):
        if done():
            return True
        await asyncio.sleep(0.1)
    return done()


def errors() -> dict[str, float]:
    """The bot's error counters by kind."""
    return {
        sample.labels["kind"]: sample.value
        for metric in metrics.REGISTRY.collect() if metric.name == "smallsteps_errors"
        for sample in metric.samples if sample.name.endswith("_total")
    }  # fmt: skip


async def test_the_repeating_jobs_send_what_is_due_by_themselves(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> None:
    """With the jobs running as in production (no test calling them): the daily prompt and a
    challenge's day summary go out on their own once due."""
    settings = load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN="123456:TEST-token",
        TELEGRAM_API_URL=emulator.url, DATABASE_URL=database_url,
    )  # fmt: skip
    async with Harness.running(settings, emulator, clock, content, tick_seconds=0.5) as h:
        h.clock.set(START)
        ana, bo = await people(h, "Ana", "Bo")
        family = await new_group(h, "Family", ana, bo)
        message = await create(h, ana, family)
        await h.emu.tap_button(bo, message, "Join")
        await h.settle()
        h.clock.set(at(1, SUMMARY_UTC, 1))  # the day's summary is due

        def summed_up() -> bool:
            text = str((h.emu.last(family) or {}).get("text"))
            return "Day 1 of 7" in text and "summary at" not in text  # not the card itself

        assert await soon(summed_up), "no day summary from the job"
        h.clock.set(at(2, 7, 0) + timedelta(seconds=5))  # 09:00 in Berlin: the prompt is due
        assert await soon(lambda: any("Time for today" in t for t in said_to(h, ana, 0)))


async def test_a_bot_removed_unannounced_learns_it_from_the_refused_card(
    harness: Harness,
) -> None:
    """Telegram's "kicked" update never came: the hourly refresh of the card (someone moved) is
    refused, which ends the challenge and tells its members privately; nothing more is tried in
    the group."""
    h = harness
    _ana, bo, family, message = await challenge_in_family(h)
    h.emu.state_of(family).bot_status = "kicked"  # no update about it reaches the bot
    await h.emu.tap_button(bo, message, "Done today")
    await h.settle()
    calls = len(h.emu.calls)
    await jobs(h, START + timedelta(hours=1, minutes=1))
    tried = [
        c.method for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(family.id)
    ]
    assert tried == ["editMessageText"], tried
    assert "I was removed from Family" in texts(h.emu.messages(bo)[-1:])
    calls = len(h.emu.calls)
    await jobs(h, at(1, SUMMARY_UTC, 1))
    assert [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(family.id)] == []


async def test_a_challenge_set_up_in_a_group_thought_left_goes_live_there(
    harness: Harness,
) -> None:
    """The bot learned from a refused card that it was removed, then was let back in with no
    update about it: a /challenge there shows the bot is in the group, so the new challenge
    goes live and its card is shown (not held back as if the bot were still gone)."""
    h = harness
    ana, bo, family, message = await challenge_in_family(h)
    h.emu.state_of(family).bot_status = "kicked"  # no update about it reaches the bot
    await h.emu.tap_button(bo, message, "Done today")
    await h.settle()
    await jobs(h, START + timedelta(hours=1, minutes=1))
    assert "I was removed from Family" in texts(h.emu.messages(bo)[-1:])
    h.emu.state_of(family).bot_status = "member"  # back, and again no update about it
    walk = await create(h, ana, family, activity="Stretching", minutes="5 min")
    assert "5 minutes of stretching" in format_message(walk) and buttons(walk)


async def test_a_bot_removed_unannounced_learns_it_from_the_refused_summary(
    harness: Harness,
) -> None:
    """No "kicked" update came and nobody tapped since the card was last shown, so the day's
    summary is the first thing sent: its refusal ends the challenge and tells the members
    privately, and nothing is tried in the group the next day."""
    h = harness
    _ana, bo, family, _message = await challenge_in_family(h)
    await jobs(h, at(1, SUMMARY_UTC - 1, 1))  # the card is up to date
    h.emu.state_of(family).bot_status = "kicked"  # no update about it reaches the bot
    calls = len(h.emu.calls)
    await jobs(h, at(1, SUMMARY_UTC, 1))
    tried = [
        c.method for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(family.id)
    ]
    assert tried == ["sendMessage"], tried
    assert "I was removed from Family" in texts(h.emu.messages(bo)[-1:])
    calls = len(h.emu.calls)
    await jobs(h, at(2, 0, 1))
    await jobs(h, at(2, SUMMARY_UTC, 1))
    assert [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(family.id)] == []


async def test_a_migration_first_learned_from_the_summary_is_followed_at_once(
    harness: Harness,
) -> None:
    """The group became a supergroup unannounced and the card had nothing new to show: the
    day's summary is refused with the new chat's id, sent there, the card follows on the next
    run, and from then on nothing is sent to the old chat (the next day's card goes to the new
    one)."""
    h = harness
    _ana, _bo, family, _message = await challenge_in_family(h)
    await jobs(h, at(1, SUMMARY_UTC - 1, 1))  # the card is up to date
    state = h.emu.state_of(family)
    state.bot_status = "left"  # no service message reaches the bot
    quiet = await h.emu.migrate_group(family)
    state.bot_status = "member"
    h.emu.state_of(quiet).bot_status = "member"
    await h.settle()
    await jobs(h, at(1, SUMMARY_UTC, 1))
    summary = texts(h.emu.outputs(quiet))
    assert "🌙 Day 1 of 7" in summary, summary
    await jobs(h, at(1, SUMMARY_UTC, 1) + timedelta(seconds=5))
    cards = [m for m in h.emu.messages(quiet) if "summary at" in str(m.get("text"))]
    assert len(cards) == 1, texts(h.emu.outputs(quiet))
    calls = len(h.emu.calls)
    await jobs(h, at(2, 0, 1))  # Tuesday in Berlin: the card shows day 2
    to_old = [
        c.method for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(family.id)
    ]
    assert to_old == [], to_old
    assert "Day 2 of 7" in texts(h.emu.outputs(quiet)), texts(h.emu.outputs(quiet))


async def test_a_card_refresh_lost_to_the_network_is_tried_again_next_time(
    harness: Harness,
) -> None:
    """The hourly refresh of the card (someone moved) fails with a 502: the next run edits it."""
    h = harness
    _ana, _bo, family, _message = await challenge_in_family(h, bo_done=True)
    h.emu.fail_next("editMessageText", status=502, chat=family)
    calls = len(h.emu.calls)
    await jobs(h, START + timedelta(hours=1, minutes=1))
    edits = [c for c in h.emu.calls[calls:] if c.method == "editMessageText"]
    assert [c.error.status for c in edits if c.error] == [502], edits
    calls = len(h.emu.calls)
    await jobs(h, START + timedelta(hours=2, minutes=1))
    edits = [c for c in h.emu.calls[calls:] if c.method == "editMessageText" and not c.error]
    assert len(edits) == 1 and "Bo" in str(edits[0].params.get("text")), edits


async def test_a_group_moved_unannounced_is_followed_from_the_first_refusal_on(
    harness: Harness,
) -> None:
    """The group became a supergroup and its service messages never reached the bot: the card's
    refresh refused with the new id moves the challenge there for good, so later runs never try
    the old chat again (nor post the card twice)."""
    h = harness
    _ana, _bo, family, _message = await challenge_in_family(h, bo_done=True)
    await h.runtime.stop_polling()  # the migration's updates never reach the bot
    moved = await h.emu.migrate_group(family)
    for when in (at(1, SUMMARY_UTC, 1), at(2, SUMMARY_UTC, 1), at(3, SUMMARY_UTC, 1)):
        calls = len(h.emu.calls)
        await jobs(h, when)
        new = [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(moved.id)]
        assert new, when
        if when != at(1, SUMMARY_UTC, 1):
            old = [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(family.id)]
            assert old == [], (when, old)
    cards = [m for m in h.emu.messages(moved) if "summary at" in str(m.get("text"))]
    assert len(cards) == 1, cards


async def test_after_a_move_found_by_a_refused_edit_the_new_chat_has_no_edit_gap_to_wait(
    harness: Harness,
) -> None:
    """The card's hourly edit is refused because the group became a supergroup unannounced:
    the card is sent to the new chat at once, and a join there a second later shows at once
    too: the old chat's last edit does not hold back the new chat's first one."""
    h = harness
    _ana, _bo, family, _message = await challenge_in_family(h, bo_done=True)
    [cy] = await people(h, "Cy")
    state = h.emu.state_of(family)
    state.bot_status = "left"  # no service message reaches the bot
    quiet = await h.emu.migrate_group(family)
    state.bot_status = "member"
    h.emu.state_of(quiet).bot_status = "member"
    await h.settle()
    refreshed = START + timedelta(hours=1, seconds=1)
    await jobs(h, refreshed)
    [card] = [m for m in h.emu.messages(quiet) if "summary at" in str(m.get("text"))]
    assert "✅ Bo" in format_message(card)
    joined = await tap_at(h, cy, card, "Join", refreshed + timedelta(seconds=1))
    assert joined == "You're in! 🎉"
    assert "Cy" in format_message(h.emu.current(card))


async def test_a_migration_message_seen_again_changes_nothing_on_the_card(
    harness: Harness,
) -> None:
    """Telegram puts a service message in both chats when a group becomes a supergroup (and a
    restart can deliver one again): once the bot has followed the move, the next one finds it
    known and does nothing, so it cannot show Bo's Done on the card before its hour."""
    h = harness
    ana, bo, family, _message = await challenge_in_family(h)
    supergroup = await h.emu.migrate_group(family, by=ana)
    await h.settle()
    [card] = [m for m in h.emu.messages(supergroup) if "summary at" in str(m.get("text"))]
    h.clock.advance(timedelta(seconds=10))
    await h.emu.tap_button(bo, h.emu.current(card), "Done today")
    await h.settle()
    before, calls = errors(), len(h.emu.calls)
    state = h.emu.state_of(supergroup)
    again = h.emu.world.new_message(state, ana.to_dict(), {"migrate_from_chat_id": family.id})
    await h.emu.inject("message", again)
    await h.settle()
    made = [c.method for c in h.emu.calls[calls:] if c.method != "getUpdates"]
    assert made == [], made
    assert "✅ Bo" not in format_message(h.emu.current(card)) and errors() == before


async def in_unknown_group(
    h: Harness, event: Callable[[FakeUser, FakeChat], Awaitable[T]]
) -> tuple[FakeUser, T]:
    """`event` done by Ana in Book club, a group the bot is in but has no row for (its "added"
    update never came): the bot makes no call to Telegram and logs no error. Ana, and what
    `event` returned."""
    h.clock.set(START)
    [ana] = await people(h, "Ana")
    unknown = h.emu.group("Book club", owner=ana)
    calls = len(h.emu.calls)
    with logged("123456:TEST-token") as log:
        result = await event(ana, unknown)
        await h.settle()
    made = [c.method for c in h.emu.calls[calls:] if c.method != "getUpdates"]
    assert made == [], made
    assert "ERROR" not in log.getvalue(), log.getvalue()
    return ana, result


async def test_a_group_the_bot_never_stored_removing_it_is_no_error(harness: Harness) -> None:
    """The bot is in a group it has no row for (its "added" update never came) when it is
    removed: there is nothing to end and nobody to tell, so nothing is sent and nothing fails."""
    await in_unknown_group(harness, lambda ana, group: harness.emu.remove_from_group(group, by=ana))


async def test_a_group_the_bot_never_stored_becoming_a_supergroup_is_no_error(
    harness: Harness,
) -> None:
    """The bot is in a group it has no row for (its "added" update never came) when the group
    becomes a supergroup: there is nothing to follow, so nothing happens and nothing fails;
    /challenge in the supergroup then works as in any group."""
    h = harness
    ana, supergroup = await in_unknown_group(
        h, lambda ana, group: h.emu.migrate_group(group, by=ana)
    )
    h.clock.advance(timedelta(seconds=5))
    assert "New challenge" in texts(await h.say(ana, "/challenge", chat=supergroup))


async def test_a_group_first_seen_at_challenge_is_stored_with_its_title(harness: Harness) -> None:
    """The bot was in the group before it kept groups (no "added" update was seen): /challenge
    stores the group with its title, and a member's private welcome names it."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = h.emu.group("Family", members=(ana, bo))
    message = await create(h, ana, family)
    await h.emu.tap_button(bo, message, "Join")
    await h.settle()
    assert "the challenge in Family" in texts(h.emu.messages(bo)[-1:])


async def test_a_set_up_finished_by_a_typed_time_welcomes_its_creator_privately(
    harness: Harness,
) -> None:
    """The time typed as a reply to the set-up (not tapped) starts the challenge: the group sees
    the card, and the creator, who is in it, gets the private welcome as with a tapped time."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    await h.say(ana, "/challenge", chat=family)
    setup = h.emu.last(family)
    assert setup is not None
    for choice in ("Everyone's own plan", "Each person", "7 days", "Berlin"):
        await h.emu.tap_button(ana, h.emu.current(setup), choice)
        await h.settle()
    h.clock.advance(timedelta(seconds=5))
    private = len(h.emu.messages(ana))
    await h.emu.send_text(ana, "at 8am", chat=family, reply_to=setup)
    await h.settle()
    assert "summary at 08:00" in texts([h.emu.current(setup)])
    assert "joined the challenge in Family" in texts(h.emu.messages(ana)[private:])


async def test_only_who_may_end_a_challenge_closes_the_end_chooser(
    harness: Harness, content: Content
) -> None:
    """ "Keep going" on the /endchallenge chooser: a plain member gets "not allowed" and the
    chooser stays, also when Telegram cannot say who is an admin; a forged "keep going" sent
    against a message without that button gets the stale popup and leaves it as it is; a group
    admin's tap closes it, and so does the creator's."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await h.emu.tap_button(bo, message, "Join")
    await h.say(ana, "/endchallenge", chat=family)
    chooser = h.emu.last(family)
    assert chooser is not None and "Keep going" in format_message(chooser)
    not_allowed = content.render("group.popup.not_allowed")
    for fails in (False, True):
        if fails:
            h.emu.fail_next(
                "getChatMember", status=400, description="Bad Request: not enough rights"
            )
        query = await h.emu.tap_button(bo, h.emu.current(chooser), "Keep going")
        await h.settle()
        answer = h.emu.answer_for(query)
        assert answer is not None and answer.text == not_allowed, (fails, answer)
        assert "Carrying on" not in format_message(h.emu.current(chooser))
    card = format_message(h.emu.current(message))
    stale = content.render("error.stale_button")
    query = await h.emu.tap(ana, message, "gc:0:keep")
    await h.settle()
    answer = h.emu.answer_for(query)
    assert answer is not None and answer.text == stale
    assert format_message(h.emu.current(message)) == card
    # A group admin who started none of its challenges closes a chooser too (a second one).
    h.emu.make_admin(bo, family)
    await h.say(ana, "/endchallenge", chat=family)
    second = h.emu.last(family)
    assert second is not None and second["message_id"] != chooser["message_id"]
    query = await h.emu.tap_button(bo, second, "Keep going")
    await h.settle()
    answer = h.emu.answer_for(query)
    assert answer is not None and not answer.text
    assert "Carrying on" in format_message(h.emu.current(second))
    assert "Carrying on" not in format_message(h.emu.current(chooser))
    # Ana started it: her tap closes the chooser (the spinner ends, with no popup text).
    query = await h.emu.tap_button(ana, h.emu.current(chooser), "Keep going")
    await h.settle()
    answer = h.emu.answer_for(query)
    assert answer is not None and not answer.text
    assert "Carrying on" in format_message(h.emu.current(chooser))
    assert not buttons(h.emu.current(chooser))
    # A forged "keep going" on the closed chooser, which has no buttons left: stale.
    query = await h.emu.tap(ana, chooser, "gc:0:keep")
    await h.settle()
    answer = h.emu.answer_for(query)
    assert answer is not None and answer.text == stale


async def test_pause_twice_and_cancel_with_nothing_or_onboarding_open(harness: Harness) -> None:
    """/pause twice says it already is; /cancel with nothing open says so; /cancel in the
    middle of the set-up keeps what was answered and finishes with gentle defaults."""
    h = harness
    ana = h.emu.user("Ana")
    await onboard(h, ana)
    assert "paused" in texts(await h.say(ana, "/pause"))
    assert "already paused" in texts(await h.say(ana, "/pause"))
    assert "Nothing to cancel" in texts(await h.say(ana, "/cancel"))
    bo = h.emu.user("Bo")
    await h.say(bo, "/start")
    said = texts(await h.say(bo, "/cancel"))
    assert "used gentle defaults for the rest" in said, said
    async with h.services.sessions() as session:
        user = await session.get(User, bo.id)
    assert user is not None and user.onboarded and user.dialog is None


async def test_cancel_with_a_settings_step_open_closes_it(harness: Harness) -> None:
    """/cancel while a settings step waits for a typed answer closes that step (it is not the
    set-up, nothing is re-finished with defaults): the settings stay as they were, and the next
    words are read as words, not as a time zone."""
    h = harness
    eve = h.emu.user("Eve")
    await onboard(h, eve, "Europe/Berlin", "09:00")
    await h.say(eve, "/settings")
    await h.tap(eve, "Time zone")
    said = texts(await h.say(eve, "/cancel"))
    assert "Your settings are saved" in said, said
    assert "gentle defaults" not in said, said
    async with h.services.sessions() as session:
        user = await session.get(User, eve.id)
    assert user is not None and user.dialog is None and user.timezone == "Europe/Berlin"
    said = texts(await h.say(eve, "Sydney"))
    assert "Australia/Sydney" not in said, said
    async with h.services.sessions() as session:
        user = await session.get(User, eve.id)
    assert user is not None and user.timezone == "Europe/Berlin"


@pytest.mark.parametrize("command", ["/resume", "/start"])
async def test_resume_after_a_block_brings_the_prompts_back(harness: Harness, command: str) -> None:
    """Eli blocked the bot (the refused prompt marked them inactive), came back and sent
    /resume (or /start): the next day's prompt comes again."""
    h = harness
    eli = h.emu.user("Eli")
    h.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(h, eli, "Europe/Berlin", "09:00")
    h.emu.state_of(eli).blocked = True  # the bot hears of it only from the refused prompt
    h.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    await h.tick()
    async with h.services.sessions() as session:
        user = await session.get(User, eli.id)
    assert user is not None and not user.active
    await h.say(eli, command)  # writing unblocks the bot
    calls = len(h.emu.calls)
    h.clock.set(datetime(2026, 6, 2, 7, 0, 5, tzinfo=UTC))
    await h.tick()
    assert any("Time for today" in t for t in said_to(h, eli, calls))


async def test_a_rating_typed_as_a_question_is_still_the_answer(harness: Harness) -> None:
    """ "7?" at the pain question is a valid answer that reads as a question: the answer wins
    (the check-in moves on), it is not taken for a question about something else."""
    h = harness
    eve = h.emu.user("Eve")
    await onboard(h, eve)
    await h.say(eve, "/checkin")
    said = texts(await h.say(eve, "7?"))
    assert "feel like a flare" in said, said


async def test_delete_names_what_went_with_one_kind_of_row_and_with_several(
    harness: Harness,
) -> None:
    """The goodbye lists what was deleted: one kind of row and the settings, or several."""
    h = harness
    doctor = "had chest pain this morning, gone now"
    for name, steps, expected in (
        ("Una", (doctor,), r"1 safety note and your settings and reminders"),
        ("Vin", (), r"your settings and reminders"),
    ):
        person = h.emu.user(name)
        await onboard(h, person)
        for said in steps:
            assert "doctor" in texts(await h.say(person, said))
        await h.say(person, "/delete")
        await h.tap(person, "Yes, delete everything")
        done = texts(await h.tap(person, "Delete now"))
        assert re.search(rf"I've deleted {expected}\.", done), done


async def test_after_a_migration_the_bot_never_saw_the_challenge_is_shown_in_the_new_chat(
    harness: Harness,
) -> None:
    """The group became a supergroup while the bot heard nothing: the next edit is refused
    with the new chat's id, and the challenge message is posted there afresh, tally and all."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    work = await new_group(h, "Work", ana, bo)
    walk = await create(h, ana, work)
    state = h.emu.state_of(work)
    state.bot_status = "left"  # no service message reaches the bot
    quiet = await h.emu.migrate_group(work, by=ana)
    state.bot_status = "member"
    h.emu.state_of(quiet).bot_status = "member"
    await h.settle()
    await h.emu.tap_button(ana, walk, "Done today")
    await h.settle()
    h.clock.advance(timedelta(hours=1))  # the tally shows at the next whole hour
    await jobs(h)
    shown = [m for m in h.emu.messages(quiet) if "Day 1 of 7" in str(m.get("text"))]
    assert shown and "✅ Ana" in str(shown[-1]["text"]), texts(h.emu.messages(quiet))
    assert any("Done today" in label for label, _ in buttons(shown[-1]))


async def test_a_summary_lost_on_the_way_is_sent_on_a_later_run(harness: Harness) -> None:
    """Telegram answers the day's summary with a 502: it is sent again once RETRY_DELAY (30
    seconds) has passed, not on the job's very next run, and once."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    await create(h, ana, family)
    h.emu.fail_next("sendMessage", status=502, chat=family)
    await jobs(h, at(1, SUMMARY_UTC, 1))
    assert not [m for m in h.emu.messages(family) if "🌙 Day 1 of 7" in str(m.get("text"))]
    await jobs(h, at(1, SUMMARY_UTC, 1) + timedelta(seconds=10))
    assert not [m for m in h.emu.messages(family) if "🌙 Day 1 of 7" in str(m.get("text"))]
    await jobs(h, at(1, SUMMARY_UTC, 1) + timedelta(seconds=31))
    assert [m for m in h.emu.messages(family) if "🌙 Day 1 of 7" in str(m.get("text"))]
    await jobs(h, at(1, SUMMARY_UTC, 3))
    await jobs(h, at(1, SUMMARY_UTC, 5))
    sent = [m for m in h.emu.messages(family) if "🌙 Day 1 of 7" in str(m.get("text"))]
    assert len(sent) == 1, texts(h.emu.messages(family))


async def test_a_summary_lost_after_the_challenge_ended_early_is_not_put_back(
    harness: Harness,
) -> None:
    """The day's summary was claimed, then Ana ended the challenge early before it went out,
    and Telegram answered it with a 502: the ended challenge's outbox stays closed (nothing
    due, nothing sent later) and the day stays logged as a summary that failed."""
    h = harness
    ana, _bo, family, message = await challenge_in_family(h)
    claimed = at(1, SUMMARY_UTC, 1)
    h.clock.set(claimed)
    outgoing = await challenge_service.claim_due(h.services, claimed)
    h.clock.advance(timedelta(seconds=5))
    await h.say(ana, "/endchallenge", chat=family)
    chooser = h.emu.last(family)
    assert chooser is not None
    await h.emu.tap_button(ana, chooser, "Walking")
    await h.settle()
    assert "finished" in format_message(h.emu.current(message))
    h.emu.fail_next("sendMessage", status=502, chat=family)
    for each in outgoing:
        await challenge_jobs.deliver(h.services, h.app.bot, each)
    async with h.services.sessions() as session:
        challenge = await session.scalar(select(Challenge))
        logged = (await session.scalars(select(ChallengeSummary))).all()
    assert challenge is not None and challenge.status == "ended"
    assert challenge.next_summary_at is None
    assert [(s.local_date, s.status) for s in logged] == [(START.date(), outbox.FAILED)]
    before = len(h.emu.outputs(family))
    await jobs(h, claimed + timedelta(minutes=5))
    assert h.emu.outputs(family)[before:] == []


async def test_once_prompted_the_next_prompt_is_due_the_next_day(harness: Harness) -> None:
    """A claim moves the person's due time on to tomorrow's check-in time, so later runs do not
    pick them up again (only the per-day record would stop a second prompt; the work would
    grow with everyone ever prompted)."""
    from datetime import UTC, datetime

    from bot.db.models import User

    h = harness
    h.clock.set(datetime(2026, 6, 1, 5, 0, tzinfo=UTC))  # 07:00 in Berlin
    ida = h.emu.user("Ida")
    await onboard(h, ida, "Europe/Berlin", "09:00")
    h.clock.set(datetime(2026, 6, 1, 7, 0, 30, tzinfo=UTC))
    assert await h.tick() == 1
    async with h.services.sessions() as session:
        user = await session.get(User, ida.id)
    assert user is not None and user.next_prompt_at is not None
    assert user.next_prompt_at.replace(tzinfo=UTC) == datetime(2026, 6, 2, 7, 0, tzinfo=UTC)
    h.clock.advance(timedelta(minutes=1))
    assert await h.tick() == 0


async def test_brackets_inside_a_text_with_an_escaped_quote_are_not_nesting(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content,
    unused_tcp_port: int,
) -> None:  # fmt: skip
    """The webhook's depth check reads strings as JSON does: after an escaped quote the text
    goes on, so brackets typed in it are words, not nesting (the update is taken, 200)."""
    from bot.app import build_application
    from bot.telegram.runtime import SECRET_HEADER, Runtime
    from tests.e2e.test_reliability import SECRET, settings_for

    settings = settings_for(emulator, database_url, WEBHOOK_URL="http://x/hook",
                            WEBHOOK_SECRET=SECRET)  # fmt: skip
    app = build_application(settings, clock=clock, content=content, tick_seconds=None)  # type: ignore[arg-type]
    runtime = Runtime(app)
    await runtime.start_webhook("127.0.0.1", unused_tcp_port, "hook", "http://x/hook", SECRET)
    gus = emulator.user("Gus", started=True)
    typed = 'she said "' + "[" * 40 + " and then some"
    update = {"update_id": 5151, "message": {
        "message_id": 1, "date": int(clock.now().timestamp()),
        "chat": {"id": gus.id, "type": "private", "first_name": "Gus"},
        "from": {"id": gus.id, "is_bot": False, "first_name": "Gus"}, "text": typed,
    }}  # fmt: skip
    try:
        async with aiohttp.ClientSession() as http:
            async with http.post(f"http://127.0.0.1:{unused_tcp_port}/hook", json=update,
                                 headers={SECRET_HEADER: SECRET}) as response:  # fmt: skip
                assert response.status == 200
            nested = {"update_id": 5152, "x": json.loads("[" * 40 + "]" * 40)}
            async with http.post(f"http://127.0.0.1:{unused_tcp_port}/hook", json=nested,
                                 headers={SECRET_HEADER: SECRET}) as response:  # fmt: skip
                assert response.status == 400  # real nesting still is
            # ...and after a string with an escape in it, too (the escape covers one character).
            after = '{"update_id": 5153, "t": "a\\nb", "x": ' + "[" * 40 + "]" * 40 + "}"
            async with http.post(f"http://127.0.0.1:{unused_tcp_port}/hook", data=after,
                                 headers={SECRET_HEADER: SECRET}) as response:  # fmt: skip
                assert response.status == 400
        await emulator.wait_for(lambda e: len(e.messages(gus)) >= 1, timeout=20)
    finally:
        await runtime.stop()


APOLOGY = "Sorry, something went wrong"


async def test_pause_and_resume_before_set_up_point_to_start(harness: Harness) -> None:
    """Someone who never started, and someone half way through set-up: /pause, /resume,
    /progress and /checkin point to /start (no apology, nothing paused, no chart, no question)."""
    h = harness
    new, half = h.emu.user("Nel"), h.emu.user("Hal")
    await h.say(half, "/start")
    for person in (new, half):
        for command in ("/pause", "/resume", "/progress", "/checkin"):
            said = texts(await h.say(person, command))
            assert APOLOGY not in said and "/start" in said, (person.first_name, command, said)


async def test_same_as_yesterday_copies_only_a_full_yesterday(harness: Harness) -> None:
    """A "same as yesterday" tap (an old or forged button) with no yesterday, or with a two-tap
    yesterday that has no full ratings to copy: the pain question stays, no apology."""
    h = harness
    jo = h.emu.user("Jo")
    await onboard(h, jo)
    await h.say(jo, "/checkin")
    question = h.last_with_buttons(jo)
    assert question is not None
    said = texts(await h.tap_data(jo, question, f"ci:{h.clock.now():%Y%m%d}:same"))
    assert APOLOGY not in said
    assert "feel like a flare" in texts(await h.say(jo, "8"))
    await h.tap(jo, "Yes")  # a flare: the two-tap path, no other ratings
    h.clock.advance(timedelta(days=1))
    await h.say(jo, "/checkin")
    question = h.last_with_buttons(jo)
    assert question is not None
    said = texts(await h.tap_data(jo, question, f"ci:{h.clock.now():%Y%m%d}:same"))
    assert APOLOGY not in said
    assert "feel like a flare" in texts(await h.say(jo, "4"))


async def test_after_checkin_again_on_a_done_day_text_is_not_an_answer(harness: Harness) -> None:
    """/checkin on a day already done offers a redo and closes the check-in: what is typed next
    is a message (a thank-you is welcomed), not an answer or a note."""
    h = harness
    kai = h.emu.user("Kai")
    await onboard(h, kai)
    await h.say(kai, "/checkin")
    for label in ("3", "No", "2", "6", "7", "Yes", "Skip"):
        await h.tap(kai, label)
    assert "already" in texts(await h.say(kai, "/checkin")).lower()
    said = texts(await h.say(kai, "thank you so much"))
    assert "You're very welcome" in said, said


async def test_a_few_quick_messages_are_each_answered(harness: Harness, content: Content) -> None:
    """Three messages while the bot is busy are no flood (FLOOD_BACKLOG): each is answered,
    and nobody is told "one moment"."""
    h = harness
    lea = h.emu.user("Lea")
    await onboard(h, lea)
    calls = len(h.emu.calls)
    h.emu.timeout_next("sendMessage", chat=lea, hold=1.5, times=1)
    await h.emu.send_text(lea, "/help")
    for said in ("thank you so much", "hi there", "thank you so much"):
        await h.emu.send_text(lea, said)
    await h.settle(timeout=30)
    sent = said_to(h, lea, calls)
    assert not any(content.render("fallback.flood") in t for t in sent), sent
    assert sum("You're very welcome" in t for t in sent) == 2, sent
    assert sum("Good to hear from you" in t for t in sent) == 1, sent


async def test_a_cancelled_set_up_stays_closed(harness: Harness, content: Content) -> None:
    """After Cancel, the set-up's own buttons (tapped again, or an old copy) only say it was
    closed; nothing starts."""
    h = harness
    h.clock.set(START)
    [ana] = await people(h, "Ana")
    family = await new_group(h, "Family", ana)
    await h.say(ana, "/challenge", chat=family)
    setup = h.emu.last(family)
    assert setup is not None
    walking = next(data for label, data in buttons(setup) if "Walking" in label)
    await h.emu.tap_button(ana, setup, "Cancel")
    await h.settle()
    query = await h.emu.tap(ana, setup, walking)
    await h.settle()
    answer = h.emu.answer_for(query)
    assert answer is not None and answer.text == content.render("group.popup.setup_closed")
    assert "cancelled" in texts([h.emu.current(setup)])
