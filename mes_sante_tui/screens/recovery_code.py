"""« Mot de passe oublié »: the one-time code sent to the contact the person chose."""

from __future__ import annotations

from mes_sante_tui.core.access import Done
from mes_sante_tui.core.engine import CodeSent
from mes_sante_tui.core.results import Refused

from .one_time_code import OneTimeCodeScreen


class RecoveryCodeScreen(OneTimeCodeScreen):
    """Returns True once the code is confirmed, False when the person goes back."""

    TITLE_KEY = "recovery_code.title"
    HELP_KEY = "recovery_code.help"
    SENT_KEY = "recovery_code.sent"
    CANCELLED = False

    def send_again(self) -> str | Refused:
        assert self.msa.session is not None
        result = self.msa.engine.access.send_password_code(self.msa.session, self.sent.channel)
        return self.resent_to(result) if isinstance(result, CodeSent) else result

    def check(self, raw: str) -> None:
        assert self.msa.session is not None
        result = self.msa.engine.access.verify_password_code(self.msa.session, raw)
        if isinstance(result, Done):
            self.clear_refusal(self.fields)
            self.dismiss(True)
            return
        self.refused(result)
