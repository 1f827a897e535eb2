"""One snapshot per step of the code-first journey, each looked at before it was accepted.

Regenerate with `python -m pytest tests/ui/test_snapshots.py --snapshot-update`, then look at
every changed SVG before committing it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from drive import (
    change_mobile,
    choose_activate,
    fill_account,
    fill_identify,
    session_tick,
    to_account,
    to_contacts,
    to_decision,
    to_identify,
    to_opposition_confirm,
    to_opposition_done,
    to_outcome,
    to_regenerate,
    to_success,
)
from support import person_id, type_text
from textual.pilot import Pilot
from textual.widgets import Input

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.clock import ManualClock, StoreClock
from mes_sante_tui.core.faults import Fault, FaultPlan
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import DisplayTheme, JourneyVariant, Settings

SIZE = (110, 36)
Driver = Callable[[Pilot[None], Services], Awaitable[None]]


async def settle(pilot: Pilot[None]) -> None:
    """Let every screen come to rest before it is captured.

    Focusing a widget scrolls it to the centre with an animation, scheduled after a refresh:
    on a loaded machine a capture could land mid-scroll, one line off. A pressed button also
    keeps its "-active" look for 0.2 s.
    """
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.4)


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
    await settle(pilot)
    await pilot.press("enter")
    await pilot.pause()


async def _help_nir(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    pilot.app.screen.query_one("#where-nir").focus()
    await settle(pilot)
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


async def _send_code(pilot: Pilot[None], services: Services) -> None:
    await to_regenerate(pilot)
    person = services.store.person(person_id(services, "martine"))
    await type_text(pilot, person.nir)
    await pilot.press("tab", "tab")
    await type_text(pilot, "10/03/1973")
    await pilot.press("tab", "enter", "tab")
    await type_text(pilot, "953701166")
    await pilot.press("enter")
    await pilot.pause()


async def _code_regenerated(pilot: Pilot[None], services: Services) -> None:
    await _send_code(pilot, services)
    await pilot.press("enter")  # the only channel chosen: e-mail
    pilot.app.screen.query_one("#validate").focus()
    await pilot.press("enter")
    await pilot.pause()


async def _session_warning(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    app = pilot.app
    assert isinstance(app, MesSanteApp)
    clock = app.engine.clock
    assert isinstance(clock, StoreClock) and isinstance(clock.base, ManualClock)
    clock.base.advance(app.settings.session_timeout - timedelta(seconds=90))
    await session_tick(pilot)


async def _settings(pilot: Pilot[None], services: Services) -> None:
    pilot.app.screen.query_one("#settings").focus()
    await pilot.press("enter")
    await pilot.pause()


async def _opposition_confirm(pilot: Pilot[None], services: Services) -> None:
    await to_opposition_confirm(pilot, services)


async def _opposition_done(pilot: Pilot[None], services: Services) -> None:
    await to_opposition_done(pilot, services)
    # The default folder depends on the machine: show a fixed one.
    pilot.app.screen.query_one("#folder", Input).value = "/home/conseiller/Documents/mes_sante_tui"
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
    "success": to_success,
    "regenerate": lambda pilot, _services: to_regenerate(pilot),
    "send_code": _send_code,
    "code_regenerated": _code_regenerated,
    "outcome_code_expired": to_outcome,
    "session_warning": _session_warning,
    "settings": _settings,
    "opposition_confirm": _opposition_confirm,
    "opposition_done": _opposition_done,
}


async def _birth_date(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)


async def _vitale(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    await type_text(pilot, "05/11/2019")  # the twins' date of birth
    await pilot.press("enter")
    await pilot.pause()


async def _choose_profile(pilot: Pilot[None], services: Services) -> None:
    await _vitale(pilot, services)
    person = services.store.person(person_id(services, "martine"))
    await type_text(pilot, person.nir)
    await pilot.press("tab", "tab", "enter", "tab")
    await type_text(pilot, "953701166")
    await pilot.press("enter")
    await pilot.pause()


async def _representative(pilot: Pilot[None], services: Services) -> None:
    await _choose_profile(pilot, services)
    await pilot.press("down", "enter")  # Lina
    pilot.app.screen.query_one("#continue").focus()
    await pilot.press("enter")
    await pilot.pause()


async def _code(pilot: Pilot[None], services: Services) -> None:
    await _representative(pilot, services)
    await pilot.press("enter")  # « Je certifie être le représentant légal de Lina »
    pilot.app.screen.query_one("#continue").focus()
    await pilot.press("enter")
    await pilot.pause()


async def _code_sent(pilot: Pilot[None], services: Services) -> None:
    await _code(pilot, services)
    await pilot.press("down", "enter")  # by SMS
    pilot.app.screen.query_one("#send").focus()
    await pilot.press("enter")
    await pilot.pause()


async def _trainer_panel(pilot: Pilot[None], services: Services) -> None:
    """F6 « Formateur » on the decision, one fault in force until removed."""
    await to_decision(pilot, services)
    FaultPlan(services.store).inject(
        Fault.CODE_NOT_RECEIVED, once=False, now=services.engine.clock.now()
    )
    await pilot.press("f6")
    await pilot.pause()


async def _outcome_service_unavailable(pilot: Pilot[None], services: Services) -> None:
    """A trainer's « service-indisponible »: the decision answers it on its own screen."""
    await to_decision(pilot, services)
    FaultPlan(services.store).inject(
        Fault.SERVICE_UNAVAILABLE, once=True, now=services.engine.clock.now()
    )
    await choose_activate(pilot)


STEPS.update({
    "trainer_panel": _trainer_panel,
    "outcome_service_unavailable": _outcome_service_unavailable,
})


IDENTITY_FIRST_STEPS: dict[str, Driver] = {
    "birth_date": _birth_date,
    "vitale": _vitale,
    "choose_profile": _choose_profile,
    "representative": _representative,
    "code": _code,
    "code_sent": _code_sent,
}


@pytest.mark.parametrize("step", list(STEPS))
def test_step(step: str, snap_compare: Any, services: Services, settings: Settings) -> None:
    app = make_app(services=services, settings=settings)
    app.outbox_visible = step in {"otp", "contacts_updated", "home"}

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the home page composed: it is composed once Textual is ready
        await STEPS[step](pilot, services)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("step", list(IDENTITY_FIRST_STEPS))
def test_identity_first_step(step: str, snap_compare: Any, services: Services) -> None:
    app = make_app(services=services, settings=Settings(journey=JourneyVariant.IDENTITY_FIRST))
    app.outbox_visible = step == "code_sent"

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the home page composed: it is composed once Textual is ready
        await IDENTITY_FIRST_STEPS[step](pilot, services)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


# The high-contrast themes, where focus, errors, choices and the current step show most.
HIGH_CONTRAST_SHOTS = [
    (DisplayTheme.HIGH_CONTRAST_DARK, "decision_no_consent"),
    (DisplayTheme.HIGH_CONTRAST_LIGHT, "decision_no_consent"),
    (DisplayTheme.HIGH_CONTRAST_LIGHT, "identify_refused"),
]


@pytest.mark.parametrize(
    ("theme", "step"), HIGH_CONTRAST_SHOTS, ids=[f"{t.value}-{s}" for t, s in HIGH_CONTRAST_SHOTS]
)
def test_high_contrast(
    theme: DisplayTheme, step: str, snap_compare: Any, services: Services
) -> None:
    app = make_app(services=services, settings=Settings(theme=theme))
    app.outbox_visible = False

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the home page composed: it is composed once Textual is ready
        await STEPS[step](pilot, services)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
