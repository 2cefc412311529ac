"""Group buddy challenges as use cases: the bot joining or leaving a group, /challenge set-up,
Join, Done today, Rest day, /leave, /endchallenge, joining by link, a group moving.

Each opens its unit of work and returns what to say (an Answer, for the chat or the tap) and
what the challenge service wants shown (Outgoing: the group's message, private notes), which the
handler delivers after the commit. What a challenge shows and its outboxes are in
bot/usecases/challenges.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, time, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.db import challenges as db
from bot.db import queries
from bot.db.models import Challenge, GroupChat, User
from bot.domain import dialogs
from bot.domain.challenges import (
    LENGTHS,
    MINUTE_CHOICES,
    OWN,
    Status,
    first_day,
    last_day,
    nudge_instant,
    summary_instant,
)
from bot.domain.dialogs import Dialogue
from bot.domain.parsing import parse_id, parse_time
from bot.domain.schedule import local_date
from bot.domain.zones import is_zone, parse_zone
from bot.services import Services
from bot.usecases import challenges as service
from bot.usecases.answers import Answer, Reply
from bot.usecases.challenges import Outgoing
from bot.views import challenges as views
from bot.views import keyboards
from bot.views.callbacks import ChallengeTap
from bot.views.choices import ACTIVITIES
from bot.views.render import echo, say

LINK_PREFIX = "j"  # /start j<code> joins a challenge
Shown = tuple[Answer, Outgoing]


def deep_link(username: str, challenge: Challenge) -> str:
    """The link that opens a private chat with the bot and joins the challenge."""
    return f"https://t.me/{username}?start={LINK_PREFIX}{challenge.code}"


# The bot joining, leaving, blocked; the group moving ------------------------------------------


async def private_chat_blocked(services: Services, user_id: int) -> None:
    """The person blocked the bot: no more private messages; a group button still counts."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is not None:
            user.active = False


async def bot_added(services: Services, chat_id: int, title: str) -> str | None:
    """The bot is in a group: the group is stored; its introduction the first time, else None."""
    async with services.transaction() as session:
        group = await db.ensure_group(session, chat_id, title, services.clock.now())
        group.active = True
        introduce = not group.introduced
        group.introduced = True
    return say(services.content, "group.intro", None) if introduce else None


async def moved(services: Services, old: int, new: int) -> Outgoing:
    """The group became a supergroup: follow it; running challenges are shown there afresh."""
    if not await service.migrate(services, old, new):
        return []
    now = services.clock.now()
    outgoing: Outgoing = []
    async with services.transaction() as session:
        group = await db.group_by_chat(session, new)
        for challenge in await db.challenges_of_group(session, group.id) if group else []:
            post = await service.refresh(services, session, challenge, now, force=True)
            if post is not None:
                outgoing.append(post)
    return outgoing


# Setting a challenge up -----------------------------------------------------------------------


async def new_draft(
    services: Services, user_id: int, chat_id: int, title: str, name: str, bot_username: str
) -> tuple[Answer | None, int, Reply]:
    """/challenge in a group: a draft and its set-up message (the handler sends it and keeps its
    id, as typed answers edit it later); an Answer instead when the person has no private chat
    with the bot yet."""
    now = services.clock.now()
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None:
            text = say(services.content, "group.start_private_first", None, name=name)
            link = keyboards.private_chat_link(services.content, bot_username)
            return Answer.say(text, link), 0, ("", None)
        group = await db.ensure_group(session, chat_id, title, now)
        group.active = True
        for draft in await db.challenges_of_group(session, group.id, ("draft",)):
            if await db.is_creator(session, draft.id, user.id):
                draft.status = "cancelled"  # its buttons now answer "this set-up was closed"
        draft = Challenge(
            group_id=group.id, code=db.new_code(), status="draft", step="act", stale=False,
            created_at=now, updated_at=now,
        )  # fmt: skip
        session.add(draft)
        await session.flush()
        # The creator is the first member, from the draft on.
        await db.join(session, draft.id, user.id, now, creator=True)
        text = views.setup_text(services.content, draft, user.first_name)
        return None, draft.id, (text, views.setup_markup(services.content, draft))


