"""The webhook server against slow and odd clients (loopback only, a bounded number of them):
slow headers and slow bodies are cut off within seconds, idle connections are not kept long, the
number of connections is capped, and Telegram's requests are answered all the while."""

from __future__ import annotations

import asyncio
import hmac
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.clock import ManualClock
from bot.devtools.emulator import Emulator
from bot.telegram import webserver
from bot.telegram.runtime import SECRET_HEADER, Runtime
from bot.views.content import Content
from tests.e2e.test_reliability import SECRET, settings_for

SLOW_HEADERS = 12  # connections sending their headers a byte at a time
SLOW_BODIES = 4  # connections with the secret and a body that never finishes
CUT_OFF = webserver.HEADER_TIMEOUT + 2.0  # when every slow connection must be gone


class Hook:
    """A webhook runtime on a loopback port."""

    def __init__(self, runtime: Runtime, port: int) -> None:
        self.runtime = runtime
        self.port = port
        self.url = f"http://127.0.0.1:{port}/hook"
        self.next_id = 1000

    def update(self) -> dict[str, Any]:
        """A harmless update (a new member of no chat the bot knows, handled quietly)."""
        self.next_id += 1
        return {"update_id": self.next_id}


@pytest.fixture
async def hook(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content,
    unused_tcp_port: int,
) -> AsyncIterator[Hook]:  # fmt: skip
    from bot.app import build_application

    settings = settings_for(emulator, database_url, WEBHOOK_URL="http://x/hook",
                            WEBHOOK_SECRET=SECRET)  # fmt: skip
    app = build_application(settings, clock=clock, content=content, tick_seconds=None)  # type: ignore[arg-type]
    runtime = Runtime(app)
    await runtime.start_webhook("127.0.0.1", unused_tcp_port, "hook", "http://x/hook", SECRET)
    try:
        yield Hook(runtime, unused_tcp_port)
    finally:
        await runtime.stop()


async def closed_after(reader: asyncio.StreamReader, limit: float) -> tuple[float, bytes]:
    """Seconds until the server closed the connection (and what it sent first)."""
    start = time.monotonic()
    received = b""
    try:
        while chunk := await asyncio.wait_for(reader.read(1024), limit):
            received += chunk
    except (ConnectionError, TimeoutError):
        pass
    return time.monotonic() - start, received


async def slow_headers(port: int, stop: asyncio.Event) -> float:
    """A request line, then a header byte every half second until the server hangs up."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\n")

    async def drip() -> None:
        for byte in b"X-Slow: " + b"a" * 200:
            if stop.is_set() or writer.is_closing():
                return
            try:
                writer.write(bytes([byte]))
                await writer.drain()
            except ConnectionError:
                return
            await asyncio.sleep(0.5)

    dripping = asyncio.create_task(drip())
    took, _ = await closed_after(reader, CUT_OFF + 5)
    dripping.cancel()
    writer.close()
    return took


async def slow_body(port: int) -> tuple[float, bytes]:
    """The secret and full headers, then a body that stops half way."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    body = json.dumps({"update_id": 5}).encode()
    writer.write(
        b"POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + f"{SECRET_HEADER}: {SECRET}\r\nContent-Length: {len(body) + 100}\r\n\r\n".encode()
        + body
    )
    await writer.drain()
    result = await closed_after(reader, CUT_OFF + 5)
    writer.close()
    return result


