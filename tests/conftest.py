"""Shared fixtures: a seeded in-memory store, a movable clock, repeatable codes."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import datetime

import pytest

from mes_sante_tui.core import password
from mes_sante_tui.core.certificate_worker import CertificateBuilder
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import SeededCodeGenerator
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import Settings

NOW = datetime(2026, 11, 22, 10, 0, 0)
CODES_SEED = 7


@pytest.fixture(autouse=True)
def light_password_hashing() -> Iterator[None]:
    """argon2id with its production cost takes ~100 ms a hash: tests use a light cost."""
    password.set_hasher_params(1, 8)
    yield
    password.set_hasher_params(1, 8)


@pytest.fixture(autouse=True)
def certificates_in_process(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app builds certificates in a child process that loads fpdf2 (a Python start and
    half a second of CPU): tests that reach an opposition do not start it, and certificates
    are built in the test's process, as the builder does when its child fails. The tests of
    the child itself are marked `certificate_process`."""
    if request.node.get_closest_marker("certificate_process") is None:
        monkeypatch.setattr(CertificateBuilder, "prepare", lambda self: None)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def seeded_template() -> Iterator[tuple[Services, SeededCodeGenerator]]:
    """The personas seeded once, at NOW with the default settings, and the code generator as
    the seeding left it. Never written to: each test gets a copy."""
    password.set_hasher_params(1, 8)
    codes = SeededCodeGenerator(CODES_SEED)
    built = open_services(":memory:", settings=Settings(), clock=ManualClock(NOW), codes=codes)
    yield built, codes
    built.close()


@pytest.fixture
def services(
    clock: ManualClock,
    settings: Settings,
    seeded_template: tuple[Services, SeededCodeGenerator],
) -> Iterator[Services]:
    """A store seeded as `open_services` seeds it, with its own engine.

    Seeding writes every persona, code and message (~8 ms, for each of hundreds of tests):
    the session's seeded store is copied instead (SQLite's backup, well under a millisecond),
    with a code generator in the same state, so that the store, its secret and the codes to
    come are those a fresh seeding would give. Other settings or another time: seeded anew.
    """
    template, template_codes = seeded_template
    if settings != Settings() or clock.now() != NOW:
        built = open_services(
            ":memory:", settings=settings, clock=clock, codes=SeededCodeGenerator(CODES_SEED)
        )
    else:
        built = open_services(
            ":memory:",
            settings=settings,
            clock=clock,
            codes=copy.deepcopy(template_codes),
            seed_if_empty=False,
        )
        template.store.conn.backup(built.store.conn)
        # The engine read the empty store's secret when built: read the copy's.
        built.engine.__post_init__()
        built.engine.catch_up()
    yield built
    built.close()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (the default, pyproject.toml): one process when snapshots are updated (the
    snapshot plugin would take the other process's snapshots for unused ones), else xdist's
    own choice, one worker a core."""
    if config.getoption("--snapshot-update", default=False):
        return 0
    return None
