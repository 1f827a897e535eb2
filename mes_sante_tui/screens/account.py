"""« Je choisis mon identifiant et mon mot de passe », with the live checklist of rules."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Static

from mes_sante_tui.core.engine import Activated
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ErrorSummary, FormField, PasswordChecklist, TextInput, TickBox
from mes_sante_tui.wording import t, t_variant

from .base import JourneyScreen

_MAX_IDENTIFIER = 140  # above the rule's 100, so a long entry gets the message, not a cut
_MAX_PASSWORD = 200


class AccountScreen(JourneyScreen[None]):
    STEP = Step.ACCOUNT
    AUTO_FOCUS = "#identifier"
    BINDINGS = [
        Binding(
            "f3",
            "toggle_password",
            t("key.show_password"),
            tooltip=t("key.show_password.tip"),
            id="show-password",
        ),
    ]

    def title_text(self) -> str:
        """Guide 002's « Je choisis mon identifiant et mon mot de passe », or guide 000's
        « … commun à tous mes profils »."""
        return t_variant(self.TITLE_KEY, self.msa.settings.journey)

    def body(self) -> Iterable[Widget]:
        version = self.msa.settings.rule_version.value
        variant = self.msa.settings.journey
        self.fields = {
            "identifier": FormField(
                t("account.identifier"),
                TextInput(id="identifier", max_length=_MAX_IDENTIFIER),
                hint=t_variant("account.identifier.hint", variant),
            ),
            "password": FormField(
                t("account.password"),
                TextInput(id="password", password=True, max_length=_MAX_PASSWORD),
                hint=t_variant("account.password.hint", variant, version=version),
            ),
            "confirmation": FormField(
                t("account.confirm"),
                TextInput(id="confirmation", password=True, max_length=_MAX_PASSWORD),
                hint=t("account.confirm.hint"),
            ),
        }
        yield Static(t_variant("account.intro", variant), classes="lead", markup=False)
        yield Static(t("account.rules_version", version=version), classes="note", markup=False)
        yield ErrorSummary()
        yield self.fields["identifier"]
        yield self.fields["password"]
        yield PasswordChecklist(id="checklist")
        yield self.fields["confirmation"]
        yield TickBox(t("account.show"), id="show")
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.validate"), id="validate", variant="primary")

    def on_mount(self) -> None:
        self._update_checklist("")

    def _update_checklist(self, password: str) -> None:
        self.query_one(PasswordChecklist).show_rules(self.msa.engine.password_rules(password))

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
        if event.button.id == "validate":
            self.submit()

    def submit(self) -> None:
        session = self.msa.session
        assert session is not None
        result = self.msa.engine.create_account(
            session,
            identifier_raw=self.query_one("#identifier", Input).value,
            password_raw=self.query_one("#password", Input).value,
            confirmation=self.query_one("#confirmation", Input).value,
        )
        if isinstance(result, Activated):
            self.msa.last_identifier = result.identifier
            self.msa.refresh_outbox()
            self.done()
        else:
            # A situation (profile activated or code used meanwhile) gets its own screen.
            self.refuse(result, self.fields)
