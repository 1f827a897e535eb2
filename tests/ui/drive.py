"""Keyboard drivers that bring the app to a given step, shared by Pilot and snapshot tests."""

from __future__ import annotations

from datetime import timedelta

from support import current, latest_otp, person_id, persona_code, press_each, tab_to, type_text
from textual.pilot import Pilot

from mes_sante_tui.app import MesSanteApp
from mes_sante_tui.core.clock import ManualClock, StoreClock
from mes_sante_tui.core.engine import Choice
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.dialogs.session_warning import SessionWarningScreen
from mes_sante_tui.screens.space import SpaceScreen


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
    await press_each(pilot, "tab", "tab")  # past « Générer un nouveau code provisoire »
    await type_text(pilot, f"{person.nir[0]} {person.nir[1:3]} {person.nir[3:]}")
    await press_each(pilot, "tab", "tab")  # past « Où trouver mon numéro de sécurité sociale ? »
    await press_each(pilot, *(["down"] if photo else []), "enter", "tab")  # the card model
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
    await press_each(pilot, "tab")
    await type_text(pilot, password)
    await press_each(pilot, "tab")
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


async def open_step(
    pilot: Pilot[None], services: Services, step: Step, *, stacked: bool = False,
    key: str = "martine", serial: str = "953701166",
) -> None:
    """Martine (or the persona `key`, card without photo `serial`) on `step` (decision,
    contacts or account) in the app's variant, the steps before done by engine calls: for
    tests of what a screen says, not of the way there.

    `stacked` (code first): the earlier steps' screens are shown too, as the router leaves
    them after each accepted step, so that going back finds them."""
    app = pilot.app
    assert isinstance(app, MesSanteApp)
    martine = services.store.person(person_id(services, key))
    app.start_journey()
    session = app.session
    assert session is not None
    engine = services.engine
    found = engine.identify_with_code(
        session,
        code=persona_code(services, key),
        nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO,
        serial=serial,
    )
    assert found.ok, found
    route = [Step.IDENTIFY, Step.DECISION]
    if step in (Step.CONTACTS, Step.ACCOUNT):
        assert engine.decide(session, Choice.ACTIVATE, True).ok
        route.append(Step.CONTACTS)
    if step is Step.ACCOUNT:
        assert engine.confirm_contacts(session).ok
        route.append(Step.ACCOUNT)
    for shown in route if stacked else [step]:
        app.goto(shown)
    await pilot.pause()
    assert getattr(app.screen, "STEP", None) is step, app.screen


# --- the other screens, for the tests that visit every one ------------------------------
# Sébastien (already active, card with photo) logs in; his NIR, date of birth and serial.
SEBASTIEN_ID, SEBASTIEN_PASSWORD = "sebastien.leguellec", "Phare#Ouest2022"
SEBASTIEN_NIR, SEBASTIEN_BORN = "1 71 06 35 238 112 10", "22/06/1971"
SEBASTIEN_SERIAL = "01024576124"


async def press_on(pilot: Pilot[None], widget_id: str) -> None:
    """Tab to a button or link, press it, and let what it opens come."""
    await tab_to(pilot, widget_id)
    await pilot.press("enter")
    await pilot.pause()


async def to_regenerate(pilot: Pilot[None]) -> None:
    """« Générer un nouveau code provisoire », from « Je m'identifie »."""
    await to_identify(pilot)
    pilot.app.screen.query_one("#regenerate").focus()
    await pilot.press("enter")
    await pilot.pause()


async def fill_regenerate(pilot: Pilot[None], services: Services, born: str) -> None:
    """Martine's NIR and card, with a date of birth (hers, or one of her children's)."""
    await to_regenerate(pilot)
    await type_text(pilot, services.store.person(person_id(services, "martine")).nir)
    await pilot.press("tab", "tab")
    await type_text(pilot, born)
    await pilot.press("tab", "enter", "tab")
    await type_text(pilot, "953701166")
    await pilot.press("enter")
    await pilot.pause()


async def to_send_code(pilot: Pilot[None], services: Services) -> None:
    """« Envoi du code provisoire » for Martine."""
    await fill_regenerate(pilot, services, "10/03/1973")


async def to_choose_profile(pilot: Pilot[None], services: Services) -> None:
    """The twins' date of birth on « Générer un nouveau code provisoire »: which child?"""
    await fill_regenerate(pilot, services, "05/11/2019")


async def to_representative(pilot: Pilot[None], services: Services) -> None:
    """Léa's code with her mother's NIR and card: « Je certifie être le représentant légal »."""
    await to_identify(pilot)
    await fill_identify(pilot, services, key="lea", holder="martine")
    await pilot.press("enter")
    await pilot.pause()


async def to_outcome(pilot: Pilot[None], services: Services) -> None:
    """Nathalie's code has expired: the outcome on its own screen."""
    await to_identify(pilot)
    await fill_identify(pilot, services, key="nathalie", serial="845201937")
    await pilot.press("enter")
    await pilot.pause()


async def to_session_warning(pilot: Pilot[None]) -> None:
    """« Votre session va bientôt expirer »: the clock moved to 90 s before the end, then the
    app's session check (its timer calls it every second)."""
    await to_identify(pilot)
    app = pilot.app
    assert isinstance(app, MesSanteApp)
    clock = app.engine.clock
    assert isinstance(clock, StoreClock) and isinstance(clock.base, ManualClock)
    clock.base.advance(app.settings.session_timeout - timedelta(seconds=90))
    app.check_session()
    await pilot.pause()


