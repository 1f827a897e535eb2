"""Moving around by keyboard: Escape, the « Quitter la page ? » question, Ctrl+Q, F1, F2, and
where the focus lands after every screen change."""

from __future__ import annotations

from typing import Any

import pytest
from drive import open_step
from support import (
    current,
    latest_otp,
    paste,
    person_id,
    persona_code,
    settle,
    tab_to,
    type_text,
)
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Static

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import ProfileStatus
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.screens import (
    AccountScreen,
    ContactEditScreen,
    ContactsScreen,
    DecisionScreen,
    HomeScreen,
    IdentifyScreen,
    OtpScreen,
    QuitConfirmScreen,
    ScreenHelpScreen,
    StartScreen,
    SuccessScreen,
)
from mes_sante_tui.widgets import OutboxPanel, PasswordPair
from mes_sante_tui.wording import t

SIZE = (120, 40)
LINE_3422 = (
    "Pour joindre un conseiller Mon espace santé, appelez le : 3422 (service gratuit + prix "
    "d'un appel local)"
)
HOURS_3422 = "Service disponible du lundi au vendredi de 8h30 à 17h30."



async def press_on(pilot: Pilot[None], widget_id: str, key: str = "enter") -> None:
    await tab_to(pilot, widget_id)
    await pilot.press(key)
    await pilot.pause()


async def enter(pilot: Pilot[None]) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def escape(pilot: Pilot[None]) -> None:
    await pilot.press("escape")
    await pilot.pause()


def assert_focus_visible(app: MesSanteApp) -> None:
    """The focus is on a widget of the current screen that a person can see and reach."""
    focused = app.focused
    assert focused is not None, f"no focus on {app.screen!r}"
    assert focused.screen is app.screen, (focused, app.screen)
    assert focused in app.screen.focus_chain, focused
    assert focused.display and focused.visible, focused
    assert focused.region.area > 0, focused  # laid out on the screen, not scrolled away


async def identify_martine(pilot: Pilot[None], services: Services) -> None:
    """« Je m'identifie » filled by keyboard (code and NIR pasted) and submitted."""
    martine = services.store.person(person_id(services, "martine"))
    await paste(pilot, persona_code(services, "martine"))
    await tab_to(pilot, "nir")
    await paste(pilot, martine.nir)
    await press_on(pilot, "model")  # the first model: « Carte Vitale sans photo »
    await tab_to(pilot, "serial")
    await paste(pilot, "953701166")
    await enter(pilot)
    assert isinstance(current(pilot.app), DecisionScreen)


async def decide_to_activate(pilot: Pilot[None]) -> None:
    await press_on(pilot, "choice")  # « J'active Mon espace santé »
    if not pilot.app.screen.query_one("#consent", Checkbox).value:  # kept when coming back
        await press_on(pilot, "consent", "space")
    await press_on(pilot, "continue")
    assert isinstance(current(pilot.app), ContactsScreen)


def app_for(services: Services, settings: Settings, *, outbox: bool = False) -> MesSanteApp:
    """The app; its outbox panel hidden (as with F2) unless the test is about it: drawing the
    panel at every key would only slow these tests."""
    app = make_app(services=services, settings=settings)
    app.outbox_visible = outbox
    return app


def texts(screen: Screen[Any]) -> list[str]:
    return [str(widget.content) for widget in screen.query(Static).results(Static)]


async def check_help(pilot: Pilot[None], help_key_text: str, title: str) -> None:
    """F1: the current screen's help, the keys and the 3422 line; Escape closes it."""
    app = pilot.app
    assert isinstance(app, MesSanteApp)
    screen, focused = app.screen, app.focused
    await pilot.press("f1")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ScreenHelpScreen), screen
    assert dialog.dialog_title == f"Aide : {title}"
    assert dialog.lines == (help_key_text,)
    shown = texts(dialog)
    assert LINE_3422 in shown and HOURS_3422 in shown
    assert "F1 : aide de l'écran en cours" in shown
    assert_focus_visible(app)
    await escape(pilot)
    assert current(app) is screen
    assert app.focused is focused  # back where the person was


