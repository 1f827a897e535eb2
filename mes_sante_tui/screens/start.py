"""« Commencer »: what the person needs before starting (guide 002, guide 000 step 1)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.journey import Step
from mes_sante_tui.wording import t

from .base import JourneyScreen


class StartScreen(JourneyScreen[None]):
    STEP = Step.START
    TITLE_KEY = "start.title"
    HELP_KEY = "home.help"
    AUTO_FOCUS = "#begin"

    def body(self) -> Iterable[Widget]:
        yield Static(t("start.need"), classes="lead", markup=False)
        for key in ("start.need.code", "start.need.card", "start.need.time"):
            yield Static(t(key), classes="need", markup=False)
        yield Button(t("start.begin"), id="begin", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "begin":
            self.msa.advance(self.STEP)

    def action_back(self) -> None:
        self.msa.leave_to_home()
