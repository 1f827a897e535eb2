"""The logged-in space: the summary of one's profile and household, closing a profile (with
the password, and optionally asking for its data to be deleted) and reopening it.

Closing and reopening act on the session's profile: one's own, or a child's after « Gérer le
profil » and the certification as legal representative.
"""

from __future__ import annotations

from dataclasses import dataclass

from mes_sante_tui.wording import t

from . import contacts, lifecycle, password
from .answers import Session
from .decision import Decisions
from .desk import Desk, step
from .lifecycle import Applied, Event
from .models import Closure, Person
from .results import Refused
from .session import Sessions
from .status import status_label

CLOSE_STEP = "cloture"
REOPEN_STEP = "reouverture"

# What « Gérer le profil » offers: the events of the life table a person chooses.
ProfileAction = Event


def actions_for(person: Person, closure: Closure | None = None) -> tuple[ProfileAction, ...]:
    """The actions the life table allows for this profile now, in the order they are
    offered (a deceased person, or a profile that cannot be activated: none)."""
    return lifecycle.offered_events(lifecycle.state_of(person, closure), person)


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
    def __init__(self, desk: Desk, sessions: Sessions, decisions: Decisions) -> None:
        self.desk, self.sessions, self.decisions = desk, sessions, decisions
        self.store = desk.store

    def line(self, person: Person) -> ProfileLine:
        closure = self.store.closure_of(person.id)
        return ProfileLine(person, status_label(person, closure), closure, actions_for(person))

    def summary(self, session: Session) -> SpaceSummary | Refused:
        """One's own profile, the account, and the children's profiles one manages."""
        if (refused := self._logged_in(session, "espace")) is not None:
            return refused
        assert session.account_id is not None
        self.sessions.catch_up()
        person = self.store.person(session.account_id)
        return SpaceSummary(
            identifier=self.store.account_identifier(person.id) or "",
            email_masked=contacts.mask_email(person.email) if person.email else None,
            mobile_masked=contacts.mask_mobile(person.mobile) if person.mobile else None,
            own=self.line(person),
            children=tuple(self.line(c) for c in self.store.children_of(person.id)),
        )

    @step(CLOSE_STEP)
    def close(self, session: Session, *, password_raw: str, delete_data: bool) -> Closed | Refused:
        """Close the session's profile with the account's password; the data are archived
        10 years, or deleted within three months when asked."""
        step = CLOSE_STEP
        if (refused := self._logged_in(session, step)) is not None:
            return refused
        assert session.account_id is not None and session.person_id is not None
        if not password_raw:
            self.desk.log(session, step, False, "password_missing")
            return Refused(errors={"password": t("close.password.required")})
        account = self.store.account_of(session.account_id)
        if account is None or not password.verify_password(account["password_hash"], password_raw):
            self.desk.log(session, step, False, "password_wrong")
            return Refused(errors={"password": t("close.password.wrong")})
        person = self.store.person(session.person_id)
        if (refused := self._may_act(session, person, step)) is not None:
            return refused
        applied = lifecycle.apply_event(
            self.store, self.desk.mailer, person.id, Event.CLOSE, at=self.desk.clock.now(),
            by=session.account_id, delete_data=delete_data,
        )
        if not isinstance(applied, Applied):
            self.desk.log(session, step, False, f"status:{person.status.value}")
            return applied
        self.desk.log(
            session, step, True, "closed_deletion" if delete_data else "closed", person_id=person.id
        )
        closure = self.store.closure_of(person.id)
        assert closure is not None
        return Closed(person=applied.person, closure=closure)

    @step(REOPEN_STEP)
    def reopen(self, session: Session) -> Reopened | Refused:
        """Reopen the session's closed profile: its archived data come back. Not while a
        deletion is pending: it must be carried out first."""
        step = REOPEN_STEP
        if (refused := self._logged_in(session, step)) is not None:
            return refused
        assert session.person_id is not None
        person = self.store.person(session.person_id)
        if (refused := self._may_act(session, person, step)) is not None:
            return refused
        applied = lifecycle.apply_event(
            self.store, self.desk.mailer, person.id, Event.REOPEN, at=self.desk.clock.now(),
            by=session.account_id,
        )
        if not isinstance(applied, Applied):
            closure = self.store.closure_of(person.id)
            pending = lifecycle.state_of(person, closure) is lifecycle.State.CLOSED_DELETION_PENDING
            reason = "deletion_pending" if pending else f"status:{person.status.value}"
            self.desk.log(session, step, False, reason, person_id=person.id)
            return applied
        self.desk.log(session, step, True, "reopened", person_id=person.id)
        return Reopened(person=applied.person)

    def _logged_in(self, session: Session, step: str) -> Refused | None:
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        if session.account_id is None:
            self.desk.log(session, step, False, "not_logged_in")
            return Refused(message=t("space.not_logged_in"))
        return None

    def _may_act(self, session: Session, person: Person, step: str) -> Refused | None:
        """One's own profile, or a child's once certified as its legal representative."""
        if person.id == session.account_id:
            return None
        if person.parent_id != session.account_id:
            self.desk.log(session, step, False, "not_yours", person_id=person.id)
            return Refused(message=t("manage.not_yours"))
        return self.decisions.identification.representative_refusal(session, person, step)
