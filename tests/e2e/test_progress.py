"""Progress people can see and data they own: charts, weekly summary, export, delete."""

from __future__ import annotations

import csv
import io
import math
import re
import struct
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, func, select

from bot.db.history import joined_on
from bot.db.models import Base, CheckIn, DayPlan, Reflection, User
from bot.devtools.emulator import FakeUser, buttons
from bot.domain.progress import pain_series
from bot.usecases import reports
from bot.usecases.days import days
from bot.usecases.reflections import MONTHLY_WITHIN_DAYS
from bot.views.content import Content
from bot.views.export import CSV_COLUMNS
from tests.e2e.test_plans import live_a_day, setup
from tests.harness import Harness, onboard, texts

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MOVES = ("yes", "some", "no", "rest")
PERSON_TABLES = ("users", "checkins", "day_plans", "safety_events", "day_marks", "reflections")


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_MAGIC)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


async def chart_after(harness: Harness, person: FakeUser) -> bytes:
    outputs = await harness.say(person, "/progress")
    [photo] = [m for m in outputs if "photo" in m]
    assert "of the last 7 days" in str(photo.get("caption"))
    return harness.emu.file(photo).data


async def test_progress_needs_three_checkins_then_draws_a_chart(harness: Harness) -> None:
    pia = await setup(harness, "Pia")
    said = texts(await harness.say(pia, "/progress"))
    assert "after three check-ins" in said
    for pain in (3, 4, 3):
        await live_a_day(harness, pia, pain, "No")
    first = await chart_after(harness, pia)
    assert png_size(first) == (1200, 750)
    await live_a_day(harness, pia, 7, "Yes")
    second = await chart_after(harness, pia)
    assert png_size(second) == (1200, 750) and second != first


async def weekly_summaries(harness: Harness, person: FakeUser) -> list[dict[str, object]]:
    return [
        m
        for m in harness.emu.messages(person)
        if "Your week" in str(m.get("caption") or m.get("text"))
    ]


async def test_weekly_summary_once_at_local_time_across_dst_then_three_taps(
    harness: Harness,
) -> None:
    """Berlin's clocks go back on Sunday 25 October 2026; summaries stay at 19:00 local."""
    harness.clock.set(datetime(2026, 10, 14, 5, tzinfo=UTC))
    rae = harness.emu.user("Rae")
    await harness.say(rae, "/start")
    await harness.say(rae, "Berlin")
    await harness.say(rae, "9:00")
    for _ in range(2):
        await harness.tap(rae, "Skip")
    await harness.tap(rae, "Done")
    while harness.clock.now() < datetime(2026, 11, 1, 19, tzinfo=UTC):
        harness.clock.advance(timedelta(minutes=30))
        await harness.tick()
    sent = await weekly_summaries(harness, rae)
    local = [datetime.fromtimestamp(int(str(m["date"])), ZoneInfo("Europe/Berlin")) for m in sent]
    assert [d.date() for d in local] == [date(2026, 10, 18), date(2026, 10, 25), date(2026, 11, 1)]
    assert {(d.hour, d.minute) for d in local} == {(19, 0)}
    # The three weekly questions; the first week of a month, but 18 days after starting: the
    # monthly question ("since you started") waits for four weeks.
    said = texts(await harness.tap(rae, "3"))
    assert "manage your usual tasks" in said
    said = texts(await harness.tap(rae, "4"))
    assert "live the way you want" in said
    said = texts(await harness.tap(rae, "5"))
    assert "See you next week" in said and "since you started" not in said
    async with harness.services.sessions() as session:
        rows = (await session.execute(select(Reflection).order_by(Reflection.kind))).scalars().all()
    answers = [
        (r.kind, r.enjoyment, r.confidence_tasks, r.confidence_life, r.overall_change) for r in rows
    ]
    assert answers == [("weekly", 3, 4, 5, None)]


