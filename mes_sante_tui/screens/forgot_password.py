"""« Mot de passe oublié »: NIR, date of birth and the Vitale card; then where to send a
one-time code, the code, and the new password."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.access import AccountFound
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ErrorSummary, FormField, TextInput
from mes_sante_tui.wording import t

from .vitale_form import MAX_TYPED, VitaleForm


class ForgotPasswordScreen(VitaleForm[bool]):
    """Hands the account found to the router (which asks where to send a code, the code and
    the new password); returns False when the person goes back."""

    STEP = Step.HOME
    TITLE_KEY = "forgot_password.title"
    HELP_KEY = "forgot_password.help"
    AUTO_FOCUS = "#nir"
    CANCELLED = False

    def body(self) -> Iterable[Widget]:
        self.fields = self.vitale_fields()
        self.fields["birth_date"] = FormField(
            t("field.birth_date"),
            TextInput(id="birth_date", max_length=MAX_TYPED),
            hint=t("field.birth_date.hint"),
        )
        yield Static(t("forgot_password.intro"), classes="lead", markup=False)
        yield Static(t("identify.required_note"), classes="note", markup=False)
        yield ErrorSummary()
        yield from self.compose_nir()
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
            self.action_back()

    def submit(self) -> None:
        session = self.msa.session
        if session is None:
            return
        result = self.msa.engine.access.find_for_password(
            session,
            nir=self.value("nir"),
            birth_date=self.value("birth_date"),
            model=self.model,
            serial=self.value("serial"),
        )
        if isinstance(result, AccountFound):
            self.clear_refusal(self.fields)
            self.done(result)
        else:
            self.refuse(result, self.fields)
