"""« Je choisis mon identifiant et mon mot de passe », with the live checklist of rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.engine import Activated
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.password import PasswordRule
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.settings import JourneyVariant
from mes_sante_tui.widgets import (
    ActionRow,
    ErrorSummary,
    FormField,
    PasswordPair,
    TextInput,
)
from mes_sante_tui.wording import t, t_variant

from .base import JourneyScreen

_MAX_IDENTIFIER = 140  # above the rule's 100, so a long entry gets the message, not a cut


@dataclass(frozen=True)
class PasswordRules:
    """The password rules in force: their version (« 2025 ») and the check of a password
    being typed, for the checklist under it."""

    version: str
    check: Callable[[str], list[PasswordRule]]


class AccountScreen(JourneyScreen[None]):
    STEP = Step.ACCOUNT
    AUTO_FOCUS = "#identifier"

    def __init__(
        self,
        variant: JourneyVariant,
        rules: PasswordRules,
        create: Callable[[str, str, str], Activated | Refused],
    ) -> None:
        """Handed the journey's variant (its guide's words), the password rules in force and
        the call that creates the account (identifier, password, confirmation)."""
        self.variant = variant
        self.rules = rules
        self.create = create
        super().__init__()

    def title_text(self) -> str:
        """Guide 002's « Je choisis mon identifiant et mon mot de passe », or guide 000's
        « … commun à tous mes profils »."""
        return t_variant(self.TITLE_KEY, self.variant)

    def body(self) -> Iterable[Widget]:
        version = self.rules.version
        variant = self.variant
        self.fields = {
            "identifier": FormField(
                t("account.identifier"),
                TextInput(id="identifier", max_length=_MAX_IDENTIFIER),
                hint=t_variant("account.identifier.hint", variant),
            ),
        }
        self.pair = PasswordPair(
            t("account.password"),
            t_variant("account.password.hint", variant, version=version),
            show_label=t("account.show"),
            confirmation=(t("account.confirm"), t("account.confirm.hint")),
            rules=self.rules.check,
        )
        self.fields.update(self.pair.fields)
        yield Static(t_variant("account.intro", variant), classes="lead", markup=False)
        yield Static(t("account.rules_version", version=version), classes="note", markup=False)
        yield ErrorSummary()
        yield self.fields["identifier"]
        yield self.pair
        with ActionRow(classes="actions"):
            yield Button(t("button.validate"), id="validate", variant="primary")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "validate":
            self.submit()

    def submit(self) -> None:
        result = self.create(
            self.query_one("#identifier", Input).value,
            self.pair.password,
            self.pair.confirmation,
        )
        if isinstance(result, Activated):
            self.done(result)  # the router keeps the identifier, to say it at the end
        else:
            # A situation (profile activated or code used meanwhile) gets its own screen.
            self.refuse(result, self.fields)
