"""Persona sheets to print and hand out: one A4 page per persona, what a person brings to the
counter. The fictitious Vitale card drawn to scale (85.6 x 54 mm) with the NIR and the serial
where the real card has them (as the help screens say: a card without photo has the serial
on the back, top left, and the NIR below it; a card with photo has both on the front, the
serial top right and the NIR beside the photo), marked « SPÉCIMEN — données fictives »; the
information letter or e-mail with the provisional code as the outbox holds it; the contacts
on file; and what the persona is for. The same sheets as plain text, for a screen reader.

A scenario's sheet (`scenario_sheet`) is the trainee's: the scenario's persona as a run of it
holds it (its codes are the same on every run, core/scenarios.py), with the scenario's goal
on top, and never its traps.

The bytes depend only on the store: the creation date is the newest message shown.
"""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from mes_sante_tui.wording import t

from .birthdate import format_date
from .certificate import FONT_FAMILY
from .clock import Clock
from .codeformat import PROVISIONAL_CODE_LENGTH
from .contacts import format_mobile
from .models import Card, CardModel, Channel, OutboxMessage, Person
from .nir import format_nir
from .printing import GREY, INK, MARGIN, NAVY, new_pdf, paragraph, rule, to_bytes
from .store import Store
from .vitale import PHOTO_PREFIX

if TYPE_CHECKING:
    from fpdf import FPDF

CARD_WIDTH = 85.6
CARD_HEIGHT = 54.0
_CORNER = 3.18
_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


class UnknownPersona(LookupError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True)
class Sheet:
    key: str
    person: Person
    card: Card | None
    card_holder: Person | None  # whose card reaches a child's profile (the parent's)
    message: OutboxMessage | None
    # A scenario's sheet: its title and goal (never its traps).
    scenario_title: str | None = None
    goal: str | None = None

    @property
    def serial_words(self) -> str:
        return _serial(self.card) if self.card is not None else ""


def _serial(card: Card) -> str:
    if card.model is CardModel.WITH_PHOTO and card.serial.startswith(PHOTO_PREFIX):
        return f"{PHOTO_PREFIX} {card.serial[len(PHOTO_PREFIX):]}"
    return card.serial


def persona_sheets(store: Store, keys: Sequence[str] | None = None) -> list[Sheet]:
    """The sheets of `keys` in that order (every persona, household by household, when
    None); UnknownPersona for a key the store does not have."""
    asked = list(dict.fromkeys(keys)) if keys else None
    personas = store.personas(asked)
    wanted = list(personas) if asked is None else asked
    for key in wanted:
        if key not in personas:
            raise UnknownPersona(key)
    messages = store.outbox(about=[person.id for person in personas.values()])  # newest first
    sheets = []
    for key in wanted:
        person = personas[key]
        holder = store.find_person(person.parent_id) if person.parent_id is not None else None
        sheets.append(Sheet(
            key=key, person=person, card=store.card_of(person.id), card_holder=holder,
            message=next((m for m in messages if _carries_code_for(m, person)), None),
        ))
    return sheets


def scenario_sheet(name: str, *, clock: Clock | None = None) -> Sheet:
    """The trainee's sheet of scenario `name`: its persona in a run prepared in a temporary
    folder, thrown away after (the codes, made by the scenario's own generator, are the ones
    every run of it holds), with the goal. ScenarioError for an unknown name."""
    from .scenarios import prepare_run, scenario_named

    scenario = scenario_named(name)
    with tempfile.TemporaryDirectory(prefix="mes-sante-fiche-") as folder:
        store = Store(prepare_run(scenario.name, Path(folder), clock=clock))
        try:
            [sheet] = persona_sheets(store, [scenario.persona])
        finally:
            store.close()
    return replace(sheet, scenario_title=scenario.title, goal=scenario.goal)


def _carries_code_for(message: OutboxMessage, person: Person) -> bool:
    """The information letter or e-mail (or a new code asked for) about `person`."""
    return (
        message.person_id == person.id and message.channel is not Channel.SMS
        and message.code is not None and len(message.code) == PROVISIONAL_CODE_LENGTH
    )


# --- the words of a sheet ------------------------------------------------------------------


