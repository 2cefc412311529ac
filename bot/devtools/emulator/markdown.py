"""Telegram's MarkdownV2 and legacy Markdown parse modes."""

from __future__ import annotations

from dataclasses import dataclass

from .formatting import byte_offset, parse_error, sort_entities, u16len
from .models import JSON, ApiError

_RESERVED_V2 = set("_*[]()~`>#+-=|{}.!")
_V2_MARKERS = {"*": "bold", "_": "italic", "__": "underline", "~": "strikethrough", "||": "spoiler"}
_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "text_link": "TextUrl",
    "blockquote": "BlockQuote",
}


@dataclass(slots=True)
class _Open:
    kind: str
    marker: str
    start: int
    at: int


class _V2Parser:
    """Scanner for MarkdownV2; strict about unescaped reserved characters like Telegram."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.out: list[str] = []
        self.pos = 0
        self.stack: list[_Open] = []
        self.entities: list[JSON] = []

    def emit(self, chunk: str) -> None:
        self.out.append(chunk)
        self.pos += u16len(chunk)

    def add(self, kind: str, start: int, **extra: object) -> None:
        if self.pos > start:
            self.entities.append(
                {"offset": start, "length": self.pos - start, "type": kind, **extra}
            )

    def unclosed(self, tag: _Open) -> ApiError:
        name = _NAMES.get(tag.kind, tag.kind)
        return parse_error(f"Can't find end of {name} entity at byte offset {tag.at}")

    def run(self) -> tuple[str, list[JSON]]:
        src, n, i = self.src, len(self.src), 0
        quote: _Open | None = None
        while i < n:
            c = src[i]
            if (i == 0 or src[i - 1] == "\n") and c == ">" and quote is None:
                quote = _Open("blockquote", ">", self.pos, byte_offset(src, i))
                i += 1
                continue
            if c == "\\" and i + 1 < n:
                self.emit(src[i + 1])
                i += 2
            elif c == "`":
                i = self.code(i)
            elif c == "\n" and quote is not None and not src.startswith(">", i + 1):
                self.add("blockquote", quote.start)
                quote = None
                self.emit(c)
                i += 1
            elif c == "\n" and quote is not None:
                self.emit(c)
                i += 2  # drop the continuation line's '>'
            elif src.startswith("||", i) or src.startswith("__", i) or c in "*_~":
                marker = src[i : i + 2] if src[i : i + 2] in ("||", "__") else c
                if marker == "__" and self.top_is("italic") and not self.top_is("underline"):
                    marker = "_"
                self.toggle(marker, i)
                i += len(marker)
            elif c == "[" or (c == "!" and src.startswith("![", i)):
                skip = 2 if c == "!" else 1
                self.stack.append(_Open("link", src[i : i + skip], self.pos, byte_offset(src, i)))
                i += skip
            elif c == "]" and self.stack and self.stack[-1].kind == "link":
                i = self.link_end(i)
            elif c in _RESERVED_V2:
                raise parse_error(
                    f"Character '{c}' is reserved and must be escaped with the preceding '\\'"
                )
            else:
                self.emit(c)
                i += 1
        if quote is not None:
            self.add("blockquote", quote.start)
        if self.stack:
            raise self.unclosed(self.stack[-1])
        return "".join(self.out), sort_entities(self.entities)

    def top_is(self, kind: str) -> bool:
        return any(tag.kind == kind for tag in self.stack)

    def toggle(self, marker: str, i: int) -> None:
        kind = _V2_MARKERS[marker]
        if self.stack and self.stack[-1].kind == kind:
            self.add(kind, self.stack.pop().start)
        elif self.top_is(kind):
            raise self.unclosed(next(t for t in reversed(self.stack) if t.kind == kind))
        else:
            self.stack.append(_Open(kind, marker, self.pos, byte_offset(self.src, i)))

    def code(self, i: int) -> int:
        src = self.src
        fence = "```" if src.startswith("```", i) else "`"
        start, at = self.pos, byte_offset(src, i)
        j = i + len(fence)
        language = ""
        if fence == "```":
            newline = src.find("\n", j)
            close = src.find("```", j)
            if 0 <= newline < (close if close >= 0 else len(src)):
                language = src[j:newline]
                j = newline + 1
        while j < len(src):
            if src[j] == "\\" and j + 1 < len(src):
                self.emit(src[j + 1])
                j += 2
            elif src.startswith(fence, j):
                if fence == "```":
                    self.add("pre", start, **({"language": language} if language else {}))
                else:
                    self.add("code", start)
                return j + len(fence)
            else:
                self.emit(src[j])
                j += 1
        raise self.unclosed(_Open("pre" if fence == "```" else "code", fence, start, at))

    def link_end(self, i: int) -> int:
        src = self.src
        tag = self.stack.pop()
        if not src.startswith("(", i + 1):
            raise parse_error(
                "Character ']' is reserved and must be escaped with the preceding '\\'"
            )
        close = src.find(")", i + 2)
        while close > 0 and src[close - 1] == "\\":
            close = src.find(")", close + 1)
        if close < 0:
            raise self.unclosed(_Open("text_link", "[", tag.start, tag.at))
        url = src[i + 2 : close].replace("\\)", ")").replace("\\\\", "\\")
        if tag.marker == "![":
            emoji_id = url.partition("id=")[2]
            self.add("custom_emoji", tag.start, custom_emoji_id=emoji_id)
        else:
            self.add("text_link", tag.start, url=url)
        return close + 1


def parse_markdown_v2(source: str) -> tuple[str, list[JSON]]:
    """Parse MarkdownV2 into (plain text, entities) or raise a 400 ApiError."""
    return _V2Parser(source).run()


_LEGACY = {"*": "bold", "_": "italic"}


def parse_markdown(source: str) -> tuple[str, list[JSON]]:
    """Parse legacy Markdown (no nesting, few escapes) into (plain text, entities)."""
    out: list[str] = []
    entities: list[JSON] = []
    pos, i, n = 0, 0, len(source)

    def unterminated(at: int) -> ApiError:
        return parse_error(
            f"Can't find end of the entity starting at byte offset {byte_offset(source, at)}"
        )

    while i < n:
        c = source[i]
        if c == "\\" and i + 1 < n and source[i + 1] in "_*`[":
            out.append(source[i + 1])
            pos += 1
            i += 2
            continue
        if c in _LEGACY or c == "`":
            fence = "```" if source.startswith("```", i) else c
            close = source.find(fence, i + len(fence))
            if close < 0:
                raise unterminated(i)
            body = source[i + len(fence) : close]
            entity: JSON = {"offset": pos, "length": u16len(body)}
            if fence == "```":
                language, newline, rest = body.partition("\n")
                if newline and " " not in language:
                    body = rest
                    entity = {"offset": pos, "length": u16len(body)}
                    if language:
                        entity["language"] = language
                entity["type"] = "pre"
            else:
                entity["type"] = _LEGACY.get(c, "code")
            if entity["length"]:
                entities.append(entity)
            out.append(body)
            pos += u16len(body)
            i = close + len(fence)
        elif c == "[":
            close = source.find("](", i)
            end = source.find(")", close + 2) if close >= 0 else -1
            if close < 0 or end < 0:
                raise unterminated(i)
            label = source[i + 1 : close]
            entities.append(
                {
                    "offset": pos,
                    "length": u16len(label),
                    "type": "text_link",
                    "url": source[close + 2 : end],
                }
            )
            out.append(label)
            pos += u16len(label)
            i = end + 1
        else:
            out.append(c)
            pos += u16len(c)
            i += 1
    return "".join(out), sort_entities(entities)
