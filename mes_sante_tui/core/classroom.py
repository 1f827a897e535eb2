"""A class folder: one store per trainee, made from the class's initial data.

The folder holds `modele.db`, the class's initial data (seeded once, when the class is
opened), and one `stagiaire-NN.db` per browser connection, each a copy of the model made by
SQLite's backup; or, in a class on a scenario (`classe --scenario NAME`), one run of that
scenario per connection, `stagiaire-NN.db` too (core/scenarios.py `prepare_run`). Every
trainee therefore has the same people and the same provisional codes (the sheets printed
from the model, `fiches --db DOSSIER/modele.db`, or of the scenario, `fiches --scenario
NAME`, match every trainee's outbox) and nothing one trainee does reaches another's store.
Nothing is shared to lock: a larger room is more processes over more files.

`new_trainee_store` is the one place where a trainee's store is made.
"""

from __future__ import annotations

import re
from itertools import count
from pathlib import Path

from mes_sante_tui.wording import t

from .run_marks import TRAINEE_KEY
from .scenarios import prepare_run, scenario_named
from .services import open_services
from .settings import Settings
from .store import Store, claim_new_file, make_private_folders

MODEL_NAME = "modele.db"
_TRAINEE_FILE = re.compile(r"stagiaire-(\d+)\.db")


def model_path(folder: Path) -> Path:
    return folder / MODEL_NAME


def prepare_class(folder: Path, settings: Settings | None = None) -> Path:
    """Create the class folder (0700) and its model store with the initial data, unless they
    exist; the model's path. An existing model is kept: a class reopened the next morning
    finds the same codes that were printed."""
    make_private_folders(folder)
    model = model_path(folder)
    services = open_services(model, settings=settings, seed_if_empty=True)
    services.close()
    return model


def new_trainee_store(folder: Path, scenario: str | None = None) -> Path:
    """A new store for the trainee of a new connection: `stagiaire-NN.db`, the first number
    free, claimed atomically (created by this call alone) so that two connections at once
    never get the same file.

    Without `scenario`, a copy of the class's initial data (`modele.db`). With one, a run of
    that scenario prepared in the claimed file by `prepare_run`: every trainee of the class
    starts from the scenario's state, with its codes (the same on each run,
    core/scenarios.py).

    Either way the store names its trainee, « Stagiaire NN », once, under `TRAINEE_KEY`
    (core/run_marks.py): the run as it is prepared, the copy once made. The application
    writes that name on every journal row; the reports read it for the rows that lack it."""
    if scenario is not None:
        return _new_run(folder, scenario)
    model = Store(model_path(folder))
    try:
        for number in count(1):
            target = folder / f"stagiaire-{number:02d}.db"
            if target.exists():
                continue
            try:
                model.copy_into(target)
            except FileExistsError:  # claimed meanwhile by another connection
                continue
            break
    finally:
        model.close()
    copy = Store(target)
    try:
        copy.set_meta(TRAINEE_KEY, t("classroom.trainee", n=number))
    finally:
        copy.close()
    return target


def _new_run(folder: Path, scenario: str) -> Path:
    scenario_named(scenario)  # an unknown name is said before any file is claimed
    for number in count(1):
        target = folder / f"stagiaire-{number:02d}.db"
        if target.exists():
            continue
        try:
            claim_new_file(target)
        except FileExistsError:  # claimed meanwhile by another connection
            continue
        break
    prepare_run(scenario, folder, trainee=t("classroom.trainee", n=number), claimed=target)
    return target


def trainee_stores(folder: Path) -> list[Path]:
    """The trainees' stores of a class folder, by number, then any other store by name (a
    store copied in by hand); never the model, nor the WAL and SHM files."""
    numbered: list[tuple[int, Path]] = []
    others: list[Path] = []
    for path in folder.glob("*.db"):
        if path.name == MODEL_NAME or not path.is_file():
            continue
        match = _TRAINEE_FILE.fullmatch(path.name)
        if match is not None:
            numbered.append((int(match[1]), path))
        else:
            others.append(path)
    return [p for _, p in sorted(numbered)] + sorted(others)
