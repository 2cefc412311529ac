"""One outbox mechanism for every unsolicited message: a claim whose process died is sent again.

Weekly summaries, group summaries and challenge nudges are claimed ("sending") before they are
sent, like the daily prompt. A process killed between the claim and the send leaves the record
"sending"; once the lease (bot.db.outbox.LEASE) is over, the next pass sends it again, and never
before. The kill -9 of a whole process mid fan-out is in test_replicas.py.

On PostgreSQL a claim skips the rows another replica is in the middle of claiming (it holds
them): one stalled replica never holds up the others' messages, and what it held goes out on
the next pass once it is gone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy import select

from bot.db import outbox
from bot.db.models import Challenge, ChallengeNudge, ChallengeSummary, SummarySent, User
from bot.db.outbox import MAX_ATTEMPTS
from bot.devtools.emulator import FakeChat, FakeUser
from bot.domain.challenges import LATE_LIMIT
from bot.telegram.jobs import challenges as challenge_jobs
from bot.telegram.jobs import daily
from bot.telegram.jobs import weekly as jobs_weekly
from bot.telegram.jobs.daily import PROMPT_LEASE
from bot.telegram.jobs.weekly import run_due_weekly
from bot.usecases import challenges as challenges_service
from bot.usecases import prompts, weekly
from tests.databases import ROW_LOCKS, while_held
from tests.e2e.test_challenge_nudges import nudges
from tests.e2e.test_groups import (
    GAP,
    JSON,
    NUDGE_UTC,
    SUMMARY_UTC,
    at,
    challenge_id_of,
    challenge_row,
    create,
    edits_since,
    jobs,
    jobs_exactly,
    new_group,
    shown,
    summaries,
    tallied,
    tap,
    two_challenges,
)
from tests.e2e.test_pacing import private_sends, words
from tests.harness import Harness, onboard, texts

SUNDAY = date(2026, 6, 7)
SUNDAY_NOON = datetime(2026, 6, 7, 10, 0, tzinfo=UTC)  # 12:00 in Berlin


async def person_id(h: Harness, person: FakeUser) -> int:
    async with h.services.sessions() as session:
        user = await session.scalar(select(User).where(User.chat_id == person.id))
    assert user is not None
    return user.id


async def left_sending(h: Harness, record: SummarySent | ChallengeNudge | ChallengeSummary,
                       claimed: datetime) -> int:  # fmt: skip
    """Store a record as a process that died right after claiming it would have left it."""
    record.status, record.claimed_at, record.attempts = outbox.SENDING, claimed, 1
    async with h.services.transaction() as session:
        session.add(record)
        await session.flush()
        return record.id


async def status_of(h: Harness, model: type, record_id: int) -> tuple[str, int]:
    async with h.services.sessions() as session:
        record = await session.get(model, record_id)
    assert record is not None
    return record.status, record.attempts


@pytest.mark.parametrize(
    ("claimed_ago", "sent_again"),
    [
        # The clock runs on while the test does: the exact edge is pinned below, on `expired`.
        (outbox.LEASE - timedelta(seconds=30), False),  # the claimant may still be sending
        (outbox.LEASE + timedelta(seconds=30), True),  # its process died: sent again
    ],
)
async def test_a_weekly_summary_left_sending_goes_out_again_after_the_lease(
    harness: Harness, claimed_ago: timedelta, sent_again: bool
) -> None:
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    ana = h.emu.user("Ana")
    await onboard(h, ana, "Europe/Berlin", "19:00")
    h.clock.set(SUNDAY_NOON)
    record = SummarySent(user_id=await person_id(h, ana), local_date=SUNDAY, sent_at=SUNDAY_NOON)
    record_id = await left_sending(h, record, h.clock.now() - claimed_ago)
    calls = len(h.emu.calls)
    await run_due_weekly(h.services, h.app.bot)
    await h.emu.idle(settle=0.02)
    sent = [m for m in private_sends(h, ana, calls) if "Your week" in words(m)]
    assert len(sent) == (1 if sent_again else 0)
    assert await status_of(h, SummarySent, record_id) == (
        (outbox.SENT, 2) if sent_again else (outbox.SENDING, 1)
    )
    # Once sent, it is settled: another pass sends nothing more.
    h.clock.advance(outbox.LEASE * 2)
    await run_due_weekly(h.services, h.app.bot)
    await h.emu.idle(settle=0.02)
    again = [m for m in private_sends(h, ana, calls) if "Your week" in words(m)]
    assert len(again) == 1  # the one above, or the one after a lease the claimant never met


async def test_a_weekly_summary_refused_as_blocked_marks_the_person_inactive(
    harness: Harness,
) -> None:
    """Ana blocked the bot and the bot never heard of it: her weekly summary is refused, and
    that marks her inactive, so the next week's is not even tried."""
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    ana = h.emu.user("Ana")
    await onboard(h, ana, "Europe/Berlin", "09:00")
    h.emu.state_of(ana).blocked = True  # no update about it reaches the bot
    h.clock.set(datetime(2026, 6, 7, 17, 0, 30, tzinfo=UTC))  # Sunday 19:00 in Berlin
    calls = len(h.emu.calls)
    assert await run_due_weekly(h.services, h.app.bot) == 1
    refused = [c for c in h.emu.calls[calls:] if c.error and c.error.status == 403]
    assert len(refused) == 1, refused
    async with h.services.sessions() as session:
        user = await session.get(User, await person_id(h, ana))
    assert user is not None and not user.active
    h.clock.advance(timedelta(days=7))
    calls = len(h.emu.calls)
    await run_due_weekly(h.services, h.app.bot)
    assert [c for c in h.emu.calls[calls:] if str(c.params.get("chat_id")) == str(ana.id)] == []


