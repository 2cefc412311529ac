"""aiohttp front end: routing, latency, faults, flood limits, recording, JSON replies."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .faults import SEND_METHODS, Fault
from .models import ApiError, RecordedCall
from .params import Params, read_params
from .polling import ServerDown

if TYPE_CHECKING:
    from .core import EmulatorCore

_GATEWAY_PAGE = (
    "<html>\r\n<head><title>{0}</title></head>\r\n<body>\r\n"
    "<center><h1>{0}</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
_GATEWAY_TITLES = {
    502: "502 Bad Gateway",
    503: "503 Service Temporarily Unavailable",
    504: "504 Gateway Time-out",
}
_LOGGER = logging.getLogger(__name__)
_METHOD_NOT_FOUND = ApiError(404, "Not Found: method not found")
_UNAUTHORIZED = ApiError(401, "Unauthorized")


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _ok(result: Any) -> web.Response:
    return web.Response(
        body=_dumps({"ok": True, "result": result}), content_type="application/json"
    )


def _error(error: ApiError) -> web.Response:
    title = _GATEWAY_TITLES.get(error.status)
    if title is not None:
        # Telegram's proxy answers gateway errors with an HTML page, not JSON
        return web.Response(
            status=error.status, text=_GATEWAY_PAGE.format(title), content_type="text/html"
        )
    return web.Response(
        status=error.status, body=_dumps(error.to_dict()), content_type="application/json"
    )


class ApiServer:
    """One aiohttp application serving `/bot<token>/<method>` and file downloads."""

    def __init__(self, core: EmulatorCore) -> None:
        self.core = core
        self.runner: web.AppRunner | None = None
        self.stopped = asyncio.Event()

    def build(self) -> web.Application:
        """The aiohttp application."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self.handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self.handle_file)
        return app

    async def start(self, host: str, port: int) -> str:
        """Listen and return the base URL."""
        self.stopped = asyncio.Event()  # a fresh one: the old may belong to another loop
        # handler_cancellation: a client that gave up (read timeout) must not leave work behind
        self.runner = web.AppRunner(
            self.build(),
            access_log=None,
            handle_signals=False,
            handler_cancellation=True,
            shutdown_timeout=1.0,
        )
        await self.runner.setup()
        site = web.TCPSite(self.runner, host, port)
        await site.start()
        bound = self.runner.addresses[0]
        return f"http://{host}:{bound[1]}"

    async def stop(self) -> None:
        """Release held requests and close the listener."""
        self.stopped.set()
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None

    # request handling ------------------------------------------------------

    async def handle_file(self, request: web.Request) -> web.StreamResponse:
        """Serve bytes of stored files, as api.telegram.org/file/bot<token>/<path> does."""
        stored = self.core.world.file_paths.get(request.match_info["path"])
        if stored is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=stored.data, content_type=stored.mime_type)

    async def handle_api(self, request: web.Request) -> web.StreamResponse:
        """Entry point of every Bot API call."""
        core = self.core
        if core.strict_token and request.match_info["token"] != core.token:
            return _error(_UNAUTHORIZED)
        if core.down_mode is not None:
            return self._down(request)
        method = request.match_info["method"]
        key = method.lower()
        polling = key == "getupdates"
        activity = core.activity
        if not polling:
            activity.begin()
        started = time.perf_counter()
        call: RecordedCall | None = None
        try:
            params = await read_params(request)
            call = core.record_call(method, params)
            if core.latency:
                await asyncio.sleep(core.latency)
            result = await self._execute(key, params, call)
            if call is not None:
                call.result = result
            if polling and result:
                activity.touch()
            return _ok(result)
        except ApiError as exc:
            if call is not None:
                call.error = exc
            return _error(exc)
        except ServerDown:
            return self._down(request, drop=self.stopped.is_set())
        except Exception as exc:
            # An emulator bug must surface in tests but never take the server down
            _LOGGER.exception("emulator failed handling %s", method)
            error = ApiError(500, f"Internal Server Error: emulator bug: {exc!r}")
            core.internal_errors.append(exc)
            if call is not None:
                call.error = error
            return _error(error)
        finally:
            if call is not None:
                call.duration = time.perf_counter() - started
            if not polling:
                activity.end()

    def _down(self, request: web.Request, drop: bool = False) -> web.StreamResponse:
        if (drop or self.core.down_mode == "drop") and request.transport is not None:
            request.transport.close()
        return _error(ApiError(502, "Bad Gateway"))

    async def _execute(self, key: str, params: Params, call: RecordedCall | None) -> Any:
        core = self.core
        handler = core.handlers.get(key)
        if handler is None and key != "getupdates":
            raise _METHOD_NOT_FOUND
        chat_id = params.get("chat_id")
        fault = core.faults.take(key, chat_id) if core.faults.faults else None
        if fault is not None:
            if fault.status:
                raise fault.error()
            return await self._hang(key, params, fault, call)
        if key in SEND_METHODS and core.limiter.enabled:
            state = core.world.chats.get(chat_id) if isinstance(chat_id, int) else None
            is_group = state is not None and state.chat.is_group
            core.limiter.check(
                chat_id if isinstance(chat_id, int) else None, is_group, time.monotonic()
            )
        if handler is None:
            return await core.poller.get_updates(params)
        # waiters are woken when the call ends (Activity.end), so no notification here
        return handler(params)

    async def _hang(self, key: str, params: Params, fault: Fault, call: RecordedCall | None) -> Any:
        """Simulate a request that outlives the client's timeout (possibly after delivery)."""
        core = self.core
        handler = core.handlers.get(key)
        result: Any = None
        failure: ApiError | None = None
        if fault.delivered and handler is not None:
            try:
                result = handler(params)
                core.notify_output()
            except ApiError as exc:
                failure = exc
        if call is not None:
            call.hung = True
            call.result = result
        core.activity.hung += 1
        try:
            hold = fault.hold if fault.hold is not None else core.timeout_hold
            await asyncio.wait_for(self.stopped.wait(), hold)
        except TimeoutError:
            pass
        finally:
            core.activity.hung -= 1
        if self.stopped.is_set():
            raise ServerDown  # the server went away under the request: drop the connection
        if failure is not None:
            raise failure
        if not fault.delivered:
            raise ApiError(504, "Gateway Timeout")  # what Telegram's proxy says eventually
        return result
