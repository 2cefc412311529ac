"""Red flags in the chat: the safety reply comes first and alone, in every state."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.db.models import CheckIn, DayPlan, SafetyEvent, User
from tests.e2e.test_plans import live_a_day, plans, setup
from tests.harness import Harness, onboard, texts


async def events(harness: Harness, user_id: int) -> list[SafetyEvent]:
    async with harness.services.sessions() as session:
        result = await session.execute(select(SafetyEvent).where(SafetyEvent.user_id == user_id))
        return list(result.scalars())


async def test_emergency_in_a_note_is_answered_alone_then_followed_up(harness: Harness) -> None:
    eva = await setup(harness, "Eva")
    await live_a_day(harness, eva, 3, "No", done=False)
    harness.clock.advance(timedelta(days=1))
    assert await harness.tick() == 1
    for label in ("5", "No", "4", "5", "6", "Yes"):
        await harness.tap(eva, label)
    outputs = await harness.say(eva, "my chest feels really tight and my left arm is numb")
    assert len(outputs) == 1, texts(outputs)
    reply = texts(outputs)
    assert "112" in reply and "automated" in reply and "Today's small step" not in reply
    async with harness.services.sessions() as session:
        row = (
            (await session.execute(select(CheckIn).order_by(CheckIn.local_date.desc())))
            .scalars()
            .first()
        )
        user = await session.get(User, eva.id)
    assert row is not None and row.note and "chest" in row.note
    assert user is not None and user.prompts_paused_until is not None
    assert [e.tier for e in await events(harness, eva.id)] == ["emergency"]
    # Next day at check-in time: a gentle follow-up instead of the usual prompt.
    harness.clock.set(harness.clock.now().replace(hour=7, minute=0, second=5) + timedelta(days=1))
    await harness.tick()
    latest = harness.emu.messages(eva)[-1]
    assert "Checking in after yesterday" in str(latest["text"])
    assert "How is your pain" not in str(latest["text"])


async def test_crisis_gets_the_local_helpline_and_a_no_keeps_it_open(harness: Harness) -> None:
    uk = harness.emu.user("Uma")
    await onboard(harness, uk, "Europe/London", "09:00")
    reply = texts(await harness.say(uk, "honestly i dont want to be here anymore"))
    assert "116 123" in reply and "automated" in reply
    said = texts(await harness.say(uk, "no you misunderstood"))
    assert said.strip() and "116 123" in said
    us = harness.emu.user("Ulf")
    await onboard(harness, us, "America/New_York", "09:00")
    reply = texts(await harness.say(us, "I want to kil myself"))
    assert "988" in reply
    # The daily prompt the next day is replaced by a gentle follow-up.
    harness.clock.advance(timedelta(days=1, hours=1))
    await harness.tick()
    latest = str(harness.emu.messages(uk)[-1]["text"])
    assert "check in after yesterday" in latest and "How is your pain" not in latest


async def test_red_flags_are_caught_during_onboarding_and_questions(harness: Harness) -> None:
    vic = harness.emu.user("Vic")
    await harness.say(vic, "/start")
    said = texts(await harness.say(vic, "sudden worst headache of my life"))
    assert "emergency" in said.lower() and "Which time zone" not in said
    # The open question was left untouched and still works.
    said = texts(await harness.say(vic, "Berlin"))
    assert "When should I check in" in said


async def test_doctor_tier_holds_progression_with_gentle_movement(harness: Harness) -> None:
    wyn = await setup(harness, "Wyn")
    await live_a_day(harness, wyn, 3, "No")
    said = texts(await harness.say(wyn, "my back pain is worse at night and I've lost weight"))
    assert "doctor" in said.lower()
    await live_a_day(harness, wyn, 3, "No")
    rows: list[DayPlan] = await plans(harness, wyn.id)
    assert "safety.doctor_hold" in rows[-1].reasons
    assert rows[-1].goal_minutes <= 5


async def test_someone_who_never_started_still_gets_the_safety_reply(harness: Harness) -> None:
    xan = harness.emu.user("Xan")
    said = texts(await harness.say(xan, "I can't breathe properly"))
    assert "112" in said or "911" in said


async def test_a_red_flag_after_stopping_the_check_in_is_not_kept_as_its_note(
    harness: Harness,
) -> None:
    """Someone who says "stop" at the note question has ended the check-in: an emergency they
    write next gets its reply, but is not filed as today's note (only a note written while the
    note question is open is kept)."""
    gus = await setup(harness, "Gus")
    await live_a_day(harness, gus, 3, "No", done=False)
    harness.clock.advance(timedelta(days=1))
    assert await harness.tick() == 1
    for label in ("5", "No", "4", "5", "6", "Yes"):
        await harness.tap(gus, label)
    assert "stop asking" in texts(await harness.say(gus, "stop"))
    said = texts(await harness.say(gus, "my chest feels really tight and my left arm is numb"))
    assert "112" in said
    async with harness.services.sessions() as session:
        today = (
            (await session.execute(select(CheckIn).order_by(CheckIn.local_date.desc())))
            .scalars()
            .first()
        )
    assert today is not None and today.note is None and today.completed_at is None
