"""The daily prompt outbox: local time across DST, one a day across restarts, blocked people."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.config import load_settings
from bot.db.models import PromptSent, User
from bot.devtools.emulator import FakeUser, format_message
from bot.usecases.prompts import PROMPT_LEASE, RETRY_DELAY, claim_due
from tests.databases import ROW_LOCKS, while_held
from tests.e2e.test_erasure import delete
from tests.harness import Harness, onboard, texts

PROMPT = "Time for today's check-in"


def prompts(harness: Harness, user: object) -> list[dict[str, object]]:
    """Every prompt sent to a person, as first sent (a tap edits it into the next question)."""
    chat_id = getattr(user, "id", None)
    return [
        dict(call.result) for call in harness.emu.calls
        if call.method == "sendMessage" and call.result and PROMPT in str(call.params.get("text"))
        and call.params.get("chat_id") in (chat_id, str(chat_id))
    ]  # fmt: skip


async def walk(
    harness: Harness,
    until: datetime,
    step: timedelta = timedelta(minutes=30),
    answering: tuple[FakeUser, ...] = (),
) -> None:
    """Move the clock forward in steps, running the outbox at each, like the repeating job.

    The people in `answering` answer each new prompt's first question (someone who never
    answers gets prompts less often: see tests/e2e/test_pacing.py).
    """
    answered = {person.id: len(prompts(harness, person)) for person in answering}
    while harness.clock.now() < until:
        harness.clock.advance(step)
        await harness.tick()
        for person in answering:
            if len(prompts(harness, person)) > answered[person.id]:
                answered[person.id] = len(prompts(harness, person))
                await harness.tap(person, "3")


async def test_prompts_at_local_time_in_two_zones_across_dst(harness: Harness) -> None:
    """Berlin's clocks go forward on 29 March 2026, New York's on 8 March: 09:00 local each day."""
    harness.clock.set(datetime(2026, 3, 5, 12, tzinfo=UTC))
    berlin, new_york = harness.emu.user("Berta"), harness.emu.user("Nick")
    await onboard(harness, berlin, "Europe/Berlin", "09:00")
    await onboard(harness, new_york, "America/New_York", "09:00")
    await walk(harness, datetime(2026, 4, 1, 12, tzinfo=UTC), timedelta(hours=1),
               answering=(berlin, new_york))  # fmt: skip
    # Set up at 13:00 Berlin / 07:00 New York on 5 March: New York's first prompt is that day.
    expected = ((berlin, "Europe/Berlin", date(2026, 3, 6), date(2026, 4, 1)),
                (new_york, "America/New_York", date(2026, 3, 5), date(2026, 3, 31)))  # fmt: skip
    for person, zone, first, last in expected:
        sent = prompts(harness, person)
        local = [datetime.fromtimestamp(int(str(m["date"])), ZoneInfo(zone)) for m in sent]
        days = [d.date() for d in local]
        assert days == [first + timedelta(days=i) for i in range((last - first).days + 1)]
        assert Counter(days).most_common(1)[0][1] == 1
        assert {(d.hour, d.minute) for d in local} == {(9, 0)}, zone


async def test_down_at_prompt_time_sends_later_that_day_only(harness: Harness) -> None:
    ida = harness.emu.user("Ida")
    harness.clock.set(datetime(2026, 6, 1, 6, tzinfo=UTC))
    await onboard(harness, ida, "Europe/Berlin", "09:00")
    # The bot is "down" from before 09:00 until 15:00 local: the prompt goes out on return.
    harness.clock.set(datetime(2026, 6, 1, 13, tzinfo=UTC))
    await harness.tick()
    assert len(prompts(harness, ida)) == 1
    # Down for the whole next day: that day's prompt is dropped, the one after arrives on time.
    harness.clock.set(datetime(2026, 6, 3, 6, tzinfo=UTC))
    await harness.tick()
    assert len(prompts(harness, ida)) == 1
    harness.clock.set(datetime(2026, 6, 3, 7, 0, 30, tzinfo=UTC))
    await harness.tick()
    assert len(prompts(harness, ida)) == 2


async def test_no_prompt_when_already_checked_in(harness: Harness) -> None:
    jo = harness.emu.user("Jo")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, jo, "Europe/Berlin", "09:00")
    await harness.say(jo, "/checkin")
    await harness.tap(jo, "3")
    await harness.tap(jo, "Yes")
    harness.clock.set(datetime(2026, 6, 1, 7, 1, tzinfo=UTC))
    await harness.tick()
    assert prompts(harness, jo) == []


async def test_prompt_buttons_work_and_one_prompt_a_day_across_a_restart(
    harness: Harness, database_url: str, content: object
) -> None:
    kim = harness.emu.user("Kim")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, kim, "Europe/Berlin", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    assert await harness.tick() == 1
    said = texts(await harness.tap(kim, "2"))
    assert "feel like a flare" in said
    # A second bot process on the same database file, same minute: no second prompt.
    settings = load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN="123456:TEST-token",
        TELEGRAM_API_URL=harness.emu.url, DATABASE_URL=database_url,
    )  # fmt: skip
    await harness.runtime.stop_polling()
    async with Harness.running(settings, harness.emu, harness.clock, content) as second:  # type: ignore[arg-type]
        assert await second.tick() == 0
        second.clock.advance(timedelta(hours=5))
        assert await second.tick() == 0
        said = texts(await second.tap(kim, "No"))
        assert "get in the way" in said
    assert len(prompts(harness, kim)) == 1


async def test_blocked_person_is_marked_inactive_until_start(harness: Harness) -> None:
    lu = harness.emu.user("Lu")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, lu, "Europe/Berlin", "09:00")
    await harness.emu.block(lu)
    harness.clock.set(datetime(2026, 6, 1, 7, 1, tzinfo=UTC))
    await harness.tick()
    async with harness.services.sessions() as session:
        user = await session.get(User, lu.id)
        sent = (await session.execute(select(PromptSent))).scalars().all()
    assert user is not None and not user.active and sent == []
    harness.clock.advance(timedelta(days=1))
    calls = len(harness.emu.calls)
    await harness.tick()
    assert not [c for c in harness.emu.calls[calls:] if c.method == "sendMessage"]
    await harness.emu.unblock(lu)
    await harness.say(lu, "/start")
    async with harness.services.sessions() as session:
        user = await session.get(User, lu.id)
    assert user is not None and user.active
    harness.clock.advance(timedelta(days=1))
    await harness.tick()
    assert len(prompts(harness, lu)) == 1


async def test_pause_and_resume(harness: Harness) -> None:
    mo = harness.emu.user("Mo")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, mo, "Europe/Berlin", "09:00")
    said = texts(await harness.say(mo, "/pause"))
    assert "paused" in said
    await walk(harness, datetime(2026, 6, 3, 12, tzinfo=UTC), timedelta(hours=2))
    assert prompts(harness, mo) == []
    said = texts(await harness.say(mo, "/resume"))
    assert "next check-in comes at 09:00" in said
    await walk(harness, datetime(2026, 6, 4, 12, tzinfo=UTC), timedelta(hours=2))
    assert len(prompts(harness, mo)) == 1


async def test_network_failure_retries_on_the_same_day(harness: Harness) -> None:
    ned = harness.emu.user("Ned")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, ned, "Europe/Berlin", "09:00")
    harness.emu.fail_next("sendMessage", status=502, times=1)
    harness.clock.set(datetime(2026, 6, 1, 7, 1, tzinfo=UTC))
    await harness.tick()
    assert prompts(harness, ned) == []
    harness.clock.advance(timedelta(minutes=1))
    await harness.tick()
    assert len(prompts(harness, ned)) == 1


async def test_a_failed_send_is_tried_again_after_the_retry_delay_not_at_once(
    harness: Harness,
) -> None:
    """Telegram fails the send (502) at 09:00:05: the next ticks leave Pat alone until
    RETRY_DELAY has passed (not hammering a failing Telegram), and the prompt goes out then."""
    pat = harness.emu.user("Pat")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, pat, "Europe/Berlin", "09:00")
    harness.emu.fail_next("sendMessage", status=502, times=1)
    failed = datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC)
    harness.clock.freeze(failed)
    try:
        assert await harness.tick() == 1
        assert prompts(harness, pat) == []
        harness.clock.freeze(failed + RETRY_DELAY - timedelta(microseconds=1))
        assert await harness.tick() == 0
        harness.clock.freeze(failed + RETRY_DELAY)
        assert await harness.tick() == 1
    finally:
        harness.clock.unfreeze()
    assert len(prompts(harness, pat)) == 1


async def test_a_prompt_whose_first_send_timed_out_unseen_is_sent_again(harness: Harness) -> None:
    """Telegram never answers the first send (and never delivers it): it may have arrived, so
    the prompt goes out once more on a later tick, and Oli gets it."""
    oli = harness.emu.user("Oli")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, oli, "Europe/Berlin", "09:00")
    harness.emu.timeout_next("sendMessage", chat=oli, delivered=False, hold=6)  # past the 5 s
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    await harness.tick()
    assert prompts(harness, oli) == []
    harness.clock.advance(timedelta(minutes=1))
    await harness.tick()
    assert len(prompts(harness, oli)) == 1


async def test_a_prompt_due_at_this_very_instant_goes_out_on_that_tick(harness: Harness) -> None:
    """09:00 in Berlin is 07:00:00 UTC: a tick a microsecond before sends nothing, a tick at
    that very instant sends the prompt."""
    ana = harness.emu.user("Ana")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, ana, "Europe/Berlin", "09:00")
    due = datetime(2026, 6, 1, 7, tzinfo=UTC)
    harness.clock.freeze(due - timedelta(microseconds=1))
    try:
        assert await harness.tick() == 0
        harness.clock.freeze(due)
        assert await harness.tick() == 1
    finally:
        harness.clock.unfreeze()
    assert len(prompts(harness, ana)) == 1


async def test_back_at_exactly_prompt_time_after_a_day_down_sends_todays_prompt(
    harness: Harness,
) -> None:
    """Down all of 1 June, back at 09:00:00 on 2 June sharp: the 1st's prompt is dropped, the
    2nd's goes out then (not tomorrow)."""
    bo = harness.emu.user("Bo")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, bo, "Europe/Berlin", "09:00")
    harness.clock.freeze(datetime(2026, 6, 2, 7, tzinfo=UTC))
    try:
        assert await harness.tick() == 1
    finally:
        harness.clock.unfreeze()
    sent = prompts(harness, bo)
    assert len(sent) == 1
    assert datetime.fromtimestamp(int(str(sent[0]["date"])), UTC).date() == date(2026, 6, 2)


