"""Local Telegram Bot API emulator for end-to-end tests, play mode and benchmarks."""

from .emulator import Emulator
from .faults import Fault
from .formatting import parse_html
from .handled import HandledCounter
from .media import tiny_png
from .models import ApiError, CallbackAnswer, FakeChat, FakeUser, RecordedCall, StoredFile
from .render import buttons, format_message

__all__ = [
    "ApiError",
    "CallbackAnswer",
    "Emulator",
    "FakeChat",
    "FakeUser",
    "Fault",
    "HandledCounter",
    "RecordedCall",
    "StoredFile",
    "buttons",
    "format_message",
    "parse_html",
    "tiny_png",
]
