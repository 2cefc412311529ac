"""Checking a Mini App's initData exactly as Telegram's Web Apps documentation describes.

secret_key = HMAC_SHA256(key="WebAppData", msg=bot_token); the data is genuine when
hex(HMAC_SHA256(key=secret_key, msg=data_check_string)) equals its `hash`, where the
data_check_string is every other received field as key=value, sorted by key, one a line. Fresh
means `auth_date` at most a day old (and not from the future, beyond a little clock skew).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode

MAX_AGE = timedelta(days=1)
SKEW = timedelta(minutes=5)  # a client clock slightly ahead is not a forgery
MAX_CHARS = 4096  # real initData is well under 1 KB


@dataclass(frozen=True)
class WebAppUser:
    """Who opened the Mini App, as Telegram vouches."""

    id: int
    first_name: str


def _secret(bot_token: str) -> bytes:
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def _check_string(fields: dict[str, str]) -> str:
    return "\n".join(f"{key}={fields[key]}" for key in sorted(fields) if key != "hash")


def validate(init_data: str, bot_token: str, now: datetime) -> WebAppUser | None:
    """The user initData speaks for, or None when it is forged, stale or malformed."""
    if not init_data or len(init_data) > MAX_CHARS or not bot_token:
        return None
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    fields = dict(pairs)
    if len(fields) != len(pairs) or "hash" not in fields:  # a repeated key is not Telegram's
        return None
    expected = hmac.new(
        _secret(bot_token), _check_string(fields).encode(), hashlib.sha256
    ).hexdigest()
    if not hmac.compare_digest(expected, fields["hash"]):
        return None
    try:
        signed = datetime.fromtimestamp(int(fields["auth_date"]), now.tzinfo)
        user = json.loads(fields["user"])
        who = WebAppUser(id=int(user["id"]), first_name=str(user.get("first_name", "")))
    except (KeyError, ValueError, TypeError, OverflowError):
        return None
    if not (now - MAX_AGE <= signed <= now + SKEW):
        return None
    return who


def sign(fields: dict[str, str], bot_token: str) -> str:
    """initData as Telegram would send it (play mode and tests: the same scheme, our token)."""
    digest = hmac.new(_secret(bot_token), _check_string(fields).encode(), hashlib.sha256)
    return urlencode({**fields, "hash": digest.hexdigest()})
