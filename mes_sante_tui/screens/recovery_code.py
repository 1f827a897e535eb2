"""« Mot de passe oublié »: the one-time code sent to the contact the person chose."""

from __future__ import annotations

from mes_sante_tui.core.access import CodeOnItsWay, Done

from .one_time_code import OneTimeCodeScreen


class RecoveryCodeScreen(OneTimeCodeScreen):
    """Returns True once the code is confirmed, False when the person goes back."""

    TITLE_KEY = "recovery_code.title"
    HELP_KEY = "recovery_code.help"
    SENT_KEY = "recovery_code.sent"
    CANCELLED = False

    def resent_notice(self, result: CodeOnItsWay) -> str:
        return self.resent_to(result)

    def checked(self, result: Done) -> None:
        self.clear_refusal(self.fields)
        self.dismiss(True)
