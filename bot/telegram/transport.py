"""PTB's HTTP requests over aiohttp instead of httpx.

PTB's default HTTPXRequest costs 2-4 ms of CPU per Bot API call on this kind of machine: httpcore
scans its whole connection pool for every request (slower the more requests are in flight) and,
without the optional sniffio package, retries a failing import on each one. During a daily
fan-out that is most of the bot's CPU. aiohttp (already a dependency, for webhooks and the
emulator) does the same call in about 0.6 ms. PTB documents BaseRequest as the place to swap the
transport; everything above it (errors from status codes, retries, rate limiting) is unchanged.
"""

from __future__ import annotations

import html
import json
import re
import urllib.request

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

DEFAULT_TIMEOUT = 5.0  # seconds, as PTB's HTTPXRequest
DEFAULT_POOL_TIMEOUT = 1.0
# An edit to what the message already shows (a double tap, a stale button re-rendering the same
# step) is refused with this 400; the message is as wanted, so every edit treats it as done.
_NOT_MODIFIED = b"message is not modified"
_DONE = b'{"ok":true,"result":true}'
# Popups (answerCallbackQuery) are plain text of at most 200 characters; the bot's texts are
# rendered as HTML, so "&" would show as "&amp;" and a long name would get the tap refused.
POPUP_MAX = 200
_TAG = re.compile(r"<[^>]*>")


def plain_popup(text: str) -> str:
    """An HTML-rendered text as a popup shows it: tags dropped, entities decoded, cut to fit."""
    plain = html.unescape(_TAG.sub("", text))
    return plain if len(plain) <= POPUP_MAX else plain[: POPUP_MAX - 1] + "…"


class AiohttpRequest(BaseRequest):
    """One aiohttp session with a bounded connection pool; read, connect and pool timeouts."""

    def __init__(
        self,
        connection_pool_size: int = 1,
        *,
        read_timeout: float | None = DEFAULT_TIMEOUT,
        connect_timeout: float | None = DEFAULT_TIMEOUT,
        pool_timeout: float | None = DEFAULT_POOL_TIMEOUT,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout (PTB adds a long poll's own timeout to it)."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (inside the running event loop)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=0),
                skip_auto_headers=("User-Agent",),
                # HTTPS_PROXY and NO_PROXY apply, as they did with httpx. aiohttp looks the
                # proxy up in a thread for every request when asked to; without any proxy set
                # (the usual case) that is a thread hop per call for nothing.
                trust_env=bool(urllib.request.getproxies()),
            )

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one Bot API request; timeouts become TimedOut, other failures NetworkError."""
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = (
            self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        )
        pool = self._pool_timeout if isinstance(pool_timeout, DefaultValue) else pool_timeout
        # As with httpx, the read timeout runs while waiting for the answer, and waiting for a
        # free connection plus connecting is bounded by the pool and connect timeouts. aiohttp
        # has no write timeout: sending is bounded by the socket buffers and the server.
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if pool is None or connect is None else pool + connect,
            sock_connect=connect,
            sock_read=read,
        )
        data: aiohttp.FormData | bytes | None = None
        headers = {"User-Agent": self.USER_AGENT}
        if request_data is not None and files:
            form = aiohttp.FormData()
            for name, value in request_data.json_parameters.items():
                form.add_field(name, value)
            for name, (filename, content, mime_type) in files.items():
                form.add_field(name, content, filename=filename, content_type=mime_type)
            data = form
        elif request_data is not None:
            # A JSON body, which the Bot API takes as well as a form: one json.dumps instead of
            # URL-quoting every field, a noticeable share of a fan-out's CPU.
            parameters = request_data.parameters
            text = parameters.get("text")
            if url.endswith("/answerCallbackQuery") and isinstance(text, str):
                parameters = {**parameters, "text": plain_popup(text)}
            data = json.dumps(parameters, ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json"
        try:
            async with self._session.request(
                method, url, data=data, timeout=timeout, headers=headers
            ) as response:
                body = await response.read()
                if response.status == 400 and _NOT_MODIFIED in body.lower():
                    return 200, _DONE
                return response.status, body
        except TimeoutError as exc:  # aiohttp's timeouts are asyncio.TimeoutError subclasses
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc
