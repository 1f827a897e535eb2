"""Opening a store and building the engine over it: the one factory of the core."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from .clock import Clock, StoreClock, SystemClock
from .settings import Settings, load_figures
from .store import Store

if TYPE_CHECKING:
    from .codes import CodeGenerator
    from .engine import Engine

ENV_DB = "MES_SANTE_DB"


def default_store_path() -> Path:
    """`MES_SANTE_DB` when set, else a file in the per-user data folder."""
    override = os.environ.get(ENV_DB)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("mes-sante-tui", appauthor=False)) / "mes_sante.db"


class Services:
    """The store, and the engine over it.

    The engine is built on first use: its use cases' code is loaded then, not when the store
    is opened (the application's home page needs none of it to be drawn)."""

    def __init__(
        self, store: Store, *, clock: Clock, codes: CodeGenerator | None, settings: Settings
    ) -> None:
        self.store = store
        # None: the secure generator, made with the engine (its module loads hashlib).
        self._clock, self._codes, self._settings = clock, codes, settings

    @cached_property
    def engine(self) -> Engine:
        from .codes import SecretCodeGenerator
        from .engine import Engine

        codes = self._codes or SecretCodeGenerator()
        return Engine(self.store, clock=self._clock, codes=codes, settings=self._settings)

    @property
    def settings(self) -> Settings:
        """The settings in force: the engine's once it is built."""
        engine = self.__dict__.get("engine")
        return engine.settings if engine is not None else self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self._settings = settings
        if "engine" in self.__dict__:
            self.engine.settings = settings

    def close(self) -> None:
        self.store.close()


def open_services(
    db_path: str | Path | None = None,
    *,
    settings: Settings | None = None,
    clock: Clock | None = None,
    codes: CodeGenerator | None = None,
    seed_if_empty: bool = True,
    catch_up: bool = True,
) -> Services:
    """Open (creating and migrating) the store, seed it on first use, and bring the profiles'
    statuses up to the clock (unless `catch_up` is False: the caller does it when it can).

    Raises StoreError with a French message when the store cannot be used.
    """
    settings = settings or Settings()
    store = Store(db_path if db_path is not None else default_store_path())
    # The simulated clock: the given (or system) clock, moved ahead as the store says.
    simulated = StoreClock(store, base=clock or SystemClock())
    if seed_if_empty and store.is_empty():
        from .codes import SecretCodeGenerator
        from .personas import seed

        codes = codes or SecretCodeGenerator()
        seed(store, simulated, codes, settings)
    # The service's unpublished figures a trainer set in this store (`reglages`).
    settings = load_figures(store, settings)
    services = Services(store, clock=simulated, codes=codes, settings=settings)
    if catch_up:
        # Statuses follow the clock from the moment the store is opened.
        services.engine.catch_up()
    return services
