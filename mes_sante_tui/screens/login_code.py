"""« Saisissez le code reçu »: the one-time code that completes a login."""

from __future__ import annotations

from mes_sante_tui.core.access import LoggedIn
from mes_sante_tui.core.engine import CodeSent, Outcome
from mes_sante_tui.core.results import Refused

from .one_time_code import OneTimeCodeScreen


class LoginCodeScreen(OneTimeCodeScreen):
    """Returns LoggedIn once the code is right; the refusal when too many wrong codes lock
    the login (the login form then says so); None when the person goes back."""

    TITLE_KEY = "login_code.title"
    HELP_KEY = "login_code.help"
    SENT_KEY = "login_code.sent"

    def send_again(self) -> str | Refused:
        assert self.msa.session is not None
        result = self.msa.engine.access.resend_login_code(self.msa.session)
        return self.resent_to(result) if isinstance(result, CodeSent) else result

    def check(self, raw: str) -> None:
        assert self.msa.session is not None
        result = self.msa.engine.access.verify_login_code(self.msa.session, raw)
        if isinstance(result, LoggedIn) or result.outcome == Outcome.LOCKED:
            self.dismiss(result)
            return
        self.refused(result)