# --- Escape, step by step, and F1 on the main steps -------------------------------------------


async def test_escape_goes_back_on_each_step_and_f1_helps(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert_focus_visible(app)
        await check_help(pilot, t("home.help"), t("home.title"))
        await escape(pilot)  # nothing before the home page
        assert current(app) is home
        assert_focus_visible(app)

        await enter(pilot)
        assert isinstance(current(app), StartScreen)
        assert_focus_visible(app)
        await escape(pilot)
        assert current(app) is home
        assert app.session is None  # nobody identified: no question asked
        assert_focus_visible(app)

        await enter(pilot)
        await enter(pilot)
        identify = app.screen
        assert isinstance(identify, IdentifyScreen)
        assert_focus_visible(app)
        await check_help(pilot, t("identify.help"), t("identify.title"))
        await escape(pilot)
        assert isinstance(current(app), StartScreen)
        assert_focus_visible(app)
        await enter(pilot)
        assert isinstance(current(app), IdentifyScreen)
        assert_focus_visible(app)

        await identify_martine(pilot, services)
        decision = app.screen
        assert_focus_visible(app)
        await check_help(pilot, t("decision.help"), "Bonjour Martine !")
        await decide_to_activate(pilot)
        contacts = app.screen
        assert_focus_visible(app)
        await escape(pilot)
        assert current(app) is decision
        assert_focus_visible(app)
        await decide_to_activate(pilot)
        contacts = app.screen

        await press_on(pilot, "edit-mobile")
        assert isinstance(current(app), ContactEditScreen)
        assert_focus_visible(app)
        await escape(pilot)
        assert current(app) is contacts
        assert app.focused is contacts.query_one("#edit-mobile")
        await press_on(pilot, "edit-mobile")
        await paste(pilot, "07 12 34 56 78")
        await enter(pilot)
        assert isinstance(current(app), OtpScreen)
        assert_focus_visible(app)
        await escape(pilot)
        assert current(app) is contacts
        assert_focus_visible(app)

        await press_on(pilot, "continue")
        account = app.screen
        assert isinstance(account, AccountScreen)
        assert_focus_visible(app)
        await check_help(pilot, t("account.help"), t("account.title"))
        await escape(pilot)
        assert current(app) is contacts
        assert_focus_visible(app)
        await press_on(pilot, "continue")
        assert isinstance(current(app), AccountScreen)

        await paste(pilot, "martine.l44")
        await tab_to(pilot, "password")
        await paste(pilot, "Kayak#Loire2026")
        await tab_to(pilot, "confirmation")
        await paste(pilot, "Kayak#Loire2026")
        await enter(pilot)
        success = app.screen
        assert isinstance(success, SuccessScreen)
        assert_focus_visible(app)
        await escape(pilot)  # the activation is stored: home at once
        assert current(app) is home
        assert app.session is None
        assert_focus_visible(app)
    martine = services.store.person(person_id(services, "martine"))
    assert martine.status is ProfileStatus.ACTIVATED


async def test_success_restart_returns_home_without_question(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.ACCOUNT, stacked=True)
        await paste(pilot, "martine.l44")
        await tab_to(pilot, "password")
        await paste(pilot, "Kayak#Loire2026")
        await tab_to(pilot, "confirmation")
        await paste(pilot, "Kayak#Loire2026")
        await enter(pilot)
        assert isinstance(current(app), SuccessScreen)
        restart = app.screen.query_one("#restart", Button)
        assert str(restart.label) == "Retour au début"
        # « Découvrir Mon espace santé » (the way to log in) comes first, as in guide 002.
        assert app.focused is app.screen.query_one("#discover", Button)
        await tab_to(pilot, "restart")
        await enter(pilot)
        assert isinstance(current(app), HomeScreen)
        assert [type(s) for s in app.screen_stack] == [HomeScreen]
        assert app.session is None
        assert_focus_visible(app)


# --- « Quitter la page ? » ---------------------------------------------------------------------


async def test_escape_on_decision_asks_before_leaving(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION, stacked=True)
        decision = app.screen
        session = app.session
        assert session is not None and session.person_id is not None

        await escape(pilot)
        dialog = app.screen
        assert isinstance(dialog, QuitConfirmScreen)
        shown = texts(dialog)
        assert "Quitter la page ?" in shown
        assert any("l'activation de votre profil sera perdue" in text for text in shown)
        stay = dialog.query_one("#stay", Button)
        assert str(stay.label) == "Rester sur la page"
        assert str(dialog.query_one("#quit", Button).label) == "Quitter"
        assert app.focused is stay  # the safe answer is the default
        await enter(pilot)
        assert current(app) is decision
        assert app.session is session
        assert_focus_visible(app)

        await escape(pilot)
        assert isinstance(current(app), QuitConfirmScreen)
        await escape(pilot)  # Escape on the question also stays
        assert current(app) is decision
        assert app.session is session

        await escape(pilot)
        await press_on(pilot, "quit")
        assert isinstance(current(app), HomeScreen)
        assert [type(s) for s in app.screen_stack] == [HomeScreen]
        assert app.session is None  # the session is dropped
        assert_focus_visible(app)

        # A new journey starts afresh.
        await enter(pilot)
        await enter(pilot)
        assert isinstance(current(app), IdentifyScreen)
        assert app.session is not None and app.session is not session
        assert app.session.person_id is None


async def test_cancel_on_identify_leaves_at_once_when_nothing_is_typed(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot)
        await enter(pilot)
        await press_on(pilot, "cancel")  # nobody identified, nothing typed
        assert isinstance(current(app), HomeScreen)
        assert app.session is None


async def test_leaving_identify_with_a_code_half_typed_asks_first(
    services: Services, settings: Settings
) -> None:
    """Annuler, Escape and Ctrl+Q on « Je m'identifie » with something typed, nobody
    identified yet: « Quitter la page ? » says what was typed would be lost."""
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot)
        await enter(pilot)
        identify = app.screen
        assert isinstance(identify, IdentifyScreen)
        await paste(pilot, "abc")
        for way in ("cancel", "escape", "ctrl+q"):
            if way == "cancel":
                await press_on(pilot, "cancel")
            else:
                await pilot.press(way)  # Ctrl+Q, a priority key, works from inside a field
                await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, QuitConfirmScreen), way
            assert "ce que vous avez saisi sera perdu" in " ".join(texts(dialog)), way
            await enter(pilot)  # « Rester sur la page »
            assert current(app) is identify and app.is_running, way
            assert identify.query_one("#code", Input).value == "abc"
            assert_focus_visible(app)

        await pilot.press("ctrl+q")
        await pilot.pause()
        await press_on(pilot, "quit")  # « Quitter »
        assert not app.is_running
    assert app.return_code == 0


