"""What a use case has to say, as data: the handler hands it to delivery as it is."""

from __future__ import annotations

from dataclasses import dataclass, field

from telegram import InlineKeyboardMarkup

Reply = tuple[str, InlineKeyboardMarkup | None]


@dataclass(frozen=True)
class File:
    """A picture or a document to send (a chart, an export)."""

    data: bytes
    filename: str
    caption: str | None = None
    photo: bool = False


@dataclass
class Answer:
    """The reply to one update: a popup for a tap, the tapped message's new look, new messages.

    `popup` None ends a tap's spinner without words; a message that is not a tap has no popup.
    `edit` replaces the tapped message (sent anew when there is none, or it cannot be edited);
    `buttons` only changes its buttons (its text stays); `drop_buttons` takes them away.
    `files` go after the new messages.
    """

    popup: str | None = None
    alert: bool = False
    url: str | None = None  # a popup's link (a game or a deep link to the private chat)
    edit: Reply | None = None
    buttons: InlineKeyboardMarkup | None = None
    drop_buttons: bool = False  # the tapped message keeps its text and loses its buttons
    sends: list[Reply] = field(default_factory=list)
    files: list[File] = field(default_factory=list)

    @classmethod
    def say(cls, text: str, markup: InlineKeyboardMarkup | None = None) -> Answer:
        """One new message."""
        return cls(sends=[(text, markup)])
