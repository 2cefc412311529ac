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