def _contacts(sheet: Sheet) -> list[str]:
    person = sheet.person
    lines = []
    if person.email:
        lines.append(t("sheet.email", email=person.email))
    if person.mobile:
        lines.append(t("sheet.mobile", mobile=format_mobile(person.mobile)))
    if lines:
        return lines
    if sheet.card_holder is not None:  # a child: the messages go to the parent
        return [t("sheet.child_contact", parent=sheet.card_holder.full_name)]
    return [t("sheet.no_contact")]


def _identity(sheet: Sheet) -> list[str]:
    person = sheet.person
    lines = [
        t("sheet.nir", nir=format_nir(person.nir)),
        t("sheet.born", date=format_date(person.birth_date)),
    ]
    if sheet.card is not None:
        model = t(f"sheet.model.{sheet.card.model.value}")
        lines.append(t("sheet.card", model=model, serial=sheet.serial_words))
    elif sheet.card_holder is not None:
        lines.append(t("sheet.child_card", parent=sheet.card_holder.full_name))
    return lines


def _message_lines(message: OutboxMessage) -> list[str]:
    moment = f"{format_date(message.at.date())}"
    if message.channel is Channel.LETTER:
        head = t("sheet.letter", date=moment, to=message.address)
    else:
        head = t("sheet.email_message", date=moment, to=message.address)
    lines = [head]
    if message.sender:
        lines.append(t("sheet.sender", sender=message.sender))
    lines.append(t("sheet.subject", subject=message.subject))
    return lines


def sheet_text(sheet: Sheet) -> str:
    """One sheet as plain text, in the PDF's reading order."""
    person = sheet.person
    blocks = [
        [t("sheet.title", name=person.full_name), t("sheet.specimen")],
        *([[t("sheet.goal"), t("sheet.scenario", title=sheet.scenario_title), sheet.goal]]
          if sheet.goal else []),
        [t("sheet.identity"), *_identity(sheet)],
        [t("sheet.contacts"), *_contacts(sheet)],
    ]
    if sheet.message is not None:
        blocks.append(
            [t("sheet.message"), *_message_lines(sheet.message), "", sheet.message.body]
        )
        blocks.append([t("sheet.code", code=sheet.message.code)])
    else:
        blocks.append([t("sheet.message"), t("sheet.no_message")])
    blocks.append([t("sheet.purpose"), person.persona_note or t("sheet.no_purpose")])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def sheets_text(sheets: Sequence[Sheet]) -> str:
    return "\n\f\n".join(sheet_text(s) for s in sheets)


# --- the PDF -------------------------------------------------------------------------------


def sheets_pdf(sheets: Sequence[Sheet]) -> bytes:
    moments = [s.message.at for s in sheets if s.message is not None]
    latest = max(moments, default=_EPOCH)
    created = (latest if latest.tzinfo else latest.replace(tzinfo=datetime.UTC))
    pdf = new_pdf(
        title=t("sheet.pdf_title"), subject=t("sheet.pdf_subject"),
        created=created.replace(microsecond=0), footer=t("report.footer"),
        page_words=t("report.page", page="{page}", pages="{pages}"),
    )
    for sheet in sheets:
        _page(pdf, sheet)
    return to_bytes(pdf)


def _page(pdf: FPDF, sheet: Sheet) -> None:
    person = sheet.person
    pdf.add_page()
    paragraph(pdf, t("sheet.kicker"), 9, colour=GREY, gap=1)
    paragraph(pdf, t("sheet.title", name=person.full_name), 17, bold=True, colour=NAVY, gap=1)
    rule(pdf)
    pdf.ln(4)
    if sheet.goal:
        _goal(pdf, sheet)
    top = pdf.get_y()
    if sheet.card is not None:
        _card(pdf, sheet, MARGIN, top)
    else:
        _no_card(pdf, sheet, MARGIN, top)
    # Beside the card: who, and how to reach them.
    left = MARGIN + CARD_WIDTH + 8
    width = pdf.w - MARGIN - left
    pdf.set_xy(left, top)
    _side_block(pdf, left, width, t("sheet.identity"), _identity(sheet))
    pdf.ln(2)
    _side_block(pdf, left, width, t("sheet.contacts"), _contacts(sheet))
    pdf.set_xy(MARGIN, max(pdf.get_y(), top + CARD_HEIGHT + 6) + 2)
    paragraph(pdf, t("sheet.specimen"), 9, colour=(170, 30, 30), gap=4)
    paragraph(pdf, t("sheet.message"), 12, bold=True, colour=NAVY, gap=1.5)
    if sheet.message is not None:
        _message(pdf, sheet.message)
    else:
        paragraph(pdf, t("sheet.no_message"), 10.5, gap=3)
    paragraph(pdf, t("sheet.purpose"), 12, bold=True, colour=NAVY, gap=1.5)
    paragraph(pdf, person.persona_note or t("sheet.no_purpose"), 10.5)


