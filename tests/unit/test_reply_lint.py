"""Lint every rendered plan reply over generated persons, days and local times of day.

Each reply is checked for: its word limit by day type (flare <= 80), no sentence said twice, no
activity the person did not choose, time-of-day words that fit the local hour, flare days with
2-3 option buttons, no see-a-doctor text as the tip, and no text repeated within 14 days.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from types import SimpleNamespace
from typing import Any, cast

import pytest

from bot.db.models import DayPlan, User
from bot.domain.rules import DayRecord, History, PastDecision, Profile
from bot.domain.rules.selection import FRESH_DAYS, moment_of
from bot.services import Services
from bot.usecases import planning
from bot.views.content import Content, load_content

START = dt.date(2026, 3, 2)
DAYS = 42
WORD_LIMITS = {"flare": 80, "tough": 140, "steady": 160, "good": 160}
PERSONAS: tuple[tuple[tuple[str, ...], str | None, tuple[str, ...]], ...] = (
    ((), None, ()),
    (("yoga",), "after breakfast", ("neck",)),
    (("walking",), "before dinner", ()),
    (("bike", "water"), None, ("sleep",)),
    (("taichi", "stretching", "yoga"), "after my shower", ("headache", "stress")),
    (("water",), "after lunch", ()),
    (("walking", "yoga", "bike", "water", "stretching", "taichi"), None, ("upper_back",)),
    (("stretching",), "after my morning drink", ("sleep",)),
)
# A mention of each activity as something to do (water walking is water exercise).
MENTIONS = {
    "walking": re.compile(r"(?<!water )\bwalk(s|ing|ed)?\b", re.I),
    "bike": re.compile(r"\b(bike|cycling|pedal\w*)\b", re.I),
    "yoga": re.compile(r"\byoga\b", re.I),
    "water": re.compile(r"\b(pool|swim\w*|aqua|water exercise|warm water)\b", re.I),
    "stretching": re.compile(r"\bstretching\b", re.I),
    "taichi": re.compile(r"\b(tai chi|qigong)\b", re.I),
}
# Time-of-day words and the local moments they fit.
TIME_PHRASES = {
    "this morning": {"morning"},
    "good morning": {"morning"},
    "after breakfast": {"morning"},
    "morning drink": {"morning"},
    "before mid-afternoon": {"morning"},
    "before lunch": {"morning"},
    "after lunch": {"morning", "afternoon"},
    "this afternoon": {"morning", "afternoon"},
    "this evening": {"morning", "afternoon", "evening"},
    "before dinner": {"morning", "afternoon", "evening"},
    "it's late": {"late"},
}
_TAG = re.compile(r"<[^>]+>")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def plain(text: str) -> str:
    return " ".join(_TAG.sub(" ", text).split())


def sentences(text: str) -> list[str]:
    found = (" ".join(s.lower().split()).strip(" .!?") for s in _SENTENCE.findall(plain(text)))
    return [s for s in found if s]


def scenario(rng: random.Random, n: int) -> DayRecord:
    date = START + dt.timedelta(days=n)
    roll = rng.random()
    move = rng.choice(("yes", "some", "no", "rest"))
    if roll < 0.12:
        return DayRecord(date, pain=rng.choice((7, 8, 9)), flare="yes")
    if roll < 0.25:
        return DayRecord(date, 5, 5, 4, 2, move, "no")  # poor sleep: tough
    if roll < 0.40:
        return DayRecord(date, 2, 2, 8, 7, move, "no")  # good
    return DayRecord(date, 4, 4, 5, 6, move, rng.choice(("no", "unsure")))


def simulate(content: Content, persona: int) -> list[dict[str, Any]]:
    """Render a plan reply for every day of one generated person; return what was said."""
    chosen, cue, symptoms = PERSONAS[persona]
    rng = random.Random(persona)
    services = cast(
        Services, SimpleNamespace(content=content, catalogue=planning.catalogue(content))
    )
    user = User(
        id=1000 + persona, first_name="Sam", timezone="Europe/Berlin", language_code="en",
        activities=list(chosen), cue=cue, symptom_tags=list(symptoms),
    )  # fmt: skip
    records: list[DayRecord] = []
    past: list[PastDecision] = []
    said = []
    for n in range(DAYS):
        record = scenario(rng, n)
        done = rng.random() < 0.7
        if records:
            records[-1] = DayRecord(**{**_fields(records[-1]), "done": done})
        records.append(record)
        hour = rng.randrange(24)
        moment = moment_of(hour)
        history = History(
            Profile(6, 14, tuple(chosen)), tuple(records), tuple(past), frozenset(symptoms)
        )
        decision = planning.plan_decision(services, user, history, record.date, moment)
        row = DayPlan(
            local_date=record.date, done=False, day_type=decision.day_type,
            goal_kind=decision.goal_kind, goal_minutes=decision.goal_minutes,
            level_minutes=decision.level_minutes, activity=decision.activity,
            content_keys=list(decision.content_keys),
        )  # fmt: skip
        text, markup = planning.plan_reply(services, user, decision, row, moment)
        buttons = [b for line in (markup.inline_keyboard if markup else ()) for b in line]
        movement = (
            planning.option_text(services, user, row, decision.movement_key)
            if decision.movement_key
            else ""
        )
        said.append(
            {
                "persona": persona, "date": record.date, "hour": hour, "moment": moment,
                "text": text,
                "decision": decision, "buttons": buttons, "movement": movement,
                "chosen": chosen or ("walking",), "flare_reply": planning.is_flare_reply(decision),
            }
        )  # fmt: skip
        past.append(decision.as_past())
    return said


def _fields(record: DayRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in DayRecord.__slots__}


@pytest.fixture(scope="module")
def replies() -> list[dict[str, Any]]:
    content = load_content()
    return [reply for persona in range(len(PERSONAS)) for reply in simulate(content, persona)]


def test_the_generated_days_cover_every_day_type_and_time_of_day(
    replies: list[dict[str, Any]],
) -> None:
    assert len(replies) == DAYS * len(PERSONAS)
    assert {r["decision"].content_day_type for r in replies} == set(WORD_LIMITS)
    assert {r["moment"] for r in replies} == {"morning", "afternoon", "evening", "late"}
    assert {r["decision"].goal_kind for r in replies} >= {"session", "flare_toolkit"}


def test_word_limits_by_day_type(replies: list[dict[str, Any]]) -> None:
    for r in replies:
        limit = WORD_LIMITS[r["decision"].content_day_type]
        assert len(plain(r["text"]).split()) <= limit, r["text"]


def test_no_sentence_twice_in_one_reply(replies: list[dict[str, Any]]) -> None:
    for r in replies:
        counts = Counter(sentences(r["text"]))
        assert max(counts.values()) == 1, r["text"]


def test_only_the_persons_own_activities_are_mentioned(replies: list[dict[str, Any]]) -> None:
    for r in replies:
        # The movement description is of the chosen activity by its tag; the rest is checked.
        text = plain(r["text"]).replace(plain(r["movement"]), " ")
        text += " " + " ".join(b.text for b in r["buttons"])
        assert r["decision"].activity in r["chosen"]
        for activity, pattern in MENTIONS.items():
            if activity not in r["chosen"]:
                assert not pattern.search(text), (activity, r["chosen"], text)


def test_time_of_day_words_fit_the_local_hour(replies: list[dict[str, Any]]) -> None:
    for r in replies:
        text = plain(r["text"]).lower()
        for phrase, moments in TIME_PHRASES.items():
            if phrase in text:
                assert r["moment"] in moments, (phrase, r["hour"], text)


def test_flare_days_offer_two_or_three_options_as_buttons(replies: list[dict[str, Any]]) -> None:
    flares = [r for r in replies if r["flare_reply"]]
    assert flares
    for r in flares:
        options = [b for b in r["buttons"] if ":opt:" in str(b.callback_data)]
        assert 2 <= len(options) <= 3, r["text"]
        assert "anything below" not in r["text"]


def test_no_see_a_doctor_text_as_the_daily_tip(replies: list[dict[str, Any]]) -> None:
    content = load_content()
    for r in replies:
        tip = r["decision"].tip_key
        if tip is not None:
            item = content.item(tip)
            assert "see_doctor" not in item.tags and item.category != "professional"


def test_no_text_repeats_within_14_days(replies: list[dict[str, Any]]) -> None:
    content = load_content()
    by_person: dict[int, dict[str, dt.date]] = {}
    for r in replies:
        seen = by_person.setdefault(r["persona"], {})
        for key in r["decision"].content_keys:
            kind = content.item(key).kind
            last = seen.get(key)
            if last is not None and kind in ("tip", "encouragement"):
                assert (r["date"] - last).days > FRESH_DAYS, (key, last, r["date"])
            if last is not None and kind == "movement":
                assert (r["date"] - last).days >= 3, (key, last, r["date"])  # 3 per level
            seen[key] = r["date"]
