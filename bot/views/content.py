"""The content library: loads content/ (Jinja2 with front matter), validates it, renders it."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, StrictUndefined, Template, TemplateError, meta

from bot.views.helplines import HelplineError, Helplines, load_helplines

# The top-level content/ folder, installed as the package bot.content (pyproject.toml maps it);
# named by string so that it is found the way it is installed, wheel or editable.
CONTENT_DIR = Path(str(resources.files("bot.content")))
DEFAULT_LOCALE = "en"
HELPLINES_FILE = "helplines.yaml"

KINDS = frozenset(
    {"interface", "encouragement", "tip", "movement", "education", "reason", "safety", "nudge"}
)
CATEGORIES = frozenset(
    {
        "interface", "education", "movement", "flare_toolkit", "pacing", "encouragement",
        "social", "sleep_stress", "headache_neck", "professional", "safety",
    }
)  # fmt: skip
DAY_TYPES = ("flare", "tough", "steady", "good")
# Local times of day a selectable text suits (front matter `times`; default: all four).
TIMES = ("morning", "afternoon", "evening", "late")
TAGS = frozenset(
    {
        "headache", "neck", "upper_back", "sleep", "stress",
        "walking", "bike", "yoga", "water", "stretching", "taichi",
        "very_gentle", "gentle", "building",
        "heat", "breathing", "relaxation", "posture", "massage", "rest", "fluids", "planning",
        "if_then", "see_doctor", "boom_bust", "restart", "progress", "buddy", "family", "physio",
    }
)  # fmt: skip
FIELDS = frozenset(
    {"key", "kind", "category", "day_types", "tags", "weight", "locale", "source", "locked",
     "title", "times"}
)  # fmt: skip

# Sample values for every variable a template may use: rendering each template with them at
# start proves it renders, and the names double as the list of allowed variables.
SAMPLE: dict[str, Any] = {
    "name": "Sam",
    "activity": "walking",
    "goal_minutes": 8,
    "level_minutes": 10,
    "days_moved_week": 4,
    "days_on_plan_week": 5,
    "minutes_week": 42,
    "minutes_4_weeks_ago": 20,
    "compare_4_weeks": True,
    "day_type_words": "a tough day",
    "cue": "after breakfast",
    "answers": "pain 6, energy 3",
    "timezone": "Europe/Berlin",
    "checkin_time": "09:30",
    "value": "12",
    "suggestions": "Europe/Berlin, Europe/Paris",
    "question": "Pain today?",
    "command": "/foo",
    "minutes_range": "5-10 minutes",
    "activities": "walking and gentle yoga",
    "symptoms": "headaches, sleep",
    "max_chars": "2,000",
    "date": "Saturday 21 November",
    "pain": 6,
    "interference": 5,
    "energy": 3,
    "sleep": 4,
    "movement": "some",
    "flare": "not sure",
    "note": "slept badly",
    # Group challenges: the group's name, the goal in words, length, day, summary time, members.
    "group": "Family",
    "goal": "10 minutes of walking a day",
    "days": 7,
    "day": 3,
    "summary_time": "20:00",
    "members": [
        {"name": "Ana", "status": "moved", "days": 3},
        {"name": "Bo", "status": "resting", "days": 2},
        {"name": "Cy", "status": "", "days": 0},
    ],
    "deleted": "12 check-ins and your settings",
    # /privacy: how many days a message the bot could not handle keeps its content.
    "setaside_days": 7,
    # Sharing: the link (made once, never stored), how often it was opened, its weeks.
    "url": "https://example.org/s/abc",
    "opens": 2,
    "weeks": 4,
    # Safety replies: the person's country's numbers (bot.views.helplines.Helplines.variables).
    "country_name": "Germany",
    "emergency": "112",
    "emergency_note": "",
    "line_name": "TelefonSeelsorge",
    "line_phone": "0800 111 0 111",
    "line_phone_alt": "0800 111 0 222",
    "line_text": "",
    "line_text_via": "",
    "line_hours": "24/7",
    "line_note": "",
    "line_url": "https://www.telefonseelsorge.de",
    "directory_name": "Find A Helpline",
    "directory_url": "https://findahelpline.com",
    # The same, rendered once by safety.parts.* and passed into the other safety replies.
    "line": "call 0800 111 0 111 (TelefonSeelsorge, 24/7)",
    "call_now": "112",
    "bot_link": "https://t.me/SmallStepsBot?start=sf",
}


# Telegram's HTML mode rejects a whole message over one stray "<" or "&", so check at load time.
_TAG = re.compile(r"<(/?)([a-z][a-z0-9-]*)(\s+href=\"[^\"<>]*\")?>")
_ALLOWED_TAGS = frozenset({"b", "i", "u", "s", "code", "pre", "a", "blockquote", "tg-spoiler"})
_BARE_AMP = re.compile(r"&(?!(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)")


class ContentError(Exception):
    """The library is broken; the message is one line naming the file."""


@dataclass(frozen=True)
class Item:
    """One message file: its front matter and compiled template."""

    key: str
    kind: str
    category: str
    locale: str
    path: Path
    template: Template
    day_types: frozenset[str] = frozenset(DAY_TYPES)
    tags: frozenset[str] = frozenset()
    weight: int = 1
    source: str = ""
    locked: bool = False
    title: str = ""
    times: frozenset[str] = frozenset(TIMES)


@dataclass
class Content:
    """Every message by locale and key, plus button labels."""

    items: dict[tuple[str, str], Item] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    helplines: Helplines = field(default_factory=lambda: Helplines({}, "", ""))
    # Keyboards built from these labels, kept by what they were built for (bot.views.keyboards).
    keyboards: dict[tuple[Any, ...], Any] = field(
        default_factory=dict, compare=False, repr=False
    )

    def has(self, key: str, locale: str = DEFAULT_LOCALE) -> bool:
        """True when a message with this key exists for the locale or its fallback."""
        return any((loc, key) in self.items for loc in _fallbacks(locale))

    def item(self, key: str, locale: str = DEFAULT_LOCALE) -> Item:
        """The message for a key in the most specific locale that has it."""
        for loc in _fallbacks(locale):
            found = self.items.get((loc, key))
            if found is not None:
                return found
        raise KeyError(f"no content with key {key!r}")

    def render(self, key: str, locale: str = DEFAULT_LOCALE, /, **variables: Any) -> str:
        """Render one message; a missing variable raises (StrictUndefined)."""
        return self.item(key, locale).template.render(**variables).strip()

    def label(self, key: str, locale: str = DEFAULT_LOCALE) -> str:
        """A button label."""
        for loc in _fallbacks(locale):
            if key in self.labels.get(loc, {}):
                return self.labels[loc][key]
        raise KeyError(f"no label with key {key!r}")

    def select(
        self,
        kind: str,
        *,
        day_type: str | None = None,
        tags: Iterable[str] = (),
        locale: str = DEFAULT_LOCALE,
    ) -> list[Item]:
        """Items of a kind that suit a day type and carry every given tag."""
        wanted = frozenset(tags)
        return [
            item for (loc, _), item in sorted(self.items.items())
            if loc == locale and item.kind == kind
            and (day_type is None or day_type in item.day_types) and wanted <= item.tags
        ]  # fmt: skip

    def pick(self, prefix: str, rng: random.Random, locale: str = DEFAULT_LOCALE) -> str:
        """One key among the variants `prefix.1`, `prefix.2`, ... (or `prefix` itself)."""
        for loc in _fallbacks(locale):
            keys = sorted(k for (lc, k) in self.items if lc == loc and k.startswith(prefix + "."))
            if keys:
                return rng.choice(keys)
        return prefix


def _fallbacks(locale: str) -> tuple[str, ...]:
    """'en-GB' -> ('en-GB', 'en'); always ends with the default locale."""
    chain = [locale]
    if "-" in locale:
        chain.append(locale.split("-")[0])
    if DEFAULT_LOCALE not in chain:
        chain.append(DEFAULT_LOCALE)
    return tuple(chain)


def _environment() -> Environment:
    """Jinja2 for Telegram HTML: escaped by default, and a missing variable is an error."""
    return Environment(
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=False,
    )  # fmt: skip


def _split(path: Path, text: str) -> tuple[dict[str, Any], str]:
    """Front matter and body of a file."""
    if not text.startswith("---"):
        raise ContentError(f"{path}: missing front matter (a '---' line first)")
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        raise ContentError(f"{path}: front matter is not closed by a '---' line")
    try:
        meta_data = yaml.safe_load(parts[0].removeprefix("---")) or {}
    except yaml.YAMLError as exc:
        raise ContentError(
            f"{path}: front matter is not valid YAML ({getattr(exc, 'problem', exc)})"
        ) from None
    if not isinstance(meta_data, dict):
        raise ContentError(f"{path}: front matter must be a mapping")
    return meta_data, parts[1].removeprefix("\n")


def _as_set(path: Path, name: str, value: Any, allowed: Iterable[str]) -> frozenset[str]:
    """A list field checked against its vocabulary."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError(f"{path}: {name} must be a list of words")
    unknown = set(value) - set(allowed)
    if unknown:
        raise ContentError(f"{path}: unknown {name} {', '.join(sorted(unknown))}")
    return frozenset(value)