async def test_weekly_summaries_more_than_a_batch_go_out_in_one_pass(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One pass claims batch after batch while a batch comes back full (a batch of 2 stands for
    the real one): two full batches and one more person, all sent at once."""
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    people = [h.emu.user(name) for name in ("Ana", "Bo", "Cy", "Di", "Ed")]
    for person in people:
        await onboard(h, person, "Europe/Berlin", "09:00")
    monkeypatch.setattr(jobs_weekly, "BATCH", 2)
    monkeypatch.setattr(weekly, "claim_weekly", partial(weekly.claim_weekly, limit=2))
    h.clock.set(datetime(2026, 6, 7, 17, 0, 30, tzinfo=UTC))  # Sunday 19:00 in Berlin
    assert await run_due_weekly(h.services, h.app.bot) == 5


MONDAY_EARLY = datetime(2026, 6, 1, 5, tzinfo=UTC)
MONDAY_PROMPT = datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC)  # 09:00:05 in Berlin


async def test_a_daily_prompt_left_sending_goes_out_again_after_the_lease(
    harness: Harness,
) -> None:
    """The prompt was claimed and the process died before sending it: the next pass leaves it
    to its claimant until the lease is over, then sends it, once."""
    h = harness
    h.clock.set(MONDAY_EARLY)
    cal = h.emu.user("Cal")
    await onboard(h, cal, "Europe/Berlin", "09:00")
    h.clock.set(MONDAY_PROMPT)
    assert len(await prompts.claim_due(h.services, h.clock.now())) == 1  # then the process dies
    calls = len(h.emu.calls)
    await h.tick()
    assert not [m for m in private_sends(h, cal, calls) if "Time for today" in words(m)]
    h.clock.advance(PROMPT_LEASE + timedelta(seconds=1))
    await h.tick()
    h.clock.advance(timedelta(minutes=1))
    await h.tick()
    assert len([m for m in private_sends(h, cal, calls) if "Time for today" in words(m)]) == 1


async def test_a_fan_out_larger_than_a_batch_goes_out_in_one_pass(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One pass claims batch after batch while any batch comes back full (a batch of 2 stands
    for the real 200): exactly two full batches and one more person, all prompted at once."""
    h = harness
    h.clock.set(MONDAY_EARLY)
    people = [h.emu.user(name) for name in ("Ana", "Bo", "Cy", "Di", "Ed")]
    for person in people:
        await onboard(h, person, "Europe/Berlin", "09:00")
    monkeypatch.setattr(daily, "BATCH", 2)
    monkeypatch.setattr(daily, "claim_due", partial(prompts.claim_due, limit=2))
    h.clock.set(MONDAY_PROMPT)
    calls = len(h.emu.calls)
    assert await h.tick() == 5
    for person in people:
        assert [m for m in private_sends(h, person, calls) if "Time for today" in words(m)]


async def test_a_claim_expires_one_microsecond_after_the_lease(harness: Harness) -> None:
    """`expired` at its edge: exactly LEASE old is still the claimant's, a microsecond more not."""
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    ana, bo, cy = h.emu.user("Ana"), h.emu.user("Bo"), h.emu.user("Cy")
    for person in (ana, bo, cy):
        await onboard(h, person, "Europe/Berlin", "19:00")
    now = SUNDAY_NOON
    tick = timedelta(microseconds=1)
    ages = {ana: outbox.LEASE - tick, bo: outbox.LEASE, cy: outbox.LEASE + tick}
    ids = {}
    for person, age in ages.items():
        record = SummarySent(user_id=await person_id(h, person), local_date=SUNDAY, sent_at=now)
        ids[person] = await left_sending(h, record, now - age)
    async with h.services.transaction() as session:
        found = {r.id for r in await outbox.expired(session, SummarySent, now, limit=10)}
    assert found == {ids[cy]}


async def test_a_weekly_summary_whose_day_ended_is_given_up_not_sent(harness: Harness) -> None:
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    ana = h.emu.user("Ana")
    await onboard(h, ana, "Europe/Berlin", "19:00")
    h.clock.set(SUNDAY_NOON + timedelta(days=1))  # Monday: Sunday's summary is stale
    record = SummarySent(user_id=await person_id(h, ana), local_date=SUNDAY, sent_at=SUNDAY_NOON)
    record_id = await left_sending(h, record, SUNDAY_NOON)
    calls = len(h.emu.calls)
    await run_due_weekly(h.services, h.app.bot)
    await h.emu.idle(settle=0.02)
    assert [m for m in private_sends(h, ana, calls) if "Your week" in words(m)] == []
    assert (await status_of(h, SummarySent, record_id))[0] == outbox.FAILED


async def challenge_of(h: Harness) -> Challenge:
    async with h.services.sessions() as session:
        challenge = await session.scalar(select(Challenge).where(Challenge.status == "active"))
    assert challenge is not None
    return challenge


async def test_a_nudge_and_a_group_summary_left_sending_go_out_again(harness: Harness) -> None:
    h = harness
    h.clock.set(datetime(2026, 6, 1, 8, tzinfo=UTC))  # Monday, 10:00 in Berlin
    ana, bo = h.emu.user("Ana"), h.emu.user("Bo")
    for person in (ana, bo):
        await onboard(h, person, "Europe/Berlin", "09:00")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family, time="20:00")
    await h.tap(bo, "Join", message=message)
    challenge = await challenge_of(h)
    day = date(2026, 6, 2)
    h.clock.set(datetime(2026, 6, 2, 15, 0, tzinfo=UTC))  # Tuesday 17:00, before the summary
    claimed = h.clock.now() - outbox.LEASE - timedelta(minutes=1)
    nudge_id = await left_sending(h, ChallengeNudge(
        user_id=await person_id(h, bo), challenge_id=challenge.id, local_date=day,
        sent_at=claimed), claimed)  # fmt: skip
    summary_id = await left_sending(h, ChallengeSummary(
        challenge_id=challenge.id, local_date=day - timedelta(days=1), members=2, turned_up=0,
        sent_at=claimed), claimed)  # fmt: skip
    calls, group_before = len(h.emu.calls), len(h.emu.outputs(family))
    await jobs(h)
    [nudge] = private_sends(h, bo, calls)
    assert "Family" in words(nudge), words(nudge)
    summaries = [
        m for m in h.emu.outputs(family)[group_before:] if str(m.get("text")).startswith("🌙 Day")
    ]
    assert len(summaries) == 1, [m.get("text") for m in summaries]
    assert "Day 1 of 7" in str(summaries[0].get("text")), summaries
    assert await status_of(h, ChallengeNudge, nudge_id) == (outbox.SENT, 2)
    assert await status_of(h, ChallengeSummary, summary_id) == (outbox.SENT, 2)
    # Settled: the next pass sends neither again.
    h.clock.advance(timedelta(minutes=1))
    await jobs(h)
    assert len(private_sends(h, bo, calls)) == 1
    assert (
        len(
            [
                m
                for m in h.emu.outputs(family)[group_before:]
                if str(m.get("text")).startswith("🌙 Day")
            ]
        )
        == 1
    )


