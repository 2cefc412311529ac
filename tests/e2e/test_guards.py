"""Guards that only show in rare paths: each test here fails if its guard is removed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.db.models import PromptSent
from tests.harness import Harness, onboard, texts

PROMPT = "Time for today's check-in"


def prompt_count(harness: Harness, user_id: int) -> int:
    return sum(
        1 for call in harness.emu.calls
        if call.method == "sendMessage" and PROMPT in str(call.params.get("text"))
        and str(call.params.get("chat_id")) == str(user_id)
    )  # fmt: skip


async def test_at_most_one_prompt_a_local_date_when_the_zone_changes(harness: Harness) -> None:
    """Prompted at 09:00 in Berlin, then moving to New York: 09:00 there is the same date."""
    harness.clock.set(datetime(2026, 6, 1, 5, 0, tzinfo=UTC))  # 07:00 in Berlin
    ute = harness.emu.user("Ute")
    await onboard(harness, ute, "Europe/Berlin", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 30, tzinfo=UTC))  # 09:00 Berlin
    assert await harness.tick() == 1
    assert prompt_count(harness, ute.id) == 1
    await harness.say(ute, "/settings")
    await harness.tap(ute, "Time zone")
    said = texts(await harness.say(ute, "America/New_York"))
    assert "New_York" in said or "saved" in said.lower()
    # Every half hour until 09:00 in New York (13:00 UTC) and beyond: same local date, no prompt.
    while harness.clock.now() < datetime(2026, 6, 1, 16, 0, tzinfo=UTC):
        harness.clock.advance(timedelta(minutes=30))
        await harness.tick()
    assert prompt_count(harness, ute.id) == 1
    async with harness.services.sessions() as session:
        rows = await session.scalar(
            select(func.count()).select_from(PromptSent).where(PromptSent.user_id == ute.id)
        )
    assert rows == 1
    # The next local date in New York does get its prompt.
    while harness.clock.now() < datetime(2026, 6, 2, 14, 0, tzinfo=UTC):
        harness.clock.advance(timedelta(minutes=30))
        await harness.tick()
    assert prompt_count(harness, ute.id) == 2


async def test_the_crisis_follow_up_wins_over_the_emergency_one(harness: Harness) -> None:
    """Both raised on one day: the next day's follow-up carries the crisis line."""
    vic = harness.emu.user("Vic")
    await onboard(harness, vic, "Europe/London", "09:00")
    await harness.say(vic, "my chest is crushing and i can't breathe")
    await harness.say(vic, "and honestly i want to die")
    for _ in range(48):
        harness.clock.advance(timedelta(hours=1))
        await harness.tick()
        latest = str(harness.emu.messages(vic)[-1]["text"])
        if "after yesterday" in latest:
            break
    assert "116 123" in latest and "How are you doing today" in latest
    assert "hope you were able to get help" not in latest


async def test_added_to_a_channel_the_bot_leaves_and_posts_nothing(harness: Harness) -> None:
    from bot.db.models import GroupChat
    from bot.devtools.emulator import FakeChat

    owner = harness.emu.user("Cora")
    channel = FakeChat(-1_005_555_555_555, "channel", title="Cora's news")
    harness.emu.world.add_chat(channel)
    await harness.emu.add_to_group(owner, channel)
    await harness.settle()
    calls = [c for c in harness.emu.calls if str(c.params.get("chat_id")) == str(channel.id)]
    assert [c.method for c in calls] == ["leaveChat"]
    async with harness.services.sessions() as session:
        stored = await session.scalar(
            select(func.count()).select_from(GroupChat).where(GroupChat.chat_id == channel.id)
        )
    assert stored == 0


async def test_popups_are_plain_text_within_telegrams_limit(harness: Harness) -> None:
    """A name with "&" and "<" reads as typed in a popup, and a long one still gets an answer."""
    from bot.devtools.emulator import buttons

    for name in ("Tom & <Jerry>", "<" * 64 + "&" * 64):
        starter, other = harness.emu.user(name), harness.emu.user("Ola")
        await onboard(harness, starter)
        group = harness.emu.group("Walkers", members=(starter, other))
        await harness.say(starter, "/challenge", chat=group)
        setup = next(m for m in reversed(harness.emu.messages(group)) if buttons(m))
        query = await harness.emu.tap(other, setup, buttons(setup)[0][1])
        await harness.settle()
        answer = harness.emu.answer_for(query)
        assert answer is not None and answer.text, name
        assert "&amp;" not in answer.text and "&lt;" not in answer.text
        assert len(answer.text) <= 200
        if len(name) < 20:
            assert name in answer.text


async def test_two_starts_at_once_welcome_once(harness: Harness) -> None:
    """Two /start updates of one person, stored together: one welcome, then the question."""
    pia = harness.emu.user("Pia")
    await harness.emu.send_text(pia, "/start")
    await harness.emu.send_text(pia, "/start")
    await harness.settle()
    said = texts(harness.emu.messages(pia))
    assert said.count("not a doctor") == 1, said
    assert "carry on" in said and said.count("Which time zone") == 2
