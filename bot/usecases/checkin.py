"""The daily check-in as a use case: open a day's check-in, apply an answer, say what comes next.

Takes a session and returns what to show (text and buttons); the Telegram handlers and the daily
prompt job both build on it.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.db import queries
from bot.db.models import CheckIn, User
from bot.domain import checkin as flow
from bot.domain.dialogs import State
from bot.domain.schedule import local_date
from bot.services import Services
from bot.usecases import challenges, planning
from bot.usecases.answers import Answer
from bot.views import keyboards
from bot.views.render import echo, locale_of, say

HARD_DAY_PAIN = 7  # the no-baseline flare pain (docs/rules.md#flare-days), here only for tone


Reply = tuple[str, InlineKeyboardMarkup | None]


def today_for(services: Services, user: User) -> date:
    """The person's local date now."""
    return local_date(services.clock.now(), ZoneInfo(user.timezone))


def question_reply(
    services: Services,
    user: User,
    day: date,
    question: flow.Question,
    *,
    offer_same: bool = False,
    header: str = "",
) -> Reply:
    """The text and buttons for one question."""
    text = say(services.content, f"checkin.ask.{question}", user)
    markup = keyboards.checkin_question(
        services.content, day, question, offer_same=offer_same, locale=locale_of(user)
    )
    return (f"{header}\n\n{text}" if header else text), markup


async def next_step_reply(
    services: Services, session: AsyncSession, user: User, checkin: CheckIn, *, header: str = ""
) -> tuple[Reply, list[Reply]]:
    """What to show after an answer: the next question, or the summary and the day's plan."""
    answers = queries.answers_of(checkin)
    question = flow.next_question(answers)
    if question is not None:
        user.dialog = State.CHECKIN
        offer_same = question == "pain" and flow.can_copy(
            await queries.yesterday_answers(session, user.id, checkin.local_date)
        )
        return question_reply(services, user, checkin.local_date, question,
                              offer_same=offer_same, header=header), []  # fmt: skip
    user.dialog = None
    now = services.clock.now()
    if checkin.completed_at is None:
        checkin.completed_at = now
    # The rules engine plugs in here: it turns the finished check-in into the day's plan.
    plan = await planning.after_checkin(services, session, user, checkin)
    # The plan carries the day's encouragement; without one, the summary closes kindly itself.
    summary = summary_text(services, user, checkin, closing=not plan)
    markup = (
        keyboards.add_more(services.content, checkin.local_date, locale_of(user))
        if checkin.path in ("short", "quick") else None
    )  # fmt: skip
    return (summary, markup), plan


def summary_text(services: Services, user: User, checkin: CheckIn, *, closing: bool = True) -> str:
    """A kind summary of today's answers."""
    loc = locale_of(user)
    label = services.content.label
    answers = say(
        services.content, "checkin.done", user, name=user.first_name, pain=checkin.pain,
        flare=label(f"answer.flare.{checkin.flare}", loc) if checkin.flare else None,
        interference=checkin.interference, energy=checkin.energy, sleep=checkin.sleep,
        movement=label(f"answer.movement.{checkin.movement}", loc) if checkin.movement else None,
        note=checkin.note,
    )  # fmt: skip
    if not closing:
        return answers
    return f"{answers}\n\n{say(services.content, closing_key(checkin), user)}"


def closing_key(checkin: CheckIn) -> str:
    """A closing line that fits the day's answers."""
    if checkin.flare == "yes":
        return "checkin.closing.flare"
    if checkin.pain is not None and checkin.pain >= HARD_DAY_PAIN:
        return "checkin.closing.hard"
    return "checkin.closing.steady"


async def begin(
    services: Services,
    session: AsyncSession,
    user: User,
    day: date,
    *,
    header: str = "",
    redo: bool = False,
    found: CheckIn | None = None,
) -> tuple[Reply, list[Reply]]:
    """Open (or continue) the check-in of a date (`found`: its row, when the caller has read
    it already); a finished one is offered to redo."""
    now = services.clock.now()
    checkin = found or await queries.get_or_create_checkin(session, user.id, day, now)
    if redo:
        queries.store_answers(checkin, flow.Answers(), now)
        checkin.completed_at = None
    elif (
        checkin.completed_at is not None and flow.next_question(queries.answers_of(checkin)) is None
    ):
        user.dialog = None
        text = say(services.content, "checkin.already_done", user, name=user.first_name)
        redo_markup = keyboards.start_checkin(
            services.content, day, "checkin.redo", locale_of(user), action="redo"
        )
        return (f"{text}\n\n{summary_text(services, user, checkin)}", redo_markup), []
    return await next_step_reply(services, session, user, checkin, header=header)


async def tap(
    services: Services,
    session: AsyncSession,
    user: User,
    day: date,
    action: str,
    value: str,
    *,
    found: CheckIn | None,
) -> tuple[Reply, list[Reply]] | None:
    """Apply one tap; None when it changed an earlier answer and nothing new needs showing.

    `found`: the date's row as the caller read it (None: there is none yet).
    """
    now = services.clock.now()
    if action in ("start", "redo"):
        return await begin(services, session, user, day, redo=action == "redo", found=found)
    checkin = found or await queries.new_checkin(session, user.id, day, now)
    answers = queries.answers_of(checkin)
    if action == "same":
        yesterday = await queries.yesterday_answers(session, user.id, day)
        if yesterday is not None and flow.can_copy(yesterday):
            answers = flow.same_as(answers, yesterday)
    elif action == "more":
        answers = flow.expand(answers)
        checkin.completed_at = None
    elif action in flow.ORDER:
        question = flow.ORDER[flow.ORDER.index(action)]
        open_question = flow.next_question(answers)
        if question == "note":
            answers = flow.apply(answers, "note", None)
        else:
            parsed = flow.valid_button_value(question, value)
            if parsed is None:
                return None
            answers = flow.apply(answers, question, parsed)
        if open_question is not None and flow.next_question(answers) == open_question:
            # An older question's button: the answer is updated, the open question stays. (A
            # flare "yes" before the later questions ends the check-in: it goes on to the end.)
            queries.store_answers(checkin, answers, now)
            return None
    queries.store_answers(checkin, answers, now)
    return await next_step_reply(services, session, user, checkin)


