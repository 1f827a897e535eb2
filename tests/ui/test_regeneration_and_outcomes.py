"""Pilot tests in the code-first journey (guide 002): « Générer un nouveau code provisoire »
(1/3 to 3/3) and back to « Je m'identifie » with the new code; the session warning and its
expiry; the simulator's settings switching to the identity-first journey. Keyboard only.
(Every identification outcome on its own screen: tests/ui/test_refusals.py.)
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from drive import session_tick
from support import newest_code, person_id, persona_code, type_text
from textual import events
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, RadioButton, Static

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.models import Channel
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import DisplayTheme, JourneyVariant, RuleVersion, Settings
from mes_sante_tui.screens import (
    BirthDateScreen,
    DecisionScreen,
    HelpContactScreen,
    HomeScreen,
    IdentifyScreen,
    OutcomeScreen,
    RegenerateScreen,
    SendCodeScreen,
    SessionWarningScreen,
    SimulatorSettingsScreen,
    StartScreen,
)
from mes_sante_tui.widgets import ErrorSummary, FormField, Stepper
from mes_sante_tui.wording import t

SIZE = (120, 40)
HOME = "home"

# --- helpers -------------------------------------------------------------------------------


def current(app: App[Any]) -> Screen[Any]:
    """The screen shown now (a call, so that a type checker keeps no old narrowing)."""
    return app.screen


def plain(widget: Widget) -> str:
    if isinstance(widget, Button | RadioButton):
        return str(widget.label)
    if isinstance(widget, Static):
        visual = widget.visual
        return visual.plain if isinstance(visual, Content) else str(widget.content)
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Content) else str(rendered)


def visible(widget: Widget, within: Widget) -> bool:
    node: Widget | None = widget
    while node is not None and node is not within:
        if not node.display:
            return False
        parent = node.parent
        node = parent if isinstance(parent, Widget) else None
    return True


def main_text(screen: Screen[Any]) -> str:
    """Everything the journey part of the screen shows (not the simulated outbox)."""
    main = screen.query_one("#main")
    return "\n".join(
        plain(widget)
        for widget in main.query("*")
        if isinstance(widget, Static | Button | RadioButton) and visible(widget, main)
    )


def dialog_text(screen: Screen[Any]) -> list[str]:
    return [plain(widget) for widget in screen.query(Static) if widget.id != "dialog-title"]


def field_errors(screen: Screen[Any]) -> dict[str, str]:
    fields: dict[str, FormField] = screen.fields  # type: ignore[attr-defined]
    return {name: field.error for name, field in fields.items() if field.error}


def value_of(screen: Screen[Any], input_id: str) -> str:
    return screen.query_one(f"#{input_id}", Input).value



def spaced(nir: str) -> str:
    return f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:]}"


async def enter(pilot: Pilot[None]) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def focus(pilot: Pilot[None], widget_id: str) -> None:
    pilot.app.screen.query_one(f"#{widget_id}").focus()


async def press_on(pilot: Pilot[None], widget_id: str) -> None:
    await focus(pilot, widget_id)
    await enter(pilot)


async def paste(pilot: Pilot[None], text: str) -> None:
    """Paste into the focused field, as a terminal sends it (a bracketed paste)."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def choose(pilot: Pilot[None], button_id: str) -> None:
    """In the focused radio set, arrow down to the option (highlighted: class -selected),
    then Enter."""
    button = pilot.app.screen.query_one(f"#{button_id}", RadioButton)
    for _ in range(len(button.parent.children) if button.parent else 0):
        if button.has_class("-selected"):
            break
        await pilot.press("down")
    assert button.has_class("-selected"), button_id
    await pilot.press("enter")
    assert button.value, button_id


async def to_identify(pilot: Pilot[None]) -> IdentifyScreen:
    await enter(pilot)  # « Activer Mon espace santé »
    assert isinstance(current(pilot.app), StartScreen)
    await enter(pilot)  # « Commencer »
    screen = current(pilot.app)
    assert isinstance(screen, IdentifyScreen)
    return screen


