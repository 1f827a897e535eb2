"""Focus, on every screen of the main journeys: after each screen change and after each Tab,
something visible has the focus, on the screen, and never a scroll container (whose focus
draws nothing); and it lands where the person acts next, with what they typed carried over.
"""

from __future__ import annotations

from drive import choose_oppose, fill_identify, to_decision, to_identify
from support import current, latest_otp, paste, person_id, tab_to
from textual.containers import HorizontalScroll, ScrollableContainer, VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, Settings
from mes_sante_tui.screens import (
    AccountScreen,
    BirthDateScreen,
    CodeScreen,
    ContactEditScreen,
    ContactsScreen,
    DecisionScreen,
    DocumentScreen,
    ForgotIdentifierScreen,
    ForgotPasswordScreen,
    HomeScreen,
    IdentifyScreen,
    LoginScreen,
    OppositionConfirmScreen,
    OppositionDoneScreen,
    OtpScreen,
    OutcomeScreen,
    QuitConfirmScreen,
    RegenerateScreen,
    ScreenHelpScreen,
    SendCodeScreen,
    SimulatorSettingsScreen,
    StartScreen,
    SuccessScreen,
    VitaleScreen,
)

SCROLL_CONTAINERS = (ScrollableContainer, VerticalScroll, HorizontalScroll)
SIZE = (80, 24)  # the smallest terminal: where a focus is most easily scrolled away
MARTINE_SERIAL = "953701166"
PASSWORD = "Kayak#Loire2026"


def app_for(services: Services, settings: Settings, *, outbox: bool = False) -> MesSanteApp:
    app = make_app(services=services, settings=settings)
    app.outbox_visible = outbox
    return app


def assert_focus_shown(app: MesSanteApp) -> None:
    """A widget of the current screen has the focus, drawn on the screen, and is not a
    scroll container (the outbox panel, a widget of its own, aside: framed, its focus is
    drawn, and it is how the messages are scrolled by keyboard)."""
    focused = app.focused
    assert focused is not None, f"no focus on {app.screen!r}"
    assert focused.screen is app.screen, (focused, app.screen)
    assert type(focused) not in SCROLL_CONTAINERS, (app.screen, focused)
    assert focused.display and focused.visible, focused
    region = focused.region
    assert region.area > 0, (app.screen, focused)  # laid out, not scrolled out of view
    assert app.screen.region.contains_region(region), (focused, region)


async def walk(pilot: Pilot[None]) -> None:
    """The focus after a screen change, then after each Tab round the screen and back."""
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, MesSanteApp)
    assert_focus_shown(app)
    start = app.focused
    for _ in app.screen.focus_chain:
        await pilot.press("tab")
        assert_focus_shown(app)
    assert app.focused is start, (app.screen, app.focused, start)


async def press_on(pilot: Pilot[None], widget_id: str, key: str = "enter") -> None:
    await tab_to(pilot, widget_id)
    await pilot.press(key)
    await pilot.pause()


async def escape(pilot: Pilot[None]) -> None:
    await pilot.press("escape")
    await pilot.pause()


# --- every screen of the journeys ------------------------------------------------------------


