"""« Je choisis mon nouveau mot de passe », with the live checklist of the rules in force."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Static

from mes_sante_tui.core.access import Done
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ErrorSummary, FormField, PasswordChecklist, TextInput, TickBox
from mes_sante_tui.wording import t

from .base import JourneyScreen

_MAX_PASSWORD = 200


class NewPasswordScreen(JourneyScreen[bool]):
    """Returns True once the new password is stored, False when the person goes back."""

    STEP = Step.HOME
    TITLE_KEY = "new_password.title"
    HELP_KEY = "new_password.help"
    AUTO_FOCUS = "#password"
    CANCELLED = False
    BINDINGS = [
        Binding(
            "f3",
            "toggle_password",
            t("key.show_password"),
            tooltip=t("key.show_password.tip"),
            id="show-password",
        ),
    ]

    def body(self) -> Iterable[Widget]:
        version = self.msa.settings.rule_version.value
        self.fields = {
            "password": FormField(
                t("new_password.password"),
                TextInput(id="password", password=True, max_length=_MAX_PASSWORD),
                hint=t("account.password.hint", version=version),
            ),
            "confirmation": FormField(
                t("new_password.confirm"),
                TextInput(id="confirmation", password=True, max_length=_MAX_PASSWORD),
                hint=t("account.confirm.hint"),
            ),
        }
        yield Static(t("new_password.intro"), classes="lead", markup=False)
        yield Static(t("account.rules_version", version=version), classes="note", markup=False)
        yield ErrorSummary()
        yield self.fields["password"]
        yield PasswordChecklist(id="checklist")
        yield self.fields["confirmation"]
        yield TickBox(t("account.show"), id="show")
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.back"), id="cancel")
            yield Button(t("button.validate"), id="validate", variant="primary")

    def on_mount(self) -> None:
        self._update_checklist("")

    def _update_checklist(self, password: str) -> None:
        rules = self.msa.engine.access.password_rules(password)
        self.query_one(PasswordChecklist).show_rules(rules)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "password":
            self._update_checklist(event.value)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "show":
            for field_id in ("#password", "#confirmation"):
                self.query_one(field_id, Input).password = not event.value

    def action_toggle_password(self) -> None:
        box = self.query_one("#show", Checkbox)
        box.value = not box.value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "validate":
                self.submit()
            case "cancel":
                self.action_back()

    def submit(self) -> None:
        session = self.msa.session
        if session is None:
            return
        result = self.msa.engine.access.reset_password(
            session,
            password_raw=self.query_one("#password", Input).value,
            confirmation=self.query_one("#confirmation", Input).value,
        )
        if isinstance(result, Done):
            self.msa.refresh_outbox()
            self.dismiss(True)
        else:
            self.refuse(result, self.fields)
