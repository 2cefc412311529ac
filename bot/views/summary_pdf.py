"""The clinician summary as a PDF laid out by a document library (fpdf2), not a chart figure.

fpdf2 wraps table cells and breaks pages itself, so a long goal history or a long label never
runs off the page or over its neighbour. The font is DejaVu Sans from matplotlib's own data (it
covers every character the content uses, and nothing is downloaded).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

# Where paper is Letter rather than A4 (ISO 216 is the rule elsewhere).
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "DO", "PA", "SV", "HN", "NI",
     "BZ", "BO"}
)  # fmt: skip
MARGIN = 15  # mm on every side
HEADING_SIZE = 16
TEXT_SIZE = 10
LINE = 5.0  # mm per line of TEXT_SIZE text
CHART_RATIO = 5 / 8  # the chart's height to its width (charts.CHART_SIZE)
FONT = "DejaVu"


def paper_for(country: str | None) -> str:
    """A4, or Letter in the countries that use it."""
    return "Letter" if country and country.upper() in LETTER_COUNTRIES else "A4"


@dataclass(frozen=True)
class SummaryDocument:
    """Every word and figure of the summary, already in the person's locale."""

    heading: str
    disclaimer: str
    chart_png: bytes
    rows: tuple[tuple[str, str], ...]  # label, value (long values wrap)
    weekly_title: str
    weekly_header: tuple[str, ...]
    weekly_rows: tuple[tuple[str, ...], ...]
    weekly_none: str
    paper: str = "A4"


def _fonts() -> dict[str, Path]:
    from matplotlib import get_data_path

    folder = Path(get_data_path()) / "fonts" / "ttf"
    return {"": folder / "DejaVuSans.ttf", "B": folder / "DejaVuSans-Bold.ttf",
            "I": folder / "DejaVuSans-Oblique.ttf"}  # fmt: skip


def render(document: SummaryDocument) -> bytes:
    """The summary as PDF bytes."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(orientation="portrait", unit="mm", format=document.paper)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    for style, path in _fonts().items():
        pdf.add_font(FONT, style, str(path))
    pdf.set_title(document.heading)
    pdf.add_page()
    width = pdf.epw
    pdf.set_font(FONT, "B", HEADING_SIZE)
    pdf.multi_cell(width, 8, document.heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "I", TEXT_SIZE)
    pdf.multi_cell(width, LINE, document.disclaimer, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    chart_width = width * 0.9
    pdf.image(io.BytesIO(document.chart_png), x=MARGIN + (width - chart_width) / 2,
              w=chart_width, h=chart_width * CHART_RATIO)  # fmt: skip
    pdf.ln(2)
    pdf.set_font(FONT, "", TEXT_SIZE)
    bold = FontFace(emphasis="BOLD")
    with pdf.table(
        col_widths=(38, 62), first_row_as_headings=False, line_height=LINE,
        padding=1.2, borders_layout="HORIZONTAL_LINES",
    ) as table:  # fmt: skip
        for label, value in document.rows:
            row = table.row()
            row.cell(label, style=bold)
            row.cell(value)
    pdf.ln(3)
    pdf.set_font(FONT, "B", TEXT_SIZE + 1)
    pdf.multi_cell(width, LINE + 1, document.weekly_title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", TEXT_SIZE)
    if document.weekly_rows:
        with pdf.table(
            col_widths=(22, 26, 26, 26), line_height=LINE, padding=1.2,
            headings_style=bold, text_align=("LEFT", "CENTER", "CENTER", "CENTER"),
        ) as table:  # fmt: skip
            for cells in (document.weekly_header, *document.weekly_rows):
                row = table.row()
                for cell in cells:
                    row.cell(cell)
    else:
        pdf.multi_cell(width, LINE, document.weekly_none, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
