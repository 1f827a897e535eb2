"""« Je génère un nouveau code provisoire » (guide 002, 2/3): NIR, date of birth, card."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.engine import CodeSent, Found
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ErrorSummary, FormField, TextInput
from mes_sante_tui.wording import t

from .choose_profile import ChooseProfileScreen
from .send_code import SendCodeScreen
from .vitale_form import MAX_TYPED, VitaleForm


class RegenerateScreen(VitaleForm[None]):
    STEP = Step.IDENTIFY
    TITLE_KEY = "regenerate.title"
    HELP_KEY = "regenerate.help"
    AUTO_FOCUS = "#nir"

    def body(self) -> Iterable[Widget]:
        self.fields = self.vitale_fields()
        self.fields["birth_date"] = FormField(
            t("field.birth_date"),
            TextInput(id="birth_date", max_length=MAX_TYPED),
            hint=t("field.birth_date.hint"),
        )
        yield Static(t("regenerate.intro"), classes="lead", markup=False)
        yield ErrorSummary()
        yield from self.compose_nir()
        yield Static(t("birth_date.for_whom"), classes="note", markup=False)
        yield self.fields["birth_date"]
        yield from self.compose_card()
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.back"), id="cancel")
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if self.open_help_link(event.button):
            return
        if event.button.id == "continue":
            self.submit()
        elif event.button.id == "cancel":
            self.dismiss(None)

    def submit(self) -> None:
        session = self.msa.session
        assert session is not None
        result = self.msa.engine.identify_by_identity(
            session,
            nir=self.value("nir"),
            birth_date=self.value("birth_date"),
            model=self.model,
            serial=self.value("serial"),
            step="regenerer_code",
        )
        if not isinstance(result, Found):
            self.refuse(result, self.fields)
            return
        self.clear_refusal(self.fields)
        if len(result.candidates) > 1:
            self.app.push_screen(ChooseProfileScreen(), self._chosen)
        else:
            self._send()

    def _chosen(self, chosen: bool | None) -> None:
        if chosen:
            self._send()

    def _send(self) -> None:
        self.app.push_screen(SendCodeScreen(), self._sent)

    def _sent(self, sent: CodeSent | None) -> None:
        if sent is not None:
            self.dismiss(None)
            self.msa.code_regenerated(sent)

    def action_back(self) -> None:
        self.dismiss(None)
