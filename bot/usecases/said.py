"""What a person says in the private chat (typed text, a sticker or a photo, an unknown
command), read against what is open with them now, in one unit of work.

The safety screen reads every text first: a red flag is answered, alone, and an open crisis
conversation reads only answers to its own question. Then the one open question
(bot.domain.person_now: a set-up step, today's check-in, the person's own cue, "which is it?"
about their last message, the weekly or monthly question) reads the message: an answer to it,
or a clear interruption (a question, stop, help, a symptom) that is answered, after which the
open question is offered again. Returns what to say; the handler shows it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import queries
from bot.db.models import User
from bot.domain import checkin as flow
from bot.domain import dialogs, person_now
from bot.domain.dialogs import State
from bot.domain.intents import (
    NONE,
    Intent,
    Reading,
    asks_for_today,
    interrupts_checkin,
    interrupts_cue,
    interrupts_setup,
    is_question,
    read,
)
from bot.domain.person_now import Open
from bot.services import Services
from bot.usecases import challenges, checkin, intents, onboarding, plan, reflections, safety
from bot.usecases.answers import Answer, Reply
from bot.usecases.reflections import Asked
from bot.usecases.safety import Screened
from bot.views.render import echo, say

# A clarification's options that are answered as the message they stand for would be.
OPTION: dict[str, Intent] = {
    "more": "more", "settings": "settings", "help": "help", "progress": "progress",
    "rest": "rest", "today": "today", "none": "none",
}  # fmt: skip
# Telegram caps messages at 4,096 characters; anything longer is not a real person's answer.
MAX_TEXT_CHARS = 4096


@dataclass(frozen=True)
class Said:
    """A private text as the readers get it: the person, their words, how the domain read them,
    what the safety screen did, and the questions waiting for them."""

    services: Services
    session: AsyncSession
    user: User
    text: str
    reading: Reading
    screened: Screened
    asked: Asked | None  # the weekly or monthly question waiting for a typed answer
    options: tuple[str, ...]  # what "which is it?" offered, if it waits for its answer


Reader = Callable[[Said], Awaitable[Answer]]


async def text(services: Services, user_id: int, words: str) -> Answer:
    """Free text in a private chat: safety first, then the open question, then a friendly
    pointer; since the person wrote, their group tallies follow at the next set time. One unit
    of work."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None:
            # Red flags are looked for in every text, from anyone, before anything else.
            screened, first = await safety.screen(services, session, None, words)
            if screened is Screened.ANSWERED:
                return Answer(sends=first)
            return Answer(sends=[*first, _start_first(services, None)])
        answer = await _read(services, session, user, words)
        # Hearing from the person: daily prompts again, and their group tallies follow (after
        # the answer is stored, so the tallies show it).
        await challenges.heard_from(services, session, user)
    return answer


async def _read(services: Services, session: AsyncSession, user: User, words: str) -> Answer:
    """Safety first, then the open question, then a friendly pointer."""
    now = services.clock.now()
    # "Which is it?" waits for this message only, even one the safety screen answers.
    options = _take_clarification(user, now)
    # Red flags are looked for in every text, in every state, before anything else.
    screened, first = await safety.screen(services, session, user, words)
    if screened is Screened.ANSWERED:
        return Answer(sends=first)
    asked = await _reflection(services, session, user)
    kind = open_now(user, now, options, asked)
    if kind is Open.CRISIS:
        # The crisis stage reads only answers to its own question, and safety.screen found
        # none here: an ordinary message, read against whatever else is open.
        kind = person_now.open_now(
            k for k in waiting(user, now, options, asked) if k is not Open.CRISIS
        )
    if len(words) > MAX_TEXT_CHARS and kind is not Open.CHECKIN:
        too_long = say(services.content, "fallback.too_long", user,
                       max_chars=f"{MAX_TEXT_CHARS:,}")  # fmt: skip
        return Answer(sends=[*first, (too_long, None)])
    reading = read(words) if len(words) <= MAX_TEXT_CHARS else NONE
    said = Said(services, session, user, words, reading, screened, asked, options)
    answer = await READERS[kind](said)
    answer.sends[:0] = first  # a light "are you OK?" goes before the reply to the message
    return answer


