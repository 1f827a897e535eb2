"""Pilot tests: the code-first activation driven through the real screens, keyboard only."""

from __future__ import annotations

from support import latest_otp, person_id, persona_code, type_text
from textual.widgets import Input

from mes_sante_tui.app import make_app
from mes_sante_tui.core.models import ProfileStatus
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.screens import (
    AccountScreen,
    ContactEditScreen,
    ContactsScreen,
    DecisionScreen,
    IdentifyScreen,
    OtpScreen,
    StartScreen,
    SuccessScreen,
)
from mes_sante_tui.widgets import ErrorSummary, FormField

SIZE = (120, 40)


def field_error(screen: object, name: str) -> str | None:
    fields: dict[str, FormField] = screen.fields  # type: ignore[attr-defined]
    return fields[name].error


async def test_code_first_activation_by_keyboard(services: Services, settings: Settings) -> None:
    app = make_app(services=services, settings=settings)
    martine = services.store.person(person_id(services, "martine"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # « Activer Mon espace santé »
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")  # « Commencer »
        await pilot.pause()
        assert isinstance(app.screen, IdentifyScreen)

        # Je m'identifie: code, NIR with spaces, card model, serial.
        await type_text(pilot, persona_code(services, "martine"))
        await pilot.press("tab", "tab")  # past « Générer un nouveau code provisoire »
        await type_text(pilot, " ".join([martine.nir[:1], martine.nir[1:3], martine.nir[3:]]))
        await pilot.press("tab", "tab")  # past the « Où trouver … » link, to the card model
        await pilot.press("enter")  # the first model: « Carte Vitale sans photo »
        await pilot.press("tab")
        await type_text(pilot, "953701166")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen), app.screen.query_one(ErrorSummary).lines

        # Decision: « J'active », then the consent box, then Continuer.
        await pilot.press("enter")  # first radio: J'active
        await pilot.press("tab", "space")  # the consent box
        await pilot.press("tab", "tab", "tab", "enter")  # past both links, to Continuer
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)

        # Contact check: change the mobile, confirm with the one-time code from the outbox.
        app.screen.query_one("#edit-mobile").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactEditScreen)
        await type_text(pilot, "07 12 34 56 78")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OtpScreen)
        await type_text(pilot, latest_otp(services))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert services.store.person(martine.id).mobile == "0712345678"
        assert "** ** ** *6 78" in str(app.screen.value_line("mobile").render())
        app.screen.query_one("#continue").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)

        # Identifier and password, then Valider.
        await type_text(pilot, "martine.l44")
        await pilot.press("tab")
        await type_text(pilot, "Kayak#Loire2026")
        await pilot.press("tab")
        await type_text(pilot, "Kayak#Loire2026")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SuccessScreen)

    stored = services.store.person(martine.id)
    assert stored.status is ProfileStatus.ACTIVATED
    assert services.store.account_identifier(martine.id) == "martine.l44"


async def test_identify_refusals_shown_under_fields_and_kept(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        await type_text(pilot, "abc")
        await pilot.press("tab", "tab")
        await type_text(pilot, "1 55")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IdentifyScreen)
        assert field_error(screen, "code") == "Le code doit contenir 12 caractères"
        assert field_error(screen, "nir") == (
            "Le numéro de sécurité sociale doit contenir 15 caractères"
        )
        assert field_error(screen, "model") is not None
        assert field_error(screen, "serial") is None  # no model chosen yet: nothing to check
        summary = screen.query_one(ErrorSummary)
        assert summary.lines[0].startswith("⚠")
        assert any("Numéro de sécurité sociale" in line for line in summary.lines)
        # What was typed stays.
        assert screen.query_one("#code", Input).value == "abc"
        assert screen.query_one("#nir", Input).value == "1 55"
