"""Home: the service's front page and its « Activer Mon espace santé » button."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import LinkButton
from mes_sante_tui.wording import t

from .base import JourneyScreen


class HomeScreen(JourneyScreen[None]):
    STEP = Step.HOME
    AUTO_FOCUS = "#activate"

    def body(self) -> Iterable[Widget]:
        yield Static(t("home.kicker"), classes="kicker", markup=False)
        yield Static(t("home.lead"), classes="lead", markup=False)
        yield Button(t("home.activate"), id="activate", variant="primary")
        yield LinkButton(t("home.login"), id="login")
        yield LinkButton(t("home.settings"), id="settings")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "activate":
            self.msa.start_journey()
        elif event.button.id == "login":
            self.msa.open_login()
        elif event.button.id == "settings":
            self.msa.open_settings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing before the home page: Escape is neither offered in the footer nor in F1."""
        return action != "back"

    def action_back(self) -> None:
        """Nothing before the home page."""
