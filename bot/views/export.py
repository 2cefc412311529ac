"""A person's data as files they own: every check-in as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from bot.db.models import CheckIn, DayPlan

# Documented in README ("Your data"); the order is the file's column order.
CSV_COLUMNS = (
    "date", "pain", "flare", "interference", "energy", "sleep", "movement", "note", "path",
    "completed_at_utc", "day_type", "goal_minutes", "goal_activity", "goal_done",
)  # fmt: skip


def _cell(value: object) -> str:
    """Empty for missing values, ISO for dates and times, words for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def checkins_csv(checkins: Sequence[CheckIn], plans: Sequence[DayPlan]) -> bytes:
    """One row per check-in, oldest first, with that day's plan beside it; UTF-8 with a BOM so
    spreadsheet programs read accents and emoji in notes correctly."""
    by_date = {p.local_date: p for p in plans}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in sorted(checkins, key=lambda c: c.local_date):
        plan = by_date.get(row.local_date)
        writer.writerow(
            _cell(v)
            for v in (
                row.local_date, row.pain, row.flare, row.interference, row.energy, row.sleep,
                row.movement, row.note, row.path,
                row.completed_at.replace(tzinfo=None) if row.completed_at else None,
                plan.day_type if plan else None, plan.goal_minutes if plan else None,
                plan.activity if plan else None, plan.done if plan else None,
            )
        )  # fmt: skip
    return buffer.getvalue().encode("utf-8-sig")
