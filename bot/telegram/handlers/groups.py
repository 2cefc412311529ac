"""Group buddy challenges in the chat: joining a group, /challenge set-up, Join, Done today,
Rest day, /leave, /endchallenge, deep-link joining, migration and being removed. Each handler
parses the update, calls one use case (bot/usecases/groups.py) and delivers what it said.

Every reply to a button is a popup (answerCallbackQuery) or an edit of the message it sits
on; the group gets new messages only for commands typed there and the daily summaries.
"""

from __future__ import annotations

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

from bot.services import Services
from bot.telegram import delivery
from bot.telegram.handlers import onboarding
from bot.telegram.handlers.common import (
    Context,
    popup,
    send,
    send_now,
    services_of,
    show,
    stale_tap,
)
from bot.telegram.jobs import challenges as jobs
from bot.usecases import challenges as service
from bot.usecases import groups
from bot.usecases.answers import Answer
from bot.usecases.challenges import Outgoing
from bot.usecases.groups import LINK_PREFIX
from bot.views.callbacks import ChallengeTap, SetupTap
from bot.views.render import say

__all__ = ["LINK_PREFIX"]

# The group command menu: command and the label that describes it.
GROUP_COMMANDS = {
    "challenge": "command.challenge",
    "leave": "command.leave",
    "endchallenge": "command.endchallenge",
    "help": "command.group_help",
}
IN_GROUP = (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)
MAY_END = (ChatMember.ADMINISTRATOR, ChatMember.OWNER)
# Challenge buttons whose answer replaces the tapped message (the /endchallenge and /leave
# choosers): they must be on that message.
EDITS_TAPPED = ("keep", "leave", "end")


async def set_group_commands(bot: Bot, services: Services) -> None:
    """The command menu members see in groups."""
    commands = [BotCommand(c, services.content.label(key)) for c, key in GROUP_COMMANDS.items()]
    await bot.set_my_commands(commands, scope=BotCommandScopeAllGroupChats())


async def _tapped(update: Update, context: Context, answer: Answer, outgoing: Outgoing) -> None:
    """A button's answer: the popup, the tapped message's new look (edited in place only), then
    the challenge messages the service changed."""
    query = update.callback_query
    await popup(query, answer.popup, answer.alert, answer.url)
    if answer.edit is not None and query is not None:
        await _edit(query.message, *answer.edit)
    await jobs.deliver(services_of(context), context.bot, outgoing)


# The bot joining, leaving, blocked; the group moving ------------------------------------------


async def on_my_member(update: Update, context: Context) -> None:
    """The bot's own membership changed: added to a group, removed, or blocked in private."""
    services = services_of(context)
    change: ChatMemberUpdated | None = update.my_chat_member
    if change is None:
        return
    chat, status = change.chat, change.new_chat_member.status
    if chat.type == chat.PRIVATE:
        if status in (ChatMember.BANNED, ChatMember.LEFT):
            await groups.private_chat_blocked(services, chat.id)
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
    intro = await groups.bot_added(services, chat.id, chat.title or "")
    await set_group_commands(context.bot, services)
    if intro is not None:
        await delivery.later(context.bot, delivery.Say(chat.id, intro))


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
    await jobs.deliver(services, context.bot, await groups.moved(services, old, new))


# Setting a challenge up -----------------------------------------------------------------------


async def challenge_command(update: Update, context: Context) -> None:
    """/challenge in a group: a set-up message the creator answers with buttons."""
    services = services_of(context)
    tg_user, chat = update.effective_user, update.effective_chat
    if tg_user is None or chat is None:
        return
    instead, draft_id, (text, markup) = await groups.new_draft(
        services, tg_user.id, chat.id, chat.title or "", tg_user.first_name, context.bot.username
    )
    if instead is not None:
        await show(update, instead)
        return
    # Sent after the commit; its id is kept, as typed answers edit this message later.
    message_id = await send_now(update, text, markup)
    if message_id is not None:
        await service.store_message(services, draft_id, message_id)


