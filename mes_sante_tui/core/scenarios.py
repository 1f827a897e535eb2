"""Training scenarios (`data/scenarios.json`), and preparing a fresh store for a run of one.

A scenario is data: the persona the trainee plays or helps, the journey variant, the rule
version, the simulated clock, the service's figures (core/settings.py), the faults in force at
the start (core/faults.py), its goal in one sentence, its traps and its level. Each is
checked when the file is read: an unknown persona, fault, variant or figure is said in French,
naming the scenario.

`prepare_run` makes a new store for one run, in a folder of its own, one file a run: the
population as seeded, then the scenario's clock, figures and faults. Two runs of a scenario
start from the same state: the seeded codes come from a generator seeded by the scenario's
name (the outbox and a persona sheet hold the same code on each run), and the clock starts at
the same simulated moment when the scenario gives a date. No other store is ever written.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from mes_sante_tui.wording import t

from .birthdate import format_date
from .clock import OFFSET_KEY, Clock, ManualClock, ShiftError, SystemClock, read_shift
from .codes import SeededCodeGenerator
from .faults import Fault, FaultPlan
from .journal import known_reason, known_step
from .lifecycle import catch_up
from .lockout import Scope
from .models import Person
from .nir import format_nir
from .outbox import Mailer
from .paths import data_dir
from .personas import load_personas, seed
from .results import DomainError, StoreError
from .run_marks import SCENARIO_KEY, TRAINEE_KEY
from .session import Sessions
from .settings import (
    Figure,
    FigureError,
    FigureValue,
    JourneyVariant,
    RuleVersion,
    Settings,
    figure_named,
    read_figure,
    save_figures,
    with_figures,
)
from .store import SIDE_FILES, Store, claim_new_file, make_private_folders

SCENARIOS_FILE = "scenarios.json"
# The store's meta keys saying which scenario a run store is for, and who the trainee is.
# Beside the default store (or the one `--db` names): one file a run, never reused.
RUNS_FOLDER = "formation"

_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TRAINEE_MAX = 60


class Level(StrEnum):
    BEGINNER = "débutant"
    CONFIRMED = "confirmé"


class ScenarioError(DomainError):
    """The scenarios file, or a scenario's name, refused: the French message says which
    scenario and what is wrong."""

    def __init__(self, message: str) -> None:
        super().__init__("scenario", message)


@dataclass(frozen=True)
class InjectedFault:
    fault: Fault
    once: bool


@dataclass(frozen=True)
class Expected:
    """The journal row that means a scenario's goal is reached: a row of `step` (any step when
    None), accepted or refused as `accepted`, whose reason is one of `reasons`. A reason
    matches the row's as it is, or as its head (`sent` matches `sent:courrier`); a refusal of
    fields (`fields:nir`) matches a row refusing those fields among others."""

    accepted: bool
    reasons: tuple[str, ...]
    step: str | None = None

    def reached_by(self, step: str, accepted: bool, reason: str) -> bool:
        if accepted != self.accepted or (self.step is not None and step != self.step):
            return False
        return any(_reason_matches(wanted, reason) for wanted in self.reasons)


def _reason_matches(wanted: str, reason: str) -> bool:
    if reason == wanted or reason.startswith(wanted + ":"):
        return True
    if wanted.startswith("fields:") and reason.startswith("fields:"):
        return set(wanted[7:].split(",")) <= set(reason[7:].split(","))
    return False


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    level: Level
    persona: str  # a persona's key in data/personas.json
    variant: JourneyVariant
    rules: RuleVersion
    goal: str
    traps: tuple[str, ...]
    # The simulated moment the run starts at (None: the moment it is prepared), and how much
    # time then passes before the trainee starts (automatic creation after six weeks...).
    start: datetime | None = None
    advance: timedelta = timedelta(0)
    figures: Mapping[Figure, FigureValue] = field(default_factory=dict)
    faults: tuple[InjectedFault, ...] = ()
    # The persona's messages are taken out of the outbox: the letter or e-mail was lost.
    lost_code: bool = False
    # Wrong provisional codes already entered for the persona's holder (a locked code).
    wrong_entries: int = 0
    # The journal row that means the goal is reached (the reports' « but atteint »).
    expected: Expected | None = None

    def settings(self, base: Settings | None = None) -> Settings:
        """The settings of a run: `base` (the defaults) with the scenario's variant, rule
        version and figures."""
        chosen = replace(base or Settings(), journey=self.variant, rule_version=self.rules)
        return with_figures(chosen, dict(self.figures))


# --- reading and checking -------------------------------------------------------------------


def persona_keys() -> dict[str, dict[str, Any]]:
    """Every persona of data/personas.json by its key, with its household's members."""
    found: dict[str, dict[str, Any]] = {}
    for household in load_personas()["households"]:
        for member in household["members"]:
            found[member["key"]] = member
    return found


