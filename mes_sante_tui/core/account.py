"""Use case « account »: the identifier and the password, which create the account common to
every profile the addressee manages, and activate the profile."""

from __future__ import annotations

from mes_sante_tui.wording import t

from . import identifier, password
from .answers import Activated, Choice, Session, StepRefused, already_exists
from .decision import Decisions
from .desk import Desk, step
from .journey import Step
from .results import Refused
from .session import Sessions


class Accounts:
    def __init__(self, desk: Desk, sessions: Sessions, decisions: Decisions) -> None:
        self.desk, self.sessions, self.decisions = desk, sessions, decisions
        self.store = desk.store

    def check_identifier(self, session: Session, raw: str) -> Refused | None:
        """None when the identifier is acceptable and free; else the refusal for the field."""
        person = self.sessions.addressee(session)
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
        return self.desk.password_rules(raw)

    @step(Step.ACCOUNT)
    def create_account(
        self, session: Session, *, identifier_raw: str, password_raw: str, confirmation: str
    ) -> Activated | Refused:
        step = Step.ACCOUNT
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        # The account is the addressee's, « commun à tous mes profils » (guide 000).
        holder = self.sessions.addressee(session)
        profile = self.sessions.profile(session)
        # Another session may have activated this profile, or used its code, meanwhile: said
        # before the fields, which no correction would make acceptable.
        if (stale := self.decisions.decision_refusal(session, Choice.ACTIVATE)) or (
            self.store.account_of(holder.id) is not None and (stale := already_exists())
        ):
            self.desk.log(session, step, False, str(stale.outcome))
            return stale
        errors: dict[str, str] = {}
        if (refused := self.check_identifier(session, identifier_raw)) is not None:
            errors.update(refused.errors)
        wanted = identifier_raw.strip()
        errors.update(self.desk.password_errors(password_raw, confirmation, holder, wanted))
        if errors:
            return self.desk.refused_fields(session, step, errors)
        # Hashed before the first write, which takes the write lock: argon2 is slow on purpose.
        digest = password.hash_password(password_raw)
        now = self.desk.clock.now()
        with self.store.transaction():
            # Checked again under the write lock: another session may have activated this
            # profile, or created the holder's account, since the decision.
            if (stale := self.decisions.decision_refusal(session, Choice.ACTIVATE)) is not None:
                raise StepRefused(stale)
            if self.store.account_of(holder.id) is not None:
                raise StepRefused(already_exists())
            taken = self.store.identifier_taken(wanted)
            if not taken:
                self.store.add_account(
                    person_id=holder.id,
                    identifier=wanted,
                    password_hash=digest,
                    rule_version=self.desk.settings.rule_version.value,
                    created_at=now,
                )
                self.decisions.record_decision(profile.id, Choice.ACTIVATE, now, session)
        if taken:
            refused = self.check_identifier(session, identifier_raw)
            self.desk.log(session, step, False, "identifier_taken")
            return refused or Refused(errors={"identifier": t("identifier.required")})
        self.desk.log(session, step, True, "activated")
        return Activated(person=self.store.person(profile.id), identifier=wanted)
