"""Running the bot: fetch updates (polling or webhook), store them, handle them, stop cleanly.

PTB's own polling confirms the offset as soon as updates are queued, and its webhook answers
200 before the update is handled: a crash in between loses them. Here every update is written
to the inbox table first; only then is Telegram told (the next getUpdates offset, or the 200).

Handling: each chat's updates in order, different chats at the same time (at most
UPDATE_CONCURRENCY at once), so one person's flood, slow chart or hanging send never holds up
anyone else. Every loop is supervised: any exception is logged with its kind, counted, backed
off and survived. An update that cannot be handled (unparseable, or failing again and again) is
set aside after MAX_ATTEMPTS tries, kept with its error; a database that is away makes the
update wait, not fail. /healthz says 503 when a loop has made no progress for too long.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import os
import socket
import time
import uuid
import warnings
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from telegram import Update
from telegram.error import EndPointNotFound, Forbidden, InvalidToken, NetworkError, TimedOut
from telegram.warnings import PTBUserWarning

from bot import logs, zonedata
from bot.db import inbox, keys
from bot.domain.safety import ALARM_TIERS, scan
from bot.services import Services, of
from bot.telegram import metrics, webserver
from bot.telegram.faults import retry_later

log = logging.getLogger(__name__)
# getUpdates is asked for as raw JSON on purpose (one update PTB cannot parse must not block the
# rest); PTB would warn on every poll that a typed method exists.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.getUpdates'", category=PTBUserWarning)

POLL_TIMEOUT = 10  # seconds a getUpdates long poll waits for news
POLL_READ_MARGIN = 10  # seconds the client waits beyond that before it calls the poll timed out
BATCH = 50  # updates claimed from the inbox at a time
MAX_QUEUED = 500  # updates claimed but not yet handled in this process, at most
IDLE_WAKE = 1.0  # seconds between inbox checks when nothing wakes the handler (other replicas)
STOP_GRACE = 7.0  # seconds in-flight updates get to finish on SIGTERM (all done within 10 s)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
PRUNE_EVERY = 3600.0
MAX_ATTEMPTS = 3  # an update that fails this often is set aside (kept, marked failed)
UPDATE_TIMEOUT = 120.0  # one update's handling, at most (a hanging call counts as a failure)
MAX_BACKOFF = 30.0
# A chat with more than this many updates waiting is flooding: its plain texts in between are
# answered by the latest one (each still read for red flags), after one short "one moment".
FLOOD_BACKLOG = 8
# A loop or job that has made no progress for this long is stuck: /healthz says 503. Long enough
# to ride out a database that is away for a minute without an orchestrator restarting the bot.
STALL_AFTER = {"inbox": 120.0, "poll": POLL_TIMEOUT * 3 + 60.0}
JOB_STALL_AFTER = 600.0
# Telegram's updates are small; a body this size or nesting this deep is not one of them.
MAX_BODY_BYTES = 1 << 20
MAX_DEPTH = 32
# update_id is a positive integer below 2**31 in practice; the column holds 64 bits.
MAX_UPDATE_ID = 2**53


@dataclass
class Queued:
    """One claimed update waiting in its chat's queue."""

    update_id: int
    payload: dict[str, Any] | None
    attempts: int


