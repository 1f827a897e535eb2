"""Pilot tests: opposing by keyboard, the certificate saved where the person chose, the
household's profiles (guide 002, Opposition 1/4 to 3/4)."""

from __future__ import annotations

import re
from pathlib import Path

from drive import choose_oppose, open_step, to_decision
from pypdf import PdfReader
from support import person_id
from textual.widgets import Input, Static

from mes_sante_tui.app import make_app
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import ProfileStatus
from mes_sante_tui.core.nir import format_nir
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.screens import (
    DecisionScreen,
    HomeScreen,
    OppositionConfirmScreen,
    OppositionDoneScreen,
    QuitConfirmScreen,
)
from mes_sante_tui.widgets import ErrorSummary, FormField
from mes_sante_tui.wording import t

SIZE = (120, 40)


def screen_text(screen: object) -> str:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return "\n".join(str(s.render()) for s in screen.query(Static) if s.display)


async def test_opposition_by_keyboard(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    app = make_app(services=services, settings=settings)
    martine = services.store.person(person_id(services, "martine"))
    async with app.run_test(size=SIZE) as pilot:
        await to_decision(pilot, services)
        assert isinstance(app.screen, DecisionScreen), app.screen.query_one(ErrorSummary).lines
        await choose_oppose(pilot)
        assert isinstance(app.screen, OppositionConfirmScreen)
        assert "Mon espace santé ne sera pas créé" in screen_text(app.screen)

        await pilot.press("shift+tab", "enter")  # « Annuler »
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        assert services.store.person(martine.id).status is ProfileStatus.PENDING

        app.screen.query_one("#continue").focus()
        await pilot.press("enter")  # the choice « Je m'oppose » is still made
        await pilot.pause()
        assert isinstance(app.screen, OppositionConfirmScreen)
        await pilot.press("enter")  # « Continuer », focused on arrival
        await pilot.pause()
        assert isinstance(app.screen, OppositionDoneScreen)
        assert services.store.person(martine.id).status is ProfileStatus.OPPOSED
        # The session stays, about Martine again: « Gérer le profil » acts for a child.
        assert app.session is not None and app.session.person_id == martine.id

        text = screen_text(app.screen)
        assert "Ma décision a bien été prise en compte" in text
        assert "Hugo Leguellec : Profil opposé le 07/12/2021" in text
        assert app.screen.query_one(f"#manage-{person_id(services, 'hugo')}")

        folder = tmp_path / "justificatifs"
        app.screen.query_one("#folder", Input).value = str(folder)
        app.screen.query_one("#download").focus()
        await pilot.press("enter")
        await pilot.pause()
        pdfs, txts = list(folder.glob("*.pdf")), list(folder.glob("*.txt"))
        assert len(pdfs) == 1 and len(txts) == 1
        content = "\n".join(page.extract_text() for page in PdfReader(pdfs[0]).pages)
        assert "Votre justificatif d'opposition" in content
        assert format_nir(martine.nir) in content
        # What the screen said of Martine's decision is what the certificate says: her name
        # and the date shown in the household list.
        shown = re.search(
            rf"{re.escape(martine.full_name)} : Profil opposé le (\d\d/\d\d/\d{{4}})", text
        )
        assert shown is not None, text
        flat = " ".join(content.split())
        assert f"prise en compte le {shown.group(1)}" in flat
        assert f"Le {shown.group(1)}" in flat
        assert f"{martine.last_name.upper()} {martine.first_name}" in flat
        assert "Votre justificatif d'opposition" in txts[0].read_text(encoding="utf-8")
        saved = app.screen.query_one("#saved", Static)
        assert saved.display and str(pdfs[0]) in str(saved.render())

        app.screen.query_one("#home").focus()
        await pilot.press("enter")  # « Retour à l'accueil »: no « Quitter la page ? »
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_folder_that_cannot_be_created_is_said_under_the_field(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    blocker = tmp_path / "un-fichier"
    blocker.write_text("pas un dossier", encoding="utf-8")
    wanted = blocker / "justificatifs"
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)  # the way there is not the point
        await choose_oppose(pilot)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OppositionDoneScreen)
        screen.query_one("#folder", Input).value = str(wanted)
        screen.query_one("#download").focus()
        await pilot.press("enter")
        await pilot.pause()
        error = screen.query_one(FormField).error
        assert error is not None
        assert str(wanted) in error and "n'a pas pu être enregistré" in error
        assert screen.query_one("#folder", Input).value == str(wanted)
        assert not screen.query_one("#saved", Static).display
        assert list(tmp_path.rglob("*.pdf")) == [] and list(tmp_path.rglob("*.txt")) == []


async def test_leaving_before_the_certificate_is_saved_asks_first(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    """The certificate is offered once (« ne sera plus disponible par la suite »): Escape or
    Ctrl+Q before it is saved asks « Quitter la page ? » and says so; once saved, Escape goes
    home at once."""
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)  # the way there is not the point
        await choose_oppose(pilot)
        await pilot.press("enter")
        await pilot.pause()
        done = app.screen
        assert isinstance(done, OppositionDoneScreen)
        for key in ("escape", "ctrl+q"):
            await pilot.press(key)
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, QuitConfirmScreen), key
            assert dialog.message == t("quit.body.certificate")
            assert "ne sera plus disponible par la suite" in screen_text(dialog)
            await pilot.press("enter")  # « Rester sur la page », the default
            await pilot.pause()
            assert app.screen is done and app.is_running, key

        done.query_one("#folder", Input).value = str(tmp_path)
        done.query_one("#download").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert list(tmp_path.glob("*.pdf"))
        await pilot.press("escape")  # saved: nothing is lost by leaving
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
