"""The one-time code screen: where the code went, the field, « Envoyer à nouveau le code » and
« Valider ». Its three uses (the login, a forgotten password, a new contact to confirm) say
only where the code went and which engine calls send it again and check it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.engine import CodeSent
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.widgets import ErrorSummary, FormField, LinkButton, TextInput
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .recovery_channel import where_sent

_MAX_TYPED = 20  # above the 6 digits: a longer entry gets the message, not a cut


class OneTimeCodeScreen(JourneyScreen[Any]):
    """Subclasses say where the code went (`sent_text`), how to send it again and check it,
    and what the screen returns when the person goes back (CANCELLED)."""

    STEP = Step.HOME  # no stepper: these are not steps of the activation
    AUTO_FOCUS = "#otp"
    SENT_KEY: ClassVar[str]
    CANCEL_KEY: ClassVar[str] = "button.back"
    # Where the focus goes once a new code is sent: back to the field, ready for it.
    FOCUS_AFTER_RESEND: ClassVar[bool] = True

    def __init__(self, sent: Any) -> None:
        self.sent = sent
        super().__init__()

    def sent_text(self) -> str:
        """Where the code went: « … par e-mail (m*****@exemple.fr) »."""
        return t(f"{self.SENT_KEY}.{self.sent.channel.value}", masked=self.sent.masked)

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "otp": FormField(
                t("otp.field"), TextInput(id="otp", max_length=_MAX_TYPED), hint=t("otp.hint")
            )
        }
        yield Static(self.sent_text(), id="sent-to", classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields["otp"]
        yield LinkButton(t("otp.resend"), id="resend")
        yield Static("", id="resent", classes="confirmation", markup=False)
        with HorizontalGroup(classes="actions"):
            yield Button(t(self.CANCEL_KEY), id="cancel")
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

    # --- what each screen gives (declared for the type checker; defined by each screen) ---

    if TYPE_CHECKING:

        def send_again(self) -> str | Refused:
            """Send a new code to the same contact; the notice that says so, or the refusal."""

        def check(self, raw: str) -> None:
            """Check the typed code, then move on or show the refusal (`refused`)."""

    # --- shared --------------------------------------------------------------------------

    def resend(self) -> None:
        """A new code to the same contact; it replaces the previous one."""
        if self.msa.session is None:
            return
        result = self.send_again()
        if isinstance(result, str):
            self.clear_refusal(self.fields)
            notice = self.query_one("#resent", Static)
            notice.update(result)
            notice.display = True
            if self.FOCUS_AFTER_RESEND:
                self.query_one("#otp", Input).focus()
            self.msa.refresh_outbox()
        else:
            self.show_refused(result)

    def show_refused(self, result: Refused) -> None:
        self.refuse(result, self.fields)

    @staticmethod
    def resent_to(sent: CodeSent) -> str:
        """The notice of a new code sent where the previous one went."""
        return t("login_code.resent", where=where_sent(sent))

    def submit(self) -> None:
        if self.msa.session is None:
            return
        self.check(self.query_one("#otp", Input).value)

    def refused(self, result: Refused) -> None:
        self.query_one("#resent").display = False
        self.refuse(result, self.fields)
