"""In the classroom (the app under Textual's web driver), the certificate goes to the
trainee's browser as a download (`deliver_binary`), never to a file on the server."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from support import person_id, persona_code
from textual.widgets import Input, Static

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.engine import Choice, Opposed
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.screens import OppositionDoneScreen


async def test_the_certificate_is_delivered_to_the_browser(
    services: Services, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    delivered: list[tuple[bytes, dict[str, Any]]] = []

    def deliver(self: MesSanteApp, file: io.BytesIO, **options: Any) -> str:
        delivered.append((file.getvalue(), options))
        return "key"

    monkeypatch.setattr(MesSanteApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(MesSanteApp, "deliver_binary", deliver)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        # Martine has opposed (by engine calls: the way there is not the point here).
        app.start_journey()
        session = app.session
        assert session is not None
        martine = services.store.person(person_id(services, "martine"))
        engine = services.engine
        assert engine.identify_with_code(
            session, code=persona_code(services, "martine"), nir=martine.nir,
            model=CardModel.WITHOUT_PHOTO, serial="953701166",
        ).ok
        assert engine.decide(session, Choice.OPPOSE, False).ok
        opposed = engine.confirm_opposition(session)
        assert isinstance(opposed, Opposed)
        await app.push_screen(OppositionDoneScreen(opposed, engine.household_profiles(session)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OppositionDoneScreen)
        assert not screen.query(Input)  # no folder on the server to choose
        screen.query_one("#download").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert len(delivered) == 1
        pdf, options = delivered[0]
        assert options["mime_type"] == "application/pdf"
        assert options["save_filename"].startswith("justificatif-opposition-leguellec-martine")
        text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        assert "Votre justificatif d'opposition" in text
        said = str(screen.query_one("#saved", Static).render())
        assert "envoyé à votre navigateur" in said
    assert list(tmp_path.rglob("*.pdf")) == []
