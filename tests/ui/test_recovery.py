"""Pilot tests: « Identifiant oublié ? » and « Mot de passe oublié ? » by keyboard, from the
login form and back to it, then logging in with what was recovered."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from support import current, latest_otp, leave_anyway, person_id, tab_to, type_text
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, RadioButton, Static

from mes_sante_tui.app import make_app
from mes_sante_tui.core.engine import wait_words
from mes_sante_tui.core.models import Channel
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.screens import (
    ForgotIdentifierScreen,
    ForgotPasswordScreen,
    LoginCodeScreen,
    LoginScreen,
    NewPasswordScreen,
    RecoveryChannelScreen,
    RecoveryCodeScreen,
    SpaceScreen,
)
from mes_sante_tui.widgets import ErrorSummary, FormField, PasswordChecklist
from mes_sante_tui.wording import t

SIZE = (110, 36)
IDENTIFIER, PASSWORD = "sebastien.leguellec", "Phare#Ouest2022"
NIR, BORN, SERIAL = "1 71 06 35 238 112 10", "22/06/1971", "01024576124"
NEW_PASSWORD = "Falaise#Nord2026"


# --- helpers -------------------------------------------------------------------------------


async def open_login(pilot: Pilot[None]) -> LoginScreen:
    await tab_to(pilot, "login")  # « J'ai déjà activé Mon espace santé ? Me connecter »
    await pilot.press("enter")
    await pilot.pause()
    screen = current(pilot.app)
    assert isinstance(screen, LoginScreen)
    return screen


async def follow(pilot: Pilot[None], link: str) -> Screen[Any]:
    await tab_to(pilot, link)
    await pilot.press("enter")
    await pilot.pause()
    return current(pilot.app)


async def replace(pilot: Pilot[None], input_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{input_id}", Input)
    await tab_to(pilot, input_id)
    if field.value:
        await pilot.press("ctrl+shift+a", "backspace")
    await type_text(pilot, text)
    assert field.value == text, (input_id, field.value)


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


def newest(services: Services) -> Any:
    return max(services.store.outbox(), key=lambda m: m.id)


async def log_in(pilot: Pilot[None], services: Services, password: str) -> None:
    """From the login form: identifier, password, then the one-time code of the outbox."""
    await replace(pilot, "identifier", IDENTIFIER)
    await replace(pilot, "password", password)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(current(pilot.app), LoginCodeScreen), summary(current(pilot.app))
    await type_text(pilot, latest_otp(services))
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


# --- « Identifiant oublié ? » --------------------------------------------------------------


async def test_forgotten_identifier_sent_by_e_mail(services: Services, settings: Settings) -> None:
    app = make_app(services=services, settings=settings)
    sebastien = services.store.person(person_id(services, "sebastien"))
    async with app.run_test(size=SIZE) as pilot:
        login = await open_login(pilot)
        form = await follow(pilot, "forgot-identifier")
        assert isinstance(form, ForgotIdentifierScreen)
        assert app.focused is form.query_one("#nir")

        # Nothing typed: each field says what to do.
        await follow(pilot, "continue")
        assert field_errors(form) == {
            "nir": "Saisir le numéro de sécurité sociale",
            "birth_date": "Saisir la date de naissance (JJ/MM/AAAA)",
        }
        assert app.focused is form.query_one("#nir")

        # A date that is not his: not found, said in the summary, the input kept.
        await type_text(pilot, NIR)
        await pilot.press("tab", "tab")  # past « Où trouver mon numéro de sécurité sociale ? »
        await type_text(pilot, "23/06/1971")
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is form
        assert field_errors(form) == {}
        assert any("Nous n'avons pas trouvé de compte" in line for line in summary(form))
        assert value_of(form, "nir") == NIR and value_of(form, "birth_date") == "23/06/1971"

        await replace(pilot, "birth_date", BORN)
        await pilot.press("enter")
        await pilot.pause()
        choice = current(app)
        assert isinstance(choice, RecoveryChannelScreen)
        assert choice.title_text() == "Envoi de mon identifiant"
        labels = [str(b.label) for b in choice.query("#channel RadioButton").results(RadioButton)]
        assert labels == ["Par e-mail : seb*****@exemple.fr", "Par SMS : ** ** ** *3 14"]
        assert app.focused is choice.query_one("#channel")

        # « Envoyer » with no channel chosen names the field in this recovery's words.
        await follow(pilot, "send")
        assert field_errors(choice) == {"channel": "Choisir où recevoir votre identifiant"}

        await tab_to(pilot, "channel")
        await pilot.press("enter")  # the first one: by e-mail
        await follow(pilot, "send")

        assert current(app) is login
        assert text_of(login, "notice") == (
            "✓ Votre identifiant vous a été envoyé par e-mail (seb*****@exemple.fr)."
        )
        assert app.focused is login.query_one("#identifier")
        message = newest(services)
        assert message.person_id == sebastien.id
        assert message.channel is Channel.EMAIL
        assert message.address == sebastien.email
        assert IDENTIFIER in message.body

        # Escape from the choice goes back to the form, as typed; from the form, to the login.
        form = await follow(pilot, "forgot-identifier")
        await type_text(pilot, NIR)
        await pilot.press("tab", "tab")
        await type_text(pilot, BORN)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), RecoveryChannelScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) is form and value_of(form, "birth_date") == BORN
        await pilot.press("escape")
        await pilot.pause()
        await leave_anyway(pilot)  # the NIR and date typed would be lost: asked first
        assert current(app) is login


async def test_forgotten_identifier_by_sms(services: Services, settings: Settings) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        login = await open_login(pilot)
        await follow(pilot, "forgot-identifier")
        await type_text(pilot, NIR)
        await pilot.press("tab", "tab")
        await type_text(pilot, BORN)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "enter")  # by SMS
        await follow(pilot, "send")
        assert current(app) is login
        assert text_of(login, "notice") == (
            "✓ Votre identifiant vous a été envoyé par SMS (** ** ** *3 14)."
        )
        message = newest(services)
        assert message.channel is Channel.SMS and IDENTIFIER in message.body


# --- « Mot de passe oublié ? » -------------------------------------------------------------


async def test_forgotten_password_end_to_end_then_log_in_with_the_new_one(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    sebastien = services.store.person(person_id(services, "sebastien"))
    async with app.run_test(size=SIZE) as pilot:
        login = await open_login(pilot)
        form = await follow(pilot, "forgot-password")
        assert isinstance(form, ForgotPasswordScreen)
        assert app.focused is form.query_one("#nir")

        await type_text(pilot, NIR)
        await pilot.press("tab", "tab")  # past « Où trouver mon numéro de sécurité sociale ? »
        await type_text(pilot, BORN)
        await pilot.press("tab", "down", "enter")  # « Carte Vitale avec photo »
        await pilot.press("tab")
        await type_text(pilot, "10031973")  # a date, not a serial
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is form
        assert set(field_errors(form)) == {"serial"}
        assert value_of(form, "serial") == "10031973"

        await replace(pilot, "serial", SERIAL)
        await pilot.press("enter")
        await pilot.pause()
        choice = current(app)
        assert isinstance(choice, RecoveryChannelScreen), summary(form)
        assert choice.title_text() == "Envoi du code à usage unique"
        await pilot.press("down", "enter")  # by SMS
        await follow(pilot, "send")

        code_screen = current(app)
        assert isinstance(code_screen, RecoveryCodeScreen)
        assert text_of(code_screen, "sent-to") == (
            "Un code à usage unique vous a été envoyé par SMS au ** ** ** *3 14."
        )
        assert newest(services).channel is Channel.SMS
        first = latest_otp(services)

        await follow(pilot, "resend")  # « Envoyer à nouveau le code »
        assert text_of(code_screen, "resent") == (
            "✓ Un nouveau code vous a été envoyé par SMS (** ** ** *3 14) ; il remplace le "
            "précédent."
        )
        second = latest_otp(services)
        assert first != second
        await replace(pilot, "otp", first)  # replaced: refused
        await pilot.press("enter")
        await pilot.pause()
        assert field_errors(code_screen) == {"otp": "Vérifier le code à usage unique et réessayer"}
        await replace(pilot, "otp", second)
        await pilot.press("enter")
        await pilot.pause()

        new = current(app)
        assert isinstance(new, NewPasswordScreen)
        assert app.focused is new.query_one("#password")
        checklist = new.query_one(PasswordChecklist)
        assert not any(rule.met for rule in checklist.rules)
        await type_text(pilot, NEW_PASSWORD)
        assert all(rule.met for rule in checklist.rules)
        await pilot.press("tab")
        await type_text(pilot, NEW_PASSWORD + "!")  # not the same
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is new
        assert field_errors(new) == {
            "confirmation": "Les deux mots de passe ne sont pas identiques"
        }
        assert value_of(new, "confirmation") == NEW_PASSWORD + "!"
        await pilot.press("f3")  # shown, to check what was typed
        assert not new.query_one("#password", Input).password
        assert not new.query_one("#confirmation", Input).password

        await replace(pilot, "confirmation", NEW_PASSWORD)
        await pilot.press("enter")
        await pilot.pause()

        assert current(app) is login
        assert text_of(login, "notice") == (
            "✓ Votre mot de passe a été modifié. Connectez-vous avec votre nouveau mot de passe."
        )
        assert newest(services).subject == "Mon espace santé : votre mot de passe a été modifié"
        assert newest(services).person_id == sebastien.id

        # The old password no longer opens the space; the new one does.
        await replace(pilot, "identifier", IDENTIFIER)
        await replace(pilot, "password", PASSWORD)
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is login
        assert summary(login) == [
            "⚠ Identifiant ou mot de passe incorrect. Vérifiez votre saisie et réessayez."
        ]
        await log_in(pilot, services, NEW_PASSWORD)
        assert isinstance(current(app), SpaceScreen)
        assert app.session is not None and app.session.account_id == sebastien.id


async def test_forgotten_password_for_someone_unknown_says_so_and_keeps_the_input(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        form = await follow(pilot, "forgot-password")
        await type_text(pilot, NIR)
        await pilot.press("tab", "tab")
        await type_text(pilot, BORN)
        await pilot.press("tab", "down", "enter", "tab")
        await type_text(pilot, "01024576125")  # one digit off
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is form
        assert field_errors(form) == {}
        assert any("Nous n'avons pas trouvé de compte" in line for line in summary(form))
        assert value_of(form, "serial") == "01024576125"
        assert value_of(form, "nir") == NIR


# --- the limit on wrong entries (issue 7, A4) ----------------------------------------------


async def submit(pilot: Pilot[None]) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def test_wrong_recovery_codes_end_in_a_wait_said_under_the_field(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    wait = t("code.locked", wait=wait_words(timedelta(minutes=1)))
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        await follow(pilot, "forgot-password")
        await type_text(pilot, NIR)
        await pilot.press("tab", "tab")
        await type_text(pilot, BORN)
        await pilot.press("tab", "down", "enter", "tab")
        await type_text(pilot, SERIAL)
        await submit(pilot)
        assert isinstance(current(app), RecoveryChannelScreen)
        await pilot.press("enter")  # by e-mail
        code_screen = await follow(pilot, "send")
        assert isinstance(code_screen, RecoveryCodeScreen)
        right = latest_otp(services)
        wrong = f"{(int(right) + 1) % 1_000_000:06d}"
        for attempt in range(settings.max_code_failures):
            if attempt == 2:
                await follow(pilot, "resend")  # « Envoyer à nouveau le code »: no reset
                right = latest_otp(services)
                wrong = f"{(int(right) + 1) % 1_000_000:06d}"
            await replace(pilot, "otp", wrong)
            await submit(pilot)
        assert field_errors(code_screen)["otp"] == wait
        assert any(wait in line for line in summary(code_screen))
        # The right code, during the wait: refused, the wait said again, the input kept.
        await replace(pilot, "otp", right)
        await submit(pilot)
        assert current(app) is code_screen
        assert field_errors(code_screen)["otp"] == wait
        assert value_of(code_screen, "otp") == right


async def test_repeated_failed_card_checks_end_in_a_wait_said_in_the_summary(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        form = await follow(pilot, "forgot-password")
        await type_text(pilot, NIR)
        await pilot.press("tab", "tab")
        await type_text(pilot, BORN)
        await pilot.press("tab", "down", "enter", "tab")
        await type_text(pilot, "01024576125")  # one digit off
        for _ in range(settings.max_code_failures):
            await tab_to(pilot, "serial")
            await submit(pilot)
        assert current(app) is form
        wait = t("recover.locked", wait=wait_words(timedelta(minutes=1)))
        assert summary(form) == [f"⚠ {wait}"]
        await replace(pilot, "serial", SERIAL)  # the right card, during the wait
        await submit(pilot)
        assert current(app) is form
        assert summary(form) == [f"⚠ {wait}"]