async def choose_model(pilot: Pilot[None], photo: bool) -> None:
    await focus(pilot, "model")
    if photo:
        await pilot.press("down")
    await pilot.press("enter")


async def fill_identify(
    pilot: Pilot[None], code: str, nir: str, photo: bool, serial: str
) -> None:
    """« Je m'identifie »: code, NIR, card model, serial. The texts are pasted, as a person
    copying them from the message would (the regeneration form is typed key by key), to keep
    the long tables of cases quick; the card model is chosen with the arrows."""
    await focus(pilot, "code")
    await paste(pilot, code)
    await focus(pilot, "nir")
    await paste(pilot, spaced(nir))
    await choose_model(pilot, photo)
    await focus(pilot, "serial")
    await paste(pilot, serial)


def assert_outcome(
    app: App[Any], title: str, message: str, actions: tuple[str, ...]
) -> OutcomeScreen:
    """The situation on its own screen: title, the service's message, the ways forward with
    the first focused, and the 3422 line."""
    screen = current(app)
    assert isinstance(screen, OutcomeScreen), screen
    assert screen.title_text() == title
    assert str(screen.query_one("#outcome-message", Static).content) == message
    assert [b.id for b in screen.query(Button)] == [f"action-{a}" for a in actions]
    assert app.focused is screen.query_one(f"#action-{actions[0]}")
    assert "3422" in main_text(screen)
    return screen


# --- « Générer un nouveau code provisoire » ------------------------------------------------


async def test_regenerate_a_code_then_identify_with_it(services: Services) -> None:
    martine = services.store.person(person_id(services, "martine"))
    app = make_app(services=services, settings=Settings())
    async with app.run_test(size=SIZE) as pilot:
        identify_screen = await to_identify(pilot)
        assert app.focused is identify_screen.query_one("#code")
        await pilot.press("tab")  # the link right under the code field
        link = identify_screen.query_one("#regenerate", Button)
        assert app.focused is link
        assert str(link.label) == (
            "Je n'ai pas de code provisoire ? Générer un nouveau code provisoire"
        )
        await enter(pilot)

        # 2/3: NIR, date of birth, card model, serial; refusals under the fields.
        form = current(app)
        assert isinstance(form, RegenerateScreen)
        assert form.title_text() == "Je génère un nouveau code provisoire"
        assert app.focused is form.query_one("#nir")
        await type_text(pilot, "2 73")
        await enter(pilot)
        assert current(app) is form
        assert field_errors(form) == {
            "nir": t("nir.length"),
            "birth_date": t("birth.required"),
            "model": t("card.model.required"),
        }
        assert len(form.query_one(ErrorSummary).lines) == 4  # the count, then one per field
        assert value_of(form, "nir") == "2 73"  # what was typed stays

        await pilot.press(*["backspace"] * 4)
        await type_text(pilot, spaced(martine.nir))
        await pilot.press("tab", "tab")  # past « Où trouver mon numéro de sécurité sociale ? »
        assert app.focused is form.query_one("#birth_date")
        await type_text(pilot, "10/03/1973")
        await pilot.press("tab", "enter", "tab")  # the card without photo
        assert app.focused is form.query_one("#serial")
        await type_text(pilot, "953701166")
        await enter(pilot)

        # 3/3: « Envoi du code provisoire », masked contacts only.
        send = current(app)
        assert isinstance(send, SendCodeScreen), field_errors(form)
        assert send.title_text() == "Envoi du code provisoire"
        text = main_text(send)
        assert "Par e-mail : mar*****@exemple.fr" in text
        assert "Par SMS : ** ** ** *3 77" in text
        assert "martine.leguellec@exemple.fr" not in text
        assert "06 63 78 13 77" not in text and "0663781377" not in text

        await press_on(pilot, "contacts-wrong")  # « Mes coordonnées sont incorrectes ? »
        help_screen = current(app)
        assert isinstance(help_screen, HelpContactScreen)
        assert "Mes coordonnées sont incorrectes ?" in dialog_text(help_screen)
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) is send

        await focus(pilot, "channel")
        await pilot.press("down", "enter")  # by SMS
        before = len(services.store.outbox())
        await press_on(pilot, "validate")

        # Back on « Je m'identifie », told where the code went.
        assert current(app) is identify_screen
        notice = identify_screen.query_one("#notice", Static)
        assert notice.display
        assert str(notice.content) == t(
            "regenerate.sent", where=t("regenerate.where.sms", masked="** ** ** *3 77")
        )
        assert len(services.store.outbox()) == before + 1
        newest = max(services.store.outbox(), key=lambda m: m.id)
        assert newest.channel is Channel.SMS and newest.address == "06 63 78 13 77"
        assert app.session is not None and app.session.person_id is None  # to identify again

        new_code = newest_code(services)
        assert new_code != persona_code(services, "martine")
        await fill_identify(pilot, new_code, martine.nir, False, "953701166")
        await enter(pilot)
        decision = current(app)
        assert isinstance(decision, DecisionScreen), identify_screen.query_one(ErrorSummary).lines
        assert decision.title_text() == "Bonjour Martine !"
        assert app.session is not None and app.session.code_id is not None
        row = services.store.query_one(
            "SELECT origin FROM provisional_codes WHERE id = ?", (app.session.code_id,)
        )
        assert row is not None and row["origin"] == "regenerated"


