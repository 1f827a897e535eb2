"""The trainer's read model of the journal: one session, one trainee, or a whole class.

It reads the journal rows as the store keeps them (schema 5: id, at, session_id, person_id,
step, accepted, reason, detail, duration_ms, trainee, scenario, fault) and builds small frozen
values that the PDF and CSV writers (`core/report_pdf.py`, `core/report_csv.py`) lay out. It
decides nothing and writes nothing.

Time spent on a step is the time since the previous row of the same session: what the person
took to read, think and type before the engine answered. The first row of a session (its
opening) has none. The journal's own `duration_ms` is the engine's time and is not used here.
Rows without a session (none are written today) belong to no report.

A refusal caused by a fault the trainer injected is marked as such and never counted against
the trainee.

A session of a scenario carries the scenario's goal, and whether it was reached: the goal is
reached when a row of the session is the one the scenario expects (its `expected`, in
data/scenarios.json: an accepted activation, opposition, login…, or the refusal the scenario
is about). A trainee reached it when one of their sessions did.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from mes_sante_tui.wording import FR, t

from .classroom import TRAINEE_META, trainee_stores
from .scenarios import Scenario, load_scenarios
from .store import Store

# The reasons that close a journey: the session reached something.
_OUTCOMES = (
    "activated", "activated_with_existing_account", "opposed", "already_opposed",
    "password_changed", "logged_in",
)
# The steps that say nothing about the trainee's work: left out of the times per step.
_NOT_A_STEP = frozenset({"session"})
# A step is slow for a trainee beyond this multiple of the class median, and this long.
SLOW_FACTOR = 2.0
SLOW_AT_LEAST = timedelta(minutes=1)


@dataclass(frozen=True)
class Entry:
    """One journal row, with the time spent on it."""

    number: int  # its position in the session, from 1
    row_id: int
    at: datetime
    session_id: str
    step: str
    accepted: bool
    reason: str
    fault: str | None
    spent: timedelta | None  # since the previous row of the session; None for the first

    @property
    def step_words(self) -> str:
        return step_words(self.step)

    @property
    def reason_words(self) -> str:
        return reason_words(self.reason)

    @property
    def result_words(self) -> str:
        key = "report.result.accepted" if self.accepted else "report.result.refused"
        words = t(key, reason=self.reason_words)
        if self.fault:
            words += " — " + t("report.fault.injected", fault=fault_words(self.fault))
        return words

    @property
    def is_trainee_refusal(self) -> bool:
        """Refused, and not because of an injected fault."""
        return not self.accepted and not self.fault


@dataclass(frozen=True)
class SessionReport:
    session_id: str
    trainee: str | None
    scenario: str | None
    entries: tuple[Entry, ...]

    @property
    def started(self) -> datetime:
        return self.entries[0].at

    @property
    def ended(self) -> datetime:
        return self.entries[-1].at

    @property
    def duration(self) -> timedelta:
        return max(timedelta(0), self.ended - self.started)

    @property
    def refusals(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if not e.accepted)

    @property
    def faults(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.fault)

    @property
    def steps(self) -> tuple[Entry, ...]:
        """The rows that are steps of the journey (the session's opening is not)."""
        return tuple(e for e in self.entries if e.step not in _NOT_A_STEP)

    @property
    def outcome(self) -> str | None:
        """The last accepted reason that closes a journey (activated, opposed…), if any."""
        reached = [e.reason for e in self.entries if e.accepted and e.reason in _OUTCOMES]
        return reached[-1] if reached else None

    def time_per_step(self) -> list[tuple[str, timedelta]]:
        """Time spent on each step, summed over its rows, in the order first reached."""
        return _sum_per_step(self.steps)

    @property
    def goal(self) -> str | None:
        """The goal of the session's scenario (None without a scenario still shipped)."""
        found = shipped_scenario(self.scenario)
        return None if found is None else found.goal

    @property
    def goal_reached(self) -> bool | None:
        """Whether a row of the session is the one its scenario expects; None when there is
        no scenario, or it says no expected row."""
        found = shipped_scenario(self.scenario)
        if found is None or found.expected is None:
            return None
        expected = found.expected
        return any(expected.reached_by(e.step, e.accepted, e.reason) for e in self.entries)


@dataclass(frozen=True)
class TraineeReport:
    """Everything one trainee did: the sessions of one store."""

    name: str
    scenario: str | None
    sessions: tuple[SessionReport, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for s in self.sessions for e in s.entries)

    @property
    def steps(self) -> tuple[Entry, ...]:
        return tuple(e for s in self.sessions for e in s.steps)

    @property
    def refusals(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if not e.accepted)

    @property
    def faults(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.fault)

    @property
    def outcome(self) -> str | None:
        reached = [s.outcome for s in self.sessions if s.outcome is not None]
        return reached[-1] if reached else None

    @property
    def duration(self) -> timedelta:
        return sum((s.duration for s in self.sessions), timedelta(0))

    @property
    def goal(self) -> str | None:
        found = shipped_scenario(self.scenario)
        return None if found is None else found.goal

    @property
    def goal_reached(self) -> bool | None:
        """Reached in one of the sessions of the trainee's scenario; None as a session's."""
        reached = [s.goal_reached for s in self.sessions if s.scenario == self.scenario]
        known = [r for r in reached if r is not None]
        return any(known) if known else None

    def time_per_step(self) -> list[tuple[str, timedelta]]:
        return _sum_per_step(self.steps)


@dataclass(frozen=True)
class HardStep:
    """A step where the class got stuck: how many trainees were refused on it (not counting
    injected faults) or slow, out of those who reached it, and the mean time spent."""

    step: str
    reached_by: int
    refused_by: int
    slow_by: int
    mean: timedelta


@dataclass(frozen=True)
class ClassReport:
    folder: str
    trainees: tuple[TraineeReport, ...]

    @property
    def sessions(self) -> int:
        return sum(len(tr.sessions) for tr in self.trainees)

    def by_scenario(self) -> list[tuple[str | None, list[TraineeReport]]]:
        """Trainees grouped by scenario (without scenario last), each group by name."""
        groups: dict[str | None, list[TraineeReport]] = {}
        for trainee in self.trainees:
            groups.setdefault(trainee.scenario, []).append(trainee)
        order = sorted(groups, key=lambda s: (s is None, s or ""))
        return [(s, sorted(groups[s], key=lambda tr: tr.name)) for s in order]

    def step_times(self) -> list[tuple[str, timedelta]]:
        """Mean time spent per step over the trainees who reached it, in the class's order."""
        return [(hard.step, hard.mean) for hard in self._per_step()]

    def hard_steps(self) -> list[HardStep]:
        """The steps where trainees were refused or slow, most trainees first, then slowest."""
        stuck = [h for h in self._per_step() if h.refused_by or h.slow_by]
        return sorted(stuck, key=lambda h: (-(h.refused_by + h.slow_by), -h.mean, h.step))

    def _per_step(self) -> list[HardStep]:
        seconds: dict[str, list[float]] = {}
        refused: dict[str, int] = {}
        for trainee in self.trainees:
            for step, spent in trainee.time_per_step():
                seconds.setdefault(step, []).append(spent.total_seconds())
            for step in {e.step for e in trainee.steps if e.is_trainee_refusal}:
                refused[step] = refused.get(step, 0) + 1
        result = []
        for step, times in seconds.items():
            median = statistics.median(times)
            floor = SLOW_AT_LEAST.total_seconds()
            slow = sum(1 for s in times if s > SLOW_FACTOR * median and s >= floor)
            result.append(HardStep(
                step=step, reached_by=len(times), refused_by=refused.get(step, 0), slow_by=slow,
                mean=timedelta(seconds=sum(times) / len(times)),
            ))
        return result


# --- building ----------------------------------------------------------------------------


def sessions_of(
    rows: Iterable[sqlite3.Row], *, trainee: str | None = None
) -> list[SessionReport]:
    """The sessions of journal `rows` (in the store's order), in the order they started.
    `trainee` names the trainee when the rows do not (a store made for one trainee)."""
    grouped: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        if row["session_id"]:
            grouped.setdefault(str(row["session_id"]), []).append(row)
    return [_session(session_id, group, trainee) for session_id, group in grouped.items()]


def _session(session_id: str, rows: Sequence[sqlite3.Row], trainee: str | None) -> SessionReport:
    entries: list[Entry] = []
    previous: datetime | None = None
    for number, row in enumerate(rows, start=1):
        at = datetime.fromisoformat(str(row["at"]))
        spent = None if previous is None else max(timedelta(0), at - previous)
        previous = at
        entries.append(Entry(
            number=number, row_id=int(row["id"]), at=at, session_id=session_id,
            step=str(row["step"]), accepted=bool(row["accepted"]), reason=str(row["reason"]),
            fault=_column(row, "fault"), spent=spent,
        ))
    named = next((str(r["trainee"]) for r in rows if _column(r, "trainee")), trainee)
    scenario = next((str(r["scenario"]) for r in rows if _column(r, "scenario")), None)
    return SessionReport(
        session_id=session_id, trainee=named, scenario=scenario, entries=tuple(entries)
    )


def _column(row: sqlite3.Row, name: str) -> str | None:
    value = row[name]  # schema 5: every column is there (the store migrates on opening)
    return None if value in (None, "") else str(value)


def trainee_of(store: Store, path: Path | str | None = None) -> TraineeReport:
    """The trainee of one store: the name the journal gives, else the one the classroom
    wrote in the store, else the file's name."""
    fallback = store.meta(TRAINEE_META) or (Path(path).stem if path is not None else None)
    sessions = sessions_of(store.journal_rows(), trainee=fallback)
    name = next((s.trainee for s in sessions if s.trainee), fallback) or t("report.no_trainee")
    scenario = next((s.scenario for s in sessions if s.scenario), None)
    return TraineeReport(name=name, scenario=scenario, sessions=tuple(sessions))


def session_report(store: Store, session_id: str) -> SessionReport | None:
    """One session of the store's journal, or None when there is no such session."""
    fallback = store.meta(TRAINEE_META)
    found = sessions_of(store.journal_rows(session_id), trainee=fallback)
    return found[0] if found else None


def class_report(folder: Path) -> ClassReport:
    """Every trainee of a class folder (one store each) with at least one session."""
    trainees: list[TraineeReport] = []
    for path in trainee_stores(folder):
        store = Store(path)
        try:
            trainee = trainee_of(store, path)
        finally:
            store.close()
        if trainee.sessions:
            trainees.append(trainee)
    return ClassReport(folder=str(folder), trainees=tuple(trainees))


def shipped_scenario(name: str | None) -> Scenario | None:
    """The shipped scenario `name`, or None (no scenario, or one no longer shipped)."""
    return None if name is None else load_scenarios().get(name)


# --- the codes in words ------------------------------------------------------------------


def _known(key: str) -> bool:
    return key in FR


def step_words(step: str) -> str:
    key = f"report.step.{step}"
    return t(key) if _known(key) else t("report.unknown", code=step)


def fault_words(fault: str) -> str:
    key = f"report.fault.{fault}"
    return t(key) if _known(key) else t("report.unknown", code=fault)


def reason_words(reason: str) -> str:
    """A journal reason in words: "fields:nir,code" → « champs refusés : NIR, code
    provisoire »; "not_found:card_mismatch", "sent:email", "no_opposition:active"…"""
    head, _, tail = reason.partition(":")
    if head == "fields":
        names = [n for n in tail.split(",") if n]
        return t("report.reason.fields", fields=", ".join(_field_words(n) for n in names))
    if head == "not_found" and tail:
        why, _, count = tail.partition(":")
        key = f"report.reason.not_found.{why}"
        if _known(key):
            return t(key, n=count) if count else t(key)
    if head in ("sent", "otp_sent") and tail:
        channel = f"report.channel.{tail}"
        return t(f"report.reason.{head}", channel=t(channel) if _known(channel) else tail)
    if head == "no_opposition":
        return t("report.reason.no_opposition", status=tail)
    if head == "found":
        return t("report.reason.found")
    key = f"report.reason.{reason}"
    if _known(key):
        return t(key)
    key = f"report.reason.{head}"
    return t(key) if _known(key) and "{" not in FR[key] else t("report.unknown", code=reason)


def _field_words(name: str) -> str:
    key = f"report.field.{name}"
    return t(key) if _known(key) else name


def goal_words(reached: bool | None) -> str:
    """« but atteint », « but non atteint », or empty without a scenario's goal."""
    if reached is None:
        return ""
    return t("report.goal.reached") if reached else t("report.goal.missed")


def outcome_words(outcome: str | None) -> str:
    return t("report.outcome.none") if outcome is None else reason_words(outcome)


def duration_words(spent: timedelta | None) -> str:
    """« 42 s », « 3 min 05 s », « 1 h 02 min »; empty for no time."""
    if spent is None:
        return ""
    seconds = round(spent.total_seconds())
    if seconds < 60:
        return t("report.seconds", s=seconds)
    if seconds < 3600:
        return t("report.minutes", m=seconds // 60, s=seconds % 60)
    return t("report.hours", h=seconds // 3600, m=seconds % 3600 // 60)


def _sum_per_step(entries: Iterable[Entry]) -> list[tuple[str, timedelta]]:
    totals: dict[str, timedelta] = {}
    for entry in entries:
        totals[entry.step] = totals.get(entry.step, timedelta(0)) + (entry.spent or timedelta(0))
    return list(totals.items())
