"""Group buddy challenges in the chat: joining a group, /challenge set-up, Join, Done today,
Rest day, /leave, /endchallenge, deep-link joining, migration and being removed.

Every reply to a button is a popup (answerCallbackQuery) or an edit of the message it sits
on; the group gets new messages only for commands typed there and the daily summaries.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    Chat,
    ChatMember,
    ChatMemberUpdated,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.error import TelegramError

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
from bot.telegram import delivery
from bot.telegram.handlers import onboarding, privacy
from bot.telegram.handlers.common import (
    Context,
    popup,
    read_tap,
    send,
    send_now,
    services_of,
    stale_tap,
)
from bot.telegram.jobs import challenges as jobs
from bot.usecases import challenges as service
from bot.views import challenges as views
from bot.views import keyboards
from bot.views.callbacks import ChallengeTap, SetupTap, parse_any
from bot.views.choices import ACTIVITIES
from bot.views.render import echo, say

# The group command menu: command and the label that describes it.
GROUP_COMMANDS = {
    "challenge": "command.challenge",
    "leave": "command.leave",
    "endchallenge": "command.endchallenge",
    "help": "command.group_help",
}
LINK_PREFIX = "j"  # /start j<code> joins a challenge
IN_GROUP = (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)
MAY_END = (ChatMember.ADMINISTRATOR, ChatMember.OWNER)


async def set_group_commands(bot: Bot, services: Services) -> None:
    """The command menu members see in groups."""
    commands = [BotCommand(c, services.content.label(key)) for c, key in GROUP_COMMANDS.items()]
    await bot.set_my_commands(commands, scope=BotCommandScopeAllGroupChats())


def deep_link(bot: Bot, challenge: Challenge) -> str:
    """The link that opens a private chat with the bot and joins the challenge."""
    return f"https://t.me/{bot.username}?start={LINK_PREFIX}{challenge.code}"


# The bot joining, leaving, blocked; the group moving ------------------------------------------


async def on_my_member(update: Update, context: Context) -> None:
    """The bot's own membership changed: added to a group, removed, or blocked in private."""
    services = services_of(context)
    change: ChatMemberUpdated | None = update.my_chat_member
    if change is None:
        return
    chat, status = change.chat, change.new_chat_member.status
    now = services.clock.now()
    if chat.type == chat.PRIVATE:
        # Blocked: no more private messages; a group button still counts for them.
        async with services.transaction() as session:
            user = await queries.get_user(session, chat.id)
            if user is not None and status in (ChatMember.BANNED, ChatMember.LEFT):
                user.active = False
        return
    if chat.type == chat.CHANNEL:
        # Challenges need people talking back; a channel only broadcasts. Leave quietly, store
        # nothing, post nothing (a post would go to every subscriber).
        if status in IN_GROUP:
            await delivery.later(context.bot, delivery.Leave(chat.id))
        return
    if status not in IN_GROUP:
        await jobs.removed(services, context.bot, chat.id)
        return
    async with services.transaction() as session:
        group = await db.ensure_group(session, chat.id, chat.title or "", now)
        group.active = True
        introduce = not group.introduced
        group.introduced = True
    await set_group_commands(context.bot, services)
    if introduce:
        intro = delivery.Say(chat.id, say(services.content, "group.intro", None))
        await delivery.later(context.bot, intro)


async def on_migrate(update: Update, context: Context) -> None:
    """The group became a supergroup: follow it and show running challenges there."""
    services = services_of(context)
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        old, new = message.chat.id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old, new = message.migrate_from_chat_id, message.chat.id
    else:
        return
    if not await service.migrate(services, old, new):
        return
    now = services.clock.now()
    outgoing: service.Outgoing = []
    async with services.transaction() as session:
        group = await db.group_by_chat(session, new)
        for challenge in await db.challenges_of_group(session, group.id) if group else []:
            post = await service.refresh(services, session, challenge, now, force=True)
            if post is not None:
                outgoing.append(post)
    await jobs.deliver(services, context.bot, outgoing)


# Setting a challenge up -----------------------------------------------------------------------


