"""Logs at DEBUG carry no health data: a check-in, a note, a red flag and a group challenge."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest

from bot.logs import configure, ref
from tests.harness import Harness, onboard, texts


@pytest.fixture
def log_text() -> Iterator[io.StringIO]:
    """Everything logged during the test, configured as `smallsteps run` does at DEBUG."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    buffer = io.StringIO()
    configure("DEBUG", "123456:SECRET-token", stream=buffer)
    yield buffer
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in before:
        root.addHandler(handler)
    root.setLevel(level)


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
