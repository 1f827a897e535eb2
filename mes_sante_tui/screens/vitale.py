"""Identity first: « Je renseigne les informations de ma carte Vitale » (guide 000, étape 3)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.engine import Found
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ErrorSummary
from mes_sante_tui.wording import t

from .vitale_form import VitaleForm


class VitaleScreen(VitaleForm[None]):
    STEP = Step.VITALE
    AUTO_FOCUS = "#nir"

    def body(self) -> Iterable[Widget]:
        self.fields = self.vitale_fields()
        yield Static(t("vitale.intro"), classes="lead", markup=False)
        yield ErrorSummary()
        yield from self.compose_nir()
        yield from self.compose_card()
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.back"), id="back")
            yield Button(t("button.next"), id="continue", variant="primary")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if self.open_help_link(event.button):
            return
        if event.button.id == "continue":
            self.submit()
        elif event.button.id == "back":
            self.action_back()

    def submit(self) -> None:
        session = self.msa.session
        assert session is not None
        result = self.msa.engine.identify_by_identity(
            session, nir=self.value("nir"), model=self.model, serial=self.value("serial")
        )
        if isinstance(result, Found):
            self.clear_refusal(self.fields)
            self.done()
        else:
            self.refuse(result, self.fields)
