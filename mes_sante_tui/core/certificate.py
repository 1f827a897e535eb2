"""The « justificatif d'opposition »: one A4 page (PDF) and the same lines as plain text.

It mirrors the guide's page (002, Opposition 4/4). The bytes depend only on the person and the
date of the decision: the PDF's creation date is that date, the producer is fixed and the file
identifier is a hash of the content, so the same input always gives the same file.

fpdf2 (and fontTools under it) is imported only when a certificate is built, never at start-up.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mes_sante_tui.core.birthdate import format_date
from mes_sante_tui.core.models import Person, ProfileStatus
from mes_sante_tui.core.nir import format_nir
from mes_sante_tui.core.paths import data_dir
from mes_sante_tui.core.results import Checked
from mes_sante_tui.core.text import has_unseen, is_storable
from mes_sante_tui.wording import t

FONT_FAMILY = "DejaVuSans"
_FONT_FILES = {"": "DejaVuSans-Latin.ttf", "B": "DejaVuSans-Bold-Latin.ttf"}
_PRODUCER = "mes_sante_tui"
FOLDER_NAME = "mes_sante_tui"

# Page geometry, in millimetres (A4 portrait is 210 x 297 mm = 595.28 x 841.89 pt).
_MARGIN = 22.0
_TOP = 18.0
_FOOTER_FROM_BOTTOM = 18.0
_MM_PER_PT = 25.4 / 72
_LEADING = 1.45  # line height as a multiple of the font size
# Colours: a dark navy for the title and rules, a grey for the footer. Nothing is said by
# colour alone: the title is also bold and larger.
_INK = (33, 33, 33)
_NAVY = (0, 45, 98)
_GREY = (110, 110, 110)


@dataclass(frozen=True)
class Certificate:
    pdf: bytes
    text: str
    filename_stem: str


@dataclass(frozen=True)
class _Wording:
    """Every line of the page, in reading order."""

    page: str
    insured_number: str
    insured_name: str
    date: str
    title: str
    greeting: str
    taken_into_account: str
    change_of_mind: str
    closing: str
    signature: str
    fictitious: str

    def blocks(self) -> list[list[str]]:
        """The lines grouped as on the page; the text version puts a blank line between blocks."""
        return [
            [self.page],
            [self.insured_number, self.insured_name],
            [self.date],
            [self.title],
            [self.greeting],
            [self.taken_into_account],
            [self.change_of_mind],
            [self.closing, self.signature],
            [self.fictitious],
        ]


def _nfc(text: str) -> str:
    """Composed accents: a name typed or pasted decomposed ("e" + U+0301) prints as "é"."""
    return unicodedata.normalize("NFC", text)


def _wording(person: Person, decided_on: datetime.date) -> _Wording:
    day = format_date(decided_on)
    first, last = _nfc(person.first_name), _nfc(person.last_name)
    return _Wording(
        page=t("certificate.page"),
        insured_number=t("certificate.insured_number", nir=format_nir(person.nir)),
        insured_name=t("certificate.insured_name", last_name=last.upper(), first_names=first),
        date=t("certificate.date", date=day),
        title=t("certificate.title"),
        greeting=t("certificate.greeting", first_names=first, last_name=last),
        taken_into_account=t("certificate.taken_into_account", date=day),
        change_of_mind=t("certificate.change_of_mind"),
        closing=t("certificate.closing"),
        signature=t("certificate.signature"),
        fictitious=t("certificate.fictitious"),
    )


# Letters that NFKD does not break into a base letter and an accent.
_ASCII_LIGATURES = str.maketrans(
    {"Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "ß": "ss", "Ø": "O", "ø": "o", "Ł": "L",
     "ł": "l", "Đ": "D", "đ": "d", "Þ": "Th", "þ": "th"}
)


def _slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: "Élodie Œuvray" → "elodie-oeuvray"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_LIGATURES))
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    words = "".join(c if c.isalnum() else " " for c in ascii_only).split()
    return "-".join(words)


def _filename_stem(person: Person, decided_on: datetime.date) -> str:
    # The first names too: a parent opposing for twins on the same day gets two files.
    who = _slug(f"{person.last_name} {person.first_name}") or t("certificate.filename_nobody")
    return t("certificate.filename", who=who, date=decided_on.isoformat())


def _plain_text(wording: _Wording) -> str:
    return "\n\n".join("\n".join(block) for block in wording.blocks()) + "\n"


def _render_pdf(wording: _Wording, decided_on: datetime.date) -> bytes:
    from fpdf import FPDF  # heavy (fontTools): loaded only when a certificate is asked for
    from fpdf.enums import Align, XPos, YPos

    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    # Fixed metadata: the creation date is the day of the decision (midnight UTC), and fpdf2's
    # file /ID is an MD5 of the content and that date, so equal inputs give equal bytes.
    midnight = datetime.time(tzinfo=datetime.UTC)
    pdf.set_creation_date(datetime.datetime.combine(decided_on, midnight))
    pdf.set_producer(_PRODUCER)
    pdf.set_creator(_PRODUCER)
    pdf.set_title(wording.title)
    pdf.set_subject(t("certificate.pdf_subject"))
    pdf.set_lang("fr-FR")
    pdf.set_margins(_MARGIN, _TOP, _MARGIN)
    pdf.set_auto_page_break(False)  # one page, always
    pdf.c_margin = 0  # text starts exactly at the margin, flush with the rules
    fonts = data_dir() / "fonts"
    for style, filename in _FONT_FILES.items():
        pdf.add_font(FONT_FAMILY, style, str(fonts / filename))
    pdf.add_page()
    width = pdf.epw

    def paragraph(
        text: str, size: float, *, bold: bool = False, gap: float = 0.0, align: Align = Align.L
    ) -> None:
        pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
        line_height = size * _MM_PER_PT * _LEADING
        pdf.multi_cell(
            width, line_height, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        pdf.ln(gap)

    def rule(y: float, colour: tuple[int, int, int], thickness: float) -> None:
        pdf.set_draw_color(*colour)
        pdf.set_line_width(thickness)
        pdf.line(_MARGIN, y, _MARGIN + width, y)

    pdf.set_text_color(*_INK)
    paragraph(wording.page, 9, align=Align.R, gap=6)
    paragraph(wording.insured_number, 10.5)
    paragraph(wording.insured_name, 10.5, gap=8)
    paragraph(wording.date, 10.5, align=Align.R, gap=12)

    pdf.set_text_color(*_NAVY)
    paragraph(wording.title, 18, bold=True, gap=1.5)
    rule(pdf.get_y(), _NAVY, 0.4)
    pdf.ln(10)

    pdf.set_text_color(*_INK)
    paragraph(wording.greeting, 11, gap=5)
    paragraph(wording.taken_into_account, 11, gap=4)
    paragraph(wording.change_of_mind, 11, gap=10)
    paragraph(wording.closing, 11)
    paragraph(wording.signature, 11, bold=True)

    # The footer, discreet but always there: this page must never pass for a real one.
    pdf.set_y(pdf.h - _FOOTER_FROM_BOTTOM)
    rule(pdf.get_y() - 2, _GREY, 0.2)
    pdf.set_text_color(*_GREY)
    paragraph(wording.fictitious, 8, align=Align.C)
    return bytes(pdf.output())


def preload_pdf_engine() -> None:
    """Load fpdf2, fontTools and the fonts ahead of time (about half a second), e.g. from a
    worker thread while the opposition is being confirmed, so that the certificate the person
    asks for next is built in warm-call time. It renders one throwaway page and keeps nothing."""
    sample = datetime.date(2000, 1, 1)
    _render_pdf(_wording(_SAMPLE_PERSON, sample), sample)


_SAMPLE_PERSON = Person(
    id=0, household_id=0, nir="290052A00412352", first_name="Élodie", last_name="Œuvray",
    birth_date=datetime.date(1990, 5, 1), email=None, mobile=None,
    status=ProfileStatus.OPPOSED, status_date=None,
)


def opposition_certificate(person: Person, decided_on: datetime.date) -> Certificate:
    """The certificate of `person`'s opposition decided on `decided_on`, PDF and text."""
    wording = _wording(person, decided_on)
    return Certificate(
        pdf=_render_pdf(wording, decided_on),
        text=_plain_text(wording),
        filename_stem=_filename_stem(person, decided_on),
    )


