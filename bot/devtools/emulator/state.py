"""In-memory model of chats, messages, files and the pending update queue."""

from __future__ import annotations

import datetime as dtm
import itertools
import logging
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .models import JSON, CallbackAnswer, FakeChat, FakeUser, StoredFile, bad_request

Clock = Callable[[], dtm.datetime]
_LOGGER = logging.getLogger(__name__)

# What Telegram sends when a bot never passed allowed_updates.
DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "purchased_paid_media",
    }
)


def utc_now() -> dtm.datetime:
    """Default clock."""
    return dtm.datetime.now(dtm.UTC)


@dataclass(slots=True, eq=False)
class ChatState:
    """Everything the emulator knows about one chat."""

    chat: FakeChat
    info: JSON
    messages: dict[int, JSON] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    outputs: list[JSON] = field(default_factory=list)
    dropped: int = 0  # outputs trimmed away in bounded mode; keeps absolute indexes valid
    marker: int = 0
    next_id: int = 1
    bot_status: str = "member"
    started: bool = False
    blocked: bool = False
    migrated_to: int | None = None
    members: set[int] = field(default_factory=set)
    admins: set[int] = field(default_factory=set)
    owner: int | None = None
    keyboard: JSON | None = None
    pinned: list[int] = field(default_factory=list)
    last_action: str | None = None
    bot_sent: int = 0

    @property
    def output_count(self) -> int:
        """Absolute number of bot outputs (messages and edits) so far."""
        return self.dropped + len(self.outputs)

    def output(self, index: int) -> JSON:
        """Output by absolute index."""
        return self.outputs[index - self.dropped]

    def outputs_from(self, index: int) -> list[JSON]:
        """Outputs with absolute index >= index."""
        return self.outputs[max(index - self.dropped, 0) :]


