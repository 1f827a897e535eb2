"""Use case « decision »: « J'active » or « Je m'oppose » for the identified profile, the
opposition confirmed, and « Gérer le profil » for the household's other profiles.

The decision is written by the life table (`lifecycle.apply_event`), with the code it used,
after what was checked before is read again under the write lock.
"""

from __future__ import annotations

from datetime import datetime

from mes_sante_tui.wording import t

from . import lifecycle
from .answers import Accepted, Choice, Opposed, Outcome, Session, StepRefused
from .desk import Desk, step
from .identification import Identification
from .journey import Step
from .lifecycle import Applied, Event
from .models import Person, ProfileStatus
from .results import Refused
from .session import Sessions

MANAGE_STEP = "gerer_le_profil"


class Decisions:
    def __init__(self, desk: Desk, sessions: Sessions, identification: Identification) -> None:
        self.desk, self.sessions, self.identification = desk, sessions, identification
        self.store = desk.store

    @step(Step.DECISION)
    def decide(self, session: Session, choice: Choice | None, consent: bool) -> Accepted | Refused:
        step = Step.DECISION
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        if choice is None:
            self.desk.log(session, step, False, "choice_missing")
            return Refused(errors={"choice": t("decision.required")})
        if choice is Choice.ACTIVATE and not consent:
            self.desk.log(session, step, False, "consent_missing")
            return Refused(errors={"consent": t("decision.consent")})
        person = self.sessions.profile(session)
        if (refused := self.identification.representative_refusal(session, person, step)):
            return refused
        if choice is Choice.OPPOSE and (too_late := self._too_late_to_oppose(person)):
            self.desk.log(session, step, False, f"no_opposition:{person.status.value}")
            return too_late
        # Said now rather than after the contacts and the account: another session may have
        # used the code or decided meanwhile (checked again when the decision is written).
        if (stale := self.decision_refusal(session, choice)) is not None:
            self.desk.log(session, step, False, str(stale.outcome or "stale"))
            return stale
        session.choice = choice
        addressee = self.sessions.addressee(session)
        if choice is Choice.ACTIVATE and self.store.account_identifier(addressee.id):
            # The account common to all the addressee's profiles exists (a parent whose space
            # is active): no contact check and no identifier to create.
            self.record_decision(person.id, Choice.ACTIVATE, self.desk.clock.now(), session)
            self.desk.log(session, step, True, "activated_with_existing_account")
            return Accepted(next=Step.SUCCESS)
        self.desk.log(session, step, True, choice.value)
        return Accepted(next=Step.CONTACTS if choice is Choice.ACTIVATE else None)

    @step(f"{Step.DECISION}:opposition")
    def confirm_opposition(self, session: Session) -> Opposed | Refused:
        """« Je valide l'opposition »: status, decision and used code in one transaction.

        Opposing again is harmless: the first opposition's status and date are kept.
        """
        step = f"{Step.DECISION}:opposition"
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        person = self.sessions.profile(session)
        if (refusal := self.identification.profile_refusal(person)) is not None:
            self.desk.log(session, step, False, str(refusal.outcome))
            return refusal
        if (refused := self.identification.representative_refusal(session, person, step)):
            return refused
        if (too_late := self._too_late_to_oppose(person)) is not None:
            self.desk.log(session, step, False, f"no_opposition:{person.status.value}")
            return too_late
        now = self.desk.clock.now()
        already = self.record_decision(person.id, Choice.OPPOSE, now, session)
        self.desk.log(session, step, True, "already_opposed" if already else "opposed")
        stored = self.store.person(person.id)
        return Opposed(person=stored, decided_on=stored.status_date or now.date())

    @staticmethod
    def _too_late_to_oppose(person: Person) -> Refused | None:
        """The life table's refusal of an opposition said on the choice itself: the profile
        was created at the end of the six weeks (then closure is the way), or its data were
        deleted."""
        refused = lifecycle.refusal(person, Event.OPPOSE)
        return refused if refused is not None and "choice" in refused.errors else None

    def record_decision(
        self, profile_id: int, choice: Choice, now: datetime, session: Session
    ) -> bool:
        """The decision, through the life table (status and date, decision row, message),
        and the code used: one write, inside the caller's transaction. The code and the
        profile are read again under the write lock; when another session used the code or
        decided meanwhile, `StepRefused` is raised and nothing is written. True when the
        profile was already opposed and is opposed again (its first date is kept)."""
        with self.store.transaction():
            if (stale := self.decision_refusal(session, choice)) is not None:
                raise StepRefused(stale)
            applied = lifecycle.apply_event(
                self.store, self.desk.mailer, profile_id, Event(choice.value), at=now,
                by=session.holder_id,
            )
            if not isinstance(applied, Applied):
                raise StepRefused(applied)
            if session.code_id is not None:
                self.store.use_code(session.code_id, now)
        return applied.transition.keeps_status

    def decision_refusal(self, session: Session, choice: Choice) -> Refused | None:
        """Why the session's profile can no longer take `choice` (read inside the step's
        transaction when it writes): its code was used meanwhile, or its status changed so
        that the decision no longer applies."""
        assert session.person_id is not None
        person = self.store.find_person(session.person_id)
        if person is None:
            return Refused(outcome=Outcome.NOT_FOUND, message=t("identify.not_found"))
        # The profile first: « Un profil a déjà été créé » says more than « code utilisé ».
        if (refusal := self.identification.profile_refusal(person)) is not None:
            return refusal
        if session.code_id is not None and self.store.code_used(session.code_id):
            return Refused(outcome=Outcome.CODE_USED, message=t("code.used"))
        if choice is Choice.OPPOSE:
            return lifecycle.refusal(person, Event.OPPOSE)
        return None

    def household_profiles(self, session: Session) -> list[Person]:
        """The addressee's profile and those of the children attached to them."""
        self.sessions.catch_up()
        addressee = self.sessions.addressee(session)
        return [addressee, *self.store.children_of(addressee.id)]

    @step(MANAGE_STEP)
    def manage_profile(self, session: Session, person_id: int) -> Accepted | Refused:
        """« Gérer le profil »: the addressee, already identified, acts for a child attached
        to them. The certification as legal representative comes next, then the decision."""
        step = MANAGE_STEP
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        addressee = self.sessions.addressee(session)
        child = next((c for c in self.store.children_of(addressee.id) if c.id == person_id), None)
        if child is None:
            self.desk.log(session, step, False, "not_a_child_of_addressee", person_id=person_id)
            return Refused(message=t("manage.not_yours"))
        if (refusal := self.identification.profile_refusal(child)) is not None and (
            child.status not in (ProfileStatus.ACTIVATED, ProfileStatus.CLOSED)
        ):
            self.desk.log(session, step, False, str(refusal.outcome), person_id=person_id)
            return refusal
        session.holder_id, session.person_id = addressee.id, child.id
        session.code_id, session.choice, session.pending_contact = None, None, None
        session.representative_certified, session.managing = False, True
        session.candidates = (child.id,)
        self.desk.log(session, step, True, "managing", person_id=child.id)
        return Accepted(next=Step.REPRESENTATIVE)