async def test_slow_clients_are_cut_off_while_telegram_is_answered(hook: Hook) -> None:
    stop = asyncio.Event()
    started = time.monotonic()
    slow = [asyncio.create_task(slow_headers(hook.port, stop)) for _ in range(SLOW_HEADERS)]
    bodies = [asyncio.create_task(slow_body(hook.port)) for _ in range(SLOW_BODIES)]
    answered: list[float] = []
    async with aiohttp.ClientSession() as http:
        while time.monotonic() - started < CUT_OFF:
            sent = time.monotonic()
            async with http.post(hook.url, json=hook.update(),
                                 headers={SECRET_HEADER: SECRET}) as response:  # fmt: skip
                assert response.status == 200
            answered.append(time.monotonic() - sent)
            await asyncio.sleep(0.25)
    header_times = await asyncio.gather(*slow)
    body_results = await asyncio.gather(*bodies)
    stop.set()
    # Every slow connection was closed by the server within the header or body deadline...
    assert max(header_times) < CUT_OFF, header_times
    assert min(header_times) >= webserver.HEADER_TIMEOUT - 0.5, header_times
    for took, said in body_results:
        assert took < webserver.BODY_TIMEOUT + 2.0 and said.startswith(b"HTTP/1.1 408"), said
    # ...while every normal request was answered, promptly, throughout.
    assert len(answered) >= 10 and max(answered) < 1.0, answered
    assert not hook.runtime.services.engine.pool.checkedout()  # nothing held open meanwhile


async def test_connections_are_capped_and_the_cap_frees_up(hook: Hook) -> None:
    """More connections than the cap: the extra one is closed at once; the silent ones go at
    the header deadline, and requests are answered again."""
    opened = []
    for _ in range(webserver.MAX_CONNECTIONS):
        opened.append(await asyncio.open_connection("127.0.0.1", hook.port))
    await asyncio.sleep(0.1)
    reader, writer = await asyncio.open_connection("127.0.0.1", hook.port)
    took, _ = await closed_after(reader, 3.0)
    assert took < 1.0, "a connection over the cap is closed at once"
    writer.close()
    times = await asyncio.gather(*(closed_after(r, CUT_OFF + 5) for r, _ in opened))
    assert max(t for t, _ in times) < CUT_OFF
    for _, w in opened:
        w.close()
    async with aiohttp.ClientSession() as http, http.post(hook.url, json=hook.update(),
                         headers={SECRET_HEADER: SECRET}) as response:  # fmt: skip
        assert response.status == 200


@pytest.fixture
def short_keepalive(monkeypatch: pytest.MonkeyPatch) -> float:
    """Keep-alive shortened for the test (the real one is checked to be a minute or less)."""
    assert webserver.KEEPALIVE <= 60
    monkeypatch.setattr(webserver, "KEEPALIVE", 2.0)
    return 2.0


async def test_an_idle_kept_alive_connection_is_closed(short_keepalive: float, hook: Hook) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", hook.port)
    body = json.dumps(hook.update()).encode()
    writer.write(
        b"POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + f"{SECRET_HEADER}: {SECRET}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    await writer.drain()
    first = await reader.readuntil(b"ok")
    assert first.startswith(b"HTTP/1.1 200")
    took, _ = await closed_after(reader, short_keepalive + 10)
    writer.close()
    assert short_keepalive - 0.5 <= took < short_keepalive + 2, took


@pytest.mark.parametrize(
    ("content_type", "status"),
    [
        ("application/json; charset=foo", 400),
        ("application/json; charset=latin-1", 400),
        ("application/json; charset=utf-8", 200),
        ("application/json", 200),
    ],
)
async def test_an_unknown_charset_is_a_400_never_a_500(
    hook: Hook, content_type: str, status: int
) -> None:
    async with aiohttp.ClientSession() as http, http.post(
        hook.url, data=json.dumps(hook.update()),
        headers={SECRET_HEADER: SECRET, "Content-Type": content_type},
    ) as response:  # fmt: skip
        assert response.status == status


async def test_the_secret_is_compared_in_constant_time(
    hook: Hook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The header is checked with hmac.compare_digest (whose time does not depend on how much
    of a guess matched), not with == or !=."""
    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        seen.append((bytes(a), bytes(b)))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    async with aiohttp.ClientSession() as http:
        for given, status in (("a-webhook-secret-of-some-lengtX", 403), (SECRET, 200)):
            async with http.post(hook.url, json=hook.update(),
                                 headers={SECRET_HEADER: given}) as response:  # fmt: skip
                assert response.status == status
    assert (b"a-webhook-secret-of-some-lengtX", SECRET.encode()) in seen
    assert (SECRET.encode(), SECRET.encode()) in seen
