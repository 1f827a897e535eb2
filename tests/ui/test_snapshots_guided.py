"""The guided mode, one screen of each variant, each looked at before it was accepted: guide
002's numbered callouts on « Je m'identifie », guide 000's « Étape 5 » on « Activation ».

Regenerate with `python -m pytest tests/ui/test_snapshots_guided.py --snapshot-update`, then
look at every changed SVG before committing it.
"""

from __future__ import annotations

from typing import Any

from drive import open_step, to_identify
from test_snapshots import SIZE, settle
from textual.pilot import Pilot

from mes_sante_tui.app import make_app
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, Settings


def test_guided_identify_code_first(snap_compare: Any, services: Services) -> None:
    app = make_app(services=services, settings=Settings(guided=True))
    app.outbox_visible = False  # the form's whole width: the callouts beside its fields

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the home page composed: it is composed once Textual is ready
        await to_identify(pilot)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_guided_decision_identity_first(snap_compare: Any, services: Services) -> None:
    settings = Settings(journey=JourneyVariant.IDENTITY_FIRST, guided=True)
    app = make_app(services=services, settings=settings)
    app.outbox_visible = False

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the home page composed: it is composed once Textual is ready
        await open_step(pilot, services, Step.DECISION)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
