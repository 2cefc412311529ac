"""Sharing trends: a private link for a clinician (/share), and the person's own page (Mini App).

A link carries a random token of 256 bits; only its SHA-256 is stored, so the database cannot
open a page. A link works until it expires (1, 14 or 30 days) or the person stops it; a new
link replaces the old one. Opening a page counts, so the person sees whether it was looked at.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.db import queries
from bot.db.models import ShareLink, User
from bot.domain.clinician import SHORT_WEEKS, SPANS, Trends
from bot.services import Services
from bot.usecases import onboarding, reports
from bot.usecases.answers import Answer, Reply
from bot.usecases.checkin import today_for
from bot.views import keyboards
from bot.views.callbacks import ShareTap
from bot.views.render import locale_of, say

TOKEN_BYTES = 32  # 256 bits: far beyond guessing (the issue asks for at least 128)
DAY_CHOICES = (1, 14, 30)
DEFAULT_DAYS = 14
DEFAULT_WEEKS = SHORT_WEEKS
LINK_PATH = "/s/"
APP_PATH = "/app"


def hash_token(token: str) -> str:
    """What is stored for a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def link_of(services: Services, token: str) -> str:
    """The page's public address."""
    return f"{services.settings.public_url}{LINK_PATH}{token}"


def app_url(services: Services) -> str | None:
    """The Mini App's public address, or None when no PUBLIC_URL is set."""
    root = services.settings.public_url
    return f"{root}{APP_PATH}" if root else None


@dataclass(frozen=True)
class Page:
    """What the page shows: whose, which period, the trends, and until when the link works."""

    name: str
    locale: str
    zone: ZoneInfo
    weeks: int
    trends: Trends
    made_at: datetime
    expires_at: datetime | None  # None: the person's own view
    notes: bool


