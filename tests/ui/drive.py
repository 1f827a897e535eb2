"""Keyboard drivers that bring the app to a given step, shared by Pilot and snapshot tests."""

from __future__ import annotations

from support import latest_otp, person_id, persona_code, type_text
from textual.pilot import Pilot

from mes_sante_tui.app import MesSanteApp
from mes_sante_tui.core.engine import Choice
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.services import Services


async def to_identify(pilot: Pilot[None]) -> None:
    await pilot.press("enter")  # « Activer Mon espace santé »
    await pilot.pause()
    await pilot.press("enter")  # « Commencer »
    await pilot.pause()


async def fill_identify(
    pilot: Pilot[None], services: Services, key: str = "martine", serial: str = "953701166",
    photo: bool = False, holder: str | None = None,
) -> None:
    """Type the persona's code, NIR (with spaces) and card, from the code field; for a child's
    code, `holder` names the parent whose NIR is typed."""
    person = services.store.person(person_id(services, holder or key))
    await type_text(pilot, persona_code(services, key))
    await pilot.press("tab", "tab")  # past « Générer un nouveau code provisoire »
    await type_text(pilot, f"{person.nir[0]} {person.nir[1:3]} {person.nir[3:]}")
    await pilot.press("tab", "tab")  # past « Où trouver mon numéro de sécurité sociale ? »
    if photo:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.press("tab")
    await type_text(pilot, serial)


async def to_decision(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    await fill_identify(pilot, services)
    await pilot.press("enter")
    await pilot.pause()


async def choose_activate(pilot: Pilot[None]) -> None:
    await pilot.press("enter")  # « J'active Mon espace santé »
    await pilot.press("tab", "space")  # « J'accepte »
    pilot.app.screen.query_one("#continue").focus()
    await pilot.press("enter")
    await pilot.pause()


async def to_contacts(pilot: Pilot[None], services: Services) -> None:
    await to_decision(pilot, services)
    await choose_activate(pilot)


async def change_mobile(pilot: Pilot[None], services: Services, number: str) -> None:
    """From the contact check: modify the mobile and confirm with the code from the outbox."""
    pilot.app.screen.query_one("#edit-mobile").focus()
    await pilot.press("enter")
    await pilot.pause()
    await type_text(pilot, number)
    await pilot.press("enter")
    await pilot.pause()
    await type_text(pilot, latest_otp(services))
    await pilot.press("enter")
    await pilot.pause()


async def to_account(pilot: Pilot[None], services: Services) -> None:
    await to_contacts(pilot, services)
    pilot.app.screen.query_one("#continue").focus()
    await pilot.press("enter")
    await pilot.pause()


async def fill_account(pilot: Pilot[None], identifier: str, password: str, confirm: str) -> None:
    await type_text(pilot, identifier)
    await pilot.press("tab")
    await type_text(pilot, password)
    await pilot.press("tab")
    await type_text(pilot, confirm)


async def choose_oppose(pilot: Pilot[None]) -> None:
    await pilot.press("down", "enter")  # « Je m'oppose à la création de Mon espace santé »
    pilot.app.screen.query_one("#continue").focus()
    await pilot.press("enter")
    await pilot.pause()


async def to_opposition_confirm(pilot: Pilot[None], services: Services) -> None:
    await to_decision(pilot, services)
    await choose_oppose(pilot)


async def to_opposition_done(pilot: Pilot[None], services: Services) -> None:
    await to_opposition_confirm(pilot, services)
    await pilot.press("enter")  # « Continuer », focused on arrival
    await pilot.pause()


async def open_step(pilot: Pilot[None], services: Services, step: Step) -> None:
    """Martine on `step` (decision, contacts or account) in the app's variant, the steps
    before done by engine calls: for tests of what a screen says, not of the way there."""
    app = pilot.app
    assert isinstance(app, MesSanteApp)
    martine = services.store.person(person_id(services, "martine"))
    app.start_journey()
    session = app.session
    assert session is not None
    engine = services.engine
    found = engine.identify_with_code(
        session,
        code=persona_code(services, "martine"),
        nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO,
        serial="953701166",
    )
    assert found.ok, found
    if step in (Step.CONTACTS, Step.ACCOUNT):
        assert engine.decide(session, Choice.ACTIVATE, True).ok
    if step is Step.ACCOUNT:
        assert engine.confirm_contacts(session).ok
    app.goto(step)
    await pilot.pause()
    assert getattr(app.screen, "STEP", None) is step, app.screen
