"""Use case « session »: starting a pass through the journey, keeping it alive, and bringing
the profiles up to the (simulated) clock."""

from __future__ import annotations

import uuid
from datetime import timedelta

from mes_sante_tui.wording import t

from . import lifecycle
from .answers import Outcome, Session
from .clock import move_offset
from .desk import Desk, step
from .lifecycle import LifeChanges
from .models import Person
from .results import DomainError, Refused


class Sessions:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.store = desk.store
        # A training run (core/scenarios.py): the scenario and the trainee's name, written
        # on every journal row of the sessions started from now on.
        self.scenario: str | None = None
        self.trainee: str | None = None

    def catch_up(self, progress: lifecycle.Progress | None = None) -> LifeChanges:
        """Carry out what the (simulated) clock has made due: creations and deletions;
        `progress(done, total)` follows a long catch-up (see `lifecycle.catch_up`)."""
        return lifecycle.catch_up(self.store, self.desk.mailer, self.desk.clock.now(), progress)

    def move_clock(
        self, delta: timedelta, progress: lifecycle.Progress | None = None
    ) -> LifeChanges:
        """Move the simulated clock kept in the store ahead by `delta`, then carry out what
        became due. Only a StoreClock reads the offset; other clocks are moved by their
        owner (tests)."""
        if delta <= timedelta(0):
            raise ValueError("the simulated clock only moves forward")
        try:
            self.desk.clock.now() + delta
        except OverflowError:
            raise DomainError("clock_out_of_range", t("clock.out_of_range")) from None
        with self.store.unit_of_work():
            move_offset(self.store, delta)  # atomic: a move made by another process is kept
        # Then what became due, slice by slice (one transaction each, not one for a
        # million profiles); interrupted, the next catch-up does the rest.
        return self.catch_up(progress)

    def start_session(self) -> Session:
        now = self.desk.clock.now()
        session = Session(
            id=uuid.uuid4().hex[:12], started_at=now, last_activity=now,
            trainee=self.trainee, scenario=self.scenario,
        )
        return self._started(session)

    @step("session")
    def _started(self, session: Session) -> Session:
        self.catch_up()
        self.desk.log(session, "session", True, "started")
        return session

    def touch(self, session: Session, step: str) -> Refused | None:
        """Refuse when the session has been idle too long, else note the activity and bring
        the statuses up to the clock."""
        now = self.desk.clock.now()
        if now - session.last_activity > self.desk.settings.session_timeout:
            self.desk.log(session, step, False, Outcome.SESSION_EXPIRED)
            return Refused(outcome=Outcome.SESSION_EXPIRED, message=t("identify.session_expired"))
        session.last_activity = now
        self.catch_up()
        return None

    def session_time_left(self, session: Session) -> timedelta:
        elapsed = self.desk.clock.now() - session.last_activity
        return max(timedelta(0), self.desk.settings.session_timeout - elapsed)

    @step("session:extend")
    def extend_session(self, session: Session) -> None:
        """The person asked for more time before the session expires (accessibility rule)."""
        self.touch(session, "session:extend")

    @step("session:avertissement")
    def session_warned(self, session: Session) -> None:
        """The warning that the session is about to expire was shown (for the journal)."""
        self.desk.log(session, "session:avertissement", True, "warned")

    @step("session:expiree")
    def session_ended(self, session: Session) -> None:
        """The session expired while the person was away (for the journal)."""
        self.desk.log(session, "session:expiree", False, Outcome.SESSION_EXPIRED)

    @step("attestation")
    def certificate_saved(self, session: Session, saved: bool) -> None:
        """The certificate of opposition was saved (or could not be), for the journal: where
        it went is not written (a folder may name the person)."""
        self.desk.log(session, "attestation", saved, "saved" if saved else "save_failed")

    def profile(self, session: Session) -> Person:
        if session.person_id is None:
            raise RuntimeError("no identified person in this session")
        return self.store.person(session.person_id)

    def addressee(self, session: Session) -> Person:
        holder = session.holder_id if session.holder_id is not None else session.person_id
        assert holder is not None
        return self.store.person(holder)

    def forget_identity(self, session: Session) -> None:
        """After sending a new code in the code-first journey: back to « Je m'identifie »."""
        session.person_id = session.holder_id = session.code_id = None
        session.candidates, session.birth_date = (), None

    def back_to_own_profile(self, session: Session) -> None:
        """After acting for a child: the session is about the addressee again."""
        if session.holder_id is not None:
            session.person_id = session.holder_id
        session.representative_certified, session.choice = False, None
        session.candidates = ()
