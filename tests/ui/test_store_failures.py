"""Pilot tests: the store failing during a journey (locked by another program, disk full,
data reset from another terminal, damaged), and an unexpected error, as a person sees them.

Each store problem is said on screen over the step, which keeps what was typed; nothing is
written half. When the application cannot go on, it stops with one line and a non-zero
status, and never prints a traceback, let alone what was typed in a password field.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from drive import fill_identify, open_step, to_identify
from support import current, tab_to, type_text
from textual.widgets import Input, Static

from mes_sante_tui import app as app_module
from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import SeededCodeGenerator
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import StoreError, StoreProblem
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.screens import (
    DecisionScreen,
    HomeScreen,
    IdentifyScreen,
    LoginScreen,
    StoreProblemScreen,
)
from mes_sante_tui.wording import t

SIZE = (110, 36)
SECRET = "Secret#2025x"


@pytest.fixture
def file_services(
    tmp_path: Path, clock: ManualClock, settings: Settings
) -> Iterator[Services]:
    """A store in a file, so that another connection (another program) can lock it."""
    built = open_services(
        tmp_path / "base.db", settings=settings, clock=clock, codes=SeededCodeGenerator(7)
    )
    yield built
    built.close()


def app_for(services: Services, settings: Settings, tmp_path: Path) -> MesSanteApp:
    app = make_app(services=services, settings=settings)
    app.crash_log = tmp_path / "donnees" / "erreurs.log"
    return app


def typed(screen: object) -> dict[str, str]:
    return {i.id or "": i.value for i in screen.query(Input)}  # type: ignore[attr-defined]


def problem_text(app: MesSanteApp) -> str:
    screen = current(app)
    assert isinstance(screen, StoreProblemScreen), screen
    return str(screen.query_one("#dialog-text", Static).render())


async def test_a_store_locked_by_another_program_is_said_and_the_input_kept(
    file_services: Services, settings: Settings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The person would wait two seconds; the test need not.
    monkeypatch.setattr(app_module, "INTERACTIVE_BUSY_TIMEOUT_MS", 50)
    app = app_for(file_services, settings, tmp_path)
    other = sqlite3.connect(file_services.store.path, isolation_level=None)
    async with app.run_test(size=SIZE) as pilot:
        await to_identify(pilot)
        await fill_identify(pilot, file_services)
        identify = current(app)
        assert isinstance(identify, IdentifyScreen)
        before = typed(identify)
        journal = len(file_services.store.journal_rows())
        other.execute("BEGIN IMMEDIATE")  # another program writes for a while
        await pilot.press("enter")
        await pilot.pause()
        assert problem_text(app) == t("store.session.busy")
        assert "utilisé par un autre programme" in problem_text(app)
        assert app.screen_stack[-2] is identify and typed(identify) == before
        assert app.session is not None and app.session.person_id is None
        other.execute("ROLLBACK")  # the other program is done
        await pilot.press("escape")  # « J'ai compris »
        await pilot.pause()
        assert current(app) is identify and typed(identify) == before
        assert len(file_services.store.journal_rows()) == journal  # nothing written meanwhile
        await pilot.press("enter")  # the same form, again: it goes through now
        await pilot.pause()
        assert isinstance(current(app), DecisionScreen)
        assert app.return_code in (None, 0)
    other.close()


async def test_a_full_disk_is_said_over_the_step_and_nothing_is_written(
    services: Services, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(services, settings, tmp_path)
    store = services.store
    real_transaction = store.transaction

    @contextmanager
    def disk_full() -> Iterator[sqlite3.Connection]:
        # The step's transaction opens, then SQLite finds no room for its pages.
        with real_transaction() as conn:
            conn.execute("INSERT INTO households(label) VALUES ('écrit à moitié')")
            full = sqlite3.OperationalError("database or disk is full")
            full.sqlite_errorcode, full.sqlite_errorname = 13, "SQLITE_FULL"  # as SQLite sets
            raise full
            yield conn  # pragma: no cover

    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)  # the way there is not the point
        decision = current(app)
        assert isinstance(decision, DecisionScreen)
        assert app.session is not None and app.session.person_id is not None
        person = store.person(app.session.person_id)
        households = store.query_one("SELECT COUNT(*) AS n FROM households")
        monkeypatch.setattr(store, "transaction", disk_full)
        await pilot.press("enter")  # « J'active Mon espace santé »
        await pilot.press("tab", "space")  # « J'accepte »
        decision.query_one("#continue").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert problem_text(app) == t("store.session.full")
        assert app.screen_stack[-2] is decision
        assert store.person(person.id).status is person.status  # nothing decided
        assert store.query_one("SELECT COUNT(*) AS n FROM households") == households
        monkeypatch.setattr(store, "transaction", real_transaction)  # room made on the disk
        await pilot.press("enter")  # « J'ai compris »
        await pilot.pause()
        assert current(app) is decision
        await pilot.press("enter")  # « Continuer », focused again
        await pilot.pause()
        assert not isinstance(current(app), (DecisionScreen, StoreProblemScreen))


async def test_data_reset_from_another_terminal_sends_the_person_home(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    app = app_for(services, settings, tmp_path)
    store = services.store
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)  # the way there is not the point
        decision = current(app)
        assert isinstance(decision, DecisionScreen)
        assert app.session is not None and app.session.person_id is not None
        # Another terminal resets the data; this person is no longer in them.
        store.conn.execute("PRAGMA foreign_keys = OFF")
        store.conn.execute("DELETE FROM people WHERE id = ?", (app.session.person_id,))
        store.conn.execute("PRAGMA foreign_keys = ON")
        await pilot.press("enter")  # « J'active Mon espace santé »
        await pilot.press("tab", "space")  # « J'accepte »
        decision.query_one("#continue").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert problem_text(app) == t("store.session.vanished")
        assert app.session is None
        await pilot.press("enter")  # « Retour à l'accueil »
        await pilot.pause()
        await pilot.pause()
        assert isinstance(current(app), HomeScreen)
        assert app.return_code in (None, 0)


async def test_the_periodic_checks_do_not_stop_the_application_when_the_store_fails(
    services: Services, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(services, settings, tmp_path)

    def locked(*_: object, **__: object) -> Any:
        raise StoreError(t("store.locked", path="base.db"), StoreProblem.BUSY)

    async with app.run_test(size=SIZE) as pilot:
        await to_identify(pilot)
        identify = current(app)
        monkeypatch.setattr(services.store, "last_outbox_id", locked)
        monkeypatch.setattr(services.engine, "session_time_left", locked)
        app._poll_outbox()
        app.check_session()
        await pilot.pause()
        # A passing lock is said by the person's next action, not out of the blue.
        assert current(app) is identify
        assert app.return_code in (None, 0)


async def test_a_damaged_store_stops_the_application_with_one_line(
    services: Services, settings: Settings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    app = app_for(services, settings, tmp_path)
    message = t("store.damaged", path="base.db")

    def damaged(*_: object, **__: object) -> Any:
        raise StoreError(message, StoreProblem.DAMAGED)

    async with app.run_test(size=SIZE) as pilot:
        await to_identify(pilot)
        await fill_identify(pilot, services)
        monkeypatch.setattr(services.engine, "identify_with_code", damaged)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 1
    err = capsys.readouterr().err
    assert err == t("cli.failure", problem=message) + "\n"


async def test_a_crash_never_shows_the_password_being_typed(
    services: Services, settings: Settings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    app = app_for(services, settings, tmp_path)

    def broken(session: object, *, identifier: str, password_raw: str) -> None:
        confirmation = password_raw  # a local holding the secret, as in a real handler
        raise ValueError(f"unexpected: {confirmation}")

    monkeypatch.setattr(services.engine.access, "login", broken)
    with pytest.raises(ValueError):  # a test driving the app still sees the error
        async with app.run_test(size=SIZE) as pilot:
            await tab_to(pilot, "login")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(current(app), LoginScreen)
            await type_text(pilot, "sebastien.leguellec")
            await pilot.press("tab")
            await type_text(pilot, SECRET)
            await pilot.press("enter")
            await pilot.pause()
    assert app.return_code == 1
    captured = capsys.readouterr()
    assert SECRET not in captured.out and SECRET not in captured.err
    assert "Traceback" not in captured.err
    log = tmp_path / "donnees" / "erreurs.log"
    assert captured.err == t("app.crash", log=log) + "\n"
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600
    kept = log.read_text(encoding="utf-8")
    assert SECRET not in kept and "sebastien" not in kept
    assert "builtins.ValueError" in kept and "in broken" in kept


async def test_a_key_whose_action_meets_a_failing_store_says_it_and_the_app_goes_on(
    services: Services, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(services, settings, tmp_path)

    def read_only(*_: object, **__: object) -> None:
        raise StoreError(t("store.unwritable", path="base.db"), StoreProblem.READ_ONLY)

    async with app.run_test(size=SIZE) as pilot:
        await to_identify(pilot)
        identify = current(app)
        # A key bound on the screen runs its action from the application's own loop.
        monkeypatch.setattr(identify, "action_help", read_only)
        await pilot.press("f1")
        await pilot.pause()
        assert problem_text(app) == t("store.session.read_only")
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) is identify
        assert app.return_code in (None, 0)