async def test_someone_whose_time_has_not_come_does_not_hold_up_the_others(
    harness: Harness,
) -> None:
    """Cas's last due time is from a day the bot was down, and today's 09:00 is still ahead;
    Dee's 07:00 has come: Dee gets her prompt on this tick, Cas his at 09:00."""
    cas, dee = harness.emu.user("Cas"), harness.emu.user("Dee")
    harness.clock.set(datetime(2026, 6, 1, 6, tzinfo=UTC))
    await onboard(harness, cas, "Europe/Berlin", "09:00")  # due 1 June, 07:00 UTC
    harness.clock.set(datetime(2026, 6, 2, 4, tzinfo=UTC))  # 06:00 in Berlin, 2 June
    await onboard(harness, dee, "Europe/Berlin", "07:00")  # due 2 June, 05:00 UTC
    harness.clock.set(datetime(2026, 6, 2, 6, tzinfo=UTC))  # 08:00 in Berlin
    assert await harness.tick() == 1
    assert (len(prompts(harness, cas)), len(prompts(harness, dee))) == (0, 1)
    harness.clock.set(datetime(2026, 6, 2, 7, 0, 5, tzinfo=UTC))
    assert await harness.tick() == 1
    assert (len(prompts(harness, cas)), len(prompts(harness, dee))) == (1, 1)


