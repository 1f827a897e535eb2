"""Random key sequences on every reachable step: no crash, and a consistent store.

Each example builds its own in-memory store (Hypothesis runs many examples inside one test, so
a function-scoped fixture would be shared between them) and its own event loop (asyncio.run).
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import person_id, persona_code

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import SeededCodeGenerator
from mes_sante_tui.core.engine import Choice
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import Settings

SIZE = (120, 40)
NOW = datetime(2026, 11, 22, 10, 0, 0)

# Every key a keyboard-only person uses here, Ctrl+Q included (it may end the app: then the
# remaining keys are not sent). Characters are drawn from a few that matter to the forms.
CHARACTERS = list("aZ7#@.-") + ["space"]
KEYS = [
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "backspace",
    "up",
    "down",
    "f1",
    "f2",
    "f3",
    "ctrl+q",
]
key = st.one_of(st.sampled_from(KEYS), st.sampled_from(CHARACTERS))
STARTS = {
    "home": Step.HOME,
    "identify": Step.IDENTIFY,
    "decision": Step.DECISION,
    "contacts": Step.CONTACTS,
    "account": Step.ACCOUNT,
}


async def show(app: MesSanteApp, services: Services, step: Step) -> None:
    """Bring Martine to `step` as the journey would: engine calls for the steps before it,
    and their screens pushed by the router in order (so Escape goes back through them)."""
    if step is Step.HOME:
        return
    app.start_journey()
    session = app.session
    assert session is not None
    engine = services.engine
    route = [Step.IDENTIFY]
    if step is not Step.IDENTIFY:
        found = engine.identify_with_code(
            session,
            code=persona_code(services, "martine"),
            nir=services.store.person(person_id(services, "martine")).nir,
            model=CardModel.WITHOUT_PHOTO,
            serial="953701166",
        )
        assert found.ok, found
        route.append(Step.DECISION)
    if step in (Step.CONTACTS, Step.ACCOUNT):
        assert engine.decide(session, Choice.ACTIVATE, True).ok
        route.append(Step.CONTACTS)
    if step is Step.ACCOUNT:
        assert engine.confirm_contacts(session).ok
        route.append(Step.ACCOUNT)
    for shown in route:
        app.goto(shown)


def rows(services: Services, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in services.store.query(sql)]


def assert_consistent(services: Services, seeded_active: set[int]) -> None:
    assert rows(services, "PRAGMA integrity_check") == [("ok",)]
    assert rows(services, "PRAGMA foreign_key_check") == []
    # An account belongs to a household where a profile is activated.
    assert (
        rows(
            services,
            "SELECT a.person_id FROM accounts a JOIN people p ON p.id = a.person_id "
            "WHERE NOT EXISTS (SELECT 1 FROM people q WHERE q.household_id = p.household_id "
            "AND q.status = 'active')",
        )
        == []
    )
    # A profile activated here has its decision recorded. (The seeded population's older
    # activations carry their date on the profile only: the store has no decision row for them.)
    active_without_decision = {
        int(row[0])
        for row in rows(
            services,
            "SELECT id FROM people WHERE status = 'active' "
            "AND id NOT IN (SELECT person_id FROM decisions)",
        )
    }
    assert active_without_decision <= seeded_active
    # A profile whose latest decision is an activation is active (or closed since).
    assert (
        rows(
            services,
            "SELECT d.person_id FROM decisions d JOIN people p ON p.id = d.person_id "
            "WHERE d.id = (SELECT MAX(id) FROM decisions WHERE person_id = d.person_id) "
            "AND d.kind = 'activer' AND p.status NOT IN ('active', 'cloture')",
        )
        == []
    )


async def drive(start: Step, keys: list[str]) -> None:
    app_settings = Settings()
    services = open_services(
        ":memory:", settings=app_settings, clock=ManualClock(NOW), codes=SeededCodeGenerator(7)
    )
    try:
        seeded_active = {
            int(row[0]) for row in rows(services, "SELECT id FROM people WHERE status = 'active'")
        }
        app = make_app(services=services, settings=app_settings)
        async with app.run_test(size=SIZE) as pilot:
            await show(app, services, start)
            await pilot.pause()
            for pressed in keys:
                if not app.is_running:  # Ctrl+Q ended the app
                    break
                await pilot.press(pressed)
            await pilot.pause()
            if app.is_running:
                assert app.focused is not None, app.screen
        assert app._exception is None
        assert app.return_code in (None, 0)
        assert_consistent(services, seeded_active)
    finally:
        services.close()


@pytest.mark.parametrize("start", list(STARTS))
@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(keys=st.lists(key, min_size=1, max_size=12))
def test_random_keys_never_crash_nor_corrupt_the_store(start: str, keys: list[str]) -> None:
    asyncio.run(drive(STARTS[start], keys))
