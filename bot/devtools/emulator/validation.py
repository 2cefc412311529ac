"""Checks Telegram applies to message text, captions and reply markup."""

from __future__ import annotations

from typing import Any

from .formatting import parse_html, sort_entities, strip_text
from .markdown import parse_markdown, parse_markdown_v2
from .models import JSON, bad_request

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
_BUTTON_KINDS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)


def parse_text(text: str, parse_mode: str | None, entities: Any) -> tuple[str, list[JSON]]:
    """Apply parse_mode (or explicit entities) and trim like Telegram."""
    if isinstance(entities, list) and entities:
        parsed = sort_entities([dict(e) for e in entities if isinstance(e, dict)])
    else:
        mode = (parse_mode or "").lower()
        if mode == "html":
            text, parsed = parse_html(text)
        elif mode == "markdownv2":
            text, parsed = parse_markdown_v2(text)
        elif mode == "markdown":
            text, parsed = parse_markdown(text)
        elif mode:
            raise bad_request(f"unsupported parse_mode {parse_mode}")
        else:
            parsed = []
    return strip_text(text, parsed)


def message_text(raw: Any, parse_mode: str | None, entities: Any) -> tuple[str, list[JSON]]:
    """Validated text of sendMessage/editMessageText."""
    if not isinstance(raw, str) or not raw.strip():
        raise bad_request("message text is empty")
    text, parsed = parse_text(raw, parse_mode, entities)
    if not text:
        raise bad_request("message text is empty")
    if len(text) > MAX_TEXT:
        raise bad_request("message is too long")
    return text, parsed


def caption_text(raw: Any, parse_mode: str | None, entities: Any) -> tuple[str, list[JSON]]:
    """Validated optional caption of media messages."""
    if not isinstance(raw, str) or not raw:
        return "", []
    text, parsed = parse_text(raw, parse_mode, entities)
    if len(text) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    return text, parsed


def _check_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    kinds = [kind for kind in _BUTTON_KINDS if kind in button]
    if not kinds:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    data = button.get("callback_data")
    if data is not None and not (0 < len(str(data).encode()) <= MAX_CALLBACK_DATA):
        raise bad_request("BUTTON_DATA_INVALID")
    url = button.get("url")
    if url is not None and not (
        isinstance(url, str) and url.startswith(("http://", "https://", "tg://"))
    ):
        raise bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")


def reply_markup(raw: Any) -> tuple[JSON | None, JSON | None]:
    """Split markup into (inline keyboard stored on the message, reply keyboard for the chat)."""
    if raw is None or raw == "":
        return None, None
    if not isinstance(raw, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in raw:
        rows = raw["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request("can't parse inline keyboard markup JSON object")
        for row in rows:
            for button in row:
                _check_button(button)
        if sum(len(row) for row in rows) > 100:
            raise bad_request("REPLY_MARKUP_TOO_LONG")
        return raw, None
    if "keyboard" in raw or "remove_keyboard" in raw or "force_reply" in raw:
        return None, raw
    raise bad_request("can't parse reply keyboard markup JSON object")
