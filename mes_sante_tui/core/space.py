"""The logged-in space: the summary of one's profile and household, closing a profile (with
the password, and optionally asking for its data to be deleted) and reopening it.

Closing and reopening act on the session's profile: one's own, or a child's after « Gérer le
profil » and the certification as legal representative.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mes_sante_tui.wording import t

from . import contacts, password
from .birthdate import format_date
from .engine import Engine, Session
from .lifecycle import deletion_due
from .models import Closure, Person, ProfileStatus
from .results import Refused
from .status import status_label
from .store import iso

CLOSE_STEP = "cloture"
REOPEN_STEP = "reouverture"


class ProfileAction(StrEnum):
    """What « Gérer le profil » offers for a profile, by status."""

    ACTIVATE = "activer"
    OPPOSE = "opposer"
    CLOSE = "cloturer"
    REOPEN = "rouvrir"


_ACTIONS: dict[ProfileStatus, tuple[ProfileAction, ...]] = {
    ProfileStatus.PENDING: (ProfileAction.ACTIVATE, ProfileAction.OPPOSE),
    ProfileStatus.OPPOSED: (ProfileAction.ACTIVATE,),
    # Created at the end of the six weeks: too late to oppose, it can be activated or closed.
    ProfileStatus.CREATED: (ProfileAction.ACTIVATE, ProfileAction.CLOSE),
    ProfileStatus.ACTIVATED: (ProfileAction.CLOSE,),
    ProfileStatus.CLOSED: (ProfileAction.REOPEN,),
    # The data are gone: a new, empty space can be activated.
    ProfileStatus.DELETED: (ProfileAction.ACTIVATE,),
}


def actions_for(person: Person) -> tuple[ProfileAction, ...]:
    if person.deceased or person.not_activable_reason:
        return ()
    return _ACTIONS[person.status]


@dataclass(frozen=True)
class ProfileLine:
    person: Person
    label: str
    closure: Closure | None
    actions: tuple[ProfileAction, ...]


@dataclass(frozen=True)
class SpaceSummary:
    identifier: str
    email_masked: str | None
    mobile_masked: str | None
    own: ProfileLine
    children: tuple[ProfileLine, ...]


@dataclass(frozen=True)
class Closed:
    person: Person
    closure: Closure
    ok: bool = True


@dataclass(frozen=True)
class Reopened:
    person: Person
    ok: bool = True


class SpaceDesk:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.store = engine.store

    def line(self, person: Person) -> ProfileLine:
        closure = self.store.closure_of(person.id)
        return ProfileLine(person, status_label(person, closure), closure, actions_for(person))

    def summary(self, session: Session) -> SpaceSummary | Refused:
        """One's own profile, the account, and the children's profiles one manages."""
        if (refused := self._logged_in(session, "espace")) is not None:
            return refused
        assert session.account_id is not None
        self.engine.catch_up()
        person = self.store.person(session.account_id)
        return SpaceSummary(
            identifier=self.store.account_identifier(person.id) or "",
            email_masked=contacts.mask_email(person.email) if person.email else None,
            mobile_masked=contacts.mask_mobile(person.mobile) if person.mobile else None,
            own=self.line(person),
            children=tuple(self.line(c) for c in self.store.children_of(person.id)),
        )

    def close(self, session: Session, *, password_raw: str, delete_data: bool) -> Closed | Refused:
        """Close the session's profile with the account's password; the data are archived
        10 years, or deleted within three months when asked."""
        engine, step = self.engine, CLOSE_STEP
        if (refused := self._logged_in(session, step)) is not None:
            return refused
        assert session.account_id is not None and session.person_id is not None
        if not password_raw:
            engine.log(session, step, False, "password_missing")
            return Refused(errors={"password": t("close.password.required")})
        account = self.store.account_of(session.account_id)
        if account is None or not password.verify_password(account["password_hash"], password_raw):
            engine.log(session, step, False, "password_wrong")
            return Refused(errors={"password": t("close.password.wrong")})
        person = self.store.person(session.person_id)
        if (refused := self._may_act(session, person, step)) is not None:
            return refused
        if ProfileAction.CLOSE not in actions_for(person):
            engine.log(session, step, False, f"status:{person.status.value}")
            return Refused(message=t("close.not_open"))
        now = engine.clock.now()
        due = deletion_due(now) if delete_data else None
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE people SET status = ?, status_date = ? WHERE id = ?",
                (ProfileStatus.CLOSED.value, iso(now.date()), person.id),
            )
            conn.execute(
                "INSERT INTO closures(person_id, closed_at, by_person_id, previous_status,"
                " deletion_due_at) VALUES (?, ?, ?, ?, ?)",
                (person.id, iso(now), session.account_id, person.status.value, iso(due)),
            )
            conn.execute(
                "INSERT INTO decisions(person_id, kind, at, by_person_id) VALUES (?, ?, ?, ?)",
                (person.id, ProfileAction.CLOSE.value, iso(now), session.account_id),
            )
            engine.mailer.closed(now, person, engine.addressee(session), due)
        engine.log(
            session, step, True, "closed_deletion" if delete_data else "closed", person_id=person.id
        )
        closure = self.store.closure_of(person.id)
        assert closure is not None
        return Closed(person=self.store.person(person.id), closure=closure)

    def reopen(self, session: Session) -> Reopened | Refused:
        """Reopen the session's closed profile: its archived data come back. Not while a
        deletion is pending: it must be carried out first."""
        engine, step = self.engine, REOPEN_STEP
        if (refused := self._logged_in(session, step)) is not None:
            return refused
        assert session.person_id is not None
        person = self.store.person(session.person_id)
        if (refused := self._may_act(session, person, step)) is not None:
            return refused
        if person.status is not ProfileStatus.CLOSED:
            engine.log(session, step, False, f"status:{person.status.value}")
            return Refused(message=t("reopen.not_closed"))
        closure = self.store.closure_of(person.id)
        if closure is not None and closure.deletion_pending and closure.deletion_due_at:
            engine.log(session, step, False, "deletion_pending", person_id=person.id)
            return Refused(
                message=t(
                    "reopen.deletion_pending", due=format_date(closure.deletion_due_at.date())
                )
            )
        now = engine.clock.now()
        # Reopening restores what was closed: an activated space, or one only created.
        restored = closure.previous_status if closure is not None else ProfileStatus.ACTIVATED
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE people SET status = ?, status_date = ? WHERE id = ?",
                (restored.value, iso(now.date()), person.id),
            )
            conn.execute(
                "UPDATE closures SET reopened_at = ? WHERE person_id = ? AND reopened_at IS NULL",
                (iso(now), person.id),
            )
            conn.execute(
                "INSERT INTO decisions(person_id, kind, at, by_person_id) VALUES (?, ?, ?, ?)",
                (person.id, ProfileAction.REOPEN.value, iso(now), session.account_id),
            )
            engine.mailer.reopened(now, person, engine.addressee(session))
        engine.log(session, step, True, "reopened", person_id=person.id)
        return Reopened(person=self.store.person(person.id))

    def _logged_in(self, session: Session, step: str) -> Refused | None:
        if (expired := self.engine.touch(session, step)) is not None:
            return expired
        if session.account_id is None:
            self.engine.log(session, step, False, "not_logged_in")
            return Refused(message=t("space.not_logged_in"))
        return None

    def _may_act(self, session: Session, person: Person, step: str) -> Refused | None:
        """One's own profile, or a child's once certified as its legal representative."""
        if person.id == session.account_id:
            return None
        if person.parent_id != session.account_id:
            self.engine.log(session, step, False, "not_yours", person_id=person.id)
            return Refused(message=t("manage.not_yours"))
        return self.engine.representative_refusal(session, person, step)
