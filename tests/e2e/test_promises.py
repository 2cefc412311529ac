"""Promises outside the rules, each at the unlucky moment where a slip in a handler, a job or
the runtime would show: a crisis just before the day's prompt or a nudge, a flood with red
flags in what is skipped, a database away while polling or behind the webhook, a delete
button after "No, keep", the bot's token in a log line."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from sqlalchemy import select

from bot.clock import ManualClock
from bot.config import load_settings
from bot.db.inbox import InboxUpdate
from bot.db.models import CheckIn, User
from bot.devtools.emulator import Emulator, FakeUser, buttons
from bot.domain.safety import scan
from bot.logs import configure
from bot.telegram.runtime import SECRET_HEADER, Runtime
from bot.usecases.challenges import SPACING
from bot.views.content import Content
from tests.e2e.test_runtime import Outage
from tests.harness import Harness, logged, onboard, texts

TOKEN = "123456:TEST-token"  # the harness's bot token (tests/conftest.py)
PROMPT = "Time for today's check-in"
NUDGE = "isn't marked yet"
MICRO = timedelta(microseconds=1)


def first_of_tier(tier: str, *candidates: str) -> str:
    """The first sentence the readers put in `tier` (robust to the tables moving on)."""
    for text in candidates:
        flag = scan(text)
        if flag is not None and flag.tier == tier:
            return text
    raise AssertionError(f"none of the candidates is {tier} any more: add one")


CRISIS = first_of_tier("crisis", "honestly i want to end it all", "i want to die")
EMERGENCY = first_of_tier("emergency", "I have chest pain and my left arm is numb",
                          "my chest hurts when I walk uphill")  # fmt: skip
DOCTOR = first_of_tier("doctor", "had chest pain this morning, gone now",
                       "neck pain, I had breast cancer two years ago")  # fmt: skip


def sent_to(h: Harness, person: FakeUser, fragment: str, since: int = 0) -> int:
    """How many messages to the person contain `fragment` (from call number `since`)."""
    return sum(
        1 for c in h.emu.calls[since:]
        if c.method == "sendMessage" and str(c.params.get("chat_id")) == str(person.id)
        and fragment in str(c.params.get("text"))
    )  # fmt: skip


def said_to(h: Harness, person: FakeUser, since: int) -> list[str]:
    """The texts of the messages sent to the person from call number `since`."""
    return [
        str(c.params.get("text")) for c in h.emu.calls[since:]
        if c.method == "sendMessage" and str(c.params.get("chat_id")) == str(person.id)
    ]  # fmt: skip


# A crisis just before the day's prompt, and just before a challenge nudge ----------------------


async def test_a_crisis_an_hour_before_the_prompt_keeps_that_days_prompt_away(
    harness: Harness,
) -> None:
    h = harness
    h.clock.set(datetime(2026, 6, 1, 4, 0, tzinfo=UTC))  # 06:00 in Berlin
    ana, ben = h.emu.user("Ana"), h.emu.user("Ben")
    for person in (ana, ben):
        await onboard(h, person, "Europe/Berlin", "09:00")
    h.clock.set(datetime(2026, 6, 1, 6, 0, tzinfo=UTC))  # 08:00
    assert "ending your life" in texts(await h.say(ana, CRISIS))
    h.clock.set(datetime(2026, 6, 1, 7, 0, 30, tzinfo=UTC))  # 09:00:30, the prompt's time
    await h.tick()
    assert sent_to(h, ben, PROMPT) == 1  # the prompt run did run
    while h.clock.now() < datetime(2026, 6, 1, 21, 0, tzinfo=UTC):  # the rest of that day
        h.clock.advance(timedelta(minutes=30))
        await h.tick()
    assert sent_to(h, ana, PROMPT) == 0


async def test_a_crisis_just_before_the_nudge_keeps_the_nudge_away(harness: Harness) -> None:
    from tests.e2e.test_groups import NUDGE_UTC, START, at, create, jobs, new_group, people, tap

    h = harness
    h.clock.set(START)
    ana, bo, cy = await people(h, "Ana", "Bo", "Cy")
    family = await new_group(h, "Family", ana, bo, cy)
    message = await create(h, ana, family)
    for person in (bo, cy):
        await tap(h, person, message, "Join")
    h.clock.set(at(1, NUDGE_UTC - 1, 50))  # 16:50 in Berlin, ten minutes before the nudges
    assert "ending your life" in texts(await h.say(bo, CRISIS))
    calls = len(h.emu.calls)
    await jobs(h, at(1, NUDGE_UTC, 0))
    await jobs(h, at(1, NUDGE_UTC, 30))
    assert sent_to(h, cy, NUDGE, calls) == 1  # the nudges did go out
    assert sent_to(h, bo, NUDGE, calls) == 0


# Floods --------------------------------------------------------------------------------------


async def test_floods_answer_the_latest_and_every_red_flag_with_one_moment_each(
    harness: Harness, content: Content
) -> None:
    """Two backlogs, the first fed by a second wave while it is being worked through. Each
    gets one "one moment" and an answer to its latest message; the doctor-tier and emergency
    red flags among the skipped messages are still answered."""
    h = harness
    fay = h.emu.user("Fay")
    await onboard(h, fay)
    moment = content.render("fallback.flood")
    calls = len(h.emu.calls)

    # The first backlog: the reply to /help is held for a while, the messages pile up behind it.
    h.emu.timeout_next("sendMessage", chat=fay, hold=1.5, times=1)
    h.emu.timeout_next("sendMessage", chat=fay, hold=1.5, times=1)  # then "one moment" is held
    await h.emu.send_text(fay, "/help")
    first = [f"just chatting {n}" for n in range(12)]
    first[3], first[7] = DOCTOR, EMERGENCY
    for text in first:
        await h.emu.send_text(fay, text)
    await h.emu.wait_for(lambda e: moment in texts(e.messages(fay)), timeout=20)
    # While "one moment" is on its way, a second wave joins the same backlog.
    for n in range(9):
        await h.emu.send_text(fay, f"still chatting {n}")
    await h.emu.send_text(fay, "thank you so much")
    await h.settle(timeout=30)
    assert sent_to(h, fay, moment, calls) == 1
    assert sent_to(h, fay, "worth having checked by a doctor", calls) == 1
    assert sent_to(h, fay, "This could need urgent help", calls) == 1
    said = said_to(h, fay, calls)
    assert "You're very welcome" in said[-1], said[-1]
    assert len(said) <= 6, said  # /help, one moment, two red flags, the latest: nothing else

    # A second backlog, later: its own "one moment", and its latest answered.
    h.clock.advance(timedelta(minutes=5))
    calls = len(h.emu.calls)
    h.emu.timeout_next("sendMessage", chat=fay, hold=1.5, times=1)
    await h.emu.send_text(fay, "/help")
    for n in range(11):
        await h.emu.send_text(fay, f"more chatting {n}")
    await h.emu.send_text(fay, "hi there")
    await h.settle(timeout=30)
    assert sent_to(h, fay, moment, calls) == 1
    said = said_to(h, fay, calls)
    assert "Good to hear from you" in said[-1], said[-1]
    assert len(said) == 3, said  # /help, one moment, the latest


# The database away: while polling, and behind the webhook --------------------------------------


async def test_an_outage_after_the_first_poll_loses_nothing(harness: Harness) -> None:
    """The poll loop knows its offset already; getUpdates is called during the outage and
    returns the update, which cannot be stored: it must not be confirmed (offset kept)."""
    h = harness
    ada, bea = h.emu.user("Ada"), h.emu.user("Bea")
    assert "Small Steps" in texts(await h.say(ada, "/start"))  # the loop has been round
    outage = Outage(h.services.engine)
    outage.on = True
    polls = len(h.emu.calls_to("getUpdates"))
    await h.emu.send_text(bea, "/start")
    await h.emu.wait_for(lambda e: len(e.calls_to("getUpdates")) >= polls + 2, timeout=20)
    during = h.emu.calls_to("getUpdates")[polls:]
    outage.on = False
    assert outage.failed > 0 and h.emu.messages(bea) == []
    offsets = {int(c.params.get("offset") or 0) for c in during}
    assert len(offsets) == 1, offsets  # asked again from the same place each time
    await h.emu.wait_for(lambda e: len(e.messages(bea)) > 0, timeout=40)
    assert "Small Steps" in texts(h.emu.messages(bea))


SECRET = "a-webhook-secret-of-some-length"


async def test_a_webhook_update_that_cannot_be_stored_gets_503_and_is_handled_when_retried(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content,
    unused_tcp_port: int,
) -> None:  # fmt: skip
    from bot.app import build_application

    settings = load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=emulator.url,
        DATABASE_URL=database_url, WEBHOOK_URL=f"http://127.0.0.1:{unused_tcp_port}/hook",
        WEBHOOK_SECRET=SECRET,
    )  # fmt: skip
    app = build_application(settings, clock=clock, content=content, tick_seconds=None)
    runtime = Runtime(app)
    await runtime.start_webhook("127.0.0.1", unused_tcp_port, "hook", "http://x/hook", SECRET)
    gus = emulator.user("Gus", started=True)
    update = {"update_id": 4242, "message": {
        "message_id": 1, "date": int(clock.now().timestamp()),
        "chat": {"id": gus.id, "type": "private", "first_name": "Gus"},
        "from": {"id": gus.id, "is_bot": False, "first_name": "Gus"},
        "text": "/start", "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
    }}  # fmt: skip
    url = f"http://127.0.0.1:{unused_tcp_port}/hook"
    outage = Outage(runtime.services.engine)
    try:
        async with aiohttp.ClientSession() as http:
            outage.on = True
            async with http.post(url, json=update, headers={SECRET_HEADER: SECRET}) as response:
                assert response.status == 503  # Telegram sends it again
            outage.on = False
            async with runtime.services.sessions() as session:
                assert await session.get(InboxUpdate, 4242) is None
            await asyncio.sleep(0.5)
            assert emulator.messages(gus) == []
            async with http.post(url, json=update, headers={SECRET_HEADER: SECRET}) as response:
                assert response.status == 200
        await emulator.wait_for(lambda e: len(e.messages(gus)) >= 1, timeout=20)
        assert "Small Steps" in texts(emulator.messages(gus))
    finally:
        await runtime.stop()


# /delete: "No, keep" ends the final button's life ---------------------------------------------


async def test_after_no_keep_the_final_delete_button_no_longer_works(
    harness: Harness, content: Content
) -> None:
    h = harness
    dee = h.emu.user("Dee")
    await onboard(h, dee)
    await h.say(dee, "/delete")
    await h.tap(dee, "Yes, delete everything")
    final = h.last_with_buttons(dee)
    assert final is not None
    [token_data] = [d for label, d in buttons(final) if "Delete now" in label]
    await h.tap(dee, "No, keep", message=final)
    await h.tap_data(dee, final, token_data)
    assert h.popups()[-1] == content.render("error.stale_button")
    async with h.services.sessions() as session:
        assert await session.get(User, dee.id) is not None
    assert "/checkin" in texts(await h.say(dee, "/help"))  # still set up, nothing lost


# The bot's token in a log line ------------------------------------------------------------------


@pytest.fixture
def log_text() -> Iterator[io.StringIO]:
    """Everything logged, configured as `smallsteps run` does with the harness's token."""
    with logged(TOKEN) as buffer:
        yield buffer


