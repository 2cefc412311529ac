"""Group challenges at the edges of the card and the nudge: what the private nudge says, the card's
day turning over on time, and a member's deletion touching only the cards that show them. (How
a nudge makes way for other private messages is pinned in test_promises.py.)"""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.emulator import FakeUser
from tests.e2e.test_groups import (
    GAP,
    NUDGE_UTC,
    at,
    create,
    delete_everything,
    jobs,
    new_group,
    people,
    private_checkin,
    shown,
    tallied,
    tap,
    two_challenges,
)
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
    shows Cy's tap at the hour and not before (the deletion marks only the cards of the
    challenges the person is in: it is no reason to show other groups' taps early)."""
    h = harness
    (_, bo, cy), _, walk, _, stretch = await two_challenges(h)
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