@pytest.mark.parametrize(
    ("attempts", "sent_again"), [(MAX_ATTEMPTS - 1, True), (MAX_ATTEMPTS, False)]
)
async def test_a_claim_whose_sender_died_too_often_is_given_up(
    harness: Harness, attempts: int, sent_again: bool
) -> None:
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    ana = h.emu.user("Ana")
    await onboard(h, ana, "Europe/Berlin", "19:00")
    h.clock.set(SUNDAY_NOON)
    record = SummarySent(user_id=await person_id(h, ana), local_date=SUNDAY, sent_at=SUNDAY_NOON)
    record_id = await left_sending(h, record, h.clock.now() - outbox.LEASE * 2)
    async with h.services.transaction() as session:
        stored = await session.get(SummarySent, record_id)
        assert stored is not None
        stored.attempts = attempts
    calls = len(h.emu.calls)
    await run_due_weekly(h.services, h.app.bot)
    await h.emu.idle(settle=0.02)
    sent = [m for m in private_sends(h, ana, calls) if "Your week" in words(m)]
    assert len(sent) == (1 if sent_again else 0)
    status, _ = await status_of(h, SummarySent, record_id)
    assert status == (outbox.SENT if sent_again else outbox.FAILED)


async def test_a_group_summary_whose_sender_died_twice_goes_out_the_third_time(
    harness: Harness,
) -> None:
    """The process that claimed the day's summary died before sending it, and so did the one
    that took it up after the lease: the third claim (MAX_ATTEMPTS) still sends it, once."""
    h = harness
    h.clock.set(datetime(2026, 6, 1, 8, tzinfo=UTC))  # Monday, 10:00 in Berlin
    ana, bo = h.emu.user("Ana"), h.emu.user("Bo")
    for person in (ana, bo):
        await onboard(h, person, "Europe/Berlin", "09:00")
    family = await new_group(h, "Family", ana, bo)
    await create(h, ana, family, time="20:00")
    due = datetime(2026, 6, 1, 18, 0, 1, tzinfo=UTC)  # 20:00 in Berlin
    before = len(h.emu.outputs(family))
    for died in range(MAX_ATTEMPTS - 1):  # claimed, then nothing sent: the process died
        when = due + died * (outbox.LEASE + timedelta(minutes=1))
        h.clock.set(when)
        await challenges_service.claim_due(h.services, when)
    assert h.emu.outputs(family)[before:] == []
    await jobs(h, due + (MAX_ATTEMPTS - 1) * (outbox.LEASE + timedelta(minutes=1)))
    await jobs(h, due + MAX_ATTEMPTS * (outbox.LEASE + timedelta(minutes=1)))
    sent = [m for m in h.emu.outputs(family)[before:] if str(m.get("text")).startswith("🌙 Day")]
    assert len(sent) == 1, [m.get("text") for m in h.emu.outputs(family)[before:]]
    async with h.services.sessions() as session:
        [logged] = (await session.scalars(select(ChallengeSummary))).all()
    assert (logged.status, logged.attempts) == (outbox.SENT, MAX_ATTEMPTS)