async def challenge_command(update: Update, context: Context) -> None:
    """/challenge in a group: a set-up message the creator answers with buttons."""
    services = services_of(context)
    tg_user, chat = update.effective_user, update.effective_chat
    if tg_user is None or chat is None:
        return
    now = services.clock.now()
    async with services.transaction() as session:
        user = await queries.get_user(session, tg_user.id)
        if user is None:
            text = say(services.content, "group.start_private_first", None, name=tg_user.first_name)
            await send(
                update, text, keyboards.private_chat_link(services.content, context.bot.username)
            )
            return
        group = await db.ensure_group(session, chat.id, chat.title or "", now)
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
        draft_id = draft.id
        text = views.setup_text(services.content, draft, user.first_name)
        markup = views.setup_markup(services.content, draft)
    # Sent after the commit; its id is kept, as typed answers edit this message later.
    message_id = await send_now(update, text, markup)
    if message_id is not None:
        async with services.transaction() as session:
            saved = await db.get_challenge(session, draft_id)
            if saved is not None:
                saved.message_id = message_id


def _apply(challenge: Challenge, step: str, value: str) -> bool:
    """Store one set-up answer (a button value or typed text); False when it isn't understood."""
    if step == "act" and (value in ACTIVITIES or value == OWN):
        challenge.activity = value
    elif step == "min" and (value == OWN or parse_id(value) in MINUTE_CHOICES):
        challenge.minutes = None if value == OWN else parse_id(value)
    elif step == "len" and parse_id(value) in LENGTHS:
        challenge.length_days = parse_id(value) or challenge.length_days
    elif step == "tz":
        zone = value if is_zone(value) and "/" in value else parse_zone(value).zone
        if zone is None:
            return False
        challenge.timezone = zone
    elif step == "time":
        parsed = parse_time(value)  # "2030" from a button, "8pm" or "half past eight" typed
        if parsed is None:
            return False
        challenge.summary_time = parsed
    else:
        return False
    following = views.SETUP_STEPS.index(step) + 1
    challenge.step = views.SETUP_STEPS[following] if following < len(views.SETUP_STEPS) else None
    return True


def _activate(challenge: Challenge, group: GroupChat, now: datetime) -> None:
    """The last answer is in: fix the dates and start the summary and nudge outboxes."""
    zone = ZoneInfo(challenge.timezone or "UTC")
    at = challenge.summary_time or time(20, 0)
    start = first_day(now, at, zone)
    end = last_day(start, challenge.length_days or LENGTHS[0])
    challenge.status, challenge.step = "active", None
    challenge.start_date, challenge.end_date = start, end
    challenge.summary_day, challenge.next_summary_at = start, summary_instant(start, at, zone)
    nudge_day = start if nudge_instant(start, at, zone) > now else start + timedelta(days=1)
    if nudge_day <= end:
        challenge.nudge_day, challenge.next_nudge_at = nudge_day, nudge_instant(nudge_day, at, zone)
    group.timezone = challenge.timezone
    challenge.updated_at = now


async def _setup_step(
    services: Services,
    session: AsyncSession,
    challenge: Challenge,
    step: str,
    value: str,
    now: datetime,
) -> tuple[str, InlineKeyboardMarkup | None, service.Outgoing] | None:
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
    outgoing: service.Outgoing = []
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


async def on_setup_button(update: Update, context: Context) -> None:
    """A set-up answer (see SetupTap)."""
    services = services_of(context)
    query = update.callback_query
    tapped = await read_tap(services, update, SetupTap)
    if query is None or tapped is None or update.effective_user is None:
        return
    step, value = tapped.step, tapped.value
    now = services.clock.now()
    async with services.transaction() as session:
        tapper = await queries.get_user(session, update.effective_user.id)
        challenge = await db.get_challenge(session, tapped.challenge_id)
        chat = update.effective_chat
        if challenge is not None and not await _own_group(session, challenge, chat):
            await stale_tap(services, update, tapper)
            return
        if challenge is None or challenge.status != "draft":
            await popup(query, say(services.content, "group.popup.setup_closed", tapper))
            return
        if not await db.is_creator(session, challenge.id, update.effective_user.id):
            creator = await db.creator_of(session, challenge.id)
            name = creator.first_name if creator else ""
            await popup(query, say(services.content, "group.popup.creator_only", tapper, name=name))
            return
        if step == "cancel":
            challenge.status = "cancelled"
            await popup(query)
            await _edit(query.message, say(services.content, "group.setup.cancelled", tapper))
            return
        if step != challenge.step:
            await popup(query)  # a double tap on an answered step
            return
        shown = await _setup_step(services, session, challenge, step, value, now)
        if shown is None:
            await popup(query)
            return
        text, markup, outgoing = shown
        live = challenge.status == "active"
    await popup(query, say(services.content, "group.popup.live", tapper) if live else None)
    await _edit(query.message, text, markup)
    await jobs.deliver(services, context.bot, outgoing)


