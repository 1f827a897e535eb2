"""The Vitale card serial number, for both card models.

People often type something else printed on the card (a date, their NIR, the regime's
technical number): each mistake gets its own message, so they know what to copy instead.
"""

from __future__ import annotations

import calendar
import datetime
import hmac

from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.nir import normalize_nir
from mes_sante_tui.core.results import Checked
from mes_sante_tui.core.text import compact
from mes_sante_tui.wording import t

# Card with photo: the fixed, read-only beginning of the serial; the person types the rest.
PHOTO_PREFIX = "8025000002"
# The regime's technical number printed on the card, often mistaken for the serial.
TECHNICAL_NUMBER = "80250000025"

WITHOUT_PHOTO_LENGTHS = range(8, 14)
WITH_PHOTO_LENGTH = 11


def normalize_serial(raw: str) -> str:
    """Drop every kind of whitespace (the card prints the serial in groups) and invisible
    mark pasted with it."""
    return compact(raw)


def _is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _looks_like_date(serial: str, today: datetime.date | None) -> bool:
    """True for 8 digits that read as a real calendar date JJMMAAAA."""
    if len(serial) != 8:
        return False
    day, month, year = int(serial[:2]), int(serial[2:4]), int(serial[4:])
    last_year = today.year if today is not None else 2100
    return (
        1900 <= year <= last_year
        and 1 <= month <= 12
        and 1 <= day <= calendar.monthrange(year, month)[1]
    )


def check_serial(
    raw: str,
    model: CardModel,
    *,
    nir: str | None = None,
    today: datetime.date | None = None,
) -> Checked[str]:
    """The digits typed (without the photo prefix), or the first message that applies."""
    serial = normalize_serial(raw)
    if not serial:
        return Checked.refuse(t("serial.required"))
    if not _is_ascii_digits(serial):
        return Checked.refuse(t("serial.digits_only"))
    if model is CardModel.WITH_PHOTO:
        if len(serial) != WITH_PHOTO_LENGTH:
            return Checked.refuse(t("serial.length_with_photo"))
    elif len(serial) not in WITHOUT_PHOTO_LENGTHS:
        return Checked.refuse(t("serial.length_without_photo"))
    if serial == TECHNICAL_NUMBER:
        return Checked.refuse(t("serial.is_technical"))
    if _looks_like_date(serial, today):
        return Checked.refuse(t("serial.is_date"))
    # 2A/2B stay letters, so a run of digits cannot match across them.
    if nir is not None and serial in normalize_nir(nir):
        return Checked.refuse(t("serial.is_nir"))
    return Checked.accept(serial)


def full_serial(model: CardModel, typed: str) -> str:
    """The serial as stored: the photo card's fixed prefix plus what the person typed."""
    typed = normalize_serial(typed)
    return PHOTO_PREFIX + typed if model is CardModel.WITH_PHOTO else typed


def serial_matches(model: CardModel, stored_full_serial: str, typed: str) -> bool:
    """Constant-time comparison, so timing does not reveal how much of a serial is right."""
    return hmac.compare_digest(
        stored_full_serial.encode("utf-8"), full_serial(model, typed).encode("utf-8")
    )
