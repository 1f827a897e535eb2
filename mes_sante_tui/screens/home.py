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
        yield Static(t("home.lead"), id="lead", classes="lead", markup=False)
        yield Button(t("home.activate"), id="activate", variant="primary")
        yield LinkButton(t("home.login"), id="login")
        yield LinkButton(t("home.settings"), id="settings")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        # « Activer », « Se connecter », the simulator's settings: the router opens them.
        self.done(event.button.id)