# --- every identification outcome ----------------------------------------------------------


# Every identification outcome on its own screen, and the five wrong codes that lock the
# identification: tests/ui/test_refusals.py (test_identify_outcomes_each_on_its_own_screen,
# test_too_many_wrong_codes_lock_then_the_wait_lifts).


# --- the session ---------------------------------------------------------------------------


async def test_session_warning_extends_then_expiry_returns_home(
    services: Services, clock: ManualClock
) -> None:
    app = make_app(services=services, settings=Settings())
    engine = services.engine
    timeout, warning = engine.settings.session_timeout, engine.settings.session_warning
    async with app.run_test(size=SIZE) as pilot:
        form = await to_identify(pilot)
        await type_text(pilot, "abc")
        session = app.session
        assert session is not None

        clock.advance(timeout - warning)
        # The app's own timer looks every second: wait for it (up to 10 s on a loaded
        # machine) rather than calling it, so that this test needs the timer.
        for _ in range(50):
            await pilot.pause(0.2)
            if isinstance(current(app), SessionWarningScreen):
                break
        dialog = current(app)
        assert isinstance(dialog, SessionWarningScreen)
        await pilot.pause()  # pushed by the last tick: let it mount and take the focus
        texts = [plain(w) for w in dialog.query(Static)]
        assert "Votre session va bientôt expirer" in texts
        assert t("session.warning.body", left="2 minutes") in texts
        assert app.focused is dialog.query_one("#extend")
        await enter(pilot)  # « Prolonger ma session »
        assert current(app) is form
        assert engine.session_time_left(session) == timeout
        assert value_of(form, "code") == "abc"

        clock.advance(timeout + timedelta(seconds=1))
        await session_tick(pilot)
        outcome = assert_outcome(
            app, "Votre session a expiré", t("identify.session_expired"), (HOME,)
        )
        assert app.session is None
        assert str(outcome.query_one("#action-home", Button).label) == "Retour à l'accueil"
        await enter(pilot)
        assert isinstance(current(app), HomeScreen)
        assert len(app.screen_stack) == 1  # nothing of the old journey left behind
        assert app.session is None