def _apply(challenge: Challenge, step: str, value: str) -> bool:
    """Store one set-up answer (a button value or typed text); False when it isn't understood."""
    if step == "act" and (value in ACTIVITIES or value == OWN):
        challenge.activity = value
    elif step == "min" and (value == OWN or parse_id(value) in MINUTE_CHOICES):
        challenge.minutes = None if value == OWN else parse_id(value)
    elif step == "len" and parse_id(value) in LENGTHS:
        challenge.length_days = parse_id(value)
    elif step == "tz" and (zone := _zone_named(value)) is not None:
        challenge.timezone = zone
    elif step == "time" and (parsed := parse_time(value)) is not None:
        challenge.summary_time = parsed  # "2030" from a button, "8pm" or "half past eight" typed
    else:
        return False  # typed text not understood (a button carries only what its step offers)
    following = views.SETUP_STEPS.index(step) + 1
    challenge.step = views.SETUP_STEPS[following] if following < len(views.SETUP_STEPS) else None
    return True


def _zone_named(value: str) -> str | None:
    """The zone a set-up answer names: a button's "Area/City" as it is, else what typed text
    matches ("Berlin", "EST"), None when it matches no place."""
    return value if is_zone(value) and "/" in value else parse_zone(value).zone


def _activate(challenge: Challenge, group: GroupChat, now: datetime) -> None:
    """The last answer is in: fix the dates and start the summary and nudge outboxes. (Every
    answer is stored: each step stores its own before the next is asked.)"""
    zone = ZoneInfo(cast(str, challenge.timezone))
    at = cast(time, challenge.summary_time)
    start = first_day(now, at, zone)
    end = last_day(start, cast(int, challenge.length_days))
    challenge.status, challenge.step = "active", None
    challenge.start_date, challenge.end_date = start, end
    challenge.summary_day, challenge.next_summary_at = start, summary_instant(start, at, zone)
    # The first day, or the second when its nudge time has passed (a challenge is a week or more).
    nudge_day = start if nudge_instant(start, at, zone) > now else start + timedelta(days=1)
    challenge.nudge_day, challenge.next_nudge_at = nudge_day, nudge_instant(nudge_day, at, zone)
    group.timezone = challenge.timezone


async def _setup_step(
    services: Services,
    session: AsyncSession,
    challenge: Challenge,
    step: str,
    value: str,
    now: datetime,
) -> tuple[str, InlineKeyboardMarkup | None, Outgoing] | None:
    """Apply an answer: the set-up message's next look (None when the answer was unclear)."""
    group = await session.get(GroupChat, challenge.group_id)
    creator = await db.creator_of(session, challenge.id)
    if group is None or creator is None or not _apply(challenge, step, value):
        return None
    challenge.updated_at = now
    if challenge.step is not None:
        known = group.timezone or creator.timezone
        text = views.setup_text(services.content, challenge, creator.first_name)
        return text, views.setup_markup(services.content, challenge, known), []
    _activate(challenge, group, now)
    post = await service.refresh(services, session, challenge, now, force=True)
    if post is None:
        return None  # the bot left the group meanwhile: nothing to show there
    outgoing: Outgoing = []
    if creator.active:
        outgoing.append(_joined_note(services, challenge, group, creator))
    return post.text, post.markup, outgoing


def _joined_note(
    services: Services, challenge: Challenge, group: GroupChat, user: User
) -> service.Send:
    """The private welcome to a challenge."""
    goal = views.goal_words(services.content, challenge)
    text = say(services.content, "group.joined.private", user, goal=goal, group=group.title)
    return service.Send(user.chat_id, text, user_id=user.id)