async def test_ctrl_q_quits_at_once_when_nothing_would_be_lost(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot)
        await enter(pilot)
        assert isinstance(current(app), IdentifyScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_going_back_from_a_sub_step_with_something_typed_asks_first(
    services: Services, settings: Settings
) -> None:
    """« Je modifie mon adresse e-mail »: Escape with nothing typed goes back at once; with
    a new address typed, « Quitter la page ? » first, and « Quitter » goes back one step only."""
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.CONTACTS, stacked=True)
        contacts = app.screen
        await press_on(pilot, "edit-email")
        assert isinstance(current(app), ContactEditScreen)
        await escape(pilot)
        assert current(app) is contacts

        await press_on(pilot, "edit-email")
        edit = app.screen
        await paste(pilot, "martine.nouvelle@exemple.fr")
        await press_on(pilot, "cancel")  # « Annuler » asks as Escape does
        assert isinstance(current(app), QuitConfirmScreen)
        await enter(pilot)  # « Rester sur la page »
        assert current(app) is edit
        await escape(pilot)
        assert isinstance(current(app), QuitConfirmScreen)
        await press_on(pilot, "quit")
        assert current(app) is contacts  # back one step, the journey goes on
        assert app.session is not None
        assert_focus_visible(app)


async def test_ctrl_q_mid_journey_asks_first(services: Services, settings: Settings) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION, stacked=True)
        decision = app.screen
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(current(app), QuitConfirmScreen)
        assert app.is_running
        await enter(pilot)  # « Rester sur la page »
        assert current(app) is decision and app.is_running

        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(current(app), QuitConfirmScreen)
        await press_on(pilot, "quit")  # « Quitter »
        assert not app.is_running
    assert app.return_code == 0


