"""Where features meet: the crisis conversation, rest, flares, the check-in's words, the weekly
and monthly questions, read as one person's day. Each test is a dialogue from a report of what a
new user saw; each row is (person does, the reply must contain, the reply must not contain).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from datetime import timedelta

from sqlalchemy import select

from bot.db.models import CheckIn, DayPlan, Reflection, User
from bot.devtools.emulator import FakeUser
from tests.harness import Harness, onboard, talk, texts

HIGH_RISK = ("act on these thoughts", "put some distance")
PAIN_QUESTION = "How is your pain"
WHERE_WE_WERE = "here's where we were"
FALLBACK = "Here's what I can do"
NOT_CAUGHT = "I didn't catch that"
WALK = "Today's small step"


async def checkin_row(h: Harness, person: FakeUser, days_ago: int = 0) -> CheckIn | None:
    """The person's check-in row of a local date (today by default)."""
    async with h.services.sessions() as session:
        user = await session.get(User, person.id)
        assert user is not None
        from bot.usecases.checkin import today_for

        day = today_for(h.services, user) - timedelta(days=days_ago)
        return await session.scalar(
            select(CheckIn).where(CheckIn.user_id == person.id, CheckIn.local_date == day)
        )


async def plan_row(h: Harness, person: FakeUser) -> DayPlan | None:
    """Today's stored plan."""
    async with h.services.sessions() as session:
        user = await session.get(User, person.id)
        assert user is not None
        from bot.usecases.checkin import today_for

        day = today_for(h.services, user)
        return await session.scalar(
            select(DayPlan).where(DayPlan.user_id == person.id, DayPlan.local_date == day)
        )


async def test_finding_1_after_i_am_safe_ordinary_messages_get_ordinary_replies(
    harness: Harness,
) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin, "Europe/London")
    await harness.tap(robin, "Check in now")
    await talk(harness, robin, [
        ("honestly some days I just don't want to be here anymore",
         ("ending your life", "116 123"), ()),
        ("no, not like that, I'm just worn out by the pain", ("glad",), HIGH_RISK),
        ("wat shud i do 2day", (), HIGH_RISK),
        ("what should I do today?", ("paused",), HIGH_RISK),
        # Check-ins stay paused: thanks is thanks, not a push back into the questions.
        ("thanks", (), (PAIN_QUESTION, WHERE_WE_WERE)),
    ], never=(PAIN_QUESTION, WALK))  # fmt: skip
    # The person may open the check-in themselves; an interruption then is answered, and the
    # question is not pushed again during the pause (found by tests/e2e/test_stateful.py).
    await talk(harness, robin, [
        ("/checkin", (PAIN_QUESTION,), ()),
        ("thanks", (), (PAIN_QUESTION, WHERE_WE_WERE)),
    ])  # fmt: skip
    # Distress is still answered first, at any time in the window.
    await talk(harness, robin, [("i can't go on", ("116 123",), ())])


async def test_finding_2_a_flare_yes_ends_the_check_in_after_a_rest_day(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [("too tired today", ("Rest it is",), ())])
    harness.clock.advance(timedelta(days=1))
    await harness.say(robin, "/checkin")
    await harness.tap(robin, "8")
    said = texts(await harness.tap(robin, "Yes"))
    assert "Today is saved" in said and "get in the way" not in said, said
    row = await checkin_row(harness, robin)
    assert row is not None and (row.pain, row.flare, row.path) == (8, "yes", "short")
    assert row.completed_at is not None and row.interference is None


async def test_finding_3_rest_declared_in_words_holds_for_the_whole_day(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [("too tired today", ("Rest it is",), ())])
    await harness.say(robin, "/checkin")
    for label in ("4", "No", "3", "5", "6", "No"):
        await harness.tap(robin, label)
    said = texts(await harness.tap(robin, "Skip"))
    assert "rest" in said.lower() and WALK not in said, said
    plan = await plan_row(harness, robin)
    assert plan is not None and plan.goal_kind == "rest"
    await talk(harness, robin, [
        ("/today", ("rest",), (WALK,)),
        ("what should I do today?", ("rest",), (WALK,)),
        ("wait, I thought I was resting today?", ("resting today",), ("Rest it is",)),
    ])  # fmt: skip