async def test_the_token_in_a_refusal_reaches_the_log_scrubbed(
    harness: Harness, log_text: io.StringIO
) -> None:
    """Telegram's refusal quotes the request, token and all; the bot logs the refusal."""
    h = harness
    eli = h.emu.user("Eli")
    await onboard(h, eli)
    h.emu.fail_next("sendMessage", status=400, chat=eli,
                    description=f"Bad Request: can't send to /bot{TOKEN}/sendMessage")  # fmt: skip
    await h.say(eli, "/help")
    logged = log_text.getvalue()
    assert "refused" in logged and "<token>" in logged, logged[-500:]
    # PTB capitalises Telegram's descriptions: the token is scrubbed in any case.
    assert TOKEN.split(":")[1].lower() not in logged.lower()


def test_a_token_put_into_any_line_is_scrubbed() -> None:
    buffer = io.StringIO()
    handler = configure("INFO", TOKEN, stream=buffer)
    try:
        logging.getLogger("bot.test.token").warning("calling %s", f"https://x/bot{TOKEN}/getMe")
        logging.getLogger("bot.test.token").warning(f"formatted in: {TOKEN}")
        logging.getLogger("bot.test.token").warning("encoded: %s", TOKEN.replace(":", "%3A"))
        logging.getLogger("bot.test.token").warning("described: %s", TOKEN.upper())
    finally:
        logging.getLogger().removeHandler(handler)
    logged = buffer.getvalue()
    assert logged.count("<token>") == 4 and "test-token" not in logged.lower(), logged