async def on_setup_button(update: Update, context: Context) -> None:
    """A set-up answer (see SetupTap)."""
    services = services_of(context)
    query = update.callback_query
    if query is None or query.data is None or update.effective_user is None:
        return
    tapped = SetupTap.parse(query.data)
    if tapped is None:
        await stale_tap(services, update)
        return
    chat = update.effective_chat
    answer, outgoing = await groups.setup_tap(
        services, update.effective_user.id, chat.id if chat else None, tapped.challenge_id,
        tapped.step, tapped.value,
    )  # fmt: skip
    await _tapped(update, context, answer, outgoing)


async def on_setup_reply(update: Update, context: Context) -> None:
    """A typed zone or time, sent as a reply to the set-up message (privacy mode lets it in)."""
    services = services_of(context)
    message, tg_user = update.effective_message, update.effective_user
    replied = message.reply_to_message if message else None
    if message is None or tg_user is None or replied is None or message.text is None:
        return
    shown, outgoing = await groups.setup_reply(
        services, message.chat.id, replied.message_id, tg_user.id, message.text
    )
    if shown is None:
        return  # a reply to some other message of the bot's: nothing to do
    await _edit_by_id(context.bot, message.chat.id, replied.message_id, *shown)
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
    # The buttons that change the tapped message itself must be on it: a forged "keep going" or
    # "leave" sent against the challenge message would otherwise replace it.
    if action in EDITS_TAPPED and not _button_of(query.message, query.data):
        await stale_tap(services, update)
        return

    async def may_end(group_chat_id: int, user_id: int) -> bool:
        """Whether the tapper is an admin of the group (asked of Telegram)."""
        try:
            member = await context.bot.get_chat_member(group_chat_id, user_id)
        except TelegramError:
            return False
        return member.status in MAY_END

    chat = update.effective_chat
    if action == "keep":
        # Closing the /endchallenge chooser is for whoever may end a challenge there.
        if chat is None or not await groups.may_close_chooser(
            services, chat.id, update.effective_user.id, may_end
        ):
            await popup(query, say(services.content, "group.popup.not_allowed", None))
            return
        await popup(query)
        await _edit(query.message, say(services.content, "group.end.kept", None))
        return
    answer, outgoing = await groups.challenge_tap(
        services, update.effective_user.id, None if private or chat is None else chat.id,
        tapped, in_group=_in_group(query.message), bot_username=context.bot.username,
        may_end=may_end,
    )  # fmt: skip
    await _tapped(update, context, answer, outgoing)


def _button_of(message: object, data: str) -> bool:
    """Whether `data` is one of the buttons of the tapped message (as Telegram holds it)."""
    markup = message.reply_markup if isinstance(message, Message) else None
    if markup is None:
        return False
    return any(b.callback_data == data for row in markup.inline_keyboard for b in row)


def _in_group(message: object) -> bool:
    """Whether a tapped message sits in a group (not a private nudge)."""
    return isinstance(message, Message) and message.chat.type != message.chat.PRIVATE


def _private(chat: Chat | None) -> bool:
    """Whether a button was tapped outside any group (a private nudge)."""
    return chat is None or chat.type == chat.PRIVATE


async def leave_command(update: Update, context: Context) -> None:
    """/leave in a group: leave the one challenge you're in, or choose which."""
    services = services_of(context)
    tg_user, chat = update.effective_user, update.effective_chat
    if tg_user is None or chat is None:
        return
    answer, outgoing = await groups.leave(services, tg_user.id, tg_user.first_name, chat.id)
    await show(update, answer)
    await jobs.deliver(services, context.bot, outgoing)


async def end_command(update: Update, context: Context) -> None:
    """/endchallenge in a group: which challenge to end early (creator or admin taps)."""
    chat = update.effective_chat
    if chat is not None:
        await show(update, await groups.end_choice(services_of(context), chat.id))


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
    answer, outgoing = await groups.join_by_link(
        services, tg_user.id, chat.id, tg_user.first_name or "", tg_user.language_code, code
    )
    await show(update, answer)
    await jobs.deliver(services, context.bot, outgoing)
    await onboarding.start(update, context)


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