def _goal(pdf: FPDF, sheet: Sheet) -> None:
    """The scenario's goal, framed, above the card: what the trainee is asked to do."""
    top = pdf.get_y()
    inner = pdf.epw - 8
    for text, size, bold, colour in (
        (t("sheet.goal"), 12.0, True, NAVY),
        (t("sheet.scenario", title=sheet.scenario_title), 10.0, True, INK),
        (sheet.goal or "", 10.5, False, INK),
    ):
        pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
        pdf.set_text_color(*colour)
        pdf.set_x(MARGIN + 4)
        pdf.multi_cell(inner, size * 0.3528 * 1.45, text, align="L", new_x="LEFT",
                       new_y="NEXT")
        pdf.ln(0.8)
    bottom = pdf.get_y() + 1
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(0.4)
    pdf.rect(MARGIN, top - 2, pdf.epw, bottom - top + 2)
    pdf.set_xy(MARGIN, bottom + 5)


def _side_block(pdf: FPDF, left: float, width: float, title: str, lines: list[str]) -> None:
    pdf.set_x(left)
    pdf.set_font(FONT_FAMILY, "B", 10.5)
    pdf.set_text_color(*NAVY)
    pdf.multi_cell(width, 5.2, title, new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT_FAMILY, "", 9.5)
    pdf.set_text_color(*INK)
    for line in lines:
        pdf.set_x(left)
        pdf.multi_cell(width, 4.8, line, align="L", new_x="LEFT", new_y="NEXT")


def _message(pdf: FPDF, message: OutboxMessage) -> None:
    """The message in a frame, as the outbox holds it, its code line in bold."""
    top = pdf.get_y()
    pdf.set_x(MARGIN + 4)
    inner = pdf.epw - 8
    pdf.set_font(FONT_FAMILY, "", 8.5)
    pdf.set_text_color(*GREY)
    for line in _message_lines(message):
        pdf.set_x(MARGIN + 4)
        pdf.multi_cell(inner, 4.2, line, new_x="LEFT", new_y="NEXT")
    pdf.ln(2)
    code = message.code or ""
    for line in message.body.split("\n"):
        bold = bool(code) and code in line
        pdf.set_font(FONT_FAMILY, "B" if bold else "", 10.5 if bold else 9.5)
        pdf.set_text_color(*(NAVY if bold else INK))
        pdf.set_x(MARGIN + 4)
        pdf.multi_cell(inner, 4.8, line or " ", align="L", new_x="LEFT", new_y="NEXT")
    bottom = pdf.get_y() + 2
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.3)
    pdf.rect(MARGIN, top - 2, pdf.epw, bottom - top + 2)
    pdf.set_xy(MARGIN, bottom + 5)


# Colours of the drawing: a pale green card with a darker band, as the real one reads.
_CARD_FILL = (222, 240, 222)
_CARD_BAND = (46, 125, 80)
_CHIP = (214, 180, 92)
_SPECIMEN = (200, 30, 30)
_SPECIMEN_LIGHT = (236, 150, 150)  # pale on the card, so that the numbers read over it


