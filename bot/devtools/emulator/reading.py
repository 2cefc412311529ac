"""Read-only views of what the bot did: messages, files, answers, commands, calls."""

from __future__ import annotations

import json

from .core import ChatRef, EmulatorCore
from .models import JSON, CallbackAnswer, FakeUser, RecordedCall, StoredFile


class ReadMixin(EmulatorCore):
    """Accessors return copies, so tests can't corrupt the emulator's state."""

    def sent(self, chat: ChatRef | None = None) -> list[JSON]:
        """Every bot message (edits applied, deleted ones included) in send order."""
        if chat is not None:
            state = self.state_of(chat)
            return [dict(m) for m in self.world.iter_bot_messages(state, include_deleted=True)]
        result = []
        for chat_id, message_id in self.world.sent_order:
            msg = self.world.chats[chat_id].messages.get(message_id)
            if msg is not None:
                result.append(dict(msg))
        return result

    def messages(self, chat: ChatRef) -> list[JSON]:
        """Bot messages currently visible in a chat (edits applied, deleted removed)."""
        state = self.state_of(chat)
        return [dict(m) for m in self.world.iter_bot_messages(state, include_deleted=False)]

    def last(self, chat: ChatRef) -> JSON | None:
        """The latest visible bot message in a chat."""
        state = self.state_of(chat)
        bot_id = self.bot_id
        for message_id in reversed(state.messages):
            msg = state.messages[message_id]
            if msg["from"]["id"] == bot_id and message_id not in state.deleted:
                return dict(msg)
        return None

    def history(self, chat: ChatRef) -> list[JSON]:
        """All visible messages of a chat, from users and the bot, in order."""
        state = self.state_of(chat)
        return [dict(m) for i, m in state.messages.items() if i not in state.deleted]

    def deleted(self, chat: ChatRef) -> list[int]:
        """Ids of messages deleted in a chat."""
        return sorted(self.state_of(chat).deleted)

    def outputs(self, chat: ChatRef) -> list[JSON]:
        """Every bot output (new message or edit snapshot) in a chat, in order."""
        return [dict(m) for m in self.state_of(chat).outputs]

    def keyboard(self, chat: ChatRef) -> JSON | None:
        """The reply keyboard currently shown in a chat (None after ReplyKeyboardRemove)."""
        return self.state_of(chat).keyboard

    def pinned(self, chat: ChatRef) -> JSON | None:
        """The most recently pinned message of a chat."""
        state = self.state_of(chat)
        for message_id in reversed(state.pinned):
            msg = self.world.message(state, message_id)
            if msg is not None:
                return dict(msg)
        return None

    def chat_action(self, chat: ChatRef) -> str | None:
        """Last sendChatAction action in a chat."""
        return self.state_of(chat).last_action

    def bot_status(self, chat: ChatRef) -> str:
        """The bot's membership status in a chat."""
        return self.state_of(chat).bot_status

    def file(self, ref: JSON | str) -> StoredFile:
        """Stored file of a photo/document message, or by file_id."""
        if isinstance(ref, str):
            return self.world.files[ref]
        if "document" in ref:
            return self.world.files[ref["document"]["file_id"]]
        if "photo" in ref:
            return self.world.files[ref["photo"][-1]["file_id"]]
        raise LookupError("message has no photo or document")

    @property
    def files(self) -> list[StoredFile]:
        """Every stored file in creation order."""
        return list(self.world.files.values())

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        """answerCallbackQuery calls, in order."""
        return list(self.world.callback_answers)

    def answer_for(self, query_id: str) -> CallbackAnswer | None:
        """How the bot answered a given callback query (None if not yet)."""
        for answer in self.world.callback_answers:
            if answer.id == query_id:
                return answer
        return None

    def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """Commands set via setMyCommands for a scope (default scope if None)."""
        key = json.dumps(scope or {"type": "default"}, sort_keys=True)
        return list(self.api.commands.get((key, language_code), []))

    def calls_to(self, method: str) -> list[RecordedCall]:
        """Recorded calls of one method (case-insensitive)."""
        wanted = method.lower()
        return [c for c in self.calls if c.method.lower() == wanted]

    @property
    def sent_count(self) -> int:
        """Number of messages the bot sent (kept even when record_messages is off)."""
        return self.world.sent_total

    @property
    def updates_created(self) -> int:
        """How many updates have been injected so far."""
        return int(self.world.next_update_id) - 1

    def continue_update_ids(self, after: int) -> None:
        """Number new updates after `after`, as Telegram keeps counting for a bot across runs."""
        self.world.next_update_id = max(int(self.world.next_update_id), after + 1)

    @property
    def pending_updates(self) -> int:
        """Updates not yet fetched by getUpdates."""
        return self.world.undelivered

    @property
    def users(self) -> list[FakeUser]:
        """All fake users, in creation order."""
        return list(self.world.users.values())
