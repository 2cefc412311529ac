"""A person's data as files they own: every check-in as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from bot.db.models import CheckIn, DayPlan
from bot.domain.progress import Day

# Documented in README ("Your data"); the order is the file's column order.
CSV_COLUMNS = (
    "date", "pain", "flare", "interference", "energy", "sleep", "movement", "note", "path",
    "completed_at_utc", "day_type", "goal_minutes", "goal_activity", "goal_done",
    "rest_declared", "group", "moved", "on_plan",
)  # fmt: skip


# A cell starting with one of these is read as a formula by spreadsheet programs (a note typed
# as "=HYPERLINK(...)" would run when the file is opened); OWASP's advice is a leading quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """Empty for missing values, ISO for dates and times, words for booleans; text that a
    spreadsheet would run as a formula is prefixed with ' so it shows as typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return str(value)


def checkins_csv(
    checkins: Sequence[CheckIn], plans: Sequence[DayPlan], days: Sequence[Day] = ()
) -> bytes:
    """One row per day, oldest first: that day's check-in, its plan, and from the day reader
    (`days`, bot/usecases/days.py) the movement answer about it (given at the next check-in,
    "since your last check-in"), the group's mark and whether the person moved or was on plan,
    as every other surface counts them; UTF-8 with a BOM so spreadsheet programs read accents
    and emoji in notes correctly."""
    by_date = {p.local_date: p for p in plans}
    rated = {c.local_date: c for c in checkins if _said_about_itself(c)}
    read = {d.date: d for d in days}
    told = {d.date for d in days if d.answer or d.facts.mark or d.status}
    buffer = io.StringIO()
    # CRLF rows (RFC 4180): the writer then quotes a lone CR in a note as well as a newline.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for day in sorted({*rated, *by_date, *told}):
        row, plan, shown = rated.get(day), by_date.get(day), read.get(day)
        writer.writerow(
            _cell(v)
            for v in (
                day, row and row.pain, row and row.flare, row and row.interference,
                row and row.energy, row and row.sleep, shown and shown.answer, row and row.note,
                row and row.path,
                row.completed_at.replace(tzinfo=None) if row and row.completed_at else None,
                plan.day_type if plan else None, plan.goal_minutes if plan else None,
                plan.activity if plan else None, plan.done if plan else None,
                plan.rest_declared if plan else None, shown and shown.facts.mark,
                shown.moved if shown else None, shown.on_plan if shown else None,
            )
        )  # fmt: skip
    return buffer.getvalue().encode("utf-8-sig")


def _said_about_itself(checkin: CheckIn) -> bool:
    """A check-in row that says something about its own day (a row holding only a movement
    answer about an earlier day is not one)."""
    values = (checkin.pain, checkin.flare, checkin.interference, checkin.energy, checkin.sleep)
    return any(v is not None for v in values) or bool(checkin.note)
