"""Pure tests of the emulator's parse modes and message rendering."""

from __future__ import annotations

import pytest

from bot.devtools.emulator import ApiError, buttons, format_message, parse_html
from bot.devtools.emulator.formatting import command_entity
from bot.devtools.emulator.markdown import parse_markdown, parse_markdown_v2
from bot.devtools.emulator.validation import parse_text


def test_html_offsets_are_utf16_and_entities_unescaped() -> None:
    text, entities = parse_html("🙂 <b>hi</b> &lt;3 &amp; &#65; &unknown;")
    assert text == "🙂 hi <3 & A &unknown;"
    assert entities == [{"offset": 3, "length": 2, "type": "bold"}]


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("</b>", "Unexpected end tag at byte offset 0"),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
        ("x <br> y", 'Unsupported start tag "br" at byte offset 2'),
    ],
)
def test_html_errors(source: str, reason: str) -> None:
    with pytest.raises(ApiError) as caught:
        parse_html(source)
    assert caught.value.status == 400
    assert caught.value.description.startswith("Bad Request: can't parse entities: ")
    assert reason in caught.value.description


def test_html_supported_tags() -> None:
    source = (
        "<strong>a</strong><em>b</em><ins>c</ins><del>d</del><tg-spoiler>e</tg-spoiler>"
        '<span class="tg-spoiler">f</span><code>g</code><blockquote expandable>h'
        '</blockquote><a href="tg://user?id=7">i</a>'
    )
    text, entities = parse_html(source)
    assert text == "abcdefghi"
    assert [e["type"] for e in entities] == [
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "spoiler",
        "code",
        "expandable_blockquote",
        "text_mention",
    ]
    assert entities[-1]["user"]["id"] == 7


def test_surrounding_whitespace_is_trimmed_with_entities() -> None:
    assert parse_text("  <b> padded </b>  ", "HTML", None) == (
        "padded",
        [{"offset": 0, "length": 6, "type": "bold"}],
    )


def test_markdown_v2() -> None:
    text, entities = parse_markdown_v2(r"*b* _i_ __u__ ~s~ ||p|| `c` [l](https://x.org/a\)b) 1\.5")
    assert text == "b i u s p c l 1.5"
    assert [e["type"] for e in entities] == [
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "text_link",
    ]
    assert entities[-1]["url"] == "https://x.org/a)b"
    with pytest.raises(ApiError, match="reserved"):
        parse_markdown_v2("a.b")
    with pytest.raises(ApiError, match="Can't find end of Bold entity"):
        parse_markdown_v2("*open")


def test_legacy_markdown() -> None:
    text, entities = parse_markdown("*b* _i_ `c` [x](http://y) 1.5")
    assert text == "b i c x 1.5"
    assert [e["type"] for e in entities] == ["bold", "italic", "code", "text_link"]
    with pytest.raises(ApiError, match="Can't find end of the entity"):
        parse_markdown("*open")


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("/start", 6),
        ("/start abc", 6),
        ("/start@SmallStepsBot hi", 20),
        ("hello /start", None),
    ],
)
def test_command_entity(text: str, length: int | None) -> None:
    entity = command_entity(text)
    assert (entity["length"] if entity else None) == length


def test_format_message_and_buttons() -> None:
    msg = {
        "text": "Ready?",
        "reply_markup": {
            "inline_keyboard": [
                [{"text": "Yes", "callback_data": "y"}, {"text": "No", "callback_data": "n"}],
                [{"text": "Guide", "url": "https://example.org"}],
            ]
        },
    }
    assert buttons(msg) == [("Yes", "y"), ("No", "n"), ("Guide", "")]
    assert format_message(msg) == "Ready?\n[1] Yes  [2] No\n[3] Guide <https://example.org>"
    doc = {"document": {"file_name": "week.csv", "file_size": 10}, "caption": "Stats"}
    assert format_message(doc) == "[document week.csv 10 bytes]\nStats"