async def test_weekly_summary_settings_and_turning_it_off(harness: Harness) -> None:
    sol = await setup(harness, "Sol")
    await harness.say(sol, "/settings")
    said = texts(await harness.tap(sol, "Weekly summary"))
    assert "on, Sundays at 19:00" in said
    await harness.tap(sol, "Wed")
    said = texts(await harness.tap(sol, "20:00"))
    assert "on, Wednesdays at 20:00" in said
    said = texts(await harness.tap(sol, "Turn off"))
    assert "Weekly summary</b>: off" in said or "Weekly summary: off" in said
    async with harness.services.sessions() as session:
        user = await session.get(User, sol.id)
    assert user is not None and not user.weekly_enabled and user.next_weekly_at is None
    assert (user.weekly_weekday, user.weekly_time) == (2, time(20, 0))


async def test_weekly_summary_settings_mark_the_choice_and_lay_out_the_week_then_go_back(
    harness: Harness,
) -> None:
    """The settings screen shows the week as Mon-Thu over Fri-Sun, the times on a row, then on/off
    and Back; a tick marks the chosen day and time and nothing else. Back returns to the settings
    menu, and a tap on the old screen after deleting everything only says to /start."""
    sol = await setup(harness, "Sol")
    await harness.say(sol, "/settings")
    [screen] = await harness.tap(sol, "Weekly summary")
    screen = harness.emu.current(screen)
    rows = [[b["text"] for b in row] for row in screen["reply_markup"]["inline_keyboard"]]
    assert rows == [
        ["Mon", "Tue", "Wed", "Thu"],
        ["Fri", "Sat", "✅ Sun"],
        ["17:00", "18:00", "✅ 19:00", "20:00", "21:00"],
        ["Turn off", "Back"],
    ], rows
    said = texts(await harness.tap(sol, "Back"))
    assert "Your settings" in said and "Tap what you'd like to change" in said, said
    [back] = [data for label, data in buttons(screen) if label == "Back"]
    await harness.say(sol, "/delete")
    await harness.tap(sol, "Yes, delete everything")
    await harness.tap(sol, "Delete now")
    await harness.tap_data(sol, screen, back)
    assert "send /start" in harness.popups()[-1], harness.popups()


async def test_export_before_ever_starting_says_there_is_nothing_yet(harness: Harness) -> None:
    said = texts(await harness.say(harness.emu.user("Nia"), "/export"))
    assert "nothing to export yet" in said, said


async def add_years_of_checkins(harness: Harness, user_id: int, count: int) -> None:
    now = harness.clock.now()
    first = date(2023, 1, 1)
    async with harness.services.transaction() as session:
        for i in range(count):
            session.add(CheckIn(
                user_id=user_id, local_date=first + timedelta(days=i), pain=i % 11,
                flare="yes" if i % 17 == 0 else "no", interference=(i * 3) % 11,
                energy=(i * 7) % 11, sleep=(i * 5) % 11, movement=MOVES[i % 4],
                note=f"day {i}, ünïcode ✓, \"quoted\", comma" if i % 9 == 0 else None,
                note_done=True, path="full", completed_at=now, created_at=now, updated_at=now,
            ))  # fmt: skip


async def test_export_round_trips_and_the_summary_is_a_one_page_pdf(harness: Harness) -> None:
    tom = await setup(harness, "Tom")
    said = texts(await harness.say(tom, "/export"))
    assert "nothing to export" in said
    await add_years_of_checkins(harness, tom.id, 1200)
    await live_a_day(harness, tom, 4, "No")
    outputs = await harness.say(tom, "/export")
    documents = [harness.emu.file(m) for m in outputs if "document" in m]
    assert [d.file_name.split("-")[1] for d in documents] == ["checkins", "summary"]
    text = documents[0].data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    async with harness.services.sessions() as session:
        stored = (await session.execute(
            select(CheckIn).where(CheckIn.user_id == tom.id).order_by(CheckIn.local_date)
        )).scalars().all()  # fmt: skip
        plans = {p.local_date: p for p in (await session.execute(select(DayPlan))).scalars()}
    assert len(rows) == len(stored) == 1201

    def cell(value: object) -> str:
        return "" if value is None else str(value)

    for row, check, following in zip(rows, stored, [*stored[1:], None], strict=True):
        assert row["date"] == check.local_date.isoformat()
        for field in ("pain", "flare", "interference", "energy", "sleep", "note", "path"):
            assert row[field] == cell(getattr(check, field)), (field, row)
        # "Since your last check-in": the next check-in's answer, on the day it is about.
        assert row["movement"] == cell(following.movement if following else None), row
        plan = plans.get(check.local_date)
        assert row["goal_minutes"] == cell(plan.goal_minutes if plan else None)
    pdf = documents[1].data
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1  # one page


