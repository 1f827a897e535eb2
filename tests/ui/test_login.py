"""Pilot tests: « Se connecter » by keyboard, from the home page to the logged-in space, and
what the login says when something is wrong."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from drive import (
    choose_activate,
    fill_account,
    fill_identify,
    open_step,
    to_identify,
)
from support import (
    current,
    latest_otp,
    leave_anyway,
    person_id,
    persona_code,
    tab_to,
    type_text,
)
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from mes_sante_tui.app import SPACE_MODE, make_app
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.engine import Activated, Choice, Identified
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel, ProfileStatus
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.screens import (
    AccountScreen,
    ContactsScreen,
    DecisionScreen,
    HomeScreen,
    LoginCodeScreen,
    LoginScreen,
    OutcomeScreen,
    RepresentativeScreen,
    SpaceScreen,
    SuccessScreen,
)
from mes_sante_tui.widgets import ErrorSummary, FormField
from mes_sante_tui.wording import t

SIZE = (110, 36)
IDENTIFIER, PASSWORD = "sebastien.leguellec", "Phare#Ouest2022"
FAILED = "Identifiant ou mot de passe incorrect. Vérifiez votre saisie et réessayez."


# --- helpers -------------------------------------------------------------------------------


async def open_login(pilot: Pilot[None]) -> LoginScreen:
    """Home → Tab to « J'ai déjà activé Mon espace santé ? Me connecter » → Entrée."""
    await tab_to(pilot, "login")
    await pilot.press("enter")
    await pilot.pause()
    screen = current(pilot.app)
    assert isinstance(screen, LoginScreen)
    assert pilot.app.focused is screen.query_one("#identifier")
    return screen


async def replace(pilot: Pilot[None], input_id: str, text: str) -> None:
    """Go to the field by Tab, select what it holds and type `text` over it."""
    field = pilot.app.screen.query_one(f"#{input_id}", Input)
    await tab_to(pilot, input_id)
    if field.value:
        await pilot.press("ctrl+shift+a", "backspace")
    await type_text(pilot, text)
    assert field.value == text, (input_id, field.value)


async def log_in(pilot: Pilot[None], identifier: str, password: str) -> None:
    """Type both fields from the identifier field, then Entrée in the password field."""
    await replace(pilot, "identifier", identifier)
    await replace(pilot, "password", password)
    await pilot.press("enter")
    await pilot.pause()


def value_of(screen: Screen[Any], input_id: str) -> str:
    return screen.query_one(f"#{input_id}", Input).value


def field_errors(screen: Screen[Any]) -> dict[str, str]:
    return {
        f.input_widget.id or "": f.error
        for f in screen.query(FormField).results(FormField)
        if f.error is not None
    }


def summary(screen: Screen[Any]) -> list[str]:
    return screen.query_one(ErrorSummary).lines


def text_of(screen: Screen[Any], widget_id: str) -> str:
    widget = screen.query_one(f"#{widget_id}", Static)
    assert widget.display, widget_id
    return str(widget.content)


# --- tests ---------------------------------------------------------------------------------


