"""Running the bot: fetch updates (polling or webhook), store them, handle them, stop cleanly.

PTB's own polling confirms the offset as soon as updates are queued, and its webhook answers
200 before the update is handled: a crash in between loses them. Here every update is written
to the inbox table first; only then is Telegram told (the next getUpdates offset, or the 200),
and a separate loop handles stored updates in order. A restart, or another replica, picks up
whatever was stored but not yet handled.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from telegram import Update
from telegram.error import Forbidden, InvalidToken, NetworkError, TimedOut

from bot import metrics
from bot.db import inbox
from bot.services import Services, of

log = logging.getLogger(__name__)

POLL_TIMEOUT = 10  # seconds a getUpdates long poll waits for news
BATCH = 20  # updates claimed from the inbox at a time
IDLE_WAKE = 1.0  # seconds between inbox checks when nothing wakes the handler (other replicas)
STOP_GRACE = 7.0  # seconds in-flight updates get to finish on SIGTERM (all done within 10 s)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
PRUNE_EVERY = 3600.0
# Telegram's updates are small; a body this size or nesting this deep is not one of them.
MAX_BODY_BYTES = 1 << 20
MAX_DEPTH = 32
# update_id is a positive integer below 2**31 in practice; the column holds 64 bits.
MAX_UPDATE_ID = 2**53


class Runtime:
    """The fetch-store-handle loops around one PTB Application built without an Updater."""

    def __init__(self, application: Any, *, allowed_updates: list[str] | None = None) -> None:
        self.app = application
        self.services: Services = of(application)
        self.allowed_updates = allowed_updates
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._site_runners: list[web.AppRunner] = []
        self._storing = False

    async def start(self, *, polling: bool = True) -> None:
        """Start PTB (handlers and jobs), the handler loop, and polling if asked."""
        await self.app.initialize()
        await self.app.start()
        self._tasks.append(asyncio.create_task(self._handle_loop(), name="inbox-handler"))
        if polling:
            await self.app.bot.delete_webhook(drop_pending_updates=False)
            self._tasks.append(asyncio.create_task(self._poll_loop(), name="poller"))

    async def start_webhook(self, listen: str, port: int, path: str, url: str, secret: str) -> None:
        """Serve the webhook (nothing else on that port) and tell Telegram where to post."""
        await self.start(polling=False)
        server = web.Application(client_max_size=MAX_BODY_BYTES)
        server.router.add_post(f"/{path.strip('/')}", self._webhook(secret))
        await self._serve(server, listen, port)
        await self.app.bot.set_webhook(
            url=url, secret_token=secret, allowed_updates=self.allowed_updates
        )

    async def start_health(self, listen: str, port: int) -> None:
        """Serve /healthz and /metrics for the operator, apart from the public webhook."""
        server = web.Application()
        server.router.add_get("/healthz", self._healthz)
        server.router.add_get("/metrics", self._metrics)
        await self._serve(server, listen, port)

    async def _serve(self, server: web.Application, listen: str, port: int) -> None:
        """Start an HTTP server; it is cleaned up by stop()."""
        runner = web.AppRunner(server, access_log=None)
        await runner.setup()
        self._site_runners.append(runner)
        await web.TCPSite(runner, listen, port).start()

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """Stop fetching, let the update in hand finish, then shut PTB down."""
        self._stopping.set()
        self._wake.set()
        for runner in self._site_runners:
            await runner.cleanup()
        self._site_runners.clear()
        for task in self._tasks:
            # A poll waiting on Telegram is cut short (nothing was confirmed, Telegram sends it
            # again); one in the middle of storing what it fetched is let finish.
            if task.get_name() == "poller" and not self._storing:
                task.cancel()
        _done, pending = await asyncio.wait(self._tasks, timeout=grace) if self._tasks else ((), ())
        for task in pending:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()

    async def stop_polling(self) -> None:
        """Stop fetching updates (another process takes over), keep handling stored ones."""
        for task in [t for t in self._tasks if t.get_name() == "poller"]:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            self._tasks.remove(task)

    def wake(self) -> None:
        """New updates were stored: handle them now rather than at the next check."""
        self._wake.set()

    async def store(self, payloads: list[dict[str, Any]]) -> int:
        """Write updates to the inbox (duplicates ignored) and wake the handler."""
        async with self.services.transaction() as session:
            stored = await inbox.store(session, payloads, self.services.clock.now())
        self.wake()
        return stored

    async def handle_pending(self) -> int:
        """Handle every stored update not yet handled; returns how many."""
        total = 0
        while True:
            async with self.services.transaction() as session:
                rows = await inbox.claim(session, self.services.clock.now(), BATCH)
                claimed = [(row.update_id, row.payload) for row in rows]
            if not claimed:
                return total
            for update_id, payload in claimed:
                if payload is not None:
                    await self._handle(payload)
                async with self.services.transaction() as session:
                    await inbox.mark_handled(session, update_id, self.services.clock.now())
                total += 1
        return total

    async def _handle(self, payload: dict[str, Any]) -> None:
        """Hand one update to PTB; a broken update is logged, never retried forever."""
        try:
            update = Update.de_json(payload, self.app.bot)
            await self.app.process_update(update)
            metrics.UPDATES_HANDLED.inc()
        except Exception:  # PTB routes handler errors to the error handler; this is the rest
            metrics.ERRORS.labels("handler").inc()
            log.exception("could not handle update %s", payload.get("update_id"))

    async def _handle_loop(self) -> None:
        """Handle updates as they are stored, and every IDLE_WAKE seconds for other replicas'."""
        last_prune = 0.0
        loop = asyncio.get_running_loop()
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                await self.handle_pending()
                if loop.time() - last_prune > PRUNE_EVERY:
                    async with self.services.transaction() as session:
                        await inbox.prune(session, self.services.clock.now())
                    last_prune = loop.time()
            except Exception:  # the database may be briefly away; keep the loop alive
                log.exception("inbox handling failed; retrying")
                await asyncio.sleep(IDLE_WAKE)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), IDLE_WAKE)
        # Stopping: what was already fetched and stored is answered before the process exits.
        await self.handle_pending()

    async def _poll_loop(self) -> None:
        """getUpdates, store, and only then confirm (the next call's offset)."""
        async with self.services.sessions() as session:
            last = await inbox.last_update_id(session)
        offset = last + 1 if last is not None else None
        backoff = 1.0
        while not self._stopping.is_set():
            try:
                updates = await self.app.bot.get_updates(
                    offset=offset, timeout=POLL_TIMEOUT, allowed_updates=self.allowed_updates
                )
            except (InvalidToken, Forbidden):
                log.critical("Telegram refused the bot token; stopping")
                self._stopping.set()
                return
            except TimedOut:
                continue
            except NetworkError as exc:
                metrics.ERRORS.labels("network").inc()
                log.warning("getUpdates failed (%s); retrying in %.0f s", exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 30.0)
                continue
            backoff = 1.0
            if updates:
                self._storing = True
                try:
                    await self.store([u.to_dict() for u in updates])
                finally:
                    self._storing = False
                offset = updates[-1].update_id + 1

    def _webhook(self, secret: str) -> Any:
        """The handler for Telegram's POSTs: secret checked, update stored, then 200."""

        async def receive(request: web.Request) -> web.Response:
            if request.headers.get(SECRET_HEADER) != secret:
                return web.Response(status=403, text="forbidden")
            payload = await _update_from(request)
            if payload is None:
                return web.Response(status=400, text="not an update")
            await self.store([payload])
            return web.Response(status=200, text="ok")

        return receive

    async def _healthz(self, _: web.Request) -> web.Response:
        """200 when the database answers."""
        try:
            async with self.services.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception:  # any database failure means not healthy
            return web.Response(status=503, text="database unavailable")
        return web.Response(text="ok")

    async def _metrics(self, _: web.Request) -> web.Response:
        """Prometheus text format."""
        async with self.services.sessions() as session:
            backlog = await session.scalar(
                text("SELECT count(*) FROM inbox WHERE handled_at IS NULL")
            )
        metrics.INBOX_BACKLOG.set(float(backlog or 0))
        body = generate_latest(metrics.REGISTRY)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


async def _update_from(request: web.Request) -> dict[str, Any] | None:
    """The posted update if it is one Telegram could have sent, else None (answered 400)."""
    try:
        body = await request.text()
    except (ValueError, web.HTTPException):
        return None
    if _too_deep(body):
        return None
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(payload, dict):
        return None
    update_id = payload.get("update_id")
    # bool is an int in Python: `"update_id": true` is not an update.
    if type(update_id) is not int or not 0 < update_id < MAX_UPDATE_ID:
        return None
    return payload


def _too_deep(body: str) -> bool:
    """True if brackets nest deeper than MAX_DEPTH (counted outside strings, without parsing)."""
    depth, in_string, escaped = 0, False, False
    for char in body:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False
