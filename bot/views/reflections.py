"""The weekly and monthly reflection questions: which come in what order, and how each is asked."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.db.models import Reflection, User
from bot.views.callbacks import ReflectionTap, parse_day
from bot.views.choices import REFLECTIONS as QUESTIONS
from bot.views.content import Content
from bot.views.render import locale_of, say

__all__ = ["QUESTIONS", "next_question", "question"]


def question(
    content: Content, user: User, day: str, kind: str, field: str, top: int
) -> tuple[str, InlineKeyboardMarkup]:
    """One weekly or monthly question (of the week ending on `day`, yyyymmdd) with its answer
    buttons."""
    text = say(content, f"{kind}.ask.{field}", user)
    date = parse_day(day)
    assert date is not None, day

    def data(value: int) -> str:
        return ReflectionTap(date, kind, field, value).encode()

    if kind == "monthly":
        labels = [content.label(f"change.{v}", locale_of(user)) for v in range(1, 8)]
        rows = [[InlineKeyboardButton(label, callback_data=data(v))]
                for v, label in enumerate(labels, 1)]  # fmt: skip
        return text, InlineKeyboardMarkup(rows)
    numbers = [InlineKeyboardButton(str(n), callback_data=data(n)) for n in range(top + 1)]
    rows = [numbers[:6], numbers[6:]] if top > 6 else [numbers]
    return text, InlineKeyboardMarkup(rows)


def next_question(row: Reflection) -> tuple[str, int] | None:
    """The first unanswered question of a reflection."""
    return next(((f, top) for f, top in QUESTIONS[row.kind] if getattr(row, f) is None), None)