def _load_item(env: Environment, path: Path, folder_locale: str) -> Item:
    """Parse, validate and compile one file."""
    meta_data, body = _split(path, path.read_text(encoding="utf-8"))
    unknown = set(meta_data) - FIELDS
    if unknown:
        raise ContentError(f"{path}: unknown field {', '.join(sorted(unknown))}")
    for required in ("key", "kind", "category"):
        if not isinstance(meta_data.get(required), str) or not meta_data[required]:
            raise ContentError(f"{path}: {required} is required")
    if meta_data["kind"] not in KINDS:
        raise ContentError(f"{path}: unknown kind {meta_data['kind']}")
    if meta_data["category"] not in CATEGORIES:
        raise ContentError(f"{path}: unknown category {meta_data['category']}")
    if meta_data["kind"] != "interface" and not meta_data.get("source"):
        raise ContentError(f"{path}: source is required (a seed file or a guideline)")
    if meta_data["category"] == "safety" and meta_data.get("locked") is not True:
        raise ContentError(f"{path}: safety templates must be locked: true")
    weight = meta_data.get("weight", 1)
    if not isinstance(weight, int) or weight < 1:
        raise ContentError(f"{path}: weight must be a whole number of at least 1")
    try:
        parsed = env.parse(body)
    except TemplateError as exc:
        raise ContentError(f"{path}: template does not parse ({exc})") from None
    unknown_vars = meta.find_undeclared_variables(parsed) - set(SAMPLE)
    if unknown_vars:
        raise ContentError(f"{path}: unknown variable {', '.join(sorted(unknown_vars))}")
    template = env.from_string(body)
    try:
        rendered = template.render(**SAMPLE).strip()
    except Exception as exc:  # any template error, named with its file, stops the start
        raise ContentError(f"{path}: template does not render ({exc})") from None
    if not rendered:
        raise ContentError(f"{path}: renders to an empty message")
    _check_html(path, rendered)
    return Item(
        key=meta_data["key"],
        kind=meta_data["kind"],
        category=meta_data["category"],
        locale=str(meta_data.get("locale", folder_locale)),
        path=path,
        template=template,
        day_types=_as_set(
            path, "day_types", meta_data.get("day_types", list(DAY_TYPES)), DAY_TYPES
        ),
        tags=_as_set(path, "tags", meta_data.get("tags", []), TAGS),
        weight=weight,
        source=str(meta_data.get("source", "")),
        locked=bool(meta_data.get("locked", False)),
        title=str(meta_data.get("title", "")),
        times=_as_set(path, "times", meta_data.get("times", list(TIMES)), TIMES),
    )


