"""« Je m'identifie »: provisional code, NIR, card model and serial (guide 002)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.engine import Identified
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.results import Refused
from mes_sante_tui.widgets import ActionRow, ErrorSummary, FormField, LinkButton, TextInput
from mes_sante_tui.wording import t

from .regenerate import CardEntry
from .vitale_form import MAX_TYPED, VitaleForm


@dataclass(frozen=True)
class CodeEntry:
    """What « Je m'identifie » holds: the provisional code, the NIR and the card."""

    code: str
    nir: str
    model: CardModel | None
    serial: str


class IdentifyScreen(VitaleForm[None]):
    STEP = Step.IDENTIFY
    AUTO_FOCUS = "#code"

    def __init__(self, identify: Callable[[CodeEntry], Identified | Refused]) -> None:
        """Handed the call that checks the provisional code with the NIR and card."""
        self.identify = identify
        super().__init__()

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "code": FormField(
                t("field.code"),
                TextInput(id="code", max_length=MAX_TYPED),
                hint=t("field.code.hint"),
            ),
            **self.vitale_fields(),
        }
        yield Static(t("identify.intro"), classes="lead", markup=False)
        yield Static(t("identify.required_note"), classes="note", markup=False)
        yield Static("", id="notice", classes="confirmation", markup=False)
        yield ErrorSummary()
        yield self.fields["code"]
        yield LinkButton(t("link.regenerate"), id="regenerate")
        yield from self.compose_nir()
        yield from self.compose_card()
        with ActionRow(classes="actions"):
            yield Button(t("button.cancel"), id="cancel")
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#notice").display = False

    def show_notice(self, text: str) -> None:
        """A confirmation above the form, e.g. that a new code has just been sent."""
        notice = self.query_one("#notice", Static)
        notice.update(text)
        notice.display = True

    def typed_card(self) -> CardEntry:
        """The NIR and card typed here, for « Je génère un nouveau code provisoire »."""
        return CardEntry.typed_on(self)

    def came_back(self, card: CardEntry, *, new_code: bool) -> None:
        """Back from « Je génère un nouveau code provisoire » with the card as typed there.
        A new code replaces the old one: its field is emptied and focused, ready for it."""
        card.fill(self)
        if new_code:
            code = self.query_one("#code", Input)
            code.value = ""
            code.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if self.open_help_link(event.button):
            return
        match event.button.id:
            case "continue":
                self.submit()
            case "cancel":
                self.done("home")
            case "regenerate":
                self.done("regenerate")

    def submit(self) -> None:
        result = self.identify(
            CodeEntry(self.value("code"), self.value("nir"), self.model, self.value("serial"))
        )
        if isinstance(result, Identified):
            self.clear_refusal(self.fields)
            self.done()
        else:
            self.refuse(result, self.fields)
