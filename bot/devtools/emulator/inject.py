"""Test-side actions of simulated users: messages, taps, group membership, blocking."""

from __future__ import annotations

import asyncio
import re

from . import members
from .core import ChatRef, EmulatorCore
from .formatting import command_entity
from .media import tiny_png
from .methods import document, photo_size
from .models import JSON, FakeChat, FakeUser
from .render import buttons
from .state import ChatState

MessageRef = JSON | int


class InjectMixin(EmulatorCore):
    """Creating users and chats and injecting the updates their actions cause."""

    # people and places -------------------------------------------------------

    def user(
        self,
        first_name: str = "User",
        *,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str = "en",
        user_id: int | None = None,
        started: bool = False,
    ) -> FakeUser:
        """A new user; `started=True` lets the bot message them before they write first."""
        serial = self.world.serial()
        if username is None:
            username = re.sub(r"\W", "", first_name.lower()) or None
        user = FakeUser(
            user_id or 100_000_000 + serial, first_name, username, last_name, language_code
        )
        self.world.users[user.id] = user
        self.world.add_chat(user.private_chat()).started = started
        return user

    def group(
        self,
        title: str = "Group",
        *,
        supergroup: bool = False,
        bot_member: bool = True,
        owner: FakeUser | None = None,
        members: tuple[FakeUser, ...] = (),
        serial: int | None = None,
    ) -> FakeChat:
        """A new group (negative id) that by default already contains the bot.

        A fixed `serial` gives the same chat id every run (play mode keeps its database).
        """
        serial = self.world.serial() if serial is None else serial
        if supergroup:
            chat = FakeChat(-1_000_000_000_000 - serial, "supergroup", title=title)
        else:
            chat = FakeChat(-4_000_000_000 - serial, "group", title=title)
        state = self.world.add_chat(chat)
        state.bot_status = "member" if bot_member else "left"
        state.members.update(m.id for m in members)
        if owner is not None:
            state.owner = owner.id
            state.members.add(owner.id)
        return chat

    def make_admin(self, user: FakeUser, group: FakeChat) -> None:
        """Register `user` as a group administrator (getChatMember says 'administrator')."""
        state = self.state_of(group)
        state.admins.add(user.id)
        state.members.add(user.id)

    def make_bot_admin(self, group: FakeChat, admin: bool = True) -> None:
        """Promote the bot; admins see every group message despite privacy mode."""
        self.state_of(group).bot_status = "administrator" if admin else "member"

    # messages ----------------------------------------------------------------

    async def send_text(
        self,
        user: FakeUser,
        text: str,
        *,
        chat: ChatRef | None = None,
        reply_to: MessageRef | None = None,
        entities: list[JSON] | None = None,
    ) -> JSON:
        """User sends text; a leading /command gets its bot_command entity."""
        content: JSON = {"text": text}
        found = entities if entities is not None else [e for e in [command_entity(text)] if e]
        if found:
            content["entities"] = found
        return await self._user_message(user, chat, content, reply_to)

    async def edit_text(
        self, user: FakeUser, message: JSON, text: str, *, chat: ChatRef | None = None
    ) -> JSON:
        """User edits one of their text messages: Telegram sends an edited_message update."""
        state = self.state_of(chat if chat is not None else user)
        stored = self._message_in(state, message)
        if stored.get("from", {}).get("id") != user.id:
            raise ValueError(f"{user.first_name} can only edit their own messages")
        stored["text"] = text
        stored["edit_date"] = self.world.now()
        state.marker = state.output_count
        if self._bot_sees(state, stored):
            self.world.enqueue("edited_message", dict(stored))
        await self._settle()
        return stored

    async def send_sticker(
        self, user: FakeUser, *, chat: ChatRef | None = None, emoji: str = "👍"
    ) -> JSON:
        """User sends a sticker."""
        serial = self.world.serial()
        sticker = {
            "file_id": f"CAACAgIAAx{serial:08d}Sticker",
            "file_unique_id": f"AgAS{serial}",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return await self._user_message(user, chat, {"sticker": sticker})

    async def send_photo(
        self,
        user: FakeUser,
        *,
        chat: ChatRef | None = None,
        caption: str | None = None,
        data: bytes | None = None,
        reply_to: MessageRef | None = None,
    ) -> JSON:
        """User sends a photo (a tiny real PNG unless `data` is given)."""
        stored = self.world.new_file("photo.png", "image/png", data or tiny_png(), "photos")
        content: JSON = {"photo": [photo_size(stored, (4, 4))]}
        if caption:
            content["caption"] = caption
        return await self._user_message(user, chat, content, reply_to)

    async def send_document(
        self,
        user: FakeUser,
        data: bytes,
        *,
        file_name: str = "file.bin",
        mime_type: str = "application/octet-stream",
        chat: ChatRef | None = None,
        caption: str | None = None,
    ) -> JSON:
        """User sends a file; the bot can download it via getFile."""
        stored = self.world.new_file(file_name, mime_type, data, "documents")
        content: JSON = {"document": document(stored)}
        if caption:
            content["caption"] = caption
        return await self._user_message(user, chat, content)

    async def _user_message(
        self,
        user: FakeUser,
        chat: ChatRef | None,
        content: JSON,
        reply_to: MessageRef | None = None,
    ) -> JSON:
        state = self.state_of(chat if chat is not None else user)
        if state.chat.type == "private":
            if state.chat.id != user.id:
                raise ValueError(f"{user.first_name} cannot write in another user's chat")
            if state.blocked:
                await self.unblock(user)
            state.started = True
        else:
            if state.migrated_to is not None:
                raise ValueError(f"group was migrated; write to chat {state.migrated_to}")
            state.members.add(user.id)
        if reply_to is not None:
            target = self._message_in(state, reply_to)
            content = {
                "reply_to_message": {k: v for k, v in target.items() if k != "reply_to_message"},
                **content,
            }
        msg = self.world.new_message(state, user.to_dict(), content)
        state.marker = state.output_count
        if self._bot_sees(state, msg):
            self.world.enqueue("message", msg)
        await self._settle()
        return msg

    def _bot_sees(self, state: ChatState, msg: JSON) -> bool:
        """Telegram's delivery rules, including group privacy mode."""
        if state.chat.type == "private":
            return True
        if state.bot_status not in ("member", "administrator"):
            return False
        if not self.privacy_mode or state.bot_status == "administrator":
            return True
        text = str(msg.get("text") or msg.get("caption") or "")
        reply = msg.get("reply_to_message")
        if isinstance(reply, dict) and reply.get("from", {}).get("id") == self.bot_id:
            return True
        if f"@{self.bot_username}".lower() in text.lower():
            return True
        entity = command_entity(text)
        if entity is not None:
            _, at, target = text[: entity["length"]].partition("@")
            return not at or target.lower() == self.bot_username.lower()
        return not any(key in msg for key in ("text", "photo", "sticker", "document"))

    async def _settle(self) -> None:
        self.activity.touch()
        # Let the long-poll task run so injects and replies interleave naturally
        await asyncio.sleep(0)

    # callback queries ------------------------------------------------------------

    def _message_in(self, state: ChatState, message: MessageRef) -> JSON:
        message_id = message if isinstance(message, int) else message["message_id"]
        current = self.world.message(state, message_id)
        if current is None:
            raise LookupError(
                f"message {message_id} not found in chat {state.chat.id} (deleted or never sent)"
            )
        return current

    def current(self, message: MessageRef, chat: ChatRef | None = None) -> JSON:
        """The message as it is now (edits applied)."""
        if isinstance(message, int):
            if chat is None:
                raise ValueError("pass chat= when referring to a message by id")
            return dict(self._message_in(self.state_of(chat), message))
        return dict(self._message_in(self.state_of(message), message))

    async def tap(
        self, user: FakeUser, message: MessageRef, data: str, *, chat: ChatRef | None = None
    ) -> str:
        """User presses an inline button carrying `data`; returns the callback query id."""
        state = self.state_of(
            chat if chat is not None else (user if isinstance(message, int) else message)
        )
        msg = self._message_in(state, message)
        query_id = str(4_000_000_000_000_000_000 + self.world.serial())
        payload: JSON = {
            "id": query_id,
            "from": user.to_dict(),
            "message": msg,
            "chat_instance": str(abs(state.chat.id) * 7 + 10**12),
            "data": data,
        }
        self.world.pending_callbacks[query_id] = payload
        state.marker = state.output_count
        self.world.enqueue("callback_query", payload)
        await self._settle()
        return query_id

    async def tap_button(
        self, user: FakeUser, message: MessageRef, button: str | int, *, chat: ChatRef | None = None
    ) -> str:
        """Tap an inline button by label (case-insensitive substring) or 0-based flat index."""
        state = self.state_of(
            chat if chat is not None else (user if isinstance(message, int) else message)
        )
        msg = self._message_in(state, message)
        options = buttons(msg)
        if not options:
            raise LookupError(f"message {msg['message_id']} has no inline buttons")
        if isinstance(button, int):
            label, data = options[button]
        else:
            wanted = button.lower()
            exact = [o for o in options if o[0].lower() == wanted]
            partial = [o for o in options if wanted in o[0].lower()]
            matches = exact or partial
            if len(matches) != 1:
                labels = ", ".join(repr(o[0]) for o in options)
                problem = "no button" if not matches else "several buttons"
                raise LookupError(f"{problem} matching {button!r}; buttons: {labels}")
            label, data = matches[0]
        if not data:
            raise ValueError(f"button {label!r} has no callback_data (url or other button)")
        return await self.tap(user, msg, data, chat=state.chat.id)

    async def press(self, user: FakeUser, label: str, *, chat: ChatRef | None = None) -> JSON:
        """Press a reply-keyboard button (sends its text, like Telegram clients do)."""
        state = self.state_of(chat if chat is not None else user)
        keyboard = state.keyboard or {}
        rows = keyboard.get("keyboard") or []
        labels = [b if isinstance(b, str) else str(b.get("text", "")) for row in rows for b in row]
        matches = [t for t in labels if t.lower() == label.lower()] or [
            t for t in labels if label.lower() in t.lower()
        ]
        if len(matches) != 1:
            raise LookupError(
                f"no single reply-keyboard button matching {label!r}; keyboard: {labels}"
            )
        if keyboard.get("one_time_keyboard"):
            state.keyboard = None
        return await self.send_text(user, matches[0], chat=state.chat.id)

    # membership --------------------------------------------------------------

    def _member_update(self, state: ChatState, actor: JSON, new: str) -> JSON | None:
        old = state.bot_status
        state.bot_status = new
        return self.world.enqueue(
            "my_chat_member",
            members.my_chat_member(state, actor, self.world.bot_user, old, new, self.world.now()),
        )

    async def add_to_group(self, user: FakeUser, group: FakeChat) -> JSON:
        """`user` adds the bot: my_chat_member update plus a new_chat_members message."""
        state = self.state_of(group)
        if state.bot_status in ("member", "administrator"):
            state.bot_status = "left"  # re-adding: report it as a fresh join
        state.members.add(user.id)
        self._member_update(state, user.to_dict(), "member")
        msg = self.world.new_message(
            state, user.to_dict(), {"new_chat_members": [self.world.bot_user]}
        )
        state.marker = state.output_count
        self.world.enqueue("message", msg)
        await self._settle()
        return msg

    def _someone(self, state: ChatState, by: FakeUser | None) -> JSON:
        if by is not None:
            return by.to_dict()
        for user_id in [state.owner, *state.admins, *state.members]:
            if user_id is not None and user_id in self.world.users:
                return self.world.users[user_id].to_dict()
        return {"id": 777000, "is_bot": False, "first_name": "Telegram"}

    async def remove_from_group(self, group: FakeChat, *, by: FakeUser | None = None) -> JSON:
        """The bot is kicked from the group (my_chat_member update)."""
        state = self.state_of(group)
        update = self._member_update(state, self._someone(state, by), "kicked")
        await self._settle()
        return update or {}

    async def migrate_group(self, group: FakeChat, *, by: FakeUser | None = None) -> FakeChat:
        """Upgrade a group to a supergroup; the old id then answers with migrate_to_chat_id."""
        old = self.state_of(group)
        if old.chat.type != "group":
            raise ValueError("only basic groups can be migrated")
        chat = FakeChat(
            -1_000_000_000_000 - self.world.serial(), "supergroup", title=old.chat.title
        )
        new = self.world.add_chat(chat)
        new.bot_status, new.owner = old.bot_status, old.owner
        new.members, new.admins = set(old.members), set(old.admins)
        old.migrated_to = chat.id
        actor = self._someone(old, by)
        if self._bot_sees(old, {}):
            self.world.enqueue(
                "message", self.world.new_message(old, actor, {"migrate_to_chat_id": chat.id})
            )
            self.world.enqueue(
                "message", self.world.new_message(new, actor, {"migrate_from_chat_id": old.chat.id})
            )
        old.marker = old.output_count
        new.marker = new.output_count
        await self._settle()
        return chat

    async def block(self, user: FakeUser) -> None:
        """User blocks the bot: sends to them fail with 403 until unblocked."""
        state = self.state_of(user)
        state.blocked = True
        self._member_update(state, user.to_dict(), "kicked")
        await self._settle()

    async def unblock(self, user: FakeUser) -> None:
        """User unblocks (restarts) the bot."""
        state = self.state_of(user)
        state.blocked = False
        self._member_update(state, user.to_dict(), "member")
        await self._settle()

    async def inject(self, kind: str, payload: JSON) -> JSON | None:
        """Escape hatch: queue an arbitrary update payload of the given type."""
        update = self.world.enqueue(kind, payload)
        await self._settle()
        return update
