"""Use case « identification »: with the provisional code (« Je m'identifie »), or by identity
(date of birth, NIR and card), the choice between twins, the legal representative's
certification and the code of the identity-first journey."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from mes_sante_tui.wording import t

from . import codeformat, lifecycle, vitale
from .answers import Accepted, Found, Identified, Outcome, Session
from .birthdate import check_birth_date
from .desk import Desk, step
from .durations import wait_words
from .journey import Step
from .lifecycle import Event
from .lockout import Scope
from .models import CardModel, Person
from .nir import check_nir
from .results import Refused
from .session import Sessions


class Identification:
    def __init__(self, desk: Desk, sessions: Sessions) -> None:
        self.desk, self.sessions = desk, sessions
        self.store = desk.store

    # --- with the provisional code ---------------------------------------------------------

    @step(Step.IDENTIFY)
    def identify_with_code(
        self, session: Session, *, code: str, nir: str, model: CardModel | None, serial: str
    ) -> Identified | Refused:
        step = Step.IDENTIFY
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        code_check = codeformat.check_provisional_code(code)
        errors: dict[str, str] = {}
        if code_check.error:
            errors["code"] = code_check.error
        checked_nir = self.check_card_fields(nir, model, serial, errors)
        if errors:
            return self.desk.refused_fields(session, step, errors)
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
                serial, model, nir=nir_check.value, today=self.desk.clock.now().date()
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
        refusal = self.profile_refusal(person) or self._code_refusal(match)
        if refusal is not None:
            self.desk.log(session, step, False, str(refusal.outcome), person_id=person.id)
            return refusal
        self._clear_failures(holder.id)
        session.person_id, session.holder_id, session.code_id = person.id, holder.id, match["id"]
        self.desk.log(session, step, True, "identified", person_id=person.id)
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
        rows = self.store.codes_of(person_ids)
        match = next((r for r in rows if self.desk.hasher.matches(code, r["code_hash"])), None)
        if match is None:
            return self._wrong_code(session, holder.id, step)
        return match

    @staticmethod
    def profile_refusal(person: Person) -> Refused | None:
        """Why this profile cannot be activated (the life table's refusal): it exists
        already (activated, or closed: reopened from the logged-in space), or it is not
        activable."""
        return lifecycle.refusal(person, Event.ACTIVATE)

    def _code_refusal(self, match: sqlite3.Row) -> Refused | None:
        if match["used_at"] is not None:
            return Refused(outcome=Outcome.CODE_USED, message=t("code.used"))
        if datetime.fromisoformat(match["expires_at"]) <= self.desk.clock.now():
            return Refused(outcome=Outcome.CODE_EXPIRED, message=t("code.expired"))
        return None

    def _clear_failures(self, holder_id: int) -> None:
        self.desk.lockout(Scope.PROVISIONAL_CODE).clear(str(holder_id))

    def _not_found(
        self, session: Session, holder_id: int | None, why: str, step: str = Step.IDENTIFY
    ) -> Refused:
        self.desk.log(session, step, False, f"{Outcome.NOT_FOUND}:{why}", person_id=holder_id)
        return Refused(outcome=Outcome.NOT_FOUND, message=t("identify.not_found"))

    def _locked(
        self, session: Session, holder_id: int, step: str = Step.IDENTIFY
    ) -> Refused | None:
        left = self.desk.lockout(Scope.PROVISIONAL_CODE).wait_left(
            str(holder_id), self.desk.clock.now()
        )
        if left is None:
            return None
        self.desk.log(session, step, False, Outcome.LOCKED, person_id=holder_id)
        return Refused(outcome=Outcome.LOCKED, message=t("code.locked", wait=wait_words(left)))

    def _wrong_code(self, session: Session, holder_id: int, step: str = Step.IDENTIFY) -> Refused:
        """Count a wrong code; past the allowance, each failure doubles the wait."""
        counter = self.desk.lockout(Scope.PROVISIONAL_CODE)
        wait = counter.fail(str(holder_id), self.desk.clock.now())
        if wait is not None:
            self.desk.log(session, step, False, Outcome.LOCKED, person_id=holder_id)
            return Refused(outcome=Outcome.LOCKED, message=t("code.locked", wait=wait_words(wait)))
        failures = counter.failures(str(holder_id))
        return self._not_found(session, holder_id, f"wrong_code:{failures}", step)

    # --- by identity: NIR, date of birth, card --------------------------------------------

    @step(Step.BIRTH_DATE)
    def check_birth_date(self, session: Session, raw: str) -> Accepted | Refused:
        """Identity first, step 1: the date of birth (mine, or my child's), kept for later."""
        step = Step.BIRTH_DATE
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        checked = check_birth_date(raw, self.desk.clock.now().date())
        if checked.error or checked.value is None:
            self.desk.log(session, step, False, "birth_date")
            return Refused(errors={"birth_date": checked.error or ""})
        session.birth_date = checked.value
        self.desk.log(session, step, True, "accepted")
        return Accepted()

    @step(Step.VITALE)
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
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        errors: dict[str, str] = {}
        born = session.birth_date
        if birth_date is not None:
            date_check = check_birth_date(birth_date, self.desk.clock.now().date())
            if date_check.error:
                errors["birth_date"] = date_check.error
            born = date_check.value
        elif born is None:  # identity first: the date comes from the screen before
            errors["birth_date"] = t("birth.required")
        checked_nir = self.check_card_fields(nir, model, serial, errors)
        if errors:
            return self.desk.refused_fields(session, step, errors)
        assert checked_nir is not None and model is not None and born is not None
        holder = self.holder_with_card(session, checked_nir, model, serial, step)
        if isinstance(holder, Refused):
            return holder
        matching = [p for p in [holder, *self.store.children_of(holder.id)] if p.birth_date == born]
        if not matching:
            return self._not_found(session, holder.id, "birth_date_mismatch", step)
        if len(matching) == 1 and (refusal := self.profile_refusal(matching[0])) is not None:
            self.desk.log(session, step, False, str(refusal.outcome), person_id=matching[0].id)
            return refusal
        session.holder_id, session.birth_date = holder.id, born
        session.candidates = tuple(p.id for p in matching)
        session.person_id = matching[0].id if len(matching) == 1 else None
        session.code_id, session.representative_certified = None, False
        self.desk.log(session, step, True, f"found:{len(matching)}", person_id=session.person_id)
        return Found(holder=holder, candidates=tuple(matching))

    @step(Step.CHOOSE_PROFILE)
    def choose_profile(self, session: Session, person_id: int | None) -> Accepted | Refused:
        """Twins share a date of birth: « Je choisis pour qui j'active le profil »."""
        step = Step.CHOOSE_PROFILE
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        if person_id is None or person_id not in session.candidates:
            self.desk.log(session, step, False, "no_choice")
            return Refused(errors={"profile": t("profile.required")})
        person = self.store.person(person_id)
        if (refusal := self.profile_refusal(person)) is not None:
            self.desk.log(session, step, False, str(refusal.outcome), person_id=person_id)
            return refusal
        session.person_id = person_id
        self.desk.log(session, step, True, "chosen", person_id=person_id)
        return Accepted()

    @step(Step.REPRESENTATIVE)
    def certify_representative(
        self, session: Session, certified: bool | None
    ) -> Accepted | Refused:
        """« Je certifie être le représentant légal de … », or why only that person can act."""
        step = Step.REPRESENTATIVE
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        if certified is None:
            self.desk.log(session, step, False, "no_answer")
            return Refused(errors={"certify": t("representative.required")})
        if not certified:
            self.desk.log(session, step, False, Outcome.NOT_REPRESENTATIVE)
            child = self.sessions.profile(session)
            return Refused(
                outcome=Outcome.NOT_REPRESENTATIVE,
                message=t("representative.refused", name=child.full_name),
            )
        session.representative_certified = True
        self.desk.log(session, step, True, "certified")
        return Accepted()

    def representative_refusal(
        self, session: Session, person: Person, step: str
    ) -> Refused | None:
        """A child's profile is decided by the legal representative, once certified."""
        if person.parent_id is None or session.representative_certified:
            return None
        self.desk.log(session, step, False, Outcome.NOT_REPRESENTATIVE)
        return Refused(
            outcome=Outcome.NOT_REPRESENTATIVE,
            message=t("representative.refused", name=person.full_name),
        )

    @step(Step.CODE)
    def verify_code(self, session: Session, raw: str) -> Accepted | Refused:
        """Identity first: the 12-character code of the identified profile."""
        step = Step.CODE
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        checked = codeformat.check_provisional_code(raw)
        if checked.error or checked.value is None:
            self.desk.log(session, step, False, "code_format")
            return Refused(errors={"code": checked.error or ""})
        holder, person = self.sessions.addressee(session), self.sessions.profile(session)
        if (locked := self._locked(session, holder.id, step)) is not None:
            return locked
        match = self._match_code(session, holder, [person.id], checked.value, step)
        if isinstance(match, Refused):
            return match
        if (refusal := self._code_refusal(match)) is not None:
            self.desk.log(session, step, False, str(refusal.outcome))
            return refusal
        self._clear_failures(holder.id)
        session.code_id = match["id"]
        self.desk.log(session, step, True, "code_accepted")
        return Accepted()

    def skipped_steps(self, session: Session) -> frozenset[Step]:
        """Steps of the variant that do not apply to this person now."""
        skip: set[Step] = set()
        if len(session.candidates) <= 1:
            skip.add(Step.CHOOSE_PROFILE)
        if session.managing:
            skip |= {Step.CHOOSE_PROFILE, Step.CODE}
        if session.person_id is not None and self.sessions.profile(session).parent_id is None:
            skip.add(Step.REPRESENTATIVE)
        if (session.holder_id or session.person_id) is not None and self.store.account_identifier(
            self.sessions.addressee(session).id
        ):
            skip |= {Step.CONTACTS, Step.ACCOUNT}
        return frozenset(skip)
