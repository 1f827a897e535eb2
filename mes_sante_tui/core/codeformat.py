"""Shape of the provisional code (12 letters or digits) and the one-time code (6 digits).

Only the shape is checked here; validity, expiry and use are the engine's business.
"""

from __future__ import annotations

import re

from mes_sante_tui.core.results import Checked
from mes_sante_tui.core.text import compact
from mes_sante_tui.wording import t

PROVISIONAL_CODE_LENGTH = 12
OTP_LENGTH = 6

_ALPHANUMERIC = re.compile(r"[A-Za-z0-9]*")
_OTP = re.compile(rf"[0-9]{{{OTP_LENGTH}}}")


def _without_whitespace(raw: str) -> str:
    # Codes are often pasted from an e-mail with spaces, tabs or line breaks around them, and
    # sometimes an invisible mark from the page they were copied from.
    return compact(raw)


def check_provisional_code(raw: str) -> Checked[str]:
    """The code as typed (case kept: it is case-sensitive), or the message."""
    code = _without_whitespace(raw)
    if not code:
        return Checked.refuse(t("code.required"))
    if _ALPHANUMERIC.fullmatch(code) is None:
        return Checked.refuse(t("code.charset"))
    if len(code) != PROVISIONAL_CODE_LENGTH:
        return Checked.refuse(t("code.length"))
    return Checked.accept(code)


def check_otp(raw: str) -> Checked[str]:
    """The 6 digits, or the message."""
    code = _without_whitespace(raw)
    if not code:
        return Checked.refuse(t("otp.required"))
    if _OTP.fullmatch(code) is None:
        return Checked.refuse(t("otp.format"))
    return Checked.accept(code)
