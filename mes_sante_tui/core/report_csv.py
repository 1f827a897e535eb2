"""The trainer's reports as CSV: one row per journal entry, for a spreadsheet.

UTF-8 with a byte-order mark, `;` between fields and CRLF line ends: the French spreadsheet
convention (a French spreadsheet reads the comma as the decimal separator; the BOM tells it
the file is UTF-8, so that accents read right). Each row has the codes as the journal keeps
them and the same in words, and, in a scenario's session, its goal and whether the session
reached it (the same on each row of the session).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from mes_sante_tui.wording import t

from .journal import fault_words
from .report import SessionReport, TraineeReport

BOM = "\ufeff"
DELIMITER = ";"

_COLUMNS = (
    "trainee", "scenario", "session", "number", "at", "step_code", "step", "accepted",
    "reason_code", "reason", "spent", "fault", "goal", "goal_reached",
)


def header() -> list[str]:
    return [t(f"report.csv.{column}") for column in _COLUMNS]


def sessions_csv(sessions: Iterable[tuple[str, SessionReport]]) -> str:
    """`sessions` with the trainee each belongs to, as the text of the CSV file."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(header())
    for trainee, session in sessions:
        reached = session.goal_reached
        goal = [session.goal or "", "" if reached is None
                else t("report.csv.yes") if reached else t("report.csv.no")]
        for entry in session.entries:
            spent = entry.time_spent
            seconds = "" if spent is None else f"{spent.total_seconds():.0f}"
            writer.writerow([
                trainee, session.scenario or "", session.session_id, entry.number,
                entry.at.isoformat(timespec="seconds"), entry.step, entry.step_words,
                t("report.csv.yes") if entry.accepted else t("report.csv.no"),
                entry.reason, entry.reason_words, seconds,
                fault_words(entry.fault) if entry.fault else "", *goal,
            ])
    return BOM + out.getvalue()


def trainees_csv(trainees: Iterable[TraineeReport]) -> str:
    return sessions_csv((tr.name, s) for tr in trainees for s in tr.sessions)
