"""/share and the web port: a private, expiring, revocable page; the Mini App behind initData."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from sqlalchemy import event, func, select

from bot.clock import ManualClock
from bot.config import load_settings
from bot.db.models import ShareLink
from bot.devtools.emulator import Emulator, buttons
from bot.telegram.runtime import Runtime
from bot.usecases.share import TOKEN_BYTES, hash_token
from bot.views.content import Content
from bot.web import initdata
from bot.web.server import Limits, Site
from tests.e2e.test_plans import START, popup_for, setup
from tests.harness import Harness, texts
from tests.web import init_data, link_in, seeded_person, theme, web_harness

NOT_FOUND = "Not found."


@pytest.fixture
async def site(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> AsyncIterator[tuple[Harness, str]]:
    async with web_harness(emulator, clock, database_url, content) as running:
        yield running


async def get(url: str) -> tuple[int, str, dict[str, str]]:
    async with aiohttp.ClientSession() as client, client.get(url) as response:
        return response.status, await response.text(), dict(response.headers)


async def post(url: str, data: dict[str, str]) -> tuple[int, str, dict[str, str]]:
    async with aiohttp.ClientSession() as client, client.post(url, data=data) as response:
        return response.status, await response.text(), dict(response.headers)


def strict(headers: dict[str, str], *, script: bool = False) -> None:
    """noindex, a CSP with no scripts (or only our own), no third-party source anywhere."""
    policy = headers["Content-Security-Policy"]
    assert headers["X-Robots-Tag"].startswith("noindex")
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert ("script-src 'self'" in policy) is script
    assert "http" not in policy.replace("https://web.telegram.org", "")
    assert headers["Cache-Control"] == "no-store" and headers["Referrer-Policy"] == "no-referrer"


async def test_without_public_url_share_says_why_and_offers_no_button(harness: Harness) -> None:
    robin = await setup(harness, "Robin")
    [reply] = await harness.say(robin, "/share")
    assert "PUBLIC_URL" in texts([reply]) and "reply_markup" not in reply
    # A share button from before the address was taken away says the same, and makes no link.
    earlier = harness.last_with_buttons(robin)
    assert earlier is not None
    said = texts(await harness.tap_data(robin, earlier, "sh:days:30"))
    assert "PUBLIC_URL" in said and "/s/" not in said
    async with harness.services.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ShareLink)) == 0


async def test_a_link_works_until_the_instant_it_names_and_not_at_it(
    site: tuple[Harness, str],
) -> None:
    """The link says until when it works, in the person's own time (Berlin, two hours ahead of
    UTC in June); it opens a microsecond before that instant and not at it. At that instant it
    is no longer working: /share stop finds nothing to stop, and /share makes a fresh link."""
    harness, _ = site
    robin = await setup(harness, "Robin")
    made = START + timedelta(hours=1, minutes=5)  # Mon 1 Jun, 08:05 in Berlin
    ends = made + timedelta(days=14)
    tick = timedelta(microseconds=1)
    try:
        harness.clock.freeze(made)
        said = texts(await harness.say(robin, "/share"))
        assert "It works until Mon 15 Jun, 08:05." in said
        link = link_in(said)
        harness.clock.freeze(ends - tick)
        assert (await get(link))[0] == 200
        said = texts(await harness.say(robin, "/share"))
        assert "works until Mon 15 Jun, 08:05 and has been opened 1 time." in said
        harness.clock.freeze(ends)
        assert (await get(link))[0] == 404
        assert "no sharing link to stop" in texts(await harness.say(robin, "/share stop"))
        said = texts(await harness.say(robin, "/share"))
        assert link_in(said) != link and "It works until Mon 29 Jun, 08:05." in said
    finally:
        harness.clock.unfreeze()


async def test_after_the_clock_is_set_back_share_tells_of_the_newest_link(
    site: tuple[Harness, str],
) -> None:
    """A 1-day link left to expire is not stopped by the next link (it already ended). If the
    clock is then set back to within the first link's day (a wall clock corrected backwards),
    /share still answers with the state of the newest link, not an error."""
    harness, _ = site
    robin = await setup(harness, "Robin")
    try:
        harness.clock.freeze(START + timedelta(hours=1))
        await harness.say(robin, "/share")
        said = texts(await harness.tap(robin, "1 day"))
        assert "It works until Tue 2 Jun, 08:00." in said
        harness.clock.freeze(START + timedelta(days=2))
        said = texts(await harness.tap(robin, "30 days"))
        assert "It works until Fri 3 Jul, 07:00." in said
        harness.clock.freeze(START + timedelta(hours=2))
        said = texts(await harness.say(robin, "/share"))
        assert "Your sharing link works until Fri 3 Jul, 07:00" in said
    finally:
        harness.clock.unfreeze()


async def test_a_token_longer_than_any_link_is_refused_before_the_database_is_read(
    site: tuple[Harness, str],
) -> None:
    """Tokens are 43 characters; one longer than 2 * TOKEN_BYTES cannot be ours and gets the
    plain 404 without a lookup (junk costs nothing, and is answered even when the database is
    not). Up to that length an unknown token is looked up, and gets the same 404."""
    harness, root = site
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    engine = harness.services.engine.sync_engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        for length, looked_up in ((2 * TOKEN_BYTES, True), (2 * TOKEN_BYTES + 1, False)):
            statements.clear()
            status, page, _ = await get(f"{root}/s/{'A' * length}")
            assert status == 404 and NOT_FOUND in page
            assert any("share_links" in s for s in statements) is looked_up, length
    finally:
        event.remove(engine, "before_cursor_execute", seen)


async def test_share_open_count_choose_revoke_and_expire(site: tuple[Harness, str]) -> None:
    harness, root = site
    robin, _ = await seeded_person(harness, "Robin")
    said = texts(await harness.say(robin, "/share"))
    link = link_in(said)
    token = link.rsplit("/", 1)[1]
    assert link.startswith(f"{root}/s/") and len(token) >= 43  # 256 bits, base64
    assert "last 4 weeks" in said and "Notes are not shown" in said
    menu = [label for label, _ in buttons(harness.last_with_buttons(robin) or {})]
    assert menu[:3] == ["1 day", "✅ 14 days", "30 days"]
    assert not any("My progress" in label for label in menu)  # http: Telegram wants https
    async with harness.services.sessions() as session:
        stored = (await session.execute(select(ShareLink))).scalar_one()
    assert stored.token_hash == hash_token(token) and token not in stored.token_hash
    status, page, headers = await get(link)
    assert status == 200 and "Robin: the last 4 weeks" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "<script" not in page and not re.search(r"(src|href)=\"https?://", page)
    strict(headers)
    assert "slept badly" not in page.lower()  # notes are off
    await get(link)
    said = texts(await harness.say(robin, "/share"))
    assert "opened 2 times" in said
    said = texts(await harness.tap(robin, "New link"))
    renewed = link_in(said)
    assert (await get(link))[0] == 404 and (await get(renewed))[0] == 200
    said = texts(await harness.tap(robin, "Stop sharing"))
    assert "no longer works" in said and (await get(renewed))[0] == 404
    # "Show my notes" makes a fresh link: the old one is gone, the new one shows notes.
    await harness.say(robin, "/share stop")
    said = texts(await harness.say(robin, "/share"))
    second = link_in(said)
    said = texts(await harness.tap(robin, "Show my notes"))
    third = link_in(said)
    assert "Notes are shown" in said and third != second
    assert (await get(second))[0] == 404
    status, page, _ = await get(third)
    assert status == 200 and "Slept badly &lt;again&gt; &amp; stiff" in page
    # 12 weeks and 1 day: works now, not a day later.
    said = texts(await harness.tap(robin, "12 weeks"))
    fourth = link_in(said)
    said = texts(await harness.tap(robin, "1 day"))
    fifth = link_in(said)
    assert "last 12 weeks" in said
    status, page, _ = await get(fifth)
    assert status == 200 and "the last 12 weeks" in page
    assert (await get(fourth))[0] == 404
    harness.clock.advance(timedelta(days=1) - timedelta(seconds=1))
    assert (await get(fifth))[0] == 200
    harness.clock.advance(timedelta(seconds=1))
    expired = await get(fifth)
    unknown = await get(f"{root}/s/{'A' * 43}")
    said = texts(await harness.say(robin, "/share stop"))
    assert "no sharing link to stop" in said  # an expired link is not working
    # A link stopped with /share stop: the same plain 404 as a token that never existed.
    link = link_in(texts(await harness.say(robin, "/share")))
    assert (await get(link))[0] == 200
    said = texts(await harness.say(robin, "/share stop"))
    assert "no longer works" in said
    stopped = await get(link)
    assert expired[:2] == unknown[:2] == stopped[:2] == (404, expired[1])
    assert NOT_FOUND in expired[1] and "Robin" not in expired[1]
    strict(stopped[2])


async def test_a_share_link_goes_with_delete(site: tuple[Harness, str], content: Content) -> None:
    """Deleting everything takes the link with it. The buttons under it, tapped afterwards (or
    after /start again, before setting up), point to /start and make no link."""
    harness, _ = site
    una, _ = await seeded_person(harness, "Una", days=10)
    link = link_in(texts(await harness.say(una, "/share")))
    menu = harness.last_with_buttons(una)
    assert menu is not None
    await harness.say(una, "/delete")
    await harness.tap(una, "Yes, delete everything")
    await harness.tap(una, "Delete now")
    async with harness.services.sessions() as session:
        left = await session.scalar(select(func.count()).select_from(ShareLink))
    assert left == 0 and (await get(link))[0] == 404
    hint = content.render("onboarding.start_first")
    assert await popup_for(harness, una, menu, "sh:days:30") == hint
    await harness.say(una, "/start")
    assert await popup_for(harness, una, menu, "sh:new") == hint
    async with harness.services.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ShareLink)) == 0


async def test_share_before_setting_up_points_to_start_and_makes_no_link(
    site: tuple[Harness, str], content: Content
) -> None:
    """/share from someone the bot has never met, or from someone still setting up, gets the
    message pointing to /start, and no link is made."""
    harness, _ = site
    hint = content.render("onboarding.start_first")
    sam, pat = harness.emu.user("Sam"), harness.emu.user("Pat")
    assert texts(await harness.say(sam, "/share")) == hint
    await harness.say(pat, "/start")
    assert texts(await harness.say(pat, "/share")) == hint
    async with harness.services.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ShareLink)) == 0


async def test_a_button_keeps_the_other_choices_and_after_a_stop_starts_from_the_defaults(
    site: tuple[Harness, str],
) -> None:
    """A button under a link changes one choice and keeps the others: "12 weeks" under a 30-day
    link that shows notes makes a 30-day link that shows notes. Once the link is stopped, a
    button under it starts again from the defaults (4 weeks, notes not shown) with its choice."""
    harness, _ = site
    robin = await setup(harness, "Robin")
    try:
        harness.clock.freeze(START + timedelta(hours=1))  # Mon 1 Jun, 08:00 in Berlin
        await harness.say(robin, "/share")
        await harness.tap(robin, "30 days")
        await harness.tap(robin, "Show my notes")
        said = texts(await harness.tap(robin, "12 weeks"))
        assert "last 12 weeks" in said and "Notes are shown" in said
        assert "It works until Wed 1 Jul, 08:00." in said
        chosen = [label for label, _ in buttons(harness.last_with_buttons(robin) or {})]
        assert chosen[:5] == ["1 day", "14 days", "✅ 30 days", "4 weeks", "✅ 12 weeks"]
        await harness.say(robin, "/share stop")
        said = texts(await harness.tap(robin, "1 day"))
        assert "last 4 weeks" in said and "Notes are not shown" in said
        assert "It works until Tue 2 Jun, 08:00." in said
    finally:
        harness.clock.unfreeze()


async def test_the_mini_app_opens_for_telegram_initdata_only(site: tuple[Harness, str]) -> None:
    harness, root = site
    robin, _ = await seeded_person(harness, "Robin")
    now = harness.clock.now()
    status, shell, headers = await get(f"{root}/app")
    assert status == 200 and '<script src="/app.js"' in shell
    strict(headers, script=True)
    assert "frame-ancestors https://web.telegram.org" in headers["Content-Security-Policy"]
    script = await get(f"{root}/app.js")
    assert script[0] == 200 and "tgWebAppData" in script[1]
    good = init_data(robin.id, now - timedelta(hours=23, minutes=59))
    status, page, headers = await post(
        f"{root}/app", {"init_data": good, "theme": json.dumps(theme())}
    )
    assert status == 200 and "Your last 4 weeks" in page
    assert "--tg-theme-bg-color:#17212b;" in page  # Telegram's theme colours
    assert "Slept badly" in page  # the person's own notes
    strict(headers)
    status, page, _ = await post(f"{root}/app", {"init_data": good, "weeks": "12"})
    assert status == 200 and "Your last 12 weeks" in page
    forged = good.replace("Robin", "Robyn")
    someone_else = init_data(robin.id + 1, now)
    other_bot = init_data(robin.id, now, token="654321:other")
    stale = init_data(robin.id, now - timedelta(days=1, seconds=1))
    for refused in (forged, other_bot, stale, "", "hash=00", someone_else):
        status, page, headers = await post(f"{root}/app", {"init_data": refused})
        assert status == 401 and "Robin" not in page and "<svg" not in page, refused
    status, page, _ = await post(f"{root}/app", {})
    assert status == 401


def test_initdata_is_checked_as_telegram_documents() -> None:
    """The documented scheme by hand: secret = HMAC(key "WebAppData", token), then the hash."""
    import hashlib
    import hmac
    from datetime import UTC, datetime
    from urllib.parse import urlencode

    now = datetime(2026, 12, 5, 12, tzinfo=UTC)
    fields = {"auth_date": str(int(now.timestamp())), "user": '{"id":7,"first_name":"Ana"}',
              "query_id": "q"}  # fmt: skip
    secret = hmac.new(b"WebAppData", b"1:abc", hashlib.sha256).digest()
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields))
    signed = urlencode({**fields, "hash": hmac.new(secret, check.encode(), "sha256").hexdigest()})
    assert initdata.validate(signed, "1:abc", now) == initdata.WebAppUser(7, "Ana")
    assert initdata.validate(signed, "1:abd", now) is None
    assert initdata.validate(signed, "1:abc", now + timedelta(days=1)) is not None
    assert initdata.validate(signed, "1:abc", now + timedelta(days=1, seconds=1)) is None
    assert initdata.validate(signed, "1:abc", now - timedelta(minutes=5)) is not None
    assert initdata.validate(signed, "1:abc", now - timedelta(minutes=5, seconds=1)) is None
    assert initdata.validate(signed + "&user=x", "1:abc", now) is None  # a repeated field
    assert initdata.validate("x" * 5000, "1:abc", now) is None
    assert len(initdata.sign(fields, "1:abc")) > 0 and TOKEN_BYTES * 8 >= 128


async def test_requests_are_limited_per_address(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> None:
    async with web_harness(emulator, clock, database_url, content, limits=Limits(per_minute=3)) as (
        _,
        root,
    ):
        statuses = [(await get(f"{root}/s/nothing"))[0] for _ in range(4)]
    assert statuses == [404, 404, 404, 429]


async def test_in_webhook_mode_the_webhooks_server_serves_the_pages_never_the_health_port(
    emulator: Emulator,
    clock: ManualClock,
    database_url: str,
    content: Content,
    unused_tcp_port_factory: Any,
) -> None:
    from bot.app import build_application

    port, health = unused_tcp_port_factory(), unused_tcp_port_factory()
    secret = "a-webhook-secret-of-some-length"
    settings = load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN="123456:TEST-token",
        TELEGRAM_API_URL=emulator.url, DATABASE_URL=database_url,
        WEBHOOK_URL=f"http://127.0.0.1:{port}/hook", WEBHOOK_SECRET=secret,
        PUBLIC_URL=f"http://127.0.0.1:{port}",
    )  # fmt: skip
    runtime = Runtime(build_application(settings, clock=clock, content=content, tick_seconds=None))
    site = Site(runtime.services)
    await runtime.start_webhook(
        "127.0.0.1", port, "hook", "http://x/hook", secret, pages=site.add_routes
    )
    await runtime.start_health("127.0.0.1", health)
    try:
        assert (await get(f"http://127.0.0.1:{port}/app"))[0] == 200
        status, page, headers = await get(f"http://127.0.0.1:{port}/s/{'x' * 43}")
        assert status == 404 and NOT_FOUND in page
        strict(headers)
        assert (await post(f"http://127.0.0.1:{port}/hook", {}))[0] == 403  # still the webhook
        for path in ("/app", f"/s/{'x' * 43}"):
            assert (await get(f"http://127.0.0.1:{health}{path}"))[0] == 404
            assert "Not found." not in (await get(f"http://127.0.0.1:{health}{path}"))[1]
    finally:
        await runtime.stop()


async def test_behind_a_local_proxy_each_forwarded_address_has_its_own_limit(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> None:
    async with web_harness(
        emulator, clock, database_url, content, limits=Limits(per_minute=2)
    ) as (_, root), aiohttp.ClientSession() as client:
        statuses = []
        for address in ("203.0.113.1", "203.0.113.1", "203.0.113.1", "198.51.100.7"):
            headers = {"X-Forwarded-For": f"10.0.0.1, {address}"}
            async with client.get(f"{root}/s/none", headers=headers) as response:
                statuses.append(response.status)
    assert statuses == [404, 404, 429, 404]


async def test_with_an_https_address_my_progress_opens_the_mini_app(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> None:
    async with web_harness(
        emulator, clock, database_url, content, public_url="https://pages.example"
    ) as (harness, _):
        robin = await setup(harness, "Robin")
        await harness.say(robin, "/share")
        message = harness.last_with_buttons(robin)
        assert message is not None
        [progress] = [
            b for row in message["reply_markup"]["inline_keyboard"] for b in row
            if b["text"] == "My progress"
        ]  # fmt: skip
        assert progress["web_app"] == {"url": "https://pages.example/app"}
        said = texts([m for m in harness.emu.messages(robin) if "/s/" in str(m.get("text"))])
        assert "https://pages.example/s/" in said
        menu = emulator.api.menu_buttons.get(None)
        assert menu is not None and menu["type"] == "web_app"
        assert menu["web_app"] == {"url": "https://pages.example/app"}


async def test_a_mini_app_form_that_never_finishes_gets_408_and_frees_its_slot(
    site: tuple[Harness, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client that sends half a form and stalls is answered 408 at the body deadline (one
    below it, the connection is still waiting), while pages go on being served meanwhile."""
    from bot.web import server

    monkeypatch.setattr(server, "BODY_TIMEOUT", 0.5)
    _, root = site
    host, port = root.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    half = b"init_data=abc"
    writer.write(
        b"POST /app HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + f"Content-Length: {len(half) + 200}\r\n\r\n".encode()
        + half
    )
    await writer.drain()
    started = time.monotonic()
    assert (await get(f"{root}/app"))[0] == 200  # served while the stalled form waits
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(reader.read(1), 0.2)  # well before the deadline: no answer yet
    answer = await asyncio.wait_for(reader.read(4096), 5)
    took = time.monotonic() - started
    writer.close()
    assert answer.startswith(b"HTTP/1.1 408"), answer[:80]
    assert 0.4 <= took < 3.0, took
    assert b"Robin" not in answer and b"<svg" not in answer
