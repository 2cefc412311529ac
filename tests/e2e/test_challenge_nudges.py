"""Group challenges, the private side and the edges of the card: the nudge to a member who has not
marked the day (what it says, and how it steps aside for the check-in prompt or the weekly
summary), the card's day turning over on time, and a member's deletion touching only the cards
that show them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.db.models import PromptSent, SummarySent
from bot.devtools.emulator import FakeUser
from bot.usecases.challenges import SPACING
from tests.e2e.test_groups import (
    GAP,
    NUDGE_UTC,
    at,
    create,
    delete_everything,
    jobs,
    jobs_exactly,
    new_group,
    people,
    private_checkin,
    shown,
    tallied,
    tap,
)
from tests.e2e.test_pacing import days_of_prompts, live_days
from tests.harness import Harness, onboard

NUDGED = "isn't marked yet"
OWN_PLAN = "Your own plan for today"


def nudges(h: Harness, person: FakeUser, since: int = 0) -> list[str]:
    """The challenge nudges a person got from their message number `since`."""
    return [
        str(m.get("text")) for m in h.emu.messages(person)[since:] if NUDGED in str(m.get("text"))
    ]


async def test_a_deletion_leaves_other_groups_cards_to_show_their_taps_at_the_hour(
    harness: Harness,
) -> None:
    """Bo, in Family's challenge only, deletes his data while Cy's Done today in Work waits for
    the hour: Family's card drops Bo at once, and Work's card, which never showed Bo, still
    shows Cy's tap at the hour and not before (a deletion is no reason to show other groups'
    taps early)."""
    h = harness
    h.clock.set(at(1, 8, 0))
    ana, bo, cy = await people(h, "Ana", "Bo", "Cy")
    family = await new_group(h, "Family", ana, bo)
    walk = await create(h, ana, family)
    await tap(h, bo, walk, "Join")
    work = await new_group(h, "Work", cy)
    stretch = await create(h, cy, work)
    await tap(h, cy, stretch, "Done today")
    await delete_everything(h, bo)
    await jobs(h, h.clock.now() + GAP)
    assert "Bo" not in shown(h, walk) and "Ana" in shown(h, walk)
    assert "✅ Cy" not in shown(h, stretch), shown(h, stretch)
    await tallied(h)
    assert "✅ Cy" in shown(h, stretch)


async def test_a_tap_just_before_midnight_leaves_the_days_turnover_on_time(
    harness: Harness,
) -> None:
    """In Kolkata (UTC+5:30) the group's midnight falls half past a UTC hour: Bo's Done at 23:45
    waits for the next whole hour, but the card still turns to day 2 at midnight, not half an
    hour later."""
    h = harness
    h.clock.set(at(1, 8, 0))
    ana = h.emu.user("Ana")
    await onboard(h, ana, "Asia/Kolkata")
    [bo] = await people(h, "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family, zone="Kolkata")
    await tap(h, bo, message, "Join")
    await jobs(h, at(1, 18, 0))  # 23:30 in Kolkata
    assert "Day 1 of 7" in shown(h, message)
    h.clock.set(at(1, 18, 15))
    await tap(h, bo, message, "Done today")
    await jobs(h, at(1, 18, 30) + timedelta(seconds=1))  # 00:00:01 in Kolkata
    assert "Day 2 of 7" in shown(h, message), shown(h, message)


async def test_the_nudge_shows_the_persons_own_plan_for_today_only_when_there_is_one(
    harness: Harness,
) -> None:
    """Bo checked in privately this morning and has a plan for today: his nudge names it. Ana has
    no plan today: hers has no plan line at all (no '0 minutes of')."""
    h = harness
    h.clock.set(at(1, 8, 0))
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await tap(h, bo, message, "Join")
    await private_checkin(h, bo, "No")
    await jobs(h, at(1, NUDGE_UTC, 1))
    [bos] = nudges(h, bo)
    [anas] = nudges(h, ana)
    assert OWN_PLAN in bos and "minutes of walking" in bos, bos
    assert OWN_PLAN not in anas, anas


async def sent_at(h: Harness, model: type[PromptSent | SummarySent], person: FakeUser) -> datetime:
    """When the person's one daily prompt or weekly summary so far went out."""
    async with h.services.sessions() as session:
        [when] = (
            await session.scalars(select(model.sent_at).where(model.user_id == person.id))
        ).all()
    assert when is not None
    return when