async def current(session: AsyncSession, user_id: int, now: datetime) -> ShareLink | None:
    """The person's working link, if any (the newest: creating one stops the others)."""
    result = await session.execute(
        select(ShareLink)
        .where(
            ShareLink.user_id == user_id,
            ShareLink.revoked_at.is_(None),
            ShareLink.expires_at > now,
        )
        .order_by(ShareLink.created_at.desc(), ShareLink.id.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def stop(session: AsyncSession, user_id: int, now: datetime) -> int:
    """Stop every working link of the person; how many there were."""
    result = await session.execute(
        update(ShareLink)
        .where(
            ShareLink.user_id == user_id,
            ShareLink.revoked_at.is_(None),
            ShareLink.expires_at > now,
        )
        .values(revoked_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def create(
    session: AsyncSession,
    user_id: int,
    now: datetime,
    *,
    days: int = DEFAULT_DAYS,
    weeks: int = DEFAULT_WEEKS,
    notes: bool = False,
) -> tuple[str, ShareLink]:
    """A new link (the old one stops working); the token is returned once and never stored."""
    if days not in DAY_CHOICES or weeks not in SPANS:
        raise ValueError(f"days must be one of {DAY_CHOICES}, weeks one of {SPANS}")
    await stop(session, user_id, now)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    link = ShareLink(
        user_id=user_id, token_hash=hash_token(token), weeks=weeks, notes=notes,
        expires_at=now + timedelta(days=days), opens=0, created_at=now,
    )  # fmt: skip
    session.add(link)
    await session.flush()
    return token, link


async def _page(
    services: Services, session: AsyncSession, user: User, weeks: int, notes: bool,
    expires_at: datetime | None,
) -> Page:  # fmt: skip
    today = today_for(services, user)
    data = await reports.load_trends(session, user, today, weeks, notes=notes)
    return Page(
        name=user.first_name, locale=locale_of(user), zone=ZoneInfo(user.timezone),
        weeks=weeks, trends=data, made_at=services.clock.now(), expires_at=expires_at,
        notes=notes,
    )  # fmt: skip


async def open_shared(services: Services, token: str) -> Page | None:
    """The page a token opens (counted as one more opening), or None: unknown, expired or
    stopped look the same.

    The page is read without the write lock (pages never wait for the bot's writes, nor for
    each other); the opening is counted in a short transaction of its own.
    """
    if not token or len(token) > 2 * TOKEN_BYTES:
        return None
    now = services.clock.now()
    async with services.sessions() as session:
        result = await session.execute(
            select(ShareLink).where(ShareLink.token_hash == hash_token(token))
        )
        link = result.scalar_one_or_none()
        if link is None or link.revoked_at is not None or link.expires_at <= now:
            return None
        user = await session.get(User, link.user_id)
        if user is None:
            return None
        page = await _page(services, session, user, link.weeks, link.notes, link.expires_at)
        link_id = link.id
    async with services.transaction() as session:
        await session.execute(
            update(ShareLink)
            .where(ShareLink.id == link_id)
            .values(opens=ShareLink.opens + 1, last_opened_at=now)
        )
    return page


async def own_page(services: Services, user_id: int, weeks: int) -> Page | None:
    """The person's own view (the Mini App): their notes included; None if we know no one."""
    if weeks not in SPANS:
        weeks = DEFAULT_WEEKS
    async with services.sessions() as session:
        user = await session.get(User, user_id)
        if user is None or not user.onboarded:
            return None
        return await _page(services, session, user, weeks, True, None)


def _until(moment: datetime, zone: str) -> str:
    local = moment.astimezone(ZoneInfo(zone))
    return f"{local:%a} {local.day} {local:%b}, {local:%H:%M}"


def _notes_words(services: Services, user: User, notes: bool) -> str:
    return services.content.label(f"share.notes.{'on' if notes else 'off'}", locale_of(user))


def _keyboard(services: Services, user: User, link: ShareLink) -> InlineKeyboardMarkup:
    days = round((link.expires_at - link.created_at) / timedelta(days=1))
    return keyboards.share_menu(
        services.content, locale_of(user), days=days, weeks=link.weeks, notes=link.notes,
        app_url=app_url(services),
    )  # fmt: skip


def _created(services: Services, user: User, token: str, link: ShareLink) -> Reply:
    text = say(
        services.content, "share.created", user, url=link_of(services, token), weeks=link.weeks,
        date=_until(link.expires_at, user.timezone),
        value=_notes_words(services, user, link.notes),
    )  # fmt: skip
    return text, _keyboard(services, user, link)


async def command(services: Services, session: AsyncSession, user: User, arg: str) -> Reply:
    """/share: a link (a new one, or how the working one stands); /share stop ends it."""
    if not services.settings.public_url:
        return say(services.content, "share.no_url", user), None
    now = services.clock.now()
    if arg.strip().lower() == "stop":
        stopped = await stop(session, user.id, now)
        return say(services.content, "share.stopped" if stopped else "share.none", user), None
    link = await current(session, user.id, now)
    if link is None:
        token, link = await create(session, user.id, now)
        return _created(services, user, token, link)
    text = say(
        services.content, "share.status", user, date=_until(link.expires_at, user.timezone),
        opens=link.opens, weeks=link.weeks, value=_notes_words(services, user, link.notes),
    )  # fmt: skip
    return text, keyboards.share_status(
        services.content, locale_of(user), app_url=app_url(services)
    )


async def tap(services: Services, session: AsyncSession, user: User, tapped: ShareTap) -> Reply:
    """A button under a link: a fresh link with one choice changed, a new link, or stop."""
    if not services.settings.public_url:
        return say(services.content, "share.no_url", user), None
    now = services.clock.now()
    if tapped.action == "stop":
        stopped = await stop(session, user.id, now)
        return say(services.content, "share.stopped" if stopped else "share.none", user), None
    link = await current(session, user.id, now)
    days = DEFAULT_DAYS
    weeks, notes = (link.weeks, link.notes) if link is not None else (DEFAULT_WEEKS, False)
    if link is not None:
        days = round((link.expires_at - link.created_at) / timedelta(days=1))
        days = days if days in DAY_CHOICES else DEFAULT_DAYS
    if tapped.action == "days":
        days = tapped.value
    elif tapped.action == "weeks":
        weeks = tapped.value
    elif tapped.action == "notes":
        notes = bool(tapped.value)
    token, fresh = await create(session, user.id, now, days=days, weeks=weeks, notes=notes)
    return _created(services, user, token, fresh)


async def share_command(services: Services, user_id: int, arg: str) -> Answer:
    """/share (or /share stop) as one unit of work for the person behind it."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return onboarding.start_first(services, user, tap=False)
        return Answer.say(*await command(services, session, user, arg))


async def share_tap(services: Services, user_id: int, tapped: ShareTap) -> Answer:
    """A share button as one unit of work: the message under it shows the link's new state."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return onboarding.start_first(services, user, tap=True)
        return Answer(edit=await tap(services, session, user, tapped))