async def test_rest_declared_in_the_middle_of_the_check_in_is_a_rest_not_a_rating(
    harness: Harness,
) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await harness.say(robin, "/checkin")
    await talk(harness, robin, [
        ("too tired today", ("Rest it is", PAIN_QUESTION), ("sounds like about",)),
    ])  # fmt: skip
    for label in ("4", "No", "3", "5", "6", "No"):
        await harness.tap(robin, label)
    said = texts(await harness.tap(robin, "Skip"))
    assert WALK not in said and "rest day" in said.lower(), said


async def test_finding_7_words_inside_the_check_in(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    harness.clock.advance(timedelta(days=1))
    await harness.say(robin, "/checkin")
    for label in ("4", "No", "3", "5"):
        await harness.tap(robin, label)
    said = texts(await harness.tap(robin, "6"))
    assert "did you do your movement" in said, said
    await talk(harness, robin, [
        ("a bit, walked to the shops", ("Anything else",), (NOT_CAUGHT,)),
        ("skip", (WALK,), ()),
        ("I did my walk, felt good", ("Logged",), (FALLBACK,)),
    ])  # fmt: skip
    plan = await plan_row(harness, robin)
    assert plan is not None and plan.done
    row = await checkin_row(harness, robin)
    assert row is not None and row.movement == "some"
    # "Done" on its own the next day, after the plan, logs it too.
    harness.clock.advance(timedelta(days=1))
    await harness.say(robin, "/checkin")
    for label in ("4", "No", "3", "5", "6", "Yes", "Skip"):
        await harness.tap(robin, label)
    await talk(harness, robin, [("Done", ("Logged",), (FALLBACK,))])
    plan = await plan_row(harness, robin)
    assert plan is not None and plan.done


async def reflections_of(h: Harness, person: FakeUser) -> list[Reflection]:
    async with h.services.sessions() as session:
        found = await session.execute(select(Reflection).where(Reflection.user_id == person.id))
        return list(found.scalars())


async def weekly_summary(h: Harness, person: FakeUser) -> str:
    """Move to the person's weekly summary (Sunday 19:00 local) and return its text."""
    for _ in range(24 * 8):
        h.clock.advance(timedelta(hours=1))
        await h.tick()
        latest = str(
            h.emu.messages(person)[-1].get("caption") or h.emu.messages(person)[-1]["text"]
        )
        if "get in the way of enjoying" in latest:
            return latest
    raise AssertionError("no weekly summary within 8 days")


async def test_finding_4_the_monthly_question_waits_28_days_and_a_typed_answer_is_kept(
    harness: Harness,
) -> None:
    # Saturday 4 April: the first Sunday summary falls in the first week of a month.
    harness.clock.advance(timedelta(days=8))
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await harness.say(robin, "/pause")
    await weekly_summary(harness, robin)
    await talk(harness, robin, [
        ("it's only been a day", ("get in the way of enjoying",), (FALLBACK,)),
        ("3", ("confident",), (FALLBACK,)),
    ])  # fmt: skip
    await harness.tap(robin, "4")
    said = texts(await harness.tap(robin, "4"))
    assert "since you started" not in said, said
    [weekly] = await reflections_of(harness, robin)
    assert (weekly.kind, weekly.enjoyment, weekly.confidence_tasks, weekly.confidence_life) == (
        "weekly", 3, 4, 4,
    )  # fmt: skip
    # Four weeks on, the first summary of May asks it, and a typed answer is stored.
    harness.clock.advance(timedelta(days=27))
    await weekly_summary(harness, robin)
    for answer in ("5", "4", "4"):
        said = texts(await harness.say(robin, answer))
    assert "since you started" in said, said
    # "0" is no answer to this one (1 = much better ... 7 = much worse): the hint, nothing kept.
    await talk(harness, robin, [
        ("0", ("No rush", "since you started"), ("Thank",)),
        ("About the same", ("Thank",), ("Steady is okay",)),
    ])  # fmt: skip
    monthly = [r for r in await reflections_of(harness, robin) if r.kind == "monthly"]
    assert [r.overall_change for r in monthly] == [4]


async def full_checkin(h: Harness, person: FakeUser, movement: str | None) -> str:
    """A full check-in by taps (pain 4, no flare, 3, 5, 6, the movement answer if asked)."""
    await h.say(person, "/checkin")
    for label in ("4", "No", "3", "5"):
        await h.tap(person, label)
    said = texts(await h.tap(person, "6"))
    if movement is not None:
        assert "did you do your movement" in said, said
        await h.tap(person, movement)
    return texts(await h.tap(person, "Skip"))


async def test_finding_5_a_missed_day_stays_missed_and_no_comparison_without_history(
    harness: Harness,
) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)  # Friday 27 March, Berlin
    said = await full_checkin(harness, robin, "No")
    assert "four weeks ago" not in said
    # Saturday: no check-in at all. Sunday: "since your last check-in" is about Friday.
    harness.clock.advance(timedelta(days=2))
    harness.clock.set(harness.clock.now().replace(hour=8))
    said = await full_checkin(harness, robin, "Yes")
    assert "four weeks ago" not in said
    await talk(harness, robin, [("skip today, I'm shattered", ("Rest it is",), ())])
    summary = await weekly_summary(harness, robin)
    assert "over 1 day" in summary and "7 of 7" not in summary, summary
    assert "four weeks ago" not in summary
    async with harness.services.sessions() as session:
        user = await session.get(User, robin.id)
        assert user is not None
        from bot.usecases import reports

        data, _ = await reports.load(session, user, harness.clock.now().date())
    assert [p.date.day for p in data.days if p.moved] == [27]
    assert [p.date.day for p in data.days if p.on_plan] == [27, 29]
    # The CSV: each movement answer on the day it is about, Saturday has no row.
    outputs = await harness.say(robin, "/export")
    [sheet] = [harness.emu.file(m) for m in outputs if "document" in m][:1]
    rows = list(csv.DictReader(io.StringIO(sheet.data.decode("utf-8-sig"))))
    assert [(r["date"], r["movement"]) for r in rows] == [
        ("2026-03-27", "yes"), ("2026-03-29", "rest"),
    ]  # fmt: skip