async def on_setup_reply(update: Update, context: Context) -> None:
    """A typed zone or time, sent as a reply to the set-up message (privacy mode lets it in)."""
    services = services_of(context)
    message, tg_user = update.effective_message, update.effective_user
    replied = message.reply_to_message if message else None
    if message is None or tg_user is None or replied is None or message.text is None:
        return
    now = services.clock.now()
    async with services.transaction() as session:
        group = await db.group_by_chat(session, message.chat.id)
        drafts = await db.challenges_of_group(session, group.id, ("draft",)) if group else []
        draft = next((d for d in drafts if d.message_id == replied.message_id), None)
        if (
            draft is None
            or draft.step not in ("tz", "time")
            or not await db.is_creator(session, draft.id, tg_user.id)
        ):
            return  # a reply to some other message of the bot's: nothing to do
        step = draft.step
        shown = await _setup_step(services, session, draft, step, message.text, now)
        creator = await queries.get_user(session, tg_user.id)
        if shown is None:
            error_key = "group.setup.error.tz" if step == "tz" else "group.setup.error.time"
            suggestions = ", ".join(parse_zone(message.text).suggestions) if step == "tz" else ""
            error = say(
                services.content, error_key, creator, value=echo(message.text),
                suggestions=suggestions,
            )  # fmt: skip
            known = group.timezone if group else None
            name = creator.first_name if creator else ""
            text = views.setup_text(services.content, draft, name, error)
            markup: InlineKeyboardMarkup | None = views.setup_markup(services.content, draft, known)
            outgoing: service.Outgoing = []
        else:
            text, markup, outgoing = shown
    await _edit_by_id(context.bot, message.chat.id, replied.message_id, text, markup)
    await jobs.deliver(services, context.bot, outgoing)


# Taking part ----------------------------------------------------------------------------------


async def on_button(update: Update, context: Context) -> None:
    """A challenge button: join, done, rest, leave, end or keep going (see ChallengeTap)."""
    services = services_of(context)
    query = update.callback_query
    if query is None or query.data is None or update.effective_user is None:
        return
    tapped = ChallengeTap.parse(query.data)
    private = _private(update.effective_chat)
    # Privately only a nudge's Done and Rest exist; in a group, only that group's challenges.
    if tapped is None or (private and tapped.action not in ChallengeTap.PRIVATE):
        await stale_tap(services, update)
        return
    action = tapped.action
    if action == "keep":
        await popup(query)
        await _edit(query.message, say(services.content, "group.end.kept", None))
        return
    now = services.clock.now()
    answer: str | None = None
    url: str | None = None
    edit: str | None = None
    outgoing: service.Outgoing = []
    async with services.transaction() as session:
        user = await queries.get_user(session, update.effective_user.id)
        challenge = await db.get_challenge(session, tapped.challenge_id)
        if (
            challenge is not None
            and not private
            and not await _own_group(session, challenge, update.effective_chat)
        ):
            await stale_tap(services, update, user)
            return
        if challenge is None or challenge.status != "active":
            await popup(query, say(services.content, "group.popup.ended", user))
            return
        if action == "join":
            if user is None:
                answer = say(services.content, "group.popup.start_private", None)
                url = deep_link(context.bot, challenge)
            else:
                answer, outgoing = await _join(services, session, challenge, user, now)
        elif action == "end":
            answer, edit, outgoing = await _end_early(
                services, session, challenge, update, context, now
            )
        else:
            member = await db.member_of(session, challenge.id, user.id) if user else None
            if user is None or member is None or member.left_at is not None:
                key = "group.popup.not_in" if action == "leave" else "group.popup.not_member"
                answer = say(services.content, key, user)
            elif action == "leave":
                member.left_at = now
                answer = say(services.content, "group.popup.left", user)
                if _in_group(query.message):
                    goal = views.goal_words(services.content, challenge)
                    edit = say(
                        services.content, "group.left", user, name=user.first_name, goal=goal
                    )
                post = await service.refresh(services, session, challenge, now)
                outgoing = [post] if post else []
            elif action in ("done", "rest"):
                answer, edit, outgoing = await _count(
                    services, session, challenge, user, action, query.message, now
                )
    await popup(query, answer, url=url)
    if edit is not None:
        await _edit(query.message, edit)
    await jobs.deliver(services, context.bot, outgoing)