async def family_challenge(h: Harness) -> tuple[FakeUser, FakeUser, FakeChat, Challenge]:
    """Ana's challenge in Family from Monday 10:00 in Berlin, summed up at 20:00; Bo joined."""
    h.clock.set(datetime(2026, 6, 1, 8, tzinfo=UTC))
    ana, bo = h.emu.user("Ana"), h.emu.user("Bo")
    for person in (ana, bo):
        await onboard(h, person, "Europe/Berlin", "09:00")
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family, time="20:00")
    await h.tap(bo, "Join", message=message)
    return ana, bo, family, await challenge_of(h)


def sent_since(h: Harness, calls: int) -> list[str]:
    """Texts of the messages the bot sent (anywhere) since call number `calls`."""
    return [
        str(c.params.get("text")) for c in h.emu.calls[calls:] if c.method == "sendMessage"
    ]  # fmt: skip


async def leave_summary_and_nudge(
    h: Harness, challenge: Challenge, bo: FakeUser, claimed: datetime, attempts: int = 1
) -> tuple[int, int]:
    """Tuesday's nudge for Bo and Monday's summary, as a process that died after claiming them
    would have left them (`attempts` claims so far)."""
    nudge_id = await left_sending(h, ChallengeNudge(
        user_id=await person_id(h, bo), challenge_id=challenge.id, local_date=date(2026, 6, 2),
        sent_at=claimed), claimed)  # fmt: skip
    summary_id = await left_sending(h, ChallengeSummary(
        challenge_id=challenge.id, local_date=date(2026, 6, 1), members=2, turned_up=0,
        sent_at=claimed), claimed)  # fmt: skip
    async with h.services.transaction() as session:
        for model, record_id in ((ChallengeNudge, nudge_id), (ChallengeSummary, summary_id)):
            record = await session.get(model, record_id)
            assert record is not None
            record.attempts = attempts
    return nudge_id, summary_id


async def test_a_nudge_and_a_summary_left_sending_are_given_up_once_the_challenge_ended(
    harness: Harness,
) -> None:
    """Their process died, then Ana ended the challenge early: after the lease neither the
    day's summary nor Bo's nudge goes out (the challenge has said goodbye already)."""
    h = harness
    ana, bo, family, challenge = await family_challenge(h)
    h.clock.set(datetime(2026, 6, 2, 14, 0, tzinfo=UTC))  # Tuesday 16:00, before the nudge
    claimed = h.clock.now()
    nudge_id, summary_id = await leave_summary_and_nudge(h, challenge, bo, claimed)
    h.clock.advance(timedelta(seconds=5))
    await h.say(ana, "/endchallenge", chat=family)
    chooser = h.emu.last(family)
    assert chooser is not None
    await h.tap(ana, "Walking", message=chooser)
    calls = len(h.emu.calls)
    await jobs(h, claimed + outbox.LEASE + timedelta(minutes=1))
    assert sent_since(h, calls) == []
    assert await status_of(h, ChallengeNudge, nudge_id) == (outbox.FAILED, 1)
    assert await status_of(h, ChallengeSummary, summary_id) == (outbox.FAILED, 1)


async def test_a_nudge_and_a_summary_whose_senders_died_too_often_are_given_up(
    harness: Harness,
) -> None:
    """Claimed MAX_ATTEMPTS times already, each time by a process that died: given up."""
    h = harness
    _ana, bo, _family, challenge = await family_challenge(h)
    h.clock.set(datetime(2026, 6, 2, 14, 0, tzinfo=UTC))
    claimed = h.clock.now()
    nudge_id, summary_id = await leave_summary_and_nudge(h, challenge, bo, claimed, MAX_ATTEMPTS)
    calls = len(h.emu.calls)
    await jobs(h, claimed + outbox.LEASE + timedelta(minutes=1))
    assert sent_since(h, calls) == []
    assert await status_of(h, ChallengeNudge, nudge_id) == (outbox.FAILED, MAX_ATTEMPTS)
    assert await status_of(h, ChallengeSummary, summary_id) == (outbox.FAILED, MAX_ATTEMPTS)