async def setup_tap(
    services: Services, user_id: int, chat_id: int | None, challenge_id: int, step: str,
    value: str,
) -> Shown:
    """A set-up answer tapped: the set-up message's next look (in `edit`), or a popup."""
    now = services.clock.now()
    async with services.transaction() as session:
        tapper = await queries.get_user(session, user_id)
        challenge = await db.get_challenge(session, challenge_id)
        if challenge is not None and not await _own_group(session, challenge, chat_id):
            return Answer(popup=say(services.content, "error.stale_button", tapper)), []
        if challenge is None or challenge.status != "draft":
            return Answer(popup=say(services.content, "group.popup.setup_closed", tapper)), []
        if not await db.is_creator(session, challenge.id, user_id):
            creator = await db.creator_of(session, challenge.id)
            name = creator.first_name if creator else ""
            only = say(services.content, "group.popup.creator_only", tapper, name=name)
            return Answer(popup=only), []
        if step == "cancel":
            challenge.status = "cancelled"
            return Answer(edit=(say(services.content, "group.setup.cancelled", tapper), None)), []
        if step != challenge.step:
            return Answer(), []  # a double tap on an answered step
        shown = await _setup_step(services, session, challenge, step, value, now)
        if shown is None:
            return Answer(), []
        text, markup, outgoing = shown
        live = challenge.status == "active"
    popup = say(services.content, "group.popup.live", tapper) if live else None
    return Answer(popup=popup, edit=(text, markup)), outgoing


async def setup_reply(
    services: Services, chat_id: int, replied_id: int, user_id: int, text: str
) -> tuple[Reply | None, Outgoing]:
    """A typed zone or time, as a reply to the set-up message: the message's next look (or it
    again with a hint); None when the reply was to some other message of the bot's."""
    now = services.clock.now()
    async with services.transaction() as session:
        group = await db.group_by_chat(session, chat_id)
        drafts = await db.challenges_of_group(session, group.id, ("draft",)) if group else []
        draft = next((d for d in drafts if d.message_id == replied_id), None)
        if (
            draft is None
            or draft.step not in ("tz", "time")
            or not await db.is_creator(session, draft.id, user_id)
        ):
            return None, []
        step = draft.step
        shown = await _setup_step(services, session, draft, step, text, now)
        if shown is not None:
            return (shown[0], shown[1]), shown[2]
        creator = await queries.get_user(session, user_id)
        error_key = "group.setup.error.tz" if step == "tz" else "group.setup.error.time"
        suggestions = ", ".join(parse_zone(text).suggestions) if step == "tz" else ""
        error = say(services.content, error_key, creator, value=echo(text),
                    suggestions=suggestions)  # fmt: skip
        known = group.timezone if group else None
        name = creator.first_name if creator else ""
        again = views.setup_text(services.content, draft, name, error)
        return (again, views.setup_markup(services.content, draft, known)), []


# Taking part ----------------------------------------------------------------------------------


async def challenge_tap(
    services: Services,
    user_id: int,
    chat_id: int | None,
    tapped: ChallengeTap,
    *,
    in_group: bool,
    bot_username: str,
    may_end: Callable[[int, int], Awaitable[bool]],
) -> Shown:
    """Join, done, rest, leave or end, from the group's message (`chat_id` the group) or a
    private nudge (`chat_id` None). `may_end(group chat id, user id)` says whether a group admin
    taps (asked only when the tapper did not start the challenge)."""
    now = services.clock.now()
    action = tapped.action
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        challenge = await db.get_challenge(session, tapped.challenge_id)
        if (
            challenge is not None
            and chat_id is not None
            and not await _own_group(session, challenge, chat_id)
        ):
            return Answer(popup=say(services.content, "error.stale_button", user)), []
        if challenge is None or challenge.status != "active":
            return Answer(popup=say(services.content, "group.popup.ended", user)), []
        if action == "join":
            if user is None:
                popup = say(services.content, "group.popup.start_private", None)
                return Answer(popup=popup, url=deep_link(bot_username, challenge)), []
            text, outgoing = await _join(services, session, challenge, user, now)
            return Answer(popup=text), outgoing
        if action == "end":
            return await _end_early(services, session, challenge, user_id, user, may_end, now)
        member = await db.member_of(session, challenge.id, user.id) if user else None
        if user is None or member is None or member.left_at is not None:
            key = "group.popup.not_in" if action == "leave" else "group.popup.not_member"
            return Answer(popup=say(services.content, key, user)), []
        if action == "leave":
            member.left_at = now
            edit = None
            if in_group:
                goal = views.goal_words(services.content, challenge)
                left = say(services.content, "group.left", user, name=user.first_name, goal=goal)
                edit = (left, None)
            post = await service.refresh(services, session, challenge, now)
            answer = Answer(popup=say(services.content, "group.popup.left", user), edit=edit)
            return answer, [post] if post else []
        # Done or Rest: a ChallengeTap carries no other action here ("keep", with no
        # challenge, is the handler's; an unknown action is a stale button there).
        return await _count(services, session, challenge, user, action, in_group, now)


