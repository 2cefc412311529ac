"""What the image and the compose file promise: a health check that asks /healthz, and the
webhook published on the host's loopback address only (a TLS proxy in front)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from pathlib import Path

import yaml

from tests.harness import Harness

ROOT = Path(__file__).resolve().parents[2]


def healthcheck_command() -> list[str]:
    """The Dockerfile's HEALTHCHECK CMD, as the exec form list."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    found = re.search(r"^HEALTHCHECK\b.*?\bCMD\s+(\[.*\])\s*$", text, re.M)
    assert found, "the Dockerfile has a HEALTHCHECK with an exec-form CMD"
    command: list[str] = json.loads(found.group(1))
    return command


async def run_check(port: int) -> int:
    command = healthcheck_command()
    assert command[0] == "python"
    env = {**os.environ, "HEALTH_PORT": str(port)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, *command[1:], env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    return await asyncio.wait_for(process.wait(), 20)


async def test_the_image_health_check_asks_healthz(
    harness: Harness, unused_tcp_port: int
) -> None:
    assert await run_check(unused_tcp_port) != 0  # nothing listening: unhealthy
    await harness.runtime.start_health("127.0.0.1", unused_tcp_port)
    assert await run_check(unused_tcp_port) == 0
    harness.runtime.failed = "a test"  # /healthz says 503 when the bot gave up
    try:
        assert await run_check(unused_tcp_port) != 0
    finally:
        harness.runtime.failed = None


def test_compose_publishes_the_webhook_on_loopback_only() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    ports = compose["services"]["bot"]["ports"]
    assert ports
    for mapping in ports:
        # "${BOT_BIND:-127.0.0.1}:${BOT_PORT:-8080}:8080" with the defaults filled in
        resolved = re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", mapping)
        assert resolved.split(":")[0] == "127.0.0.1", mapping
    for service in compose["services"].values():
        for mapping in service.get("ports", []):
            assert re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", mapping).startswith("127.0.0.1:")
