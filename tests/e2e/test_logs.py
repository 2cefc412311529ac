"""Logs at DEBUG carry no health data: a check-in, a note, a red flag and a group challenge."""

from __future__ import annotations

import hashlib
import hmac
import io
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.config import load_settings
from bot.db.models import BotSecret
from bot.logs import configure, ref
from tests.harness import Harness, logged, onboard, texts


@pytest.fixture
def log_text() -> Iterator[io.StringIO]:
    """Everything logged during the test, configured as `smallsteps run` does at DEBUG."""
    with logged("123456:SECRET-token") as buffer:
        yield buffer


async def test_nothing_typed_or_rated_reaches_the_log_at_debug(
    harness: Harness, log_text: io.StringIO
) -> None:
    zed = harness.emu.user("Zelda", last_name="Quuxworth")
    await onboard(harness, zed, "Europe/Berlin", "09:00")
    harness.clock.advance(timedelta(days=1))
    await harness.tick()
    for label in ("7", "No", "6", "3", "2", "Some"):
        await harness.tap(zed, label)
    await harness.say(zed, "slept badly, the plumcake note is private")
    said = texts(await harness.say(zed, "honestly i keep thinking about ending it wobbegong"))
    assert "ending your life" in said
    group = harness.emu.group("Quokka walkers", members=(zed,))
    await harness.say(zed, "/challenge", chat=group)
    logging.getLogger("bot.test").info("user %s did something", zed.id)  # our own lines: hashed
    logged = log_text.getvalue()
    assert logged, "nothing was logged at DEBUG"
    for secret in ("Zelda", "Quuxworth", "plumcake", "wobbegong", "Quokka", str(zed.id),
                   "SECRET-token", "ci:", "pain"):  # fmt: skip
        assert secret not in logged, secret
    assert ref(zed.id) in logged


def test_exception_messages_are_withheld_and_frames_kept() -> None:
    buffer = io.StringIO()
    logger = logging.getLogger("bot.test.exc")
    handler = configure("INFO", stream=buffer)
    typed = "my private note"
    try:
        int(typed)
    except ValueError:
        logger.exception("could not read a number from user 987654321")
    logging.getLogger().removeHandler(handler)
    logged = buffer.getvalue()
    assert "private note" not in logged and "987654321" not in logged
    assert "ValueError" in logged and "test_logs.py" in logged


def _parse(text: str) -> int:
    return int(text)


def _look_up(text: str) -> int:
    try:
        return _parse(text)
    except ValueError:
        return {"a": 1}[text]  # raised while handling: chained implicitly (__context__)


def _read(text: str) -> int:
    try:
        return _look_up(text)
    except KeyError as exc:
        raise LookupError(f"nothing for {text}") from exc  # chained explicitly (__cause__)


def test_a_chained_exception_keeps_every_link_oldest_first_without_messages() -> None:
    """As Python prints a chain: the first exception's frames and type, then each one raised
    while handling it, to the last; every type named in full, no message."""
    buffer = io.StringIO()
    handler = configure("INFO", stream=buffer)
    typed = "my private note"
    try:
        _read(typed)
    except LookupError:
        logging.getLogger("bot.test.exc").exception("could not read")
    logging.getLogger().removeHandler(handler)
    logged = buffer.getvalue()
    assert "private note" not in logged
    kinds = ("builtins.ValueError", "builtins.KeyError", "builtins.LookupError")
    assert all(kind in logged for kind in kinds), logged
    places = [logged.index(kind) for kind in kinds]
    assert places == sorted(places), logged
    frames = logged.split("Traceback (message withheld):\n", 1)[1]
    assert frames.lstrip().startswith("File") and "in _look_up" in frames.splitlines()[0], logged
    assert logged.index("in _parse") < places[0] < logged.index("in _read") < places[1]


def test_an_exception_given_as_a_bare_type_is_still_named() -> None:
    buffer = io.StringIO()
    handler = configure("INFO", stream=buffer)
    logging.getLogger("bot.test.exc").error("failed", exc_info=(TimeoutError, None, None))
    logging.getLogger().removeHandler(handler)
    assert "Traceback (message withheld):\nTimeoutError" in buffer.getvalue()


async def test_log_references_are_keyed_with_a_kept_secret(
    harness: Harness, database_template: Any, tmp_path: Path
) -> None:
    """Not the plain hash of an id (which anyone could rebuild by running through ids); the
    same across a restart on the same database; another on another database; LOG_SALT wins."""
    zed = harness.emu.user("Zelda")
    first = ref(zed.id)
    assert first != "#" + hashlib.sha256(str(zed.id).encode()).hexdigest()[:8]
    assert not hashlib.sha256(str(zed.id).encode()).hexdigest().startswith(first[1:])
    async with harness.services.sessions() as session:
        [stored] = (await session.scalars(select(BotSecret.value))).all()
    assert len(stored) == 64 and ref(zed.id) == "#" + hmac.new(
        stored.encode(), str(zed.id).encode(), hashlib.sha256
    ).hexdigest()[: len(first) - 1]

    async def ref_after_start(**settings: str) -> str:
        config = load_settings(
            require_token=False, TELEGRAM_BOT_TOKEN="123456:TEST-token",
            TELEGRAM_API_URL=harness.emu.url, **settings,
        )  # fmt: skip
        async with Harness.running(config, harness.emu, harness.clock, harness.services.content):
            return ref(zed.id)

    url = str(harness.services.engine.url.render_as_string(hide_password=False))
    assert await ref_after_start(DATABASE_URL=url) == first  # restarted: the same salt
    (tmp_path / "other").mkdir()
    other = database_template.create(tmp_path / "other")
    try:
        assert await ref_after_start(DATABASE_URL=other) != first  # another bot, another salt
    finally:
        database_template.drop(other)
    chosen = "an-operator-chosen-salt"
    assert await ref_after_start(DATABASE_URL=url, LOG_SALT=chosen) == "#" + hmac.new(
        chosen.encode(), str(zed.id).encode(), hashlib.sha256
    ).hexdigest()[: len(first) - 1]