async def test_log_in_by_keyboard_with_the_code_from_the_outbox(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    sebastien = person_id(services, "sebastien")
    async with app.run_test(size=SIZE) as pilot:
        login = await open_login(pilot)
        assert app.session is not None and app.session.account_id is None
        assert login.query_one("#password", Input).password  # masked while typed

        await type_text(pilot, IDENTIFIER)
        await pilot.press("tab")
        await type_text(pilot, PASSWORD)
        await pilot.press("enter")  # Entrée in the password field submits
        await pilot.pause()

        code_screen = current(app)
        assert isinstance(code_screen, LoginCodeScreen)
        assert "seb*****@exemple.fr" in text_of(code_screen, "sent-to")
        assert app.focused is code_screen.query_one("#otp")
        newest = max(services.store.outbox(), key=lambda m: m.id)
        assert newest.person_id == sebastien
        assert newest.subject == "Mon espace santé : votre code de connexion"

        await type_text(pilot, latest_otp(services))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()

        assert app.session is not None and app.session.account_id == sebastien
        assert isinstance(current(app), SpaceScreen)
        # The space's own area (mode), the login left behind with the journey's stack.
        assert app.current_mode == SPACE_MODE
        assert [type(s) for s in app.screen_stack] == [SpaceScreen]


async def test_wrong_password_and_unknown_identifier_say_the_same_and_keep_the_input(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        login = await open_login(pilot)
        outbox_before = len(services.store.outbox())

        await log_in(pilot, IDENTIFIER, "Phare#Ouest2023")  # one character off
        assert current(app) is login
        assert summary(login) == [f"⚠ {FAILED}"]
        assert field_errors(login) == {}
        assert value_of(login, "identifier") == IDENTIFIER
        assert value_of(login, "password") == "Phare#Ouest2023"
        assert app.focused is login.query_one(ErrorSummary)  # read first

        await log_in(pilot, "personne.inconnue", PASSWORD)
        assert current(app) is login
        assert summary(login) == [f"⚠ {FAILED}"]  # nothing tells which one was wrong
        assert value_of(login, "identifier") == "personne.inconnue"
        assert value_of(login, "password") == PASSWORD
        assert len(services.store.outbox()) == outbox_before  # no code sent
        assert app.session is not None and app.session.account_id is None


async def test_empty_fields_are_named_under_each_field(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        login = await open_login(pilot)
        await tab_to(pilot, "login")  # « Se connecter » with nothing typed
        await pilot.press("enter")
        await pilot.pause()
        assert field_errors(login) == {
            "identifier": "Saisir votre identifiant",
            "password": "Saisir votre mot de passe",
        }
        lines = summary(login)
        assert any("Identifiant" in line and "Saisir votre identifiant" in line for line in lines)
        assert any("Mot de passe" in line and "Saisir votre mot de passe" in line for line in lines)
        assert app.focused is login.query_one("#identifier")  # the first field in error

        await type_text(pilot, IDENTIFIER)
        await pilot.press("enter")  # still no password
        await pilot.pause()
        assert field_errors(login) == {"password": "Saisir votre mot de passe"}
        assert value_of(login, "identifier") == IDENTIFIER
        assert app.focused is login.query_one("#password")


async def test_show_and_hide_the_password(services: Services, settings: Settings) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        login = await open_login(pilot)
        field = login.query_one("#password", Input)
        await pilot.press("f3")
        assert not field.password
        await pilot.press("f3")
        assert field.password
        await tab_to(pilot, "show")  # the box does the same
        await pilot.press("space")
        assert not field.password


async def test_a_new_code_replaces_the_old_one_and_a_wrong_code_is_said(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    sebastien = person_id(services, "sebastien")
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        await log_in(pilot, IDENTIFIER, PASSWORD)
        code_screen = current(app)
        assert isinstance(code_screen, LoginCodeScreen)
        first = latest_otp(services)

        await tab_to(pilot, "resend")  # « Envoyer à nouveau le code »
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(code_screen, "resent") == (
            "✓ Un nouveau code vous a été envoyé par e-mail (seb*****@exemple.fr) ; "
            "il remplace le précédent."
        )
        assert app.focused is code_screen.query_one("#otp")
        second = latest_otp(services)

        wrong = "000000" if first != "000000" and second != "000000" else "111111"
        await type_text(pilot, wrong)
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is code_screen
        assert field_errors(code_screen) == {"otp": "Vérifier le code à usage unique et réessayer"}
        assert value_of(code_screen, "otp") == wrong

        assert first != second
        await replace(pilot, "otp", first)  # the old code no longer works
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is code_screen
        assert field_errors(code_screen) == {"otp": "Vérifier le code à usage unique et réessayer"}

        await replace(pilot, "otp", "12a456")
        await pilot.press("enter")
        await pilot.pause()
        assert field_errors(code_screen) == {"otp": "Saisir un code valide"}
        assert summary(code_screen) == [
            "⚠ 1 erreur à corriger :",
            "• Code à usage unique : Saisir un code valide",
        ]

        await replace(pilot, "otp", second)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.session is not None and app.session.account_id == sebastien
        assert isinstance(current(app), SpaceScreen)


async def test_too_many_wrong_codes_go_back_to_the_login_with_the_wait(
    services: Services, settings: Settings, clock: ManualClock
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        login = await open_login(pilot)
        await log_in(pilot, IDENTIFIER, PASSWORD)
        code_screen = current(app)
        assert isinstance(code_screen, LoginCodeScreen)
        right = latest_otp(services)
        wrong = "000000" if right != "000000" else "111111"
        await type_text(pilot, wrong)
        for _ in range(settings.max_login_failures - 1):
            await pilot.press("enter")
            await pilot.pause()
            assert current(app) is code_screen
        await pilot.press("enter")  # the last allowed failure starts a wait
        await pilot.pause()

        assert current(app) is login  # never a dead end: « Mot de passe oublié ? » is here
        assert any("Trop de tentatives de connexion" in line for line in summary(login))
        assert any("1 minute" in line for line in summary(login))
        assert value_of(login, "identifier") == IDENTIFIER

        # Even the right password waits; once the wait is over, logging in works again.
        await log_in(pilot, IDENTIFIER, PASSWORD)
        assert current(app) is login
        assert any("Trop de tentatives de connexion" in line for line in summary(login))
        clock.advance(timedelta(minutes=1, seconds=1))
        await log_in(pilot, IDENTIFIER, PASSWORD)
        assert isinstance(current(app), LoginCodeScreen)


async def test_escape_goes_back_step_by_step_to_the_home_page(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        login = await open_login(pilot)
        await log_in(pilot, IDENTIFIER, PASSWORD)
        assert isinstance(current(app), LoginCodeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) is login
        assert value_of(login, "identifier") == IDENTIFIER
        await pilot.press("f1")
        await pilot.pause()
        assert "Se connecter" in str(current(app).query_one("#dialog-title", Static).content)
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) is login
        await pilot.press("escape")  # the identifier typed would be lost: asked first
        await pilot.pause()
        assert await leave_anyway(pilot) == t("quit.body.typed")
        assert isinstance(current(app), HomeScreen)
        assert app.session is None


async def test_an_existing_profile_offers_to_log_in(
    services: Services, settings: Settings
) -> None:
    """« Un profil existe déjà » during an activation: « Me connecter », focused first."""
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await to_identify(pilot)
        await fill_identify(pilot, services, key="sebastien", serial="01024576124", photo=True)
        await pilot.press("enter")
        await pilot.pause()
        outcome = current(app)
        assert isinstance(outcome, OutcomeScreen)
        assert outcome.title_text() == "Un profil existe déjà"
        assert app.focused is outcome.query_one("#action-login")
        await pilot.press("enter")  # « Me connecter »
        await pilot.pause()
        assert isinstance(current(app), LoginScreen)
        await log_in(pilot, IDENTIFIER, PASSWORD)
        await type_text(pilot, latest_otp(services))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.session is not None
        assert app.session.account_id == person_id(services, "sebastien")
        assert isinstance(current(app), SpaceScreen)
        assert app.current_mode == SPACE_MODE
        assert [type(s) for s in app.screen_stack] == [SpaceScreen]


async def test_a_parent_who_activated_a_childs_profile_first_logs_in(
    services: Services, settings: Settings
) -> None:
    """Issue 7, A1: Léa's code with Martine's NIR and card, certify, activate, keep the
    contacts, create `martine.leguellec`; then « Se connecter » with those details opens her
    space, which shows her own pending profile with « Activer » and « S'opposer »."""
    app = make_app(services=services, settings=settings)
    martine, lea = person_id(services, "martine"), person_id(services, "lea")
    identifier, password = "martine.leguellec", "Kayak#Loire2026"
    async with app.run_test(size=SIZE) as pilot:
        await to_identify(pilot)
        await fill_identify(pilot, services, key="lea", holder="martine")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), RepresentativeScreen)
        await pilot.press("enter")  # « Je certifie être le représentant légal de Léa … »
        await tab_to(pilot, "continue")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), DecisionScreen)
        await choose_activate(pilot)
        assert isinstance(current(app), ContactsScreen)  # the contacts are kept as they are
        current(app).query_one("#continue").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), AccountScreen)
        await fill_account(pilot, identifier, password, password)
        await pilot.press("enter")
        await pilot.pause()
        success = current(app)
        assert isinstance(success, SuccessScreen)
        assert services.store.account_identifier(martine) == identifier
        assert services.store.person(lea).status is ProfileStatus.ACTIVATED
        assert services.store.person(martine).status is ProfileStatus.PENDING

        await tab_to(pilot, "discover")  # « Découvrir Mon espace santé »: the login
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), LoginScreen)
        await log_in(pilot, identifier, password)
        assert isinstance(current(app), LoginCodeScreen), summary(current(app))
        await type_text(pilot, latest_otp(services))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        space = current(app)
        assert isinstance(space, SpaceScreen)
        assert app.session is not None and app.session.account_id == martine
        own = str(space.query_one("#own-status", Static).render())
        assert own == "Martine Julie Leguellec : En attente de décision"
        assert [b.id for b in space.query(".action-list Button")] == [
            "own-activer",
            "own-opposer",
        ]
        assert str(space.query_one(f"#status-{lea}", Static).render()).endswith(
            "Profil activé le 22/11/2026"
        )

        # From the space, she activates her own profile: no contacts, no identifier again.
        await tab_to(pilot, "own-activer")
        await pilot.press("enter")
        await pilot.pause()
        decision = current(app)
        assert isinstance(decision, DecisionScreen)
        assert app.focused is decision.query_one("#consent")
        await pilot.press("space")
        await tab_to(pilot, "continue")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), SuccessScreen)
        assert services.store.person(martine).status is ProfileStatus.ACTIVATED


