"""« Mot de passe oublié »: NIR, date of birth and the Vitale card; then where to send a
one-time code, the code, and the new password."""

from __future__ import annotations

from mes_sante_tui.core.journey import Step

from .vitale_form import CardForm


class ForgotPasswordScreen(CardForm[bool]):
    """Hands the account found to the router (which asks where to send a code, the code and
    the new password); returns False when the person goes back."""

    STEP = Step.HOME
    TITLE_KEY = "forgot_password.title"
    HELP_KEY = "forgot_password.help"
    INTRO_KEY = "forgot_password.intro"
    NOTE_KEY = "identify.required_note"
    ASKS_BIRTH_DATE = True
    CANCELLED = False
