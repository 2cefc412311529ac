"""The bot's HTTP servers (the webhook, /healthz), held against slow and greedy clients.

aiohttp reads a request's line and headers for as long as the client takes (its keep-alive
timer, an hour by default, is the only limit) and a body until the client stops sending, so a
handful of connections sending a byte now and then would hold the server. Here every
connection is wrapped: its request line and headers must arrive within HEADER_TIMEOUT of the
first byte (or of the connection opening), an idle kept-alive connection is closed after
KEEPALIVE, and at most MAX_CONNECTIONS are open at once (more are closed at once). Bodies are
read with their own deadline by the handlers that read them (`read_body`); one that is not read
(a refused request) is drained for at most LINGER seconds and the connection closed.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.telegram import metrics

HEADER_TIMEOUT = 5.0  # seconds for a request line and headers
BODY_TIMEOUT = 5.0  # seconds for a body (Telegram's updates are a few kilobytes)
KEEPALIVE = 30.0  # seconds an idle connection is kept for the next request
LINGER = 1.0  # seconds an unread body is drained after the answer, before closing
# Telegram opens at most 40 connections to a webhook by default (100 at most, setWebhook's
# max_connections); a little room over that for /healthz probes and a proxy's spares.
MAX_CONNECTIONS = 128


class BodyTooSlow(Exception):
    """The body did not arrive within BODY_TIMEOUT."""


@dataclass
class Gate:
    """The open connections of one server, and its limits."""

    limit: int = MAX_CONNECTIONS
    header_timeout: float = HEADER_TIMEOUT
    open: dict[asyncio.BaseTransport, _Guard] = field(default_factory=dict)


class _Guard(asyncio.Protocol):
    """One connection: aiohttp's protocol inside, a deadline on each request's headers."""

    def __init__(self, gate: Gate, inner: Any) -> None:
        self.gate = gate
        self.inner = inner
        self.transport: asyncio.Transport | None = None
        self.refused = False
        self.handling = False
        self.bytes_while_handling = False
        self.timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Count it, or close it at once when the server is full."""
        assert isinstance(transport, asyncio.Transport)
        if len(self.gate.open) >= self.gate.limit:
            self.refused = True
            metrics.ERRORS.labels("http_busy").inc()
            transport.abort()
            return
        self.transport = transport
        self.gate.open[transport] = self
        self._arm()  # a connection that sends nothing is as slow as one that sends little
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        """Bytes of a request: the first ones after an idle spell start its header deadline."""
        if self.refused:
            return
        if self.handling:
            self.bytes_while_handling = True
        elif self.timer is None:
            self._arm()
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        """Half-closed by the client."""
        return None if self.refused else self.inner.eof_received()

    def pause_writing(self) -> None:
        """The client reads slowly: aiohttp waits."""
        if not self.refused:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        """The client caught up."""
        if not self.refused:
            self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        """Gone: uncount it."""
        if self.refused:
            return
        self._disarm()
        if self.transport is not None:
            self.gate.open.pop(self.transport, None)
        self.inner.connection_lost(exc)

    def started(self) -> None:
        """aiohttp has the whole request line and headers: the header deadline is met."""
        self._disarm()
        self.handling, self.bytes_while_handling = True, False

    def finished(self) -> None:
        """The answer is out; bytes of a next request that came meanwhile start its deadline."""
        self.handling = False
        if self.bytes_while_handling:
            self._arm()

    def _arm(self) -> None:
        self._disarm()
        loop = asyncio.get_running_loop()
        self.timer = loop.call_later(self.gate.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def _too_slow(self) -> None:
        self.timer = None
        metrics.ERRORS.labels("http_slow").inc()
        if self.transport is not None:
            self.transport.abort()


def _watch(gate: Gate) -> Callable[..., Awaitable[web.StreamResponse]]:
    """A middleware telling each connection's guard when its request starts and ends."""

    @web.middleware
    async def watched(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        guard = gate.open.get(request.transport) if request.transport is not None else None
        if guard is not None:
            guard.started()
        try:
            return await handler(request)
        finally:
            if guard is not None:
                guard.finished()

    return watched


async def read_body(request: web.Request, timeout: float = BODY_TIMEOUT) -> bytes:
    """The request's body, or BodyTooSlow when it takes longer than `timeout`."""
    try:
        return await asyncio.wait_for(request.read(), timeout)
    except TimeoutError:
        raise BodyTooSlow from None


@dataclass
class Serving:
    """A running server: stop() closes it and its connections."""

    server: asyncio.AbstractServer
    runner: web.AppRunner

    async def stop(self) -> None:
        """Stop accepting, close every connection, wait until done."""
        self.server.close()
        await self.runner.cleanup()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.server.wait_closed(), 5)


async def serve(app: web.Application, host: str, port: int, gate: Gate | None = None) -> Serving:
    """Serve `app` on host:port with every connection guarded (OSError if the port is taken).

    The app (not yet started) gets the middleware that tells each connection's guard when a
    request's headers are in, first of all its middlewares.
    """
    gate = gate or Gate()
    app.middlewares.insert(0, _watch(gate))
    runner = web.AppRunner(app, access_log=None, keepalive_timeout=KEEPALIVE, lingering_time=LINGER)
    await runner.setup()
    handlers = runner.server
    assert handlers is not None  # set up above
    loop = asyncio.get_running_loop()
    try:
        server = await loop.create_server(
            lambda: _Guard(gate, handlers()), host, port, reuse_address=True
        )
    except OSError:
        await runner.cleanup()
        raise
    return Serving(server, runner)
