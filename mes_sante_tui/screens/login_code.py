"""« Saisissez le code reçu »: the one-time code that completes a login."""

from __future__ import annotations

from mes_sante_tui.core.access import CodeOnItsWay, LoggedIn
from mes_sante_tui.core.engine import Outcome
from mes_sante_tui.core.results import Refused

from .one_time_code import OneTimeCodeScreen


class LoginCodeScreen(OneTimeCodeScreen):
    """Returns LoggedIn once the code is right; the refusal when too many wrong codes lock
    the login (the login form then says so); None when the person goes back."""

    TITLE_KEY = "login_code.title"
    HELP_KEY = "login_code.help"
    SENT_KEY = "login_code.sent"

    def resent_notice(self, result: CodeOnItsWay) -> str:
        return self.resent_to(result)

    def checked(self, result: LoggedIn) -> None:
        self.dismiss(result)

    def refused(self, result: Refused) -> None:
        if result.outcome == Outcome.LOCKED:
            self.dismiss(result)
        else:
            super().refused(result)
