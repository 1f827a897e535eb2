"""One snapshot per state of the logged-in space, the closure form, « Gérer le profil » and
the household list after an opposition, each looked at before it was accepted.

Regenerate with `python -m pytest tests/ui/test_snapshots_space.py --snapshot-update`, then
look at every changed SVG before committing it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from drive import SEBASTIEN_PASSWORD, to_opposition_done, to_space
from support import person_id, tab_to, type_text
from textual.pilot import Pilot
from textual.widgets import Input

from mes_sante_tui.app import make_app
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings

SIZE = (110, 36)
Driver = Callable[[Pilot[None], Services], Awaitable[None]]


async def settle(pilot: Pilot[None]) -> None:
    """Let the screen come to rest (focus scroll animation, a button's pressed look)."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.4)


async def press_on(pilot: Pilot[None], widget_id: str) -> None:
    await tab_to(pilot, widget_id)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def _close_form(pilot: Pilot[None], services: Services) -> None:
    await to_space(pilot, services)
    await press_on(pilot, "own-cloturer")


async def _close_refused(pilot: Pilot[None], services: Services) -> None:
    await _close_form(pilot, services)
    await type_text(pilot, "Phare#Ouest2021")
    await pilot.press("enter")
    await pilot.pause()


async def _space_deletion_pending(pilot: Pilot[None], services: Services) -> None:
    """Closed with the deletion asked for: the notice says by when."""
    await _close_form(pilot, services)
    await type_text(pilot, SEBASTIEN_PASSWORD)
    await tab_to(pilot, "delete")
    await pilot.press("space")
    await press_on(pilot, "close")


async def _space_reopen_refused(pilot: Pilot[None], services: Services) -> None:
    """Then « Rouvrir » is refused with the date."""
    await _space_deletion_pending(pilot, services)
    await pilot.press("enter")  # « Rouvrir Mon espace santé », focused on return
    await pilot.pause()


async def _manage_profile(pilot: Pilot[None], services: Services) -> None:
    await to_space(pilot, services)
    await press_on(pilot, f"manage-{person_id(services, 'emma')}")
    await pilot.press("enter")  # « Je certifie être le représentant légal de Emma … »
    await press_on(pilot, "continue")


async def _household_manage(pilot: Pilot[None], services: Services) -> None:
    """After Martine's opposition: the household's profiles, each child with its button."""
    await to_opposition_done(pilot, services)
    # The default folder depends on the machine: show a fixed one.
    pilot.app.screen.query_one("#folder", Input).value = "/home/conseiller/Documents/mes_sante_tui"
    await tab_to(pilot, f"manage-{person_id(services, 'lea')}")


STATES: dict[str, Driver] = {
    "space": to_space,
    "space_deletion_pending": _space_deletion_pending,
    "space_reopen_refused": _space_reopen_refused,
    "close_form": _close_form,
    "close_refused": _close_refused,
    "manage_profile": _manage_profile,
    "household_manage": _household_manage,
}


@pytest.mark.parametrize("state", list(STATES))
def test_space_state(
    state: str, snap_compare: Any, services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    app.outbox_visible = state == "space_reopen_refused"

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the home page composed: it is composed once Textual is ready
        await STATES[state](pilot, services)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