def _write_temp(folder: Path, stem: str, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


# Linux's PATH_MAX, the longest path the system calls take (in bytes).
FOLDER_MAX_BYTES = 4096


def check_folder(raw: str) -> Checked[Path]:
    """The folder typed for the certificate (`~` is the home folder), or why it cannot be one:
    empty, a control or invisible character (a NUL makes the system refuse the path), or
    longer than any path the system takes."""
    text = raw.strip()
    if not text:
        return Checked.refuse(t("opposition.done.folder.required"))
    if has_unseen(text, spaces_allowed=False) or not is_storable(text):
        return Checked.refuse(t("opposition.done.folder.charset"))
    if len(text.encode("utf-8")) > FOLDER_MAX_BYTES:
        return Checked.refuse(t("opposition.done.folder.too_long"))
    try:
        return Checked.accept(Path(text).expanduser())
    except RuntimeError:  # no home folder to put in place of `~`
        return Checked.accept(Path(text))


def save_certificate(cert: Certificate, folder: Path) -> tuple[Path, Path]:
    """Write `<stem>.pdf` and `<stem>.txt` into `folder` (created if needed), atomically.

    Both files are written to temporary files in `folder` first, then renamed into place, so a
    reader never sees half a file. Returns (pdf path, text path). An `OSError` (no space, no
    permission...) is raised as is, after the temporary files are removed; the caller words it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    targets = (folder / f"{cert.filename_stem}.pdf", folder / f"{cert.filename_stem}.txt")
    contents = (cert.pdf, cert.text.encode("utf-8"))
    temps: list[Path] = []
    try:
        for data in contents:
            temps.append(_write_temp(folder, cert.filename_stem, data))
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
    finally:
        for temp in temps:  # already renamed away, unless something failed
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    return targets


def default_certificate_folder() -> Path:
    """`<Documents>/mes_sante_tui`, or `<home>/mes_sante_tui` when there is no Documents folder."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    base = documents if documents.is_dir() else Path.home()
    return base / FOLDER_NAME