def _check_html(path: Path, rendered: str) -> None:
    """Only the tags Telegram knows, balanced; no stray '<' or '&' in the literal text."""
    stack: list[str] = []
    for match in _TAG.finditer(rendered):
        closing, name = match.group(1), match.group(2)
        if name not in _ALLOWED_TAGS:
            raise ContentError(f"{path}: tag <{name}> is not one Telegram supports")
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            raise ContentError(f"{path}: tag </{name}> does not close an open tag")
    if stack:
        raise ContentError(f"{path}: tag <{stack[-1]}> is never closed")
    if "<" in _TAG.sub("", rendered) or ">" in _TAG.sub("", rendered):
        raise ContentError(f"{path}: write < and > as words; Telegram reads them as tags")
    if _BARE_AMP.search(rendered):
        raise ContentError(f"{path}: write 'and' instead of '&'; Telegram reads it as an entity")


def _load_labels(path: Path) -> dict[str, str]:
    """Button labels of one locale: a flat YAML mapping of key to short text."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in data.items()
    ):
        raise ContentError(f"{path}: labels must map keys to non-empty text")
    return dict(data)


def load_content(root: Path = CONTENT_DIR) -> Content:
    """Load and validate the whole library; any problem raises ContentError naming the file."""
    if not root.is_dir():
        raise ContentError(f"{root}: content folder not found")
    env = _environment()
    content = Content()
    for locale_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        labels = locale_dir / "labels.yaml"
        if labels.exists():
            content.labels[locale_dir.name] = _load_labels(labels)
        for path in sorted(locale_dir.rglob("*.j2")):
            item = _load_item(env, path, locale_dir.name)
            if (item.locale, item.key) in content.items:
                other = content.items[(item.locale, item.key)].path
                raise ContentError(f"{path}: key {item.key} is already used by {other}")
            content.items[(item.locale, item.key)] = item
    if not any(loc == DEFAULT_LOCALE for loc, _ in content.items):
        raise ContentError(f"{root}: no messages for locale {DEFAULT_LOCALE}")
    try:
        content.helplines = load_helplines(root / HELPLINES_FILE)
    except HelplineError as exc:
        raise ContentError(f"{root}/{exc}") from None
    return content