async def _own_group(session: AsyncSession, challenge: Challenge, chat_id: int | None) -> bool:
    """Whether `chat_id` is the group the challenge belongs to (a button of another group's
    challenge, forged or copied, is not for this chat)."""
    group = await session.get(GroupChat, challenge.group_id)
    return chat_id is not None and group is not None and group.chat_id == chat_id


async def _join(
    services: Services, session: AsyncSession, challenge: Challenge, user: User, now: datetime
) -> tuple[str, Outgoing]:
    """Join (or rejoin) with a tap; a private welcome for those who can get private messages."""
    _, new = await db.join(session, challenge.id, user.id, now)
    if not new:
        return say(services.content, "group.popup.already_in", user), []
    outgoing: Outgoing = []
    post = await service.refresh(services, session, challenge, now)
    if post is not None:
        outgoing.append(post)
    group = await session.get(GroupChat, challenge.group_id)
    if user.active and group is not None:
        outgoing.append(_joined_note(services, challenge, group, user))
    return say(services.content, "group.popup.joined", user), outgoing


async def _count(
    services: Services,
    session: AsyncSession,
    challenge: Challenge,
    user: User,
    action: str,
    in_group: bool,
    now: datetime,
) -> Shown:
    """Done today or Rest day, from the group message or a private nudge."""
    # The group's calendar on the group's message; the person's own in their private chat.
    day = (
        service.group_today(challenge, now) if in_group
        else local_date(now, ZoneInfo(user.timezone))
    )  # fmt: skip
    start = challenge.start_date or day
    if day < start:
        words = views.date_words(start)
        return Answer(popup=say(services.content, "group.popup.not_started", user, date=words)), []
    if challenge.end_date is not None and day > challenge.end_date:
        return Answer(popup=say(services.content, "group.popup.ended", user)), []
    kind: Status = "moved" if action == "done" else "resting"
    changed = await db.mark_day(session, user.id, day, kind, now)
    # Turning up in the group is hearing from the person: private prompts stop backing off.
    user.unanswered_prompts = 0
    key = f"group.popup.{kind}" if changed else "group.popup.already_counted"
    # Shown in the group at the next set time, like a private check-in (never at once, so a
    # tap and a private answer look alike).
    for each in await db.active_challenges_of_user(session, user.id):
        service.tally_later(each, now)
    edit = None if in_group else (say(services.content, f"group.nudge.{kind}", user), None)
    return Answer(popup=say(services.content, key, user), edit=edit), []


async def _end_early(
    services: Services,
    session: AsyncSession,
    challenge: Challenge,
    user_id: int,
    user: User | None,
    may_end: Callable[[int, int], Awaitable[bool]],
    now: datetime,
) -> Shown:
    """End a challenge early, if the tapper started it or is a group admin."""
    group = await session.get_one(GroupChat, challenge.group_id)  # never deleted
    allowed = await db.is_creator(session, challenge.id, user_id)
    if not allowed:
        allowed = await may_end(group.chat_id, user_id)
    if not allowed:
        return Answer(popup=say(services.content, "group.popup.not_allowed", user)), []
    outgoing = await service.end(services, session, challenge, "early", now)
    # The confirmation message becomes the closing summary: one message, not two.
    summary = next((o for o in outgoing if isinstance(o, service.Send)), None)
    rest = [o for o in outgoing if o is not summary]
    return Answer(edit=(summary.text, None) if summary else None), rest