async def test_finding_6_the_group_counts_as_hearing_from_you_and_its_nudges_still_come(
    harness: Harness,
) -> None:
    from tests.e2e.test_groups import NUDGE_UTC, at, create, jobs, new_group, people
    from tests.e2e.test_groups import tap as group_tap

    h = harness
    h.clock.set(at(1, 6, 0))
    ana, bo = await people(h, "Ana", "Bo")  # check-ins at 09:00 in Berlin, 07:00 UTC
    family = await new_group(h, "Family", ana, bo)
    message = await create(h, ana, family)
    await group_tap(h, bo, message, "Join")
    for day in range(2, 9):
        # The private prompt goes unanswered by both; Ana taps Done in the group every day.
        h.clock.set(at(day, 7, 1))
        await h.tick()
        await group_tap(h, ana, message, "Done today")
        await jobs(h, at(day, NUDGE_UTC, 0))
        await jobs(h, at(day, NUDGE_UTC + 2, 0))
    said = texts(h.emu.messages(ana))
    assert "haven't heard from you" not in said
    assert said.count("How is your pain") >= 7  # still asked every day
    # Bo answers nothing anywhere: his private prompts back off, but the group's nudge is the
    # group's own rule, one a day.
    nudges = [m for m in h.emu.messages(bo) if "isn't marked yet" in str(m.get("text"))]
    assert len(nudges) >= 6, texts(h.emu.messages(bo))


async def test_finding_8_a_plan_grows_for_a_person_with_weekly_flares(harness: Harness) -> None:
    h = harness
    robin = h.emu.user("Robin")
    for says in ("/start", "Europe/Berlin", "09:00", "5", "15-20 minutes"):
        await h.say(robin, says)
    await h.tap(robin, "Done")
    goals: list[str] = []
    for n in range(1, 29):
        h.clock.advance(timedelta(days=1))
        await h.say(robin, "/checkin")
        if n % 7 == 4:  # a one-day flare every week: two taps
            await h.tap(robin, "7")
            await h.tap(robin, "Yes")
            continue
        for label in ("3", "No", "2", "7"):
            await h.tap(robin, label)
        said = texts(await h.tap(robin, "8"))
        if "did you do your movement" in said:
            said = texts(await h.tap(robin, "Some" if n % 7 == 5 else "Yes"))
        said = texts(await h.tap(robin, "Skip"))
        goals.extend(re.findall(r"Today's small step: (\d+) minutes", said))
        await h.tap(robin, "Done")
    levels = [int(g) for g in goals]
    assert levels[0] == 10 and max(levels) == 11, goals
    # Never more than one step at a time; after the last flare it is one step below for a few
    # calm days, on its way back to the grown level.
    assert all(abs(b - a) <= 1 for a, b in itertools.pairwise(levels)), goals
    plan = await plan_row(h, robin)
    assert plan is not None and max(plan.level_minutes, plan.pre_flare_level or 0) == 11