def activate_martine_elsewhere(services: Services) -> None:
    """Another session (another terminal) activates Martine's profile with her code."""
    engine = services.engine
    martine = services.store.person(person_id(services, "martine"))
    session = engine.start_session()
    identified = engine.identify_with_code(
        session, code=persona_code(services, "martine"), nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO, serial="953701166",
    )
    assert isinstance(identified, Identified), identified
    assert engine.decide(session, Choice.ACTIVATE, True).ok
    assert engine.confirm_contacts(session).ok
    created = engine.create_account(
        session, identifier_raw="martine.ailleurs", password_raw="Kayak#Loire2026",
        confirmation="Kayak#Loire2026",
    )
    assert isinstance(created, Activated), created


async def test_an_activation_finished_elsewhere_says_the_profile_exists(
    services: Services, settings: Settings
) -> None:
    """Issue 7, A3: two sessions activating the same person; the second is told « Un profil
    a déjà été créé … » on its own screen, with « Me connecter », and nothing is written."""
    app = make_app(services=services, settings=settings)
    martine = person_id(services, "martine")
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.ACCOUNT)  # the way there is not the point
        assert isinstance(current(app), AccountScreen)
        activate_martine_elsewhere(services)
        await fill_account(pilot, "martine.leguellec", "Kayak#Loire2026", "Kayak#Loire2026")
        await pilot.press("enter")
        await pilot.pause()
        outcome = current(app)
        assert isinstance(outcome, OutcomeScreen)
        assert outcome.title_text() == "Un profil existe déjà"
        assert app.focused is outcome.query_one("#action-login")
    assert services.store.account_identifier(martine) == "martine.ailleurs"
    assert not services.store.identifier_taken("martine.leguellec")


async def test_a_code_used_elsewhere_is_refused_at_the_decision(
    services: Services, settings: Settings
) -> None:
    """Issue 7, A2: the code was used by another session (an opposition) while this one was
    on the decision screen: « Votre code provisoire a déjà été utilisé » on its own screen."""
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)  # the way there is not the point
        assert isinstance(current(app), DecisionScreen)
        engine = services.engine
        other = engine.start_session()
        martine = services.store.person(person_id(services, "martine"))
        assert isinstance(
            engine.identify_with_code(
                other, code=persona_code(services, "martine"), nir=martine.nir,
                model=CardModel.WITHOUT_PHOTO, serial="953701166",
            ),
            Identified,
        )
        assert engine.decide(other, Choice.OPPOSE, False).ok
        assert engine.confirm_opposition(other).ok
        await choose_activate(pilot)
        outcome = current(app)
        assert isinstance(outcome, OutcomeScreen)
        assert outcome.title_text() == "Votre code provisoire a déjà été utilisé"
    assert services.store.person(martine.id).status is ProfileStatus.OPPOSED