def _card(pdf: FPDF, sheet: Sheet, x: float, y: float) -> None:
    """The card: its shapes, then « SPÉCIMEN — données fictives » across it, then its words
    and numbers over that, so that they stay readable."""
    assert sheet.card is not None
    person = sheet.person
    photo = sheet.card.model is CardModel.WITH_PHOTO
    pdf.set_draw_color(*_CARD_BAND)
    pdf.set_line_width(0.4)
    pdf.set_fill_color(*_CARD_FILL)
    pdf.rect(x, y, CARD_WIDTH, CARD_HEIGHT, style="DF", round_corners=True,
             corner_radius=_CORNER)
    pdf.set_fill_color(*_CARD_BAND)
    pdf.rect(x, y + 11, CARD_WIDTH, 2.2, style="F")
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.2)
    if photo:
        pdf.set_fill_color(250, 250, 250)
        pdf.rect(x + 4, y + 17, 22, 28, style="DF")
        pdf.set_fill_color(*_CHIP)
        pdf.rect(x + 30, y + 17, 11, 8.5, style="F", round_corners=True, corner_radius=1.2)
    else:
        pdf.rect(x + 4, y + 37, CARD_WIDTH - 8, 11)
    with pdf.rotation(16, x + CARD_WIDTH / 2, y + CARD_HEIGHT / 2):
        _text(pdf, x + CARD_WIDTH / 2, y + CARD_HEIGHT / 2 - 3, t("sheet.specimen"), 13,
              bold=True, colour=_SPECIMEN_LIGHT, centre=True)
    name = f"{person.first_name} {person.last_name.upper()}"
    nir = format_nir(person.nir)
    if not photo:
        # The back: the serial top left, « carte Vitale » top right, then the NIR.
        _text(pdf, x + 4, y + 4, sheet.serial_words, 9, bold=True)
        _text(pdf, x + CARD_WIDTH - 4, y + 4, t("widget.card.brand"), 9, bold=True,
              colour=_CARD_BAND, right=True)
        _text(pdf, x + 4, y + 17, t("widget.card.nir_label"), 7.5)
        _text(pdf, x + 4, y + 21.5, nir, 12, bold=True)
        _text(pdf, x + 4, y + 30, name, 9)
        _text(pdf, x + 6, y + 38, t("widget.card.signature"), 6.5, colour=GREY)
        side = t("sheet.card_back")
    else:
        # The front: « carte Vitale » top left, the serial top right, the photo, the chip,
        # the name and the NIR beside the photo.
        _text(pdf, x + 4, y + 4, t("widget.card.brand"), 9, bold=True, colour=_CARD_BAND)
        _text(pdf, x + CARD_WIDTH - 4, y + 4, sheet.serial_words, 8, bold=True, right=True)
        _text(pdf, x + 15, y + 29, t("widget.card.photo"), 7, colour=GREY, centre=True)
        _text(pdf, x + 30, y + 30, name, 8.5, bold=True)
        _text(pdf, x + 30, y + 36, nir, 10.5, bold=True)
        side = t("sheet.card_front")
    _text(pdf, x + CARD_WIDTH / 2, y + CARD_HEIGHT - 5, side, 6.5, colour=GREY, centre=True)
    _text(pdf, x, y + CARD_HEIGHT + 1.5, t("sheet.to_scale"), 7, colour=GREY)


def _no_card(pdf: FPDF, sheet: Sheet, x: float, y: float) -> None:
    """A child: no card of their own; the parent's card reaches the profile."""
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.3)
    pdf.set_dash_pattern(dash=1.5, gap=1.2)
    pdf.rect(x, y, CARD_WIDTH, CARD_HEIGHT, round_corners=True, corner_radius=_CORNER)
    pdf.set_dash_pattern()
    parent = sheet.card_holder.full_name if sheet.card_holder is not None else ""
    pdf.set_xy(x + 5, y + 16)
    pdf.set_font(FONT_FAMILY, "", 9.5)
    pdf.set_text_color(*INK)
    pdf.multi_cell(CARD_WIDTH - 10, 5, t("sheet.no_card", parent=parent), align="C")


def _text(
    pdf: FPDF, x: float, y: float, text: str, size: float, *, bold: bool = False,
    colour: tuple[int, int, int] = INK, right: bool = False, centre: bool = False,
) -> None:
    """`text` with its top at (x, y); `right`: ending at x; `centre`: centred on x."""
    pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    width = pdf.get_string_width(text)
    left = x - width if right else x - width / 2 if centre else x
    pad = pdf.c_margin  # fpdf2's cell pads its text: the text itself starts at `left`
    pdf.set_xy(left - pad, y)
    pdf.cell(width + 2 * pad, size * 0.3528 * 1.2, text)
