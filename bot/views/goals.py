"""The daily goal's history in words, for the PDF and the page alike."""

from __future__ import annotations

from bot.domain.clinician import GoalChange
from bot.views.content import Content

SHOWN = 6  # a short list: the starting level and the latest changes


def goal_sentence(content: Content, locale: str, changes: tuple[GoalChange, ...]) -> str:
    """'10 min, then 9 from 13 Dec after a flare, 10 again from 15 Dec' (only the latest changes
    when there were many: '10 min from 24 Apr, 9 again from 11 May after a flare, ...')."""
    label = content.label
    if not changes:
        return label("visit.none", locale)
    if len(changes) <= SHOWN:
        shown = changes
        parts = [label("visit.goal_first", locale).format(minutes=shown[0].minutes)]
    else:  # many changes: the latest ones, the first of them with its date
        shown = changes[-SHOWN:]
        first = shown[0]
        part = label("visit.goal_step", locale).format(
            minutes=first.minutes, date=f"{first.date:%d %b}"
        )
        if first.after_flare:
            part = label("visit.goal_after_flare", locale).format(change=part)
        parts = [part]
    for index, change in enumerate(shown[1:], start=1):
        if change.again:
            key = "visit.goal_again"
        else:
            key = "visit.goal_then" if index == 1 else "visit.goal_next"
        part = label(key, locale).format(minutes=change.minutes, date=f"{change.date:%d %b}")
        if change.after_flare:
            part = label("visit.goal_after_flare", locale).format(change=part)
        parts.append(part)
    return ", ".join(parts)
