"""« Je valide mon adresse e-mail / mon numéro »: the one-time code sent to the NEW contact."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.engine import Accepted, OtpSent
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ErrorSummary, FormField, LinkButton, TextInput
from mes_sante_tui.wording import t

from .base import JourneyScreen


class OtpScreen(JourneyScreen[bool]):
    """Returns True once the code is confirmed (the contact is then stored), else False."""

    STEP = Step.CONTACTS
    HELP_KEY = "otp.help"
    AUTO_FOCUS = "#otp"
    CANCELLED = False

    def __init__(self, sent: OtpSent) -> None:
        self.sent = sent
        super().__init__()

    def title_text(self) -> str:
        return t(f"otp.{self.sent.kind.value}.title")

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "otp": FormField(t("otp.field"), TextInput(id="otp", max_length=20), hint=t("otp.hint"))
        }
        yield Static(
            t(f"otp.sent.{self.sent.kind.value}", target=self.sent.target),
            id="sent-to",
            classes="lead",
            markup=False,
        )
        yield ErrorSummary()
        yield self.fields["otp"]
        yield LinkButton(t("otp.resend"), id="resend")
        yield Static("", id="resent", classes="confirmation", markup=False)
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.cancel"), id="cancel")
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
                self.action_back()

    def resend(self) -> None:
        session = self.msa.session
        assert session is not None
        result = self.msa.engine.resend_contact_code(session)
        if isinstance(result, OtpSent):
            self.clear_refusal(self.fields)
            notice = self.query_one("#resent", Static)
            notice.update(t("otp.resent"))
            notice.display = True
            self.msa.refresh_outbox()
        else:
            self.show_refusal(result.errors, self.fields, result.message)

    def submit(self) -> None:
        session = self.msa.session
        assert session is not None
        result = self.msa.engine.confirm_contact_change(
            session, self.query_one("#otp", Input).value
        )
        if isinstance(result, Accepted):
            self.dismiss(True)
        else:
            self.show_refusal(result.errors, self.fields, result.message)
