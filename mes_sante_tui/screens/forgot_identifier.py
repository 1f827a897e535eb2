"""« Identifiant oublié »: NIR and date of birth, then where to send the identifier."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.access import AccountFound
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.dialogs.help_nir import HelpNirScreen
from mes_sante_tui.widgets import ActionRow, ErrorSummary, FormField, LinkButton, TextInput
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .vitale_form import MAX_TYPED


class ForgotIdentifierScreen(JourneyScreen[None]):
    """Hands the account found to the router (which asks where to send the identifier)."""

    STEP = Step.HOME
    TITLE_KEY = "forgot_identifier.title"
    HELP_KEY = "forgot_identifier.help"
    AUTO_FOCUS = "#nir"

    def __init__(self, find: Callable[[str, str], AccountFound | Refused]) -> None:
        """Handed the call that looks for the account (NIR, date of birth as typed)."""
        self.find = find
        super().__init__()

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "nir": FormField(
                t("field.nir"), TextInput(id="nir", max_length=MAX_TYPED), hint=t("field.nir.hint")
            ),
            "birth_date": FormField(
                t("field.birth_date"),
                TextInput(id="birth_date", max_length=MAX_TYPED),
                hint=t("field.birth_date.hint"),
            ),
        }
        yield Static(t("forgot_identifier.intro"), classes="lead", markup=False)
        yield Static(t("identify.required_note"), classes="note", markup=False)
        yield ErrorSummary()
        yield self.fields["nir"]
        yield LinkButton(t("link.where_nir"), id="where-nir")
        yield self.fields["birth_date"]
        with ActionRow(classes="actions"):
            yield Button(t("button.back"), id="cancel")
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "continue":
                self.submit()
            case "where-nir":
                self.app.push_screen(HelpNirScreen())
            case "cancel":
                self.action_back()

    def submit(self) -> None:
        result = self.find(
            self.query_one("#nir", Input).value, self.query_one("#birth_date", Input).value
        )
        if isinstance(result, AccountFound):
            self.clear_refusal(self.fields)
            self.done(result)
        else:
            self.refuse(result, self.fields)
