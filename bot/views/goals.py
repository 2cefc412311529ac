"""The daily goal's history in words, for the PDF and the page alike."""

from __future__ import annotations

from bot.domain.clinician import GoalChange
from bot.views.content import Content

SHOWN = 6  # a short list: the starting level and the latest changes


def goal_sentence(content: Content, locale: str, changes: tuple[GoalChange, ...]) -> str:
    """'10 min, then 9 from 13 Dec after a flare, 10 again from 15 Dec' (the first and the
    latest changes when there were many)."""
    label = content.label
    if not changes:
        return label("visit.none", locale)
    shown = changes if len(changes) <= SHOWN else changes[:1] + changes[-(SHOWN - 1) :]
    parts = [label("visit.goal_first", locale).format(minutes=shown[0].minutes)]
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
