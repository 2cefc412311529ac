"""End-to-end tests: real python-telegram-bot against the local Bot API emulator."""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
import warnings

import aiohttp
import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    EndPointNotFound,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import ChatMemberHandler, ContextTypes

from bot.devtools.emulator import Emulator, buttons, format_message
from bot.devtools.emulator.media import tiny_png

from .conftest import App


def _retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


# --- conversation flow through a real Application ---------------------------------


async def test_start_reply_tap_and_edit(emu: Emulator, app: App) -> None:
    alice = emu.user("Alice")
    await emu.send_text(alice, "/start")
    msg = await emu.reply(alice)
    assert msg["text"] == "Hello & welcome"
    assert msg["entities"] == [{"offset": 0, "length": 5, "type": "bold"}]
    assert buttons(msg) == [("Yes, gently", "walk:yes"), ("Not today", "walk:no")]
    assert format_message(msg) == "Hello & welcome\n[1] Yes, gently  [2] Not today"

    query_id = await emu.tap_button(alice, msg, "gently")
    edited = await emu.reply(alice)
    assert edited["text"] == "You chose yes"
    assert "reply_markup" not in edited  # editMessageText without markup drops the keyboard
    assert edited["message_id"] == msg["message_id"] and "edit_date" in edited
    answer = emu.answer_for(query_id)
    assert answer is not None and answer.text == "Noted" and not answer.show_alert
    assert [m["text"] for m in emu.messages(alice)] == ["You chose yes"]
    assert emu.last(alice) == edited
    assert len(emu.sent()) == 1 and emu.sent()[0]["text"] == "You chose yes"


async def test_deep_link_entity_and_args(emu: Emulator, app: App) -> None:
    alice = emu.user("Alice")
    sent = await emu.send_text(alice, "/start abc")
    assert sent["entities"] == [{"offset": 0, "length": 6, "type": "bot_command"}]
    assert (await emu.reply(alice))["text"] == "Hello & welcome (from abc)"


async def test_replies_and_tap_by_index(emu: Emulator, app: App) -> None:
    alice = emu.user("Alice")
    await emu.send_text(alice, "/two")
    assert [m["text"] for m in await emu.replies(alice)] == ["one", "two"]
    await emu.send_text(alice, "/two")
    first, second = await emu.replies(alice, count=2)
    assert (first["text"], second["text"]) == ("one", "two")
    await emu.send_text(alice, "/start")
    start = await emu.reply(alice)
    await emu.tap_button(alice, start, 1)
    assert (await emu.reply(alice))["text"] == "You chose no"
    assert await emu.replies(alice, settle=0.05) == []


async def test_group_command_with_bot_suffix_and_privacy_mode(emu: Emulator, app: App) -> None:
    alice, group = emu.user("Alice"), emu.group("Walkers")
    await emu.send_text(alice, "just chatting", chat=group)
    await emu.send_text(alice, "/start@OtherBot", chat=group)
    await emu.send_text(alice, "/start@SmallStepsBot", chat=group)
    reply = await emu.reply(group)
    assert reply["chat"]["type"] == "group" and reply["chat"]["id"] < 0
    await emu.idle()
    assert len(emu.messages(group)) == 1  # privacy mode hid the other two messages


async def test_add_remove_group_and_membership(emu: Emulator) -> None:
    seen: list[tuple[str, str]] = []

    async def member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        change = update.my_chat_member
        assert change is not None
        seen.append((change.old_chat_member.status, change.new_chat_member.status))

    application = emu.application_builder().build()
    application.add_handler(ChatMemberHandler(member, ChatMemberHandler.MY_CHAT_MEMBER))
    alice = emu.user("Alice")
    group = emu.group("Walkers", bot_member=False)
    async with emu.running(application):
        await emu.add_to_group(alice, group)
        await emu.wait_for(lambda e: len(seen) == 1)
        await emu.remove_from_group(group)
        await emu.wait_for(lambda e: len(seen) == 2)
        assert seen == [("left", "member"), ("member", "kicked")]
        with pytest.raises(Forbidden, match="kicked"):
            await application.bot.send_message(group.id, "still here?")


# --- validation, errors and PTB exception mapping ------------------------------------