@cache
def load_scenarios() -> dict[str, Scenario]:
    """The shipped scenarios, by name, in the file's order."""
    path = data_dir() / SCENARIOS_FILE
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return read_scenarios(data)


def read_scenarios(data: Any) -> dict[str, Scenario]:
    """Check the scenarios file's content; ScenarioError in French at the first problem."""
    if not isinstance(data, dict) or not isinstance(data.get("scenarios"), list):
        raise ScenarioError(t("scenario.error.file"))
    personas = persona_keys()
    scenarios: dict[str, Scenario] = {}
    for index, entry in enumerate(data["scenarios"], start=1):
        scenario = _read_one(entry, index, personas)
        if scenario.name in scenarios:
            raise ScenarioError(t("scenario.error.twice", name=scenario.name))
        scenarios[scenario.name] = scenario
    return scenarios


def _read_one(entry: Any, index: int, personas: Mapping[str, Any]) -> Scenario:
    if not isinstance(entry, dict):
        raise ScenarioError(t("scenario.error.entry", index=index))
    name = entry.get("name")
    if not isinstance(name, str) or _NAME.fullmatch(name) is None:
        raise ScenarioError(t("scenario.error.name", index=index))

    def refuse(key: str, **params: Any) -> ScenarioError:
        return ScenarioError(t("scenario.error", name=name, problem=t(key, **params)))

    def text(field: str) -> str:
        value = entry.get(field)
        if not isinstance(value, str) or not value.strip():
            raise refuse("scenario.error.missing", field=field)
        return value.strip()

    def choice(field: str, kind: type[StrEnum]) -> Any:
        value = text(field)
        try:
            return kind(value)
        except ValueError:
            raise refuse(
                "scenario.error.choice", field=field, value=value,
                choices=", ".join(v.value for v in kind),
            ) from None

    persona = text("persona")
    if persona not in personas:
        raise refuse("scenario.error.persona", value=persona, known=", ".join(personas))
    traps = entry.get("traps", [])
    if not isinstance(traps, list) or not all(isinstance(x, str) and x.strip() for x in traps):
        raise refuse("scenario.error.traps")
    start, advance = _read_clock(entry.get("clock", {}), refuse)
    wrong = entry.get("wrong_entries", 0)
    if not isinstance(wrong, int) or isinstance(wrong, bool) or not 0 <= wrong <= 20:
        raise refuse("scenario.error.wrong_entries")
    lost = entry.get("lost_code", False)
    if not isinstance(lost, bool):
        raise refuse("scenario.error.lost_code")
    scenario = Scenario(
        name=name,
        title=text("title"),
        level=choice("level", Level),
        persona=persona,
        variant=choice("variant", JourneyVariant),
        rules=choice("rules", RuleVersion),
        goal=text("goal"),
        traps=tuple(x.strip() for x in traps),
        start=start,
        advance=advance,
        figures=_read_figures(entry.get("settings", {}), refuse),
        faults=_read_faults(entry.get("faults", []), refuse),
        lost_code=lost,
        wrong_entries=wrong,
        expected=_read_expected(entry.get("expected"), refuse),
    )
    try:
        scenario.settings()
    except FigureError as exc:
        raise refuse("scenario.error.figure", message=exc.message) from None
    return scenario


def _read_expected(expected: Any, refuse: Any) -> Expected | None:
    """`{"step": STEP, "accepted": true|false, "reason": REASON or [REASON, ...]}`: a step
    and a reason the journal has words for (core/journal.py: `known_step`, `known_reason`)."""
    if expected is None:
        return None
    if not isinstance(expected, dict) or set(expected) - {"step", "accepted", "reason"}:
        raise refuse("scenario.error.expected")
    step = expected.get("step")
    accepted = expected.get("accepted")
    raw = expected.get("reason")
    reasons = [raw] if isinstance(raw, str) else raw
    if (
        not isinstance(accepted, bool)
        or (step is not None and not known_step(step))
        or not isinstance(reasons, list) or not reasons
        or not all(isinstance(r, str) and known_reason(r) for r in reasons)
    ):
        raise refuse("scenario.error.expected")
    return Expected(accepted=accepted, reasons=tuple(reasons), step=step)