class World:
    """Pure state; the HTTP layer and the test helpers both mutate it through here."""

    def __init__(self, bot_user: JSON, clock: Clock) -> None:
        self.bot_user = bot_user
        self.clock = clock
        self.chats: dict[int, ChatState] = {}
        self.users: dict[int, FakeUser] = {}
        self.updates: deque[JSON] = deque()
        self.next_update_id = 1
        self.delivered_upto = 0
        self.allowed_updates: frozenset[str] = DEFAULT_UPDATE_TYPES
        self.files: dict[str, StoredFile] = {}
        self.file_paths: dict[str, StoredFile] = {}
        self.pending_callbacks: dict[str, JSON] = {}
        self.callback_answers: list[CallbackAnswer] = []
        self.sent_order: list[tuple[int, int]] = []
        self.sent_total = 0
        self.record_messages = True
        self.keep_per_chat = 50
        self.on_update: Callable[[], None] = lambda: None
        self.listeners: list[Callable[[JSON], None]] = []
        self._ids = itertools.count(1)

    def now(self) -> int:
        """Unix time from the injectable clock."""
        return int(self.clock().timestamp())

    def serial(self) -> int:
        """A process-unique counter for ids of users, chats, files and queries."""
        return next(self._ids)

    # chats -----------------------------------------------------------------

    def add_chat(self, chat: FakeChat) -> ChatState:
        """Register a chat (idempotent)."""
        state = self.chats.get(chat.id)
        if state is None:
            state = self.chats[chat.id] = ChatState(chat, chat.to_dict())
        return state

    def chat(self, chat_id: int) -> ChatState:
        """The chat or a Telegram-style 'chat not found'."""
        state = self.chats.get(chat_id)
        if state is None:
            raise bad_request("chat not found")
        return state

    # messages --------------------------------------------------------------

    def message(self, state: ChatState, message_id: int | None) -> JSON | None:
        """A live (not deleted) message by id."""
        if message_id is None or message_id in state.deleted:
            return None
        return state.messages.get(message_id)

    def new_message(self, state: ChatState, sender: JSON, content: JSON) -> JSON:
        """Build and store a message with the next per-chat id."""
        message_id = state.next_id
        state.next_id += 1
        msg: JSON = {
            "message_id": message_id,
            "from": sender,
            "chat": state.info,
            "date": self.now(),
            **content,
        }
        state.messages[message_id] = msg
        self._trim(state)
        return msg

    def bot_message(self, state: ChatState, content: JSON) -> JSON:
        """Store a message sent by the bot and log it as an output."""
        msg = self.new_message(state, self.bot_user, content)
        state.bot_sent += 1
        self.sent_total += 1
        state.outputs.append(msg)
        if self.record_messages:
            self.sent_order.append((state.chat.id, msg["message_id"]))
        self._announce(msg)
        return msg

    def replace_message(self, state: ChatState, msg: JSON, output: bool = True) -> None:
        """Swap in an edited copy; stored dicts are never mutated so snapshots stay valid."""
        state.messages[msg["message_id"]] = msg
        if output:
            state.outputs.append(msg)
            self._trim(state)
            self._announce(msg)

    def _announce(self, msg: JSON) -> None:
        for listener in self.listeners:
            try:
                listener(msg)
            except Exception:
                # A broken observer (e.g. the play UI) must not fail the bot's API call
                _LOGGER.exception("emulator output listener failed")

    def _trim(self, state: ChatState) -> None:
        if self.record_messages:
            return
        keep = self.keep_per_chat
        if len(state.outputs) > 2 * keep:
            del state.outputs[:keep]
            state.dropped += keep
        if len(state.messages) > 2 * keep:
            for message_id in list(itertools.islice(state.messages, keep)):
                del state.messages[message_id]
                state.deleted.discard(message_id)

    def iter_bot_messages(self, state: ChatState, include_deleted: bool) -> Iterator[JSON]:
        """Bot messages of one chat in send order, edits applied."""
        bot_id = self.bot_user["id"]
        for message_id, msg in state.messages.items():
            if msg["from"]["id"] == bot_id and (include_deleted or message_id not in state.deleted):
                yield msg

    # updates ---------------------------------------------------------------

    def enqueue(self, kind: str, payload: JSON) -> JSON | None:
        """Queue an update unless the bot's allowed_updates filter drops it."""
        if kind not in self.allowed_updates:
            return None
        update = {"update_id": self.next_update_id, kind: payload}
        self.next_update_id += 1
        self.updates.append(update)
        self.on_update()
        return update

    def confirm(self, offset: int) -> None:
        """Forget updates below `offset` (positive) or keep only the last -offset ones."""
        queue = self.updates
        if offset < 0:
            while len(queue) > -offset:
                queue.popleft()
            return
        # An item without an id (never an update Telegram sends; a test's junk) counts as 0.
        while queue and queue[0].get("update_id", 0) < offset:
            queue.popleft()

    def peek(self, limit: int) -> list[JSON]:
        """Up to `limit` unconfirmed updates, marking them delivered."""
        batch = list(itertools.islice(self.updates, limit))
        if batch:
            self.delivered_upto = max(self.delivered_upto, batch[-1].get("update_id", 0))
        return batch

    @property
    def undelivered(self) -> int:
        """Updates no getUpdates call has returned yet."""
        count = 0
        for update in reversed(self.updates):
            if update.get("update_id", 0) <= self.delivered_upto:
                break
            count += 1
        return count

    def new_file(self, name: str, mime: str, data: bytes, folder: str) -> StoredFile:
        """Store file bytes under a fresh file_id and download path."""
        serial = self.serial()
        suffix = name.rpartition(".")[2] if "." in name else "bin"
        stored = StoredFile(
            file_id=f"BQACAgIAAx{serial:08d}EmuFile",
            file_unique_id=f"AgAD{serial:06d}",
            file_name=name,
            mime_type=mime,
            data=data,
            file_path=f"{folder}/file_{serial}.{suffix}",
        )
        self.files[stored.file_id] = stored
        self.file_paths[stored.file_path] = stored
        return stored