async def test_a_summary_left_sending_goes_out_until_late_limit_after_its_claim(
    harness: Harness,
) -> None:
    """Monday's summary, claimed exactly LATE_LIMIT ago, still goes out; Tuesday's, claimed a
    microsecond earlier, is given up."""
    h = harness
    _ana, _bo, _family, challenge = await family_challenge(h)
    now = datetime(2026, 6, 3, 9, 0, tzinfo=UTC)  # Wednesday, 11:00 in Berlin
    h.clock.set(now)
    ids = {}
    for day, age in ((1, LATE_LIMIT), (2, LATE_LIMIT + timedelta(microseconds=1))):
        ids[day] = await left_sending(h, ChallengeSummary(
            challenge_id=challenge.id, local_date=date(2026, 6, day), members=2, turned_up=0,
            sent_at=now - age), now - age)  # fmt: skip
    calls = len(h.emu.calls)
    await jobs_exactly(h, now)
    sent = [t for t in sent_since(h, calls) if t.startswith("🌙")]
    assert len(sent) == 1 and "Day 1 of 7" in sent[0], sent_since(h, calls)
    assert (await status_of(h, ChallengeSummary, ids[1]))[0] == outbox.SENT
    assert (await status_of(h, ChallengeSummary, ids[2]))[0] == outbox.FAILED


async def test_a_nudge_left_sending_goes_out_until_the_days_summary_time(
    harness: Harness,
) -> None:
    """Bo's nudge, whose process died, goes out again a microsecond before the day's summary
    time; at that very instant it is given up (the summary says it all)."""
    h = harness
    _ana, bo, _family, challenge = await family_challenge(h)
    summary_at = datetime(2026, 6, 2, 18, 0, tzinfo=UTC)  # Tuesday 20:00 in Berlin
    for when, sent_again in ((summary_at - timedelta(microseconds=1), True), (summary_at, False)):
        claimed = when - outbox.LEASE - timedelta(minutes=1)
        h.clock.set(claimed)
        async with h.services.transaction() as session:
            for old in (await session.scalars(select(ChallengeNudge))).all():
                await session.delete(old)
        nudge_id = await left_sending(h, ChallengeNudge(
            user_id=await person_id(h, bo), challenge_id=challenge.id,
            local_date=date(2026, 6, 2), sent_at=claimed), claimed)  # fmt: skip
        calls = len(h.emu.calls)
        await challenges_service.claim_due(h.services, claimed)  # the day's nudges: logged
        h.clock.set(when)
        outgoing = await challenges_service.claim_due(h.services, when)
        for each in outgoing:
            await challenge_jobs.deliver(h.services, h.app.bot, each)
        await h.emu.idle(settle=0.02)
        nudges = [t for t in sent_since(h, calls) if t.startswith("Hi Bo")]
        assert len(nudges) == (1 if sent_again else 0), (when, nudges)
        status, _ = await status_of(h, ChallengeNudge, nudge_id)
        assert status == (outbox.SENT if sent_again else outbox.FAILED), when


async def test_a_nudge_whose_sender_died_twice_goes_out_the_third_time(
    harness: Harness,
) -> None:
    """The processes that claimed Bo's 17:00 nudge, and then took it up after the lease, both
    died before sending it: the third claim (MAX_ATTEMPTS) still sends it, once."""
    h = harness
    _ana, bo, _family, _challenge = await family_challenge(h)
    due = datetime(2026, 6, 1, 15, 0, 1, tzinfo=UTC)  # 17:00 in Berlin
    calls = len(h.emu.calls)
    for died in range(MAX_ATTEMPTS - 1):  # claimed, then nothing sent: the process died
        when = due + died * (outbox.LEASE + timedelta(minutes=1))
        h.clock.set(when)
        await challenges_service.claim_due(h.services, when)
    assert [c for c in h.emu.calls[calls:] if c.method == "sendMessage"] == []
    await jobs(h, due + (MAX_ATTEMPTS - 1) * (outbox.LEASE + timedelta(minutes=1)))
    await jobs(h, due + MAX_ATTEMPTS * (outbox.LEASE + timedelta(minutes=1)))
    nudges = [t for t in sent_since(h, calls) if t.startswith("Hi Bo")]
    assert len(nudges) == 1, sent_since(h, calls)
    async with h.services.sessions() as session:
        logged = await session.scalar(
            select(ChallengeNudge).where(ChallengeNudge.user_id == await person_id(h, bo))
        )
    assert logged is not None and (logged.status, logged.attempts) == (outbox.SENT, MAX_ATTEMPTS)


async def next_weekly_at(h: Harness, person: FakeUser) -> datetime | None:
    async with h.services.sessions() as session:
        user = await session.get(User, await person_id(h, person))
    assert user is not None
    return None if user.next_weekly_at is None else user.next_weekly_at.replace(tzinfo=UTC)


