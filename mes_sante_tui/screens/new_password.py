"""« Je choisis mon nouveau mot de passe », with the live checklist of the rules in force."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.access import Done
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.widgets import (
    ActionRow,
    ErrorSummary,
    PasswordPair,
)
from mes_sante_tui.wording import t

from .account import PasswordRules
from .base import JourneyScreen


class NewPasswordScreen(JourneyScreen[bool]):
    """Returns True once the new password is stored, False when the person goes back."""

    STEP = Step.HOME
    TITLE_KEY = "new_password.title"
    HELP_KEY = "new_password.help"
    AUTO_FOCUS = "#password"
    CANCELLED = False

    def __init__(
        self, rules: PasswordRules, reset: Callable[[str, str], Done | Refused]
    ) -> None:
        """Handed the password rules in force and the call that stores the new password
        (typed twice)."""
        self.rules = rules
        self.reset = reset
        super().__init__()

    def body(self) -> Iterable[Widget]:
        version = self.rules.version
        self.pair = PasswordPair(
            t("new_password.password"),
            t("account.password.hint", version=version),
            show_label=t("account.show"),
            confirmation=(t("new_password.confirm"), t("account.confirm.hint")),
            rules=self.rules.check,
        )
        self.fields = dict(self.pair.fields)
        yield Static(t("new_password.intro"), classes="lead", markup=False)
        yield Static(t("account.rules_version", version=version), classes="note", markup=False)
        yield ErrorSummary()
        yield self.pair
        with ActionRow(classes="actions"):
            yield Button(t("button.back"), id="cancel")
            yield Button(t("button.validate"), id="validate", variant="primary")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "validate":
                self.submit()
            case "cancel":
                self.action_back()

    def submit(self) -> None:
        result = self.reset(self.pair.password, self.pair.confirmation)
        if isinstance(result, Done):
            self.msa.refresh_outbox()
            self.dismiss(True)
        else:
            self.refuse(result, self.fields)