async def test_session_warning_counts_down_and_expiry_replaces_it(
    services: Services, clock: ManualClock
) -> None:
    """Issue 7, C14: the warning says the time left, second by second, and a person who
    walked away is logged out on time although the warning is still open."""
    app = make_app(services=services, settings=Settings())
    app.outbox_visible = False
    engine = services.engine
    timeout, warning = engine.settings.session_timeout, engine.settings.session_warning
    async with app.run_test(size=SIZE) as pilot:
        form = await to_identify(pilot)
        clock.advance(timeout - warning)
        await session_tick(pilot)
        dialog = current(app)
        assert isinstance(dialog, SessionWarningScreen)
        left = dialog.query_one("#session-left", Static)
        assert plain(left) == t("session.warning.body", left="2 minutes")

        clock.advance(timedelta(seconds=31))
        await session_tick(pilot)  # the countdown moves every second
        assert current(app) is dialog
        assert plain(left) == t("session.warning.body", left="1 minute et 29 secondes")
        clock.advance(timedelta(seconds=88))
        await session_tick(pilot)
        assert plain(left) == t("session.warning.body", left="1 seconde")

        clock.advance(timedelta(seconds=2))  # nobody pressed anything: the session ends
        await session_tick(pilot)
        assert app.session is None
        assert_outcome(app, "Votre session a expiré", t("identify.session_expired"), (HOME,))
        assert not any(isinstance(s, SessionWarningScreen) for s in app.screen_stack)
        assert app.screen_stack[-2] is form  # the warning gave way to the expiry
        await enter(pilot)
        assert isinstance(current(app), HomeScreen)
        assert len(app.screen_stack) == 1


# --- the simulator's settings --------------------------------------------------------------


async def test_settings_switch_to_identity_first_2022_rules_and_high_contrast(
    services: Services,
) -> None:
    app = make_app(services=services, settings=Settings())
    assert isinstance(app, MesSanteApp)
    async with app.run_test(size=SIZE) as pilot:
        home = current(app)
        assert isinstance(home, HomeScreen)
        assert app.focused is home.query_one("#activate")
        await pilot.press("tab", "tab")  # past « J'ai déjà activé Mon espace santé ? Me connecter »
        link = home.query_one("#settings", Button)
        assert app.focused is link
        assert str(link.label) == "Réglages du simulateur"
        await enter(pilot)

        dialog = current(app)
        assert isinstance(dialog, SimulatorSettingsScreen)
        assert app.focused is dialog.query_one("#journey")
        await choose(pilot, "journey-identity-first")  # « Identité d'abord (guide 000) … »
        await pilot.press("tab")
        assert app.focused is dialog.query_one("#rules")
        await choose(pilot, "rules-2022")  # « Version 2022 (les guides) … »
        await pilot.press("tab")
        assert app.focused is dialog.query_one("#guided")  # « Mode guidé », left as it is
        await pilot.press("tab")
        assert app.focused is dialog.query_one("#theme")
        await choose(pilot, "theme-contraste-sombre")  # « Contraste élevé, fond noir »
        # Past the service's four figures, left as they are, and « Annuler », to « Valider ».
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab")
        assert app.focused is dialog.query_one("#validate")
        await enter(pilot)

        assert current(app) is home
        assert app.settings.journey is JourneyVariant.IDENTITY_FIRST
        assert app.settings.rule_version is RuleVersion.V2022
        assert app.settings.theme is DisplayTheme.HIGH_CONTRAST_DARK
        assert app.theme == "contraste-sombre" and app.current_theme.background == "#000000"
        assert services.engine.settings == app.settings
        assert "identité d'abord" in app.sub_title and "2022" in app.sub_title

        await press_on(pilot, "activate")  # « Activer Mon espace santé »
        assert isinstance(current(app), StartScreen)
        await enter(pilot)  # « Commencer »
        screen = current(app)
        assert isinstance(screen, BirthDateScreen)
        stepper = screen.query_one(Stepper)
        assert stepper.heading == "Étape 1 sur 4 : Mon identité"
        assert app.focused is screen.query_one("#birth_date")