async def test_a_weekly_summary_waiting_for_the_check_in_goes_out_the_instant_it_is_answered(
    harness: Harness,
) -> None:
    """Ana's check-in and weekly summary are both due Sunday 19:00 in Berlin. At that very
    instant the prompt goes out and the summary waits an hour after it (stored as its due time);
    she answers within the same instant and the summary follows then, not an hour later. An
    hour ahead is exactly inside the claim's window, and a summary whose own time has come at
    that instant is due."""
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    ana = h.emu.user("Ana")
    await onboard(h, ana, "Europe/Berlin", "19:00")
    seven = datetime(2026, 6, 7, 17, 0, tzinfo=UTC)  # Sunday 19:00 in Berlin
    calls = len(h.emu.calls)
    h.clock.freeze(seven)
    try:
        await h.tick()
        [prompt] = private_sends(h, ana, calls)
        assert "Time for today's check-in" in words(prompt), words(prompt)
        assert await next_weekly_at(h, ana) == seven + weekly.SPACING
        await h.tap(ana, "3")
        await h.tap(ana, "Yes")  # a flare: the short path, the check-in is complete
        calls = len(h.emu.calls)
        await h.tick()
        sent = [m for m in private_sends(h, ana, calls) if "Your week" in words(m)]
        assert len(sent) == 1, [words(m) for m in private_sends(h, ana, calls)]
    finally:
        h.clock.unfreeze()


async def test_a_person_still_waiting_does_not_hold_up_the_next_in_the_batch(
    harness: Harness,
) -> None:
    """Ana (check-in 18:50) and Bo (19:00) both wait on Sunday 19:00 for their check-in to be
    answered, Ana's summary till 19:50 and Bo's till 20:00. Bo answers, Ana does not: at 19:20
    Bo's summary goes out, though Ana, ahead of him in the queue, still waits."""
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    ana, bo = h.emu.user("Ana"), h.emu.user("Bo")
    await onboard(h, ana, "Europe/Berlin", "18:50")
    await onboard(h, bo, "Europe/Berlin", "19:00")
    h.clock.set(datetime(2026, 6, 7, 16, 50, 5, tzinfo=UTC))
    await h.tick()
    h.clock.set(datetime(2026, 6, 7, 17, 0, 5, tzinfo=UTC))
    await h.tick()
    ana_due, bo_due = await next_weekly_at(h, ana), await next_weekly_at(h, bo)
    assert ana_due is not None and bo_due is not None and ana_due < bo_due
    await h.tap(bo, "3")
    await h.tap(bo, "Yes")
    calls = len(h.emu.calls)
    h.clock.set(datetime(2026, 6, 7, 17, 20, tzinfo=UTC))
    await h.tick()
    assert [m for m in private_sends(h, bo, calls) if "Your week" in words(m)] != []
    assert [m for m in private_sends(h, ana, calls) if "Your week" in words(m)] == []


async def test_each_skipped_person_in_a_batch_leaves_the_rest_to_go_out(harness: Harness) -> None:
    """Sunday 19:30 in Berlin, one pass over six people whose weekly summaries are all due, in
    this order: Old's was due last week (that week is gone, not sent late), Pia's prompts are
    paused after a safety moment, Bea's check-in prompt goes out this very pass (her summary
    waits an hour after it), Sy already had today's. Each is skipped without stopping the pass:
    Eve, whose pause ends this very instant, and Dan get theirs, each claimed once."""
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    names = ("Old", "Pia", "Bea", "Sy", "Eve", "Dan")
    people = {name: h.emu.user(name) for name in names}
    for name, person in people.items():
        await onboard(h, person, "Europe/Berlin", "19:30" if name == "Bea" else "09:00")
    h.clock.set(datetime(2026, 6, 7, 7, 0, 5, tzinfo=UTC))  # the morning's prompts are out
    await h.tick()
    now = datetime(2026, 6, 7, 17, 30, tzinfo=UTC)  # Sunday 19:30 in Berlin
    seven = datetime(2026, 6, 7, 17, 0, tzinfo=UTC)
    async with h.services.transaction() as session:
        for n, name in enumerate(names):
            user = await session.get(User, await person_id(h, people[name]))
            assert user is not None
            user.next_weekly_at = seven + timedelta(seconds=n)
            if name == "Old":
                user.next_weekly_at = seven - timedelta(days=7)
            if name == "Pia":
                user.prompts_paused_until = now + timedelta(hours=12)
            if name == "Eve":
                user.prompts_paused_until = now
            if name == "Sy":
                session.add(
                    SummarySent(user_id=user.id, local_date=SUNDAY, sent_at=seven,
                                status=outbox.SENT, claimed_at=seven, attempts=1)
                )  # fmt: skip
    calls = len(h.emu.calls)
    h.clock.freeze(now)
    try:
        await h.tick()
    finally:
        h.clock.unfreeze()
    got = [
        name for name in names
        if any("Your week" in words(m) for m in private_sends(h, people[name], calls))
    ]  # fmt: skip
    assert got == ["Eve", "Dan"], got
    assert await next_weekly_at(h, people["Bea"]) == now + weekly.SPACING
    async with h.services.sessions() as session:
        records = (await session.scalars(select(SummarySent))).all()
    by_person = {r.user_id: (r.status, r.attempts) for r in records}
    for name in ("Eve", "Dan"):
        assert by_person[await person_id(h, people[name])] == (outbox.SENT, 1), by_person


