"""Shared fixtures: a seeded in-memory store, a movable clock, repeatable codes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from mes_sante_tui.core import password
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import SeededCodeGenerator
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import Settings

NOW = datetime(2026, 11, 22, 10, 0, 0)


@pytest.fixture(autouse=True)
def light_password_hashing() -> Iterator[None]:
    """argon2id with its production cost takes ~100 ms a hash: tests use a light cost."""
    password.set_hasher_params(1, 8)
    yield
    password.set_hasher_params(1, 8)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def services(clock: ManualClock, settings: Settings) -> Iterator[Services]:
    built = open_services(":memory:", settings=settings, clock=clock, codes=SeededCodeGenerator(7))
    yield built
    built.close()
