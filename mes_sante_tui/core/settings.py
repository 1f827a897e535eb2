"""Settings that the real service does not publish, and the variants a trainer chooses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum


class RuleVersion(StrEnum):
    """Password rules in force: the guides' (2022) or the current service's (2025)."""

    V2022 = "2022"
    V2025 = "2025"


class JourneyVariant(StrEnum):
    """The two orders of the guides (see PRODUCT.md, "Journeys")."""

    CODE_FIRST = "code-first"
    IDENTITY_FIRST = "identity-first"


class DisplayTheme(StrEnum):
    """The screen's colours: the default, or a high contrast on a dark or a light ground.

    Only the names live here (the core knows nothing of Textual); `mes_sante_tui/themes.py`
    draws them."""

    STANDARD = "standard"
    HIGH_CONTRAST_DARK = "contraste-sombre"
    HIGH_CONTRAST_LIGHT = "contraste-clair"


@dataclass(frozen=True)
class Settings:
    rule_version: RuleVersion = RuleVersion.V2025
    journey: JourneyVariant = JourneyVariant.CODE_FIRST
    # The guided mode: the guides' numbered hints beside the fields (core/guide.py).
    guided: bool = False
    theme: DisplayTheme = DisplayTheme.STANDARD
    # The code of the information e-mail or letter is valid six weeks (public rule).
    information_code_validity: timedelta = timedelta(weeks=6)
    # The validity of a regenerated code is not public: a setting.
    regenerated_code_validity: timedelta = timedelta(days=7)
    # Wrong entries allowed before a wait, the wait then doubling at each failure: for the
    # provisional code, the one-time codes of recovery and contact change, and the look-ups
    # of « Identifiant oublié » and « Mot de passe oublié » (core/lockout.py).
    max_code_failures: int = 5
    first_lock_wait: timedelta = timedelta(minutes=1)
    # Failed logins allowed before a wait, doubling at each further failure (not public).
    max_login_failures: int = 5
    first_login_wait: timedelta = timedelta(minutes=1)
    resend_delay: timedelta = timedelta(seconds=30)
    otp_validity: timedelta = timedelta(minutes=10)
    session_timeout: timedelta = timedelta(minutes=15)
    # Warned this long before the session expires, with a key to extend it.
    session_warning: timedelta = timedelta(minutes=2)