async def leave(services: Services, user_id: int, name: str, chat_id: int) -> Shown:
    """/leave in a group: leave the one challenge you're in, or choose which."""
    now = services.clock.now()
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        group = await db.group_by_chat(session, chat_id)
        mine = (
            await db.active_challenges_of_user(session, user.id, group.id) if user and group else []
        )
        if user is None or not mine:
            return Answer.say(say(services.content, "group.leave.none", user, name=name)), []
        if len(mine) > 1:
            text = say(services.content, "group.leave.choose", user, name=user.first_name)
            return Answer.say(text, views.choose_markup(services.content, mine, "leave")), []
        challenge = mine[0]
        member = await db.member_of(session, challenge.id, user.id)
        assert member is not None
        member.left_at = now
        post = await service.refresh(services, session, challenge, now)
        text = say(services.content, "group.left", user, name=user.first_name,
                   goal=views.goal_words(services.content, challenge))  # fmt: skip
        return Answer.say(text), [post] if post else []


async def may_close_chooser(
    services: Services, chat_id: int, user_id: int, may_end: Callable[[int, int], Awaitable[bool]]
) -> bool:
    """Whether someone may close the group's /endchallenge chooser (Keep going): whoever
    started one of its running challenges, or a group admin, as for ending one."""
    async with services.sessions() as session:
        group = await db.group_by_chat(session, chat_id)
        for challenge in await db.challenges_of_group(session, group.id) if group else []:
            if await db.is_creator(session, challenge.id, user_id):
                return True
    return await may_end(chat_id, user_id)


async def end_choice(services: Services, chat_id: int) -> Answer:
    """/endchallenge in a group: which challenge to end early (creator or admin taps)."""
    async with services.sessions() as session:
        group = await db.group_by_chat(session, chat_id)
        running = await db.challenges_of_group(session, group.id) if group else []
        if not running:
            return Answer.say(say(services.content, "group.end.none", None))
        markup = views.choose_markup(services.content, running, "end", keep=True)
    return Answer.say(say(services.content, "group.end.choose", None), markup)


# From the private chat ------------------------------------------------------------------------


async def join_by_link(
    services: Services, user_id: int, chat_id: int, name: str, language: str | None, code: str
) -> Shown:
    """/start j<code> from a deep link: join the challenge (the usual /start follows)."""
    now = services.clock.now()
    outgoing: Outgoing = []
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None:
            # The same row /start would make; /start then welcomes them and runs the set-up.
            user = queries.new_user(
                user_id, chat_id, name, language, services.settings.default_timezone, now
            )
            session.add(user)
            await session.flush()
        user.active, user.chat_id = True, chat_id
        challenge = await db.challenge_by_code(session, code)
        group = await session.get(GroupChat, challenge.group_id) if challenge else None
        if not user.onboarded and dialogs.dialogue_of(user.dialog) is not Dialogue.SETTINGS:
            # Someone still setting up: the group's zone is the likeliest one, offered as the
            # default that Skip keeps (they can still type their own).
            zone = (challenge.timezone if challenge else None) or (
                group.timezone if group else None
            )
            if zone and is_zone(zone):
                user.timezone = zone
        if challenge is None or group is None or challenge.status != "active":
            text = say(services.content, "group.link.unknown", user)
        else:
            await db.join(session, challenge.id, user.id, now)
            text = _joined_note(services, challenge, group, user).text
            post = await service.refresh(services, session, challenge, now)
            outgoing = [post] if post else []
    return Answer.say(text), outgoing
