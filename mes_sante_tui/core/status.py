"""A profile's status in words, as the service shows it ("Profil opposé le 07/12/2021")."""

from __future__ import annotations

from datetime import date

from mes_sante_tui.wording import t

from .birthdate import format_date
from .models import Closure, Person, ProfileStatus

# Statuses whose words carry the date of the change when it is known.
_DATED = frozenset(
    {
        ProfileStatus.OPPOSED,
        ProfileStatus.CREATED,
        ProfileStatus.ACTIVATED,
        ProfileStatus.CLOSED,
        ProfileStatus.DELETED,
    }
)


def status_words(status: ProfileStatus, when: date | None) -> str:
    """ "En attente de décision", "Profil opposé le 07/12/2021", "Profil activé le ..."."""
    key = f"status.{status.value}"
    if status in _DATED:
        if when is None:
            return t(f"{key}.sans_date")
        return t(key, date=format_date(when))
    return t(key)


def status_label(person: Person, closure: Closure | None = None) -> str:
    """The status of `person` in the words of the service's household list; a closed
    profile whose data are to be deleted says by when."""
    words = status_words(person.status, person.status_date)
    if (
        person.status is ProfileStatus.CLOSED
        and closure is not None
        and closure.deletion_pending
        and closure.deletion_due_at is not None
    ):
        return t(
            "status.deletion_pending", status=words, due=format_date(closure.deletion_due_at.date())
        )
    return words
