"""Identity first, « Mon identité »: « Je renseigne la date de naissance » (guide 000)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.engine import Accepted
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.widgets import ActionRow, ErrorSummary, FormField, TextInput
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .vitale_form import MAX_TYPED


class BirthDateScreen(JourneyScreen[None]):
    STEP = Step.BIRTH_DATE
    AUTO_FOCUS = "#birth_date"

    def __init__(self, check: Callable[[str], Accepted | Refused]) -> None:
        """Handed the call that checks the date of birth typed."""
        self.check = check
        super().__init__()

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "birth_date": FormField(
                t("field.birth_date"),
                TextInput(id="birth_date", max_length=MAX_TYPED),
                hint=t("field.birth_date.hint"),
            )
        }
        yield Static(t("birth_date.for_whom"), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields["birth_date"]
        with ActionRow(classes="actions"):
            yield Button(t("button.back"), id="back")
            yield Button(t("button.next"), id="continue", variant="primary")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue":
            self.submit()
        elif event.button.id == "back":
            self.action_back()

    def submit(self) -> None:
        value = self.query_one("#birth_date", Input).value
        result = self.check(value)
        if isinstance(result, Accepted):
            self.clear_refusal(self.fields)
            self.done()
        else:
            self.refuse(result, self.fields)
