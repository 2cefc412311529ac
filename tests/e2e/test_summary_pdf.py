"""The clinician summary from /export: laid out on A4 or Letter with no text overlapping or off
the page, and every figure equal to what the database holds."""

from __future__ import annotations

import io
import itertools
import re
from datetime import date, timedelta
from pathlib import Path
from statistics import mean
from typing import Any

import pdfplumber
from sqlalchemy import delete, select, update

from bot.db.models import CheckIn, DayPlan, Reflection, User
from bot.devtools.emulator import FakeUser
from bot.devtools.seed import seed_person
from tests.e2e.test_plans import setup
from tests.harness import Harness
from tests.web import stored

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
SPAN = 28
TOLERANCE = 0.5  # points two words may touch by (kerning), never more


async def seeded(harness: Harness, name: str, country: str | None = None) -> tuple[FakeUser, date]:
    """A person with 12 weeks of history ending today (their own day in Berlin)."""
    person = await setup(harness, name)
    today = harness.clock.now().date()
    async with harness.services.transaction() as session:
        for model in (CheckIn, DayPlan, Reflection):
            await session.execute(delete(model).where(model.user_id == person.id))
        user = await seed_person(session, person.id, today, 84)
        user.country = country
    return person, today


async def summary_pdf(harness: Harness, person: FakeUser) -> bytes:
    outputs = await harness.say(person, "/export")
    documents = [harness.emu.file(m) for m in outputs if "document" in m]
    [pdf] = [d.data for d in documents if d.file_name.endswith(".pdf")]
    return pdf