class Runtime:
    """The fetch-store-handle loops around one PTB Application built without an Updater."""

    def __init__(
        self,
        application: Any,
        *,
        allowed_updates: list[str] | None = None,
        concurrency: int | None = None,
        on_skip: Callable[[int], None] | None = None,
    ) -> None:
        self.app = application
        self.services: Services = of(application)
        self.allowed_updates = allowed_updates
        self.owner = f"{socket.gethostname()[:20]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._slots = asyncio.Semaphore(concurrency or self.services.settings.update_concurrency)
        self._on_skip = on_skip
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self.failed: str | None = None  # why the runtime gave up, if it did
        self.stopped = asyncio.Event()  # set when it gives up (the process should exit)
        self._tasks: list[asyncio.Task[None]] = []
        self._servers: list[webserver.Serving] = []
        self._storing = False
        self._queues: dict[int | str, deque[Queued]] = {}
        self._workers: dict[int | str, asyncio.Task[None]] = {}
        self._flooded: set[int | str] = set()
        # Handled updates waiting for their mark, and whether a worker is writing marks now.
        self._marks: list[tuple[int, asyncio.Future[None]]] = []
        self._marking = False
        self._beats = self.services.heartbeats
        self.warming: asyncio.Future[Any] | None = None  # the city list loading beside the loop

    # starting and stopping ------------------------------------------------------------------

    async def start(self, *, polling: bool = True) -> None:
        """Start PTB (handlers and jobs), the handler loop, and polling if asked."""
        await self._key_logs()
        await self.app.initialize()
        # PTB runs post_init (the command menu, the Mini App's menu button) only from its own
        # run_polling/run_webhook, which this runtime replaces.
        if self.app.post_init is not None:
            try:
                await self.app.post_init(self.app)
            except Exception as exc:  # menus are a convenience: never a reason not to start
                log.warning("could not set the command menu (%s)", type(exc).__name__)
        await self.app.start()
        # The city index takes a tenth of a second to read: done now (at once if the wiring
        # did it already), beside the loop, not on the first person's "Manchester".
        self.warming = asyncio.get_running_loop().run_in_executor(None, zonedata.load)
        self.beat("inbox")
        self._tasks.append(asyncio.create_task(self._handle_loop(), name="inbox-handler"))
        if polling:
            await self.app.bot.delete_webhook(drop_pending_updates=False)
            self.beat("poll")
            self._tasks.append(asyncio.create_task(self._poll_loop(), name="poller"))

    async def _key_logs(self) -> None:
        """Log references keyed with LOG_SALT, or the salt kept in the database (made on the
        first start), so they stay the same across restarts and replicas."""
        salt = self.services.settings.log_salt
        if not salt:
            async with self.services.transaction() as session:
                salt = await keys.kept_secret(session, keys.LOG_SALT, self.services.clock.now())
        logs.set_salt(salt)

    async def start_webhook(
        self,
        listen: str,
        port: int,
        path: str,
        url: str,
        secret: str,
        pages: Callable[[web.Application], None] | None = None,
    ) -> None:
        """Serve the webhook (and the web pages, when given: one public server) and tell
        Telegram where to post."""
        await self.start(polling=False)
        server = web.Application(client_max_size=MAX_BODY_BYTES)
        server.router.add_post(f"/{path.strip('/')}", self._webhook(secret))
        if pages is not None:
            pages(server)
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

    async def start_web(self, server: web.Application, listen: str, port: int) -> None:
        """Serve the web pages on their own port (polling mode), apart from /healthz."""
        await self._serve(server, listen, port)

    async def _serve(self, server: web.Application, listen: str, port: int) -> None:
        """Start an HTTP server, held against slow clients; it is closed by stop()."""
        self._servers.append(await webserver.serve(server, listen, port))

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """Stop fetching, let the updates in hand finish, then shut PTB down."""
        self._stopping.set()
        self._wake.set()
        for serving in self._servers:
            await serving.stop()
        self._servers.clear()
        for task in self._tasks:
            # A poll waiting on Telegram is cut short (nothing was confirmed, Telegram sends it
            # again); one in the middle of storing what it fetched is let finish.
            if task.get_name() == "poller" and not self._storing:
                task.cancel()
        _done, pending = await asyncio.wait(self._tasks, timeout=grace) if self._tasks else ((), ())
        for task in pending:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        workers = list(self._workers.values())
        for task in workers:
            task.cancel()  # claims not finished are taken up again after their lease
        await asyncio.gather(*workers, return_exceptions=True)
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()
        # Like post_init, PTB runs post_shutdown (closing the database) only from its own
        # run_polling/run_webhook.
        if self.app.post_shutdown is not None:
            await self.app.post_shutdown(self.app)

    async def stop_polling(self) -> None:
        """Stop fetching updates (another process takes over), keep handling stored ones."""
        await self._cancel("poller")
        self._beats.pop("poll", None)

    async def stop_handling(self) -> None:
        """Stop claiming stored updates (another process takes over, as after a crash)."""
        await self._cancel("inbox-handler")
        self._beats.pop("inbox", None)

    async def _cancel(self, name: str) -> None:
        """Cancel this runtime's loop of that name and wait for it."""
        for task in [t for t in self._tasks if t.get_name() == name]:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            self._tasks.remove(task)

    def _give_up(self, reason: str) -> None:
        """Something no retry can fix: stop, and let the process exit non-zero."""
        log.critical("stopping: %s", reason)
        self.failed = reason
        self._stopping.set()
        self.stopped.set()

    # health ---------------------------------------------------------------------------------

    def beat(self, loop: str) -> None:
        """A loop made progress."""
        self._beats[loop] = time.monotonic()

    def stalled(self) -> list[str]:
        """Loops that made no progress for longer than they should."""
        now = time.monotonic()
        return [
            name for name, at in self._beats.items()
            if now - at > STALL_AFTER.get(name, JOB_STALL_AFTER)
        ]  # fmt: skip

    # storing --------------------------------------------------------------------------------

    def wake(self) -> None:
        """New updates were stored: handle them now rather than at the next check."""
        self._wake.set()

    async def store(self, payloads: list[dict[str, Any]]) -> None:
        """Write updates to the inbox (duplicates ignored) and wake the handler."""
        async with self.services.transaction() as session:
            await inbox.store(session, payloads, self.services.clock.now())
        self.wake()

    # handling -------------------------------------------------------------------------------

    async def handle_pending(self) -> int:
        """Claim and handle everything waiting, until nothing is left; returns how many."""
        total = 0
        while True:
            # Updates already in the chats' queues finish first (on SIGTERM too: a worker still
            # busy when nothing new is waiting must not be cancelled mid-update).
            while self._workers:
                await asyncio.wait(list(self._workers.values()))
            claimed = await self._claim()
            if not claimed:
                return total
            total += claimed

    async def _claim(self) -> int:
        """Claim waiting updates into the chats' queues and start their workers; how many."""
        queued = sum(len(q) for q in self._queues.values())
        room = min(BATCH, MAX_QUEUED - queued)
        now = self.services.clock.now()
        async with self.services.transaction() as session:
            # Renewed even when there is no room for more: past the lease another replica
            # would take up (and answer again) what this one still holds.
            waiting = [q.update_id for queue in self._queues.values() for q in queue]
            await inbox.renew(session, waiting, now, self.owner)
            rows = await inbox.claim(session, now, room, self.owner) if room > 0 else []
            claimed = [(r.update_id, r.payload, r.chat_id, r.attempts) for r in rows]
        for update_id, payload, chat_id, attempts in claimed:
            key: int | str = chat_id if chat_id is not None else f"update:{update_id}"
            self._queues.setdefault(key, deque()).append(Queued(update_id, payload, attempts))
            if key not in self._workers:
                self._workers[key] = asyncio.create_task(self._chat_worker(key), name=f"chat:{key}")
        return len(claimed)

    async def _chat_worker(self, key: int | str) -> None:
        """Handle one chat's queue in order; other chats' workers run beside it."""
        queue = self._queues[key]
        backoff = 1.0
        try:
            while queue:
                if len(queue) > FLOOD_BACKLOG and isinstance(key, int):
                    await self._catch_up(key, queue)
                item = queue[0]
                async with self._slots:
                    outcome = await self._handle(item)
                if outcome == "retry":
                    # The database is away: this chat waits (its order kept), others go on.
                    await asyncio.sleep(backoff)
                    backoff = min(backoff * 2, MAX_BACKOFF)
                    if self._stopping.is_set():
                        return
                    continue
                backoff = 1.0
                await self._record(item, outcome)
                queue.popleft()
            self._flooded.discard(key)
        finally:
            if not queue:
                self._queues.pop(key, None)
            self._workers.pop(key, None)

    async def _handle(self, item: Queued) -> str:
        """Hand one update to PTB: "handled", "retry" (database away) or "failed: <kind>"."""
        if item.payload is None:
            return "handled"
        try:
            update = Update.de_json(item.payload, self.app.bot)
        except Exception as exc:  # an update PTB cannot parse: a poison pill, set aside
            return f"failed: unparseable ({type(exc).__name__})"
        flag = retry_later.set(None)
        try:
            # PTB's handlers, then what they said (bot.telegram.application delivers it). In
            # this task, not one wait_for would start (on Python 3.11): the error handler's
            # retry_later must be set in this context, or an update the database was away for
            # would count as handled, and be lost.
            async with asyncio.timeout(UPDATE_TIMEOUT):
                await self.app.process_update(update)
        except TimeoutError:
            return "failed: timed out"
        except Exception as exc:  # PTB routes handler errors to the error handler; this is the rest
            return f"failed: {type(exc).__name__}"
        finally:
            reason = retry_later.get()
            retry_later.reset(flag)
        if reason is not None:
            metrics.ERRORS.labels("database").inc()
            return "retry"
        metrics.UPDATES_HANDLED.inc()
        return "handled"

    async def _mark_handled(self, update_id: int) -> None:
        """Mark an update handled, together with those other chats finished meanwhile.

        One transaction per handled update was most of the writes (and, on SQLite, of the
        waiting) when many people write at once; this group commit keeps each chat's order
        (the chat's next update waits for its mark) with one write for many chats.
        """
        done = asyncio.get_running_loop().create_future()
        self._marks.append((update_id, done))
        if not self._marking:
            self._marking = True
            try:
                while self._marks:
                    await asyncio.sleep(0)  # let workers finishing now join this batch
                    batch, self._marks = self._marks, []
                    try:
                        async with self.services.transaction() as session:
                            now = self.services.clock.now()
                            await inbox.mark_handled(session, [u for u, _ in batch], now)
                    except Exception as exc:  # each chat retries its own (see _record)
                        for _, waiting in batch:
                            if not waiting.done():
                                waiting.set_exception(exc)
                        continue
                    for _, waiting in batch:
                        if not waiting.done():
                            waiting.set_result(None)
            finally:
                self._marking = False
        await done

    async def _record(self, item: Queued, outcome: str) -> None:
        """Store the outcome; the database may be away, so keep trying (this chat waits)."""
        backoff = 1.0
        while True:
            try:
                if outcome == "handled":
                    await self._mark_handled(item.update_id)
                    return
                async with self.services.transaction() as session:
                    now = self.services.clock.now()
                    aside = await inbox.mark_failed_try(
                        session, item.update_id, now, outcome.removeprefix("failed: "),
                        MAX_ATTEMPTS,
                    )  # fmt: skip
                metrics.ERRORS.labels("update").inc()
                if aside:
                    metrics.ERRORS.labels("update_set_aside").inc()
                    log.error("update %s set aside after %s tries: %s", item.update_id,
                              MAX_ATTEMPTS, outcome)  # fmt: skip
                    if self._on_skip is not None:
                        self._on_skip(1)
                else:
                    # Unclaimed again in the database: a later claim takes it up once more.
                    log.warning("update %s failed (%s); will try again", item.update_id, outcome)
                return
            except Exception as exc:  # the database is away: wait for it
                metrics.ERRORS.labels("database").inc()
                log.warning("could not record update %s (%s); retrying", item.update_id,
                            type(exc).__name__)  # fmt: skip
                if self._stopping.is_set():
                    return
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)

    async def _catch_up(self, chat_id: int, queue: deque[Queued]) -> None:
        """A flood: one "one moment", then the plain texts in between are answered by the latest,
        and a command sent again and again (ten /export) is run once, for its latest copy.

        Every skipped text is still read for red flags: one that raises one is handled.
        """
        latest: dict[str, int] = {}
        skip: list[int] = []
        for index in reversed(range(len(queue))):
            said = _plain_text(queue[index].payload)
            if said is None:
                continue
            key = said.split(maxsplit=1)[0].split("@")[0].lower() if said.startswith("/") else ""
            if key not in latest:
                latest[key] = index
                continue
            flag = scan(said)
            if flag is None or flag.tier not in ALARM_TIERS:
                skip.append(index)
        skip.sort()
        if not skip:
            return
        # Only a private chat's texts are ever skipped, so this is a person's chat.
        if chat_id not in self._flooded:
            self._flooded.add(chat_id)
            with contextlib.suppress(Exception):  # a courtesy: never a reason to stop
                await self.app.bot.send_message(
                    chat_id, self.services.content.render("fallback.flood")
                )
        skipped = [queue[i].update_id for i in skip]
        # The database may be away: a worker that died of it would leave its chat unanswered
        # until the person wrote again; the next update waits for the database instead.
        try:
            async with self.services.transaction() as session:
                await inbox.mark_skipped(session, skipped, self.services.clock.now())
        except Exception as exc:
            metrics.ERRORS.labels("database").inc()
            log.warning("could not set a flood's texts aside (%s)", type(exc).__name__)
            return
        for index in reversed(skip):
            del queue[index]
        metrics.ERRORS.labels("flood_skipped").inc(len(skipped))
        if self._on_skip is not None:
            self._on_skip(len(skipped))

    async def _handle_loop(self) -> None:
        """Claim updates as they are stored, and every IDLE_WAKE seconds for other replicas'."""
        # At the first check, then hourly: the loop's clock starts at no particular value (the
        # host's uptime), so 0 here put the first prune off for as long as the host had been up
        # for less than an hour.
        last_prune = float("-inf")
        backoff = IDLE_WAKE
        loop = asyncio.get_running_loop()
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                # A full batch may mean more are waiting: claim again at once, not next second.
                while await self._claim() == BATCH:
                    pass
                if loop.time() - last_prune > PRUNE_EVERY:
                    async with self.services.transaction() as session:
                        await inbox.prune(session, self.services.clock.now(),
                                          self.services.settings.inbox_setaside_days)  # fmt: skip
                    last_prune = loop.time()
                self.beat("inbox")
                backoff = IDLE_WAKE
            except Exception as exc:  # the database may be away: keep the loop alive
                metrics.ERRORS.labels("inbox").inc()
                log.warning("inbox check failed (%s); retrying in %.0f s", type(exc).__name__,
                            backoff)  # fmt: skip
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), IDLE_WAKE)
        # Stopping: what was already fetched and stored is answered before the process exits.
        if self.failed is None:
            with contextlib.suppress(Exception):
                await self.handle_pending()

    # fetching -------------------------------------------------------------------------------

    async def _poll_loop(self) -> None:
        """getUpdates (raw JSON, so one update PTB cannot parse never blocks the rest), store,
        and only then confirm (the next call's offset).

        The first call asks for everything Telegram still holds (offset 0), not only for what came
        after the newest update stored: a webhook's deliveries run side by side, so an older
        update may still wait for its retry behind a newer one stored, and an offset past the
        newest would confirm it unseen. What was stored already is ignored when stored again.
        """
        # Update ids are positive: 1 here would ask for the same updates (so: not mutated).
        offset = 0  # pragma: no mutate
        backoff = 1.0
        while not self._stopping.is_set():
            try:
                raw = await self.app.bot.do_api_request(
                    "getUpdates",
                    api_kwargs={"offset": offset, "timeout": POLL_TIMEOUT,
                                "allowed_updates": self.allowed_updates},
                    read_timeout=POLL_TIMEOUT + POLL_READ_MARGIN,
                )  # fmt: skip
                updates = [u for u in raw if _is_update(u)] if isinstance(raw, list) else []
                if updates:
                    self._storing = True
                    try:
                        await self.store(updates)
                    finally:
                        self._storing = False
                    offset = max(u["update_id"] for u in updates) + 1
                elif isinstance(raw, list) and raw:
                    # Nothing usable in this batch: confirm it, never ask for it again.
                    ids = [u.get("update_id", 0) for u in raw if isinstance(u, dict)]
                    offset = max(ids) + 1 if ids else offset
                self.beat("poll")
                backoff = 1.0
            except asyncio.CancelledError:
                raise
            except (InvalidToken, EndPointNotFound, Forbidden):
                # Once the bot is initialised, PTB reports a refused token (401 or 404) on a raw
                # call as EndPointNotFound; getUpdates always exists, so it is the token.
                self._give_up("Telegram refused the bot token")
                return
            except TimedOut:
                self.beat("poll")
                continue
            except Exception as exc:  # network, database, anything: log, count, back off
                kind = "network" if isinstance(exc, NetworkError) else "poll"
                metrics.ERRORS.labels(kind).inc()
                log.warning("getUpdates or storing failed (%s); retrying in %.0f s",
                            type(exc).__name__, backoff)  # fmt: skip
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)

    def _webhook(self, secret: str) -> Any:
        """The handler for Telegram's POSTs: secret checked, update stored, then 200."""

        async def receive(request: web.Request) -> web.Response:
            # In constant time: how much of a guess matched must not show in the answer's timing.
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), secret.encode()):
                return web.Response(status=403, text="forbidden")
            try:
                payload = await _update_from(request)
            except webserver.BodyTooSlow:
                metrics.ERRORS.labels("http_slow").inc()
                response = web.Response(status=408, text="too slow")
                response.force_close()
                return response
            if payload is None:
                return web.Response(status=400, text="not an update")
            try:
                await self.store([payload])
            except Exception as exc:  # not stored: Telegram must send it again
                metrics.ERRORS.labels("database").inc()
                log.warning("could not store a webhook update (%s)", type(exc).__name__)
                return web.Response(status=503, text="try again")
            return web.Response(status=200, text="ok")

        return receive

    async def _healthz(self, _: web.Request) -> web.Response:
        """200 when the database answers and no loop is stuck."""
        stuck = self.stalled()
        if self.failed is not None:
            return web.Response(status=503, text=f"stopped: {self.failed}")
        if stuck:
            return web.Response(status=503, text=f"no progress: {', '.join(stuck)}")
        try:
            async with self.services.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception:  # any database failure means not healthy
            return web.Response(status=503, text="database unavailable")
        return web.Response(text="ok")

    async def _metrics(self, _: web.Request) -> web.Response:
        """Prometheus text format."""
        with contextlib.suppress(Exception):  # the gauges still serve if the database is away
            async with self.services.sessions() as session:
                backlog = await session.scalar(
                    text("SELECT count(*) FROM inbox WHERE handled_at IS NULL "
                         "AND failed_at IS NULL")
                )  # fmt: skip
            metrics.INBOX_BACKLOG.set(float(backlog or 0))
        body = generate_latest(metrics.REGISTRY)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def _is_update(value: Any) -> bool:
    """A JSON object with a positive integer update_id."""
    return (
        isinstance(value, dict)
        and type(value.get("update_id")) is int
        and 0 < value["update_id"] < MAX_UPDATE_ID
    )


def _plain_text(payload: dict[str, Any] | None) -> str | None:
    """The text of a private message update (a command's too); None for anything else."""
    message = payload.get("message") if isinstance(payload, dict) else None
    if not isinstance(message, dict) or not isinstance(message.get("text"), str):
        return None
    chat = message.get("chat")
    if not isinstance(chat, dict) or chat.get("type") != "private":
        return None
    said: str = message["text"]
    return said


async def _update_from(request: web.Request) -> dict[str, Any] | None:
    """The posted update if it is one Telegram could have sent, else None (answered 400).

    Telegram sends UTF-8 JSON; a body declared in another charset (or one Python does not know,
    which aiohttp's request.text() would raise on) is not an update.
    """
    if (request.charset or "utf-8").lower() not in ("utf-8", "utf8"):
        return None
    try:
        body = (await webserver.read_body(request)).decode("utf-8")
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
