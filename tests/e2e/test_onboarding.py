"""Onboarding end to end: real PTB over HTTP to the emulator, written as dialogues."""

from __future__ import annotations

from datetime import time

from bot.db.models import User
from tests.harness import Harness, texts

# Each step: (action, what, expected fragments of the bot's replies).
WITH_TAPS = [
    ("say", "/start", ["Small Steps", "not a doctor", "/delete", "Which time zone"]),
    ("tap", "Berlin", ["When should I check in"]),
    ("tap", "10:00", ["bad day"]),
    ("tap", "2-5 min", ["good day"]),
    ("tap", "10-20 min", ["Which kinds of gentle movement"]),
    ("tap", "Walking", ["✅ 🚶 Walking"]),
    ("tap", "Tai chi", ["✅ ☯️ Tai chi"]),
    ("tap", "Walking", ["🚶 Walking"]),
    ("tap", "Done", ["All set", "10:00", "Europe/Berlin", "tai chi"]),
]

WITH_TYPING = [
    ("say", "/start", ["Which time zone"]),
    ("say", "Atlantis", ["didn't recognise that zone", "Which time zone"]),
    ("say", "Brelin", ["didn't recognise", "Europe/Berlin"]),
    ("say", "new york", ["When should I check in"]),
    ("say", "half past nine", ["couldn't read", "When should I check in"]),
    ("say", "9:30pm", ["bad day"]),
    ("say", "lots", ["couldn't read", "bad day"]),
    ("say", "5", ["good day"]),
    ("say", "15", ["Which kinds"]),
    ("say", "walking please", ["please tap the buttons"]),
    ("tap", "Done", ["All set", "21:30", "America/New_York", "easy walking"]),
]


async def play(harness: Harness, user: object, steps: list[tuple[str, str, list[str]]]) -> None:
    for action, what, expected in steps:
        if action == "say":
            outputs = await harness.say(user, what)  # type: ignore[arg-type]
        else:
            outputs = await harness.tap(user, what)  # type: ignore[arg-type]
        said = texts(outputs)
        for fragment in expected:
            assert fragment in said, f"after {action} {what!r}: {fragment!r} not in\n{said}"


async def stored(harness: Harness, user_id: int) -> User:
    async with harness.services.sessions() as session:
        user = await session.get(User, user_id)
    assert user is not None
    return user


async def test_onboarding_with_taps(harness: Harness) -> None:
    alice = harness.emu.user("Alice")
    await play(harness, alice, WITH_TAPS)
    user = await stored(harness, alice.id)
    assert (user.timezone, user.checkin_time) == ("Europe/Berlin", time(10, 0))
    assert (user.bad_day_minutes, user.good_day_minutes) == (3, 15)
    assert user.activities == ["taichi"]
    assert user.onboarded and user.dialog is None and user.next_prompt_at is not None


async def test_onboarding_with_typed_answers(harness: Harness) -> None:
    bob = harness.emu.user("Bob")
    await play(harness, bob, WITH_TYPING)
    user = await stored(harness, bob.id)
    assert (user.timezone, user.checkin_time) == ("America/New_York", time(21, 30))
    assert (user.bad_day_minutes, user.good_day_minutes) == (5, 15)


async def test_every_step_can_be_skipped(harness: Harness) -> None:
    cara = harness.emu.user("Cara")
    await harness.say(cara, "/start")
    for _ in range(4):
        await harness.tap(cara, "Skip")
    outputs = await harness.tap(cara, "Done")
    assert "All set" in texts(outputs)
    user = await stored(harness, cara.id)
    assert (user.timezone, user.checkin_time) == ("UTC", time(9, 0))
    assert user.onboarded


async def test_cancel_during_onboarding_keeps_answers_and_defaults_the_rest(
    harness: Harness,
) -> None:
    dan = harness.emu.user("Dan")
    await harness.say(dan, "/start")
    await harness.tap(dan, "London")
    outputs = await harness.say(dan, "/cancel")
    assert "kept what you answered" in texts(outputs)
    user = await stored(harness, dan.id)
    assert user.timezone == "Europe/London" and user.onboarded and user.dialog is None


async def test_settings_change_the_time_zone(harness: Harness) -> None:
    eve = harness.emu.user("Eve")
    await harness.say(eve, "/start")
    for _ in range(4):
        await harness.tap(eve, "Skip")
    await harness.tap(eve, "Done")
    menu = await harness.say(eve, "/settings")
    assert "Your settings" in texts(menu)
    await harness.tap(eve, "Time zone")
    outputs = await harness.say(eve, "Sydney")
    assert "Saved" in texts(outputs) and "Australia/Sydney" in texts(outputs)
    assert (await stored(harness, eve.id)).timezone == "Australia/Sydney"


async def test_symptom_tips_in_settings(harness: Harness) -> None:
    fin = harness.emu.user("Fin")
    await harness.say(fin, "/start")
    for _ in range(4):
        await harness.tap(fin, "Skip")
    await harness.tap(fin, "Done")
    await harness.say(fin, "/settings")
    said = texts(await harness.tap(fin, "Symptom tips"))
    assert "tips for any of these" in said
    await harness.tap(fin, "Headaches")
    said = texts(await harness.tap(fin, "Sleep"))
    assert "✅ 🤕 Headaches" in said and "✅ 😴 Sleep" in said
    said = texts(await harness.tap(fin, "Done"))
    assert "Tips for: headaches, sleep" in said
    assert (await stored(harness, fin.id)).symptom_tags == ["headache", "sleep"]
