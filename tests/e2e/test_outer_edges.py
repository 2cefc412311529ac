"""Edges of the handlers and delivery that nothing else pinned (each found by a surviving mutant
of `python -m tests.mutation outer`)."""

from __future__ import annotations

import re

from bot.views.content import Content
from tests.e2e.test_groups import START, SUMMARY_UTC, at, create, jobs, new_group, people
from tests.harness import Harness, onboard, texts


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


async def test_the_days_summary_answers_the_challenge_message(harness: Harness) -> None:
    """The summary is posted as a reply to the challenge, so the group sees which one it is."""
    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await h.emu.tap_button(bo, message, "Join")
    await h.emu.tap_button(bo, h.emu.current(message), "Done today")
    await h.settle()
    await jobs(h, at(1, SUMMARY_UTC, 1))
    summary = h.emu.last(family)
    assert summary is not None and "Day 1 of 7" in str(summary.get("text"))
    replied = summary.get("reply_to_message") or {}
    assert replied.get("message_id") == message["message_id"], summary


async def test_a_rating_typed_as_a_question_is_still_the_answer(harness: Harness) -> None:
    """"7?" at the pain question is a valid answer that reads as a question: the answer wins
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
        ("Una", (doctor,), r"1 safety notes? and your settings and reminders"),
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
