"""A profile's status in words, as the service shows it ("Profil opposé le 07/12/2021")."""

from __future__ import annotations

from datetime import date

from mes_sante_tui.wording import t

from .birthdate import format_date
from .models import Person, ProfileStatus

# Statuses whose words carry the date of the change when it is known.
_DATED = frozenset({ProfileStatus.OPPOSED, ProfileStatus.ACTIVATED, ProfileStatus.CLOSED})


def status_words(status: ProfileStatus, when: date | None) -> str:
    """"En attente de décision", "Profil opposé le 07/12/2021", "Profil activé le ..."."""
    key = f"status.{status.value}"
    if status in _DATED:
        if when is None:
            return t(f"{key}.sans_date")
        return t(key, date=format_date(when))
    return t(key)


def status_label(person: Person) -> str:
    """The status of `person` in the words of the service's household list."""
    return status_words(person.status, person.status_date)