def waiting(user: User, now: datetime, options: tuple[str, ...], asked: Asked | None) -> list[Open]:
    """The questions waiting for the person now."""
    state = dialogs.parse(user.dialog)
    found = []
    if safety.open_stage(user, now) is not None:
        found.append(Open.CRISIS)
    if state is not None and state.step is not None:
        found.append(Open.SETUP)
    if state is State.CHECKIN:
        found.append(Open.CHECKIN)
    if state is State.CUE:
        found.append(Open.CUE)
    if options:
        found.append(Open.CLARIFICATION)
    if asked is not None:
        found.append(Open.REFLECTION)
    return found


def open_now(
    user: User, now: datetime, options: tuple[str, ...], asked: Asked | None
) -> Open | None:
    """The one open question that reads the message."""
    return person_now.open_now(waiting(user, now, options, asked))


async def _reflection(services: Services, session: AsyncSession, user: User) -> Asked | None:
    """The weekly or monthly question waiting for a typed answer, if any (it is open only when
    no step of the person's is: then it is not looked up)."""
    if dialogs.parse(user.dialog) is not None:
        return None
    today = checkin.today_for(services, user)
    return await reflections.open_question(session, services, user, today)


def _take_clarification(user: User, now: datetime) -> tuple[str, ...]:
    """What a waiting "which is it?" offered; it is for this message only, so it closes."""
    options = (
        tuple(user.clarify.split(","))
        if user.clarify and person_now.clarification_open(user.clarify, user.clarify_until, now)
        else ()
    )  # fmt: skip
    if user.clarify is not None or user.clarify_until is not None:
        user.clarify = user.clarify_until = None
    return options


def _clarify(said: Said, options: tuple[str, ...]) -> None:
    """Ask "which is it?": the next message is first read as its answer."""
    now = said.services.clock.now()
    said.user.clarify = ",".join(options)
    said.user.clarify_until = now + person_now.CLARIFICATION_WINDOW


def _start_first(services: Services, user: User | None) -> Reply:
    """Someone not set up yet: point them to /start."""
    return say(services.content, "onboarding.start_first", user), None


# One reader per open question ------------------------------------------------------------


async def _setup_answer(said: Said) -> Answer:
    """An onboarding or settings step: its answer, or something else answered, then the step."""
    services, user = said.services, said.user
    step = dialogs.step_of(user.dialog) or ""
    if interrupts_setup(said.reading, step):
        # Clearly not an answer to the step: answer it, then ask the step again.
        reply = intents.in_setup(services, user, said.reading)
        return Answer(sends=[reply, onboarding.question(services, user, step)])
    return await onboarding.typed(services, said.session, user, said.text)


async def _checkin_answer(said: Said) -> Answer:
    """An answer to the open check-in question, unless the message is clearly something else."""
    services, session, user = said.services, said.session, said.user
    if user.onboarded and asks_for_today(said.text):
        return await plan.today_in(services, session, user)
    question = await intents.open_question(services, session, user)
    parsed = flow.parse(question, said.text) if question is not None else None
    # A rating guessed from words ("too tired today" sounds like a 7) gives way to a rest
    # declared in the same words: the day's plan is the clearer reading.
    answered = (
        parsed is not None and parsed.error is None
        and not (parsed.guess and said.reading.intent == "rest")
    )  # fmt: skip
    if question is not None and interrupts_checkin(
        said.reading, question, answered=answered, asked=is_question(said.text)
    ):
        return await _in_checkin(said, question)
    return await checkin.answer_typed(services, session, user, said.text)


async def _in_checkin(said: Said, question: flow.Question) -> Answer:
    """Mid check-in: answer what was said, then offer the open `question` again.

    "Stop" ends the asking (answers so far are kept) and offers a pause or carrying on. Today's
    plan asked for in other words than asks_for_today's is answered as those are.
    """
    services, user = said.services, said.user
    if said.reading.intent == "stop":
        return Answer.say(*intents.stopped(services, user))
    if said.reading.intent == "today":
        return await plan.today_in(services, said.session, user)
    if said.reading.intent == "none":
        answer = Answer.say(say(services.content, "intent.question", user))
    else:
        answer = Answer(sends=await intents.replies(services, said.session, user, said.reading))
    if person_now.safety_quiet(user.safety_open, user.safety_until, services.clock.now()):
        return answer  # during a safety conversation the check-in waits until the person goes on
    answer.sends.append(await intents.asked_again(services, said.session, user, question))
    return answer


