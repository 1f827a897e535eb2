"""A trainer in the application: the scenario picker from the home page, by keyboard, and the
service's figures on the settings screen."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from support import current, press_each, tab_to, type_text
from textual.widgets import Input, Static

from mes_sante_tui.app import make_app
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import SeededCodeGenerator
from mes_sante_tui.core.run_marks import SCENARIO_KEY
from mes_sante_tui.core.scenarios import load_scenarios
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import Figure, Settings, stored_figures
from mes_sante_tui.screens import HomeScreen, ScreenHelpScreen, SimulatorSettingsScreen
from mes_sante_tui.screens.scenario_picker import ScenarioPickerScreen
from mes_sante_tui.widgets import FormField

SIZE = (110, 36)
NOW_CLOCK = ManualClock(datetime(2026, 11, 22, 10, 0))


async def test_the_picker_starts_a_scenario_in_a_fresh_store_with_its_goal_shown(
    tmp_path: Path,
) -> None:
    base = tmp_path / "base.db"
    services = open_services(base, clock=NOW_CLOCK, codes=SeededCodeGenerator(7))
    app = make_app(services=services, settings=Settings())
    scenario = load_scenarios()["code-expire"]
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await tab_to(pilot, "scenarios")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(current(app), ScenarioPickerScreen)
            # Arrows move from one scenario to the next (the separators are skipped).
            await press_each(pilot, *["down"] * list(load_scenarios()).index("code-expire"))
            await pilot.press("enter")
            await pilot.pause()
            home = current(app)
            assert isinstance(home, HomeScreen)
            banner = str(home.query_one("#training", Static).render())
            assert scenario.goal.split(" : ")[0] in banner.replace("\n", " ")
            assert app.store.path in banner.replace("\n", "")
            assert Path(app.store.path).parent == tmp_path / "formation"
            assert app.focused is not None and app.focused.id == "activate"
            # The sessions of the run are the scenario's, in the journal.
            app.start_journey()
            await pilot.pause()
            assert app.store.journal_rows()[-1]["scenario"] == "code-expire"
            await pilot.press("f1")
            await pilot.pause()
            help_screen = current(app)
            assert isinstance(help_screen, ScreenHelpScreen)
            assert any(scenario.traps[0] in line for line in help_screen.lines)
            assert any("Nathalie" in line and "NIR" in line for line in help_screen.lines)
    finally:
        services.close()
    # The run's store, opened by the app, was closed by it when it ended.
    with pytest.raises(sqlite3.ProgrammingError):
        app.store.conn.execute("SELECT 1")
    # The trainer's own store is left as it was: no scenario in it.
    untouched = open_services(base, seed_if_empty=False)
    try:
        assert untouched.store.meta(SCENARIO_KEY) is None
    finally:
        untouched.close()


async def test_the_figures_are_checked_and_kept_from_the_settings_screen(
    services: Services,
) -> None:
    app = make_app(services=services, settings=Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_settings()
        await pilot.pause()
        screen = current(app)
        assert isinstance(screen, SimulatorSettingsScreen)
        attempts = screen.query_one("#figure-essais", Input)
        assert attempts.value == "5"
        attempts.focus()
        await press_each(pilot, "backspace")
        await type_text(pilot, "0")
        await pilot.press("enter")
        await pilot.pause()
        field = screen.query_one("#field-essais", FormField)
        assert field.error is not None and "hors des limites" in field.error
        assert app.focused is attempts and attempts.value == "0"  # kept as typed
        await press_each(pilot, "backspace")
        await type_text(pilot, "3")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(current(app), SimulatorSettingsScreen)
        assert app.engine.settings.max_code_failures == 3
        # Kept in the store, as `mes-sante-tui reglages essais 3` would.
        assert stored_figures(services.store)[Figure.ATTEMPTS] == 3


def test_an_app_built_on_a_run_store_enters_the_run_with_the_store_figures(
    tmp_path: Path,
) -> None:
    from mes_sante_tui.core.scenarios import prepare_run
    from mes_sante_tui.core.settings import JourneyVariant, save_figures

    path = prepare_run("parcours-identite", tmp_path, trainee="Zoé", clock=NOW_CLOCK)
    services = open_services(path, clock=NOW_CLOCK, seed_if_empty=False)
    try:
        save_figures(services.store, {Figure.ATTEMPTS: 4})
        app = make_app(services=services, settings=Settings())
        assert app.training is not None and app.training.scenario.name == "parcours-identite"
        assert app.settings.journey is JourneyVariant.IDENTITY_FIRST
        assert app.engine.settings.max_code_failures == 4
        assert (app.engine.sessions.scenario, app.engine.sessions.trainee) == (
            "parcours-identite", "Zoé",
        )
        # Changed meanwhile from a trainer's terminal: from the next journey on.
        save_figures(services.store, {Figure.ATTEMPTS: 6})
        app.refresh_figures()
        assert app.engine.settings.max_code_failures == 6
        assert app.settings.journey is JourneyVariant.IDENTITY_FIRST
    finally:
        services.close()


async def test_a_run_that_cannot_be_prepared_is_said_on_the_picker(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mes_sante_tui.core.scenarios as scenarios_module
    from mes_sante_tui.core.results import StoreError

    def refused(*args: object, **kwargs: object) -> Path:
        raise StoreError("Le dossier /formation ne peut pas être écrit.")

    monkeypatch.setattr(scenarios_module, "prepare_run", refused)
    app = make_app(services=services, settings=Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_scenarios()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        picker = current(app)
        assert isinstance(picker, ScenarioPickerScreen)
        problem = str(picker.query_one("#picker-problem", Static).render())
        assert "ne peut pas être écrit" in problem
        assert app.training is None
