"""Emulator state holder and lifecycle, shared by the injection and inspection mixins."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from types import TracebackType
from typing import Self

from .activity import Activity
from .chat_methods import BotApi
from .faults import FaultPlan, RateLimiter
from .models import JSON, FakeChat, FakeUser, RecordedCall
from .params import Params
from .polling import Poller
from .server import ApiServer
from .state import ChatState, Clock, World, utc_now

ChatRef = FakeUser | FakeChat | int


class EmulatorCore:
    """Owns the world model, the API implementation and the HTTP server."""

    def __init__(
        self,
        bot_username: str = "SmallStepsBot",
        bot_id: int = 1000,
        *,
        bot_name: str = "Small Steps",
        token: str | None = None,
        clock: Clock | None = None,
        privacy_mode: bool = True,
    ) -> None:
        self.bot_username = bot_username
        self.bot_id = bot_id
        # Any token is accepted unless one is given explicitly (then others get 401)
        self.token = token or f"{bot_id}:AAEmulatorToken"
        self.strict_token = token is not None
        self.privacy_mode = privacy_mode
        bot_user = {"id": bot_id, "is_bot": True, "first_name": bot_name, "username": bot_username}
        self.world = World(bot_user, clock or utc_now)
        self.api = BotApi(self.world)
        self.handlers = self.api.handlers()
        self.activity = Activity()
        self.down_mode: str | None = None
        self.poller = Poller(
            self.world, lambda: self.api.webhook_url, lambda: self.down_mode is not None
        )
        self.faults = FaultPlan()
        self.limiter = RateLimiter()
        self.latency = 0.0
        self.timeout_hold = 30.0
        self.record_calls = True
        self.calls: list[RecordedCall] = []
        self.call_counts: Counter[str] = Counter()
        self.internal_errors: list[BaseException] = []
        self._server = ApiServer(self)
        self._url: str | None = None

    # configuration -----------------------------------------------------------

    @property
    def record_messages(self) -> bool:
        """False keeps only counters and a bounded window of recent messages per chat."""
        return self.world.record_messages

    @record_messages.setter
    def record_messages(self, value: bool) -> None:
        # One switch for huge runs; set record_calls afterwards to decouple the two
        self.world.record_messages = value
        self.record_calls = value

    @property
    def keep_per_chat(self) -> int:
        """Messages/outputs kept per chat when record_messages is off (up to twice this)."""
        return self.world.keep_per_chat

    @keep_per_chat.setter
    def keep_per_chat(self, value: int) -> None:
        self.world.keep_per_chat = max(1, value)

    def subscribe(self, listener: Callable[[JSON], None]) -> Callable[[], None]:
        """Call `listener(message)` for every bot output (new or edited); returns unsubscribe."""
        self.world.listeners.append(listener)
        return lambda: self.world.listeners.remove(listener)

    @property
    def clock(self) -> Clock:
        """Source of message dates."""
        return self.world.clock

    @clock.setter
    def clock(self, value: Clock) -> None:
        self.world.clock = value

    @property
    def bot_user(self) -> dict[str, object]:
        """The bot's own `User` JSON."""
        return dict(self.world.bot_user)

    @property
    def url(self) -> str:
        """Base URL, e.g. http://127.0.0.1:PORT (only while running)."""
        if self._url is None:
            raise RuntimeError("Emulator is not started; call `await emu.start()` first")
        return self._url

    @property
    def base_url(self) -> str:
        """Value for ApplicationBuilder().base_url()."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ApplicationBuilder().base_file_url()."""
        return f"{self.url}/file/bot"

    # lifecycle ---------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Start serving; port 0 picks a free port. Returns the base URL."""
        if self._url is not None:
            return self._url
        self.poller.stopping = False
        self.poller.signal.reset()
        self.activity.signal.reset()
        self._url = await self._server.start(host, port)
        return self._url

    async def stop(self) -> None:
        """Release long polls and held requests, then close the server."""
        if self._url is None:
            return
        self.poller.stopping = True
        self.poller.wake()
        await self._server.stop()
        self._url = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # plumbing used by the server and mixins ----------------------------------------

    def record_call(self, method: str, params: Params) -> RecordedCall | None:
        """Count every call; keep a RecordedCall unless record_calls is off."""
        self.call_counts[method] += 1
        if not self.record_calls:
            return None
        data = {**params.data, **params.files} if params.files else params.data
        call = RecordedCall(method, data, time.monotonic())
        self.calls.append(call)
        return call

    def notify_output(self) -> None:
        """The bot produced a message or edit: wake reply()/wait_for() waiters."""
        self.activity.touch()

    def chat_id_of(self, target: ChatRef | dict[str, object]) -> int:
        """Chat id of a user (private chat), chat, message dict or raw id."""
        if isinstance(target, FakeUser | FakeChat):
            return target.id
        if isinstance(target, dict):
            chat = target.get("chat")
            if isinstance(chat, dict) and isinstance(chat.get("id"), int):
                return int(chat["id"])
            raise ValueError("message dict has no chat")
        return int(target)

    def state_of(self, target: ChatRef | dict[str, object]) -> ChatState:
        """The ChatState for a user/chat/id; KeyError with a hint if unknown."""
        chat_id = self.chat_id_of(target)
        state = self.world.chats.get(chat_id)
        if state is None:
            raise KeyError(f"unknown chat {chat_id}; create it with emu.user() or emu.group()")
        return state