def _read_clock(clock: Any, refuse: Any) -> tuple[datetime | None, timedelta]:
    if not isinstance(clock, dict) or set(clock) - {"date", "advance"}:
        raise refuse("scenario.error.clock")
    start = None
    if "date" in clock:
        try:
            start = datetime.fromisoformat(str(clock["date"])).replace(microsecond=0)
        except ValueError:
            raise refuse("scenario.error.date", value=clock["date"]) from None
        if start.tzinfo is not None:
            raise refuse("scenario.error.date", value=clock["date"])
    advance = timedelta(0)
    if "advance" in clock:
        try:
            advance = read_shift(str(clock["advance"]))
        except ShiftError:
            raise refuse("scenario.error.advance", value=clock["advance"]) from None
    return start, advance


def _read_figures(figures: Any, refuse: Any) -> dict[Figure, FigureValue]:
    if not isinstance(figures, dict):
        raise refuse("scenario.error.settings")
    read: dict[Figure, FigureValue] = {}
    for name, raw in figures.items():
        try:
            figure = figure_named(str(name))
            read[figure] = read_figure(figure, str(raw))
        except FigureError as exc:
            raise refuse("scenario.error.figure", message=exc.message) from None
    return read


def _read_faults(faults: Any, refuse: Any) -> tuple[InjectedFault, ...]:
    if not isinstance(faults, list):
        raise refuse("scenario.error.faults")
    read: list[InjectedFault] = []
    for item in faults:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise refuse("scenario.error.faults")
        try:
            fault = Fault(item["name"])
        except ValueError:
            raise refuse(
                "scenario.error.fault", value=item["name"],
                known=", ".join(f.value for f in Fault),
            ) from None
        once = item.get("once", False)
        if not isinstance(once, bool):
            raise refuse("scenario.error.faults")
        read.append(InjectedFault(fault, once))
    return tuple(read)


def scenario_named(name: str) -> Scenario:
    """The shipped scenario `name`; ScenarioError naming the known ones otherwise."""
    scenarios = load_scenarios()
    found = scenarios.get(name.strip().lower())
    if found is None:
        raise ScenarioError(
            t("scenario.unknown", name=name, names=", ".join(scenarios))
        )
    return found


# --- a run -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """What a run store says about itself: its scenario and its trainee."""

    scenario: Scenario
    trainee: str | None


def runs_folder(store_path: Path) -> Path:
    """Where the runs of scenarios started over `store_path` are kept: `formation/` beside
    it, or that folder itself when the store is a run already (a scenario started from a
    run's application)."""
    parent = store_path.expanduser().parent
    return parent if parent.name == RUNS_FOLDER else parent / RUNS_FOLDER


def clean_trainee(name: str | None) -> str | None:
    """A trainee's name as given (spaces tidied), or None when empty; ScenarioError when it
    is too long to be a name."""
    if name is None:
        return None
    tidy = " ".join(name.split())
    if len(tidy) > _TRAINEE_MAX:
        raise ScenarioError(t("scenario.trainee_too_long", most=_TRAINEE_MAX))
    return tidy or None


def _slug(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c if c.isascii() and c.isalnum() else "-" for c in plain if c.isascii())
    return "-".join(part for part in kept.split("-") if part)[:30]


def _reserve(folder: Path, stem: str) -> Path:
    """A new, empty file `stem.db` (or `stem-2.db`...) in `folder`, made 0600 by this call
    alone: two runs started in the same second never share a file."""
    make_private_folders(folder)
    number = 1
    while True:
        path = folder / (f"{stem}.db" if number == 1 else f"{stem}-{number}.db")
        try:
            claim_new_file(path)
        except FileExistsError:
            number += 1
            continue
        return path


def codes_for(scenario: Scenario) -> SeededCodeGenerator:
    """The codes of a run's seeding: the same on each run of the scenario."""
    return SeededCodeGenerator(zlib.crc32(scenario.name.encode("utf-8")))


