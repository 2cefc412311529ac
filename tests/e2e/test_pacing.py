"""Pacing the bot itself, end to end: never a pile of messages, fewer prompts for someone who
stopped answering (and an easy way back), one celebration, and texts that read right."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.app import COMMANDS
from bot.db.models import User
from bot.devtools.emulator import FakeUser, buttons, format_message
from tests.e2e.test_groups import create, jobs, new_group, people
from tests.harness import Harness, onboard, texts

JSON = dict[str, Any]
BERLIN = ZoneInfo("Europe/Berlin")
BACK_OFF = "I'll check in less often"


def private_sends(h: Harness, person: FakeUser, since: int = 0) -> list[JSON]:
    """Every new message (not an edit) the bot sent to a person, from call number `since`."""
    return [
        dict(call.params) for call in h.emu.calls[since:]
        if call.method in ("sendMessage", "sendPhoto") and call.result
        and str(call.params.get("chat_id")) == str(person.id)
    ]  # fmt: skip


def words(params: JSON) -> str:
    return str(params.get("text") or params.get("caption") or "")


async def unanswered(h: Harness, person: FakeUser) -> int:
    async with h.services.sessions() as session:
        user = await session.get(User, person.id)
    assert user is not None
    return user.unanswered_prompts or 0


async def days_of_prompts(h: Harness, person: FakeUser, since: int = 0) -> list[int]:
    """Day of the month of each prompt (plain or with the back-off notice) from call `since`."""
    return [
        datetime.fromtimestamp(int(str(call.result["date"])), BERLIN).day
        for call in h.emu.calls[since:]
        if call.method == "sendMessage" and call.result
        and str(call.params.get("chat_id")) == str(person.id)
        and ("Time for today's check-in" in words(call.params) or BACK_OFF in words(call.params))
    ]  # fmt: skip


async def live_days(h: Harness, last_day: int, *, hour: int = 7) -> None:
    """Tick at 09:00:05 Berlin (07:00:05 UTC) each day of June 2026 up to `last_day`."""
    while h.clock.now() < datetime(2026, 6, last_day, hour, 0, 5, tzinfo=UTC):
        h.clock.advance(timedelta(days=1))
        await h.tick()


# /help and /delete ----------------------------------------------------------------------------


async def test_help_lists_every_command(harness: Harness) -> None:
    said = texts(await harness.say(harness.emu.user("Hal"), "/help"))
    missing = [name for name in COMMANDS if f"/{name}" not in said]
    assert missing == [], said
    for name in ("progress", "export", "privacy", "delete"):
        assert re.search(rf"/{name}: \w", said), name  # each with what it does


async def test_delete_question_and_buttons_read_together(harness: Harness) -> None:
    dee = harness.emu.user("Dee")
    await onboard(harness, dee)
    [question] = await harness.say(dee, "/delete")
    text = str(question["text"])
    labels = [label for label, _ in buttons(question)]
    # The question asked last is the one the buttons answer: delete, yes or no.
    assert text.rstrip().endswith("Shall I delete everything?"), text
    assert labels == ["Yes, delete everything", "No, keep my data"]
    assert "export a copy first?" not in text and "/export" in text  # export is a tip, not asked
    said = texts(await harness.tap(dee, "Yes, delete everything"))
    assert "Delete everything now, for good?" in said
    assert "Delete now, for good" in said and "No, keep my data" in said
    assert "Nothing was deleted" in texts(await harness.tap(dee, "No, keep my data"))
    assert await unanswered(harness, dee) == 0  # still here


# Backing off from someone who doesn't answer, and the way back -------------------------------


async def test_three_unanswered_prompts_then_every_other_day_then_weekly(
    harness: Harness,
) -> None:
    h = harness
    h.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    ivy = h.emu.user("Ivy")
    await onboard(h, ivy, "Europe/Berlin", "09:00")
    h.clock.set(datetime(2026, 5, 31, 7, 0, 5, tzinfo=UTC))
    await live_days(h, 28)
    # Daily on 1-3 June, then every other day (the first one says so), then once a week.
    assert await days_of_prompts(h, ivy) == [1, 2, 3, 5, 7, 14, 21, 28]
    notices = [m for m in private_sends(h, ivy) if BACK_OFF in words(m)]
    assert len(notices) == 1
    notice = words(notices[0])
    assert "/checkin" in notice and "/resume" in notice
    assert "Pain" in notice or "pain" in notice  # the notice is the prompt itself: one message
    assert await unanswered(h, ivy) == 8

    # The way back: /resume says so, and prompts are daily from the next morning.
    said = texts(await h.say(ivy, "/resume"))
    assert "Daily check-ins are back" in said and "09:00" in said
    assert await unanswered(h, ivy) == 0
    calls = len(h.emu.calls)
    await live_days(h, 30)
    assert await days_of_prompts(h, ivy, calls) == [29, 30]


async def test_any_answer_brings_daily_prompts_back(harness: Harness) -> None:
    h = harness
    h.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    oz = h.emu.user("Oz")
    await onboard(h, oz, "Europe/Berlin", "09:00")
    h.clock.set(datetime(2026, 5, 31, 7, 0, 5, tzinfo=UTC))
    await live_days(h, 5)
    assert await days_of_prompts(h, oz) == [1, 2, 3, 5]
    # One tap on the back-off prompt: counted as an answer, daily again.
    said = texts(await h.tap(oz, "4"))
    assert "flare" in said
    assert await unanswered(h, oz) == 0
    calls = len(h.emu.calls)
    await live_days(h, 8)
    assert await days_of_prompts(h, oz, calls) == [6, 7, 8]
    assert await unanswered(h, oz) == 3
    # Typing counts too: anything said to the bot, and the next day's prompt comes as usual.
    await h.say(oz, "hello")
    assert await unanswered(h, oz) == 0
    await live_days(h, 9)
    assert await days_of_prompts(h, oz, calls) == [6, 7, 8, 9]


# Never more than one unsolicited private message at a time ----------------------------------


async def sunday_setup(h: Harness) -> tuple[FakeUser, FakeUser, Any]:
    """Ana and Bo check in at 19:00 and get the weekly summary on Sundays at 19:00 (the default);
    their 7-day group challenge posts its summary at 19:00 and ends on Sunday 7 June."""
    h.clock.set(datetime(2026, 6, 1, 8, tzinfo=UTC))  # Monday, 10:00 in Berlin
    ana, bo = h.emu.user("Ana"), h.emu.user("Bo")
    for person in (ana, bo):
        await onboard(h, person, "Europe/Berlin", "19:00")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family, time="19:00")
    await h.tap(bo, "Join", message=message)
    return ana, bo, family


async def test_sunday_at_seven_brings_one_private_message_at_a_time(harness: Harness) -> None:
    h = harness
    ana, bo, family = await sunday_setup(h)
    group_before = len(h.emu.outputs(family))
    calls = len(h.emu.calls)
    # Sunday 19:00:05 in Berlin: the check-in, the weekly summary and the challenge's end.
    h.clock.set(datetime(2026, 6, 7, 17, 0, 5, tzinfo=UTC))
    await h.tick()
    await jobs(h)
    await h.tick()
    for person in (ana, bo):
        [only] = private_sends(h, person, calls)
        assert "Time for today's check-in" in words(only), words(only)
    # The group's closing summary is a group message: that's fine, it goes out.
    closing = [m for m in h.emu.outputs(family)[group_before:] if "done together" in str(m)]
    assert len(closing) == 1

    # Ana answers: the weekly summary follows on its own, as one message with its question.
    await h.tap(ana, "3")
    await h.tap(ana, "Yes")  # a flare: the short path, the check-in is complete
    calls = len(h.emu.calls)
    h.clock.advance(timedelta(seconds=15))
    await h.tick()
    [weekly] = private_sends(h, ana, calls)
    assert "Your week" in words(weekly), words(weekly)
    # The 0-10 question rides on the same message, with its buttons.
    data = re.findall(r"rf:\d{8}:weekly:\w+:(\d+)", str(weekly.get("reply_markup")))
    assert data == [str(n) for n in range(11)], weekly.get("reply_markup")
    # Bo doesn't answer: his summary waits an hour after the prompt, then comes alone.
    assert private_sends(h, bo, calls) == []
    h.clock.set(datetime(2026, 6, 7, 17, 45, tzinfo=UTC))
    await h.tick()
    assert private_sends(h, bo, calls) == []
    h.clock.set(datetime(2026, 6, 7, 18, 0, 20, tzinfo=UTC))
    await h.tick()
    [later] = private_sends(h, bo, calls)
    assert "Your week" in words(later)
    # Each weekly summary went once.
    h.clock.advance(timedelta(hours=2))
    await h.tick()
    assert len(private_sends(h, bo, calls)) == 1


async def test_a_challenge_end_is_celebrated_once(harness: Harness) -> None:
    h = harness
    h.clock.set(datetime(2026, 6, 1, 8, tzinfo=UTC))
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await h.tap(bo, "Join", message=message)
    for day in range(1, 8):
        await jobs(h, datetime(2026, 6, day, 18, 1, tzinfo=UTC))  # 20:01 in Berlin
    shown = [format_message(h.emu.current(m)) for m in h.emu.outputs(family)]
    celebrating = [t for t in shown if "🎉" in t or "Thank you for moving together" in t]
    assert len(celebrating) == 1 and "done together" in celebrating[0], celebrating
    final = format_message(h.emu.current(message))
    assert "finished" in final and "🎉" not in final


# A re-asked pain question keeps "Same as yesterday" ------------------------------------------


async def test_a_reasked_pain_question_keeps_same_as_yesterday(harness: Harness) -> None:
    h = harness
    h.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    sam = h.emu.user("Sam")
    await onboard(h, sam, "Europe/Berlin", "09:00")
    await h.say(sam, "/checkin")
    for label in ("3", "No", "2", "6", "7", "Yes", "Skip"):
        await h.tap(sam, label)
    h.clock.advance(timedelta(days=1))
    assert "Same as yesterday" in texts(await h.say(sam, "/checkin"))
    # A sticker, then a number out of range: each time the question comes back, with the button.
    again = texts(await h.send_sticker(sam))
    assert "Pain" in again or "pain" in again
    assert "Same as yesterday" in again
    again = texts(await h.say(sam, "15"))
    assert "Same as yesterday" in again
    said = texts(await h.tap(sam, "Same as yesterday"))
    assert "did you do your movement?" in said  # the ratings were copied; on it goes