async def test_the_prompt_offers_same_as_yesterday_after_a_full_check_in(harness: Harness) -> None:
    """Eva's first prompt has nothing to copy, so no "Same as yesterday"; answered in full, the
    next day's prompt offers it, and it copies."""
    eva = harness.emu.user("Eva")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, eva, "Europe/Berlin", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    assert await harness.tick() == 1
    (first,) = prompts(harness, eva)
    assert "How is your pain" in format_message(first)
    assert "Same as yesterday" not in format_message(first)
    for label in ("3", "No", "2", "6", "7", "Yes", "Skip"):
        await harness.tap(eva, label)
    harness.clock.set(datetime(2026, 6, 2, 7, 0, 5, tzinfo=UTC))
    assert await harness.tick() == 1
    second = prompts(harness, eva)[1]
    assert "Same as yesterday" in format_message(second)
    said = texts(await harness.tap(eva, "Same as yesterday", message=second))
    assert "did you do your movement?" in said  # the ratings were copied; on it goes


async def test_the_prompt_asks_the_first_open_question_of_a_check_in_begun_earlier(
    harness: Harness,
) -> None:
    """Flo rated her pain at 08:00 and stopped there: the 09:00 prompt goes on from the next
    question, not from the pain question again."""
    flo = harness.emu.user("Flo")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, flo, "Europe/Berlin", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 6, tzinfo=UTC))
    await harness.say(flo, "/checkin")
    assert "feel like a flare" in texts(await harness.tap(flo, "3"))
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    assert await harness.tick() == 1
    (prompt,) = prompts(harness, flo)
    assert "feel like a flare" in format_message(prompt)
    assert "How is your pain" not in format_message(prompt)


