"""Everyday messages end to end, written as dialogues.

Each row is (person says, the reply must contain, the reply must not contain).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.db.models import CheckIn, User
from bot.devtools.emulator import FakeUser
from tests.harness import Harness, Row, onboard, texts
from tests.harness import talk as dialogue

FALLBACK = "Is it about today?"
OLD_FALLBACK = "buttons and a few commands"
NUMBER_HINT = "number from 0 to 10"
NEVER = (OLD_FALLBACK, NUMBER_HINT)


async def talk(h: Harness, person: FakeUser, rows: list[Row]) -> None:
    """A dialogue table in which no reply is a fallback or a misplaced check-in question."""
    await dialogue(h, person, rows, never=NEVER)


async def test_everyday_messages_outside_a_dialogue(harness: Harness) -> None:
    ann = harness.emu.user("Ann")
    await onboard(harness, ann)
    await talk(harness, ann, [
        ("hi", ("Hi Ann", "Today's plan", "Check in", "Progress", "Help"), (FALLBACK,)),
        ("thanks!", ("You're very welcome",), (FALLBACK,)),
        ("help", ("in your own words", "/help", "Today's plan"), (FALLBACK,)),
        ("how do i see my progress", ("/progress",), (FALLBACK,)),
        ("how do I export my data?", ("/export",), (FALLBACK,)),
        ("how do i delete my data", ("/delete",), (FALLBACK,)),
        ("my neck is killing me", ("neck", "💡"), (FALLBACK,)),
        ("any tips for sleep?", ("Poor nights", "💡"), (FALLBACK,)),
        ("brain fog is awful today", ("fog", "💡"), (FALLBACK,)),
        # Nothing read: a short choice, never a guess.
        ("walked to the shop and back",
         (FALLBACK, "Rest today", "See today's plan", "Just telling you"), ()),
    ])  # fmt: skip


async def test_skip_today_is_a_kind_rest_that_counts_as_on_plan(harness: Harness) -> None:
    ben = harness.emu.user("Ben")
    await onboard(harness, ben)
    await talk(harness, ben, [
        ("I'm exhausted, can I skip today?", ("Rest it is", "counts as on plan"), (FALLBACK,)),
    ])  # fmt: skip
    async with harness.services.sessions() as session:
        rows = list(
            (await session.execute(select(CheckIn).where(CheckIn.user_id == ben.id))).scalars()
        )
    # Stored as the check-in's "Planned rest" answer about today, on the next day's row.
    [row] = rows
    assert row.movement == "rest" and row.pain is None
    # Tomorrow's check-in does not ask about movement again.
    harness.clock.advance(timedelta(days=1))
    await harness.say(ben, "/checkin")
    for label in ("4", "No", "3", "6", "7"):
        said = texts(await harness.tap(ben, label))
    assert "did you do your movement" not in said and "Anything else" in said


async def test_can_i_do_more_depends_on_the_day(harness: Harness) -> None:
    cat = harness.emu.user("Cat")
    await onboard(harness, cat)
    await talk(harness, cat, [
        ("feeling great, can I do more today?", ("Pacing", "Today's plan"), (FALLBACK,)),
    ])  # fmt: skip
    # A steady day: an optional extra within the weekly step.
    await harness.say(cat, "/checkin")
    for label in ("3", "No", "2", "7", "7", "Yes", "Skip"):
        await harness.tap(cat, label)
    await talk(harness, cat, [
        ("feeling great, can I do more today?", ("extra minute", "left in the tank"),
         (FALLBACK,)),
    ])  # fmt: skip
    # A flare day: never more than the plan.
    dee = harness.emu.user("Dee")
    await onboard(harness, dee)
    await harness.say(dee, "/checkin")
    await harness.tap(dee, "8")
    await harness.tap(dee, "Yes")
    said = texts(await harness.say(dee, "can i do more today"))
    assert "extra minute" not in said and FALLBACK not in said, said
    assert "pacing win" in said or "right amount for today" in said, said


async def test_stop_offers_pause_with_a_button(harness: Harness) -> None:
    eli = harness.emu.user("Eli")
    await onboard(harness, eli)
    await talk(harness, eli, [("stop", ("pause", "Pause check-ins"), (FALLBACK,))])
    said = texts(await harness.tap(eli, "Pause check-ins"))
    assert "paused" in said
    async with harness.services.sessions() as session:
        user = await session.get(User, eli.id)
        assert user is not None and user.paused
    await talk(harness, eli, [("please stop", ("already paused",), (FALLBACK,))])


async def test_fallback_choice_buttons_work(harness: Harness) -> None:
    fay = harness.emu.user("Fay")
    await onboard(harness, fay)
    await harness.say(fay, "banana")
    said = texts(await harness.tap(fay, "Just telling you"))
    assert "Noted" in said and FALLBACK not in said
    await harness.say(fay, "banana bread for tea")
    said = texts(await harness.tap(fay, "See today's plan"))
    assert "How is your pain today" in said


async def test_mid_checkin_messages_are_answered_and_the_question_offered_again(
    harness: Harness,
) -> None:
    gus = harness.emu.user("Gus")
    await onboard(harness, gus)
    await harness.say(gus, "/checkin")
    await talk(harness, gus, [
        ("my neck is killing me", ("neck", "💡", "where we were", "How is your pain"), ()),
        ("what does this mean?", ("simple bot", "How is your pain"), ()),
        ("hi", ("Hi Gus", "How is your pain"), ()),
        ("5", ("feel like a flare",), ()),
        ("help", ("in your own words", "feel like a flare"), ()),
    ])  # fmt: skip
    await talk(harness, gus, [
        ("stop", ("I'll stop asking", "saved", "Pause check-ins", "Carry on"),
         ("feel like a flare",)),
        ("7", (FALLBACK,), ()),
    ])  # fmt: skip
    said = texts(
        await harness.tap(gus, "Carry on", message=harness.message_with(gus, "stop asking"))
    )
    assert "feel like a flare" in said


async def test_the_note_keeps_symptoms_as_notes(harness: Harness) -> None:
    hal = harness.emu.user("Hal")
    await onboard(harness, hal)
    await harness.say(hal, "/checkin")
    for label in ("4", "No", "3", "6", "7", "Some"):
        await harness.tap(hal, label)
    await talk(harness, hal, [("my neck is killing me", ("Today is saved",), ("Sorry your neck",))])


async def test_setup_steps_answer_and_ask_again(harness: Harness) -> None:
    ivy = harness.emu.user("Ivy")
    await harness.say(ivy, "/start")
    await talk(harness, ivy, [
        ("help", ("in your own words",), ()),
        ("stop", ("/cancel", "/settings"), ()),
    ])  # fmt: skip
    reply = texts(await harness.say(ivy, "hi"))
    assert "time zone" in reply.lower(), reply


async def test_asking_for_today_in_other_words_mid_check_in_gets_the_plan_way(
    harness: Harness,
) -> None:
    """Someone asking "what are we doing?" wants today's plan, as with "what should I do today?":
    check-in too, the plan's two quick questions come, never the "didn't understand" choice."""
    quin = harness.emu.user("Quin")
    await onboard(harness, quin)
    await harness.say(quin, "/checkin")
    said = texts(await harness.say(quin, "what are we doing?"))
    assert "Two quick taps first" in said and "How is your pain today" in said, said
    assert FALLBACK not in said and "Just telling you" not in said, said
    await harness.tap(quin, "3")
    said = texts(await harness.tap(quin, "No"))
    assert "Today's small step" in said, said
