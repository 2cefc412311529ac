"""`smallsteps bench personas`: 12 weeks of the rules for a few typical people (no emulator).

Each persona is a fixed, seeded 12-week history of check-ins and Done taps, fed day by day through
`decide()` as the chat layer does (each decision is stored and seeds the next). Content choice
does not change levels, so an empty catalogue is used. Printed: each persona's weekly curve of
the level (minutes) at the start and at the end of every week, with the lowest and highest goal
on that week's non-flare session days; as a text table, or as JSON with --json.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from collections.abc import Callable, Sequence

from bot.domain.rules import DayRecord, Decision, History, PastDecision, Profile, decide
from bot.domain.rules.types import FlareAnswer, MovementAnswer

from .common import JSON

WEEKS = 12
START = dt.date(2026, 6, 1)  # a Monday
SEED = 2026
PROFILE = Profile(bad_day_minutes=6, good_day_minutes=14, activities=("walking",))

# What one day is like: the kind of day, whether the person moves, and the check-in path.
Kind = str  # "steady", "good", "flare"


@dataclasses.dataclass(frozen=True, slots=True)
class Day:
    """One scripted day: its kind, and whether the planned session happens."""

    kind: Kind
    moves: bool = True


@dataclasses.dataclass(frozen=True, slots=True)
class Persona:
    """A named way of living 12 weeks."""

    key: str
    title: str
    days: Callable[[random.Random], list[Day]]


def _steady_improver(rng: random.Random) -> list[Day]:
    """Steady days becoming good ones; a session most days, a planned rest now and then."""
    out = []
    for n in range(WEEKS * 7):
        good_share = 0.2 + 0.5 * n / (WEEKS * 7)
        kind = "good" if rng.random() < good_share else "steady"
        out.append(Day(kind, moves=rng.random() > 0.1))
    return out


def _flare_every(first: int, gaps: Sequence[int]) -> Callable[[random.Random], list[Day]]:
    """One-day flares on a schedule, steady and good days between, every session done."""

    def days(rng: random.Random) -> list[Day]:
        flares = {first}
        n = first
        while n < WEEKS * 7:
            n += rng.choice(gaps)
            flares.add(n)
        return [
            Day("flare") if n in flares else Day("good" if rng.random() < 0.25 else "steady")
            for n in range(WEEKS * 7)
        ]

    return days


def _short_flares_good_adherence(rng: random.Random) -> list[Day]:
    """A one-day flare every 5-10 days, steady or good days between, two-thirds of the other
    days' sessions done (the issue's "realistic history")."""
    flares: set[int] = set()
    n = rng.randint(2, 6)
    while n < WEEKS * 7:
        flares.add(n)
        n += rng.randint(5, 10)
    return [
        Day("flare", moves=rng.random() < 0.5) if n in flares
        else Day("good" if rng.random() < 0.3 else "steady", moves=rng.random() < 2 / 3)
        for n in range(WEEKS * 7)
    ]  # fmt: skip


def _frequent_misses(rng: random.Random) -> list[Day]:
    """No flares; the weekend's two sessions missed most weeks, and a stray miss midweek."""
    out = []
    for n in range(WEEKS * 7):
        weekend = n % 7 in (5, 6)
        misses = (weekend and rng.random() < 0.75) or rng.random() < 0.1
        out.append(Day("good" if rng.random() < 0.3 else "steady", moves=not misses))
    return out


PERSONAS: tuple[Persona, ...] = (
    Persona("steady_improver", "Steady improver", _steady_improver),
    Persona(
        "weekly_flarer",
        "Weekly flarer (a one-day flare every 6-8 days)",
        _flare_every(4, (6, 7, 7, 8)),
    ),
    Persona(
        "flare_every_5_days",
        "Flare every 5 days, good days between",
        _flare_every(3, (5,)),
    ),
    Persona(
        "weekly_short_flare_good_adherence",
        "Weekly short flare, good adherence (a flare every 5-10 days, 2/3 of sessions done)",
        _short_flares_good_adherence,
    ),
    Persona("frequent_misses", "Frequent misses (most weekends missed)", _frequent_misses),
)


