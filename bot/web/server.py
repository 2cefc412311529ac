"""The web port: the share page (/s/<token>) and the Mini App (/app), read-only.

Routes call the share use case and hand its result to the HTML views. Every response says
noindex (header and meta), carries a strict Content-Security-Policy (no scripts on the pages;
the Mini App's opening page may run only its own /app.js), no referrer, no caching; requests are
limited per address. An unknown, expired or stopped token gets the same plain 404 as any other
unknown address, so nobody can learn whether a link ever existed.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from aiolimiter import AsyncLimiter

from bot.domain.clinician import SPANS
from bot.services import Services
from bot.usecases import share
from bot.views import web_page
from bot.web import initdata

log = logging.getLogger(__name__)

REQUESTS_PER_MINUTE = 30  # per address: a clinician reloading is fine, a crawler is not
MAX_ADDRESSES = 4096  # limiters kept for the most recent addresses
MAX_BODY = 16 * 1024  # the Mini App's form: initData and the theme, well under this
# A form that has not fully arrived by then is a slow or stalled client, never a phone on a
# poor line (16 KiB at most): it gets 408 instead of holding a connection slot.
BODY_TIMEOUT = 5.0
TELEGRAM_FRAMES = "https://web.telegram.org"  # Telegram Web shows Mini Apps in a frame
SCRIPT_PATH = "/app.js"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Limits:
    """A token bucket per client address, the oldest forgotten first."""

    def __init__(self, per_minute: float = REQUESTS_PER_MINUTE) -> None:
        self.per_minute = per_minute
        self._buckets: OrderedDict[str, AsyncLimiter] = OrderedDict()

    async def allow(self, address: str) -> bool:
        """Whether this address may have one more request now (never waits)."""
        bucket = self._buckets.get(address)
        if bucket is None:
            bucket = AsyncLimiter(self.per_minute, 60)
            self._buckets[address] = bucket
            if len(self._buckets) > MAX_ADDRESSES:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(address)
        if not bucket.has_capacity():
            return False
        await bucket.acquire()  # has_capacity() said yes: this takes a slot without waiting
        return True


LOOPBACK = frozenset({"127.0.0.1", "::1"})


def client_address(request: web.Request) -> str:
    """Who is asking: the peer, or, from a proxy on this machine, the address it forwards."""
    remote = request.remote or "?"
    forwarded = request.headers.get("X-Forwarded-For", "")
    if remote in LOOPBACK and forwarded:
        return forwarded.split(",")[-1].strip()[:64] or remote
    return remote


def _headers(style: str, *, script: bool = False, framed: bool = False) -> dict[str, str]:
    policy = [
        "default-src 'none'",
        f"style-src {style}",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'self'",
        f"frame-ancestors {TELEGRAM_FRAMES if framed else chr(39) + 'none' + chr(39)}",
    ]
    if script:
        policy.append("script-src 'self'")
    return {
        "Content-Security-Policy": "; ".join(policy),
        "X-Robots-Tag": "noindex, nofollow",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
    }


def _html(
    rendered: web_page.Rendered, status: int = 200, *, script: bool = False, framed: bool = False
) -> web.Response:
    return web.Response(
        status=status, text=rendered.html, content_type="text/html", charset="utf-8",
        headers=_headers(rendered.style_hash, script=script, framed=framed),
    )  # fmt: skip


class Site:
    """The routes of the web port, bound to the bot's services."""

    def __init__(self, services: Services, limits: Limits | None = None) -> None:
        self.services = services
        self.limits = limits or Limits()

    def add_routes(self, app: web.Application) -> None:
        """Add the pages to an aiohttp application (its own, or the webhook's)."""
        app.router.add_get(f"{share.LINK_PATH}{{token}}", self._guard(self.shared))
        app.router.add_get(share.APP_PATH, self._guard(self.app_shell))
        app.router.add_post(share.APP_PATH, self._guard(self.app_page))
        app.router.add_get(SCRIPT_PATH, self._guard(self.script))
        app.router.add_get("/{tail:.*}", self._guard(self.not_found))

    def application(self) -> web.Application:
        """An application with only the pages (the web port in polling mode, play, tests)."""
        app = web.Application(client_max_size=MAX_BODY)
        self.add_routes(app)
        return app

    def _guard(self, handler: Handler) -> Handler:
        async def guarded(request: web.Request) -> web.StreamResponse:
            if not await self.limits.allow(client_address(request)):
                rendered = web_page.plain(self.services.content, "web.too_many")
                response = _html(rendered, 429)
                response.headers["Retry-After"] = "60"
                return response
            return await handler(request)

        return guarded

    async def not_found(self, _: web.Request) -> web.StreamResponse:
        """The one 404 for everything that is not a page."""
        return _html(web_page.plain(self.services.content, "web.not_found"), 404)

    async def shared(self, request: web.Request) -> web.StreamResponse:
        """A clinician's page, or the plain 404."""
        page = await share.open_shared(self.services, request.match_info["token"])
        if page is None:
            return await self.not_found(request)
        return _html(self._render(page, own=False))

    async def app_shell(self, _: web.Request) -> web.StreamResponse:
        """The Mini App's opening page (its script posts initData back to us)."""
        rendered = web_page.app_shell(self.services.content, SCRIPT_PATH, share.APP_PATH)
        return _html(rendered, script=True, framed=True)

    async def script(self, _: web.Request) -> web.StreamResponse:
        """The Mini App's one script, ours."""
        return web.Response(
            body=web_page.app_script(), content_type="text/javascript", charset="utf-8",
            headers={"X-Robots-Tag": "noindex, nofollow", "X-Content-Type-Options": "nosniff",
                     "Cache-Control": "no-cache"},
        )  # fmt: skip

    async def app_page(self, request: web.Request) -> web.StreamResponse:
        """The person's own page when Telegram vouches for them; 401 and no data otherwise."""
        try:
            form = await asyncio.wait_for(request.post(), BODY_TIMEOUT)
        except TimeoutError:
            rendered = web_page.plain(self.services.content, "web.too_slow")
            return _html(rendered, 408, framed=True)
        except (ValueError, web.HTTPException):
            form = None
        raw = form.get("init_data") if form is not None else None
        who = (
            initdata.validate(
                raw, self.services.settings.telegram_bot_token, self.services.clock.now()
            )
            if isinstance(raw, str)
            else None
        )
        page = None
        if who is not None:
            weeks_field = form.get("weeks") if form is not None else None
            weeks = int(weeks_field) if isinstance(weeks_field, str) and weeks_field in {
                str(s) for s in SPANS} else share.DEFAULT_WEEKS  # fmt: skip
            page = await share.own_page(self.services, who.id, weeks)
        if page is None:
            rendered = web_page.plain(self.services.content, "web.unauthorized")
            return _html(rendered, 401, framed=True)
        theme_field = form.get("theme") if form is not None else None
        switch = web_page.Switch(
            action=share.APP_PATH, init_data=str(raw),
            theme=theme_field if isinstance(theme_field, str) else "", weeks=page.weeks,
        )  # fmt: skip
        rendered = self._render(page, own=True, theme=_theme(theme_field), switch=switch)
        return _html(rendered, framed=True)

    def _render(
        self,
        page: share.Page,
        *,
        own: bool,
        theme: dict[str, str] | None = None,
        switch: web_page.Switch | None = None,
    ) -> web_page.Rendered:
        content = self.services.content
        text = web_page.page_text(
            content, page.locale, name=page.name, weeks=page.weeks, data=page.trends,
            made_at=page.made_at, zone=page.zone, expires_at=page.expires_at, own=own,
        )  # fmt: skip
        return web_page.render(
            content, page.locale, text, page.trends, zone=page.zone, notes=page.notes,
            theme=theme, switch=switch,
        )  # fmt: skip


def _theme(raw: Any) -> dict[str, str] | None:
    """Telegram's theme parameters (JSON), or None when absent or malformed."""
    if not isinstance(raw, str) or not raw or len(raw) > MAX_BODY:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    return {str(k): v for k, v in value.items() if isinstance(v, str)}
