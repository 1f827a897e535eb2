"""« Mot de passe oublié »: the one-time code sent to the contact the person chose."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.access import CodeOnItsWay, Done
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ErrorSummary, FormField, LinkButton, TextInput
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .recovery_channel import where_sent

_MAX_TYPED = 20  # above the 6 digits: a longer entry gets the message, not a cut


class RecoveryCodeScreen(JourneyScreen[bool]):
    """Returns True once the code is confirmed, False when the person goes back."""

    STEP = Step.HOME
    TITLE_KEY = "recovery_code.title"
    HELP_KEY = "recovery_code.help"
    AUTO_FOCUS = "#otp"

    def __init__(self, sent: CodeOnItsWay) -> None:
        self.sent = sent
        super().__init__()

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "otp": FormField(
                t("otp.field"), TextInput(id="otp", max_length=_MAX_TYPED), hint=t("otp.hint")
            )
        }
        yield Static(
            t(f"recovery_code.sent.{self.sent.channel.value}", masked=self.sent.masked),
            id="sent-to",
            classes="lead",
            markup=False,
        )
        yield ErrorSummary()
        yield self.fields["otp"]
        yield LinkButton(t("otp.resend"), id="resend")
        yield Static("", id="resent", classes="confirmation", markup=False)
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.back"), id="cancel")
            yield Button(t("button.validate"), id="validate", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#resent").display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "validate":
                self.submit()
            case "resend":
                self.resend()
            case "cancel":
                self.dismiss(False)

    def resend(self) -> None:
        """A new code to the same contact; it replaces the previous one."""
        session = self.msa.session
        if session is None:
            return
        result = self.msa.engine.access.send_password_code(session, self.sent.channel)
        if isinstance(result, CodeOnItsWay):
            self.clear_refusal(self.fields)
            notice = self.query_one("#resent", Static)
            notice.update(t("login_code.resent", where=where_sent(result)))
            notice.display = True
            self.query_one("#otp", Input).focus()
            self.msa.refresh_outbox()
        else:
            self.refuse(result, self.fields)

    def submit(self) -> None:
        session = self.msa.session
        if session is None:
            return
        result = self.msa.engine.access.verify_password_code(
            session, self.query_one("#otp", Input).value
        )
        if isinstance(result, Done):
            self.clear_refusal(self.fields)
            self.dismiss(True)
        else:
            self.query_one("#resent").display = False
            self.refuse(result, self.fields)

    def action_back(self) -> None:
        self.dismiss(False)
