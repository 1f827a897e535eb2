"""The journal read back: a session's steps, in words, with the time the person spent on each.

Each row of the `journal` table is one engine call (core/desk.py): the step, accepted or
refused, its reasons (codes chosen by the code, never what was typed), the time the call took
(`duration_ms`), and, in a training session, the trainee, the scenario and the fault a trainer
injected. Read back here for people (`mes-sante-tui journal`, the app's timeline) and for
scripts (`--json`).

The time spent on a step is the person's time, not the engine's: from the previous row of the
same session to this one, computed at read time from the rows' clock times. That is the time
between the answer to one step and the call of the next, i.e. what the person spent reading
and typing on the screen the call came from. The first row of a session (its start) has none.
It follows the simulated clock: a `clock +…` moved meanwhile is counted in.

This is the one read model of a journal row (`JournalEntry`) and the one vocabulary of the
journal's codes in words (`step_words`, `reason_words`, `fault_words`, `duration_words`): the
trainer's reports (core/report.py) are built on the same rows, and a scenario's `expected` row
is checked against the same words (`known_step`, `known_reason`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from mes_sante_tui.wording import FR, t

from .store import Store


@dataclass(frozen=True)
class JournalEntry:
    number: int  # its position in the session, from 1
    row_id: int
    at: datetime
    session_id: str
    trainee: str | None
    scenario: str | None
    step: str
    accepted: bool
    reason: str
    fault: str | None  # the fault a trainer injected on this call, when one fired
    duration_ms: float | None  # the engine call
    time_spent: timedelta | None  # the person, on the step (see the module's doc)

    @property
    def step_words(self) -> str:
        return step_words(self.step)

    @property
    def reason_words(self) -> str:
        return reason_words(self.reason)

    @property
    def result_words(self) -> str:
        """« Accepté », or « Refusé : why », in words (never colour alone)."""
        if self.accepted:
            return t("journal.accepted")
        return t("journal.refused_because", reason=self.reason_words)

    @property
    def account_words(self) -> str:
        """« Accepté : why » or « Refusé : why », and the fault a trainer injected, if any:
        the whole row in one cell (the reports)."""
        key = "journal.accepted_because" if self.accepted else "journal.refused_because"
        words = t(key, reason=self.reason_words)
        if self.fault:
            words = t(
                "journal.with_fault", result=words, injected=t("fault.injected"),
                fault=fault_words(self.fault),
            )
        return words

    @property
    def is_trainee_refusal(self) -> bool:
        """Refused, and not because of an injected fault."""
        return not self.accepted and not self.fault

    def record(self) -> dict[str, Any]:
        """As `--json` gives it: the codes, and their words."""
        return {
            "at": self.at.isoformat(),
            "session": self.session_id,
            "trainee": self.trainee,
            "scenario": self.scenario,
            "step": self.step,
            "step_words": self.step_words,
            "accepted": self.accepted,
            "reason": self.reason,
            "reason_words": self.reason_words,
            "fault": self.fault,
            "fault_words": None if self.fault is None else fault_words(self.fault),
            "fault_injected": self.fault is not None,
            "duration_ms": self.duration_ms,
            "time_spent_seconds": (
                None if self.time_spent is None else self.time_spent.total_seconds()
            ),
        }


def latest_session(store: Store) -> str | None:
    """The session of the newest journal row."""
    row = store.query_one(
        "SELECT session_id FROM journal WHERE session_id IS NOT NULL ORDER BY id DESC LIMIT 1"
    )
    return None if row is None else str(row["session_id"])


def session_journal(store: Store, session_id: str) -> list[JournalEntry]:
    """Every step of a session, oldest first, with the time spent on each."""
    return session_entries(session_id, store.journal_rows(session_id))


def session_entries(session_id: str, rows: Iterable[sqlite3.Row]) -> list[JournalEntry]:
    """The rows of one session (in the store's order) read back, with the time spent on each:
    since the previous row of the session; none for the first."""
    entries: list[JournalEntry] = []
    previous: datetime | None = None
    for number, row in enumerate(rows, start=1):
        at = datetime.fromisoformat(str(row["at"]))
        entries.append(
            JournalEntry(
                number=number,
                row_id=int(row["id"]),
                at=at,
                session_id=session_id,
                trainee=_text(row["trainee"]),
                scenario=_text(row["scenario"]),
                step=str(row["step"]),
                accepted=bool(row["accepted"]),
                reason=str(row["reason"] or ""),
                fault=_text(row["fault"]),
                duration_ms=row["duration_ms"],
                time_spent=None if previous is None else max(timedelta(0), at - previous),
            )
        )
        previous = at
    return entries


def _text(value: object) -> str | None:
    """A column that may be empty (schema 5: every column is there, the store migrates)."""
    return None if value in (None, "") else str(value)


# --- the codes in words ------------------------------------------------------------------


def _unknown(code: str) -> str:
    return t("journal.unknown", code=code)


def _words(prefix: str, value: str) -> str:
    key = f"journal.{prefix}.{value}"
    return t(key) if key in FR else value


def known_step(step: str) -> bool:
    """Whether the catalogue has words for a step (a scenario's `expected` must name one)."""
    return f"journal.step.{step}" in FR


def known_reason(reason: str) -> bool:
    """Whether the catalogue has words for a reason, by its head (`fields:nir` → `fields`)."""
    return f"journal.reason.{reason.partition(':')[0]}" in FR


def step_words(step: str) -> str:
    """A journal step in words; a sub-step without words of its own (`x:y`) is given as its
    step's; an unknown step as it is, between « »."""
    if known_step(step):
        return t(f"journal.step.{step}")
    head = step.partition(":")[0]
    return t(f"journal.step.{head}") if known_step(head) else _unknown(step)


def fault_words(fault: str) -> str:
    """The faults that fired on one call in words; several are journaled comma-separated
    (« code non reçu » and « contacts introuvables » on one sending)."""
    return ", ".join(_one_fault_words(name) for name in fault.split(","))


def _one_fault_words(fault: str) -> str:
    key = f"journal.fault.{fault}"
    return t(key) if key in FR else _unknown(fault)


def reason_words(reason: str) -> str:
    """A journal reason in words: `fields:code,nir` → « champs à corriger : code provisoire,
    numéro de sécurité sociale »; an unknown reason is given as it is, between « » (it is
    never a secret)."""
    if not reason:
        return ""
    if f"journal.reason.{reason}" in FR:
        return t(f"journal.reason.{reason}")
    head, _, rest = reason.partition(":")
    if head == "fields":
        detail = ", ".join(_words("field", name) for name in rest.split(",") if name)
        return t("journal.reason.fields", detail=detail)
    if head == "sent":
        return t("journal.reason.sent", detail=_words("channel", rest))
    if head == "otp_sent":
        return t("journal.reason.otp_sent_by", detail=_words("channel", rest))
    if head == "found":
        return t("journal.reason.found_n", detail=rest)
    if head in ("status", "no_opposition"):
        return t(f"journal.reason.{head}", detail=rest)
    if head == "not_found":
        why, _, count = rest.partition(":")
        detail = (
            t("journal.reason.wrong_code", detail=count) if why == "wrong_code"
            else _words("reason", why)
        )
        return f"{t('journal.reason.not_found')} : {detail}"
    return _unknown(reason)


def duration_words(spent: timedelta | None) -> str:
    """« 42 s », « 3 min 05 s », « 1 h 02 min »; empty for no time."""
    if spent is None:
        return ""
    seconds = round(spent.total_seconds())
    if seconds < 60:
        return t("journal.seconds", n=seconds)
    if seconds < 3600:
        return t("journal.minutes", m=seconds // 60, s=seconds % 60)
    return t("journal.hours", h=seconds // 3600, m=seconds % 3600 // 60)


def time_words(spent: timedelta | None) -> str:
    """The time spent on a row in words; « — » for the start of a session."""
    return t("journal.first") if spent is None else duration_words(spent)
