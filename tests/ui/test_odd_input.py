"""Pilot tests: what a person pastes that nobody could type (a NUL, a lone surrogate, a
right-to-left mark, 10,000 characters) is refused in words under its field, never a crash."""

from __future__ import annotations

import pytest
from drive import choose_oppose, open_step
from support import current, paste, tab_to
from textual.widgets import Input, Static

from mes_sante_tui.app import make_app
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.screens import LoginScreen, OppositionDoneScreen
from mes_sante_tui.widgets import ErrorSummary, FormField
from mes_sante_tui.wording import t

SIZE = (120, 40)


# Each next folder is refused with another message than the one before it, so that each
# refusal is seen to be its own.
ODD_FOLDERS = [
    ("/tmp/justif\x00icatifs", "opposition.done.folder.charset"),
    ("/" + "d/" * 3_000, "opposition.done.folder.too_long"),
    ("~/Documents/\ud800", "opposition.done.folder.charset"),
]


async def test_a_certificate_folder_nobody_could_type_is_refused_under_the_field(
    services: Services, settings: Settings
) -> None:
    """A NUL, a lone surrogate, a path too long: one after the other on the same screen."""
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)  # the way there is not the point
        await choose_oppose(pilot)
        await pilot.press("enter")
        await pilot.pause()
        screen = current(app)
        assert isinstance(screen, OppositionDoneScreen)
        for folder, key in ODD_FOLDERS:
            screen.query_one("#folder", Input).value = folder
            await pilot.pause()  # the change handled (it clears the error before) first
            screen.query_one("#download").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert screen.query_one(FormField).error == t(key), folder[:40]
            assert screen.query_one("#folder", Input).value == folder  # kept, to be corrected
            assert not screen.query_one("#saved", Static).display


@pytest.mark.parametrize(
    "identifier", ["sebastien\ud800", "\x00", "\u202esebastien"], ids=["surrogate", "nul", "rtl"]
)
async def test_a_pasted_identifier_nobody_could_type_is_a_wrong_login(
    services: Services, settings: Settings, identifier: str
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "login")
        await pilot.press("enter")
        await pilot.pause()
        screen = current(app)
        assert isinstance(screen, LoginScreen)
        await paste(pilot, identifier)
        await tab_to(pilot, "password")
        await paste(pilot, "Phare#Ouest2022")
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is screen
        summary = screen.query_one(ErrorSummary)
        assert t("login.failed") in str(summary.render())