async def family_challenge(h: Harness, *members: FakeUser) -> None:
    """Ana's 7-day walking challenge in Family from Monday, with `members` joined (a summary at
    20:00 in Berlin: the nudge at 17:00, 15:00 UTC)."""
    [ana] = await people(h, "Ana")
    family = await new_group(h, "Family", ana, *members)
    message = await create(h, ana, family)
    for person in members:
        await tap(h, person, message, "Join")


async def test_an_unanswered_prompt_holds_the_nudge_for_exactly_an_hour(harness: Harness) -> None:
    """Bo's check-in prompt came at 16:30 and he hasn't answered: the 17:00 nudge waits until an
    hour after the prompt, and goes out at that very instant."""
    h = harness
    h.clock.set(at(1, 8, 0))
    bo = h.emu.user("Bo")
    await onboard(h, bo, "Europe/Berlin", "16:30")
    await family_challenge(h, bo)
    h.clock.set(at(1, 14, 30))
    await h.tick()
    prompted = await sent_at(h, PromptSent, bo)
    await jobs_exactly(h, at(1, NUDGE_UTC, 0))
    assert nudges(h, bo) == []
    await jobs_exactly(h, prompted + SPACING)
    assert len(nudges(h, bo)) == 1


async def test_a_prompt_due_within_the_hour_holds_the_nudge_until_an_hour_after_it(
    harness: Harness,
) -> None:
    """Bo's check-in time is 17:30: the 17:00 nudge steps aside for the prompt and comes an hour
    after it, alone."""
    h = harness
    h.clock.set(at(1, 8, 0))
    bo = h.emu.user("Bo")
    await onboard(h, bo, "Europe/Berlin", "17:30")
    await family_challenge(h, bo)
    await jobs(h, at(1, NUDGE_UTC, 0) + timedelta(seconds=1))
    assert nudges(h, bo) == []
    h.clock.set(at(1, 15, 30) + timedelta(seconds=1))
    await h.tick()
    assert "Time for today's check-in" in str(h.emu.messages(bo)[-1].get("text"))
    await jobs(h, at(1, 16, 30) + timedelta(seconds=5))
    assert len(nudges(h, bo)) == 1


async def test_a_weekly_summary_holds_the_nudge_for_exactly_an_hour(harness: Harness) -> None:
    """Bo lives in Kabul: his weekly summary comes on Sunday at 19:00 there, 14:30 UTC, half an
    hour before the group's nudge. His nudge waits until an hour after the summary and goes
    out at that instant. Cy, who paused and resumed meanwhile, is nudged in that same round,
    not before."""
    h = harness
    h.clock.set(at(1, 8, 0))
    bo = h.emu.user("Bo")
    await onboard(h, bo, "Asia/Kabul", "23:00")
    [cy] = await people(h, "Cy")
    await family_challenge(h, bo, cy)
    for day in range(1, 7):
        await jobs(h, at(day, 18, 1))
    h.clock.set(at(7, 14, 30) + timedelta(seconds=5))
    await h.tick()
    last = h.emu.messages(bo)[-1]
    assert "Your week" in str(last.get("text") or last.get("caption"))
    summary = await sent_at(h, SummarySent, bo)
    await h.say(cy, "/pause")
    before = len(nudges(h, bo))
    await jobs_exactly(h, at(7, NUDGE_UTC, 0))
    assert len(nudges(h, bo)) == before and nudges(h, cy) == []
    await h.say(cy, "/resume")
    await jobs(h, at(7, NUDGE_UTC, 10))
    assert nudges(h, cy) == []
    await jobs_exactly(h, summary + SPACING)
    assert len(nudges(h, bo)) == before + 1 and len(nudges(h, cy)) == 1


async def test_a_word_in_private_brings_the_full_three_daily_prompts_back(harness: Harness) -> None:
    """Oz stopped answering and the prompts came every other day; then he writes 'hello'. That is
    hearing from him: the count starts again from nothing, so three daily prompts go unanswered
    before the bot asks less often again, not two."""
    h = harness
    h.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    oz = h.emu.user("Oz")
    await onboard(h, oz, "Europe/Berlin", "09:00")
    h.clock.set(datetime(2026, 5, 31, 7, 0, 5, tzinfo=UTC))
    await live_days(h, 5)
    assert await days_of_prompts(h, oz) == [1, 2, 3, 5]
    await h.say(oz, "hello")
    calls = len(h.emu.calls)
    await live_days(h, 10)
    assert await days_of_prompts(h, oz, calls) == [6, 7, 8, 10]
