"""The share page and the Mini App as server-rendered HTML: words from content/, charts as SVG.

One Jinja2 template (views/templates/page.html.j2) with HTML autoescape and StrictUndefined;
the stylesheet is one inline block whose SHA-256 goes into the Content-Security-Policy, so no
other style or any script can run on the page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from bot.domain.clinician import SPANS, TrendDay, Trends
from bot.views import svg
from bot.views.content import Content
from bot.views.goals import goal_sentence

TEMPLATES = Path(__file__).with_name("templates")
RATINGS = ("pain", "interference", "energy", "sleep")
LEGEND = ("minutes", "flare_plan", "goal", "flare", "no_minutes", "kept")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# Telegram theme parameters a Mini App receives, and the page colour each one sets.
THEME_KEYS = ("bg_color", "text_color", "hint_color", "link_color", "button_color",
              "button_text_color", "secondary_bg_color")  # fmt: skip


@dataclass(frozen=True)
class PageText:
    """Who and when, in words: the page's header."""

    title: str
    period: str
    made: str
    expires: str | None


@dataclass(frozen=True)
class Switch:
    """The Mini App's 4 / 12 weeks buttons: a form that posts the same initData again."""

    action: str
    init_data: str
    theme: str
    weeks: int


@dataclass(frozen=True)
class Rendered:
    """The HTML and the hash its stylesheet needs in the Content-Security-Policy."""

    html: str
    style_hash: str
    extra: dict[str, str] = field(default_factory=dict)


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def theme_css(theme: dict[str, str] | None) -> str:
    """CSS variables from Telegram's theme parameters (only well-formed colours pass)."""
    if not theme:
        return ""
    lines = [
        f"--tg-theme-{key.replace('_', '-')}:{value};"
        for key in THEME_KEYS
        if isinstance(value := theme.get(key), str) and _COLOUR.fullmatch(value)
    ]
    return f":root{{{''.join(lines)}}}" if lines else ""