async def test_an_unanswered_check_in_holds_the_summary_exactly_an_hour(harness: Harness) -> None:
    """Ana's prompt and summary are both due Sunday 19:00 in Berlin and she does not answer: the
    summary is still waiting a microsecond before 20:00 and goes out at 20:00 exactly."""
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    ana = h.emu.user("Ana")
    await onboard(h, ana, "Europe/Berlin", "19:00")
    seven = datetime(2026, 6, 7, 17, 0, tzinfo=UTC)  # Sunday 19:00 in Berlin
    calls = len(h.emu.calls)
    try:
        for at in (seven, seven + weekly.SPACING - timedelta(microseconds=1)):
            h.clock.freeze(at)
            await h.tick()
        assert [m for m in private_sends(h, ana, calls) if "Your week" in words(m)] == []
        h.clock.freeze(seven + weekly.SPACING)
        await h.tick()
    finally:
        h.clock.unfreeze()
    assert len([m for m in private_sends(h, ana, calls) if "Your week" in words(m)]) == 1


async def claimed(h: Harness, now: datetime) -> set[int]:
    """Who one pass of the weekly outbox claims at exactly `now` (no prompts sent first)."""
    return {claim.user_id for claim in await weekly.claim_weekly(h.services, now)}


async def test_a_check_in_due_within_the_hour_goes_first_unless_paused_or_due_this_instant(
    harness: Harness,
) -> None:
    """Summaries due Sunday 19:00 in Berlin. Cy's check-in prompt is due at 19:30: her summary
    waits for it (and then the hour after it). Pau's is too, but he paused his check-ins, so no
    prompt is coming and his summary does not wait. Eda's prompt is due this very instant and
    was not out when this pass ran: nothing is due within the hour, so hers goes."""
    h = harness
    h.clock.set(SUNDAY_NOON)  # set up today: their next prompts are today's
    cy, pau, eda = h.emu.user("Cy"), h.emu.user("Pau"), h.emu.user("Eda")
    await onboard(h, cy, "Europe/Berlin", "19:30")
    await onboard(h, pau, "Europe/Berlin", "19:30")
    await onboard(h, eda, "Europe/Berlin", "19:00")
    assert "paused" in texts(await h.say(pau, "/pause")).lower()
    seven = datetime(2026, 6, 7, 17, 0, tzinfo=UTC)
    ids = {person: await person_id(h, person) for person in (cy, pau, eda)}
    assert await claimed(h, seven) == {ids[pau], ids[eda]}
    assert await next_weekly_at(h, cy) == seven + timedelta(minutes=30)


async def test_a_challenge_nudge_holds_the_summary_an_hour_and_only_its_own_person(
    harness: Harness,
) -> None:
    """Sunday 19:30 in Berlin, summaries due since 19:00. Bo had his challenge nudge ten minutes
    ago: his summary waits until an hour after it. Ana's nudge was exactly an hour ago and Cy
    had none: theirs go out."""
    h = harness
    ana, bo, _, challenge = await family_challenge(h)
    cy = h.emu.user("Cy")
    await onboard(h, cy, "Europe/Berlin", "09:00")
    now = datetime(2026, 6, 7, 17, 30, tzinfo=UTC)
    nudged = {ana: now - weekly.SPACING, bo: now - timedelta(minutes=10)}
    async with h.services.transaction() as session:
        for person, at in nudged.items():
            session.add(
                ChallengeNudge(user_id=await person_id(h, person), challenge_id=challenge.id,
                               local_date=SUNDAY, sent_at=at, status=outbox.SENT, claimed_at=at,
                               attempts=1)
            )  # fmt: skip
    ids = {person: await person_id(h, person) for person in (ana, bo, cy)}
    assert await claimed(h, now) == {ids[ana], ids[cy]}
    assert await next_weekly_at(h, bo) == nudged[bo] + weekly.SPACING


# Another replica in the middle of a claim -----------------------------------------------------


async def claimed_only_by_claim_due(
    h: Harness, database_url: str, card: JSON, now: datetime
) -> bool:
    """The pass at `now` while another replica holds the card's challenge, which only the
    summary or the nudges claim then (not stale, its day not over): whether it was over
    before the lock went."""
    held = await challenge_row(h, challenge_id_of(card))
    assert held.refresh_at is not None and not held.stale
    assert held.refresh_at.replace(tzinfo=UTC) > now
    done, _ = await while_held(database_url, Challenge, held.id, jobs(h, now))
    return done