async def _cue_answer(said: Said) -> Answer:
    """The person's own if-then cue, unless the message is clearly something else."""
    if interrupts_cue(said.reading):
        answer = await _respond(said)
        answer.sends.append((say(said.services.content, "plan.cue.ask_own", said.user), None))
        return answer
    return await plan.cue_typed(said.services, said.session, said.user, said.text)


async def _clarification_answer(said: Said) -> Answer:
    """The answer to "which is it?" (by the words of an option, or its place); anything else is
    a new message, read as such."""
    services, session, user = said.services, said.session, said.user
    picked = person_now.read_clarification(said.options, said.text)
    if picked is None:
        return await _everyday(said)
    if picked == "rest":
        return Answer.say(await intents.record_rest(services, session, user))
    if picked == "today":
        return await plan.today_in(services, session, user)
    if picked == "none":
        return Answer.say(say(services.content, "intent.noted", user, name=user.first_name))
    return Answer(sends=await intents.replies(services, session, user, Reading(OPTION[picked])))


async def _everyday(said: Said) -> Answer:
    """No step open: today's plan, movement logged, the weekly or monthly question's answer, an
    understood message, or a short choice."""
    services, session, user = said.services, said.session, said.user
    if user.onboarded and asks_for_today(said.text):
        return await plan.today_in(services, session, user)
    if user.onboarded and flow.reports_movement(said.text):
        logged = await plan.log_typed(services, session, user)
        if logged is not None:
            return logged
    if not user.onboarded:
        return Answer(sends=[_start_first(services, user)])
    understood = said.reading.intent != "none"
    answer = await reflections.typed(
        services, session, user, said.asked, said.text, understood=understood
    )
    if answer is not None:
        return answer
    if understood:
        answer = await _respond(said)
        if said.asked is not None:
            # The weekly or monthly question that was open before the interruption, again.
            answer.sends.append(reflections.next_reply(services, user, said.asked))
        elif said.reading.intent == "clarify":
            _clarify(said, said.reading.options)
        return answer
    if said.screened is Screened.CHECKED:
        # After a light "are you OK?" check, that check is the reply: no menu on top of it.
        return Answer()
    _clarify(said, intents.FALLBACK_CHOICES)
    return Answer.say(*intents.fallback(services, user))


async def _respond(said: Said) -> Answer:
    """Answer an understood message ("what should I do today?" included)."""
    if said.reading.intent == "today":
        return await plan.today_in(said.services, said.session, said.user)
    return Answer(sends=await intents.replies(said.services, said.session, said.user, said.reading))


# Where typed text goes for each open question (None: nothing open). The crisis stage is not
# here: it reads every message before any of these (safety.screen), and what it does not take
# as its answer goes to the next open question.
READERS: dict[Open | None, Reader] = {
    Open.SETUP: _setup_answer,
    Open.CHECKIN: _checkin_answer,
    Open.CUE: _cue_answer,
    Open.CLARIFICATION: _clarification_answer,
    Open.REFLECTION: _everyday,
    None: _everyday,
}


async def not_text(services: Services, user_id: int, caption: str | None) -> Answer:
    """Stickers, photos, voice notes: say so kindly and ask the open question again. A photo's
    or file's caption is read for red flags first, like any text."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        first: list[Reply] = []
        if caption:
            screened, first = await safety.screen(services, session, user, caption)
            if screened is Screened.ANSWERED:
                return Answer(sends=first)
        answer = Answer(sends=[*first, (say(services.content, "fallback.not_text", user), None)])
        if user is None:
            return answer
        kind = open_now(user, services.clock.now(), (), None)
        if kind is Open.CHECKIN:
            answer.sends.extend((await checkin.ask_again(services, session, user)).sends)
        elif kind is Open.SETUP:
            step = dialogs.step_of(user.dialog) or ""
            answer.sends.append(onboarding.question(services, user, step))
    return answer


async def unknown_command(services: Services, user_id: int, word: str) -> Answer:
    """A command the bot doesn't have."""
    async with services.sessions() as session:
        user = await queries.get_user(session, user_id)
        return Answer.say(say(services.content, "unknown.command", user, command=echo(word)))
