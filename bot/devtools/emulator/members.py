"""ChatMember / ChatFullInfo JSON shapes."""

from __future__ import annotations

from .models import JSON
from .state import ChatState

_ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_pin_messages": True,
}


def member(status: str, user: JSON) -> JSON:
    """A ChatMember of the given status."""
    data: JSON = {"status": status, "user": user}
    if status == "administrator":
        data.update(_ADMIN_RIGHTS)
    elif status == "creator":
        data["is_anonymous"] = False
    elif status == "kicked":
        data["until_date"] = 0
    return data


def user_status(state: ChatState, user_id: int) -> str:
    """Membership status of a (non-bot) user in a chat."""
    if state.chat.type == "private":
        return "member" if user_id == state.chat.id else "left"
    if user_id == state.owner:
        return "creator"
    if user_id in state.admins:
        return "administrator"
    return "member" if user_id in state.members else "left"


def my_chat_member(state: ChatState, actor: JSON, bot: JSON, old: str, new: str, date: int) -> JSON:
    """Payload of a my_chat_member update (bot's own status changed)."""
    return {
        "chat": state.info,
        "from": actor,
        "date": date,
        "old_chat_member": member(old, bot),
        "new_chat_member": member(new, bot),
    }


def full_info(state: ChatState) -> JSON:
    """ChatFullInfo for getChat."""
    info: JSON = {
        **state.info,
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }
    if state.pinned and state.pinned[-1] in state.messages:
        info["pinned_message"] = state.messages[state.pinned[-1]]
    return info
