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
    DEFAULT_CSS = """
    HomeScreen .training {
        width: 1fr;
        border: round $accent;
        padding: 0 1;
        margin-bottom: 1;
    }
    """

    def body(self) -> Iterable[Widget]:
        lines = self.msa.training_lines()
        if lines:  # a training scenario: its goal first, in words
            yield Static("\n".join(lines), id="training", classes="training", markup=False)
        yield Static(t("home.kicker"), classes="kicker", markup=False)
        yield Static(t("home.lead"), id="lead", classes="lead", markup=False)
        yield Button(t("home.activate"), id="activate", variant="primary")
        yield LinkButton(t("home.login"), id="login")
        yield LinkButton(t("home.settings"), id="settings")
        yield LinkButton(t("home.scenarios"), id="scenarios")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        # « Activer », « Se connecter », the simulator's settings, the training scenarios:
        # the router opens them.
        self.done(event.button.id)