def _in_group(message: object) -> bool:
    """Whether a tapped message sits in a group (not a private nudge)."""
    return isinstance(message, Message) and message.chat.type != message.chat.PRIVATE


def _private(chat: Chat | None) -> bool:
    """Whether a button was tapped outside any group (a private nudge)."""
    return chat is None or chat.type == chat.PRIVATE


async def _own_group(session: AsyncSession, challenge: Challenge, chat: Chat | None) -> bool:
    """Whether `chat` is the group the challenge belongs to (a button of another group's
    challenge, forged or copied, is not for this chat)."""
    group = await session.get(GroupChat, challenge.group_id)
    return chat is not None and group is not None and group.chat_id == chat.id


async def _join(
    services: Services, session: AsyncSession, challenge: Challenge, user: User, now: datetime
) -> tuple[str, service.Outgoing]:
    """Join (or rejoin) with a tap; a private welcome for those who can get private messages."""
    _, new = await db.join(session, challenge.id, user.id, now)
    if not new:
        return say(services.content, "group.popup.already_in", user), []
    outgoing: service.Outgoing = []
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
    message: object,
    now: datetime,
) -> tuple[str, str | None, service.Outgoing]:
    """Done today or Rest day, from the group message or a private nudge."""
    in_group = _in_group(message)
    # The group's calendar on the group's message; the person's own in their private chat.
    day = (
        service.group_today(challenge, now) if in_group
        else local_date(now, ZoneInfo(user.timezone))
    )  # fmt: skip
    start = challenge.start_date or day
    if day < start:
        return (
            say(services.content, "group.popup.not_started", user, date=views.date_words(start)),
            None,
            [],
        )
    if challenge.end_date is not None and day > challenge.end_date:
        return say(services.content, "group.popup.ended", user), None, []
    kind: Status = "moved" if action == "done" else "resting"
    changed = await db.mark_day(session, user.id, day, kind, now)
    # Turning up in the group is hearing from the person: private prompts stop backing off.
    user.unanswered_prompts = 0
    key = f"group.popup.{kind}" if changed else "group.popup.already_counted"
    outgoing: service.Outgoing = []
    for each in await db.active_challenges_of_user(session, user.id):
        post = await service.refresh(services, session, each, now)
        if post is not None:
            outgoing.append(post)
    edit = None if in_group else say(services.content, f"group.nudge.{kind}", user)
    return say(services.content, key, user), edit, outgoing


async def _end_early(
    services: Services,
    session: AsyncSession,
    challenge: Challenge,
    update: Update,
    context: Context,
    now: datetime,
) -> tuple[str | None, str | None, service.Outgoing]:
    """End a challenge early, if the tapper started it or is a group admin."""
    tapper = update.effective_user
    group = await session.get(GroupChat, challenge.group_id)
    if tapper is None or group is None:
        return None, None, []
    user = await queries.get_user(session, tapper.id)
    allowed = await db.is_creator(session, challenge.id, tapper.id)
    if not allowed:
        try:
            member = await context.bot.get_chat_member(group.chat_id, tapper.id)
            allowed = member.status in MAY_END
        except TelegramError:
            allowed = False
    if not allowed:
        return say(services.content, "group.popup.not_allowed", user), None, []
    outgoing = await service.end(services, session, challenge, "early", now)
    # The confirmation message becomes the closing summary: one message, not two.
    summary = next((o for o in outgoing if isinstance(o, service.Send)), None)
    rest = [o for o in outgoing if o is not summary]
    return None, summary.text if summary else None, rest


