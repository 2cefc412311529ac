"""Content rendered for one person: their locale, their country's helplines, short echoes."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from bot.db.models import User
from bot.domain.locale import locale_for
from bot.views.content import Content

# Echoing a huge message back would be unreadable; this is enough to recognise it.
ECHO_MAX_CHARS = 24


def locale_of(user: User | None) -> str:
    """The content locale for a person (by their zone's country)."""
    return locale_for(user.timezone) if user is not None else "en"


def say(content: Content, key: str, user: User | None = None, /, **variables: Any) -> str:
    """Render a content message in the person's locale; a safety message gets the crisis line
    and emergency number of the person's country, wherever it is sent from."""
    locale = locale_of(user)
    if content.item(key, locale).category == "safety":
        variables = {**safety_variables(content, user), **variables}
    return content.render(key, locale, **variables)


def safety_variables(
    content: Content, user: User | None, country: str | None = None
) -> dict[str, Any]:
    """The person's country's crisis line and emergency number, ready for a safety template."""
    helplines = content.helplines
    code = country or (helplines.country_of(user.country, user.timezone) if user else None)
    values = helplines.variables(code)
    locale = locale_of(user)
    # Rendered by locked templates from checked data: safe to place into other templates.
    values["line"] = Markup(content.render("safety.parts.line", locale, **values))
    values["call_now"] = Markup(content.render("safety.parts.emergency", locale, **values))
    return values


def echo(text: str) -> str:
    """A short, single-line version of what someone typed, for error messages."""
    flat = " ".join(text.split())
    if len(flat) <= ECHO_MAX_CHARS:
        return flat
    cut = flat[: ECHO_MAX_CHARS - 1]
    # Never cut a word in two ("not much, maybe 5 minu…"): end at the last whole word.
    if " " in cut and not flat[ECHO_MAX_CHARS - 1].isspace():
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:-") + "…"