async def offers_same(
    session: AsyncSession, user: User, day: date, question: flow.Question
) -> bool:
    """Whether a re-asked question keeps "Same as yesterday" (the pain question, as first asked)."""
    return question == "pain" and flow.can_copy(
        await queries.yesterday_answers(session, user.id, day)
    )


async def keep_note(services: Services, session: AsyncSession, user: User, text: str) -> None:
    """Store text as today's note if the note is the open question, without replying."""
    now = services.clock.now()
    checkin = await queries.get_checkin(session, user.id, today_for(services, user))
    if checkin is None:
        return
    answers = queries.answers_of(checkin)
    if flow.next_question(answers) != "note":
        return
    parsed = flow.parse("note", text)
    if parsed.error is None:
        queries.store_answers(checkin, flow.apply(answers, "note", parsed.value), now)
        checkin.completed_at = checkin.completed_at or now
        user.dialog = None


# One function per thing the person does in the dialogue: each opens the unit of work and
# returns an Answer (bot/usecases/answers.py) that the handler delivers as it is.


def _not_set_up(services: Services, user: User | None, *, tap: bool) -> Answer:
    """Someone not set up yet: point them to /start (a popup for a tap)."""
    hint = say(services.content, "onboarding.start_first", user)
    return Answer(popup=hint) if tap else Answer.say(hint)


def _shown(replies: tuple[Reply, list[Reply]], *, tap: bool) -> Answer:
    """What comes next: in place of the tapped message for a tap, new messages otherwise."""
    first, after = replies
    return Answer(edit=first, sends=after) if tap else Answer(sends=[first, *after])


async def start_today(services: Services, user_id: int) -> Answer:
    """/checkin: today's check-in, at any time."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return _not_set_up(services, user, tap=False)
        replies = await begin(services, session, user, today_for(services, user))
    return _shown(replies, tap=False)


async def answer_tap(
    services: Services, user_id: int, day: date, action: str, value: str
) -> Answer:
    """A tap on a check-in button: the answer, the unanswered-prompt reset and the tallies to
    show at their next set time are one unit of work."""
    async with services.transaction() as session:
        # One read for the lot: the person, the tapped date's check-in, any running challenge.
        person = await queries.person_at(session, user_id, day)
        user, found, in_a_challenge = person if person is not None else (None, None, False)
        if user is None or not user.onboarded:
            return _not_set_up(services, user, tap=True)
        today = today_for(services, user)
        if day != today:
            closed = say(services.content, "checkin.closed", user)
            markup = keyboards.start_checkin(
                services.content, today, "checkin.start_today", locale_of(user)
            )
            return Answer(popup=closed, alert=True, sends=[(closed, markup)])
        replies = await tap(services, session, user, day, action, value, found=found)
        await challenges.heard_from(services, session, user, in_a_challenge)
    if replies is None:
        return Answer(popup=say(services.content, "checkin.answer_updated", user))
    return _shown(replies, tap=True)


async def answer_typed(services: Services, session: AsyncSession, user: User, text: str) -> Answer:
    """A typed answer to the open question, in the caller's unit of work."""
    day = today_for(services, user)
    now = services.clock.now()
    checkin = await queries.get_or_create_checkin(session, user.id, day, now)
    answers = queries.answers_of(checkin)
    question = flow.next_question(answers)
    if question is None:
        user.dialog = None
        return Answer.say(say(services.content, "fallback.text", user, name=user.first_name))
    parsed = flow.parse(question, text)
    if parsed.error is not None or parsed.guess:
        if parsed.error is not None:
            first = say(services.content, parsed.error, user, value=echo(text),
                        max_chars=f"{flow.NOTE_MAX_CHARS:,}")  # fmt: skip
        else:
            # A rating read from words ("pretty bad") is stored only once a tap confirms it.
            first = say(services.content, "checkin.guess", user, value=parsed.value)
        offer_same = await offers_same(session, user, day, question)
        again = question_reply(services, user, day, question, offer_same=offer_same)
        return Answer(sends=[(first, None), again])
    queries.store_answers(checkin, flow.apply(answers, question, parsed.value), now)
    return _shown(await next_step_reply(services, session, user, checkin), tap=False)


async def ask_again(services: Services, session: AsyncSession, user: User) -> Answer:
    """The open check-in question again (after a sticker, a photo, or the like), in the caller's
    unit of work."""
    day = today_for(services, user)
    checkin = await queries.get_checkin(session, user.id, day)
    question = flow.next_question(queries.answers_of(checkin)) if checkin else "pain"
    if question is None:
        user.dialog = None
        return Answer()
    offer_same = await offers_same(session, user, day, question)
    return Answer.say(*question_reply(services, user, day, question, offer_same=offer_same))