async def test_ctrl_q_twice_quits_mid_journey(services: Services, settings: Settings) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.CONTACTS, stacked=True)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(current(app), QuitConfirmScreen)
        await pilot.press("ctrl+q")  # asked, and asked again: the person means it
        await pilot.pause()
        assert not app.is_running


# --- F2: the outbox panel ----------------------------------------------------------------------


async def test_f2_hides_and_shows_the_outbox_on_every_screen(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings, outbox=True)
    async with app.run_test(size=SIZE) as pilot:

        def panel() -> OutboxPanel:
            return app.screen.query_one(OutboxPanel)

        assert panel().display
        assert len(panel().messages) > 0
        await pilot.press("f2")
        assert not panel().display and not app.outbox_visible
        assert_focus_visible(app)

        await enter(pilot)  # the next screen keeps the choice
        assert isinstance(current(app), StartScreen)
        assert not panel().display
        await enter(pilot)
        assert isinstance(current(app), IdentifyScreen)
        assert not panel().display
        await paste(pilot, "abc")
        await pilot.press("f2")  # from inside a field
        assert panel().display
        assert app.screen.query_one("#code").has_focus
        await escape(pilot)
        assert isinstance(current(app), QuitConfirmScreen)  # « abc » would be lost
        await press_on(pilot, "quit")
        assert isinstance(current(app), StartScreen)
        assert panel().display  # a screen shown again follows the choice too
        await pilot.press("f2")
        assert not panel().display
        await escape(pilot)
        assert isinstance(current(app), HomeScreen)
        assert not panel().display


async def test_focus_lands_on_the_new_contact_code_field(
    services: Services, settings: Settings
) -> None:
    """After each sub-screen of the contact check the focus is where the person continues."""
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.CONTACTS, stacked=True)
        contacts = app.screen
        assert app.focused is contacts.query_one("#continue")
        await press_on(pilot, "edit-email")
        assert app.focused is app.screen.query_one("#value")
        await paste(pilot, "martine.nouvelle@exemple.fr")
        await enter(pilot)
        assert isinstance(current(app), OtpScreen)
        assert app.focused is app.screen.query_one("#otp")
        await paste(pilot, latest_otp(services))
        await enter(pilot)
        assert current(app) is contacts
        assert app.focused is contacts.query_one("#edit-email")
        assert_focus_visible(app)


# --- F1 lists the keys that work; Escape hidden where it does nothing (issue 7, C19) --------


async def open_help(pilot: Pilot[None]) -> ScreenHelpScreen:
    await pilot.press("f1")
    await pilot.pause()
    dialog = current(pilot.app)
    assert isinstance(dialog, ScreenHelpScreen)
    return dialog


