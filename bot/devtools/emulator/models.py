"""Plain data types shared by the emulator modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class FakeUser:
    """A simulated Telegram user; its private chat id equals its user id."""

    id: int
    first_name: str
    username: str | None = None
    last_name: str | None = None
    language_code: str = "en"

    @property
    def chat_id(self) -> int:
        """Id of the user's private chat with the bot."""
        return self.id

    def to_dict(self) -> JSON:
        """Telegram `User` JSON."""
        data: JSON = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        data["language_code"] = self.language_code
        return data

    def private_chat(self) -> FakeChat:
        """The private chat between this user and the bot."""
        return FakeChat(
            id=self.id,
            type="private",
            first_name=self.first_name,
            last_name=self.last_name,
            username=self.username,
        )


@dataclass(frozen=True, slots=True)
class FakeChat:
    """A simulated chat: private, group or supergroup."""

    id: int
    type: str
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None

    @property
    def chat_id(self) -> int:
        """Same as `id`; lets users and chats be used interchangeably."""
        return self.id

    @property
    def is_group(self) -> bool:
        """True for groups and supergroups."""
        return self.type in ("group", "supergroup")

    def to_dict(self) -> JSON:
        """Telegram `Chat` JSON."""
        data: JSON = {"id": self.id, "type": self.type}
        for key in ("title", "first_name", "last_name", "username"):
            value = getattr(self, key)
            if value:
                data[key] = value
        return data


@dataclass(slots=True)
class StoredFile:
    """A file the bot uploaded (or a user sent), with its raw bytes."""

    file_id: str
    file_unique_id: str
    file_name: str
    mime_type: str
    data: bytes
    file_path: str

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.data)


@dataclass(slots=True)
class Upload:
    """A multipart file part as it arrived over HTTP."""

    file_name: str
    mime_type: str
    data: bytes


@dataclass(slots=True)
class RecordedCall:
    """One Bot API request and its outcome."""

    method: str
    params: JSON
    timestamp: float
    result: Any = None
    error: ApiError | None = None
    duration: float = 0.0
    hung: bool = False  # held open by timeout_next

    @property
    def ok(self) -> bool:
        """True when the call succeeded."""
        return self.error is None


@dataclass(frozen=True, slots=True)
class CallbackAnswer:
    """An answerCallbackQuery call the bot made."""

    id: str
    text: str | None
    show_alert: bool
    url: str | None = None
    cache_time: int | None = None


class ApiError(Exception):
    """A Bot API error response (`ok: false`)."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(status, description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def __str__(self) -> str:
        return f"{self.status} {self.description}"

    def to_dict(self) -> JSON:
        """The JSON body Telegram would send."""
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str) -> ApiError:
    """400 with Telegram's 'Bad Request: ' prefix."""
    return ApiError(400, f"Bad Request: {reason}")


def forbidden(reason: str) -> ApiError:
    """403 with Telegram's 'Forbidden: ' prefix."""
    return ApiError(403, f"Forbidden: {reason}")


def too_many_requests(retry_after: int) -> ApiError:
    """429 flood-wait error carrying parameters.retry_after."""
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )
