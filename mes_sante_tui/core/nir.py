"""The NIR (numéro de sécurité sociale): normalising, checking, formatting, building.

`python-stdnum` (`stdnum.fr.nir`) checks the length, the characters and the key, and formats
the number. The service is stricter (sex digit, month), and tells temporary numbers and
fictitious months apart because those people must call the 3422 instead of activating
online: those rules stay here, on top, with the service's messages.
"""

from __future__ import annotations

from types import ModuleType

from mes_sante_tui.core.results import Checked
from mes_sante_tui.core.text import compact, has_unseen
from mes_sante_tui.wording import t

NIR_LENGTH = 15



def _stdnum() -> ModuleType:
    """`stdnum.fr.nir`, imported on first use: python-stdnum's import (its registry of
    formats) is a noticeable part of the start-up, and the home page checks no NIR."""
    from stdnum.fr import nir

    return nir


# How Corsica's départements count in the key (also used by the population generator).
_CORSICA = {"2A": "19", "2B": "18"}


def normalize_nir(raw: str) -> str:
    """Drop every kind of whitespace (pasted tabs, non-breaking spaces...) and invisible mark,
    and uppercase."""
    return compact(raw).upper()


def nir_key(nir13: str) -> int:
    """The control key of the first 13 characters: 97 − (number mod 97), 2A→19, 2B→18
    (computed by `stdnum.fr.nir`).

    Raises ValueError when those 13 characters are not digits (or 2A/2B in place).
    """
    body = nir13[:13]
    if len(body) != 13:
        raise ValueError("a NIR key needs 13 characters")
    digits = body[:5] + _CORSICA.get(body[5:7], body[5:7]) + body[7:]
    if not digits.isascii() or not digits.isdigit():
        raise ValueError("a NIR body is made of digits (2A/2B for Corsica)")
    return int(_stdnum().calc_check_digits(body))


def has_valid_key(nir: str) -> bool:
    """True when `nir` (already normalised) has the NIR's length, characters and key."""
    from stdnum.exceptions import ValidationError

    try:
        return bool(_stdnum().validate(nir) == nir)
    except ValidationError:
        return False


def check_nir(raw: str) -> Checked[str]:
    """The normalised 15-character NIR, or the service's message (see PRODUCT.md)."""
    nir = normalize_nir(raw)
    if not nir:
        return Checked.refuse(t("nir.required"))
    if has_unseen(nir):  # a NUL, an escape... is not a character of a NIR, whatever the length
        return Checked.refuse(t("nir.format"))
    if len(nir) != NIR_LENGTH:
        return Checked.refuse(t("nir.length"))
    if not has_valid_key(nir):
        return Checked.refuse(t("nir.format"))
    # Valid shape and key, yet not activable online: say why, so the person calls the 3422.
    if nir[0] in "78":
        return Checked.refuse(t("nir.temporary"))
    month = int(nir[3:5])
    if month >= 20:
        return Checked.refuse(t("nir.fictitious_month"))
    if nir[0] not in "12" or not 1 <= month <= 12:
        return Checked.refuse(t("nir.format"))
    return Checked.accept(nir)


_GROUPS = (1, 2, 2, 2, 3, 3, 2)


def format_nir(nir: str) -> str:
    """Group as on the card, "1 55 12 55 555 555 55" (`stdnum.fr.nir`); a partial entry, as
    typed so far, goes as far as it can."""
    rest = normalize_nir(nir)
    if len(rest) == NIR_LENGTH:
        return str(_stdnum().format(rest))
    parts: list[str] = []
    for size in _GROUPS:
        if not rest:
            break
        parts.append(rest[:size])
        rest = rest[size:]
    if rest:
        parts.append(rest)
    return " ".join(parts)


def make_nir(sex: int, year2: int, month: int, dept: str, commune: str, order: int) -> str:
    """A NIR with its key, for fictitious populations.

    Deliberately permissive (sex 3, month 42, first digit 7...) so that tests and personas can
    build numbers the service refuses. `dept` is "75", "2A", "99" (born abroad)...; an overseas
    3-digit département ("971") goes with a 2-digit commune, as on real numbers.
    """
    dept = dept.upper()
    place = dept + commune
    if not (0 <= sex <= 9 and 0 <= year2 <= 99 and 0 <= month <= 99 and 0 <= order <= 999):
        raise ValueError("sex, year2, month or order out of range")
    if len(place) != 5 or len(dept) not in (2, 3):
        raise ValueError("département and commune make 5 characters")
    body = f"{sex}{year2:02d}{month:02d}{place}{order:03d}"
    key = nir_key(body)  # also rejects letters other than 2A/2B
    return f"{body}{key:02d}"