def prepare_run(
    name: str,
    folder: Path,
    *,
    trainee: str | None = None,
    clock: Clock | None = None,
    claimed: Path | None = None,
) -> Path:
    """A new store in `folder` for a run of scenario `name`, ready for the trainee; returns
    its path (`NAME[-trainee]-YYYYmmdd-HHMMSS[-n].db`).

    `clock` is the real clock (the system's unless a test gives one): the file is named after
    it, and the simulated clock is set from it to the scenario's moment. StoreError when the
    folder cannot be written, ScenarioError for an unknown scenario or a bad trainee's name.

    `claimed` is an empty file of `folder` that the caller has already claimed as its own
    (the classroom's `stagiaire-NN.db`, core/classroom.py): the run is written into it
    instead of a file named here; it is removed if the run cannot be prepared.
    """
    scenario = scenario_named(name)
    trainee = clean_trainee(trainee)
    real = clock or SystemClock()
    at = real.now()
    stem = "-".join(
        part for part in (scenario.name, _slug(trainee or ""), at.strftime("%Y%m%d-%H%M%S"))
        if part
    )
    try:
        path = claimed if claimed is not None else _reserve(folder.expanduser(), stem)
    except OSError as exc:
        raise StoreError(t("store.unwritable", path=str(folder))) from exc
    store = Store(path)
    try:
        fill_run(store, scenario, at=at, trainee=trainee)
    except BaseException:
        store.close()
        for leftover in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
            leftover.unlink(missing_ok=True)  # nothing half-prepared is left behind
        raise
    store.close()
    return path


def fill_run(store: Store, scenario: Scenario, *, at: datetime, trainee: str | None) -> None:
    """Write a run's starting state into the new, empty `store`, in one transaction: the
    population seeded at the scenario's moment (`at`, the real now, when it gives none),
    the time that passes, the figures, the faults, and which scenario and trainee it is."""
    settings = scenario.settings()
    simulated = ManualClock(scenario.start or at)
    with store.transaction():
        seed(store, simulated, codes_for(scenario), settings)
        person = _persona(store, scenario.persona)
        if scenario.lost_code:
            store.forget_messages_of(person.id)
        if scenario.wrong_entries:
            # Counted on the card holder whose code the persona uses: the parent for a child.
            holder = person.parent_id or person.id
            store.set_lockout(Scope.PROVISIONAL_CODE, str(holder), scenario.wrong_entries, None)
        if scenario.advance:
            simulated.advance(scenario.advance)
            catch_up(store, Mailer(store), simulated.now())
        # The simulated clock runs from the real one, this far ahead (or behind, for a date
        # of the guides' years).
        offset = simulated.now() - at
        store.set_meta(OFFSET_KEY, str(int(offset.total_seconds())))
        save_figures(store, dict(scenario.figures))
        plan = FaultPlan(store)
        for injected in scenario.faults:
            plan.inject(injected.fault, once=injected.once, now=simulated.now())
        store.set_meta(SCENARIO_KEY, scenario.name)
        if trainee:
            store.set_meta(TRAINEE_KEY, trainee)


def _persona(store: Store, key: str) -> Person:
    person = store.personas([key]).get(key)
    if person is None:
        raise ScenarioError(t("scenario.error", name=key, problem=t("scenario.error.seeded")))
    return person


def run_of(store: Store) -> Run | None:
    """The run a store was prepared for, or None for an ordinary store (or a scenario no
    longer shipped)."""
    name = store.meta(SCENARIO_KEY)
    if name is None:
        return None
    scenario = load_scenarios().get(name)
    if scenario is None:
        return None
    return Run(scenario=scenario, trainee=store.meta(TRAINEE_KEY))


class _Engine(Protocol):
    """What `enter_run` needs of the engine (core/engine.py, not imported: a facade)."""

    store: Store
    sessions: Sessions
    settings: Settings


def enter_run(engine: _Engine, *, trainee: str | None = None) -> Run | None:
    """Open a session of training on the engine's store: when it is a run store, the
    scenario's variant and rule version, and the scenario written on every journal row;
    the trainee (`trainee`, else the run's) too. None for an ordinary store."""
    run = run_of(engine.store)
    engine.sessions.trainee = trainee or (run.trainee if run is not None else None)
    engine.sessions.scenario = None if run is None else run.scenario.name
    if run is None:
        return None
    engine.settings = replace(
        engine.settings, journey=run.scenario.variant, rule_version=run.scenario.rules
    )
    return Run(scenario=run.scenario, trainee=engine.sessions.trainee)



def persona_facts(store: Store, scenario: Scenario) -> str:
    """What the trainee needs to play the scenario's persona, in one sentence: the name, the
    date of birth, and the NIR and card of the card holder (the parent, for a child)."""
    person = _persona(store, scenario.persona)
    holder = store.person(person.parent_id) if person.parent_id else person
    card = store.card_of(holder.id)
    card_words = "" if card is None else t(f"cli.card.{card.model.value}", serial=card.serial)
    key = "training.persona.child" if holder.id != person.id else "training.persona"
    return t(
        key, name=person.full_name, birth=format_date(person.birth_date),
        holder=holder.full_name, nir=format_nir(holder.nir), card=card_words,
    )
