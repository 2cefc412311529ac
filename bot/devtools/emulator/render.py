"""Human-readable rendering of messages and their inline keyboards."""

from __future__ import annotations

from typing import Any

from .models import JSON


def buttons(msg: JSON) -> list[tuple[str, str]]:
    """Inline buttons flattened row by row as (label, callback_data); '' for non-callback."""
    markup = msg.get("reply_markup") or {}
    rows: Any = markup.get("inline_keyboard") or []
    return [(str(b.get("text", "")), str(b.get("callback_data", ""))) for row in rows for b in row]


def _body(msg: JSON) -> str:
    parts: list[str] = []
    if "photo" in msg:
        parts.append("[photo]")
    if "document" in msg:
        doc = msg["document"]
        parts.append(f"[document {doc.get('file_name', '')} {doc.get('file_size', 0)} bytes]")
    if "sticker" in msg:
        parts.append(f"[sticker {msg['sticker'].get('emoji', '')}]".replace(" ]", "]"))
    if "new_chat_members" in msg:
        names = ", ".join(m.get("first_name", "?") for m in msg["new_chat_members"])
        parts.append(f"[joined: {names}]")
    if "migrate_to_chat_id" in msg:
        parts.append(f"[migrated to {msg['migrate_to_chat_id']}]")
    text = msg.get("text") or msg.get("caption")
    if text:
        parts.append(str(text))
    return "\n".join(parts)


def format_message(msg: JSON) -> str:
    """Text (or media placeholder), then numbered inline buttons, one keyboard row per line."""
    lines = [_body(msg)]
    markup = msg.get("reply_markup") or {}
    number = 0
    for row in markup.get("inline_keyboard") or []:
        cells = []
        for button in row:
            number += 1
            label = f"[{number}] {button.get('text', '')}"
            if "url" in button:
                label += f" <{button['url']}>"
            cells.append(label)
        lines.append("  ".join(cells))
    return "\n".join(line for line in lines if line)
