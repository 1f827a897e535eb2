"""What the two one-time code screens of « Se connecter » and « Mot de passe oublié » share:
where the code went, the field, « Envoyer à nouveau le code » and « Valider »."""

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
    """Subclasses say where the code went (SENT_KEY), how to send it again and check it, and
    what the screen returns when the person goes back (CANCELLED)."""

    STEP = Step.HOME  # no stepper: these are not steps of the activation
    AUTO_FOCUS = "#otp"
    SENT_KEY: ClassVar[str]

    def __init__(self, sent: CodeSent) -> None:
        self.sent = sent
        super().__init__()

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "otp": FormField(
                t("otp.field"), TextInput(id="otp", max_length=_MAX_TYPED), hint=t("otp.hint")
            )
        }
        yield Static(
            t(f"{self.SENT_KEY}.{self.sent.channel.value}", masked=self.sent.masked),
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
                self.action_back()

    # --- what each screen gives (declared for the type checker; defined by each screen) ---

    if TYPE_CHECKING:

        def send_again(self) -> CodeSent | Refused:
            """Send a new code to the same contact."""

        def check(self, raw: str) -> None:
            """Check the typed code, then move on or show the refusal (`refused`)."""

    # --- shared --------------------------------------------------------------------------

    def resend(self) -> None:
        """A new code to the same contact; it replaces the previous one."""
        if self.msa.session is None:
            return
        result = self.send_again()
        if isinstance(result, CodeSent):
            self.clear_refusal(self.fields)
            notice = self.query_one("#resent", Static)
            notice.update(t("login_code.resent", where=where_sent(result)))
            notice.display = True
            self.query_one("#otp", Input).focus()
            self.msa.refresh_outbox()
        else:
            self.refuse(result, self.fields)

    def submit(self) -> None:
        if self.msa.session is None:
            return
        self.check(self.query_one("#otp", Input).value)

    def refused(self, result: Refused) -> None:
        self.query_one("#resent").display = False
        self.refuse(result, self.fields)