async def test_code_first_activation_focus_on_every_screen_and_tab(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(current(app), HomeScreen)
        await walk(pilot)
        await pilot.press("f1")
        assert isinstance(current(app), ScreenHelpScreen)
        await walk(pilot)
        await escape(pilot)
        await walk(pilot)
        await press_on(pilot, "settings")
        assert isinstance(current(app), SimulatorSettingsScreen)
        await walk(pilot)
        await escape(pilot)
        assert app.focused is app.screen.query_one("#settings")
        await walk(pilot)
        await press_on(pilot, "settings")
        await press_on(pilot, "validate")
        assert isinstance(current(app), HomeScreen)
        assert app.focused is app.screen.query_one("#settings")
        await walk(pilot)

        await press_on(pilot, "activate")
        assert isinstance(current(app), StartScreen)
        await walk(pilot)
        await press_on(pilot, "begin")
        assert isinstance(current(app), IdentifyScreen)
        assert app.focused is app.screen.query_one("#code")
        await walk(pilot)
        await press_on(pilot, "regenerate")
        assert isinstance(current(app), RegenerateScreen)
        await walk(pilot)
        await escape(pilot)
        assert isinstance(current(app), IdentifyScreen)
        await walk(pilot)
        await press_on(pilot, "where-nir")
        await walk(pilot)
        await escape(pilot)

        await tab_to(pilot, "code")
        await fill_identify(pilot, services)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), DecisionScreen)
        await walk(pilot)
        await press_on(pilot, "read-cgu")
        assert isinstance(current(app), DocumentScreen)
        await walk(pilot)
        await escape(pilot)
        await press_on(pilot, "choice")
        await press_on(pilot, "consent", "space")
        await press_on(pilot, "continue")
        contacts = current(app)
        assert isinstance(contacts, ContactsScreen)
        await walk(pilot)

        await press_on(pilot, "edit-email")
        assert isinstance(current(app), ContactEditScreen)
        await walk(pilot)
        await paste(pilot, "martine.nouvelle@exemple.fr")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), OtpScreen)
        await walk(pilot)
        await paste(pilot, latest_otp(services))
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is contacts
        assert app.focused is contacts.query_one("#edit-email")
        await walk(pilot)

        await press_on(pilot, "continue")
        assert isinstance(current(app), AccountScreen)
        await walk(pilot)
        await tab_to(pilot, "identifier")
        await paste(pilot, "martine.l44")
        await tab_to(pilot, "password")
        await paste(pilot, PASSWORD)
        await tab_to(pilot, "confirmation")
        await paste(pilot, PASSWORD)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), SuccessScreen)
        await walk(pilot)
        await escape(pilot)
        assert isinstance(current(app), HomeScreen)
        await walk(pilot)


async def test_opposition_outcome_and_quit_question_focus(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await to_decision(pilot, services)
        await escape(pilot)
        assert isinstance(current(app), QuitConfirmScreen)
        await walk(pilot)
        await escape(pilot)
        assert isinstance(current(app), DecisionScreen)
        await choose_oppose(pilot)
        assert isinstance(current(app), OppositionConfirmScreen)
        await walk(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), OppositionDoneScreen)
        await walk(pilot)

    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await to_identify(pilot)
        await fill_identify(pilot, services, key="nathalie", serial="845201937")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), OutcomeScreen)
        await walk(pilot)
        await press_on(pilot, "action-regenerate")
        assert isinstance(current(app), RegenerateScreen)
        await walk(pilot)
        await paste(pilot, "10/03/1980")  # Nathalie's date of birth is not needed here
        await escape(pilot)
        assert isinstance(current(app), QuitConfirmScreen)  # the date typed would be lost
        await walk(pilot)


async def test_identity_first_focus_on_every_screen_and_tab(services: Services) -> None:
    settings = Settings(journey=JourneyVariant.IDENTITY_FIRST)
    app = app_for(services, settings)
    martine = services.store.person(person_id(services, "martine"))
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "activate")
        await walk(pilot)
        await press_on(pilot, "begin")
        assert isinstance(current(app), BirthDateScreen)
        await walk(pilot)
        await paste(pilot, "10/03/1973")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), VitaleScreen)
        await walk(pilot)
        await paste(pilot, martine.nir)
        await press_on(pilot, "model")
        await tab_to(pilot, "serial")
        await paste(pilot, MARTINE_SERIAL)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), CodeScreen)
        await walk(pilot)
        await press_on(pilot, "channel")
        await press_on(pilot, "send")
        assert app.focused is app.screen.query_one("#code")
        await walk(pilot)


async def test_login_and_recovery_focus_on_every_screen_and_tab(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "login")
        assert isinstance(current(app), LoginScreen)
        await walk(pilot)
        await press_on(pilot, "forgot-identifier")
        assert isinstance(current(app), ForgotIdentifierScreen)
        await walk(pilot)
        await escape(pilot)
        await walk(pilot)
        await press_on(pilot, "forgot-password")
        assert isinstance(current(app), ForgotPasswordScreen)
        await walk(pilot)
        await escape(pilot)
        await walk(pilot)


async def test_focus_shown_after_a_contact_change_and_the_settings_with_the_outbox_open(
    services: Services, settings: Settings
) -> None:
    """The outbox panel open, as by default: the focus is still drawn where the person left
    it after the settings close and after a new contact is confirmed."""
    app = app_for(services, settings, outbox=True)
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "settings")
        await escape(pilot)
        assert app.focused is app.screen.query_one("#settings")
        assert_focus_shown(app)

        await to_decision_from_home(pilot, services)
        await press_on(pilot, "choice")
        await press_on(pilot, "consent", "space")
        await press_on(pilot, "continue")
        contacts = current(app)
        assert isinstance(contacts, ContactsScreen)
        await press_on(pilot, "edit-mobile")
        await paste(pilot, "07 12 34 56 78")
        await pilot.press("enter")
        await pilot.pause()
        await paste(pilot, latest_otp(services))
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is contacts
        assert app.focused is contacts.query_one("#edit-mobile")
        await walk(pilot)


