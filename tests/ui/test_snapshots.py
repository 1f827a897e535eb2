"""One snapshot per step of the code-first journey, each looked at before it was accepted.

Regenerate with `python -m pytest tests/ui/test_snapshots.py --snapshot-update`, then look at
every changed SVG before committing it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from drive import (
    change_mobile,
    fill_account,
    fill_identify,
    to_account,
    to_contacts,
    to_decision,
    to_identify,
)
from textual.pilot import Pilot

from mes_sante_tui.app import make_app
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings

SIZE = (110, 36)
Driver = Callable[[Pilot[None], Services], Awaitable[None]]


async def _home(pilot: Pilot[None], services: Services) -> None:
    await pilot.pause()


async def _start(pilot: Pilot[None], services: Services) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def _identify(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)


async def _identify_refused(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    await fill_identify(pilot, services, serial="10031973")  # a date, not a serial
    await pilot.press("enter")
    await pilot.pause()


async def _identify_photo_card(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    await fill_identify(pilot, services, key="paul", serial="3187740295", photo=True)
    await pilot.press("enter")
    await pilot.pause()


async def _help_serial(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    pilot.app.screen.query_one("#where-serial").focus()
    await pilot.press("enter")
    await pilot.pause()


async def _help_nir(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    pilot.app.screen.query_one("#where-nir").focus()
    await pilot.press("enter")
    await pilot.pause()


async def _decision(pilot: Pilot[None], services: Services) -> None:
    await to_decision(pilot, services)


async def _decision_no_consent(pilot: Pilot[None], services: Services) -> None:
    await to_decision(pilot, services)
    await pilot.press("enter")  # « J'active », box left unticked
    pilot.app.screen.query_one("#continue").focus()
    await pilot.press("enter")
    await pilot.pause()


async def _quit_confirm(pilot: Pilot[None], services: Services) -> None:
    await to_decision(pilot, services)
    await pilot.press("escape")
    await pilot.pause()


async def _contacts(pilot: Pilot[None], services: Services) -> None:
    await to_contacts(pilot, services)


async def _contact_edit(pilot: Pilot[None], services: Services) -> None:
    await to_contacts(pilot, services)
    pilot.app.screen.query_one("#edit-email").focus()
    await pilot.press("enter")
    await pilot.pause()


async def _otp(pilot: Pilot[None], services: Services) -> None:
    await _contact_edit(pilot, services)
    from support import type_text

    await type_text(pilot, "martine.nouvelle@exemple.fr")
    await pilot.press("enter")
    await pilot.pause()


async def _contacts_updated(pilot: Pilot[None], services: Services) -> None:
    await to_contacts(pilot, services)
    await change_mobile(pilot, services, "07 12 34 56 78")


async def _account(pilot: Pilot[None], services: Services) -> None:
    await to_account(pilot, services)
    await fill_account(pilot, "martine.l44", "Kayak#lo", "")


async def _account_refused(pilot: Pilot[None], services: Services) -> None:
    await to_account(pilot, services)
    await fill_account(pilot, "Martine@exemple.fr", "Martine1973!", "Martine1973?")
    await pilot.press("enter")
    await pilot.pause()


async def _success(pilot: Pilot[None], services: Services) -> None:
    await to_account(pilot, services)
    await fill_account(pilot, "martine.l44", "Kayak#Loire2026", "Kayak#Loire2026")
    await pilot.press("enter")
    await pilot.pause()


STEPS: dict[str, Driver] = {
    "home": _home,
    "start": _start,
    "identify": _identify,
    "identify_refused": _identify_refused,
    "identify_photo_card": _identify_photo_card,
    "help_nir": _help_nir,
    "help_serial": _help_serial,
    "decision": _decision,
    "decision_no_consent": _decision_no_consent,
    "quit_confirm": _quit_confirm,
    "contacts": _contacts,
    "contact_edit": _contact_edit,
    "otp": _otp,
    "contacts_updated": _contacts_updated,
    "account": _account,
    "account_refused": _account_refused,
    "success": _success,
}


@pytest.mark.parametrize("step", list(STEPS))
def test_step(step: str, snap_compare: Any, services: Services, settings: Settings) -> None:
    app = make_app(services=services, settings=settings)
    app.outbox_visible = step in {"otp", "contacts_updated", "home"}

    async def run_before(pilot: Pilot[None]) -> None:
        await STEPS[step](pilot, services)
        # A pressed button keeps its "-active" look for 0.2 s: let it settle first.
        await pilot.pause(0.4)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
