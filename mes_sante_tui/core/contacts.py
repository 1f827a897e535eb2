"""E-mail address and French mobile number: checking, formatting and masking.

Contacts are shown masked everywhere but on the screen where the person types them.
"""

from __future__ import annotations

import re

from mes_sante_tui.core.results import Checked
from mes_sante_tui.wording import t

EMAIL_MAX_LENGTH = 254
_LOCAL_MAX_LENGTH = 64
# Dot-atoms of RFC 5322's atext: pragmatic, no quoted local parts, no IP-literal domains.
_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_TLD = re.compile(r"[A-Za-z]{2,63}")

# French mobiles: 06 or 07 then 8 digits, once the +33/0033 prefix is turned back into 0.
_MOBILE = re.compile(r"0[67][0-9]{8}")
_MOBILE_SEPARATORS = re.compile(r"[\s.\-]")


def check_email(raw: str) -> Checked[str]:
    """The address with its domain lowercased, or the message."""
    email = raw.strip()
    if not email:
        return Checked.refuse(t("email.required"))
    if len(email) > EMAIL_MAX_LENGTH or email.count("@") != 1:
        return Checked.refuse(t("email.invalid"))
    local, _, domain = email.partition("@")
    labels = domain.split(".")
    if (
        len(local) > _LOCAL_MAX_LENGTH
        or _LOCAL.fullmatch(local) is None
        or len(labels) < 2
        or not all(_LABEL.fullmatch(label) for label in labels)
        or _TLD.fullmatch(labels[-1]) is None
    ):
        return Checked.refuse(t("email.invalid"))
    return Checked.accept(f"{local}@{domain.lower()}")


def check_mobile(raw: str) -> Checked[str]:
    """The number as "0611121314", or the message; French mobiles (06, 07) only."""
    text = raw.strip()
    if not text:
        return Checked.refuse(t("mobile.required"))
    number = _MOBILE_SEPARATORS.sub("", text)
    for prefix in ("+33(0)", "+33", "0033"):
        if number.startswith(prefix):
            number = "0" + number[len(prefix) :]
            break
    if _MOBILE.fullmatch(number) is None:
        return Checked.refuse(t("mobile.invalid"))
    return Checked.accept(number)


def _pairs(text: str) -> str:
    return " ".join(text[i : i + 2] for i in range(0, len(text), 2))


def format_mobile(m: str) -> str:
    """"06 11 12 13 14"; text that is not a mobile number is returned as it is."""
    checked = check_mobile(m)
    return _pairs(checked.value) if checked.value is not None else m


def mask_email(e: str) -> str:
    """Up to 3 first characters of the local part, then always 5 stars, then the domain.

    The fixed number of stars does not reveal the length of the address.
    """
    local, at, domain = e.strip().rpartition("@")
    if not at:  # not an address: mask it all the same
        local, domain = domain, ""
    return f"{local[:3]}*****{at}{domain}"


def mask_mobile(m: str) -> str:
    """Only the last 3 digits shown, in the usual pairs: "** ** ** *3 77"."""
    checked = check_mobile(m)
    digits = checked.value if checked.value is not None else "".join(m.split())
    shown = digits[-3:]
    return _pairs("*" * (len(digits) - len(shown)) + shown)