async def test_a_nudge_waits_after_an_unanswered_prompt_not_after_a_finished_check_in(
    harness: Harness,
) -> None:
    """Both prompted at 16:30, half an hour before the 17:00 nudges: Bo finishes his check-in
    and gets the nudge on time; Cy, who has not answered, gets it an hour after her prompt."""
    from tests.e2e.test_groups import NUDGE_UTC, START, at, create, jobs, new_group, tap

    h = harness
    h.clock.set(START)
    ana, bo, cy = h.emu.user("Ana"), h.emu.user("Bo"), h.emu.user("Cy")
    await onboard(h, ana)
    for person in (bo, cy):
        await onboard(h, person, "Europe/Berlin", "16:30")
    family = await new_group(h, "Family", ana, bo, cy)
    message = await create(h, ana, family)
    for person in (bo, cy):
        await tap(h, person, message, "Join")
    h.clock.set(at(1, NUDGE_UTC - 1, 30) + timedelta(seconds=30))  # 16:30:30, the prompts
    await h.tick()
    assert sent_to(h, bo, PROMPT) == 1 and sent_to(h, cy, PROMPT) == 1
    for label in ("3", "No", "2", "7", "8"):
        said = texts(await h.tap(bo, label))
    if "did you do your movement" in said:
        said = texts(await h.tap(bo, "Yes"))
    await h.tap(bo, "Skip")
    async with h.services.sessions() as session:
        done = await session.scalar(select(CheckIn.completed_at).where(CheckIn.user_id == bo.id))
    assert done is not None  # Bo's check-in is finished
    calls = len(h.emu.calls)
    await jobs(h, at(1, NUDGE_UTC, 0))
    assert sent_to(h, bo, NUDGE, calls) == 1
    assert sent_to(h, cy, NUDGE, calls) == 0
    await jobs(h, at(1, NUDGE_UTC, 31))
    assert sent_to(h, cy, NUDGE, calls) == 1 and sent_to(h, bo, NUDGE, calls) == 1


