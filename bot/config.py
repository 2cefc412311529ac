"""Settings, read once from the environment or an optional `.env` file."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///smallsteps.db"
MIN_SECRET_CHARS = 16
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# The inbox keeps a set-aside update's content this many days at most (/privacy says so).
MAX_SETASIDE_DAYS = 7


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line for stderr."""


class Settings(BaseSettings):
    """Every setting the bot reads; documented in .env.example."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: str = Field(default="", alias="TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = Field(default="https://api.telegram.org", alias="TELEGRAM_API_URL")
    database_url: str = Field(default=DEFAULT_DATABASE_URL, alias="DATABASE_URL")
    webhook_url: str = Field(default="", alias="WEBHOOK_URL")
    webhook_secret: str = Field(default="", alias="WEBHOOK_SECRET")
    webhook_listen: str = Field(default="0.0.0.0", alias="WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8080, alias="WEBHOOK_PORT")
    # /healthz and /metrics: for the operator only, so on their own, private address by default.
    health_listen: str = Field(default="127.0.0.1", alias="HEALTH_LISTEN")
    health_port: int = Field(default=8081, alias="HEALTH_PORT")
    # The share page and the Mini App: their own public port (in webhook mode, the webhook's
    # server serves them too) and the public root their links start with. No PUBLIC_URL: no
    # links, no buttons, and /share says why.
    web_listen: str = Field(default="0.0.0.0", alias="WEB_LISTEN")
    web_port: int = Field(default=8082, alias="WEB_PORT")
    public_url: str = Field(default="", alias="PUBLIC_URL")
    log_level: str = Field(default="INFO", alias="LOG_LEVEL")
    # Messages a second for unsolicited sends (daily prompts, nudges, summaries): Telegram's bulk
    # limit is about 30; operators with a higher limit can raise it. Replies are not held to it.
    telegram_rate_limit: float = Field(default=30.0, alias="TELEGRAM_RATE_LIMIT")
    # Updates handled at the same time (each chat's in order, different chats side by side).
    update_concurrency: int = Field(default=32, alias="UPDATE_CONCURRENCY")
    default_timezone: str = Field(default="UTC", alias="DEFAULT_TIMEZONE")
    # Days an update that could not be handled keeps its content (for the operator to see why),
    # at most 7; then only its id, times and error are kept.
    inbox_setaside_days: int = Field(default=7, alias="INBOX_SETASIDE_DAYS")
    # The key of the short references that stand for ids in the logs; empty: a random one made
    # on first start and kept in the database.
    log_salt: str = Field(default="", alias="LOG_SALT")

    @field_validator("telegram_api_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _https_url(cls, value: str) -> str:
        value = value.strip()
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("must be the public https:// URL Telegram posts updates to")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_chars(cls, value: str) -> str:
        value = value.strip()
        if value and not all(c.isalnum() or c in "_-" for c in value):
            raise ValueError("may only contain A-Z, a-z, 0-9, _ and - (Telegram's rule)")
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("must be the public https:// address the share page is reached at")
        return value

    @field_validator("webhook_port", "health_port", "web_port")
    @classmethod
    def _port(cls, value: int) -> int:
        if not 1 <= value <= 65535:
            raise ValueError("must be a port number from 1 to 65535")
        return value

    @field_validator("webhook_listen", "health_listen", "web_listen")
    @classmethod
    def _address(cls, value: str) -> str:
        value = value.strip()
        if value == "localhost":
            return value
        try:
            ipaddress.ip_address(value)
        except ValueError:
            raise ValueError("must be an IP address such as 0.0.0.0 or 127.0.0.1") from None
        return value

    @field_validator("telegram_rate_limit")
    @classmethod
    def _rate(cls, value: float) -> float:
        if not 0 < value <= 10_000:
            raise ValueError("must be a number of messages a second, such as 30")
        return value

    @field_validator("update_concurrency")
    @classmethod
    def _concurrency(cls, value: int) -> int:
        if not 1 <= value <= 1000:
            raise ValueError("must be a whole number from 1 to 1000")
        return value

    @field_validator("inbox_setaside_days")
    @classmethod
    def _setaside_days(cls, value: int) -> int:
        if not 0 <= value <= MAX_SETASIDE_DAYS:
            raise ValueError(f"must be a whole number of days from 0 to {MAX_SETASIDE_DAYS}")
        return value

    @field_validator("log_salt")
    @classmethod
    def _salt(cls, value: str) -> str:
        value = value.strip()
        if value and len(value) < MIN_SECRET_CHARS:
            raise ValueError(f"must be at least {MIN_SECRET_CHARS} characters (or empty)")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        value = value.strip().upper()
        if value not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value.strip())
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("is not an IANA time zone such as Europe/Berlin") from exc
        return value.strip()

    @field_validator("database_url")
    @classmethod
    def _usable_url(cls, value: str) -> str:
        value = value.strip()
        try:
            url = make_url(value)
        except ArgumentError as exc:
            raise ValueError("is not a database URL") from exc
        # The bot is async throughout, so only async drivers work.
        if url.drivername in ("sqlite", "postgresql", "postgres"):
            raise ValueError(
                "needs an async driver: sqlite+aiosqlite:///file.db or postgresql+asyncpg://..."
            )
        if url.drivername not in ("sqlite+aiosqlite", "postgresql+asyncpg"):
            raise ValueError(f"driver {url.drivername!r} is not supported")
        if url.drivername.startswith("sqlite") and url.database not in (None, "", ":memory:"):
            parent = Path(url.database).expanduser().resolve().parent
            if not parent.is_dir():
                raise ValueError(f"folder {parent} does not exist")
        return value

    @property
    def api_base_url(self) -> str:
        """Bot API root that PTB appends the token and method to."""
        return f"{self.telegram_api_url}/bot"

    @property
    def file_base_url(self) -> str:
        """Root for downloading files, in the layout self-hosted servers use too."""
        return f"{self.telegram_api_url}/file/bot"


def load_settings(*, require_token: bool = True, **overrides: object) -> Settings:
    """Read settings, turning any problem into a one-line SettingsError."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "settings"
        raise SettingsError(f"{name}: {first['msg'].removeprefix('Value error, ')}") from None
    if settings.webhook_url and len(settings.webhook_secret) < MIN_SECRET_CHARS:
        raise SettingsError(
            f"WEBHOOK_SECRET must be set (at least {MIN_SECRET_CHARS} characters of A-Z, a-z, "
            "0-9, _ or -) when WEBHOOK_URL is: every webhook request is checked against it"
        )
    if settings.webhook_url and settings.webhook_port == settings.health_port:
        raise SettingsError(
            f"HEALTH_PORT must differ from WEBHOOK_PORT ({settings.webhook_port}): /healthz and "
            "/metrics are served apart from the public webhook"
        )
    if (
        settings.public_url
        and not settings.webhook_url
        and settings.web_port == settings.health_port
    ):
        raise SettingsError(
            f"HEALTH_PORT must differ from WEB_PORT ({settings.web_port}): the share page is "
            "public, /healthz and /metrics are not"
        )
    if require_token and not settings.telegram_bot_token.strip():
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and put it in the "
            "environment or a .env file (or try `smallsteps play`, which needs none)"
        )
    return settings
