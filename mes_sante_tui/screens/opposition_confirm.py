"""« Je valide l'opposition à la création de Mon espace santé » (guide 002, Opposition 2/4)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.engine import Opposed
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.widgets import ActionRow, ErrorSummary
from mes_sante_tui.wording import t

from .base import JourneyScreen


class OppositionConfirmScreen(JourneyScreen[None]):
    """Handed the child's name (None: one's own profile) and the confirmation call; hands
    the opposition recorded to the router. While it is shown, the app starts the process that
    builds the certificate (`MesSanteApp.opposition_flow`)."""

    STEP = Step.DECISION
    TITLE_KEY = "opposition.confirm.title"
    HELP_KEY = "opposition.confirm.help"
    AUTO_FOCUS = "#continue"

    def __init__(self, child_name: str | None, confirm: Callable[[], Opposed | Refused]) -> None:
        self.child_name = child_name
        self.confirm = confirm
        super().__init__()

    def body(self) -> Iterable[Widget]:
        if self.child_name is not None:
            yield Static(
                t("opposition.confirm.child", name=self.child_name),
                classes="lead",
                markup=False,
            )
        yield ErrorSummary()
        yield Static(t("opposition.confirm.text"), classes="lead", markup=False)
        with ActionRow(classes="actions"):
            yield Button(t("button.cancel"), id="cancel")
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "continue":
                self.submit()
            case "cancel":
                self.action_back()

    def submit(self) -> None:
        result = self.confirm()
        if not isinstance(result, Opposed):
            self.refuse(result, {})
            return
        self.done(result)
