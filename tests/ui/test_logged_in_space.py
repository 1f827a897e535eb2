"""Pilot tests: the logged-in space by keyboard: the account and the statuses, closing and
reopening one's own space (with and without the deletion of the data), « Gérer le profil » of
a child (certification, closure, reopening, activation, opposition), and the household list
after an opposition, where a parent who is not logged in decides for each child.

To reach the space quickly, most tests log in through the engine (the login screens have
their own tests) and then open the space as the login screen does.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from drive import (
    SEBASTIEN_ID,
    SEBASTIEN_PASSWORD,
    choose_activate,
    choose_oppose,
    fill_account,
    log_in_through_engine,
    open_step,
    session_tick,
    to_identify,
)
from support import (
    current,
    leave_anyway,
    person_id,
    persona_code,
    tab_to,
    type_text,
)
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, RadioButton, Static

from mes_sante_tui.app import JOURNEY_MODE, make_app
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.engine import Accepted, Choice
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel, ProfileStatus
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.core.status import status_label
from mes_sante_tui.screens import (
    AccountScreen,
    CloseProfileScreen,
    ContactsScreen,
    DecisionScreen,
    HomeScreen,
    ManageProfileScreen,
    OppositionConfirmScreen,
    OppositionDoneScreen,
    OutcomeScreen,
    RepresentativeScreen,
    ScreenHelpScreen,
    SuccessScreen,
)
from mes_sante_tui.widgets import ErrorSummary, FormField, Stepper
from mes_sante_tui.wording import t

SIZE = (110, 36)
SEBASTIEN = (SEBASTIEN_ID, SEBASTIEN_PASSWORD)
MARTINE_ACCOUNT = ("martine.l44", "Kayak#Loire2026")


# --- helpers -------------------------------------------------------------------------------


def texts(screen: Screen[Any]) -> str:
    """What the main part of the screen shows, as text (not the simulated outbox)."""
    main = screen.query_one("#main")
    return "\n".join(str(s.render()) for s in main.query(Static) if s.display)


def shown(screen: Screen[Any], widget_id: str) -> str:
    return str(screen.query_one(f"#{widget_id}", Static).render())


def status(services: Services, key: str) -> ProfileStatus:
    return services.store.person(person_id(services, key)).status


def newest_subject(services: Services) -> str:
    return max(services.store.outbox(), key=lambda m: m.id).subject


async def help_keys(pilot: Pilot[None]) -> tuple[str, ...]:
    """F1 on the current screen: the keys its help lists; then Escape closes the help."""
    await pilot.press("f1")
    await pilot.pause()
    dialog = current(pilot.app)
    assert isinstance(dialog, ScreenHelpScreen)
    await pilot.press("escape")
    await pilot.pause()
    return dialog.keys


async def press_on(pilot: Pilot[None], widget_id: str) -> None:
    """Tab to the widget, then Entrée."""
    await tab_to(pilot, widget_id)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def certify(pilot: Pilot[None], yes: bool = True) -> None:
    """On « Je certifie être le représentant légal », answer and « Continuer »."""
    assert isinstance(current(pilot.app), RepresentativeScreen)
    if yes:
        await pilot.press("enter")
    else:
        await pilot.press("down", "enter")
    await press_on(pilot, "continue")


async def close_with_password(pilot: Pilot[None], password: str, *, delete: bool) -> None:
    screen = current(pilot.app)
    assert isinstance(screen, CloseProfileScreen)
    assert pilot.app.focused is screen.query_one("#password")
    await type_text(pilot, password)
    if delete:
        await tab_to(pilot, "delete")
        await pilot.press("space")
        assert screen.query_one("#delete", Checkbox).value
    await press_on(pilot, "close")


def give_martine_an_account(services: Services) -> None:
    """Through the engine: Martine opposes for herself, then activates Hugo's profile, which
    creates her account (the account is the parent's, common to her profiles)."""
    engine = services.engine
    martine = services.store.person(person_id(services, "martine"))
    session = engine.start_session()
    identified = engine.identify_with_code(
        session,
        code=persona_code(services, "martine"),
        nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO,
        serial="953701166",
    )
    assert not isinstance(identified, Refused)
    assert isinstance(engine.decide(session, Choice.OPPOSE, False), Accepted)
    assert not isinstance(engine.confirm_opposition(session), Refused)
    assert isinstance(engine.manage_profile(session, person_id(services, "hugo")), Accepted)
    assert isinstance(engine.certify_representative(session, True), Accepted)
    assert isinstance(engine.decide(session, Choice.ACTIVATE, True), Accepted)
    assert isinstance(engine.confirm_contacts(session), Accepted)
    identifier, password = MARTINE_ACCOUNT
    created = engine.create_account(
        session, identifier_raw=identifier, password_raw=password, confirmation=password
    )
    assert not isinstance(created, Refused), created


# --- the space -----------------------------------------------------------------------------


async def test_the_space_shows_the_account_and_every_status(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    emma = person_id(services, "emma")
    async with app.run_test(size=SIZE) as pilot:
        screen = await log_in_through_engine(app, pilot, services, *SEBASTIEN)
        text = texts(screen)
        assert "Bonjour Sébastien !" in text
        assert "Identifiant : sebastien.leguellec" in text
        assert "Adresse e-mail : seb*****@exemple.fr" in text
        assert "Téléphone mobile : ** ** ** *3 14" in text
        assert "sebastien.leguellec@exemple.fr" not in text  # masked everywhere here
        assert shown(screen, "own-status") == (
            "Sébastien Leguellec : Profil activé le 15/02/2022"
        )
        assert shown(screen, f"status-{emma}") == "Emma Leguellec\nProfil activé le 01/03/2022"
        assert str(screen.query_one(f"#manage-{emma}", Button).label) == "Gérer le profil"
        # Active: closing is offered, reopening is not; no stepper of the activation journey.
        assert app.focused is screen.query_one("#own-cloturer")
        assert not screen.query("#own-rouvrir")
        assert not screen.query(Stepper)

        await pilot.press("escape")  # the top of the logged-in area: Escape leaves nothing
        await pilot.pause()
        assert current(app) is screen
        # F1: the keys that work here, from the live bindings: no Escape.
        keys = await help_keys(pilot)
        assert t("help.keys.binding.back") not in keys
        assert t("help.keys.binding.quit") in keys
        assert current(app) is screen

        await press_on(pilot, "logout")
        assert isinstance(current(app), HomeScreen)
        assert app.session is None
        # Back in the journey's area, on a fresh home page; the space was put away whole:
        # the next login finds a new one.
        assert app.current_mode == JOURNEY_MODE
        assert [type(s) for s in app.screen_stack] == [HomeScreen]
        again = await log_in_through_engine(app, pilot, services, *SEBASTIEN)
        assert again is not screen and app.screen_stack == [again]


async def test_the_space_opens_at_its_top_in_a_small_terminal(
    services: Services, settings: Settings
) -> None:
    """Switching to the space's mode resumes it twice: it reads the store and places the
    focus once, so at 80x24 it opens at its top (« Mon espace santé », « Bonjour … »)."""
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await log_in_through_engine(app, pilot, services, *SEBASTIEN)
        await pilot.pause()
        assert screen.query_one("#main").scroll_y == 0
        assert app.focused is screen.query_one("#own-cloturer")


async def test_close_then_reopen_ones_own_space(services: Services, settings: Settings) -> None:
    app = make_app(services=services, settings=settings)
    sebastien = person_id(services, "sebastien")
    async with app.run_test(size=SIZE) as pilot:
        screen = await log_in_through_engine(app, pilot, services, *SEBASTIEN)
        await press_on(pilot, "own-cloturer")
        form = current(app)
        assert isinstance(form, CloseProfileScreen)
        text = texts(form)
        assert "archivées pendant 10 ans" in text and "3 mois" in text
        assert "Profil concerné" not in text  # one's own profile

        # A wrong password: said under the field, kept as typed, nothing closed.
        await close_with_password(pilot, "Phare#Ouest2021", delete=False)
        assert current(app) is form
        field = form.query_one(FormField)
        assert field.error == t("close.password.wrong")
        assert form.query_one(ErrorSummary).lines[1:] == [
            f"• Mot de passe : {t('close.password.wrong')}"
        ]
        assert form.query_one("#password", Input).value == "Phare#Ouest2021"
        assert app.focused is form.query_one("#password")
        assert status(services, "sebastien") is ProfileStatus.ACTIVATED
        assert services.store.closure_of(sebastien) is None

        # F3 shows what was typed; the right password closes.
        await pilot.press("f3")
        assert not form.query_one("#password", Input).password
        await pilot.press("ctrl+shift+a", "backspace")
        await type_text(pilot, SEBASTIEN[1])
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert current(app) is screen
        assert status(services, "sebastien") is ProfileStatus.CLOSED
        assert shown(screen, "notice") == (
            "✓ Mon espace santé a été clôturé le 22/11/2026. Les données sont archivées "
            "pendant 10 ans : il peut être rouvert à tout moment."
        )
        assert shown(screen, "own-status") == "Sébastien Leguellec : Profil clôturé le 22/11/2026"
        assert app.focused is screen.query_one("#own-rouvrir")
        assert not screen.query("#own-cloturer")
        assert newest_subject(services) == "Votre profil Mon espace santé a été clôturé"

        await pilot.press("enter")  # « Rouvrir Mon espace santé »
        await pilot.pause()
        await pilot.pause()
        assert status(services, "sebastien") is ProfileStatus.ACTIVATED
        assert shown(screen, "notice") == (
            "✓ Mon espace santé a été rouvert le 22/11/2026 : les données archivées sont de "
            "nouveau disponibles."
        )
        assert shown(screen, "own-status") == "Sébastien Leguellec : Profil activé le 22/11/2026"
        assert app.focused is screen.query_one("#own-cloturer")
        assert newest_subject(services) == "Votre profil Mon espace santé a été rouvert"
        kinds = [
            row["kind"]
            for row in services.store.query(
                "SELECT kind FROM decisions WHERE person_id = ? ORDER BY id", (sebastien,)
            )
        ]
        assert kinds[-2:] == ["cloturer", "rouvrir"]


async def test_cancelling_the_closure_changes_nothing(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await log_in_through_engine(app, pilot, services, *SEBASTIEN)
        await press_on(pilot, "own-cloturer")
        await type_text(pilot, SEBASTIEN[1])
        await press_on(pilot, "cancel")  # « Annuler »
        assert current(app) is screen
        await press_on(pilot, "own-cloturer")
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) is screen
        assert not screen.query_one("#notice", Static).display
        assert status(services, "sebastien") is ProfileStatus.ACTIVATED


async def test_a_deletion_blocks_reopening_until_it_is_done(
    services: Services, settings: Settings, clock: ManualClock
) -> None:
    app = make_app(services=services, settings=settings)
    sebastien = person_id(services, "sebastien")
    async with app.run_test(size=SIZE) as pilot:
        screen = await log_in_through_engine(app, pilot, services, *SEBASTIEN)
        await press_on(pilot, "own-cloturer")
        await close_with_password(pilot, SEBASTIEN[1], delete=True)
        assert current(app) is screen
        assert "au plus tard le 22/02/2027" in shown(screen, "notice")
        assert shown(screen, "own-status") == (
            "Sébastien Leguellec : Profil clôturé le 22/11/2026 · suppression des données "
            "demandée, au plus tard le 22/02/2027"
        )
        message = max(services.store.outbox(), key=lambda m: m.id)
        assert message.subject == "Votre profil Mon espace santé a été clôturé"
        assert "au plus tard le 22/02/2027" in message.body

        # « Rouvrir » is there, and says why it cannot be done yet, with the date.
        assert app.focused is screen.query_one("#own-rouvrir")
        await pilot.press("enter")
        await pilot.pause()
        summary = screen.query_one(ErrorSummary)
        assert summary.display
        assert summary.message == t("reopen.deletion_pending", due="22/02/2027")
        assert app.focused is summary
        assert status(services, "sebastien") is ProfileStatus.CLOSED

        # Three months later the data are deleted, and the account with them; the session
        # has long expired.
        clock.advance(timedelta(days=92))
        services.engine.catch_up()
        person = services.store.person(sebastien)
        assert person.status is ProfileStatus.DELETED
        assert status_label(person, services.store.closure_of(sebastien)) == (
            "Données supprimées le 22/02/2027"
        )
        assert services.store.account_identifier(sebastien) is None
        assert newest_subject(services) == "Les données de Mon espace santé ont été supprimées"
        await session_tick(pilot)
        outcome = current(app)
        assert isinstance(outcome, OutcomeScreen)
        assert outcome.title_text() == "Votre session a expiré"
        session = services.engine.start_session()
        refused = services.engine.access.login(
            session, identifier=SEBASTIEN[0], password_raw=SEBASTIEN[1]
        )
        assert isinstance(refused, Refused)


# --- « Gérer le profil » of a child, logged in ---------------------------------------------


async def test_manage_emma_close_then_reopen(services: Services, settings: Settings) -> None:
    app = make_app(services=services, settings=settings)
    emma = person_id(services, "emma")
    async with app.run_test(size=SIZE) as pilot:
        space = await log_in_through_engine(app, pilot, services, *SEBASTIEN)
        await press_on(pilot, f"manage-{emma}")
        representative = current(app)
        assert isinstance(representative, RepresentativeScreen)
        assert not representative.query(Stepper)  # logged in: not the activation journey
        await certify(pilot)

        manage = current(app)
        assert isinstance(manage, ManageProfileScreen)
        assert t("help.keys.binding.back") in await help_keys(pilot)  # Escape: the space
        assert shown(manage, "status") == "Statut : Profil activé le 01/03/2022"
        assert "Profil : Emma Leguellec" in texts(manage)
        assert [b.id for b in manage.query("#content Button")] == ["action-cloturer"]
        assert app.focused is manage.query_one("#action-cloturer")

        await pilot.press("enter")
        await pilot.pause()
        form = current(app)
        assert isinstance(form, CloseProfileScreen)
        assert "Profil concerné : Emma Leguellec" in texts(form)
        assert str(form.query_one("#delete", Checkbox).label) == (
            "Je demande la suppression des données de Emma Leguellec"
        )
        await close_with_password(pilot, SEBASTIEN[1], delete=False)
        assert current(app) is manage
        assert shown(manage, "notice").startswith(
            "✓ Le profil de Emma Leguellec a été clôturé le 22/11/2026."
        )
        assert shown(manage, "status") == "Statut : Profil clôturé le 22/11/2026"
        assert status(services, "emma") is ProfileStatus.CLOSED
        assert status(services, "sebastien") is ProfileStatus.ACTIVATED
        message = max(services.store.outbox(), key=lambda m: m.id)
        assert message.address == "sebastien.leguellec@exemple.fr"
        assert "Emma Leguellec" in message.body

        assert app.focused is manage.query_one("#action-rouvrir")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert status(services, "emma") is ProfileStatus.ACTIVATED
        assert "rouvert le 22/11/2026" in shown(manage, "notice")
        assert shown(manage, "status") == "Statut : Profil activé le 22/11/2026"

        await pilot.press("escape")  # back to the space, still logged in, up to date
        await pilot.pause()
        await pilot.pause()
        assert current(app) is space
        assert app.logged_in
        assert shown(space, f"status-{emma}") == "Emma Leguellec\nProfil activé le 22/11/2026"
        assert app.session is not None and app.session.person_id == app.session.account_id


async def test_not_certifying_explains_who_can_act(services: Services, settings: Settings) -> None:
    app = make_app(services=services, settings=settings)
    emma = person_id(services, "emma")
    async with app.run_test(size=SIZE) as pilot:
        space = await log_in_through_engine(app, pilot, services, *SEBASTIEN)
        await press_on(pilot, f"manage-{emma}")
        screen = current(app)
        await certify(pilot, yes=False)
        assert current(app) is screen  # the explanation stays on the form
        summary = screen.query_one(ErrorSummary)
        assert summary.message == t("representative.refused", name="Emma Leguellec")
        assert "3422" in summary.message and "8h30 à 17h30" in summary.message
        assert app.focused is summary

        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert current(app) is space
        assert app.logged_in
        assert status(services, "emma") is ProfileStatus.ACTIVATED


async def test_a_closed_childs_data_deleted_show_in_the_household(
    services: Services, settings: Settings, clock: ManualClock
) -> None:
    app = make_app(services=services, settings=settings)
    emma = person_id(services, "emma")
    async with app.run_test(size=SIZE) as pilot:
        await log_in_through_engine(app, pilot, services, *SEBASTIEN)
        await press_on(pilot, f"manage-{emma}")
        await certify(pilot)
        await press_on(pilot, "action-cloturer")
        await close_with_password(pilot, SEBASTIEN[1], delete=True)
        manage = current(app)
        assert isinstance(manage, ManageProfileScreen)
        await press_on(pilot, "action-rouvrir")
        assert manage.query_one(ErrorSummary).message == t(
            "reopen.deletion_pending", due="22/02/2027"
        )

        clock.advance(timedelta(days=92))
        await session_tick(pilot)  # the session expired meanwhile
        assert isinstance(current(app), OutcomeScreen)
        await pilot.press("enter")  # « Retour à l'accueil »
        await pilot.pause()

        space = await log_in_through_engine(app, pilot, services, *SEBASTIEN)
        assert shown(space, f"status-{emma}") == "Emma Leguellec\nDonnées supprimées le 22/02/2027"
        assert shown(space, "own-status") == "Sébastien Leguellec : Profil activé le 15/02/2022"
        # The data are gone: a new, empty space can be activated for her.
        await press_on(pilot, f"manage-{emma}")
        await certify(pilot)
        manage = current(app)
        assert isinstance(manage, ManageProfileScreen)
        assert [b.id for b in manage.query("#content Button")] == ["action-activer"]


async def test_a_parent_who_opposed_activates_and_decides_for_the_children_from_the_space(
    services: Services, settings: Settings
) -> None:
    give_martine_an_account(services)
    app = make_app(services=services, settings=settings)
    jules, lina = person_id(services, "jules"), person_id(services, "lina")
    async with app.run_test(size=SIZE) as pilot:
        space = await log_in_through_engine(app, pilot, services, *MARTINE_ACCOUNT)
        assert "Bonjour Martine !" in texts(space)
        assert shown(space, "own-status").endswith("Profil opposé le 22/11/2026")
        assert shown(space, f"status-{jules}") == "Jules Leguellec\nEn attente de décision"

        # Jules: « Activer » → the decision, with the choice made, then success at once (the
        # account exists: no contacts, no identifier).
        await press_on(pilot, f"manage-{jules}")
        await certify(pilot)
        assert [b.id for b in current(app).query("#content Button")] == [
            "action-activer",
            "action-opposer",
        ]
        await press_on(pilot, "action-activer")
        decision = current(app)
        assert isinstance(decision, DecisionScreen)
        assert decision.query_one("#activate", RadioButton).value
        assert app.focused is decision.query_one("#consent")
        await pilot.press("space")
        await press_on(pilot, "continue")
        success = current(app)
        assert isinstance(success, SuccessScreen)
        assert "Le profil de Jules Leguellec a bien été activé." in texts(success)
        assert status(services, "jules") is ProfileStatus.ACTIVATED
        assert app.focused is success.query_one("#discover")
        assert not success.query("#restart")
        await pilot.press("enter")  # « Découvrir Mon espace santé »: back to the space
        await pilot.pause()
        await pilot.pause()
        assert current(app) is space
        assert shown(space, f"status-{jules}") == "Jules Leguellec\nProfil activé le 22/11/2026"

        # Lina: « Je m'oppose » → the decision, then the opposition's confirmation and list.
        await press_on(pilot, f"manage-{lina}")
        await certify(pilot)
        await press_on(pilot, "action-opposer")
        decision = current(app)
        assert isinstance(decision, DecisionScreen)
        assert app.focused is decision.query_one("#continue")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), OppositionConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        done = current(app)
        assert isinstance(done, OppositionDoneScreen)
        assert status(services, "lina") is ProfileStatus.OPPOSED
        assert str(done.query_one("#home", Button).label) == "Retour à Mon espace santé"
        await press_on(pilot, "home")
        assert await leave_anyway(pilot) == t("quit.body.certificate")  # not downloaded
        assert current(app) is space
        assert shown(space, f"status-{lina}") == "Lina Leguellec\nProfil opposé le 22/11/2026"

        # Her own profile, last: « Activer Mon espace santé » from the space.
        await press_on(pilot, "own-activer")
        assert isinstance(current(app), DecisionScreen)
        await pilot.press("space")
        await press_on(pilot, "continue")
        assert isinstance(current(app), SuccessScreen)
        assert status(services, "martine") is ProfileStatus.ACTIVATED
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert current(app) is space
        assert shown(space, "own-status").endswith("Profil activé le 22/11/2026")
        assert space.query("#own-cloturer")


# --- the household after an opposition, not logged in -----------------------------------


async def test_after_opposing_the_parent_manages_each_child(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    martine = person_id(services, "martine")
    lea, hugo = person_id(services, "lea"), person_id(services, "hugo")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot, services, Step.DECISION)  # the way there is not the point
        await choose_oppose(pilot)
        await pilot.press("enter")  # « Continuer »
        await pilot.pause()
        done = current(app)
        assert isinstance(done, OppositionDoneScreen)
        assert app.session is not None and app.session.person_id == martine
        manage_ids = [b.id for b in done.query(Button) if (b.id or "").startswith("manage-")]
        kids = ("lea", "hugo", "jules", "lina")
        assert manage_ids == [f"manage-{person_id(services, k)}" for k in kids]
        assert "« Gérer le profil » pour l'activer ou m'y opposer" in texts(done)

        # Escape on the certification goes back to the list, about Martine again.
        await press_on(pilot, f"manage-{person_id(services, 'jules')}")
        assert isinstance(current(app), RepresentativeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) is done
        assert app.session is not None and app.session.person_id == martine

        # Léa: certification, then the decision (no new code), opposition.
        await press_on(pilot, f"manage-{lea}")
        await certify(pilot)
        decision = current(app)
        assert isinstance(decision, DecisionScreen)
        assert "Léa Leguellec" in texts(decision)
        await choose_oppose(pilot)
        await pilot.press("enter")
        await pilot.pause()
        done = current(app)
        assert isinstance(done, OppositionDoneScreen)
        assert status(services, "lea") is ProfileStatus.OPPOSED
        assert "• Léa Leguellec : Profil opposé le 22/11/2026" in texts(done)

        # Hugo (opposed in 2021): activation, then contacts and the account (Martine has none).
        await press_on(pilot, f"manage-{hugo}")
        await certify(pilot)
        await choose_activate(pilot)
        assert isinstance(current(app), ContactsScreen)
        await press_on(pilot, "continue")
        assert isinstance(current(app), AccountScreen)
        await fill_account(pilot, *MARTINE_ACCOUNT, MARTINE_ACCOUNT[1])
        await pilot.press("enter")
        await pilot.pause()
        success = current(app)
        assert isinstance(success, SuccessScreen)
        assert status(services, "hugo") is ProfileStatus.ACTIVATED
        assert status(services, "martine") is ProfileStatus.OPPOSED
        assert services.store.account_identifier(martine) == MARTINE_ACCOUNT[0]
        assert app.session is None
        assert app.focused is success.query_one("#discover")
        await pilot.press("enter")  # « Découvrir Mon espace santé »: not logged in yet
        await pilot.pause()
        from mes_sante_tui.screens import LoginScreen

        assert isinstance(current(app), LoginScreen)


async def test_active_children_are_managed_once_logged_in(
    services: Services, settings: Settings
) -> None:
    give_martine_an_account(services)  # Martine opposed, Hugo is now active
    app = make_app(services=services, settings=settings)
    martine = services.store.person(person_id(services, "martine"))
    hugo, jules = person_id(services, "hugo"), person_id(services, "jules")
    async with app.run_test(size=(120, 40)) as pilot:
        # Léa's code (sent to Martine) with Martine's card: certification, then opposition.
        await to_identify(pilot)
        await type_text(pilot, persona_code(services, "lea"))
        await pilot.press("tab", "tab")
        await type_text(pilot, martine.nir)
        await pilot.press("tab", "tab", "enter", "tab")
        await type_text(pilot, "953701166")
        await pilot.press("enter")
        await pilot.pause()
        await certify(pilot)
        await choose_oppose(pilot)
        await pilot.press("enter")
        await pilot.pause()
        done = current(app)
        assert isinstance(done, OppositionDoneScreen)
        # Hugo is active: status only, and how to manage him; Jules can still be decided on.
        assert "• Hugo Leguellec : Profil activé le 22/11/2026" in texts(done)
        assert not done.query(f"#manage-{hugo}")
        assert done.query(f"#manage-{jules}")
        assert t("opposition.done.login_to_manage") in texts(done)
