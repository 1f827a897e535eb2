"""What the trainer's printed documents (reports, persona sheets) share with the certificate:
A4, the shipped Unicode font (text extractable), its colours, and deterministic bytes (the
creation date is given, the producer is fixed, fpdf2's file identifier is a hash of the
content and that date).

fpdf2 is imported only when a document is built.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from .certificate import FONT_FAMILY
from .paths import data_dir

if TYPE_CHECKING:
    from fpdf import FPDF

_FONT_FILES = {"": "DejaVuSans-Latin.ttf", "B": "DejaVuSans-Bold-Latin.ttf"}
_PRODUCER = "mes_sante_tui"

MARGIN = 18.0
MM_PER_PT = 25.4 / 72
INK = (33, 33, 33)
NAVY = (0, 45, 98)
GREY = (110, 110, 110)
LIGHT = (225, 230, 238)


def new_pdf(
    *, title: str, subject: str, created: datetime.datetime, footer: str = "",
    page_words: str = "",
) -> FPDF:
    """An empty A4 portrait document with the fonts loaded, fixed metadata, and on every page
    a grey footer: `footer`, and `page_words` (with `{page}` and `{pages}`) at the right."""
    from fpdf import FPDF
    from fpdf.enums import Align

    class _Document(FPDF):
        def footer(self) -> None:
            if not footer and not page_words:
                return
            self.set_y(-14)
            self.set_font(FONT_FAMILY, "", 7.5)
            self.set_text_color(*GREY)
            self.set_draw_color(*GREY)
            self.set_line_width(0.2)
            self.line(MARGIN, self.get_y() - 1.5, self.w - MARGIN, self.get_y() - 1.5)
            if footer:
                self.cell(0, 4, footer, align=Align.L)
                self.set_x(MARGIN)
            if page_words:
                words = page_words.format(page=self.page_no(), pages="{nb}")
                self.cell(0, 4, words, align=Align.R)

    pdf = _Document(orientation="portrait", unit="mm", format="A4")
    pdf.set_creation_date(created if created.tzinfo else created.replace(tzinfo=datetime.UTC))
    pdf.set_producer(_PRODUCER)
    pdf.set_creator(_PRODUCER)
    pdf.set_title(title)
    pdf.set_subject(subject)
    pdf.set_lang("fr-FR")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=20)
    fonts = data_dir() / "fonts"
    for style, filename in _FONT_FILES.items():
        pdf.add_font(FONT_FAMILY, style, str(fonts / filename))
    return pdf


def paragraph(
    pdf: FPDF, text: str, size: float, *, bold: bool = False, gap: float = 0.0,
    colour: tuple[int, int, int] = INK, align: Any = None,
) -> None:
    """A block of text over the page's width, then `gap` millimetres."""
    from fpdf.enums import Align, XPos, YPos

    pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(
        pdf.epw, size * MM_PER_PT * 1.45, text, align=align or Align.L,
        new_x=XPos.LMARGIN, new_y=YPos.NEXT,
    )
    pdf.ln(gap)


def rule(pdf: FPDF, colour: tuple[int, int, int] = NAVY, thickness: float = 0.4) -> None:
    pdf.set_draw_color(*colour)
    pdf.set_line_width(thickness)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())


def to_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())
