"""The trainer's reports as PDF (fpdf2), in the certificate's style: a session, a trainee, or
a class with its trainees after it.

Each holds a bar chart of the time spent per step (drawn with fpdf2's rectangles: one bar a
step, its length the time, the time written after it) and the journal's rows in a table, in
words. The bytes depend only on the journal: the creation date is the last row's time.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mes_sante_tui.wording import count, t

from .birthdate import format_moment
from .certificate import FONT_FAMILY
from .journal import JournalEntry, duration_words, step_words, time_words
from .printing import GREY, INK, LIGHT, MARGIN, NAVY, new_pdf, paragraph, rule, to_bytes
from .report import ClassReport, SessionReport, TraineeReport, goal_words, outcome_words

if TYPE_CHECKING:
    from fpdf import FPDF

_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
_MISSED = (160, 40, 30)  # « but non atteint »: in words, and in a warm colour


def session_pdf(session: SessionReport) -> bytes:
    pdf = _document(t("report.title.session"), [session.ended])
    _session_page(pdf, session, t("report.title.session"))
    return to_bytes(pdf)


def trainee_pdf(trainee: TraineeReport) -> bytes:
    pdf = _document(t("report.title.trainee"), [s.ended for s in trainee.sessions])
    _trainee_pages(pdf, trainee)
    return to_bytes(pdf)


def class_pdf(report: ClassReport) -> bytes:
    pdf = _document(
        t("report.title.class"), [s.ended for tr in report.trainees for s in tr.sessions]
    )
    pdf.add_page()
    _title(pdf, t("report.title.class"))
    paragraph(pdf, report.folder, 9, colour=GREY)
    paragraph(
        pdf, t(
            "report.class.counts",
            trainees=count("report.count.trainees", len(report.trainees)),
            sessions=count("report.count.sessions", report.sessions),
        ),
        10.5, gap=4,
    )
    if not report.trainees:
        paragraph(pdf, t("report.class.empty"), 11)
        return to_bytes(pdf)
    _heading(pdf, t("report.class.table"))
    _trainee_table(pdf, report)
    pdf.ln(5)
    _heading(pdf, t("report.class.hard"))
    hard = report.hard_steps()
    if hard:
        _table(
            pdf,
            [t("report.col.step"), t("report.col.refused_by"), t("report.col.slow_by"),
             t("report.col.mean")],
            [
                [step_words(h.step),
                 t("report.class.of", n=h.refused_by, total=h.reached_by),
                 t("report.class.of", n=h.slow_by, total=h.reached_by),
                 duration_words(h.mean)]
                for h in hard
            ],
            (70, 38, 38, 28),
        )
    else:
        paragraph(pdf, t("report.class.hard_none"), 10.5)
    paragraph(pdf, t("report.class.hard_note"), 8.5, colour=GREY, gap=4)
    _heading(pdf, t("report.chart.class"))
    _bar_chart(pdf, report.step_times())
    paragraph(pdf, t("report.time_note"), 8.5, colour=GREY)
    for trainee in report.trainees:
        _trainee_pages(pdf, trainee)
    return to_bytes(pdf)


# --- the pages ----------------------------------------------------------------------------


def _document(title: str, moments: Sequence[datetime.datetime]) -> FPDF:
    latest = max(moments, default=_EPOCH)
    created = latest if latest.tzinfo else latest.replace(tzinfo=datetime.UTC)
    return new_pdf(
        title=title, subject=t("report.subtitle"), created=created.replace(microsecond=0),
        footer=t("report.footer"), page_words=t("report.page", page="{page}", pages="{pages}"),
    )


def _trainee_pages(pdf: FPDF, trainee: TraineeReport) -> None:
    pdf.add_page()
    _title(pdf, t("report.title.trainee"))
    _identity(pdf, trainee.name, trainee.scenario, trainee.goal, trainee.goal_reached)
    paragraph(pdf, t("report.outcome", outcome=outcome_words(trainee.outcome)), 10.5)
    paragraph(pdf, _counts(trainee.steps, trainee.refusals, trainee.faults), 10.5, gap=4)
    for session in trainee.sessions:
        _session_body(pdf, session)


def _session_page(pdf: FPDF, session: SessionReport, title: str) -> None:
    pdf.add_page()
    _title(pdf, title)
    _identity(pdf, session.trainee or t("report.no_trainee"), session.scenario, session.goal,
              session.goal_reached)
    paragraph(pdf, t("report.outcome", outcome=outcome_words(session.outcome)), 10.5, gap=4)
    _session_body(pdf, session)


def _session_body(pdf: FPDF, session: SessionReport) -> None:
    _heading(pdf, t("report.session", id=session.session_id))
    paragraph(pdf, t(
        "report.session.when",
        start=format_moment(session.started),
        end=format_moment(session.ended),
        duration=duration_words(session.duration) or "0 s",
    ), 9.5)
    paragraph(pdf, _counts(session.steps, session.refusals, session.faults), 9.5, gap=2)
    _bar_chart(pdf, session.time_per_step())
    _table(
        pdf,
        [t("report.col.number"), t("report.col.time"), t("report.col.step"),
         t("report.col.result"), t("report.col.spent")],
        [_entry_row(e) for e in session.entries],
        (10, 16, 50, 74, 24),
        emphasis=[e.is_trainee_refusal for e in session.entries],
    )
    paragraph(pdf, t("report.time_note"), 8.5, colour=GREY)
    if session.faults:
        paragraph(pdf, t("report.fault_note"), 8.5, colour=GREY)
    pdf.ln(5)


def _entry_row(entry: JournalEntry) -> list[str]:
    return [
        str(entry.number), f"{entry.at:%H:%M:%S}", entry.step_words, entry.account_words,
        time_words(entry.time_spent),
    ]


def _counts(
    steps: Sequence[JournalEntry], refusals: Sequence[JournalEntry],
    faults: Sequence[JournalEntry],
) -> str:
    return t(
        "report.counts", steps=count("report.count.steps", len(steps)),
        refusals=count("report.count.refusals", len(refusals)),
        faults=count("report.count.faults", len(faults)),
    )


def _trainee_table(pdf: FPDF, report: ClassReport) -> None:
    rows = []
    for scenario, trainees in report.by_scenario():
        for trainee in trainees:
            rows.append([
                scenario or t("report.no_scenario"), trainee.name, str(len(trainee.sessions)),
                str(len(trainee.steps)), str(len(trainee.refusals)), str(len(trainee.faults)),
                outcome_words(trainee.outcome), _goal_cell(trainee.goal_reached),
                duration_words(trainee.duration) or "0 s",
            ])
    _table(
        pdf,
        [t("report.col.scenario"), t("report.col.trainee"), t("report.col.sessions"),
         t("report.col.steps"), t("report.col.refusals"), t("report.col.faults"),
         t("report.col.outcome"), t("report.col.goal"), t("report.col.duration")],
        rows,
        (36, 20, 16, 15, 12, 14, 25, 18, 18),
        size=8,
    )


def _goal_cell(reached: bool | None) -> str:
    if reached is None:
        return "—"
    return t("report.col.goal.reached") if reached else t("report.col.goal.missed")


def _title(pdf: FPDF, title: str) -> None:
    paragraph(pdf, t("report.subtitle"), 9, colour=GREY, gap=2)
    paragraph(pdf, title, 18, bold=True, colour=NAVY, gap=1)
    rule(pdf)
    pdf.ln(5)


def _identity(
    pdf: FPDF, name: str, scenario: str | None, goal: str | None, reached: bool | None
) -> None:
    paragraph(pdf, t("report.trainee", name=name), 11, bold=True)
    paragraph(pdf, t("report.scenario", name=scenario or t("report.no_scenario")), 10.5)
    if goal:
        paragraph(pdf, t("report.goal", goal=goal), 10.5)
    if reached is not None:
        paragraph(pdf, t("report.goal.result", result=goal_words(reached)), 10.5, bold=True,
                  colour=NAVY if reached else _MISSED)


def _heading(pdf: FPDF, text: str) -> None:
    if pdf.get_y() > pdf.h - 60:  # a heading never ends a page on its own
        pdf.add_page()
    paragraph(pdf, text, 12, bold=True, colour=NAVY, gap=2)


# --- the drawings ---------------------------------------------------------------------------

_LABEL_WIDTH = 62.0
_VALUE_WIDTH = 24.0
_BAR_HEIGHT = 4.2
_BAR_PITCH = 6.4


def _bar_chart(pdf: FPDF, times: Sequence[tuple[str, datetime.timedelta]]) -> None:
    """One horizontal bar a step: the step's name on the left, the bar, the time after it."""
    from fpdf.enums import Align

    if not times:
        paragraph(pdf, t("report.chart.empty"), 9.5, colour=GREY, gap=2)
        return
    longest = max(s.total_seconds() for _, s in times) or 1.0
    area = pdf.epw - _LABEL_WIDTH - _VALUE_WIDTH
    height = len(times) * _BAR_PITCH + 4
    if pdf.get_y() + height > pdf.h - 22:
        pdf.add_page()
    top = pdf.get_y() + 1
    left = MARGIN + _LABEL_WIDTH
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.2)
    pdf.line(left, top - 1, left, top + len(times) * _BAR_PITCH)
    pdf.set_font(FONT_FAMILY, "", 8.5)
    for index, (step, spent) in enumerate(times):
        y = top + index * _BAR_PITCH
        pdf.set_text_color(*INK)
        pdf.set_xy(MARGIN, y)
        pdf.cell(_LABEL_WIDTH - 2, _BAR_HEIGHT, _fit(pdf, step_words(step), _LABEL_WIDTH - 3),
                 align=Align.R)
        width = area * spent.total_seconds() / longest
        pdf.set_fill_color(*LIGHT)
        pdf.rect(left, y, area, _BAR_HEIGHT, style="F")
        if width > 0:
            pdf.set_fill_color(*NAVY)
            pdf.rect(left, y, max(width, 0.6), _BAR_HEIGHT, style="F")
        pdf.set_xy(left + area + 2, y)
        pdf.cell(_VALUE_WIDTH - 2, _BAR_HEIGHT, duration_words(spent) or "0 s")
    pdf.set_xy(MARGIN, top + len(times) * _BAR_PITCH + 3)


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """`text`, shortened with « … » to fit `width` millimetres at the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _table(
    pdf: FPDF, headings: Sequence[str], rows: Sequence[Sequence[str]],
    widths: Sequence[float], *, size: float = 8.5, emphasis: Sequence[bool] = (),
) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font(FONT_FAMILY, "", size)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.15)
    heading_style = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=NAVY)
    # Every row says its fill: a row without one would take the colour last used (a bar's).
    plain_style = FontFace(fill_color=(255, 255, 255))
    refused_style = FontFace(fill_color=(250, 236, 232))
    with pdf.table(
        col_widths=tuple(widths), width=sum(widths), align="LEFT", text_align="LEFT",
        headings_style=heading_style, line_height=size * 0.5, padding=(0.8, 1.2),
    ) as table:
        heading = table.row()
        for text in headings:
            heading.cell(text)
        for index, values in enumerate(rows):
            refused = index < len(emphasis) and emphasis[index]
            style = refused_style if refused else plain_style
            row = table.row(style=style)
            for value in values:
                row.cell(value)
    pdf.ln(2)
