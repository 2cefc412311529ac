"""Red flags first: every text is read for them before anything else, and what a red flag and
the safety conversation store (the event, the pause of check-in prompts, the gentle follow-up,
the conversation's stage).

A private message inside an open safety conversation is read in its light first (see
`bot.domain.safety.conversation`): it reads only answers to its own question; then any red flag
gets its tier's reply, alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import queries
from bot.db.models import SafetyEvent, User
from bot.domain import dialogs
from bot.domain.dialogs import State
from bot.domain.safety import scan
from bot.domain.safety.conversation import CRISIS_WINDOW, Stage, Step, read, stage_of, step
from bot.domain.schedule import local_date, next_due
from bot.services import Services
from bot.usecases import checkin as checkin_case
from bot.usecases.answers import Answer, Reply
from bot.views import keyboards
from bot.views.render import locale_of, say

EMERGENCY_PROMPT_PAUSE = timedelta(hours=24)  # docs/rules.md#flare-mode
FOLLOW_UP_TIERS = ("emergency", "crisis")
# The gentle follow-up comes at the person's check-in time, but never within this long: a crisis
# at 08:00 with a 09:00 check-in is followed up the next day, not an hour later.
FOLLOW_UP_AFTER_AT_LEAST = timedelta(hours=12)
# One light question, the message handled as usual: "are you OK?" (check), or "is this new,
# severe, or getting worse?" (triage, for body alarm words no rule explained).
LIGHT_TIERS = ("check", "triage")


class Screened(Enum):
    """What screening did with a message."""

    CLEAR = "clear"  # nothing found: handle it as usual
    CHECKED = "checked"  # a light question (check or triage) was asked: handle it as usual too
    ANSWERED = "answered"  # a safety reply was given: the message is handled


def light_question(services: Services, user: User | None, tier: str) -> Reply:
    """The light check or the triage question, with its buttons."""
    if tier == "triage":
        markup = keyboards.safety_triage(services.content, locale_of(user))
        return say(services.content, "safety.triage", user), markup
    return say(services.content, "safety.check", user), keyboards.safety_check(
        services.content, locale_of(user)
    )


def open_stage(user: User | None, now: datetime) -> Stage | None:
    """The person's safety conversation, if one is open now."""
    if user is None:
        return None
    if user.safety_until is not None and user.safety_until <= now:
        return None
    return stage_of(user.safety_open)


async def screen(
    services: Services, session: AsyncSession, user: User | None, text: str
) -> tuple[Screened, list[Reply]]:
    """Read a private message for the open safety conversation and for red flags: what it did,
    and what to say (stored in the caller's unit of work)."""
    now = services.clock.now()
    stage = open_stage(user, now)
    if user is not None and stage is not None:
        move = step(stage, read(stage, text))
        if move.reply is not None:
            markup = None
            if move.check_in:
                day = local_date(now, ZoneInfo(user.timezone))
                markup = keyboards.start_checkin(services.content, day, "checkin.when_ready",
                                                 locale_of(user))  # fmt: skip
            reply = say(services.content, move.reply, user)
            await _move_on(session, user, move, now)
            return Screened.ANSWERED, [(reply, markup)]
    flag = scan(text)
    if flag is None:
        return Screened.CLEAR, []
    if flag.tier in LIGHT_TIERS:
        return Screened.CHECKED, [light_question(services, user, flag.tier)]
    reply = say(services.content, f"safety.{flag.tier}", user)
    if user is not None:
        await _record(services, session, user, flag.tier, keep_note=text)
    return Screened.ANSWERED, [(reply, None)]


async def _record(
    services: Services, session: AsyncSession, fresh: User, tier: str, *, keep_note: str | None
) -> None:
    """Store a red flag in the caller's unit of work."""
    now = services.clock.now()
    zone = ZoneInfo(fresh.timezone)
    event = SafetyEvent(user_id=fresh.id, local_date=local_date(now, zone), tier=tier,
                        created_at=now, followup_due_at=None)  # fmt: skip
    session.add(event)
    if tier in FOLLOW_UP_TIERS:
        event.followup_due_at = _follow_up_time(fresh, now)
    if tier == "emergency":
        fresh.prompts_paused_until = max(
            now + EMERGENCY_PROMPT_PAUSE, fresh.prompts_paused_until or now
        )
    elif tier == "crisis":
        fresh.prompts_paused_until = event.followup_due_at
        fresh.safety_open = Stage.ASKED.value
        fresh.safety_until = now + CRISIS_WINDOW
    if keep_note is not None and dialogs.parse(fresh.dialog) is State.CHECKIN:
        # A note that raised the flag is still the person's note: keep it, quietly.
        await checkin_case.keep_note(services, session, fresh, keep_note)
    if tier == "crisis" and dialogs.parse(fresh.dialog) is State.CHECKIN:
        # Check-ins are paused: the open question is closed, never offered again on its own
        # (what was answered is kept; /checkin is there when the person chooses it).
        fresh.dialog = None
    fresh.updated_at = now