async def rows_about(harness: Harness, user_id: int) -> dict[str, int]:
    """Rows referencing the person, in every table of the schema (new tables included)."""
    counts: dict[str, int] = {}
    async with harness.services.sessions() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                points_at_user = any(fk.column.table.name == "users" for fk in column.foreign_keys)
                if (
                    points_at_user
                    or column.name in ("user_id", "member_id")
                    or (table.name == "users" and column.name == "id")
                ):
                    count = await session.scalar(
                        select(func.count()).select_from(table).where(column == user_id)
                    )
                    counts[f"{table.name}.{column.name}"] = int(count or 0)
    return counts


async def test_delete_needs_two_steps_and_leaves_nothing(harness: Harness) -> None:
    una = await setup(harness, "Una")
    await add_years_of_checkins(harness, una.id, 1000)
    await live_a_day(harness, una, 3, "No")
    await harness.say(una, "my back pain is worse at night")  # a safety event row too
    said = texts(await harness.say(una, "/delete"))
    assert "can't be undone" in said
    said = texts(await harness.tap(una, "No, keep"))
    assert "Nothing was deleted" in said
    assert sum((await rows_about(harness, una.id)).values()) > 1000
    await harness.say(una, "/delete")
    said = texts(await harness.tap(una, "Yes, delete everything"))
    assert "Last check" in said
    final = harness.last_with_buttons(una)
    assert final is not None
    [sent] = [data for label, data in buttons(final) if "Delete now" in label]
    said = texts(await harness.tap(una, "Delete now"))
    assert "1001 check-ins" in said and "deleted" in said
    assert all(v == 0 for v in (await rows_about(harness, una.id)).values())
    # The same confirmation tapped again after deletion gets a popup; /start begins anew.
    await harness.tap_data(una, final, sent)
    assert "don't hold any data" in harness.popups()[-1]
    said = texts(await harness.say(una, "/start"))
    assert "Four quick set-up questions" in said


async def test_privacy_says_what_is_stored(harness: Harness) -> None:
    vi = harness.emu.user("Vi")
    said = texts(await harness.say(vi, "/privacy"))
    assert "What I store" in said and "/export" in said and "/delete" in said


async def test_movement_counts_for_the_day_it_is_about_and_the_pain_line_has_gaps(
    harness: Harness,
) -> None:
    """The check-in's "since your last check-in, did you do your movement?" reports on the day
    of the last check-in; a day without a check-in stays missed and leaves a gap in the pain
    line, not a bridge."""
    pia = await setup(harness, "Pia")  # Monday 1 June, Berlin: set up, no check-in
    await live_a_day(harness, pia, 3, "No", done=False, movement="Yes")  # Tue: no check-in before
    await live_a_day(harness, pia, 5, "No", done=False, movement="No")  # Wed: Tue missed
    harness.clock.advance(timedelta(days=1))  # Thursday: no check-in at all
    await live_a_day(harness, pia, 6, "No", done=True, movement="Some")  # Fri: about Wed
    outputs = await harness.say(pia, "/progress")
    [photo] = [m for m in outputs if "photo" in m]
    caption = str(photo.get("caption"))
    assert "2 of the last 7 days" in caption, caption  # Wednesday and Friday
    async with harness.services.sessions() as session:
        user = await session.get(User, pia.id)
        assert user is not None
        today = date(2026, 6, 5)
        data, summary = await reports.load(session, user, today)
    moved = [p.date.day for p in data.days if p.moved]
    assert moved == [3, 5]
    assert data.days_moved_week == summary.days_moved == 2
    pain = dict(zip([p.date.day for p in data.days], pain_series(data), strict=True))
    assert (pain[2], pain[3], pain[5]) == (3, 5, 6) and math.isnan(pain[4])
    # The clinician's page counts the 5 days since joining, not four weeks.
    assert (summary.start, summary.days, summary.checkins) == (date(2026, 6, 1), 5, 3)