async def test_a_nudge_makes_way_for_a_prompt_due_soon_and_a_weekly_summary_just_sent(
    harness: Harness,
) -> None:
    """17:00, the nudges: Cy's check-in prompt is due at 17:30 and Dee had her weekly summary at
    16:40, so each of their nudges waits an hour after that message (Cy's, once her prompt has
    gone out, an hour after it), to the microsecond; Bo, who joined after them and has nothing
    else coming, is nudged on time."""
    from bot.db import queries
    from bot.db.models import SummarySent
    from bot.domain.outbox import SENT
    from tests.e2e.test_groups import NUDGE_UTC, START, at, create, jobs_exactly, new_group, tap

    h = harness
    h.clock.set(START)
    ana, bo, cy, dee = (h.emu.user(name) for name in ("Ana", "Bo", "Cy", "Dee"))
    for person in (ana, bo, dee):
        await onboard(h, person)
    await onboard(h, cy, "Europe/Berlin", "17:30")
    family = await new_group(h, "Family", ana, bo, cy, dee)
    message = await create(h, ana, family)
    for person in (cy, dee, bo):
        await tap(h, person, message, "Join")
    weekly = at(1, NUDGE_UTC - 1, 40)  # 16:40 in Berlin
    async with h.services.transaction() as session:
        session.add(SummarySent(user_id=dee.id, local_date=weekly.date(), sent_at=weekly,
                                status=SENT, claimed_at=weekly, attempts=1))  # fmt: skip
    calls = len(h.emu.calls)
    await jobs_exactly(h, at(1, NUDGE_UTC, 0))
    assert [sent_to(h, p, NUDGE, calls) for p in (ana, bo, cy, dee)] == [1, 1, 0, 0]
    h.clock.set(at(1, NUDGE_UTC, 30) + timedelta(seconds=30))  # 17:30:30: Cy's prompt
    await h.tick()
    assert sent_to(h, cy, PROMPT, calls) == 1
    async with h.services.sessions() as session:
        prompted = await queries.prompt_sent_at(session, cy.id, weekly.date())
    assert prompted is not None
    await jobs_exactly(h, weekly + timedelta(hours=1) - timedelta(microseconds=1))
    assert [sent_to(h, p, NUDGE, calls) for p in (cy, dee)] == [0, 0]
    await jobs_exactly(h, weekly + timedelta(hours=1))
    assert [sent_to(h, p, NUDGE, calls) for p in (cy, dee)] == [0, 1]
    await jobs_exactly(h, prompted + timedelta(hours=1) - timedelta(microseconds=1))
    assert sent_to(h, cy, NUDGE, calls) == 0
    await jobs_exactly(h, prompted + timedelta(hours=1))
    assert [sent_to(h, p, NUDGE, calls) for p in (ana, bo, cy, dee)] == [1, 1, 1, 1]