async def _move_on(session: AsyncSession, fresh: User, move: Step, now: datetime) -> None:
    """The next stage (or none), the renewed window, the follow-up, prompts resumed."""
    fresh.safety_open = move.stage.value if move.stage else None
    fresh.safety_until = (
        None if move.stage is None
        else now + CRISIS_WINDOW if move.renew
        else fresh.safety_until
    )  # fmt: skip
    if move.follow_up:
        await _ensure_follow_up(session, fresh, "crisis", now)
    if move.resume:
        fresh.prompts_paused_until = None
    fresh.updated_at = now


async def _listen(session: AsyncSession, fresh: User, now: datetime) -> None:
    """The light check's "I need help": the conversation opens, listening, with a follow-up."""
    fresh.safety_open = Stage.LISTENING.value
    fresh.safety_until = now + CRISIS_WINDOW
    await _ensure_follow_up(session, fresh, "crisis", now)
    fresh.updated_at = now


# The triage question's answers: severe or sudden is an emergency, new or getting worse a
# doctor, the usual is noted.
TRIAGE_ANSWERS: dict[str, str | None] = {"urgent": "emergency", "doctor": "doctor", "usual": None}


async def tapped(services: Services, user_id: int, answer: str) -> Answer:
    """The light check's answers, "I'm OK" (ok) or "I need help" (help), and the triage
    question's (urgent, doctor, usual): the reply, what it stores, and the tapped question's
    buttons gone; one unit of work."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        now = services.clock.now()
        if answer == "ok":
            key = "safety.check.ok"
        elif answer in TRIAGE_ANSWERS:
            tier = TRIAGE_ANSWERS[answer]
            key = "safety.triage.noted" if tier is None else f"safety.{tier}"
            if tier is not None and user is not None:
                await _record(services, session, user, tier, keep_note=None)
        else:
            key = "safety.help"
            if user is not None:
                await _listen(session, user, now)
        reply = say(services.content, key, user)
    return Answer(drop_buttons=True, sends=[(reply, None)])


async def edited(services: Services, user_id: int, words: str) -> Answer:
    """An edited private message: never an answer again, but still read for red flags."""
    flag = scan(words)
    if flag is None:
        return Answer()
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if flag.tier in LIGHT_TIERS:
            return Answer.say(*light_question(services, user, flag.tier))
        reply = say(services.content, f"safety.{flag.tier}", user)
        if user is not None:
            await _record(services, session, user, flag.tier, keep_note=None)
    return Answer.say(reply)


async def from_group(services: Services, user_id: int) -> Answer:
    """/start sf: someone came from a group's safety link; the help comes first."""
    async with services.sessions() as session:
        user = await queries.get_user(session, user_id)
        return Answer.say(say(services.content, "safety.from_group", user))


@dataclass(frozen=True)
class InGroup:
    """A red flag in a group: what the person gets in private (if the bot knows their chat),
    and, for a full red flag, the neutral pointer the group gets when that cannot be sent."""

    alarm: bool  # a full red flag (the group handlers stop), not a light question
    chat_id: int | None  # the person's private chat; None: they never started the bot
    private: Reply
    link: Reply


async def in_group(
    services: Services, user_id: int, words: str, name: str, bot_username: str
) -> InGroup | None:
    """Anything the bot reads in a group, read for red flags (None: none), with a full red flag
    stored; one unit of work, the messages go after it."""
    flag = scan(words)
    if flag is None:
        return None
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        alarm = flag.tier not in LIGHT_TIERS
        private = (
            say(services.content, f"safety.{flag.tier}", user), None
        ) if alarm else light_question(services, user, flag.tier)  # fmt: skip
        link = (
            say(services.content, "safety.group_link", user, name=name),
            keyboards.safety_link(services.content, bot_username, locale_of(user)),
        )
        if alarm and user is not None:
            await _record(services, session, user, flag.tier, keep_note=None)
        return InGroup(alarm, user.chat_id if user is not None else None, private, link)


def _follow_up_time(user: User, now: datetime) -> datetime:
    """The next check-in time at least FOLLOW_UP_AFTER_AT_LEAST from now."""
    return next_due(now + FOLLOW_UP_AFTER_AT_LEAST, user.checkin_time, ZoneInfo(user.timezone))


async def _ensure_follow_up(session: AsyncSession, user: User, tier: str, now: datetime) -> None:
    """A gentle check-in at the next check-in time, unless one is already waiting."""
    waiting = await session.scalar(
        select(SafetyEvent.id).where(
            SafetyEvent.user_id == user.id, SafetyEvent.followup_due_at.is_not(None)
        )
    )
    due = _follow_up_time(user, now)
    if waiting is None:
        day = local_date(now, ZoneInfo(user.timezone))
        session.add(SafetyEvent(user_id=user.id, local_date=day, tier=tier, created_at=now,
                                followup_due_at=due))  # fmt: skip
    user.prompts_paused_until = max(due, user.prompts_paused_until or now)
