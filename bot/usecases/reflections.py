"""The weekly and monthly questions as a use case: which one is open, and an answer to it,
tapped or typed, stored the same way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import history, outbox
from bot.db.models import Reflection, SummarySent, User
from bot.domain import person_now
from bot.services import Services
from bot.usecases.answers import Answer, Reply
from bot.usecases.checkin import today_for
from bot.views.callbacks import day_code
from bot.views.choices import REFLECTION_LOWEST
from bot.views.reflections import next_question, question
from bot.views.render import say


@dataclass(frozen=True)
class Asked:
    """One weekly or monthly question: of the summary of `day`, its field and largest answer."""

    day: date
    kind: str
    field: str
    top: int

    @property
    def lowest(self) -> int:
        """The smallest answer it allows."""
        return REFLECTION_LOWEST[self.kind]


async def reflection(
    session: AsyncSession, services: Services, user_id: int, day: date, kind: str
) -> Reflection:
    """The reflection row of a date and kind, created on first use."""
    result = await session.execute(
        select(Reflection).where(
            Reflection.user_id == user_id, Reflection.local_date == day, Reflection.kind == kind
        )
    )
    row = result.scalar_one_or_none()
    if row is None:
        now = services.clock.now()
        row = Reflection(user_id=user_id, local_date=day, kind=kind, created_at=now, updated_at=now)
        session.add(row)
        await session.flush()
    return row


async def following(
    session: AsyncSession, services: Services, user: User, day: date, kind: str
) -> Asked | None:
    """The question after the answers so far: the rest of the weekly ones, then the monthly one
    when it is due (never within four weeks of starting)."""
    row = await reflection(session, services, user.id, day, kind)
    found = next_question(row)
    if found is None and kind == "weekly":
        if not person_now.monthly_due(history.joined_on(user), day):
            return None
        kind = "monthly"
        found = next_question(await reflection(session, services, user.id, day, kind))
    return Asked(day, kind, *found) if found is not None else None


async def open_question(
    session: AsyncSession, services: Services, user: User, today: date
) -> Asked | None:
    """The weekly or monthly question waiting for a typed answer today, if any: the newest
    summary's, on its day and the next."""
    sent_on = await session.scalar(
        select(SummarySent.local_date)
        .where(SummarySent.user_id == user.id, SummarySent.status == outbox.SENT)
        .order_by(SummarySent.local_date.desc())
        .limit(1)
    )
    if sent_on is None or not person_now.reflection_takes_text(sent_on, today):
        return None
    return await following(session, services, user, sent_on, "weekly")


async def answer(
    session: AsyncSession, services: Services, user: User, asked: Asked, value: int
) -> Asked | None:
    """Store an answer to one question; the question that follows, if any."""
    row = await reflection(session, services, user.id, asked.day, asked.kind)
    setattr(row, asked.field, value)
    row.updated_at = services.clock.now()
    return await following(session, services, user, asked.day, asked.kind)


# What the person does with the questions, one unit of work each ---------------------------

MONTHLY_WITHIN_DAYS = 7  # a weekly or monthly question's buttons work this long


def next_reply(services: Services, user: User, asked: Asked | None) -> Reply:
    """The next weekly or monthly question with its buttons, or thanks when none is left."""
    if asked is None:
        return say(services.content, "weekly.thanks", user), None
    return question(services.content, user, day_code(asked.day), asked.kind, asked.field,
                    asked.top)  # fmt: skip


async def tapped(
    services: Services, user_id: int, day: date, kind: str, field: str, value: int
) -> Answer:
    """An answer tapped: stored, and the next question (or thanks) in place of this one."""
    async with services.transaction() as session:
        user = await session.get(User, user_id)
        if user is None:
            return Answer()
        # Only the days a question can have been asked on: not ahead of the person's today (a
        # forged tap dated 2099 would be the newest answer in every summary), not long past.
        if not 0 <= (today_for(services, user) - day).days <= MONTHLY_WITHIN_DAYS:
            return Answer(popup=say(services.content, "weekly.closed", user))
        following = await answer(session, services, user, Asked(day, kind, field, 0), value)
        return Answer(edit=next_reply(services, user, following))


async def typed(
    services: Services, session: AsyncSession, user: User, asked: Asked | None, text: str,
    *, understood: bool,
) -> Answer | None:
    """A typed message while the weekly or monthly question `asked` is open (found by
    `open_question`), in the caller's unit of work: its answer, stored as a tap would be, and
    the next question. A message the bot understood otherwise (`understood`) is left to its own
    reply, after which the question is offered again; anything else gets a short word and the
    question again. None when no such question is open or the message was understood
    otherwise."""
    if asked is None:
        return None
    value = person_now.read_reflection(asked.kind, asked.lowest, asked.top, text)
    if value is None and understood:
        return None
    if value is None:
        hint = say(services.content, f"{asked.kind}.typed_hint", user)
        return Answer(sends=[(hint, None), next_reply(services, user, asked)])
    following = await answer(session, services, user, asked, value)
    return Answer(sends=[next_reply(services, user, following)])