def overlaps(words: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap by more than TOLERANCE both ways."""
    found = []
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            across = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if across > TOLERANCE and down > TOLERANCE:
                found.append((a["text"], b["text"]))
    return found


def figures_table(page: Any) -> dict[str, str]:
    """The figures table: label -> value, read by the rows its horizontal lines make."""
    [image] = page.images
    title = next(w for w in page.extract_words() if w["text"] == "Weekly")
    region = page.crop((0, image["bottom"], page.width, title["top"] - 1))
    words = region.extract_words()
    rules = sorted({round(line["top"], 1) for line in region.lines})
    edges = [image["bottom"], *rules, title["top"] - 1]
    margin = 15 * 72 / 25.4
    split = margin + 0.38 * (page.width - 2 * margin)
    rows: dict[str, str] = {}
    for top, bottom in itertools.pairwise(edges):
        inside = [w for w in words if top <= (w["top"] + w["bottom"]) / 2 < bottom]
        label = " ".join(w["text"] for w in inside if w["x0"] < split)
        value = " ".join(w["text"] for w in inside if w["x0"] >= split)
        if label:
            rows[label] = value
    return rows


async def expected(harness: Harness, user_id: int, today: date) -> dict[str, str]:
    """The figures, worked out again from the rows themselves."""
    start = today - timedelta(days=SPAN - 1)
    checkins, plans = await stored(harness, user_id)
    async with harness.services.sessions() as session:
        answers = (
            (await session.execute(select(Reflection).where(Reflection.user_id == user_id)))
            .scalars()
            .all()
        )
    period = [start + timedelta(days=i) for i in range(SPAN)]
    before = [start - timedelta(days=SPAN - i) for i in range(SPAN)]

    def average(field: str) -> str:
        def of(days: list[date]) -> str:
            values = [getattr(checkins[d], field) for d in days if d in checkins]
            return f"{round(mean(values), 1):.1f}"

        return f"{of(period)} (4 weeks before: {of(before)})"

    def answer(day: date) -> str | None:
        after = checkins.get(day + timedelta(days=1))
        return after.movement if after else None

    def moved(day: date) -> bool:
        return bool(plans[day].done) or answer(day) in ("yes", "some")

    def on_plan(day: date) -> bool:
        plan = plans[day]
        gentler = plan.goal_kind == "rest" or plan.in_flare_mode or plan.day_type == "flare"
        return moved(day) or answer(day) == "rest" or (answer(day) == "no" and gentler)

    def minutes(day: date) -> int:
        if not moved(day):
            return 0
        full = plans[day].done or answer(day) == "yes"
        return plans[day].goal_minutes if full else int(plans[day].goal_minutes * 0.5)

    goal = [f"{plans[start].level_minutes} min"]
    last = plans[start].level_minutes
    seen = {last}
    for day in period[1:]:
        level = plans[day].level_minutes
        if level == last:
            continue
        words = f"{level} again from {day:%d %b}" if level in seen else (
            f"then {level} from {day:%d %b}" if len(goal) == 1 else f"{level} from {day:%d %b}"
        )  # fmt: skip
        if level < last and plans[day].in_flare_mode:
            words += " after a flare"
        goal.append(words)
        seen.add(level)
        last = level
    monthly = sorted((a for a in answers if a.kind == "monthly" and start <= a.local_date),
                     key=lambda a: a.local_date)  # fmt: skip
    changes = {3: "A little better", 1: "Much better", 2: "Better"}
    flare_days = sum(
        (d in checkins and checkins[d].flare == "yes") or plans[d].day_type == "flare"
        for d in period
    )
    return {
        "Period": f"{start:%d %b %Y} - {today:%d %b %Y}",
        "Check-ins": f"{sum(d in checkins for d in period)} of {SPAN} days",
        "Average pain": average("pain"),
        "Pain got in the way": average("interference"),
        "Average energy": average("energy"),
        "Average sleep": average("sleep"),
        "Flare days": str(flare_days),
        "Days with movement": f"{sum(moved(d) for d in period)} of {SPAN} days",
        "Days on plan (incl. planned rest)": f"{sum(on_plan(d) for d in period)} of {SPAN} days",
        "Minutes moved": f"{sum(minutes(d) for d in period)} of "
        f"{sum(plans[d].goal_minutes for d in period if plans[d].goal_kind != 'rest')} planned",
        "Daily movement goal": ", ".join(goal),
        "Overall since starting (monthly)": (
            f"{changes[monthly[-1].overall_change or 0]} ({monthly[-1].local_date:%d %b})"
        ),
    }


async def test_the_summary_lays_out_on_a4_and_every_figure_is_the_databases(
    harness: Harness,
) -> None:
    person, today = await seeded(harness, "Pia")
    pdf = await summary_pdf(harness, person)
    save_artefact(pdf, "summary-a4")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) == 1
        page = document.pages[0]
        assert (round(page.width, 2), round(page.height, 2)) == A4
        words = page.extract_words()
        assert overlaps(words) == []
        assert all(
            c["x0"] >= 0 and c["x1"] <= page.width and c["top"] >= 0 and c["bottom"] <= page.height
            for c in page.chars
        )
        text = page.extract_text()
        assert "Self-reported in a wellness app, not a medical record." in text
        assert len(page.images) == 1  # the chart
        assert figures_table(page) == await expected(harness, person.id, today)
        weekly = [t for t in page.extract_tables() if t and t[0] and t[0][0] == "Week of"]
    async with harness.services.sessions() as session:
        answers = (
            (
                await session.execute(
                    select(Reflection)
                    .where(
                        Reflection.kind == "weekly", Reflection.local_date >= today - timedelta(27)
                    )
                    .order_by(Reflection.local_date)
                )
            )
            .scalars()
            .all()
        )
    assert len(weekly) == 1 and len(answers) >= 3
    assert [row for row in weekly[0][1:]] == [
        [f"{a.local_date:%d %b}", str(a.enjoyment), str(a.confidence_tasks), str(a.confidence_life)]
        for a in answers
    ]


async def test_letter_paper_where_letter_is_the_rule_and_nothing_runs_off(
    harness: Harness,
) -> None:
    person, _ = await seeded(harness, "Lou", country="US")
    async with harness.services.transaction() as session:
        user = await session.get(User, person.id)
        assert user is not None
        user.first_name = "Lou"
    pdf = await summary_pdf(harness, person)
    save_artefact(pdf, "summary-letter")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        assert (round(page.width, 2), round(page.height, 2)) == LETTER
        assert overlaps(page.extract_words()) == []
        assert all(c["x1"] <= page.width - 30 and c["bottom"] <= page.height for c in page.chars)


def save_artefact(pdf: bytes, name: str) -> None:
    """Keep the PDF and a picture of it beside the browser tests' screenshots."""
    folder = Path(__file__).resolve().parents[2] / "test-artifacts"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.pdf").write_bytes(pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        document.pages[0].to_image(resolution=80).save(folder / f"{name}.png")


async def test_a_first_month_with_the_monthly_question_skipped_says_not_rated(
    harness: Harness,
) -> None:
    """Only the last four weeks are stored and the month's question was skipped: each average
    stands alone (no "4 weeks before" with nothing in it) and the overall change is "not rated",
    never an empty or made-up figure."""
    person, today = await seeded(harness, "Mo")
    start = today - timedelta(days=SPAN - 1)
    async with harness.services.transaction() as session:
        for model in (CheckIn, DayPlan, Reflection):
            await session.execute(
                delete(model).where(model.user_id == person.id, model.local_date < start)
            )
        skipped = await session.execute(
            update(Reflection)
            .where(Reflection.user_id == person.id, Reflection.kind == "monthly")
            .values(overall_change=None)
        )
        assert skipped.rowcount == 1  # type: ignore[attr-defined]
    pdf = await summary_pdf(harness, person)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        figures = figures_table(document.pages[0])
    assert figures["Overall since starting (monthly)"] == "not rated", figures
    for label in ("Average pain", "Pain got in the way", "Average energy", "Average sleep"):
        assert re.fullmatch(r"\d+\.\d", figures[label]), figures


async def test_a_period_opening_without_a_plan_starts_from_the_level_before_it(
    harness: Harness,
) -> None:
    """No plan on the first three days of the four weeks: the goal line starts from the level
    of the last plan before the period (the day before it), then the level that follows."""
    person, today = await seeded(harness, "Gus")
    start = today - timedelta(days=SPAN - 1)
    gap = (start, start + timedelta(days=2))
    async with harness.services.transaction() as session:
        for model in (CheckIn, DayPlan):
            await session.execute(
                delete(model).where(model.user_id == person.id, model.local_date.between(*gap))
            )
        before = await session.scalar(
            select(DayPlan).where(
                DayPlan.user_id == person.id, DayPlan.local_date == start - timedelta(days=1)
            )
        )
        assert before is not None
        before.level_minutes = 7  # a level the seeded history never has
    pdf = await summary_pdf(harness, person)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        goal = figures_table(document.pages[0])["Daily movement goal"]
    assert goal.startswith("7 min, then "), goal
