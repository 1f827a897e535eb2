"""A class folder: one store per trainee, made from the class's initial data.

The folder holds `modele.db`, the class's initial data (seeded once, when the class is
opened), and one `stagiaire-NN.db` per browser connection, each a copy of the model made by
SQLite's backup. Every trainee therefore has the same people and the same provisional codes
(the sheets printed from the model, `fiches --db DOSSIER/modele.db`, match every trainee's
outbox) and nothing one trainee does reaches another's store. Nothing is shared to lock: a
larger room is more processes over more files.

`new_trainee_store` is the one place where a trainee's store is made.
"""

from __future__ import annotations

import re
from itertools import count
from pathlib import Path

from mes_sante_tui.wording import t

from .services import open_services
from .settings import Settings
from .store import FOLDER_MODE, Store

MODEL_NAME = "modele.db"
# The store's meta key naming its trainee, for the reports (the journal's own `trainee`
# column wins when a session was given a name).
TRAINEE_META = "classe.stagiaire"
_TRAINEE_FILE = re.compile(r"stagiaire-(\d+)\.db")


def model_path(folder: Path) -> Path:
    return folder / MODEL_NAME


def prepare_class(folder: Path, settings: Settings | None = None) -> Path:
    """Create the class folder (0700) and its model store with the initial data, unless they
    exist; the model's path. An existing model is kept: a class reopened the next morning
    finds the same codes that were printed."""
    if not folder.exists():
        folder.mkdir(mode=FOLDER_MODE, parents=True)
    model = model_path(folder)
    services = open_services(model, settings=settings, seed_if_empty=True)
    services.close()
    return model


def new_trainee_store(folder: Path) -> Path:
    """A new store for the trainee of a new connection: `stagiaire-NN.db`, the first number
    free, claimed atomically so that two connections at once never get the same file.

    Today it is a copy of the class's initial data (`modele.db`). When scenarios exist, this
    is where a scenario's run is prepared instead (`prepare_run(name, folder, trainee=…)`)."""
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
    trainee = Store(target)
    try:
        trainee.set_meta(TRAINEE_META, t("classroom.trainee", n=number))
    finally:
        trainee.close()
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