async def test_a_nudge_makes_way_for_a_prompt_due_at_the_same_time_not_sent_yet(
    harness: Harness,
) -> None:
    """Eve's check-in time is 17:00, the nudges' time too. The challenge job (every few
    seconds) comes round before the prompt job has sent her prompt: her nudge does not go out
    with it, but an hour after the prompt."""
    from bot.db import queries
    from tests.e2e.test_groups import NUDGE_UTC, START, at, create, jobs, new_group, tap

    h = harness
    h.clock.set(START)
    ana, eve = h.emu.user("Ana"), h.emu.user("Eve")
    await onboard(h, ana)
    await onboard(h, eve, "Europe/Berlin", "17:00")
    family = await new_group(h, "Family", ana, eve)
    message = await create(h, ana, family)
    await tap(h, eve, message, "Join")
    calls = len(h.emu.calls)
    await jobs(h, at(1, NUDGE_UTC, 0) + timedelta(seconds=2))
    assert sent_to(h, ana, NUDGE, calls) == 1 and sent_to(h, eve, NUDGE, calls) == 0
    h.clock.set(at(1, NUDGE_UTC, 0) + timedelta(seconds=10))
    await h.tick()
    assert sent_to(h, eve, PROMPT, calls) == 1 and sent_to(h, eve, NUDGE, calls) == 0
    async with h.services.sessions() as session:
        prompted = await queries.prompt_sent_at(session, eve.id, START.date())
    assert prompted is not None
    await jobs(h, at(1, NUDGE_UTC + 1, 0) + timedelta(seconds=2))
    assert sent_to(h, eve, NUDGE, calls) == 0
    await jobs(h, prompted + timedelta(hours=1, seconds=1))
    assert sent_to(h, eve, NUDGE, calls) == 1


async def test_a_nudge_waits_for_a_prompt_overdue_less_than_an_hour_not_for_one_an_hour_late(
    harness: Harness,
) -> None:
    """Prompts due but not sent (the prompt job is behind): Fay's, due a microsecond less than
    an hour before the 17:00 nudges, is still coming, so her nudge waits; Eve's, due exactly an
    hour before, is not waited for."""
    from tests.e2e.test_groups import NUDGE_UTC, START, at, create, jobs_exactly, new_group, tap

    h = harness
    h.clock.set(START)
    ana, eve, fay = h.emu.user("Ana"), h.emu.user("Eve"), h.emu.user("Fay")
    for person in (ana, eve, fay):
        await onboard(h, person)
    family = await new_group(h, "Family", ana, eve, fay)
    message = await create(h, ana, family)
    for person in (eve, fay):
        await tap(h, person, message, "Join")
    nudges = at(1, NUDGE_UTC, 0)
    async with h.services.transaction() as session:
        for person, due in ((eve, nudges - SPACING), (fay, nudges - SPACING + MICRO)):
            user = await session.get(User, person.id)
            assert user is not None
            user.next_prompt_at = due  # as the prompt job leaves it until it comes round
    calls = len(h.emu.calls)
    await jobs_exactly(h, nudges)
    assert [sent_to(h, p, NUDGE, calls) for p in (ana, eve, fay)] == [1, 1, 0]