@ROW_LOCKS
async def test_a_card_another_replica_is_claiming_is_left_to_it_not_waited_for(
    harness: Harness, database_url: str
) -> None:
    """Bo marks Done in Family and Cy in Work, both shown at the hour. Then another replica is
    in the middle of claiming Family's card (it holds the challenge's row): this one shows Cy's
    tick in Work at once and leaves Family alone. That replica dies without editing it: the
    next pass shows Bo's tick, in one edit."""
    h = harness
    (_, bo, cy), family, walk, _, stretch = await two_challenges(h)
    await tap(h, bo, walk, "Done today")
    await tap(h, cy, stretch, "Done today")
    done, _ = await while_held(database_url, Challenge, challenge_id_of(walk), tallied(h))
    assert done, "the pass waited for the other replica's claim"
    assert "✅ Cy" in shown(h, stretch), shown(h, stretch)
    assert "✅ Bo" not in shown(h, walk), shown(h, walk)
    calls = len(h.emu.calls)
    await jobs(h, h.clock.now() + GAP)
    assert len(edits_since(h, family, calls)) == 1, edits_since(h, family, calls)
    assert "✅ Bo" in shown(h, walk), shown(h, walk)
    await jobs(h, h.clock.now() + GAP)
    assert len(edits_since(h, family, calls)) == 1


@ROW_LOCKS
async def test_a_days_summary_another_replica_is_claiming_is_left_to_it_not_waited_for(
    harness: Harness, database_url: str
) -> None:
    """20:00 in Berlin, both groups' summaries are due. Another replica is in the middle of
    claiming Family's (it holds the challenge's row; the card itself has nothing to show
    before midnight): this one sums up Work's day at once and leaves Family alone. That
    replica dies without sending it: the next pass sends Family's summary, once."""
    h = harness
    _, family, walk, work, _ = await two_challenges(h)
    before = len(h.emu.outputs(family)), len(h.emu.outputs(work))

    def sent() -> tuple[int, int]:
        return len(summaries(h, family, before[0])), len(summaries(h, work, before[1]))

    now = at(1, SUMMARY_UTC) + timedelta(seconds=1)
    done = await claimed_only_by_claim_due(h, database_url, walk, now)
    assert done, "the pass waited for the other replica's claim"
    assert sent() == (0, 1)
    await jobs(h, h.clock.now() + GAP)
    assert sent() == (1, 1)
    await jobs(h, h.clock.now() + GAP)
    assert sent() == (1, 1)


@ROW_LOCKS
async def test_a_nudge_another_replica_is_claiming_is_left_to_it_not_waited_for(
    harness: Harness, database_url: str
) -> None:
    """17:00 in Berlin, nobody has marked today. Another replica is in the middle of claiming
    Family's nudges (it holds the challenge's row): this one nudges Cy for Work at once and
    leaves Ana and Bo alone. That replica dies without nudging them: the next pass nudges
    each of them, once."""
    h = harness
    (ana, bo, cy), _, walk, _, _ = await two_challenges(h)
    now = at(1, NUDGE_UTC) + timedelta(seconds=1)
    done = await claimed_only_by_claim_due(h, database_url, walk, now)
    assert done, "the pass waited for the other replica's claim"
    assert [len(nudges(h, person)) for person in (ana, bo, cy)] == [0, 0, 1]
    await jobs(h, h.clock.now() + GAP)
    assert [len(nudges(h, person)) for person in (ana, bo, cy)] == [1, 1, 1]
    await jobs(h, h.clock.now() + GAP)
    assert [len(nudges(h, person)) for person in (ana, bo, cy)] == [1, 1, 1]


@ROW_LOCKS
async def test_a_weekly_summary_another_replica_is_claiming_is_left_to_it_not_waited_for(
    harness: Harness, database_url: str
) -> None:
    """Sunday 19:00 in Berlin, Ana's and Bo's weekly summaries are due. Another replica is in
    the middle of claiming Ana's (it holds her row): this one sends Bo's at once and leaves
    Ana alone. That replica dies without claiming hers: the next pass sends it, once."""
    h = harness
    h.clock.set(SUNDAY_NOON - timedelta(days=1))
    ana, bo = h.emu.user("Ana"), h.emu.user("Bo")
    for person in (ana, bo):
        await onboard(h, person, "Europe/Berlin", "09:00")
    h.clock.set(datetime(2026, 6, 7, 17, 0, 30, tzinfo=UTC))  # Sunday 19:00 in Berlin
    calls = len(h.emu.calls)

    def weeks() -> list[int]:
        return [
            len([m for m in private_sends(h, person, calls) if "Your week" in words(m)])
            for person in (ana, bo)
        ]  # fmt: skip

    held, job = await person_id(h, ana), run_due_weekly(h.services, h.app.bot)
    done, claimed = await while_held(database_url, User, held, job)
    await h.emu.idle(settle=0.02)
    assert done, "the pass waited for the other replica's claim"
    assert claimed == 1
    assert weeks() == [0, 1]
    assert await run_due_weekly(h.services, h.app.bot) == 1
    await h.emu.idle(settle=0.02)
    assert weeks() == [1, 1]
    assert await run_due_weekly(h.services, h.app.bot) == 0
    await h.emu.idle(settle=0.02)
    assert weeks() == [1, 1]
