"""« Se connecter à Mon espace santé »: identifier and password, then a one-time code.

The ways to recover a forgotten identifier or password start here and come back here, with
a notice saying what was sent or changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.access import CodeOnItsWay
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.widgets import (
    ActionRow,
    ErrorSummary,
    FormField,
    LinkButton,
    PasswordPair,
    TextInput,
)
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .recovery_channel import where_sent

_MAX_IDENTIFIER = 140  # above the rule's 100: a long entry is refused in words, not cut


class LoginScreen(JourneyScreen[None]):
    STEP = Step.HOME  # no stepper: logging in is not a step of the activation
    TITLE_KEY = "login.title"
    HELP_KEY = "login.help"
    AUTO_FOCUS = "#identifier"

    def __init__(self, login: Callable[[str, str], CodeOnItsWay | Refused]) -> None:
        """Handed the call that checks the identifier and password and sends the code."""
        self.login = login
        super().__init__()

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "identifier": FormField(
                t("login.identifier"),
                TextInput(id="identifier", max_length=_MAX_IDENTIFIER),
                hint=t("login.identifier.hint"),
            ),
        }
        self.pair = PasswordPair(
            t("login.password"), t("login.password.hint"), show_label=t("login.show")
        )
        self.fields.update(self.pair.fields)
        yield Static(t("login.intro"), classes="lead", markup=False)
        yield Static("", id="notice", classes="confirmation", markup=False)
        yield ErrorSummary()
        yield self.fields["identifier"]
        yield self.pair
        with ActionRow(classes="actions"):
            yield Button(t("button.back"), id="cancel")
            yield Button(t("login.submit"), id="login", variant="primary")
        yield LinkButton(t("login.forgot_identifier"), id="forgot-identifier")
        yield LinkButton(t("login.forgot_password"), id="forgot-password")

    def on_mount(self) -> None:
        self.query_one("#notice").display = False

    def show_notice(self, text: str | None) -> None:
        """A confirmation above the form (identifier sent, password changed), or none."""
        notice = self.query_one("#notice", Static)
        notice.update(text or "")
        notice.display = bool(text)

    # --- events --------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "login":
                self.submit()
            case "cancel":
                self.action_back()
            case "forgot-identifier" | "forgot-password":
                self.done(event.button.id)

    # --- logging in ----------------------------------------------------------------------

    def submit(self) -> None:
        result = self.login(self.query_one("#identifier", Input).value, self.pair.password)
        self.show_notice(None)
        if isinstance(result, CodeOnItsWay):
            self.clear_refusal(self.fields)
            self.msa.refresh_outbox()
            self.done(result)
        else:
            self.refuse(result, self.fields)

    def code_refused(self, refused: Refused | None) -> None:
        """Back from the code: the person went back, or the login is now locked (said here,
        where « Mot de passe oublié ? » is at hand)."""
        if refused is not None:
            self.show_refusal({}, self.fields, refused.message)

    # --- back from a recovery ------------------------------------------------------------

    def identifier_sent(self, sent: CodeOnItsWay | None) -> None:
        if sent is not None:
            self.clear_refusal(self.fields)
            self.show_notice(t("login.identifier_sent", where=where_sent(sent)))
            self.query_one("#identifier", Input).focus()
            self.msa.refresh_outbox()

    def password_changed(self, changed: bool | None) -> None:
        if changed:
            self.clear_refusal(self.fields)
            self.pair.clear()
            self.show_notice(t("login.password_changed"))
            self.query_one("#identifier", Input).focus()
            self.msa.refresh_outbox()
