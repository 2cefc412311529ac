"""Group buddy challenges, the pure part: calendar, who turned up, tallies and summaries.

A challenge celebrates turning up. Each member is measured against their own plan only, with
the same definition as their private numbers (bot.domain.progress.day_status): any movement
they report counts, a flare-adjusted session counts, a planned rest day counts. The
group sees who moved, who is resting and how many days each person has been on plan, never
how much, how hard, or why (no ratings, no flare status, no notes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.domain.progress import DayFacts, DayStatus, PlanFacts, day_status
from bot.domain.schedule import local_date, local_instant

Status = Literal["moved", "resting"]

LENGTHS = (7, 14, 21)  # days a challenge can run
MINUTE_CHOICES = (5, 10, 15, 20)  # daily minutes offered as buttons
SUMMARY_TIMES = (time(18, 0), time(19, 0), time(20, 0), time(21, 0))
OWN = "own"  # "everyone's own plan" for the activity
# A summary before noon looks back at the day before; from noon on it reports on the same day.
NOON = time(12, 0)
# Private nudges go this long before an evening summary, or at EVENING_NUDGE for a morning one.
NUDGE_LEAD = timedelta(hours=3)
EVENING_NUDGE = time(19, 0)
# Telegram allows about 20 messages a minute in a group; edits of the challenge message are
# spaced at least this far apart per group, which leaves room for the daily summaries.
EDIT_GAP = timedelta(seconds=4)
# A change of the tally (a Done, a rest, a private check-in) shows in the group at the next
# whole hour, all together, never at the moment it happened: the group cannot tell when
# someone checks in, nor a private answer from a tap on the group message.
TALLY_EVERY = timedelta(hours=1)
# A daily summary or nudge more than this late (the bot was down) is skipped, not sent stale.
LATE_LIMIT = timedelta(hours=6)


def group_status(status: DayStatus | None) -> Status | None:
    """What the group sees of a day (see bot.domain.progress.day_status): moved, or resting
    for any other day on plan (a planned rest, a gentler plan followed), never which or why."""
    if status is None:
        return None
    return "moved" if status == "moved" else "resting"


def status_of(
    movement: str | None, plan_done: bool, marks: Iterable[str], plan: PlanFacts | None = None
) -> Status | None:
    """One person's day from what they told us about it: moving wins over resting.

    `movement` is the check-in answer about this day ("yes", "some", "no", "rest"; given in
    the next day's check-in), `plan_done` the private plan's Done button, `marks` the group or
    nudge buttons ("moved", "resting"), `plan` the day's own plan. Nothing is None.
    """
    kinds = set(marks)
    mark = "moved" if "moved" in kinds else "resting" if "resting" in kinds else None
    facts = DayFacts(done=plan_done, answer=movement, mark=mark, plan=plan)
    return group_status(day_status(facts))


# The calendar ---------------------------------------------------------------------------------


def next_tally(now: datetime) -> datetime:
    """The set time a tally change made at `now` shows in the group: the next whole hour."""
    epoch = datetime(2000, 1, 1, tzinfo=now.tzinfo)
    slots = (now - epoch) // TALLY_EVERY + 1
    return epoch + slots * TALLY_EVERY


def looks_back(summary_time: time) -> bool:
    """Whether a summary at this time reports on the day before (a morning recap)."""
    return summary_time < NOON


def summary_instant(day: date, summary_time: time, zone: ZoneInfo) -> datetime:
    """When the summary of a challenge day goes out (UTC)."""
    sent_on = day + timedelta(days=1) if looks_back(summary_time) else day
    return local_instant(sent_on, summary_time, zone)


def nudge_instant(day: date, summary_time: time, zone: ZoneInfo) -> datetime:
    """When members who haven't turned up yet on `day` get a private nudge (UTC)."""
    if looks_back(summary_time):
        return local_instant(day, EVENING_NUDGE, zone)
    moment = datetime.combine(day, summary_time) - NUDGE_LEAD
    return local_instant(day, moment.time(), zone)


def first_day(now: datetime, summary_time: time, zone: ZoneInfo) -> date:
    """Today if today's summary is still ahead, else tomorrow: day 1 always gets its summary."""
    today = local_date(now, zone)
    return today if summary_instant(today, summary_time, zone) > now else today + timedelta(1)


def last_day(start: date, length: int) -> date:
    """The final date of a challenge of `length` days."""
    return start + timedelta(days=length - 1)


def day_number(day: date, start: date) -> int:
    """1 on the first day; 0 or less before the start."""
    return (day - start).days + 1


def challenge_dates(start: date, upto: date) -> list[date]:
    """The challenge's dates from the start to `upto` inclusive (empty before the start)."""
    return [start + timedelta(days=n) for n in range((upto - start).days + 1)]


# Tallies --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """A member as the tally sees them: a first name and their status on each date."""

    name: str
    statuses: Mapping[date, Status]


@dataclass(frozen=True)
class MemberTally:
    """One line of the group's tally: today's status and days on plan so far."""

    name: str
    status: Status | None
    days: int

    def as_dict(self) -> dict[str, object]:
        """For templates."""
        return {"name": self.name, "status": self.status or "", "days": self.days}


def tally(members: Sequence[Member], start: date, end: date, today: date) -> list[MemberTally]:
    """Each member, in the order they joined (never ranked), with today's status and days."""
    dates = challenge_dates(start, min(today, end))
    return [
        MemberTally(
            name=m.name,
            status=m.statuses.get(today) if start <= today <= end else None,
            days=sum(1 for d in dates if m.statuses.get(d) is not None),
        )
        for m in members
    ]


@dataclass(frozen=True)
class DaySummary:
    """Who turned up on one challenge day, in joining order, and how many members there are."""

    day: int
    moved: tuple[str, ...]
    resting: tuple[str, ...]
    members: int

    @property
    def turned_up(self) -> int:
        """Members on plan that day (moved or resting)."""
        return len(self.moved) + len(self.resting)


def summarise_day(members: Sequence[Member], start: date, day: date) -> DaySummary:
    """The daily summary's facts for `day`."""
    return DaySummary(
        day=day_number(day, start),
        moved=tuple(m.name for m in members if m.statuses.get(day) == "moved"),
        resting=tuple(m.name for m in members if m.statuses.get(day) == "resting"),
        members=len(members),
    )


def needs_nudge(
    status: Status | None,
    *,
    active: bool,
    paused: bool,
    quiet_until: datetime | None,
    now: datetime,
) -> bool:
    """Whether a member gets a private nudge: not yet turned up, reachable and not resting.

    Nobody who blocked the bot, paused their reminders or is in a safety pause is nudged.
    """
    if status is not None or not active or paused:
        return False
    return quiet_until is None or quiet_until <= now