async def session_tick(pilot: Pilot[None]) -> None:
    """What the app's once-a-second timers do, done now: the session's warning or expiry,
    and the warning's countdown. Tests call it rather than wait for the timers, which a
    loaded machine may run late."""
    app = pilot.app
    assert isinstance(app, MesSanteApp)
    app.check_session()
    await pilot.pause()
    if isinstance(app.screen, SessionWarningScreen):
        app.screen.count_down()
        await pilot.pause()


async def to_success(pilot: Pilot[None], services: Services) -> None:
    await to_account(pilot, services)
    await fill_account(pilot, "martine.l44", "Kayak#Loire2026", "Kayak#Loire2026")
    await pilot.press("enter")
    await pilot.pause()


async def to_otp(pilot: Pilot[None], services: Services) -> None:
    """A new e-mail typed at the contact check: its one-time code is asked."""
    await to_contacts(pilot, services)
    pilot.app.screen.query_one("#edit-email").focus()
    await pilot.press("enter")
    await pilot.pause()
    await type_text(pilot, "martine.nouvelle@exemple.fr")
    await pilot.press("enter")
    await pilot.pause()


async def to_identity_first_vitale(pilot: Pilot[None]) -> None:
    """Identity-first: Martine's date of birth typed, the card screen comes."""
    await to_identify(pilot)
    await type_text(pilot, "10/03/1973")
    await pilot.press("enter")
    await pilot.pause()


async def to_identity_first_code(pilot: Pilot[None], services: Services) -> None:
    """Identity-first: Martine's date of birth and card, then « Mon code provisoire »."""
    await to_identity_first_vitale(pilot)
    await type_text(pilot, services.store.person(person_id(services, "martine")).nir)
    await pilot.press("tab", "tab", "enter", "tab")
    await type_text(pilot, "953701166")
    await pilot.press("enter")
    await pilot.pause()


async def to_login(pilot: Pilot[None]) -> None:
    await press_on(pilot, "login")  # « J'ai déjà activé Mon espace santé ? Me connecter »


async def to_login_code(pilot: Pilot[None]) -> None:
    await to_login(pilot)
    await type_text(pilot, SEBASTIEN_ID)
    await pilot.press("tab")
    await type_text(pilot, SEBASTIEN_PASSWORD)
    await pilot.press("enter")
    await pilot.pause()


async def to_recovery_channel(pilot: Pilot[None]) -> None:
    """« Identifiant oublié ? » filled in for Sébastien: how to receive the identifier."""
    await to_login(pilot)
    await press_on(pilot, "forgot-identifier")
    await type_text(pilot, SEBASTIEN_NIR)
    await pilot.press("tab", "tab")
    await type_text(pilot, SEBASTIEN_BORN)
    await pilot.press("enter")
    await pilot.pause()


async def to_recovery_code(pilot: Pilot[None]) -> None:
    """« Mot de passe oublié ? » for Sébastien, the code sent by SMS: it is asked."""
    await to_login(pilot)
    await press_on(pilot, "forgot-password")
    await type_text(pilot, SEBASTIEN_NIR)
    await pilot.press("tab", "tab")
    await type_text(pilot, SEBASTIEN_BORN)
    await pilot.press("tab", "down", "enter", "tab")  # « Carte Vitale avec photo »
    await type_text(pilot, SEBASTIEN_SERIAL)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("down", "enter")  # by SMS
    await press_on(pilot, "send")


async def to_new_password(pilot: Pilot[None], services: Services) -> None:
    await to_recovery_code(pilot)
    await type_text(pilot, latest_otp(services))
    await pilot.press("enter")
    await pilot.pause()


async def to_space(pilot: Pilot[None], services: Services) -> None:
    """Sébastien logged in (through the engine, as the login screens do): his space."""
    app = pilot.app
    assert isinstance(app, MesSanteApp)
    await log_in_through_engine(app, pilot, services, SEBASTIEN_ID, SEBASTIEN_PASSWORD)


async def to_manage_profile(pilot: Pilot[None], services: Services) -> None:
    """From Sébastien's space, « Gérer le profil » of Emma after the certification."""
    await to_space(pilot, services)
    await press_on(pilot, f"manage-{person_id(services, 'emma')}")
    await pilot.press("enter")  # « Je certifie être le représentant légal de Emma … »
    await press_on(pilot, "continue")


async def log_in_through_engine(
    app: MesSanteApp, pilot: Pilot[None], services: Services, identifier: str, password: str
) -> SpaceScreen:
    """Log in as the login screens do (password, then the one-time code from the outbox) and
    open the space."""
    session = app.engine.start_session()
    app.session = session
    assert not isinstance(
        app.engine.access.login(session, identifier=identifier, password_raw=password), Refused
    )
    assert not isinstance(
        app.engine.access.verify_login_code(session, latest_otp(services)), Refused
    )
    app.open_space()
    await pilot.pause()
    await pilot.pause()
    screen = current(app)
    assert isinstance(screen, SpaceScreen)
    return screen
