"""Invariants where features meet, checked by a model-based test through the emulator.

A hypothesis.stateful machine plays one new person per sequence against the real bot (PTB over
HTTP, the emulator, a real database): taps on whatever buttons the bot offers, typed answers,
everyday messages, rest declared in words, a red flag and answers to the crisis question,
Done today and Rest day in a group challenge, /pause and /resume, and the clock moving on by
hours across days, in a few time zones. After
every step it checks what the issue "One coherent companion" asks:

- at most one question in one reply; every stored answer belongs to a question that was asked;
- no check-in question after a flare "Yes" that day;
- a declared rest day gets no movement goal from any surface that day;
- after a crisis reply: no check-in question, nudge or plan pressure during the pause; after
  "no, I'm safe", no crisis text for an ordinary message;
- at most one unsolicited private message at a time, and at most one prompt per local day;
- "moved on day D" and "on plan on day D" are the same in the weekly summary and chart data, the
  share page, the CSV from /export, the PDF data, the group tally and the day reader they all
  read (bot.usecases.days);
- the level never rises on a flare or tough day and stays within 2-30 minutes.

STATEFUL_EXAMPLES sets how many sequences run (default 20, steps of up to STATEFUL_STEPS=10
each); for a long run: `STATEFUL_EXAMPLES=2000 python -m pytest tests/e2e/test_stateful.py`.
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
from collections.abc import Coroutine
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import select

from bot.db.models import CheckIn, DayPlan, PromptSent, User
from bot.devtools.emulator import FakeChat, FakeUser, buttons, format_message
from bot.domain.schedule import next_due
from bot.telegram.jobs import challenges as challenge_jobs
from bot.usecases import progress as progress_case
from bot.usecases import reports
from bot.usecases.days import days, group_statuses
from tests.e2e.test_groups import create
from tests.e2e.test_groups import tap as group_tap
from tests.harness import Harness

T = TypeVar("T")
START = datetime(2026, 5, 18, 6, 0, tzinfo=UTC)  # a Monday morning in Europe
EXAMPLES = int(os.environ.get("STATEFUL_EXAMPLES", "20"))
STEPS = int(os.environ.get("STATEFUL_STEPS", "10"))

ZONES = ("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata")
QUESTIONS = {
    "pain": "How is your pain today?",
    "flare": "Does today feel like a flare?",
    "interference": "How much did pain get in the way",
    "energy": "How is your energy today?",
    "sleep": "How did you sleep last night?",
    "movement": "Since your last check-in, did you do your movement?",
}
LATER_QUESTIONS = ("interference", "energy", "sleep", "movement")
CRISIS_QUESTION = "ending your life?"
HIGH_RISK = "put some distance"
GOAL = "Today's small step"
NUDGE = "isn't marked yet"
EVERYDAY = (
    "thanks", "hi", "what should I do today?", "wat shud i do 2day", "I did my walk", "help",
    "my neck is killing me", "wait, I thought I was resting today?",
)  # fmt: skip
TYPED = ("4", "7", "yes", "no", "a bit, walked to the shops", "skip", "About the same", "Done")
REST = ("too tired today", "skip today, I'm shattered")
RED_FLAG = "honestly some days I just don't want to be here anymore"
SAFE = ("no, not like that, I'm just worn out by the pain", "no", "I'm ok")
NOT_SAFE = ("yes", "maybe")
# Taps that ask for more questions on purpose.
MORE = ("Add the other answers", "Answer again", "Check in", "Continue", "Yes, delete")


class Companion(RuleBasedStateMachine):
    """One person's days with the bot, step by random step."""

    harness: Harness
    loop: asyncio.AbstractEventLoop
    count = 0

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=120)

    # --- what the person does ------------------------------------------------------------

    @initialize(zone=st.sampled_from(ZONES), at=st.sampled_from((time(7, 30), time(9), time(20))))
    def set_up(self, zone: str, at: time) -> None:
        # Every sequence starts at the same instant with a new person, set up as onboarding
        # leaves them (written directly: onboarding has its own tests), so a replay is the same.
        Companion.count += 1
        self.harness.clock.set(START)
        self.person: FakeUser = self.harness.emu.user(f"P{Companion.count}")
        self.zone = ZoneInfo(zone)
        self.run(self._new_person(zone, at))
        self.step: list[str] = []  # what the bot said in the last step
        self.step_kind = "setup"
        self.asked: set[tuple[date, str]] = set()  # questions the bot asked, by local date
        self.more_on: set[date] = set()  # days the person asked for more questions
        self.crisis_until: datetime | None = None
        self.said_safe = False
        self.challenge: dict[str, Any] | None = None
        self._seen = len(self.harness.emu.messages(self.person))

    @rule(text=st.sampled_from(EVERYDAY))
    def everyday(self, text: str) -> None:
        self._say(text, "everyday")

    @rule(text=st.sampled_from(TYPED))
    def typed(self, text: str) -> None:
        self._say(text, "typed")

    @rule(text=st.sampled_from(REST))
    def rest(self, text: str) -> None:
        self._say(text, "rest")

    @rule()
    def checkin(self) -> None:
        self.more_on.add(self.today())
        self._say("/checkin", "asked")

    @rule(choice=st.integers(0, 20))
    def tap(self, choice: int) -> None:
        target = self.harness.last_with_buttons(self.person)
        if target is None:
            return
        options = [(label, data) for label, data in buttons(target) if data]
        if not options:
            return
        label, data = options[choice % len(options)]
        if any(word.lower() in label.lower() for word in MORE):
            self.more_on.add(self.today())
        self.run(self.harness.tap_data(self.person, target, data))
        self.step_kind = "tap"
        self._collect(self.harness.emu.current(target))

    @rule()
    def red_flag(self) -> None:
        self._say(RED_FLAG, "red_flag")
        if any(CRISIS_QUESTION in said for said in self.step):
            self.said_safe = False

    @rule(safe=st.booleans(), which=st.integers(0, 2))
    def crisis_answer(self, safe: bool, which: int) -> None:
        asked = any(CRISIS_QUESTION in said for said in self.step)
        text = SAFE[which % len(SAFE)] if safe else NOT_SAFE[which % len(NOT_SAFE)]
        self._say(text, "crisis_answer")
        if asked and safe:
            self.said_safe = True

    @rule(done=st.booleans())
    def group_tap(self, done: bool) -> None:
        """Done today or Rest day in a group challenge (made on first use, with the person's
        own group)."""
        if self.challenge is None:
            group = self.harness.emu.group(f"G{Companion.count}", bot_member=False,
                                           owner=self.person)  # fmt: skip
            self.run(self._group_challenge(group))
        assert self.challenge is not None
        self.run(group_tap(self.harness, self.person, self.challenge,
                           "Done today" if done else "Rest day"))  # fmt: skip
        self.step_kind = "group"
        self._collect()

    @rule(paused=st.booleans())
    def pause(self, paused: bool) -> None:
        self._say("/pause" if paused else "/resume", "command")

    @rule(hours=st.integers(1, 30))
    def later(self, hours: int) -> None:
        self.harness.clock.advance(timedelta(hours=hours))
        self.run(self.harness.tick())
        self.run(challenge_jobs.run_due(self.harness.services, self.harness.app.bot))
        self.run(self.harness.emu.idle(settle=0.02))
        self.step_kind = "tick"
        self._collect()

    # --- the invariants -------------------------------------------------------------------

    @invariant()
    def one_question_at_a_time(self) -> None:
        if not hasattr(self, "person"):
            return
        for said in self.step:
            found = [q for q, words in QUESTIONS.items() if words in said]
            found += ["crisis"] if CRISIS_QUESTION in said else []
            assert len(found) <= 1, (found, said)
        questions = [s for s in self.step if any(w in s for w in QUESTIONS.values())]
        crisis = [s for s in self.step if CRISIS_QUESTION in s]
        assert not (questions and crisis), self.step

    @invariant()
    def stored_answers_were_asked(self) -> None:
        if not hasattr(self, "person"):
            return
        for row in self.run(self._checkins()):
            if row.path == "same":
                continue
            for question in QUESTIONS:
                value = getattr(row, question)
                if value is None or (question == "movement" and value == "rest"):
                    continue
                # A question asked late in the evening may be answered after midnight: its
                # answer is stored on the new day's check-in.
                day_before = row.local_date - timedelta(days=1)
                asked = {(row.local_date, question), (day_before, question)} & self.asked
                assert asked, (row.local_date, question)

    @invariant()
    def a_flare_yes_ends_the_questions(self) -> None:
        if not hasattr(self, "person") or self.today() in self.more_on:
            return
        row = self.run(self._checkin(self.today()))
        if row is None or row.flare != "yes" or row.path != "short":
            return
        later = [q for q in LATER_QUESTIONS if any(QUESTIONS[q] in s for s in self.step)]
        assert not later, (later, self.step)

    @invariant()
    def a_rest_day_has_no_goal(self) -> None:
        if not hasattr(self, "person"):
            return
        plan = self.run(self._plan(self.today()))
        if plan is not None and plan.rest_declared:
            assert plan.goal_kind == "rest", plan.goal_kind
            assert not any(GOAL in s for s in self.step), self.step

    @invariant()
    def the_crisis_pause_holds(self) -> None:
        if not hasattr(self, "person"):
            return
        user = self.run(self._user())
        now = self.harness.clock.now()
        if any(CRISIS_QUESTION in s or "ending your life" in s for s in self.step):
            self.crisis_until = user.prompts_paused_until
        paused = self.crisis_until is not None and now < self.crisis_until
        # A check-in the person opened themselves may go on; nothing else pushes one.
        chosen = self.today() in self.more_on and self.step_kind != "tick"
        if paused and not chosen and self.step_kind in (
            "tick", "everyday", "rest", "typed", "crisis_answer",
        ):  # fmt: skip
            pushed = [s for s in self.step if QUESTIONS["pain"] in s or NUDGE in s or GOAL in s]
            assert not pushed, (self.step_kind, pushed)
        if self.said_safe and self.step_kind == "everyday":
            assert not any(HIGH_RISK in s for s in self.step), self.step

    @invariant()
    def one_unsolicited_message_and_one_prompt_a_day(self) -> None:
        if not hasattr(self, "person"):
            return
        if self.step_kind == "tick":
            assert len(self.step) <= 1, self.step
        days = [p.local_date for p in self.run(self._prompts())]
        assert len(days) == len(set(days)), days

    @invariant()
    def moved_days_agree(self) -> None:
        if not hasattr(self, "person"):
            return
        found = self.run(self._moved_everywhere())
        read = found.pop("days")
        for surface, shown in found.items():
            assert shown == read, (surface, shown, read)

    @invariant()
    def levels_stay_in_range_and_never_rise_on_hard_days(self) -> None:
        if not hasattr(self, "person"):
            return
        plans = sorted(self.run(self._plans()), key=lambda p: p.local_date)
        for before, plan in zip([None, *plans], plans, strict=False):
            assert 2 <= plan.level_minutes <= 30, plan.level_minutes
            if before is not None and plan.day_type in ("flare", "tough"):
                assert plan.level_minutes <= before.level_minutes, (plan.local_date, plan.day_type)

    # --- helpers --------------------------------------------------------------------------

    def today(self) -> date:
        return self.harness.clock.now().astimezone(self.zone).date()

    def _say(self, text: str, kind: str) -> None:
        self.run(self.harness.say(self.person, text))
        self.step_kind = kind
        self._collect()

    def _collect(self, tapped: dict[str, Any] | None = None) -> None:
        """What the bot said since the last step (and the tapped message as it is now)."""
        messages = self.harness.emu.messages(self.person)
        fresh = messages[self._seen :]
        self._seen = len(messages)
        edited = tapped is not None and tapped.get("edit_date") and tapped not in fresh
        outputs = fresh + ([tapped] if tapped is not None and edited else [])
        self.step = [format_message(m) for m in outputs]
        for message in outputs:
            when = datetime.fromtimestamp(int(message.get("edit_date") or message["date"]))
            day = when.astimezone(self.zone).date()
            for question, words in QUESTIONS.items():
                if words in format_message(message):
                    self.asked.add((day, question))

    async def _group_challenge(self, group: FakeChat) -> None:
        await self.harness.emu.add_to_group(self.person, group)
        await self.harness.settle()
        self.challenge = await create(self.harness, self.person, group)

    async def _new_person(self, zone: str, at: time) -> None:
        now = self.harness.clock.now()
        async with self.harness.services.transaction() as session:
            session.add(User(
                id=self.person.id, chat_id=self.person.id, first_name=self.person.first_name,
                timezone=zone, checkin_time=at, bad_day_minutes=6, good_day_minutes=14,
                activities=["walking"], symptom_tags=[], onboarded=True,
                next_prompt_at=next_due(now, at, ZoneInfo(zone)), created_at=now, updated_at=now,
            ))  # fmt: skip

    async def _user(self) -> User:
        async with self.harness.services.sessions() as session:
            user = await session.get(User, self.person.id)
            assert user is not None
            return user

    async def _checkins(self) -> list[CheckIn]:
        async with self.harness.services.sessions() as session:
            found = await session.execute(select(CheckIn).where(CheckIn.user_id == self.person.id))
            return list(found.scalars())

    async def _checkin(self, day: date) -> CheckIn | None:
        return next((c for c in await self._checkins() if c.local_date == day), None)

    async def _plans(self) -> list[DayPlan]:
        async with self.harness.services.sessions() as session:
            found = await session.execute(select(DayPlan).where(DayPlan.user_id == self.person.id))
            return list(found.scalars())

    async def _plan(self, day: date) -> DayPlan | None:
        return next((p for p in await self._plans() if p.local_date == day), None)

    async def _prompts(self) -> list[PromptSent]:
        async with self.harness.services.sessions() as session:
            found = await session.execute(
                select(PromptSent).where(PromptSent.user_id == self.person.id)
            )
            return list(found.scalars())

    async def _moved_everywhere(self) -> dict[str, dict[date, tuple[bool, bool]]]:
        """Moved and on plan by day since joining (four weeks at most), as the day reader reads
        them and as /progress and the weekly summary (chart data), the share page and the PDF's
        period, the PDF's counts, the group tally and the CSV from /export show them."""
        today = self.today()
        async with self.harness.services.sessions() as session:
            user = await session.get(User, self.person.id)
            assert user is not None
            data, summary = await reports.load(session, user, today)
            start = summary.start
            read = {d.date: (d.moved, d.on_plan) for d in await days(session, user, start, today)}
            chart = {p.date: (p.moved, p.on_plan) for p in data.days if p.date >= start}
            period = await reports.load_trends(session, user, today, 4)
            shared = {d.date: (d.moved, d.on_plan) for d in period.days}
            found = (await group_statuses(session, [user], start, today))[user.id]
            tally = {d: (found.get(d) == "moved", d in found) for d in read}
        # The PDF's counts are the read days' counts (its chart is the chart's data).
        counts = (summary.days_moved, summary.days_on_plan)
        assert counts == (sum(m for m, _ in read.values()), sum(o for _, o in read.values()))
        sheet = dict.fromkeys(read, (False, False))
        export = await progress_case.export(self.harness.services, self.person.id)
        text = export.files[0].data.decode("utf-8-sig") if export.files else ""
        for row in csv.DictReader(io.StringIO(text)):
            day = date.fromisoformat(row["date"])
            moved = row["moved"] == "yes"
            # The row's own words say the same: Done, "yes"/"some" about it, or the group's Done.
            said = (
                row["goal_done"] == "yes" or row["group"] == "moved"
                or row["movement"] in ("yes", "some")
            )  # fmt: skip
            assert moved == said, row
            if day in sheet:
                sheet[day] = (moved, row["on_plan"] == "yes")
        return {"days": read, "chart": chart, "share page": shared, "tally": tally, "csv": sheet}


async def test_features_agree_in_any_order(harness: Harness) -> None:
    """The machine runs in a worker thread; the bot keeps running on this event loop."""
    from hypothesis.stateful import run_state_machine_as_test

    Companion.harness = harness
    Companion.loop = asyncio.get_running_loop()
    config = settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None, derandomize=True,
        database=None, suppress_health_check=list(HealthCheck),
    )  # fmt: skip
    await asyncio.to_thread(run_state_machine_as_test, Companion, settings=config)
