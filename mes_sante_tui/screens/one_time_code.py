"""The one-time code screen: where the code went, the field, « Envoyer à nouveau le code » and
« Valider ». Its three uses (the login, a forgotten password, a new contact to confirm) say
only where the code went and what the answers of the two engine calls they are handed (send
again, check) mean."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.engine import CodeSent
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.widgets import ActionRow, ErrorSummary, FormField, LinkButton, TextInput
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .recovery_channel import where_sent

_MAX_TYPED = 20  # above the 6 digits: a longer entry gets the message, not a cut


class OneTimeCodeScreen(JourneyScreen[Any]):
    """Handed where the code went, the call that sends a new one and the call that checks
    the code typed. Subclasses say where the code went (`sent_text`), what the answers mean
    (`resent_notice`, `checked`), and what the screen returns when the person goes back
    (CANCELLED)."""

    STEP = Step.HOME  # no stepper: these are not steps of the activation
    AUTO_FOCUS = "#otp"
    SENT_KEY: ClassVar[str]
    CANCEL_KEY: ClassVar[str] = "button.back"
    # Where the focus goes once a new code is sent: back to the field, ready for it.
    FOCUS_AFTER_RESEND: ClassVar[bool] = True

    def __init__(
        self, sent: Any, send_again: Callable[[], object], check: Callable[[str], object]
    ) -> None:
        self.sent = sent
        self.send_again = send_again
        self.check = check
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
        with ActionRow(classes="actions"):
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

    # --- what each screen gives --------------------------------------------------------

    def resent_notice(self, result: Any) -> str:
        """The notice of a new code sent (`result`: what `send_again` answered)."""
        return t("otp.resent")

    def checked(self, result: Any) -> None:
        """Move on once the code is right (`result`: what `check` answered)."""
        self.dismiss(True)

    # --- shared --------------------------------------------------------------------------

    def resend(self) -> None:
        """A new code to the same contact; it replaces the previous one."""
        result = self.send_again()
        if not isinstance(result, Refused):
            self.clear_refusal(self.fields)
            notice = self.query_one("#resent", Static)
            notice.update(self.resent_notice(result))
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
        result = self.check(self.query_one("#otp", Input).value)
        if isinstance(result, Refused):
            self.refused(result)
        else:
            self.checked(result)

    def refused(self, result: Refused) -> None:
        self.query_one("#resent").display = False
        self.refuse(result, self.fields)