async def test_the_days_every_surface_reads_come_one_per_date_with_no_goal_where_no_plan(
    harness: Harness,
) -> None:
    """bot.usecases.days: each local date once, in order, from the day the person joined; a
    day without a plan (the day of joining here) has no goal minutes, a planned day its own."""
    rae = await setup(harness, "Rae")
    await live_a_day(harness, rae, 3, "No")
    async with harness.services.sessions() as session:
        user = await session.get(User, rae.id)
        assert user is not None
        joined = joined_on(user)
        shown = await days(session, user, joined - timedelta(days=3), joined + timedelta(days=2))
    assert [d.date for d in shown] == [joined + timedelta(days=n) for n in range(3)]
    assert (shown[0].decided, shown[0].goal_minutes) == (None, 0)
    assert shown[1].decided not in (None, "safety", "rest") and shown[1].goal_minutes > 0
    assert (shown[0].moved, shown[0].on_plan) == (False, False)
    assert (shown[1].moved, shown[1].on_plan) == (True, True)  # "Done" on the day's plan
    assert (shown[2].decided, shown[2].goal_minutes) == (None, 0)


async def test_the_weekly_summary_has_a_chart_once_there_is_enough_and_a_caption_that_fits(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rae has checked in four days: her summary is the chart with the look back, the week's
    numbers and the first question as its caption; one that would not fit Telegram's caption
    limit drops the look back, and one exactly at the limit is kept whole. Sam, new, gets the
    kind words and the question, with no chart."""
    from bot.usecases import weekly

    rae = await setup(harness, "Rae")
    for pain in (3, 4, 5, 3):
        await live_a_day(harness, rae, pain, "No")
    sam = harness.emu.user("Sam")
    await onboard(harness, sam)
    today = harness.clock.now().date()
    claim = weekly.WeeklyClaim(rae.id, rae.id, today, 0)
    full = await weekly.summary(harness.services, claim)
    assert full is not None and full.png is not None and full.png.startswith(PNG_MAGIC)
    assert "Your week" in full.text
    monkeypatch.setattr(weekly, "CAPTION_LIMIT", len(full.text))
    kept = await weekly.summary(harness.services, claim)
    assert kept is not None and kept.text == full.text
    monkeypatch.setattr(weekly, "CAPTION_LIMIT", len(full.text) - 1)
    short = await weekly.summary(harness.services, claim)
    assert short is not None and "Your week" not in short.text and full.text.endswith(short.text)
    new = await weekly.summary(harness.services, weekly.WeeklyClaim(sam.id, sam.id, today, 0))
    assert new is not None and new.png is None and "Your week" in new.text


async def test_the_day_reader_reads_in_two_statements_however_many_days_and_people(
    harness: Harness,
) -> None:
    """bot.usecases.days for eight weeks of one person, or a group's members, costs two SQL
    statements (never one a day); the weekly summary adds only the person."""
    from sqlalchemy import event

    from bot.usecases import weekly
    from bot.usecases.days import days_of

    rae = await setup(harness, "Rae")
    for pain in (3, 4, 5, 3):
        await live_a_day(harness, rae, pain, "No")
    await harness.say(rae, "too tired today")
    sam = harness.emu.user("Sam")
    await onboard(harness, sam)
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        # Only the person's data: the bot's own loops (its inbox) and a new connection's
        # set-up (PostgreSQL's version and schema) run meanwhile.
        if any(f"FROM {table}" in statement for table in PERSON_TABLES):
            seen.append(statement.split(None, 1)[0].upper())

    engine = harness.services.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        async with harness.services.sessions() as session:
            user = await session.get(User, rae.id)
            assert user is not None
            today = harness.clock.now().date()
            seen.clear()
            shown = await days(session, user, today - timedelta(days=56), today)
            assert len(seen) == 2 and len(shown) == 5, seen  # since joining
            other = await session.get(User, sam.id)
            assert other is not None
            seen.clear()
            both = await days_of(session, [user, other], today - timedelta(days=56), today)
            assert len(seen) == 2 and both[user.id] == shown and len(both[sam.id]) == 1, seen
        seen.clear()
        sent = await weekly.summary(harness.services, weekly.WeeklyClaim(rae.id, rae.id, today, 0))
        assert sent is not None and len(seen) == 3, seen  # the person, then their days
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def test_a_typed_word_on_a_weekly_question_gets_a_hint_and_an_interruption_gets_it_again(
    harness: Harness,
) -> None:
    """While a weekly question is open: a word that is no answer gets the short hint and the
    question again; a message understood otherwise gets its own reply, then the question."""
    harness.clock.set(datetime(2026, 10, 14, 5, tzinfo=UTC))
    rae = harness.emu.user("Rae")
    for says in ("/start", "Berlin", "9:00"):
        await harness.say(rae, says)
    for _ in range(2):
        await harness.tap(rae, "Skip")
    await harness.tap(rae, "Done")
    while harness.clock.now() < datetime(2026, 10, 18, 17, 30, tzinfo=UTC):
        harness.clock.advance(timedelta(minutes=30))
        await harness.tick()
    assert len(await weekly_summaries(harness, rae)) == 1
    await harness.say(rae, "/cancel")  # the day's unanswered check-in prompt, if still open
    question = "get in the way of enjoying life"
    said = texts(await harness.say(rae, "banana"))
    assert "No rush, and any answer is fine" in said and question in said, said
    said = texts(await harness.say(rae, "can i do more today"))
    assert "No rush" not in said and said.count(question) == 1, said
    said = texts(await harness.tap(rae, "3"))
    assert "manage your usual tasks" in said


async def test_a_weekly_question_tapped_too_late_or_after_deletion_changes_nothing(
    harness: Harness, content: Content
) -> None:
    """A weekly question's buttons work for MONTHLY_WITHIN_DAYS days: tapped a day later they
    say those questions were for an earlier week and store nothing; tapped by someone whose
    data is gone, they store nothing and create no one."""
    harness.clock.set(datetime(2026, 10, 14, 5, tzinfo=UTC))
    rae = harness.emu.user("Rae")
    for says in ("/start", "Berlin", "9:00"):
        await harness.say(rae, says)
    for _ in range(2):
        await harness.tap(rae, "Skip")
    await harness.tap(rae, "Done")
    while harness.clock.now() < datetime(2026, 10, 18, 17, 30, tzinfo=UTC):
        harness.clock.advance(timedelta(minutes=30))
        await harness.tick()
    [summary] = await weekly_summaries(harness, rae)
    harness.clock.advance(timedelta(days=MONTHLY_WITHIN_DAYS + 1))
    query = await harness.emu.tap_button(rae, harness.emu.current(summary), "3")
    await harness.settle()
    answer = harness.emu.answer_for(query)
    assert answer is not None and answer.text == content.render("weekly.closed"), answer
    async with harness.services.sessions() as session:
        assert (await session.execute(select(Reflection))).scalars().all() == []
    async with harness.services.transaction() as session:
        await session.execute(delete(User).where(User.id == rae.id))
    harness.clock.set(datetime(2026, 10, 18, 18, tzinfo=UTC))
    query = await harness.emu.tap_button(rae, harness.emu.current(summary), "3")
    await harness.settle()
    answer = harness.emu.answer_for(query)
    assert answer is not None and not answer.text, answer
    async with harness.services.sessions() as session:
        assert (await session.execute(select(Reflection))).scalars().all() == []
        assert await session.get(User, rae.id) is None
