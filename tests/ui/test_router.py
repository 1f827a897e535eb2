"""Escape is decided by the app's router, from the journey description: no screen decides it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from drive import open_step
from support import current
from textual.pilot import Pilot

import mes_sante_tui.screens as screens_package
from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.journey import Back, Step
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, Settings
from mes_sante_tui.screens import HomeScreen, QuitConfirmScreen, StartScreen
from mes_sante_tui.screens.base import JourneyScreen

SIZE = (120, 40)


def test_no_screen_decides_where_escape_leads() -> None:
    deciding: list[str] = []
    for module_info in pkgutil.iter_modules(screens_package.__path__):
        module = importlib.import_module(f"mes_sante_tui.screens.{module_info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, JourneyScreen) or cls is JourneyScreen:
                continue
            for method in ("action_back", "go_back", "check_action"):
                if method in vars(cls):
                    deciding.append(f"{name}.{method}")
    assert deciding == []


async def _escape(pilot: Pilot[None]) -> None:
    await pilot.press("escape")
    await pilot.pause()


@pytest.mark.parametrize("variant", list(JourneyVariant))
async def test_escape_on_the_home_page_is_neither_offered_nor_acted_on(
    services: Services, variant: JourneyVariant
) -> None:
    app = make_app(services=services, settings=Settings(journey=variant))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = current(app)
        assert isinstance(home, HomeScreen)
        assert app.back_rule(home) is Back.NOTHING
        assert home.check_action("back", ()) is False
        await _escape(pilot)
        assert current(app) is home


@pytest.mark.parametrize("variant", list(JourneyVariant))
async def test_escape_from_start_leaves_for_the_home_page(
    services: Services, variant: JourneyVariant
) -> None:
    app = make_app(services=services, settings=Settings(journey=variant))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.start_journey()
        await pilot.pause()
        start = current(app)
        assert isinstance(start, StartScreen)
        assert app.back_rule(start) is app.journey[Step.START].back is Back.LEAVE
        assert start.check_action("back", ()) is True
        await _escape(pilot)
        assert isinstance(current(app), HomeScreen)


@pytest.mark.parametrize("variant", list(JourneyVariant))
@pytest.mark.parametrize("step", [Step.DECISION, Step.CONTACTS, Step.ACCOUNT])
async def test_escape_on_a_step_does_what_its_description_says(
    services: Services, variant: JourneyVariant, step: Step
) -> None:
    app = make_app(services=services, settings=Settings(journey=variant))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_step(pilot, services, step)
        assert isinstance(app, MesSanteApp)
        shown = current(app)
        assert isinstance(shown, JourneyScreen)
        below = app.screen_stack[-2]
        rule = app.back_rule(shown)
        assert rule is app.journey[step].back
        await _escape(pilot)
        if rule is Back.LEAVE:
            # The activation in progress would be lost: the router asks first.
            assert isinstance(current(app), QuitConfirmScreen)
        else:
            assert rule is Back.PREVIOUS
            # Nothing typed here: the step before, as it was.
            assert current(app) is below