async def test_html_is_stripped_and_validated(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice", started=True)
    msg = await bot.send_message(
        alice.id,
        '<i>Gentle</i> <a href="https://x.org/?a=1&amp;b=2">walk</a> 1 &lt; 2 '
        '<pre><code class="language-py">x</code></pre>',
        parse_mode="HTML",
    )
    assert msg.text == "Gentle walk 1 < 2 x"
    types = [(e.type, e.offset, e.length) for e in msg.entities]
    assert types == [("italic", 0, 6), ("text_link", 7, 4), ("pre", 18, 1)]
    assert msg.entities[1].url == "https://x.org/?a=1&b=2"
    assert msg.entities[2].language == "py"
    for bad, reason in [
        ("<b>open", "can.t find end tag"),
        ("<b>x</i>", "unmatched end tag"),
        ("<blink>x</blink>", 'unsupported start tag "blink"'),
    ]:
        with pytest.raises(BadRequest, match=f"(?i)can't parse entities: {reason}"):
            await bot.send_message(alice.id, bad, parse_mode="HTML")


async def test_markdown_v2(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice", started=True)
    msg = await bot.send_message(alice.id, r"*Bold* and _it_ 1\.5", parse_mode="MarkdownV2")
    assert msg.text == "Bold and it 1.5"
    assert [(e.type, e.offset) for e in msg.entities] == [("bold", 0), ("italic", 9)]
    with pytest.raises(BadRequest, match="reserved"):
        await bot.send_message(alice.id, "1.5", parse_mode="MarkdownV2")


async def test_length_limits_and_button_data(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice", started=True)
    await bot.send_message(alice.id, "x" * 4096)
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(alice.id, "x" * 4097)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(alice.id, "<b> </b>", parse_mode="HTML")
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="d" * 65)]])
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(alice.id, "hi", reply_markup=too_long)
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="é" * 32)]])
    await bot.send_message(alice.id, "hi", reply_markup=ok)


