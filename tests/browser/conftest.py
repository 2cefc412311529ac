"""Headless Chromium (Debian's package) driven by Playwright; never a downloaded browser.

Without a chromium the browser tests skip, saying so, except in CI (CI=true), where a missing
browser fails the run: .ci/run installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests import databases

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def chromium_path() -> str | None:
    """The system chromium, if there is one."""
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium() -> str:
    """The browser's path; skip (or, in CI, fail) when there is none."""
    path = chromium_path()
    if path is None:
        why = f"no chromium at {CHROMIUM} (apt-get install -y chromium)"
        if databases.in_ci():
            pytest.fail(f"{why}: CI needs it")
        pytest.skip(why)
    return path


@pytest.fixture
async def browser(chromium: str) -> AsyncIterator[Any]:
    """A fresh headless browser for one test."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=chromium, args=ARGS, headless=True
        )
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (kept out of git)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
