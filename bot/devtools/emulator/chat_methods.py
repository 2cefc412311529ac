"""Bot API methods about the bot itself, chats, members, commands and webhooks."""

from __future__ import annotations

import json
import re

from . import members
from .methods import MessagingApi
from .models import JSON, bad_request
from .params import Params
from .state import World

_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")


class BotApi(MessagingApi):
    """All implemented Bot API methods; unknown ones are answered 404 by the server."""

    def __init__(self, world: World) -> None:
        super().__init__(world)
        self.webhook_url = ""
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.menu_buttons: dict[int | None, JSON] = {}
        self.profile: dict[str, str] = {}

    # bot -------------------------------------------------------------------

    def api_getMe(self, p: Params) -> JSON:
        """getMe."""
        return self.world.bot_user | {
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def api_logOut(self, p: Params) -> bool:
        """logOut."""
        return True

    def api_close(self, p: Params) -> bool:
        """close."""
        return True

    def api_setWebhook(self, p: Params) -> bool:
        """setWebhook (no deliveries are made; it only blocks getUpdates, like Telegram)."""
        self.webhook_url = p.string("url") or ""
        if p.flag("drop_pending_updates"):
            self.world.updates.clear()
        return True

    def api_deleteWebhook(self, p: Params) -> bool:
        """deleteWebhook."""
        self.webhook_url = ""
        if p.flag("drop_pending_updates"):
            self.world.updates.clear()
        return True

    def api_getWebhookInfo(self, p: Params) -> JSON:
        """getWebhookInfo."""
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.world.updates),
        }

    @staticmethod
    def _scope(p: Params) -> tuple[str, str]:
        scope = p.structured("scope")
        if not isinstance(scope, dict):
            scope = {"type": "default"}
        key = json.dumps(scope, sort_keys=True)
        return key, p.string("language_code") or ""

    def api_setMyCommands(self, p: Params) -> bool:
        """setMyCommands with Telegram's validation of names and descriptions."""
        commands = p.structured("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("can't parse commands JSON object")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND_NAME.fullmatch(
                str(command.get("command", ""))
            ):
                raise bad_request("BOT_COMMAND_INVALID")
            description = str(command.get("description", ""))
            if not description.strip():
                raise bad_request("command description is empty")
            if len(description) > 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._scope(p)] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    def api_getMyCommands(self, p: Params) -> list[JSON]:
        """getMyCommands."""
        return list(self.commands.get(self._scope(p), []))

    def api_deleteMyCommands(self, p: Params) -> bool:
        """deleteMyCommands."""
        self.commands.pop(self._scope(p), None)
        return True

    def api_setChatMenuButton(self, p: Params) -> bool:
        """setChatMenuButton."""
        chat_id = p.integer("chat_id")
        button = p.structured("menu_button")
        self.menu_buttons[chat_id] = button if isinstance(button, dict) else {"type": "default"}
        return True

    def api_getChatMenuButton(self, p: Params) -> JSON:
        """getChatMenuButton."""
        chat_id = p.integer("chat_id")
        default = self.menu_buttons.get(None, {"type": "default"})
        return self.menu_buttons.get(chat_id, default)

    def _set_profile(self, p: Params, key: str) -> bool:
        self.profile[key] = p.string(key) or ""
        return True

    def api_setMyDescription(self, p: Params) -> bool:
        """setMyDescription."""
        return self._set_profile(p, "description")

    def api_setMyShortDescription(self, p: Params) -> bool:
        """setMyShortDescription."""
        return self._set_profile(p, "short_description")

    def api_setMyName(self, p: Params) -> bool:
        """setMyName."""
        return self._set_profile(p, "name")

    def api_getMyDescription(self, p: Params) -> JSON:
        """getMyDescription."""
        return {"description": self.profile.get("description", "")}

    def api_getMyShortDescription(self, p: Params) -> JSON:
        """getMyShortDescription."""
        return {"short_description": self.profile.get("short_description", "")}

    def api_getMyName(self, p: Params) -> JSON:
        """getMyName."""
        return {"name": self.profile.get("name", self.world.bot_user["first_name"])}

    # chats -----------------------------------------------------------------

    def api_getChat(self, p: Params) -> JSON:
        """getChat."""
        return members.full_info(self.resolve(p))

    def api_getChatMember(self, p: Params) -> JSON:
        """getChatMember."""
        state = self.resolve(p)
        user_id = p.integer("user_id")
        bot = self.world.bot_user
        if user_id == bot["id"]:
            return members.member(state.bot_status, bot)
        user = self.world.users.get(user_id or 0)
        if user is None:
            raise bad_request("user not found")
        return members.member(members.user_status(state, user.id), user.to_dict())

    def api_getChatAdministrators(self, p: Params) -> list[JSON]:
        """getChatAdministrators."""
        state = self.resolve(p)
        if state.chat.type == "private":
            raise bad_request("there are no administrators in the private chat")
        result = []
        for user_id in ([state.owner] if state.owner else []) + sorted(state.admins):
            user = self.world.users.get(user_id)
            if user is not None:
                result.append(members.member(members.user_status(state, user_id), user.to_dict()))
        if state.bot_status == "administrator":
            result.append(members.member("administrator", self.world.bot_user))
        return result

    def api_getChatMemberCount(self, p: Params) -> int:
        """getChatMemberCount."""
        state = self.resolve(p)
        if state.chat.type == "private":
            return 2
        return len(state.members) + (state.bot_status in ("member", "administrator"))

    def api_pinChatMessage(self, p: Params) -> bool:
        """pinChatMessage."""
        state = self.writable(p)
        message_id = p.integer("message_id")
        if message_id is None or self.world.message(state, message_id) is None:
            raise bad_request("message to pin not found")
        if message_id in state.pinned:
            state.pinned.remove(message_id)
        state.pinned.append(message_id)
        return True

    def api_unpinChatMessage(self, p: Params) -> bool:
        """unpinChatMessage (latest pin when message_id is omitted)."""
        state = self.writable(p)
        message_id = p.integer("message_id")
        if message_id is None:
            if state.pinned:
                state.pinned.pop()
        elif message_id in state.pinned:
            state.pinned.remove(message_id)
        else:
            raise bad_request("message to unpin not found")
        return True

    def api_unpinAllChatMessages(self, p: Params) -> bool:
        """unpinAllChatMessages."""
        self.writable(p).pinned.clear()
        return True

    def api_leaveChat(self, p: Params) -> bool:
        """leaveChat; Telegram then sends the bot a my_chat_member update."""
        state = self.resolve(p)
        if state.chat.type == "private":
            raise bad_request("chat member status can't be changed in private chats")
        if state.bot_status in ("left", "kicked"):
            raise bad_request("bot is not a member of the group chat")
        bot = self.world.bot_user
        old, state.bot_status = state.bot_status, "left"
        self.world.enqueue(
            "my_chat_member", members.my_chat_member(state, bot, bot, old, "left", self.world.now())
        )
        return True