async def test_edit_and_callback_errors(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice", started=True)
    msg = await bot.send_message(alice.id, "same")
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("same", alice.id, msg.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("new", alice.id, 9999)
    query_id = await emu.tap(alice, msg.message_id, "anything")
    assert await bot.answer_callback_query(query_id)
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query_id)
    assert await bot.delete_message(alice.id, msg.message_id)
    assert emu.messages(alice) == [] and emu.deleted(alice) == [msg.message_id]
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(alice.id, msg.message_id)


async def test_chat_not_found_and_not_started(emu: Emulator, bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(424242, "hi")
    bob = emu.user("Bob")
    with pytest.raises(Forbidden, match="initiate conversation"):
        await bot.send_message(bob.id, "hi")


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_fail_next_429_and_502(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice", started=True)
    emu.fail_next("sendMessage", status=429, retry_after=2)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(alice.id, "hi")
    assert _retry_seconds(caught.value) == 2
    emu.fail_next("sendMessage", status=502, chat=alice)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(alice.id, "hi")
    await bot.send_message(alice.id, "third time lucky")
    assert [c.ok for c in emu.calls_to("sendMessage")] == [False, False, True]
    assert emu.sent_count == 1


async def test_block_gives_forbidden(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice", started=True)
    await emu.block(alice)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(alice.id, "hi")
    await emu.unblock(alice)
    await bot.send_message(alice.id, "welcome back")


async def test_migrate_group_raises_chat_migrated(emu: Emulator, bot: Bot) -> None:
    group = emu.group("Walkers")
    await bot.send_message(group.id, "before")
    supergroup = await emu.migrate_group(group)
    assert supergroup.type == "supergroup" and str(supergroup.id).startswith("-100")
    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(group.id, "after")
    assert caught.value.new_chat_id == supergroup.id
    await bot.send_message(supergroup.id, "after")
    updates = await bot.get_updates(timeout=0)
    assert updates[0].message is not None
    assert updates[0].message.migrate_to_chat_id == supergroup.id


async def test_timeout_next_surfaces_timed_out(emu: Emulator) -> None:
    alice = emu.user("Alice", started=True)
    emu.timeout_hold = 5.0
    emu.timeout_next("sendMessage", delivered=True)
    fast = emu.make_bot(read_timeout=0.3)
    async with fast:
        started = time.monotonic()
        with pytest.raises(TimedOut):
            await fast.send_message(alice.id, "maybe delivered")
        assert time.monotonic() - started < 2
        assert emu.last(alice) is not None  # delivered despite the timeout
        await fast.send_message(alice.id, "next one is fine")
    assert [m["text"] for m in emu.messages(alice)] == ["maybe delivered", "next one is fine"]


async def test_long_poll_returns_promptly_and_offset_confirms(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice")
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    assert not poll.done()
    started = time.monotonic()
    await emu.send_text(alice, "hello")
    updates = await poll
    assert time.monotonic() - started < 0.5
    assert [u.message.text for u in updates if u.message] == ["hello"]
    assert updates[0].update_id == 1
    again = await bot.get_updates(timeout=0)
    assert [u.update_id for u in again] == [1]  # unconfirmed updates are re-delivered
    assert await bot.get_updates(offset=2, timeout=0) == ()


async def test_send_document_and_photo_record_files(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice", started=True)
    csv = b"date,steps\n2024-01-01,1200\n"
    msg = await bot.send_document(alice.id, csv, filename="progress.csv", caption="Your week")
    stored = emu.file(emu.last(alice) or {})
    assert (stored.file_name, stored.mime_type, stored.data) == ("progress.csv", "text/csv", csv)
    assert msg.document is not None and msg.document.file_size == len(csv)
    assert msg.caption == "Your week"
    downloaded = await (await bot.get_file(msg.document.file_id)).download_as_bytearray()
    assert bytes(downloaded) == csv
    photo = await bot.send_photo(alice.id, tiny_png(8, 6))
    assert (photo.photo[-1].width, photo.photo[-1].height) == (8, 6)
    with pytest.raises(BadRequest, match="Image_process_failed"):
        await bot.send_photo(alice.id, b"not an image")


async def test_down_queues_updates_until_back(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice")
    emu.down(True)
    with pytest.raises(NetworkError):
        await bot.get_updates(timeout=0)
    await emu.send_text(alice, "while down")
    emu.down(False)
    updates = await bot.get_updates(timeout=0)
    assert [u.message.text for u in updates if u.message] == ["while down"]


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_rate_limits_private_chat(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice", started=True)
    emu.set_rate_limits(True, private_burst=2)
    await bot.send_message(alice.id, "1")
    await bot.send_message(alice.id, "2")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(alice.id, "3")
    assert _retry_seconds(caught.value) >= 1


async def test_chat_members_and_commands(emu: Emulator, bot: Bot) -> None:
    alice, bob = emu.user("Alice"), emu.user("Bob")
    group = emu.group("Walkers")
    emu.make_admin(alice, group)
    assert (await bot.get_chat_member(group.id, alice.id)).status == "administrator"
    assert (await bot.get_chat_member(group.id, bob.id)).status == "left"
    await emu.send_text(bob, "/start", chat=group)
    assert (await bot.get_chat_member(group.id, bob.id)).status == "member"
    admins = await bot.get_chat_administrators(group.id)
    assert [a.user.id for a in admins] == [alice.id]
    chat = await bot.get_chat(group.id)
    assert chat.title == "Walkers"
    assert await bot.set_my_commands([("start", "Begin"), ("help", "Help")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    assert [c["command"] for c in emu.commands()] == ["start", "help"]
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod")


async def test_wait_for_idle_and_fake_clock(bot: Bot) -> None:
    now = dtm.datetime(2024, 5, 1, 9, 30, tzinfo=dtm.UTC)
    emu = Emulator(clock=lambda: now)
    async with emu:
        alice = emu.user("Alice", started=True)
        fake = emu.make_bot()
        async with fake:
            await fake.send_message(alice.id, "morning")
            await emu.wait_for(lambda e: e.sent_count == 1, timeout=1)
            await emu.idle(settle=0.05)
        assert (emu.last(alice) or {})["date"] == int(now.timestamp())
        with pytest.raises(TimeoutError, match="sendMessage"):
            await emu.wait_for(lambda e: e.sent_count == 2, timeout=0.1)


async def test_bounded_recording_keeps_counters(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice", started=True)
    outputs: list[str] = []
    emu.subscribe(lambda msg: outputs.append(msg["text"]))
    emu.record_messages = False  # also stops recording calls
    emu.keep_per_chat = 3
    for i in range(12):
        await bot.send_message(alice.id, str(i))
    assert emu.sent_count == 12 and emu.call_counts["sendMessage"] == 12
    assert len(emu.messages(alice)) <= 6 and (emu.last(alice) or {})["text"] == "11"
    assert emu.calls_to("sendMessage") == []
    assert outputs == [str(i) for i in range(12)]


async def test_reply_keyboard_press(emu: Emulator, bot: Bot) -> None:
    alice = emu.user("Alice", started=True)
    keyboard = ReplyKeyboardMarkup([["Gentle", "Rest"]], one_time_keyboard=True)
    await bot.send_message(alice.id, "How do you feel?", reply_markup=keyboard)
    assert emu.keyboard(alice) is not None
    sent = await emu.press(alice, "rest")
    assert sent["text"] == "Rest" and emu.keyboard(alice) is None
    await bot.send_message(alice.id, "ok", reply_markup=ReplyKeyboardRemove())


async def test_json_and_get_requests(emu: Emulator) -> None:
    alice = emu.user("Alice", started=True)
    base = f"{emu.base_url}{emu.token}"
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{base}/sendMessage",
            json={
                "chat_id": alice.id,
                "text": "123",
                "reply_markup": {"inline_keyboard": [[{"text": "a", "callback_data": "b"}]]},
            },
        ) as response:
            body = await response.json()
        assert body["ok"] and body["result"]["text"] == "123"
        async with session.get(f"{base}/getMe") as response:
            assert (await response.json())["result"]["username"] == "SmallStepsBot"
        async with session.get(f"{base}/nope") as response:
            assert response.status == 404
            assert (await response.json())["description"] == "Not Found: method not found"


async def test_drop_mode_and_latency(emu: Emulator, bot: Bot) -> None:
    emu.down(True, mode="drop")
    with pytest.raises(NetworkError):
        await bot.get_me()
    emu.down(False)
    emu.latency = 0.05
    started = time.monotonic()
    await bot.get_me()
    assert time.monotonic() - started >= 0.05


async def test_stop_releases_hung_requests() -> None:
    emu = Emulator()
    await emu.start()
    alice = emu.user("Alice", started=True)
    emu.timeout_next("sendMessage", delivered=False)
    slow = emu.make_bot(read_timeout=10)
    async with slow:
        call = asyncio.create_task(slow.send_message(alice.id, "hi"))
        await emu.wait_for(lambda e: e.activity.hung == 1, timeout=2)
        started = time.monotonic()
        await emu.stop()
        assert time.monotonic() - started < 1.5
        with pytest.raises(NetworkError):
            await call  # the connection is dropped when the server stops
    assert emu.sent_count == 0