async def test_a_worded_answer_to_an_ordinary_prompt_is_not_read_as_a_safety_follow_up(
    harness: Harness,
) -> None:
    """Fay never said anything alarming: "rough night" after her prompt is read against its
    pain question (not as a chat about sleep), with no advice to see a doctor (the follow-up
    after an emergency's)."""
    fay = harness.emu.user("Fay")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, fay, "Europe/Berlin", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    assert await harness.tick() == 1
    said = texts(await harness.say(fay, "not great, rough night"))
    assert "How is your pain today?" in said  # read as an answer to the prompt's question
    assert "doctor" not in said and "skip exercise" not in said


async def test_someone_erased_while_their_prompt_is_on_its_way_holds_up_no_one(
    harness: Harness,
) -> None:
    """Kim's prompt hangs on its way; meanwhile she deletes everything and starts again. Lou's
    prompt went out in the same batch and is recorded as sent: when the claims' lease runs out,
    nobody gets a prompt twice, and the new Kim gets none."""
    kim, lou = harness.emu.user("Kim"), harness.emu.user("Lou")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, kim, "Europe/Berlin", "08:00")
    await onboard(harness, lou, "Europe/Berlin", "09:00")
    harness.emu.timeout_next("sendMessage", chat=kim, delivered=False, hold=6)  # past the 5 s
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    ticking = asyncio.create_task(harness.tick())
    await harness.emu.wait_for(  # her prompt is on its way
        lambda e: any(
            str(c.params.get("chat_id")) == str(kim.id) and PROMPT in str(c.params.get("text"))
            for c in e.calls_to("sendMessage")
        )
    )
    await delete(harness, kim)
    await harness.say(kim, "/start")
    assert await ticking == 2
    assert len(prompts(harness, lou)) == 1
    harness.clock.advance(PROMPT_LEASE + timedelta(minutes=1))
    await harness.tick()
    assert (len(prompts(harness, kim)), len(prompts(harness, lou))) == (0, 1)


async def test_a_prompt_claimed_by_a_process_that_died_goes_out_after_the_lease(
    harness: Harness,
) -> None:
    """Quin's prompt was claimed at 09:00:05 and the process died before sending it: once the
    claim's lease is over, the next tick sends it, once."""
    quin = harness.emu.user("Quin")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, quin, "Europe/Berlin", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    assert len(await claim_due(harness.services, harness.clock.now())) == 1  # then it dies
    harness.clock.advance(PROMPT_LEASE + timedelta(seconds=1))
    assert await harness.tick() == 1
    harness.clock.advance(timedelta(minutes=1))
    await harness.tick()
    assert len(prompts(harness, quin)) == 1


async def test_a_prompt_left_by_a_dead_process_days_ago_waits_for_todays_time(
    harness: Harness,
) -> None:
    """Rey's prompt of 1 June was claimed and never sent, and the bot was down until 08:00 on
    the 3rd: that day's prompt comes at her 09:00, not at once an hour early."""
    rey = harness.emu.user("Rey")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, rey, "Europe/Berlin", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    assert len(await claim_due(harness.services, harness.clock.now())) == 1  # then it dies
    harness.clock.set(datetime(2026, 6, 3, 6, tzinfo=UTC))  # 08:00 in Berlin
    assert await harness.tick() == 0
    harness.clock.set(datetime(2026, 6, 3, 7, 0, 5, tzinfo=UTC))
    assert await harness.tick() == 1
    assert len(prompts(harness, rey)) == 1


@ROW_LOCKS
async def test_a_person_another_replica_is_claiming_is_left_to_it_not_waited_for(
    harness: Harness, database_url: str
) -> None:
    """Another replica is in the middle of claiming Gil (it holds his row): this one prompts Ida
    at once and leaves Gil alone. That replica then dies without claiming him: the next tick
    prompts him, once."""
    gil, ida = harness.emu.user("Gil"), harness.emu.user("Ida")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, gil, "Europe/Berlin", "08:00")
    await onboard(harness, ida, "Europe/Berlin", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 5, tzinfo=UTC))
    done, claimed = await while_held(database_url, User, gil.id, harness.tick())
    assert done, "the tick waited for the other replica's claim"
    assert claimed == 1
    assert (len(prompts(harness, gil)), len(prompts(harness, ida))) == (0, 1)
    assert await harness.tick() == 1
    assert (len(prompts(harness, gil)), len(prompts(harness, ida))) == (1, 1)
