"""Snapshots of a trainer's screens: the home page of a scenario's run, with its goal, and
the « Scénarios de formation » picker. Each looked at before it is accepted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from textual.pilot import Pilot

from mes_sante_tui.app import make_app
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import SeededCodeGenerator
from mes_sante_tui.core.scenarios import enter_run, fill_run, scenario_named
from mes_sante_tui.core.services import Services, open_services

SIZE = (110, 36)
NOW = datetime(2026, 11, 22, 10, 0, 0)


@pytest.fixture
def run_services() -> Iterator[Services]:
    """A run of « code-expire » for Zoé Dupont, prepared at NOW, in memory."""
    built = open_services(
        ":memory:", clock=ManualClock(NOW), codes=SeededCodeGenerator(7), seed_if_empty=False
    )
    fill_run(built.store, scenario_named("code-expire"), at=NOW, trainee="Zoé Dupont")
    enter_run(built.engine)
    yield built
    built.close()


def test_home_of_a_scenario_run(snap_compare: Any, run_services: Services) -> None:
    app = make_app(services=run_services, settings=run_services.engine.settings)
    app.outbox_visible = False

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the home page composed: it is composed once Textual is ready
        await pilot.pause()
        await pilot.pause(0.4)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_scenario_picker(snap_compare: Any, services: Services) -> None:
    app = make_app(services=services, settings=services.engine.settings)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the home page composed: it is composed once Textual is ready
        await pilot.pause()
        app.open_scenarios()
        await pilot.pause()
        await pilot.press("down", "down")  # « Carte Vitale avec photo » highlighted
        await pilot.pause(0.4)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
