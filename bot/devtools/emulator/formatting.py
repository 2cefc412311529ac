"""Telegram's HTML parse mode: tags to entities, plus shared text helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import JSON, ApiError, bad_request

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "code": "code",
    "pre": "pre",
    "tg-spoiler": "spoiler",
}
_SUPPORTED_TAGS = {*_SIMPLE_TAGS, "a", "span", "blockquote", "tg-emoji"}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'", "nbsp": "\xa0"}
_TAG_NAME = re.compile(r"[a-zA-Z0-9-]*")
_ATTRIBUTE = re.compile(r"""\s*([a-zA-Z0-9_-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?")
_ENTITY_RUN = re.compile(r"&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{1,10});")


def u16len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def byte_offset(source: str, index: int) -> int:
    """UTF-8 byte offset of `index`, as Telegram reports it in parse errors."""
    return len(source[:index].encode())


def parse_error(reason: str) -> ApiError:
    """The 400 Telegram answers for malformed markup."""
    return bad_request(f"can't parse entities: {reason}")


def command_entity(text: str) -> JSON | None:
    """A bot_command entity for a leading '/command[@bot]', like Telegram adds."""
    match = _COMMAND.match(text)
    if match is None:
        return None
    return {"offset": 0, "length": u16len(match.group()), "type": "bot_command"}


def strip_text(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    """Trim surrounding whitespace as Telegram does, shifting entities to match."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    if not stripped:
        return "", []
    lead = u16len(text[: len(text) - len(text.lstrip())])
    end = u16len(stripped)
    kept: list[JSON] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        stop = min(entity["offset"] + entity["length"] - lead, end)
        if stop > start:
            kept.append({**entity, "offset": start, "length": stop - start})
    return stripped, kept


def sort_entities(entities: list[JSON]) -> list[JSON]:
    """Telegram's order: by offset, enclosing entities first."""
    return sorted(entities, key=lambda e: (e["offset"], -e["length"]))


@dataclass(slots=True)
class _Open:
    tag: str
    start: int
    at_byte: int
    attrs: dict[str, str] = field(default_factory=dict)
    language: str | None = None


def _decode_entity(name: str) -> str | None:
    if name[0] != "#":
        return _NAMED_ENTITIES.get(name.lower())
    try:
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        return chr(code)
    except (ValueError, OverflowError):
        return None


def unescape(text: str) -> str:
    """Decode the HTML entities Telegram understands; unknown ones stay literal."""
    if "&" not in text:
        return text

    def repl(match: re.Match[str]) -> str:
        decoded = _decode_entity(match.group(1))
        return match.group() if decoded is None else decoded

    return _ENTITY_RUN.sub(repl, text)


class _HtmlParser:
    """Single-pass scanner; mirrors TDLib's error messages closely enough for tests."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.out: list[str] = []
        self.pos = 0  # UTF-16 length emitted so far
        self.stack: list[_Open] = []
        self.entities: list[JSON] = []

    def emit(self, chunk: str) -> None:
        if chunk:
            self.out.append(chunk)
            self.pos += u16len(chunk)

    def run(self) -> tuple[str, list[JSON]]:
        src, i, n = self.src, 0, len(self.src)
        while i < n:
            lt = src.find("<", i)
            stop = n if lt < 0 else lt
            self.emit(unescape(src[i:stop]))
            if lt < 0:
                break
            i = self.end_tag(lt) if src.startswith("</", lt) else self.start_tag(lt)
        if self.stack:
            tag = self.stack[-1].tag
            raise parse_error(f'Can\'t find end tag corresponding to start tag "{tag}"')
        return "".join(self.out), sort_entities(self.entities)

    def start_tag(self, lt: int) -> int:
        src = self.src
        name_match = _TAG_NAME.match(src, lt + 1)
        assert name_match is not None  # the pattern accepts the empty string
        name = name_match.group().lower()
        where = byte_offset(src, lt)
        if name not in _SUPPORTED_TAGS:
            raise parse_error(f'Unsupported start tag "{name}" at byte offset {where}')
        attrs, i = self.attributes(name_match.end(), where)
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise parse_error(f'Tag "span" must have class "tg-spoiler" at byte offset {where}')
        self.stack.append(_Open(name, self.pos, where, attrs))
        return i

    def attributes(self, i: int, where: int) -> tuple[dict[str, str], int]:
        src, attrs = self.src, dict[str, str]()
        while True:
            while i < len(src) and src[i].isspace():
                i += 1
            if i >= len(src):
                raise parse_error(f"Unclosed start tag at byte offset {where}")
            if src[i] == ">":
                return attrs, i + 1
            if src.startswith("/>", i):
                raise parse_error(f"Unclosed start tag at byte offset {where}")
            match = _ATTRIBUTE.match(src, i)
            if match is None or match.end() == i:
                raise parse_error(
                    f"Expected equal sign in declaration of an attribute of the "
                    f"start tag at byte offset {where}"
                )
            value = match.group(2) or ""
            if value[:1] in ("'", '"'):
                value = value[1:-1]
            attrs[match.group(1).lower()] = unescape(value)
            i = match.end()

    def end_tag(self, lt: int) -> int:
        src = self.src
        gt = src.find(">", lt)
        where = byte_offset(src, lt)
        if gt < 0:
            raise parse_error(f"Unclosed end tag at byte offset {where}")
        name = src[lt + 2 : gt].strip().lower()
        if not self.stack:
            raise parse_error(f"Unexpected end tag at byte offset {where}")
        top = self.stack.pop()
        if top.tag != name:
            raise parse_error(
                f'Unmatched end tag at byte offset {where}, expected "</{top.tag}>", '
                f'found "</{name}>"'
            )
        self.close(top)
        return gt + 1

    def close(self, tag: _Open) -> None:
        length = self.pos - tag.start
        parent = self.stack[-1] if self.stack else None
        if tag.tag == "code" and parent is not None and parent.tag == "pre":
            # <pre><code class="language-x"> is one pre entity with a language, not two
            css = tag.attrs.get("class", "")
            if css.startswith("language-"):
                parent.language = css.removeprefix("language-")
                return
        if length <= 0:
            return
        entity: JSON = {"offset": tag.start, "length": length}
        if tag.tag in _SIMPLE_TAGS:
            entity["type"] = _SIMPLE_TAGS[tag.tag]
            if tag.language:
                entity["language"] = tag.language
        elif tag.tag == "span":
            entity["type"] = "spoiler"
        elif tag.tag == "blockquote":
            entity["type"] = "expandable_blockquote" if "expandable" in tag.attrs else "blockquote"
        elif tag.tag == "tg-emoji":
            entity["type"] = "custom_emoji"
            entity["custom_emoji_id"] = tag.attrs.get("emoji-id", "")
        else:
            href = tag.attrs.get("href", "")
            if not href:
                return
            user_id = re.fullmatch(r"tg://user\?id=(\d+)", href)
            if user_id:
                entity["type"] = "text_mention"
                entity["user"] = {"id": int(user_id.group(1)), "is_bot": False, "first_name": ""}
            else:
                entity["type"] = "text_link"
                entity["url"] = href
        self.entities.append(entity)


def parse_html(source: str) -> tuple[str, list[JSON]]:
    """Parse Telegram HTML into (plain text, entities) or raise a 400 ApiError."""
    if "<" not in source and "&" not in source:
        return source, []
    return _HtmlParser(source).run()