async def leave_command(update: Update, context: Context) -> None:
    """/leave in a group: leave the one challenge you're in, or choose which."""
    services = services_of(context)
    tg_user, chat = update.effective_user, update.effective_chat
    if tg_user is None or chat is None:
        return
    now = services.clock.now()
    outgoing: service.Outgoing = []
    async with services.transaction() as session:
        user = await queries.get_user(session, tg_user.id)
        group = await db.group_by_chat(session, chat.id)
        mine = (
            await db.active_challenges_of_user(session, user.id, group.id) if user and group else []
        )
        if user is None or not mine:
            none = say(services.content, "group.leave.none", user, name=tg_user.first_name)
            await send(update, none)
            return
        if len(mine) > 1:
            text = say(services.content, "group.leave.choose", user, name=user.first_name)
            await send(update, text, views.choose_markup(services.content, mine, "leave"))
            return
        challenge = mine[0]
        member = await db.member_of(session, challenge.id, user.id)
        assert member is not None
        member.left_at = now
        post = await service.refresh(services, session, challenge, now)
        outgoing = [post] if post else []
        text = say(services.content, "group.left", user, name=user.first_name,
                   goal=views.goal_words(services.content, challenge))  # fmt: skip
    await send(update, text)
    await jobs.deliver(services, context.bot, outgoing)


async def end_command(update: Update, context: Context) -> None:
    """/endchallenge in a group: which challenge to end early (creator or admin taps)."""
    services = services_of(context)
    chat = update.effective_chat
    if chat is None:
        return
    async with services.sessions() as session:
        group = await db.group_by_chat(session, chat.id)
        running = await db.challenges_of_group(session, group.id) if group else []
        if not running:
            await send(update, say(services.content, "group.end.none", None))
            return
        markup = views.choose_markup(services.content, running, "end", keep=True)
    await send(update, say(services.content, "group.end.choose", None), markup)


async def help_command(update: Update, context: Context) -> None:
    """/help in a group: how challenges work."""
    await send(update, say(services_of(context).content, "group.help", None))


# From the private chat ------------------------------------------------------------------------


async def start_from_link(update: Update, context: Context) -> None:
    """/start j<code> from a deep link: join the challenge, then the usual /start."""
    services = services_of(context)
    tg_user, chat = update.effective_user, update.effective_chat
    code = (context.args or [""])[0].removeprefix(LINK_PREFIX)
    if tg_user is None or chat is None:
        return
    now = services.clock.now()
    outgoing: service.Outgoing = []
    async with services.transaction() as session:
        user = await queries.get_user(session, tg_user.id)
        if user is None:
            # The same row /start would make; /start then welcomes them and runs the set-up.
            user = queries.new_user(
                tg_user.id, chat.id, tg_user.first_name or "", tg_user.language_code,
                services.settings.default_timezone, now,
            )  # fmt: skip
            session.add(user)
            await session.flush()
        user.active, user.chat_id = True, chat.id
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
    await send(update, text)
    await jobs.deliver(services, context.bot, outgoing)
    await onboarding.start(update, context)


async def before_delete(update: Update, context: Context) -> None:
    """The final /delete tap: the person's challenges will be shown again without them (only
    for a tap whose one-time token holds: a forged or old one deletes nothing)."""
    services = services_of(context)
    query, tapper = update.callback_query, update.effective_user
    if query is None or tapper is None:
        return
    if await privacy.confirmed(services, tapper.id, query.data):
        await service.forget_member(services, tapper.id)


async def private_progress(update: Update, context: Context) -> None:
    """After a private typed answer or a plan's tap: daily prompts again, and the group tallies
    follow (a forged or garbled tap is no answer). A check-in tap does this in its own unit of
    work (bot/telegram/handlers/checkin.py)."""
    query = update.callback_query
    if query is not None and parse_any(query.data) is None:
        return
    if update.effective_user is not None:
        services = services_of(context)
        outgoing = await service.heard_from_id(services, update.effective_user.id)
        await jobs.deliver(services, context.bot, outgoing)


# Small helpers --------------------------------------------------------------------------------


async def _edit(message: object, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Show new text in the tapped message (after the handler returned)."""
    if isinstance(message, Message):
        edit = delivery.Edit(message.chat.id, message.message_id, text, markup)
        await delivery.later(message.get_bot(), edit)


async def _edit_by_id(
    bot: Bot, chat_id: int, message_id: int, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Edit a message we only know by id (the set-up message, after a typed reply)."""
    await delivery.later(bot, delivery.Edit(chat_id, message_id, text, markup))
