"""Charts as inline SVG for the share page and the Mini App: no script, no image requests.

Colours are Okabe-Ito (safe with the common kinds of colour blindness) and every kind of day
has a mark of its own as well (stripes, a triangle, a diamond), so no meaning rests on colour.
Presentation attributes only, never `style=`: the page's Content-Security-Policy allows no
inline styles beyond its one hashed stylesheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from bot.domain.clinician import TrendDay

BLUE, ORANGE, GREEN, PURPLE, VERMILLION, SKY = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9",
)  # fmt: skip
WIDTH = 640
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 12, 34
TEXT = 22  # user units: the chart shrinks to about half on a 320-pixel phone, still legible
RATING_TOP = 10
# One colour and one marker per rating: four charts that never rely on colour alone.
RATING_STYLE = {
    "pain": (VERMILLION, "circle"),
    "interference": (ORANGE, "square"),
    "energy": (BLUE, "triangle"),
    "sleep": (PURPLE, "diamond"),
}


@dataclass(frozen=True)
class ChartWords:
    """The words a chart needs: its title and text alternative, and date labels."""

    title: str
    alt: str
    chart_id: str


def _x(index: int, count: int) -> float:
    step = (WIDTH - LEFT - RIGHT) / max(count, 1)
    return LEFT + step * (index + 0.5)


def _gridlines(values: Sequence[int], bottom: float, scale: float) -> list[str]:
    """A faint horizontal line with its value on the left, for each value of the axis."""
    lines = []
    for value in values:
        y = bottom - value * scale
        lines.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="currentColor" stroke-opacity="0.2"/>'
            f'<text x="{LEFT - 6}" y="{y + TEXT / 3:.1f}" text-anchor="end" '
            f'fill="currentColor">{value}</text>'
        )
    return lines


def _step(count: int) -> float:
    return (WIDTH - LEFT - RIGHT) / max(count, 1)


def _open(words: ChartWords, height: int) -> str:
    cid = words.chart_id
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{cid}-t {cid}-d" '
        f'font-family="system-ui, sans-serif" font-size="{TEXT}">'
        f'<title id="{cid}-t">{escape(words.title)}</title>'
        f'<desc id="{cid}-d">{escape(words.alt)}</desc>'
    )


def _defs(cid: str) -> str:
    return (
        f'<defs><pattern id="{cid}-stripes" width="8" height="8" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{PURPLE}" '
        f'fill-opacity="0.18"/><line x1="0" y1="0" x2="0" y2="8" stroke="{PURPLE}" '
        f'stroke-width="3" stroke-opacity="0.6"/></pattern>'
        f'<pattern id="{cid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{BLUE}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>'
    )


def _flare_bands(days: Sequence[TrendDay], cid: str, top: float, bottom: float) -> list[str]:
    width = _step(len(days))
    return [
        f'<rect x="{_x(i, len(days)) - width / 2:.1f}" y="{top}" width="{width:.1f}" '
        f'height="{bottom - top:.1f}" fill="url(#{cid}-stripes)"/>'
        for i, d in enumerate(days)
        if d.flare
    ]


def _date_ticks(days: Sequence[TrendDay], bottom: float) -> list[str]:
    """One date a week (every other week over 12 weeks), ending on the last day."""
    every = 7 if len(days) <= 35 else 21
    marks = []
    for i in range(len(days) - 1, -1, -every):
        x = _x(i, len(days))
        # The newest date ends at the right edge instead of running past it.
        anchor = "end" if i == len(days) - 1 else "middle"
        if anchor == "end":
            x = WIDTH - RIGHT
        marks.append(
            f'<text x="{x:.1f}" y="{bottom + TEXT + 4:.1f}" text-anchor="{anchor}" '
            f'fill="currentColor">{days[i].date.day} {days[i].date:%b}</text>'
        )
    return marks


def marker(shape: str, x: float, y: float, colour: str, size: float = 6) -> str:
    """A filled marker: circle, square, triangle or diamond."""
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size * 0.8:.1f}" fill="{colour}"/>'
    if shape == "square":
        s = size * 1.5
        return f'<rect x="{x - s / 2:.1f}" y="{y - s / 2:.1f}" width="{s:.1f}" height="{s:.1f}" fill="{colour}"/>'  # noqa: E501
    if shape == "triangle":
        points = f"{x:.1f},{y - size:.1f} {x - size:.1f},{y + size * 0.8:.1f} {x + size:.1f},{y + size * 0.8:.1f}"  # noqa: E501
        return f'<polygon points="{points}" fill="{colour}"/>'
    points = f"{x:.1f},{y - size:.1f} {x + size:.1f},{y:.1f} {x:.1f},{y + size:.1f} {x - size:.1f},{y:.1f}"  # noqa: E501
    return f'<polygon points="{points}" fill="{colour}"/>'


def movement(days: Sequence[TrendDay], words: ChartWords) -> Markup:
    """Minutes as bars (the flare plan's striped), the goal as a dashed step line, flare days
    shaded with stripes, a triangle for moved without minutes, a diamond for rest kept."""
    height = 220
    bottom = height - BOTTOM
    cid = words.chart_id
    top_value = max([10, *(d.minutes for d in days), *(d.goal or 0 for d in days)])
    scale = (bottom - TOP) / top_value
    width = _step(len(days))
    parts = [_open(words, height), _defs(cid), *_flare_bands(days, cid, TOP, bottom)]
    parts.extend(_gridlines((0, top_value // 2, top_value), bottom, scale))
    for i, day in enumerate(days):
        x = _x(i, len(days))
        if day.minutes:
            fill = f"url(#{cid}-hatch)" if day.flare_plan else BLUE
            h = day.minutes * scale
            parts.append(
                f'<rect x="{x - width * 0.35:.1f}" y="{bottom - h:.1f}" width="{width * 0.7:.1f}" '
                f'height="{h:.1f}" fill="{fill}"/>'
            )
        elif day.rest or (day.on_plan and not day.moved):
            parts.append(marker("diamond", x, bottom - 7, GREEN))
        elif day.moved:
            parts.append(marker("triangle", x, bottom - 7, BLUE))
    goal_points = []
    for i, day in enumerate(days):
        if day.goal:
            y = bottom - day.goal * scale
            x = _x(i, len(days))
            goal_points.append(f"M{x - width / 2:.1f},{y:.1f}H{x + width / 2:.1f}")
    if goal_points:
        parts.append(
            f'<path d="{"".join(goal_points)}" stroke="{ORANGE}" stroke-width="3" '
            f'stroke-dasharray="6 3" fill="none"/>'
        )
    parts.append(
        f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" '
        f'stroke="currentColor"/>'
    )
    parts.extend(_date_ticks(days, bottom))
    parts.append("</svg>")
    return Markup("".join(parts))


def rating(days: Sequence[TrendDay], field: str, words: ChartWords) -> Markup:
    """One 0-10 rating as a line with a marker a day; the line breaks where nothing was rated."""
    height = 170
    bottom = height - BOTTOM
    cid = words.chart_id
    colour, shape = RATING_STYLE[field]
    scale = (bottom - TOP) / RATING_TOP
    parts = [_open(words, height), _defs(cid), *_flare_bands(days, cid, TOP, bottom)]
    parts.extend(_gridlines((0, 5, 10), bottom, scale))
    path: list[str] = []
    dots: list[str] = []
    pen_down = False
    for i, day in enumerate(days):
        value = getattr(day, field)
        if value is None:
            pen_down = False
            continue
        x, y = _x(i, len(days)), bottom - value * scale
        path.append(f"{'L' if pen_down else 'M'}{x:.1f},{y:.1f}")
        pen_down = True
        dots.append(marker(shape, x, y, colour, size=5))
    if path:
        parts.append(
            f'<path d="{"".join(path)}" stroke="{colour}" stroke-width="2.5" fill="none"/>'
        )
    parts.extend(dots)
    parts.extend(_date_ticks(days, bottom))
    parts.append("</svg>")
    return Markup("".join(parts))


def legend_mark(kind: str) -> Markup:
    """A small picture of one legend entry, drawn as on the chart."""
    inner = {
        "minutes": f'<rect x="4" y="4" width="16" height="16" fill="{BLUE}"/>',
        "flare_plan": f'<rect x="4" y="4" width="16" height="16" fill="url(#lg-{kind}-hatch)"/>',
        "goal": f'<path d="M2,12H22" stroke="{ORANGE}" stroke-width="3" stroke-dasharray="6 3"/>',
        "flare": f'<rect x="2" y="2" width="20" height="20" fill="url(#lg-{kind}-stripes)"/>',
        "no_minutes": marker("triangle", 12, 12, BLUE, 7),
        "kept": marker("diamond", 12, 12, GREEN, 7),
    }[kind]
    defs = _defs(f"lg-{kind}") if kind in ("flare_plan", "flare") else ""
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" '
        f'aria-hidden="true">{defs}{inner}</svg>'
    )