async def to_decision_from_home(pilot: Pilot[None], services: Services) -> None:
    await press_on(pilot, "activate")
    await press_on(pilot, "begin")
    await fill_identify(pilot, services)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(current(pilot.app), DecisionScreen)


# --- where the focus lands, with what was typed ----------------------------------------------


async def test_regeneration_carries_the_card_over_and_back_to_the_code_field(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    martine = services.store.person(person_id(services, "martine"))
    async with app.run_test(size=(110, 34)) as pilot:
        await to_identify(pilot)
        identify = current(app)
        await paste(pilot, "ABCDEF")  # an old code, half typed
        await tab_to(pilot, "nir")
        await paste(pilot, martine.nir)
        await press_on(pilot, "model")  # « Carte Vitale sans photo »
        await tab_to(pilot, "serial")
        await paste(pilot, "95370116")  # one digit missing

        await press_on(pilot, "regenerate")
        form = current(app)
        assert isinstance(form, RegenerateScreen)
        assert form.query_one("#nir", Input).value == martine.nir
        assert form.query_one("#model", RadioSet).pressed_index == 0
        assert form.query_one("#serial", Input).value == "95370116"
        assert app.focused is form.query_one("#birth_date")  # what is left to type
        await walk(pilot)

        # Back without a code: the serial corrected there comes back; the focus is on the
        # link the person left from.
        await tab_to(pilot, "serial")
        await pilot.press("end", "6")
        await escape(pilot)
        assert current(app) is identify
        assert identify.query_one("#serial", Input).value == MARTINE_SERIAL
        assert identify.query_one("#code", Input).value == "ABCDEF"
        assert app.focused is identify.query_one("#regenerate")

        # With a new code sent: back on the code field, emptied for the new code.
        await press_on(pilot, "regenerate")
        form = current(app)
        assert form.query_one("#serial", Input).value == MARTINE_SERIAL
        await paste(pilot, "10/03/1973")
        await press_on(pilot, "continue")
        assert isinstance(current(app), SendCodeScreen)
        await press_on(pilot, "channel")
        await press_on(pilot, "validate")
        assert current(app) is identify
        assert identify.query_one("#nir", Input).value == martine.nir
        assert identify.query_one("#model", RadioSet).pressed_index == 0
        assert identify.query_one("#serial", Input).value == MARTINE_SERIAL
        assert identify.query_one("#code", Input).value == ""
        assert app.focused is identify.query_one("#code")
        assert_focus_shown(app)

        await paste(pilot, latest_code(services, "martine"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), DecisionScreen)


def latest_code(services: Services, key: str) -> str:
    """The newest provisional code sent to the persona (the one just regenerated)."""
    wanted = person_id(services, key)
    for message in sorted(services.store.outbox(), key=lambda m: m.id, reverse=True):
        if message.person_id == wanted and message.code is not None:
            return message.code
    raise LookupError(key)


async def test_correct_my_entry_focuses_the_field_to_correct(
    services: Services, settings: Settings
) -> None:
    """« Corriger ma saisie »: the focus goes to the first field (nothing says which one is
    wrong), not to the last one the person was in."""
    app = app_for(services, settings)
    async with app.run_test(size=(110, 34)) as pilot:
        await to_identify(pilot)
        identify = current(app)
        await fill_identify(pilot, services, serial="953701167")  # not Martine's card
        assert app.focused is identify.query_one("#serial")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), OutcomeScreen)
        await press_on(pilot, "action-retry")
        assert current(app) is identify
        assert app.focused is identify.query_one("#code")
        assert_focus_shown(app)


async def test_retry_after_an_error_in_a_field_focuses_that_field(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=(110, 34)) as pilot:
        await to_identify(pilot)
        identify = current(app)
        assert isinstance(identify, IdentifyScreen)
        identify.fields["serial"].set_error("Saisir le numéro de série de carte Vitale")
        identify.focus_to_correct()
        await pilot.pause()
        assert app.focused is identify.query_one("#serial")