async def test_home_offers_no_escape_and_f1_lists_its_keys(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(current(app), HomeScreen)
        assert "escape" not in app.screen.active_bindings  # nor in the footer
        assert {"f1", "f2", "ctrl+q"} <= set(app.screen.active_bindings)
        dialog = await open_help(pilot)
        assert dialog.keys == (
            t("help.keys.tab"),
            t("help.keys.enter"),
            t("help.keys.binding.help"),
            t("help.keys.binding.quit"),
            t("help.keys.binding.outbox"),
            t("help.keys.binding.trainer"),
            t("help.keys.scroll"),
        )
        assert not any(key.startswith("Échap") for key in dialog.keys)
        await escape(pilot)  # Escape closes the help
        assert isinstance(current(app), HomeScreen)


async def test_f1_lists_f3_and_space_where_they_work(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        app.open_login()
        await pilot.pause()
        dialog = await open_help(pilot)
        assert t("help.keys.binding.show-password") in dialog.keys  # F3
        assert t("help.keys.binding.back") in dialog.keys
        assert t("help.keys.space") in dialog.keys  # « Afficher le mot de passe »
        assert t("help.keys.choices") not in dialog.keys  # no list of choices
        await escape(pilot)
        await escape(pilot)

        await open_step(pilot, services, Step.DECISION, stacked=True)  # choices and a box to tick
        dialog = await open_help(pilot)
        assert t("help.keys.space") in dialog.keys
        assert t("help.keys.choices") in dialog.keys
        assert t("help.keys.binding.show-password") not in dialog.keys  # no F3 here
        shown = texts(dialog)
        assert all(key in shown for key in dialog.keys)


async def test_logging_in_shows_no_old_screen_on_the_way_to_the_space(
    services: Services, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The login screens are taken off in one go: neither the login form nor the home page is
    drawn again between the code and the space."""
    app = app_for(services, settings)
    drawn: list[type[Screen[Any]]] = []
    draw = Screen._compositor_refresh

    def recording(screen: Screen[Any]) -> None:
        if screen is app.screen:
            drawn.append(type(screen))
        draw(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", recording)
    async with app.run_test(size=SIZE) as pilot:
        app.open_login()
        await pilot.pause()
        await type_text(pilot, "sebastien.leguellec")
        await pilot.press("tab")
        await type_text(pilot, "Phare#Ouest2022")
        await pilot.press("enter")
        await pilot.pause()
        assert type(current(app)).__name__ == "LoginCodeScreen"
        await type_text(pilot, latest_otp(services))
        drawn.clear()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause(0.3)
        assert type(current(app)).__name__ == "SpaceScreen"
        assert [type(s).__name__ for s in app.screen_stack] == ["SpaceScreen"]
        assert drawn and {kind.__name__ for kind in drawn} <= {"LoginCodeScreen", "SpaceScreen"}


async def test_a_dialog_shows_one_scrollbar_only(services: Services, settings: Settings) -> None:
    """Help and CGU over a screen whose form and outbox scroll: only the dialog's own
    scrollbar is drawn, not those of the screen under it."""
    app = app_for(services, settings, outbox=True)

    def drawn_scrollbars() -> list[Any]:
        """Scrollbars drawn: the top screen's, and those of the screens seen through it."""
        seen = [app.screen]
        if app.screen.styles.background.a < 1:
            seen += app._background_screens
        return [
            widget
            for screen in seen
            for widget in screen.query("*")
            if widget.display
            and widget.show_vertical_scrollbar
            and widget.styles.scrollbar_visibility == "visible"
        ]

    async with app.run_test(size=(110, 24)) as pilot:
        await open_step(pilot, services, Step.DECISION, stacked=True)
        # Each state is looked at once the app has done all it was asked (settle): a pause
        # alone returns early on a loaded machine, before the screen under the dialog is told.
        await settle(pilot)
        assert len(drawn_scrollbars()) == 2  # the form and the outbox, both long
        for opener in ("f1", "cgu"):
            if opener == "f1":
                await pilot.press("f1")
            else:
                await press_on(pilot, "read-cgu")
            await settle(pilot)
            dialog = current(app)
            assert dialog.query_one("#dialog-body").show_vertical_scrollbar
            assert drawn_scrollbars() == [dialog.query_one("#dialog-body")], opener
            await escape(pilot)
            await settle(pilot)
            assert len(drawn_scrollbars()) == 2


async def test_f3_is_offered_from_one_look_at_the_screen_not_one_per_focus_change(
    services: Services, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether F3 is offered is asked at every focus change (the footer's keys): the screen
    is searched for a password field once, and F3 is still offered on every field."""
    looked: list[object] = []
    query = Screen.query

    def spy(self: Screen[Any], selector: Any = None) -> Any:
        if selector in (PasswordPair, "PasswordPair"):
            looked.append(self)
        return query(self, selector)

    monkeypatch.setattr(Screen, "query", spy)
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.ACCOUNT)
        for field in ("#identifier", "#password", "#confirmation", "#identifier"):
            app.screen.query_one(field).focus()
            await pilot.pause()
            assert app.screen.check_action("toggle_password", ()) is True
        assert looked.count(app.screen) == 1
        assert len(looked) == len(set(map(id, looked)))  # each screen once
