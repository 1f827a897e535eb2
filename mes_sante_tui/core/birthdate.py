"""Date of birth as typed (JJ/MM/AAAA), with the service's messages in its order."""

from __future__ import annotations

import calendar
import datetime
import re

from mes_sante_tui.core.results import Checked
from mes_sante_tui.wording import t

# "01/02/1980", "1-2-1980", "01.02.1980", "01 02 1980", or the 8 digits "01021980".
_SEPARATED = re.compile(r"([0-9]{1,2})\s*[/.\-\s]\s*([0-9]{1,2})\s*[/.\-\s]\s*([0-9]{1,4})")
_COMPACT = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")
# Longer than any way of writing a date: refused before the patterns, whose runs of spaces
# would otherwise take minutes to rule out on a long paste.
_MAX_LENGTH = 32


def check_birth_date(raw: str, today: datetime.date) -> Checked[datetime.date]:
    """The date, or the first message among: required, format, year, month, day, future."""
    text = raw.strip()
    if not text:
        return Checked.refuse(t("birth.required"))
    if len(text) > _MAX_LENGTH:
        return Checked.refuse(t("birth.format"))
    match = _SEPARATED.fullmatch(text) or _COMPACT.fullmatch(text)
    if match is None:
        return Checked.refuse(t("birth.format"))
    day, month, year = (int(part) for part in match.groups())
    if not 1900 <= year <= today.year:
        return Checked.refuse(t("birth.year", year=today.year))
    if not 1 <= month <= 12:
        return Checked.refuse(t("birth.month"))
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return Checked.refuse(t("birth.day"))
    born = datetime.date(year, month, day)
    if born > today:
        return Checked.refuse(t("birth.future"))
    return Checked.accept(born)


def format_date(d: datetime.date) -> str:
    """JJ/MM/AAAA, zero-padded whatever the platform's strftime does."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_moment(at: datetime.datetime) -> str:
    """A date and time as the service shows them: « 12/03/2025 10:05 »."""
    return f"{format_date(at.date())} {at:%H:%M}"
