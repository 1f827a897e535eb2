"""Opening a store and building the engine over it: the one factory of the core."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .clock import Clock, StoreClock, SystemClock
from .codes import CodeGenerator, SecretCodeGenerator
from .engine import Engine
from .personas import seed
from .settings import Settings, load_figures
from .store import Store

ENV_DB = "MES_SANTE_DB"


def default_store_path() -> Path:
    """`MES_SANTE_DB` when set, else a file in the per-user data folder."""
    override = os.environ.get(ENV_DB)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("mes-sante-tui", appauthor=False)) / "mes_sante.db"


@dataclass
class Services:
    store: Store
    engine: Engine

    def close(self) -> None:
        self.store.close()


def open_services(
    db_path: str | Path | None = None,
    *,
    settings: Settings | None = None,
    clock: Clock | None = None,
    codes: CodeGenerator | None = None,
    seed_if_empty: bool = True,
) -> Services:
    """Open (creating and migrating) the store, seed it on first use, build the engine.

    Raises StoreError with a French message when the store cannot be used.
    """
    settings = settings or Settings()
    codes = codes or SecretCodeGenerator()
    store = Store(db_path if db_path is not None else default_store_path())
    # The simulated clock: the given (or system) clock, moved ahead as the store says.
    simulated = StoreClock(store, base=clock or SystemClock())
    if seed_if_empty and store.is_empty():
        seed(store, simulated, codes, settings)
    # The service's unpublished figures a trainer set in this store (`reglages`).
    settings = load_figures(store, settings)
    engine = Engine(store, clock=simulated, codes=codes, settings=settings)
    # Statuses follow the clock from the moment the store is opened.
    engine.catch_up()
    return Services(store=store, engine=engine)