def records(script: Sequence[Day], rng: random.Random) -> list[DayRecord]:
    """Check-ins as the chat layer stores them: flare days take the two-tap short path.

    The movement answer reports on the day before; a Done tap marks a session on its own day.
    """
    out: list[DayRecord] = []
    for n, today in enumerate(script):
        date = START + dt.timedelta(days=n)
        yesterday = script[n - 1] if n else None
        moved: MovementAnswer | None = None
        if yesterday is not None:
            moved = "yes" if yesterday.moves else "no"
            if yesterday.kind == "flare":
                moved = "some" if yesterday.moves else "rest"
        done = today.moves and today.kind != "flare"
        if today.kind == "flare":
            flare: FlareAnswer = "yes"
            out.append(DayRecord(date, pain=7, flare=flare, done=today.moves))
            continue
        # Good: a point below the usual pain with more energy; steady: the usual ratings.
        pain, energy = (3, 6) if today.kind == "good" else (4, 5)
        out.append(
            DayRecord(
                date,
                pain=pain,
                interference=pain,
                energy=energy,
                sleep=rng.choice((5, 6, 7)),
                movement=moved,
                flare="no",
                done=done,
            )
        )
    return out


def simulate(persona: Persona, seed: int = SEED) -> list[Decision]:
    """Decide every day of the persona's 8 weeks, storing each decision for the next."""
    rng = random.Random(f"{seed}:{persona.key}")
    days: list[DayRecord] = []
    stored: list[PastDecision] = []
    out: list[Decision] = []
    for record in records(persona.days(rng), rng):
        days.append(record)
        history = History(profile=PROFILE, days=tuple(days), decisions=tuple(stored))
        decision = decide(history, record.date, seed, ())
        stored.append(decision.as_past())
        out.append(decision)
    return out


def weekly_curve(decisions: Sequence[Decision]) -> list[JSON]:
    """Per week: level at its start and end, goals on non-flare session days, flares, changes."""
    weeks: list[JSON] = []
    level = decisions[0].previous_level_minutes
    for week in range(WEEKS):
        chunk = decisions[week * 7 : week * 7 + 7]
        goals = [d.goal_minutes for d in chunk if d.goal_kind == "session" and not d.in_flare_mode]
        weeks.append(
            {
                "week": week + 1,
                "level_start": level,
                "level_end": chunk[-1].level_minutes,
                "plan_level_end": chunk[-1].plan_level,
                "goal_min": min(goals, default=0),
                "goal_max": max(goals, default=0),
                "flare_days": sum(d.day_type == "flare" for d in chunk),
                "increases": sum(d.level_increased for d in chunk),
                "returns": sum(d.level_restored for d in chunk),
                "lowerings": sum(d.plan_lowered for d in chunk),
            }
        )
        level = chunk[-1].level_minutes
    return weeks


def daily_line(decisions: Sequence[Decision]) -> str:
    """Each day's goal in minutes (F: flare plan), a week a group."""
    marks = [("F" if d.in_flare_mode else str(d.goal_minutes)).rjust(2) for d in decisions]
    return " | ".join(" ".join(marks[i : i + 7]) for i in range(0, len(marks), 7))


def run(seed: int = SEED) -> list[JSON]:
    """Every persona's weekly curve and daily goals."""
    results = []
    for persona in PERSONAS:
        decisions = simulate(persona, seed)
        curve = weekly_curve(decisions)
        results.append(
            {
                "persona": persona.key,
                "title": persona.title,
                "start_level": decisions[0].previous_level_minutes,
                "end_level": decisions[-1].level_minutes,
                "weeks": curve,
                "daily_goals": daily_line(decisions),
            }
        )
    return results


def table(results: Sequence[JSON]) -> str:
    """The curves as a plain-text table, one block per persona."""
    lines: list[str] = []
    for result in results:
        lines.append(f"{result['title']} ({result['persona']})")
        lines.append("  week  level start->end  goals (non-flare)  flares  +  back  lowered")
        for w in result["weeks"]:
            goals = f"{w['goal_min']}-{w['goal_max']}" if w["goal_max"] else "-"
            lines.append(
                f"  {w['week']:>4}  {w['level_start']:>5} -> {w['level_end']:<5}    "
                f"{goals:>9}          {w['flare_days']:>3}  {w['increases']:>2} "
                f"{w['returns']:>4}  {w['lowerings']:>7}"
            )
        lines.append(f"  daily goals (F = flare plan): {result['daily_goals']}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(*, as_json: bool = False, seed: int = SEED) -> list[JSON]:
    """Print the personas' curves: a text table, or one JSON document with `as_json`."""
    results = run(seed)
    if as_json:
        print(json.dumps({"benchmark": "personas", "weeks": WEEKS, "personas": results}, indent=2))
    else:
        print(table(results), end="")
    return results
