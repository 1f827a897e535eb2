"""« Je modifie mon adresse e-mail » / « Je renseigne mon numéro de téléphone mobile »."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.engine import ContactKind, OtpSent
from mes_sante_tui.core.guide import Page
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.widgets import ActionRow, ErrorSummary, FormField, TextInput
from mes_sante_tui.wording import t

from .base import JourneyScreen


class ContactEditScreen(JourneyScreen[OtpSent | None]):
    """Returns the one-time code's destination once it has been sent, None if cancelled."""

    STEP = Step.CONTACTS
    HELP_KEY = "contacts.help"
    AUTO_FOCUS = "#value"

    def __init__(self, kind: ContactKind, request: Callable[[str], OtpSent | Refused]) -> None:
        """Handed the kind of contact and the call that sends a code to the new one."""
        self.kind = kind
        self.request = request
        super().__init__()

    def title_text(self) -> str:
        return t(f"contact_edit.{self.kind.value}.title")

    def guide_page(self) -> Page:
        email = self.kind is ContactKind.EMAIL
        return Page.CONTACT_EDIT_EMAIL if email else Page.CONTACT_EDIT_MOBILE

    def body(self) -> Iterable[Widget]:
        k = self.kind.value
        self.fields = {
            k: FormField(
                t(f"contact_edit.{k}.field"),
                TextInput(id="value", max_length=260),
                hint=t(f"contact_edit.{k}.hint"),
            )
        }
        yield Static(t(f"contact_edit.{k}.intro"), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields[k]
        with ActionRow(classes="actions"):
            yield Button(t("button.cancel"), id="cancel")
            yield Button(t("button.validate"), id="validate", variant="primary")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "validate":
            self.submit()
        elif event.button.id == "cancel":
            self.action_back()

    def submit(self) -> None:
        value = self.query_one("#value", Input).value
        result = self.request(value)
        if isinstance(result, OtpSent):
            self.dismiss(result)
        else:
            self.show_refusal(result.errors, self.fields, result.message)
