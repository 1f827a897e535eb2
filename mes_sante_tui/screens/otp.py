"""« Je valide mon adresse e-mail / mon numéro »: the one-time code sent to the NEW contact."""

from __future__ import annotations

from mes_sante_tui.core.engine import ContactKind
from mes_sante_tui.core.guide import Page
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.wording import t

from .one_time_code import OneTimeCodeScreen


class OtpScreen(OneTimeCodeScreen):
    """Returns True once the code is confirmed (the contact is then stored), else False."""

    STEP = Step.CONTACTS
    HELP_KEY = "otp.help"
    CANCEL_KEY = "button.cancel"
    CANCELLED = False
    FOCUS_AFTER_RESEND = False

    def title_text(self) -> str:
        return t(f"otp.{self.sent.kind.value}.title")

    def guide_page(self) -> Page:
        return Page.OTP_EMAIL if self.sent.kind is ContactKind.EMAIL else Page.OTP_MOBILE

    def sent_text(self) -> str:
        return t(f"otp.sent.{self.sent.kind.value}", target=self.sent.target)

    def show_refused(self, result: Refused) -> None:
        # Said on the form, whatever the refusal: the contact change is a sub-step.
        self.show_refusal(result.errors, self.fields, result.message)

    def refused(self, result: Refused) -> None:
        self.show_refused(result)
