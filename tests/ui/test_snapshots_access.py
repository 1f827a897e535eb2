"""One snapshot per screen of « Se connecter », « Identifiant oublié » and « Mot de passe
oublié », each looked at before it was accepted.

Regenerate with `python -m pytest tests/ui/test_snapshots_access.py --snapshot-update`, then
look at every changed SVG before committing it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from drive import fill_identify, to_identify
from support import latest_otp, tab_to, type_text
from textual.pilot import Pilot

from mes_sante_tui.app import make_app
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings

SIZE = (110, 36)
Driver = Callable[[Pilot[None], Services], Awaitable[None]]

IDENTIFIER, PASSWORD = "sebastien.leguellec", "Phare#Ouest2022"
NIR, BORN, SERIAL = "1 71 06 35 238 112 10", "22/06/1971", "01024576124"


async def settle(pilot: Pilot[None]) -> None:
    """Let the screen come to rest (focus scroll animation, a pressed button's flash)."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.4)


async def press_on(pilot: Pilot[None], widget_id: str) -> None:
    await tab_to(pilot, widget_id)
    await pilot.press("enter")
    await pilot.pause()


async def _login(pilot: Pilot[None], services: Services) -> None:
    await press_on(pilot, "login")
    await type_text(pilot, IDENTIFIER)
    await pilot.press("tab")
    await type_text(pilot, "Phare#")  # masked while typed


async def _login_refused(pilot: Pilot[None], services: Services) -> None:
    await press_on(pilot, "login")
    await type_text(pilot, IDENTIFIER)
    await pilot.press("tab")
    await pilot.press("enter")  # no password


async def _login_failed(pilot: Pilot[None], services: Services) -> None:
    await press_on(pilot, "login")
    await type_text(pilot, IDENTIFIER)
    await pilot.press("tab")
    await type_text(pilot, "Phare#Ouest2023")
    await pilot.press("enter")
    await pilot.pause()


async def _login_code(pilot: Pilot[None], services: Services) -> None:
    await press_on(pilot, "login")
    await type_text(pilot, IDENTIFIER)
    await pilot.press("tab")
    await type_text(pilot, PASSWORD)
    await pilot.press("enter")
    await pilot.pause()


async def _login_code_refused(pilot: Pilot[None], services: Services) -> None:
    await _login_code(pilot, services)
    await press_on(pilot, "resend")
    wrong = "000000" if latest_otp(services) != "000000" else "111111"
    await type_text(pilot, wrong)
    await pilot.press("enter")
    await pilot.pause()


async def _forgot_identifier(pilot: Pilot[None], services: Services) -> None:
    await press_on(pilot, "login")
    await press_on(pilot, "forgot-identifier")
    await type_text(pilot, NIR)
    await pilot.press("tab", "tab")
    await type_text(pilot, "31/02/1971")
    await pilot.press("enter")  # not a calendar day
    await pilot.pause()


async def _recovery_channel_identifier(pilot: Pilot[None], services: Services) -> None:
    await press_on(pilot, "login")
    await press_on(pilot, "forgot-identifier")
    await type_text(pilot, NIR)
    await pilot.press("tab", "tab")
    await type_text(pilot, BORN)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("enter")  # by e-mail


async def _identifier_sent(pilot: Pilot[None], services: Services) -> None:
    await _recovery_channel_identifier(pilot, services)
    await press_on(pilot, "send")


async def _forgot_password(pilot: Pilot[None], services: Services) -> None:
    await press_on(pilot, "login")
    await press_on(pilot, "forgot-password")
    await type_text(pilot, NIR)
    await pilot.press("tab", "tab")
    await type_text(pilot, BORN)
    await pilot.press("tab", "down", "enter", "tab")  # « Carte Vitale avec photo »
    await type_text(pilot, SERIAL)


async def _recovery_channel_password(pilot: Pilot[None], services: Services) -> None:
    await _forgot_password(pilot, services)
    await pilot.press("enter")
    await pilot.pause()


async def _recovery_code(pilot: Pilot[None], services: Services) -> None:
    await _recovery_channel_password(pilot, services)
    await pilot.press("down", "enter")  # by SMS
    await press_on(pilot, "send")


async def _new_password(pilot: Pilot[None], services: Services) -> None:
    await _recovery_code(pilot, services)
    await type_text(pilot, latest_otp(services))
    await pilot.press("enter")
    await pilot.pause()
    await type_text(pilot, "falaise#26")  # no capital letter yet


async def _password_changed(pilot: Pilot[None], services: Services) -> None:
    await _recovery_code(pilot, services)
    await type_text(pilot, latest_otp(services))
    await pilot.press("enter")
    await pilot.pause()
    await type_text(pilot, "Falaise#Nord2026")
    await pilot.press("tab")
    await type_text(pilot, "Falaise#Nord2026")
    await pilot.press("enter")
    await pilot.pause()


async def _outcome_already_exists(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    await fill_identify(pilot, services, key="sebastien", serial=SERIAL, photo=True)
    await pilot.press("enter")
    await pilot.pause()


STEPS: dict[str, Driver] = {
    "login": _login,
    "login_refused": _login_refused,
    "login_failed": _login_failed,
    "login_code": _login_code,
    "login_code_refused": _login_code_refused,
    "forgot_identifier": _forgot_identifier,
    "recovery_channel_identifier": _recovery_channel_identifier,
    "identifier_sent": _identifier_sent,
    "forgot_password": _forgot_password,
    "recovery_channel_password": _recovery_channel_password,
    "recovery_code": _recovery_code,
    "new_password": _new_password,
    "password_changed": _password_changed,
    "outcome_already_exists": _outcome_already_exists,
}

# Where the outbox shows what was just sent.
WITH_OUTBOX = {"login_code", "identifier_sent", "recovery_code"}


@pytest.mark.parametrize("step", list(STEPS))
def test_access_step(step: str, snap_compare: Any, services: Services, settings: Settings) -> None:
    app = make_app(services=services, settings=settings)
    app.outbox_visible = step in WITH_OUTBOX

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the home page composed: it is composed once Textual is ready
        await STEPS[step](pilot, services)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
