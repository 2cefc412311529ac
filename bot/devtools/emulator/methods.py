"""Bot API methods that send, edit and delete messages or answer callback queries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import validation
from .media import image_size
from .models import JSON, ApiError, CallbackAnswer, StoredFile, bad_request, forbidden
from .params import Params
from .state import ChatState, World

Handler = Callable[[Params], Any]

_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


class MessagingApi:
    """Handlers are methods named after the Bot API method, looked up case-insensitively."""

    def __init__(self, world: World) -> None:
        self.world = world

    def handlers(self) -> dict[str, Handler]:
        """Map lower-case method names to handlers."""
        table: dict[str, Handler] = {}
        for name in dir(self):
            if name.startswith("api_"):
                table[name.removeprefix("api_").lower()] = getattr(self, name)
        return table

    # chat resolution -------------------------------------------------------

    def resolve(self, p: Params, key: str = "chat_id") -> ChatState:
        """The chat named by `chat_id` (int id or @username)."""
        raw = p.get(key)
        if raw is None or raw == "":
            raise bad_request(f"{key} is empty")
        if isinstance(raw, str) and raw.startswith("@"):
            for state in self.world.chats.values():
                if state.chat.username and state.chat.username.lower() == raw[1:].lower():
                    return state
            raise bad_request("chat not found")
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise bad_request("chat not found")
        try:
            return self.world.chat(int(raw))
        except ValueError:
            raise bad_request("chat not found") from None

    def writable(self, p: Params) -> ChatState:
        """A chat the bot may post to, else the error Telegram would give."""
        state = self.resolve(p)
        chat = state.chat
        if state.migrated_to is not None:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": state.migrated_to},
            )
        if chat.type == "private":
            if state.blocked:
                raise forbidden("bot was blocked by the user")
            if not state.started:
                raise forbidden("bot can't initiate conversation with a user")
        elif state.bot_status == "kicked":
            raise forbidden(f"bot was kicked from the {chat.type} chat")
        elif state.bot_status == "left":
            raise forbidden(f"bot is not a member of the {chat.type} chat")
        return state

    def _reply_to(self, p: Params, state: ChatState) -> JSON | None:
        params = p.structured("reply_parameters")
        allow_missing = p.flag("allow_sending_without_reply")
        if isinstance(params, dict):
            message_id = params.get("message_id")
            allow_missing = bool(params.get("allow_sending_without_reply", allow_missing))
        else:
            message_id = p.integer("reply_to_message_id")
        if message_id is None:
            return None
        target = self.world.message(state, int(message_id))
        if target is None:
            if allow_missing:
                return None
            raise bad_request("message to be replied not found")
        return {k: v for k, v in target.items() if k != "reply_to_message"}

    def _post(self, p: Params, state: ChatState, content: JSON) -> JSON:
        """Shared tail of every send*: reply target, markup, storage."""
        reply_to = self._reply_to(p, state)
        inline, keyboard = validation.reply_markup(p.structured("reply_markup"))
        message: JSON = {"reply_to_message": reply_to} if reply_to else {}
        message.update(content)
        if inline is not None:
            message["reply_markup"] = inline
        if keyboard is not None and "force_reply" not in keyboard:
            state.keyboard = None if keyboard.get("remove_keyboard") else keyboard
        return self.world.bot_message(state, message)

    # sending ---------------------------------------------------------------

    def api_sendMessage(self, p: Params) -> JSON:
        """sendMessage."""
        state = self.writable(p)
        text, entities = validation.message_text(
            p.string("text"), p.string("parse_mode"), p.structured("entities")
        )
        content: JSON = {"text": text}
        if entities:
            content["entities"] = entities
        preview = p.structured("link_preview_options")
        if isinstance(preview, dict) and preview:
            content["link_preview_options"] = preview
        return self._post(p, state, content)

    def _media_file(self, p: Params, key: str, folder: str) -> StoredFile:
        upload = p.upload(key)
        if upload is not None:
            if not upload.data:
                raise bad_request("file must be non-empty")
            return self.world.new_file(upload.file_name, upload.mime_type, upload.data, folder)
        ref = p.string(key)
        if not ref:
            raise bad_request(f"there is no {key} in the request")
        known = self.world.files.get(ref)
        if known is not None:
            return known
        if ref.startswith(("http://", "https://")):
            name = ref.rsplit("/", 1)[-1] or f"{key}.bin"
            return self.world.new_file(name, "application/octet-stream", b"", folder)
        raise bad_request("wrong file identifier/HTTP URL specified")

    def _caption(self, p: Params, content: JSON) -> None:
        caption, entities = validation.caption_text(
            p.string("caption"), p.string("parse_mode"), p.structured("caption_entities")
        )
        if caption:
            content["caption"] = caption
        if entities:
            content["caption_entities"] = entities

    def api_sendPhoto(self, p: Params) -> JSON:
        """sendPhoto; uploads must really be images."""
        state = self.writable(p)
        caption: JSON = {}
        self._caption(p, caption)
        upload = p.upload("photo")
        if upload is not None and image_size(upload.data) is None:
            raise bad_request("IMAGE_PROCESS_FAILED")
        stored = self._media_file(p, "photo", "photos")
        size = image_size(stored.data) or (640, 480)
        return self._post(p, state, {"photo": [photo_size(stored, size)], **caption})

    def api_sendDocument(self, p: Params) -> JSON:
        """sendDocument."""
        state = self.writable(p)
        caption: JSON = {}
        self._caption(p, caption)
        stored = self._media_file(p, "document", "documents")
        return self._post(p, state, {"document": document(stored), **caption})

    def api_sendChatAction(self, p: Params) -> bool:
        """sendChatAction."""
        state = self.writable(p)
        action = p.string("action")
        if action not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        state.last_action = action
        return True

    # editing ---------------------------------------------------------------

    def _editable(self, p: Params) -> tuple[ChatState, JSON]:
        if p.get("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        state = self.writable(p)
        msg = self.world.message(state, p.integer("message_id"))
        if msg is None:
            raise bad_request("message to edit not found")
        if msg["from"]["id"] != self.world.bot_user["id"]:
            raise bad_request("message can't be edited")
        return state, msg

    def _apply_edit(self, state: ChatState, msg: JSON, changes: JSON, p: Params) -> JSON:
        inline, keyboard = validation.reply_markup(p.structured("reply_markup"))
        if keyboard is not None:
            raise bad_request("inline keyboard expected")
        updated = {k: v for k, v in msg.items() if k not in changes and k != "reply_markup"}
        updated.update({k: v for k, v in changes.items() if v})
        if inline is not None:
            updated["reply_markup"] = inline
        if {k: v for k, v in updated.items() if k != "edit_date"} == {
            k: v for k, v in msg.items() if k != "edit_date"
        }:
            raise bad_request(_NOT_MODIFIED)
        updated["edit_date"] = self.world.now()
        self.world.replace_message(state, updated)
        return updated

    def api_editMessageText(self, p: Params) -> JSON:
        """editMessageText; omitting reply_markup removes the inline keyboard, like Telegram."""
        state, msg = self._editable(p)
        if "text" not in msg:
            raise bad_request("there is no text in the message to edit")
        text, entities = validation.message_text(
            p.string("text"), p.string("parse_mode"), p.structured("entities")
        )
        preview = p.structured("link_preview_options")
        changes: JSON = {
            "text": text,
            "entities": entities,
            "link_preview_options": preview if isinstance(preview, dict) else None,
        }
        return self._apply_edit(state, msg, changes, p)

    def api_editMessageCaption(self, p: Params) -> JSON:
        """editMessageCaption."""
        state, msg = self._editable(p)
        if "text" in msg:
            raise bad_request("there is no caption in the message to edit")
        changes: JSON = {"caption": None, "caption_entities": None}
        self._caption(p, changes)
        return self._apply_edit(state, msg, changes, p)

    def api_editMessageReplyMarkup(self, p: Params) -> JSON:
        """editMessageReplyMarkup."""
        state, msg = self._editable(p)
        return self._apply_edit(state, msg, {}, p)

    def api_deleteMessage(self, p: Params) -> bool:
        """deleteMessage."""
        state = self.writable(p)
        message_id = p.integer("message_id")
        if self.world.message(state, message_id) is None or message_id is None:
            raise bad_request("message to delete not found")
        state.deleted.add(message_id)
        return True

    def api_deleteMessages(self, p: Params) -> bool:
        """deleteMessages (silently skips missing ones, like Telegram)."""
        state = self.writable(p)
        ids = p.structured("message_ids")
        for message_id in ids if isinstance(ids, list) else []:
            if self.world.message(state, int(message_id)) is not None:
                state.deleted.add(int(message_id))
        return True

    # callbacks and files ---------------------------------------------------

    def api_answerCallbackQuery(self, p: Params) -> bool:
        """answerCallbackQuery; each query can be answered once."""
        query_id = p.string("callback_query_id") or ""
        if self.world.pending_callbacks.pop(query_id, None) is None:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        text = p.string("text")
        if text is not None and len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self.world.callback_answers.append(
            CallbackAnswer(
                id=query_id,
                text=text,
                show_alert=p.flag("show_alert"),
                url=p.string("url"),
                cache_time=p.integer("cache_time"),
            )
        )
        return True

    def api_getFile(self, p: Params) -> JSON:
        """getFile."""
        stored = self.world.files.get(p.string("file_id") or "")
        if stored is None:
            raise bad_request("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.size,
            "file_path": stored.file_path,
        }


def photo_size(stored: StoredFile, size: tuple[int, int]) -> JSON:
    """PhotoSize JSON."""
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
        "width": size[0],
        "height": size[1],
    }


def document(stored: StoredFile) -> JSON:
    """Document JSON."""
    return {
        "file_name": stored.file_name,
        "mime_type": stored.mime_type,
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
    }
