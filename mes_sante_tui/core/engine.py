"""The engine: every step of the journey as a call that accepts or refuses.

Screens and the command line never touch the store directly for a journey step: they call
the engine, which checks the rules, writes the step whole inside one transaction (or not at
all), keeps a journal row of what happened, and hands back a small result.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from mes_sante_tui.wording import t

from . import codeformat, contacts, identifier, lifecycle, password, vitale
from .birthdate import check_birth_date
from .clock import Clock, SystemClock, move_offset
from .codes import CodeGenerator, CodeHasher, SecretCodeGenerator
from .durations import wait_words as wait_words
from .journey import Step
from .lifecycle import LifeChanges
from .lockout import Lockout, Scope
from .models import CardModel, Channel, Person, ProfileStatus
from .nir import check_nir
from .outbox import Mailer, letter_label
from .results import DomainError, Refused
from .settings import Settings
from .store import Store, iso, person_from_row

if TYPE_CHECKING:
    from .access import AccessDesk
    from .space import SpaceDesk


class Outcome(StrEnum):
    """Situations that are not about one field; each has its own explanation on screen."""

    NOT_FOUND = "not_found"
    ALREADY_EXISTS = "already_exists"
    NOT_ACTIVABLE = "not_activable"
    CODE_EXPIRED = "code_expired"
    CODE_USED = "code_used"
    LOCKED = "locked"
    SESSION_EXPIRED = "session_expired"
    NOT_REPRESENTATIVE = "not_representative"
    WAIT = "wait"


class Choice(StrEnum):
    ACTIVATE = "activer"
    OPPOSE = "opposer"


class ContactKind(StrEnum):
    EMAIL = "email"
    MOBILE = "mobile"


# The status a decision gives the profile.
_STATUS_OF: dict[Choice, ProfileStatus] = {
    Choice.ACTIVATE: ProfileStatus.ACTIVATED,
    Choice.OPPOSE: ProfileStatus.OPPOSED,
}


class _StepRefused(Exception):
    """Raised inside a step's transaction when what was checked before no longer holds (another
    session used the code or decided meanwhile): the transaction is rolled back and the caller
    answers with `refused`."""

    def __init__(self, refused: Refused) -> None:
        super().__init__(refused.outcome or "refused")
        self.refused = refused


@dataclass
class PendingContact:
    kind: ContactKind
    value: str


@dataclass
class Session:
    """One person's pass through the journey; only confirmed facts reach the store."""

    id: str
    started_at: datetime
    last_activity: datetime
    person_id: int | None = None
    holder_id: int | None = None
    code_id: int | None = None
    choice: Choice | None = None
    pending_contact: PendingContact | None = None
    # Identity first: the date typed on its own screen, then the profiles it matches (twins).
    birth_date: date | None = None
    candidates: tuple[int, ...] = ()
    representative_certified: bool = False
    # The addressee proved who they are (a provisional code, or a login with its one-time
    # code) and now manages another profile of the household: no code step for that one.
    managing: bool = False
    # Logged in (« Se connecter »): the account holder, once the one-time code is confirmed;
    # before that, whose password was right and under which identifier.
    account_id: int | None = None
    login_pending: int | None = None
    login_key: str | None = None
    # « Identifiant oublié » / « Mot de passe oublié »: who was found, and for the password,
    # whether the one-time code was confirmed.
    recovery_id: int | None = None
    recovery_verified: bool = False


@dataclass(frozen=True)
class Identified:
    person: Person
    holder: Person
    ok: bool = True


@dataclass(frozen=True)
class Accepted:
    next: Step | None = None
    ok: bool = True


@dataclass(frozen=True)
class OtpSent:
    kind: ContactKind
    target: str  # shown in full: it is the address the person has just typed
    ok: bool = True


@dataclass(frozen=True)
class ContactView:
    email: str | None
    mobile: str | None
    email_masked: str | None
    mobile_masked: str | None


@dataclass(frozen=True)
class Found:
    """Identified by NIR, date of birth and card: one profile, or several (twins)."""

    holder: Person
    candidates: tuple[Person, ...]
    ok: bool = True


@dataclass(frozen=True)
class ChannelOption:
    channel: Channel
    masked: str


@dataclass(frozen=True)
class CodeSent:
    channel: Channel
    masked: str
    ok: bool = True


@dataclass(frozen=True)
class Activated:
    person: Person
    identifier: str
    ok: bool = True


@dataclass(frozen=True)
class Opposed:
    person: Person
    decided_on: date
    ok: bool = True


