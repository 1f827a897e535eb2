"""The trainer's read model of the journal: one session, one trainee, or a whole class.

It reads the journal rows as the store keeps them (schema 5: id, at, session_id, person_id,
step, accepted, reason, detail, duration_ms, trainee, scenario, fault) and builds small frozen
values that the PDF and CSV writers (`core/report_pdf.py`, `core/report_csv.py`) lay out. It
decides nothing and writes nothing.

The rows are read by core/journal.py (`JournalEntry`, with the time spent on each: since the
previous row of the same session) and its words are the journal's (`step_words`,
`reason_words`…): this module adds only the sessions, trainees, classes, goals and the slow or
refused steps. Rows without a session (none are written today) belong to no report.

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
from typing import Protocol

from mes_sante_tui.wording import t

from .classroom import trainee_stores
from .journal import JournalEntry, reason_words, session_entries
from .run_marks import TRAINEE_KEY
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


class _HasRows(Protocol):
    @property
    def scenario(self) -> str | None: ...

    @property
    def entries(self) -> tuple[JournalEntry, ...]: ...


class _Rows:
    """What a session and a trainee both say of their journal rows (a mixin over
    `_HasRows`: each has its entries and its scenario)."""

    @property
    def refusals(self: _HasRows) -> tuple[JournalEntry, ...]:
        return tuple(e for e in self.entries if not e.accepted)

    @property
    def faults(self: _HasRows) -> tuple[JournalEntry, ...]:
        return tuple(e for e in self.entries if e.fault)

    @property
    def goal(self: _HasRows) -> str | None:
        """The goal of the scenario (None without a scenario still shipped)."""
        found = shipped_scenario(self.scenario)
        return None if found is None else found.goal


@dataclass(frozen=True)
class SessionReport(_Rows):
    session_id: str
    trainee: str | None
    scenario: str | None
    entries: tuple[JournalEntry, ...]

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
    def steps(self) -> tuple[JournalEntry, ...]:
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
    def goal_reached(self) -> bool | None:
        """Whether a row of the session is the one its scenario expects; None when there is
        no scenario, or it says no expected row."""
        found = shipped_scenario(self.scenario)
        if found is None or found.expected is None:
            return None
        expected = found.expected
        return any(expected.reached_by(e.step, e.accepted, e.reason) for e in self.entries)


@dataclass(frozen=True)
class TraineeReport(_Rows):
    """Everything one trainee did: the sessions of one store."""

    name: str
    scenario: str | None
    sessions: tuple[SessionReport, ...]

    @property
    def entries(self) -> tuple[JournalEntry, ...]:
        return tuple(e for s in self.sessions for e in s.entries)

    @property
    def steps(self) -> tuple[JournalEntry, ...]:
        return tuple(e for s in self.sessions for e in s.steps)

    @property
    def outcome(self) -> str | None:
        reached = [s.outcome for s in self.sessions if s.outcome is not None]
        return reached[-1] if reached else None

    @property
    def duration(self) -> timedelta:
        return sum((s.duration for s in self.sessions), timedelta(0))

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
    entries = session_entries(session_id, rows)
    named = next((e.trainee for e in entries if e.trainee), trainee)
    scenario = next((e.scenario for e in entries if e.scenario), None)
    return SessionReport(
        session_id=session_id, trainee=named, scenario=scenario, entries=tuple(entries)
    )


def trainee_of(store: Store, path: Path | str | None = None) -> TraineeReport:
    """The trainee of one store: the name the journal gives, else the one the store was
    made for (a classroom's or a scenario's run, `TRAINEE_KEY`), else the file's name."""
    fallback = store.meta(TRAINEE_KEY) or (Path(path).stem if path is not None else None)
    sessions = sessions_of(store.journal_rows(), trainee=fallback)
    name = next((s.trainee for s in sessions if s.trainee), fallback) or t("report.no_trainee")
    scenario = next((s.scenario for s in sessions if s.scenario), None)
    return TraineeReport(name=name, scenario=scenario, sessions=tuple(sessions))


def session_report(store: Store, session_id: str) -> SessionReport | None:
    """One session of the store's journal, or None when there is no such session."""
    fallback = store.meta(TRAINEE_KEY)
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


# --- in words -------------------------------------------------------------------------


def goal_words(reached: bool | None) -> str:
    """« but atteint », « but non atteint », or empty without a scenario's goal."""
    if reached is None:
        return ""
    return t("report.goal.reached") if reached else t("report.goal.missed")


def outcome_words(outcome: str | None) -> str:
    return t("report.outcome.none") if outcome is None else reason_words(outcome)


def _sum_per_step(entries: Iterable[JournalEntry]) -> list[tuple[str, timedelta]]:
    totals: dict[str, timedelta] = {}
    for entry in entries:
        spent = entry.time_spent or timedelta(0)
        totals[entry.step] = totals.get(entry.step, timedelta(0)) + spent
    return list(totals.items())
