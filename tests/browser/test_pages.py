"""The share page and the Mini App in a real browser: what a clinician and the person see."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from bot.clock import ManualClock
from bot.devtools.emulator import Emulator
from bot.views.content import Content
from tests.harness import Harness, texts
from tests.web import (
    expected_figures,
    expected_rows,
    init_data,
    link_in,
    seeded_person,
    theme,
    web_harness,
)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
MAX_PAGE_BYTES = 200 * 1024


@pytest.fixture
async def site(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> AsyncIterator[tuple[Harness, str]]:
    async with web_harness(emulator, clock, database_url, content) as running:
        yield running


async def figures(page: Any) -> list[str]:
    cells = page.locator("dd[data-figure]")
    return [(await cells.nth(i).inner_text()).strip() for i in range(await cells.count() - 1)]


async def day_rows(page: Any) -> list[list[str]]:
    """Pain, interference, energy, sleep and goal of each day (minutes are in the figures)."""
    return list(
        await page.eval_on_selector_all(
            "table.days tbody tr",
            "rows => rows.map(r => [...r.querySelectorAll('td')]"
            ".filter((c, i) => i !== 4).slice(0, 5).map(c => c.textContent.trim()))",
        )
    )


async def test_the_share_page_shows_the_databases_numbers_without_script(
    site: tuple[Harness, str], browser: Any, artifacts: Path
) -> None:
    harness, _ = site
    robin, today = await seeded_person(harness, "Robin")
    await harness.say(robin, "/share")
    link = link_in(texts(await harness.tap(robin, "12 weeks")))
    # No JavaScript: every number and every chart is in the HTML itself.
    context = await browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = await context.new_page()
    response = await page.goto(link)
    assert response is not None and response.status == 200
    body = await response.body()
    assert len(body) < MAX_PAGE_BYTES
    assert await page.title() == "Robin: the last 12 weeks in Small Steps"
    assert await figures(page) == await expected_figures(harness, robin.id, today, 12)
    assert await day_rows(page) == await expected_rows(harness, robin.id, today, 12)
    charts = page.locator("figure svg")
    assert await charts.count() == 5
    for i in range(5):
        chart = charts.nth(i)
        assert await chart.is_visible()
        box = await chart.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 60
        assert await chart.get_attribute("role") == "img"
        assert (await page.locator("figure figcaption").nth(i).inner_text()).strip()
    await page.screenshot(path=str(artifacts / "share-390x844.png"))
    await page.screenshot(path=str(artifacts / "share-390x844-full.png"), full_page=True)
    await page.set_viewport_size(DESKTOP)
    await page.screenshot(path=str(artifacts / "share-1280x800.png"))
    await page.screenshot(path=str(artifacts / "share-1280x800-full.png"), full_page=True)
    await page.set_viewport_size(NARROW)
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"]  # readable at 320 px: nothing runs off to the side
    await context.close()


async def test_a_stopped_expired_or_forged_link_shows_nothing(
    site: tuple[Harness, str], browser: Any
) -> None:
    harness, root = site
    robin, _ = await seeded_person(harness, "Robin", days=14)
    page = await browser.new_page()
    stopped = link_in(texts(await harness.say(robin, "/share")))
    await harness.say(robin, "/share stop")
    await harness.say(robin, "/share")
    expiring = link_in(texts(await harness.tap(robin, "1 day")))
    forged = expiring[:-4] + ("AAAA" if not expiring.endswith("AAAA") else "BBBB")
    assert (await page.goto(expiring)) is not None
    assert await page.locator("svg").count() > 0
    harness.clock.advance(timedelta(days=1))
    seen = []
    for url in (stopped, expiring, forged, f"{root}/s/"):
        response = await page.goto(url)
        assert response is not None
        seen.append((response.status, (await page.inner_text("body")).strip()))
        assert await page.locator("svg").count() == 0 and "Robin" not in await page.content()
    assert seen == [(404, "Not found.")] * 4


async def test_the_mini_app_follows_the_theme_and_refuses_forged_initdata(
    site: tuple[Harness, str], browser: Any, artifacts: Path
) -> None:
    harness, root = site
    robin, today = await seeded_person(harness, "Robin")
    signed = init_data(robin.id, harness.clock.now())
    params = f"tgWebAppData={quote(signed)}&tgWebAppThemeParams={quote(json.dumps(theme()))}"
    context = await browser.new_context(viewport=PHONE)
    page = await context.new_page()
    await page.goto(f"{root}/app#{params}&tgWebAppVersion=8.0&tgWebAppPlatform=android")
    await page.wait_for_selector("h1")
    assert (await page.inner_text("h1")).strip() == "Your last 4 weeks"
    assert await figures(page) == await expected_figures(harness, robin.id, today, 4)
    background = await page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(23, 33, 43)"  # the theme's bg_color
    assert await page.locator("figure svg").first.is_visible()
    await page.screenshot(path=str(artifacts / "miniapp-390x844.png"))
    # The 12 weeks button posts the same initData again: no script on this page needed.
    await page.click("button[value='12']")
    await page.wait_for_selector("text=Your last 12 weeks")
    assert await figures(page) == await expected_figures(harness, robin.id, today, 12)
    assert await page.get_attribute("button[value='12']", "aria-pressed") == "true"
    forged = init_data(robin.id, harness.clock.now(), token="999:not-this-bot")
    page = await context.new_page()  # a fresh page: a new fragment alone would not reload
    await page.goto(f"{root}/app#tgWebAppData={quote(forged)}")
    await page.wait_for_load_state()
    await page.wait_for_function("document.querySelector('form') === null")
    text = (await page.inner_text("body")).strip()
    assert "My progress" in text and await page.locator("svg").count() == 0
    assert "Robin" not in await page.content()
    await context.close()