@dataclass
class Engine:
    store: Store
    clock: Clock = field(default_factory=SystemClock)
    codes: CodeGenerator = field(default_factory=SecretCodeGenerator)
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        self.hasher = CodeHasher(self.store.secret())
        self.mailer = Mailer(self.store)

    @cached_property
    def access(self) -> AccessDesk:
        """Logging in, and the forgotten identifier and password."""
        from .access import AccessDesk

        return AccessDesk(self)

    @cached_property
    def space(self) -> SpaceDesk:
        """The logged-in space: summary, closure, reopening."""
        from .space import SpaceDesk

        return SpaceDesk(self)

    # --- sessions ------------------------------------------------------------------------

    def catch_up(self, progress: lifecycle.Progress | None = None) -> LifeChanges:
        """Carry out what the (simulated) clock has made due: creations and deletions;
        `progress(done, total)` follows a long catch-up (see `lifecycle.catch_up`)."""
        return lifecycle.catch_up(self.store, self.mailer, self.clock.now(), progress)

    def move_clock(
        self, delta: timedelta, progress: lifecycle.Progress | None = None
    ) -> LifeChanges:
        """Move the simulated clock kept in the store ahead by `delta`, then carry out what
        became due. Only a StoreClock reads the offset; other clocks are moved by their
        owner (tests)."""
        if delta <= timedelta(0):
            raise ValueError("the simulated clock only moves forward")
        try:
            self.clock.now() + delta
        except OverflowError:
            raise DomainError("clock_out_of_range", t("clock.out_of_range")) from None
        move_offset(self.store, delta)  # atomic: a move made by another process is kept
        return self.catch_up(progress)

    def start_session(self) -> Session:
        self.catch_up()
        now = self.clock.now()
        session = Session(id=uuid.uuid4().hex[:12], started_at=now, last_activity=now)
        self.log(session, "session", True, "started")
        return session

    def touch(self, session: Session, step: str) -> Refused | None:
        """Refuse when the session has been idle too long, else note the activity and bring
        the statuses up to the clock."""
        now = self.clock.now()
        if now - session.last_activity > self.settings.session_timeout:
            self.log(session, step, False, Outcome.SESSION_EXPIRED)
            return Refused(outcome=Outcome.SESSION_EXPIRED, message=t("identify.session_expired"))
        session.last_activity = now
        self.catch_up()
        return None

    def session_time_left(self, session: Session) -> timedelta:
        elapsed = self.clock.now() - session.last_activity
        return max(timedelta(0), self.settings.session_timeout - elapsed)

    def profile(self, session: Session) -> Person:
        if session.person_id is None:
            raise RuntimeError("no identified person in this session")
        return self.store.person(session.person_id)

    # --- identification with the provisional code ----------------------------------------

    def identify_with_code(
        self, session: Session, *, code: str, nir: str, model: CardModel | None, serial: str
    ) -> Identified | Refused:
        step = Step.IDENTIFY
        if (expired := self.touch(session, step)) is not None:
            return expired
        code_check = codeformat.check_provisional_code(code)
        errors: dict[str, str] = {}
        if code_check.error:
            errors["code"] = code_check.error
        checked_nir = self.check_card_fields(nir, model, serial, errors)
        if errors:
            self.log(session, step, False, "fields:" + ",".join(sorted(errors)))
            return Refused(errors=errors)
        assert code_check.value and checked_nir and model is not None
        return self._identify(session, code_check.value, checked_nir, model, serial)

    def check_card_fields(
        self, nir: str, model: CardModel | None, serial: str, errors: dict[str, str]
    ) -> str | None:
        """The NIR, card model and serial fields: refusals go in `errors`; the NIR, normalised."""
        nir_check = check_nir(nir)
        if nir_check.error:
            errors["nir"] = nir_check.error
        if model is None:
            errors["model"] = t("card.model.required")
        else:
            serial_check = vitale.check_serial(
                serial, model, nir=nir_check.value, today=self.clock.now().date()
            )
            if serial_check.error:
                errors["serial"] = serial_check.error
        return nir_check.value

    def _identify(
        self, session: Session, code: str, nir: str, model: CardModel, serial: str
    ) -> Identified | Refused:
        step = Step.IDENTIFY
        holder = self.holder_with_card(session, nir, model, serial, step)
        if isinstance(holder, Refused):
            return holder
        # The code may be the holder's own, or a child's (sent to the parent).
        candidates = [holder.id] + [c.id for c in self.store.children_of(holder.id)]
        match = self._match_code(session, holder, candidates, code, step)
        if isinstance(match, Refused):
            return match
        person = self.store.person(match["person_id"])
        refusal = self._profile_refusal(person) or self._code_refusal(match)
        if refusal is not None:
            self.log(session, step, False, str(refusal.outcome), person_id=person.id)
            return refusal
        self._clear_failures(holder.id)
        session.person_id, session.holder_id, session.code_id = person.id, holder.id, match["id"]
        self.log(session, step, True, "identified", person_id=person.id)
        return Identified(person=person, holder=holder)

    def holder_with_card(
        self, session: Session, nir: str, model: CardModel, serial: str, step: str
    ) -> Person | Refused:
        """The card holder with this NIR whose card matches, or « not found » / « locked »."""
        holder = self.store.person_by_nir(nir)
        if holder is None:
            return self._not_found(session, None, "nir_unknown", step)
        if (locked := self._locked(session, holder.id, step)) is not None:
            return locked
        card = self.store.card_of(holder.id)
        if (
            card is None
            or card.model != model
            or not vitale.serial_matches(model, card.serial, vitale.normalize_serial(serial))
        ):
            return self._not_found(session, holder.id, "card_mismatch", step)
        return holder

    def _match_code(
        self, session: Session, holder: Person, person_ids: list[int], code: str, step: str
    ) -> sqlite3.Row | Refused:
        """The code row among these profiles' codes; a miss counts as a wrong code."""
        placeholders = ",".join("?" for _ in person_ids)
        rows = self.store.query(
            f"SELECT * FROM provisional_codes WHERE person_id IN ({placeholders}) ORDER BY id DESC",
            person_ids,
        )
        match = next((r for r in rows if self.hasher.matches(code, r["code_hash"])), None)
        if match is None:
            return self._wrong_code(session, holder.id, step)
        return match

    @staticmethod
    def _profile_refusal(person: Person) -> Refused | None:
        if person.status in (ProfileStatus.ACTIVATED, ProfileStatus.CLOSED):
            # A closed profile is reopened from the logged-in space, not activated again.
            return _already_exists()
        if person.deceased or person.not_activable_reason:
            return Refused(outcome=Outcome.NOT_ACTIVABLE, message=t("identify.not_activable"))
        return None

    def _code_refusal(self, match: sqlite3.Row) -> Refused | None:
        if match["used_at"] is not None:
            return Refused(outcome=Outcome.CODE_USED, message=t("code.used"))
        if datetime.fromisoformat(match["expires_at"]) <= self.clock.now():
            return Refused(outcome=Outcome.CODE_EXPIRED, message=t("code.expired"))
        return None

    def lockout(self, scope: Scope) -> Lockout:
        """The counter of wrong entries of `scope`, with the allowance the settings give."""
        if scope is Scope.LOGIN:
            allowed, wait = self.settings.max_login_failures, self.settings.first_login_wait
        else:
            allowed, wait = self.settings.max_code_failures, self.settings.first_lock_wait
        return Lockout(self.store, scope, allowed, wait)

    def _clear_failures(self, holder_id: int) -> None:
        self.lockout(Scope.PROVISIONAL_CODE).clear(str(holder_id))

    def _not_found(
        self, session: Session, holder_id: int | None, why: str, step: str = Step.IDENTIFY
    ) -> Refused:
        self.log(session, step, False, f"{Outcome.NOT_FOUND}:{why}", person_id=holder_id)
        return Refused(outcome=Outcome.NOT_FOUND, message=t("identify.not_found"))

    def _locked(
        self, session: Session, holder_id: int, step: str = Step.IDENTIFY
    ) -> Refused | None:
        left = self.lockout(Scope.PROVISIONAL_CODE).wait_left(str(holder_id), self.clock.now())
        if left is None:
            return None
        self.log(session, step, False, Outcome.LOCKED, person_id=holder_id)
        return Refused(outcome=Outcome.LOCKED, message=t("code.locked", wait=wait_words(left)))

    def _wrong_code(self, session: Session, holder_id: int, step: str = Step.IDENTIFY) -> Refused:
        """Count a wrong code; past the allowance, each failure doubles the wait."""
        counter = self.lockout(Scope.PROVISIONAL_CODE)
        wait = counter.fail(str(holder_id), self.clock.now())
        if wait is not None:
            self.log(session, step, False, Outcome.LOCKED, person_id=holder_id)
            return Refused(outcome=Outcome.LOCKED, message=t("code.locked", wait=wait_words(wait)))
        failures = counter.failures(str(holder_id))
        return self._not_found(session, holder_id, f"wrong_code:{failures}", step)

    # --- identification by identity: NIR, date of birth, card ---------------------------

    def check_birth_date(self, session: Session, raw: str) -> Accepted | Refused:
        """Identity first, step 1: the date of birth (mine, or my child's), kept for later."""
        step = Step.BIRTH_DATE
        if (expired := self.touch(session, step)) is not None:
            return expired
        checked = check_birth_date(raw, self.clock.now().date())
        if checked.error or checked.value is None:
            self.log(session, step, False, "birth_date")
            return Refused(errors={"birth_date": checked.error or ""})
        session.birth_date = checked.value
        self.log(session, step, True, "accepted")
        return Accepted()

    def identify_by_identity(
        self,
        session: Session,
        *,
        nir: str,
        model: CardModel | None,
        serial: str,
        birth_date: str | None = None,
        step: str = Step.VITALE,
    ) -> Found | Refused:
        """The parent's (or my) NIR and card with my, or my child's, date of birth.

        `birth_date` is typed on the same screen when generating a new code (guide 002, 2/3);
        in the identity-first journey it was typed on the screen before.
        """
        if (expired := self.touch(session, step)) is not None:
            return expired
        errors: dict[str, str] = {}
        born = session.birth_date
        if birth_date is not None:
            date_check = check_birth_date(birth_date, self.clock.now().date())
            if date_check.error:
                errors["birth_date"] = date_check.error
            born = date_check.value
        elif born is None:  # identity first: the date comes from the screen before
            errors["birth_date"] = t("birth.required")
        checked_nir = self.check_card_fields(nir, model, serial, errors)
        if errors:
            self.log(session, step, False, "fields:" + ",".join(sorted(errors)))
            return Refused(errors=errors)
        assert checked_nir is not None and model is not None and born is not None
        holder = self.holder_with_card(session, checked_nir, model, serial, step)
        if isinstance(holder, Refused):
            return holder
        matching = [p for p in [holder, *self.store.children_of(holder.id)] if p.birth_date == born]
        if not matching:
            return self._not_found(session, holder.id, "birth_date_mismatch", step)
        if len(matching) == 1 and (refusal := self._profile_refusal(matching[0])) is not None:
            self.log(session, step, False, str(refusal.outcome), person_id=matching[0].id)
            return refusal
        session.holder_id, session.birth_date = holder.id, born
        session.candidates = tuple(p.id for p in matching)
        session.person_id = matching[0].id if len(matching) == 1 else None
        session.code_id, session.representative_certified = None, False
        self.log(session, step, True, f"found:{len(matching)}", person_id=session.person_id)
        return Found(holder=holder, candidates=tuple(matching))

    def choose_profile(self, session: Session, person_id: int | None) -> Accepted | Refused:
        """Twins share a date of birth: « Je choisis pour qui j'active le profil »."""
        step = Step.CHOOSE_PROFILE
        if (expired := self.touch(session, step)) is not None:
            return expired
        if person_id is None or person_id not in session.candidates:
            self.log(session, step, False, "no_choice")
            return Refused(errors={"profile": t("profile.required")})
        person = self.store.person(person_id)
        if (refusal := self._profile_refusal(person)) is not None:
            self.log(session, step, False, str(refusal.outcome), person_id=person_id)
            return refusal
        session.person_id = person_id
        self.log(session, step, True, "chosen", person_id=person_id)
        return Accepted()

    def certify_representative(
        self, session: Session, certified: bool | None
    ) -> Accepted | Refused:
        """« Je certifie être le représentant légal de … », or why only that person can act."""
        step = Step.REPRESENTATIVE
        if (expired := self.touch(session, step)) is not None:
            return expired
        if certified is None:
            self.log(session, step, False, "no_answer")
            return Refused(errors={"certify": t("representative.required")})
        if not certified:
            self.log(session, step, False, Outcome.NOT_REPRESENTATIVE)
            child = self.profile(session)
            return Refused(
                outcome=Outcome.NOT_REPRESENTATIVE,
                message=t("representative.refused", name=child.full_name),
            )
        session.representative_certified = True
        self.log(session, step, True, "certified")
        return Accepted()

    def channels(self, session: Session) -> list[ChannelOption]:
        """Where a new code can go: the addressee's contacts on file, masked; else a letter."""
        return contact_channels(self.addressee(session), letter=True)

    def send_code(self, session: Session, channel: Channel | None) -> CodeSent | Refused:
        """A new provisional code by the chosen channel; not within 30 s of the previous one."""
        step = Step.CODE
        if (expired := self.touch(session, step)) is not None:
            return expired
        options = {o.channel: o for o in self.channels(session)}
        if channel is None or channel not in options:
            self.log(session, step, False, "no_channel")
            return Refused(errors={"channel": t("channel.required")})
        person, addressee = self.profile(session), self.addressee(session)
        now = self.clock.now()
        with self.store.transaction() as conn:
            last = conn.execute(
                "SELECT MAX(issued_at) AS at FROM provisional_codes "
                "WHERE person_id = ? AND origin = 'regenerated'",
                (person.id,),
            ).fetchone()["at"]
            if last is not None and now - datetime.fromisoformat(last) < self.settings.resend_delay:
                refused = True
            else:
                refused = False
                code = self.codes.provisional()
                valid_until = now + self.settings.regenerated_code_validity
                conn.execute(
                    "INSERT INTO provisional_codes(person_id, code_hash, issued_at, expires_at,"
                    " channel, origin) VALUES (?, ?, ?, ?, ?, 'regenerated')",
                    (
                        person.id,
                        self.hasher.digest(code),
                        iso(now),
                        iso(valid_until),
                        channel.value,
                    ),
                )
                self.mailer.new_code(now, person, addressee, channel, code, valid_until)
        if refused:
            self.log(session, step, False, Outcome.WAIT)
            return Refused(outcome=Outcome.WAIT, message=t("code.wait_30s"))
        self.log(session, step, True, f"sent:{channel.value}")
        return CodeSent(channel=channel, masked=options[channel].masked)

    def verify_code(self, session: Session, raw: str) -> Accepted | Refused:
        """Identity first: the 12-character code of the identified profile."""
        step = Step.CODE
        if (expired := self.touch(session, step)) is not None:
            return expired
        checked = codeformat.check_provisional_code(raw)
        if checked.error or checked.value is None:
            self.log(session, step, False, "code_format")
            return Refused(errors={"code": checked.error or ""})
        holder, person = self.addressee(session), self.profile(session)
        if (locked := self._locked(session, holder.id, step)) is not None:
            return locked
        match = self._match_code(session, holder, [person.id], checked.value, step)
        if isinstance(match, Refused):
            return match
        if (refusal := self._code_refusal(match)) is not None:
            self.log(session, step, False, str(refusal.outcome))
            return refusal
        self._clear_failures(holder.id)
        session.code_id = match["id"]
        self.log(session, step, True, "code_accepted")
        return Accepted()

    def forget_identity(self, session: Session) -> None:
        """After sending a new code in the code-first journey: back to « Je m'identifie »."""
        session.person_id = session.holder_id = session.code_id = None
        session.candidates, session.birth_date = (), None

    def extend_session(self, session: Session) -> None:
        """The person asked for more time before the session expires (accessibility rule)."""
        self.touch(session, "session:extend")

    def skipped_steps(self, session: Session) -> frozenset[Step]:
        """Steps of the variant that do not apply to this person now."""
        skip: set[Step] = set()
        if len(session.candidates) <= 1:
            skip.add(Step.CHOOSE_PROFILE)
        if session.managing:
            skip |= {Step.CHOOSE_PROFILE, Step.CODE}
        if session.person_id is not None and self.profile(session).parent_id is None:
            skip.add(Step.REPRESENTATIVE)
        if (session.holder_id or session.person_id) is not None and self.store.account_identifier(
            self.addressee(session).id
        ):
            skip |= {Step.CONTACTS, Step.ACCOUNT}
        return frozenset(skip)

    # --- decision --------------------------------------------------------------------------

    def decide(self, session: Session, choice: Choice | None, consent: bool) -> Accepted | Refused:
        step = Step.DECISION
        if (expired := self.touch(session, step)) is not None:
            return expired
        if choice is None:
            self.log(session, step, False, "choice_missing")
            return Refused(errors={"choice": t("decision.required")})
        if choice is Choice.ACTIVATE and not consent:
            self.log(session, step, False, "consent_missing")
            return Refused(errors={"consent": t("decision.consent")})
        person = self.profile(session)
        if (refused := self.representative_refusal(session, person, step)) is not None:
            return refused
        if choice is Choice.OPPOSE and person.status is ProfileStatus.CREATED:
            # Opposition is possible during the six weeks only; afterwards, closure.
            self.log(session, step, False, "created_no_opposition")
            return Refused(errors={"choice": t("decision.created_no_opposition")})
        # Said now rather than after the contacts and the account: another session may have
        # used the code or decided meanwhile (checked again when the decision is written).
        if (stale := self._decision_refusal(self.store.conn, session, choice)) is not None:
            self.log(session, step, False, str(stale.outcome or "stale"))
            return stale
        session.choice = choice
        if choice is Choice.ACTIVATE and self.store.account_identifier(self.addressee(session).id):
            # The account common to all the addressee's profiles exists (a parent whose space
            # is active): no contact check and no identifier to create.
            try:
                self._record_activation(self.profile(session), self.clock.now(), session)
            except _StepRefused as stale_now:
                self.log(session, step, False, str(stale_now.refused.outcome or "stale"))
                return stale_now.refused
            self.log(session, step, True, "activated_with_existing_account")
            return Accepted(next=Step.SUCCESS)
        self.log(session, step, True, choice.value)
        return Accepted(next=Step.CONTACTS if choice is Choice.ACTIVATE else None)

    def representative_refusal(
        self, session: Session, person: Person, step: str
    ) -> Refused | None:
        """A child's profile is decided by the legal representative, once certified."""
        if person.parent_id is None or session.representative_certified:
            return None
        self.log(session, step, False, Outcome.NOT_REPRESENTATIVE)
        return Refused(
            outcome=Outcome.NOT_REPRESENTATIVE,
            message=t("representative.refused", name=person.full_name),
        )

    def confirm_opposition(self, session: Session) -> Opposed | Refused:
        """« Je valide l'opposition »: status, decision and used code in one transaction.

        Opposing again is harmless: the first opposition's status and date are kept.
        """
        step = f"{Step.DECISION}:opposition"
        if (expired := self.touch(session, step)) is not None:
            return expired
        person = self.profile(session)
        if (refusal := self._profile_refusal(person)) is not None:
            self.log(session, step, False, str(refusal.outcome))
            return refusal
        if (refused := self.representative_refusal(session, person, step)) is not None:
            return refused
        if person.status is ProfileStatus.CREATED:
            self.log(session, step, False, "created_no_opposition")
            return Refused(errors={"choice": t("decision.created_no_opposition")})
        now = self.clock.now()
        try:
            with self.store.transaction():
                already = self._record_decision(person, Choice.OPPOSE, now, session)
        except _StepRefused as stale:
            self.log(session, step, False, str(stale.refused.outcome or "stale"))
            return stale.refused
        self.log(session, step, True, "already_opposed" if already else "opposed")
        stored = self.store.person(person.id)
        return Opposed(person=stored, decided_on=stored.status_date or now.date())

    def household_profiles(self, session: Session) -> list[Person]:
        """The addressee's profile and those of the children attached to them."""
        self.catch_up()
        addressee = self.addressee(session)
        return [addressee, *self.store.children_of(addressee.id)]

    def manage_profile(self, session: Session, person_id: int) -> Accepted | Refused:
        """« Gérer le profil »: the addressee, already identified, acts for a child attached
        to them. The certification as legal representative comes next, then the decision."""
        step = "gerer_le_profil"
        if (expired := self.touch(session, step)) is not None:
            return expired
        addressee = self.addressee(session)
        child = next((c for c in self.store.children_of(addressee.id) if c.id == person_id), None)
        if child is None:
            self.log(session, step, False, "not_a_child_of_addressee", person_id=person_id)
            return Refused(message=t("manage.not_yours"))
        if (refusal := self._profile_refusal(child)) is not None and child.status not in (
            ProfileStatus.ACTIVATED,
            ProfileStatus.CLOSED,
        ):
            self.log(session, step, False, str(refusal.outcome), person_id=person_id)
            return refusal
        session.holder_id, session.person_id = addressee.id, child.id
        session.code_id, session.choice, session.pending_contact = None, None, None
        session.representative_certified, session.managing = False, True
        session.candidates = (child.id,)
        self.log(session, step, True, "managing", person_id=child.id)
        return Accepted(next=Step.REPRESENTATIVE)

    def back_to_own_profile(self, session: Session) -> None:
        """After acting for a child: the session is about the addressee again."""
        if session.holder_id is not None:
            session.person_id = session.holder_id
        session.representative_certified, session.choice = False, None
        session.candidates = ()

    # --- contact check ---------------------------------------------------------------------

    def contact_view(self, session: Session) -> ContactView:
        person = self.addressee(session)
        return ContactView(
            email=person.email,
            mobile=person.mobile,
            email_masked=contacts.mask_email(person.email) if person.email else None,
            mobile_masked=contacts.mask_mobile(person.mobile) if person.mobile else None,
        )

    def request_contact_change(
        self, session: Session, kind: ContactKind, raw: str
    ) -> OtpSent | Refused:
        step = f"{Step.CONTACTS}:{kind}"
        if (expired := self.touch(session, step)) is not None:
            return expired
        person = self.addressee(session)
        checked = (
            contacts.check_email(raw) if kind is ContactKind.EMAIL else contacts.check_mobile(raw)
        )
        current = person.email if kind is ContactKind.EMAIL else person.mobile
        error = checked.error
        if error is None and checked.value == current:
            error = t("email.same" if kind is ContactKind.EMAIL else "mobile.same")
        if error is not None or checked.value is None:
            self.log(session, step, False, "invalid")
            return Refused(errors={kind.value: error or ""})
        session.pending_contact = PendingContact(kind=kind, value=checked.value)
        return self._send_contact_otp(session, person, session.pending_contact)

    def resend_contact_code(self, session: Session) -> OtpSent | Refused:
        pending = session.pending_contact
        if pending is None:
            return Refused(errors={"otp": t("otp.none")})
        if (expired := self.touch(session, f"{Step.CONTACTS}:resend")) is not None:
            return expired
        return self._send_contact_otp(session, self.addressee(session), pending)

    def _send_contact_otp(
        self, session: Session, person: Person, pending: PendingContact
    ) -> OtpSent:
        now = self.clock.now()
        code = self.codes.otp()
        purpose = f"contact_{pending.kind.value}"
        with self.store.transaction() as conn:
            # "Envoyer à nouveau le code": the new code replaces the old one.
            conn.execute(
                "UPDATE otp_codes SET replaced = 1 WHERE person_id = ? AND purpose = ? "
                "AND used_at IS NULL AND replaced = 0",
                (person.id, purpose),
            )
            conn.execute(
                "INSERT INTO otp_codes(person_id, purpose, target, code_hash, issued_at,"
                " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    person.id,
                    purpose,
                    pending.value,
                    self.hasher.digest(code),
                    iso(now),
                    iso(now + self.settings.otp_validity),
                ),
            )
            if pending.kind is ContactKind.EMAIL:
                self.mailer.otp_email(now, person, pending.value, code)
            else:
                self.mailer.otp_sms(now, person, pending.value, code)
        self.log(session, f"{Step.CONTACTS}:{pending.kind}", True, "otp_sent")
        target = (
            pending.value
            if pending.kind is ContactKind.EMAIL
            else contacts.format_mobile(pending.value)
        )
        return OtpSent(kind=pending.kind, target=target)

    def confirm_contact_change(self, session: Session, raw_code: str) -> Accepted | Refused:
        pending = session.pending_contact
        step = f"{Step.CONTACTS}:confirm"
        if (expired := self.touch(session, step)) is not None:
            return expired
        if pending is None:
            return Refused(errors={"otp": t("otp.none")})
        checked = codeformat.check_otp(raw_code)
        if checked.error or checked.value is None:
            self.log(session, step, False, "otp_format")
            return Refused(errors={"otp": checked.error or ""})
        person = self.addressee(session)
        now = self.clock.now()
        purpose = f"contact_{pending.kind.value}"
        column = "email" if pending.kind is ContactKind.EMAIL else "mobile"
        counter, key = self.lockout(Scope.CONTACT_CODE), str(person.id)
        if (left := counter.wait_left(key, now)) is not None:
            # While the wait runs, even the right code is refused: it is not even compared.
            self.log(session, step, False, Outcome.LOCKED)
            return Refused(errors={"otp": t("code.locked", wait=wait_words(left))})
        with self.store.transaction() as conn:
            row = conn.execute(
                "SELECT * FROM otp_codes WHERE person_id = ? AND purpose = ? AND target = ? "
                "AND replaced = 0 AND used_at IS NULL ORDER BY id DESC LIMIT 1",
                (person.id, purpose, pending.value),
            ).fetchone()
            if row is None:
                error, reason = t("otp.none"), "otp_none"
            elif not self.hasher.matches(checked.value, row["code_hash"]):
                error, reason = t("otp.wrong"), "otp_wrong"
            elif datetime.fromisoformat(row["expires_at"]) <= now:
                error, reason = t("otp.expired"), "otp_expired"
            else:
                error, reason = None, "confirmed"
                conn.execute("UPDATE otp_codes SET used_at = ? WHERE id = ?", (iso(now), row["id"]))
                # The new contact is kept only now that its code is confirmed.
                conn.execute(
                    f"UPDATE people SET {column} = ? WHERE id = ?", (pending.value, person.id)
                )
        self.log(session, step, error is None, reason)
        if reason == "otp_wrong" and (wait := counter.fail(key, now)) is not None:
            error = t("code.locked", wait=wait_words(wait))
        if error is not None:
            return Refused(errors={"otp": error})
        counter.clear(key)
        session.pending_contact = None
        return Accepted(next=Step.CONTACTS)

    def confirm_contacts(self, session: Session) -> Accepted | Refused:
        step = Step.CONTACTS
        if (expired := self.touch(session, step)) is not None:
            return expired
        if not self.addressee(session).email:
            self.log(session, step, False, "email_missing")
            return Refused(errors={"email": t("email.required")})
        self.log(session, step, True, "checked")
        return Accepted(next=Step.ACCOUNT)

    # --- identifier and password -----------------------------------------------------------

    def check_identifier(self, session: Session, raw: str) -> Refused | None:
        """None when the identifier is acceptable and free; else the refusal for the field."""
        person = self.addressee(session)
        checked = identifier.check_identifier(raw, nir=person.nir)
        if checked.error or checked.value is None:
            return Refused(errors={"identifier": checked.error or ""})
        if self.store.identifier_taken(checked.value):
            suggestions = identifier.suggest_identifiers(checked.value, self.store.identifier_taken)
            return Refused(
                errors={"identifier": t("identifier.taken", suggestions=", ".join(suggestions))}
            )
        return None

    def password_rules(self, raw: str) -> list[password.PasswordRule]:
        return password.checklist(raw, self.settings.rule_version)

    def create_account(
        self, session: Session, *, identifier_raw: str, password_raw: str, confirmation: str
    ) -> Activated | Refused:
        step = Step.ACCOUNT
        if (expired := self.touch(session, step)) is not None:
            return expired
        # The account is the addressee's, « commun à tous mes profils » (guide 000).
        holder = self.addressee(session)
        profile = self.profile(session)
        # Another session may have activated this profile, or used its code, meanwhile: said
        # before the fields, which no correction would make acceptable.
        if (stale := self._decision_refusal(self.store.conn, session, Choice.ACTIVATE)) or (
            self.store.account_of(holder.id) is not None and (stale := _already_exists())
        ):
            self.log(session, step, False, str(stale.outcome))
            return stale
        errors: dict[str, str] = {}
        if (refused := self.check_identifier(session, identifier_raw)) is not None:
            errors.update(refused.errors)
        wanted = identifier_raw.strip()
        errors.update(
            password.check_password(
                password_raw,
                confirmation,
                version=self.settings.rule_version,
                identifier=wanted,
                first_name=holder.first_name,
                last_name=holder.last_name,
                birth_date=holder.birth_date,
            )
        )
        if errors:
            self.log(session, step, False, "fields:" + ",".join(sorted(errors)))
            return Refused(errors=errors)
        # Hash before taking the write lock: argon2 is deliberately slow.
        digest = password.hash_password(password_raw)
        now = self.clock.now()
        try:
            with self.store.transaction() as conn:
                # Checked again under the write lock: another session may have activated this
                # profile, or created the holder's account, since the decision.
                if (stale := self._decision_refusal(conn, session, Choice.ACTIVATE)) is not None:
                    raise _StepRefused(stale)
                if conn.execute(
                    "SELECT 1 FROM accounts WHERE person_id = ?", (holder.id,)
                ).fetchone():
                    raise _StepRefused(_already_exists())
                taken = (
                    conn.execute(
                        "SELECT 1 FROM accounts WHERE identifier = ?", (wanted,)
                    ).fetchone()
                    is not None
                )
                if not taken:
                    conn.execute(
                        "INSERT INTO accounts(person_id, identifier, password_hash, rule_version,"
                        " created_at) VALUES (?, ?, ?, ?, ?)",
                        (holder.id, wanted, digest, self.settings.rule_version.value, iso(now)),
                    )
                    self._record_activation(profile, now, session)
        except _StepRefused as stale_now:
            self.log(session, step, False, str(stale_now.refused.outcome or "stale"))
            return stale_now.refused
        if taken:
            refused = self.check_identifier(session, identifier_raw)
            self.log(session, step, False, "identifier_taken")
            return refused or Refused(errors={"identifier": t("identifier.required")})
        self.log(session, step, True, "activated")
        return Activated(person=self.store.person(profile.id), identifier=wanted)

    def _record_activation(self, profile: Person, now: datetime, session: Session) -> None:
        """Status, decision, used code and confirmation message: one transaction (joined)."""
        with self.store.transaction():
            self._record_decision(profile, Choice.ACTIVATE, now, session)
            self.mailer.activated(now, self.store.person(profile.id), self.addressee(session))

    def _record_decision(
        self, profile: Person, choice: Choice, now: datetime, session: Session
    ) -> bool:
        """The profile's new status and date, the decision row, the code used: one write,
        inside the caller's transaction. The code and the profile are read again under the
        write lock; when another session used the code or decided meanwhile, `_StepRefused`
        is raised and nothing is written. True when the profile was already opposed and is
        opposed again (its first date is kept)."""
        with self.store.transaction() as conn:
            if (stale := self._decision_refusal(conn, session, choice)) is not None:
                raise _StepRefused(stale)
            current = conn.execute(
                "SELECT status FROM people WHERE id = ?", (profile.id,)
            ).fetchone()
            again = choice is Choice.OPPOSE and current["status"] == ProfileStatus.OPPOSED.value
            if not again:
                conn.execute(
                    "UPDATE people SET status = ?, status_date = ? WHERE id = ?",
                    (_STATUS_OF[choice].value, iso(now.date()), profile.id),
                )
            conn.execute(
                "INSERT INTO decisions(person_id, kind, at, by_person_id) VALUES (?, ?, ?, ?)",
                (profile.id, choice.value, iso(now), session.holder_id),
            )
            if session.code_id is not None:
                conn.execute(
                    "UPDATE provisional_codes SET used_at = ? WHERE id = ? AND used_at IS NULL",
                    (iso(now), session.code_id),
                )
        return again

    def _decision_refusal(
        self, conn: sqlite3.Connection, session: Session, choice: Choice
    ) -> Refused | None:
        """Why the session's profile can no longer take `choice`, read through `conn` (inside
        the step's transaction when it writes): its code was used meanwhile, or its status
        changed so that the decision no longer applies."""
        assert session.person_id is not None
        row = conn.execute("SELECT * FROM people WHERE id = ?", (session.person_id,)).fetchone()
        if row is None:
            return Refused(outcome=Outcome.NOT_FOUND, message=t("identify.not_found"))
        person = person_from_row(row)
        # The profile first: « Un profil a déjà été créé » says more than « code utilisé ».
        if (refusal := self._profile_refusal(person)) is not None:
            return refusal
        if session.code_id is not None:
            code = conn.execute(
                "SELECT used_at FROM provisional_codes WHERE id = ?", (session.code_id,)
            ).fetchone()
            if code is None or code["used_at"] is not None:
                return Refused(outcome=Outcome.CODE_USED, message=t("code.used"))
        if choice is Choice.OPPOSE and person.status is ProfileStatus.CREATED:
            return Refused(errors={"choice": t("decision.created_no_opposition")})
        return None

    def addressee(self, session: Session) -> Person:
        holder = session.holder_id if session.holder_id is not None else session.person_id
        assert holder is not None
        return self.store.person(holder)

    # --- journal -------------------------------------------------------------------------

    def log(
        self,
        session: Session,
        step: str,
        accepted: bool,
        reason: str,
        *,
        person_id: int | None = None,
    ) -> None:
        self.store.journal(
            at=self.clock.now(),
            session_id=session.id,
            person_id=person_id if person_id is not None else session.person_id,
            step=str(step),
            accepted=accepted,
            reason=str(reason),
        )


def _already_exists() -> Refused:
    return Refused(outcome=Outcome.ALREADY_EXISTS, message=t("identify.already_exists"))


def contact_channels(person: Person, *, letter: bool) -> list[ChannelOption]:
    """The person's e-mail and mobile on file, masked; a letter when neither is (and when a
    letter can carry what is sent: not a one-time code)."""
    options = []
    if person.email:
        options.append(ChannelOption(Channel.EMAIL, contacts.mask_email(person.email)))
    if person.mobile:
        options.append(ChannelOption(Channel.SMS, contacts.mask_mobile(person.mobile)))
    if not options and letter:
        options.append(ChannelOption(Channel.LETTER, letter_label(person)))
    return options