def style_hash(css: str) -> str:
    """The CSP source for one inline stylesheet."""
    digest = hashlib.sha256(css.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _alt(content: Content, locale: str, days: tuple[TrendDay, ...], field_name: str) -> str:
    label = content.label
    values = [getattr(d, field_name) for d in days if getattr(d, field_name) is not None]
    what = label(f"web.rating.{field_name}", locale)
    if not values:
        return label("web.alt_none", locale).format(what=what)
    average = f"{sum(values) / len(values):.1f}"
    return label("web.alt_rating", locale).format(
        what=what, average=average, low=min(values), high=max(values), count=len(values),
        days=len(days),
    )  # fmt: skip


def _marks(content: Content, locale: str, day: TrendDay) -> str:
    names = [
        name
        for name, on in (
            ("flare", day.flare),
            ("flare_plan", day.flare_plan),
            ("rest", day.rest),
            ("moved", day.moved and not day.minutes),
        )
        if on
    ]
    return ", ".join(content.label(f"web.mark.{name}", locale) for name in names)


def render(
    content: Content,
    locale: str,
    text: PageText,
    data: Trends,
    *,
    zone: ZoneInfo,
    notes: bool,
    theme: dict[str, str] | None = None,
    switch: Switch | None = None,
) -> Rendered:
    """The page's HTML (share page, or the Mini App's view when `theme` is given)."""
    label = content.label

    def words(key: str, **values: object) -> str:
        return label(key, locale).format(**values) if values else label(key, locale)

    days = data.days
    count = len(days)
    none = words("visit.none")

    def average(name: str) -> str:
        value = data.average(name)
        return none if value is None else f"{value:.1f}"

    figures = [
        (words("visit.days_moved"), words("visit.of_days", count=data.days_moved, days=count)),
        (words("visit.days_on_plan"), words("visit.of_days", count=data.days_on_plan, days=count)),
        (words("visit.minutes"), words("visit.of_minutes", minutes=data.minutes,
                                       goal=data.goal_minutes)),
        (words("visit.flare_days"), str(data.flare_days)),
        (words("web.rest_days"), str(data.rest_days)),
        (words("visit.checkins"), words("visit.of_days", count=data.checkins, days=count)),
        *((words(f"web.average.{name}"), average(name)) for name in RATINGS),
    ]  # fmt: skip
    movement_alt = words(
        "web.alt_movement", moved=data.days_moved, days=count, minutes=data.minutes,
        goal=data.goal_minutes, flares=data.flare_days, rests=data.rest_days,
    )  # fmt: skip
    charts = [
        (
            words("web.movement_title"),
            movement_alt,
            svg.movement(days, svg.ChartWords(words("web.movement_title"), movement_alt, "mv")),
        ),
        *(
            (
                words(f"web.rating.{name}"),
                _alt(content, locale, days, name),
                svg.rating(
                    days,
                    name,
                    svg.ChartWords(
                        words(f"web.rating.{name}"), _alt(content, locale, days, name), f"r-{name}"
                    ),
                ),
            )
            for name in RATINGS
        ),
    ]
    legend = [(svg.legend_mark(kind), words(f"web.legend.{kind}")) for kind in LEGEND]
    weekly_header = tuple(
        words(key)
        for key in ("visit.week_of", "visit.enjoyment_short", "visit.confidence_tasks_short",
                    "visit.confidence_life_short")
    )  # fmt: skip
    blank = words("visit.blank")

    def shown(value: int | None) -> str:
        return blank if value is None else str(value)

    weekly_rows = [
        (f"{w.date.day} {w.date:%b}", shown(w.enjoyment), shown(w.confidence_tasks),
         shown(w.confidence_life))
        for w in data.weeks
    ]  # fmt: skip
    monthly = [
        (f"{m.date.day} {m.date:%b %Y}", words(f"change.{m.overall_change}")) for m in data.monthly
    ]
    table_header = tuple(words(f"web.col.{name}") for name in (
        "date", "pain", "interference", "energy", "sleep", "minutes", "goal", "marks"))  # fmt: skip
    # The longest part of the page (a row a day) is built here, not cell by cell in the
    # template: the same escaping, a fraction of the time for 12 weeks.
    rows = Markup(
        "\n".join(
            f'<tr><th scope="row">{escape(f"{d.date:%a} {d.date.day} {d.date:%b}")}</th>'
            + "".join(
                f"<td>{escape(cell)}</td>"
                for cell in (
                    shown(d.pain),
                    shown(d.interference),
                    shown(d.energy),
                    shown(d.sleep),
                    str(d.minutes),
                    shown(d.goal),
                    _marks(content, locale, d),
                )
            )
            + "</tr>"
            for d in reversed(days)
        )
    )
    note_rows = (
        [(f"{d.date:%a} {d.date.day} {d.date:%b}", d.note) for d in reversed(days) if d.note]
        if notes
        else []
    )
    css = _stylesheet() + theme_css(theme)
    html = (
        _environment()
        .get_template("page.html.j2")
        .render(
            lang=locale,
            css=Markup(css),
            title=text.title,
            period=text.period,
            made=text.made,
            expires=text.expires,
            disclaimer=words("web.disclaimer"),
            figures_title=words("web.figures_title"),
            figures=figures,
            goal_label=words("visit.goal"),
            goal=goal_sentence(content, locale, data.goals),
            charts=charts,
            charts_title=words("web.charts_title"),
            legend_title=words("web.legend_title"),
            legend=legend,
            weekly_title=words("visit.weekly_title"),
            weekly_header=weekly_header,
            weekly_rows=weekly_rows,
            monthly_title=words("visit.overall_change"),
            monthly=monthly,
            none=none,
            days_title=words("web.days_title"),
            days_summary=words("web.days_summary", days=count),
            table_header=table_header,
            rows=rows,
            notes_title=words("web.notes_title"),
            notes=notes,
            note_rows=note_rows,
            zone=str(zone),
            switch=switch,
            spans=[(weeks, words(f"share.weeks.{weeks}")) for weeks in SPANS],
            switch_label=words("web.switch"),
        )
    )
    return Rendered(html=html, style_hash=style_hash(css))


def page_text(
    content: Content,
    locale: str,
    *,
    name: str,
    weeks: int,
    data: Trends,
    made_at: datetime,
    zone: ZoneInfo,
    expires_at: datetime | None,
    own: bool,
) -> PageText:
    """The header: whose page, which period, when it was made and until when the link works."""
    label = content.label
    made = made_at.astimezone(zone)
    title = (label("web.own_title", locale) if own else label("web.title", locale)).format(
        name=name, weeks=weeks
    )
    expires = (
        label("web.expires", locale).format(when=_when(expires_at.astimezone(zone)))
        if expires_at is not None
        else None
    )
    return PageText(
        title=title,
        period=f"{data.start.day} {data.start:%b %Y} - {data.end.day} {data.end:%b %Y}",
        made=label("web.made", locale).format(when=_when(made), zone=str(zone)),
        expires=expires,
    )


def _when(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y, %H:%M}"


@cache
def _stylesheet() -> str:
    return (TEMPLATES / "page.css").read_text(encoding="utf-8").strip()


def plain(content: Content, key: str, locale: str = "en") -> Rendered:
    """A short page of one sentence (not found, not allowed, the Mini App's opening page)."""
    css = _stylesheet()
    html = (
        _environment()
        .get_template("plain.html.j2")
        .render(lang=locale, css=Markup(css), text=content.label(key, locale))
    )
    return Rendered(html=html, style_hash=style_hash(css))


def app_shell(content: Content, script: str, action: str, locale: str = "en") -> Rendered:
    """The Mini App's first page: one sentence and the script that posts initData back."""
    css = _stylesheet()
    html = (
        _environment()
        .get_template("app.html.j2")
        .render(
            lang=locale,
            css=Markup(css),
            text=content.label("web.opening", locale),
            script=script,
            action=action,
        )
    )
    return Rendered(html=html, style_hash=style_hash(css))


def app_script() -> bytes:
    """The Mini App's script, served by the bot itself (no third-party assets)."""
    return (TEMPLATES / "app.js").read_bytes()
