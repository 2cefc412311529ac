"""Charts for people and their clinicians: PNG for the chat and for the clinician summary.

Uses matplotlib's object API with the Agg and PDF canvases (no pyplot, no display), so renders
are safe in a worker thread and need no network or downloaded fonts (DejaVu ships with it).
matplotlib (with numpy, about 40 MB) is imported on the first chart, not when the bot starts:
most processes never draw one.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.domain.progress import Progress, pain_series

if TYPE_CHECKING:
    from matplotlib.figure import Figure, SubFigure

# Okabe-Ito: distinguishable with the common kinds of colour blindness.
BLUE, ORANGE, GREEN, PURPLE, GREY = "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#999999"
CHART_SIZE = (8.0, 5.0)  # inches; at CHART_DPI this is 1200 x 750 pixels, sharp on phones
CHART_DPI = 150
FONT = 13

# Marks as well as colours: a day moved without minutes, and rest or a gentler plan kept.
MOVED_MARK, KEPT_MARK = "^", "D"


@dataclass(frozen=True)
class ChartText:
    """Every word on the chart, from the content library."""

    title: str
    minutes: str
    pain: str
    flare: str
    rest: str
    flare_adjusted: str
    moved_no_minutes: str
    kept: str


def _draw(figure: Figure | SubFigure, data: Progress, text: ChartText) -> None:
    """Minutes as bars (rest and flare-adjusted days marked), pain as a line, flares shaded."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    axes = figure.add_subplot()
    xs = list(range(len(data.days)))
    for x, day in zip(xs, data.days, strict=True):
        if day.flare:
            axes.axvspan(x - 0.5, x + 0.5, color=PURPLE, alpha=0.18, linewidth=0)
    colours = [GREEN if d.rest else BLUE for d in data.days]
    heights = [d.minutes for d in data.days]
    bars = axes.bar(xs, heights, color=colours, width=0.7, zorder=2)
    for bar, day in zip(bars, data.days, strict=True):
        if day.flare_plan:  # the flare plan itself, not a tough day while recovering from one
            bar.set_hatch("//")
            bar.set_edgecolor("white")
    for x, day in zip(xs, data.days, strict=True):
        if day.minutes:
            continue
        if day.on_plan and not day.moved:  # planned rest or a gentler plan kept
            axes.plot([x], [0.4], marker=KEPT_MARK, color=GREEN, markersize=7, zorder=3)
        elif day.moved:  # moved, with no minutes known (a group "Done today" without a plan)
            axes.plot([x], [0.4], marker=MOVED_MARK, color=BLUE, markersize=8, zorder=3)
    top = max([*heights, 10])
    axes.set_ylim(0, top * 1.1)
    axes.set_ylabel(text.minutes, fontsize=FONT)
    axes.set_title(text.title, fontsize=FONT + 3, loc="left")
    ticks = xs[::-7][::-1]  # one a week, ending today
    axes.set_xticks(ticks, [data.days[x].date.strftime("%d %b") for x in ticks], fontsize=FONT - 1)
    axes.tick_params(axis="y", labelsize=FONT - 1)
    axes.spines[["top"]].set_visible(False)
    pain_axes = axes.twinx()
    # NaN where there was no check-in: the line breaks there instead of bridging the gap.
    pain = pain_series(data)
    if any(not math.isnan(p) for p in pain):
        pain_axes.plot(xs, pain, color=ORANGE, linewidth=2.5, marker="o", markersize=5, zorder=4)
    pain_axes.set_ylim(0, 10.5)
    pain_axes.set_ylabel(text.pain, fontsize=FONT, color=ORANGE)
    pain_axes.tick_params(axis="y", labelsize=FONT - 1, colors=ORANGE)
    pain_axes.spines[["top"]].set_visible(False)
    legend = [
        Patch(color=BLUE, label=text.minutes),
        Patch(color=GREEN, label=text.rest),
        Patch(facecolor=BLUE, hatch="//", edgecolor="white", label=text.flare_adjusted),
        Patch(color=PURPLE, alpha=0.3, label=text.flare),
        Line2D([], [], color=ORANGE, linewidth=2.5, marker="o", label=text.pain),
        Line2D([], [], color=BLUE, marker=MOVED_MARK, linestyle="", markersize=8,
               label=text.moved_no_minutes),
        Line2D([], [], color=GREEN, marker=KEPT_MARK, linestyle="", markersize=7, label=text.kept),
    ]  # fmt: skip
    axes.legend(
        handles=legend, loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=FONT - 2,
        ncols=3, frameon=False,
    )  # fmt: skip


def progress_png(data: Progress, text: ChartText) -> bytes:
    """The four-week chart as PNG bytes."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=CHART_SIZE, dpi=CHART_DPI, layout="constrained")
    _draw(figure, data, text)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
