"""Getting into one's space with the account: « Se connecter » with a one-time code, « Identifiant
oublié » and « Mot de passe oublié ».

A failed login says one generic thing, never which of the identifier or the password was
wrong, and failures are counted per identifier typed (known or not) so that the wait that
follows does not reveal whether an account exists either.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from mes_sante_tui.wording import t

from . import codeformat, contacts, otp, password
from .answers import ChannelOption, CodeSent, Outcome, Session, contact_channels
from .birthdate import check_birth_date
from .desk import Desk, step
from .durations import wait_words
from .identification import Identification
from .lockout import Scope
from .models import CardModel, Channel, Person
from .nir import check_nir
from .results import Refused
from .session import Sessions
from .text import has_unseen

LOGIN_STEP = "connexion"
RECOVER_IDENTIFIER_STEP = "identifiant_oublie"
RECOVER_PASSWORD_STEP = "mot_de_passe_oublie"

# One-time code purposes in the otp_codes table.
LOGIN_PURPOSE = otp.LOGIN
PASSWORD_PURPOSE = otp.PASSWORD

# A one-time code (or the identifier) was sent: the same result as a new provisional code,
# the channel and the masked address.
CodeOnItsWay = CodeSent


@dataclass(frozen=True)
class LoggedIn:
    person: Person
    identifier: str
    ok: bool = True


@dataclass(frozen=True)
class AccountFound:
    """« Identifiant / mot de passe oublié »: the holder was found; where to send."""

    channels: tuple[ChannelOption, ...]
    ok: bool = True


@dataclass(frozen=True)
class Done:
    ok: bool = True


@functools.cache
def _decoy_hash() -> str:
    """A hash to verify against when the identifier is unknown, so that both cases take the
    same time."""
    return password.hash_password("identifiant-inconnu-Ω")


class AccessDesk:
    """Login and recovery, over the desk's store, clock, codes and journal."""

    def __init__(self, desk: Desk, sessions: Sessions, identification: Identification) -> None:
        self.desk, self.sessions, self.identification = desk, sessions, identification
        self.store = desk.store

    # --- « Se connecter » ----------------------------------------------------------------

    @step(LOGIN_STEP)
    def login(
        self, session: Session, *, identifier: str, password_raw: str
    ) -> CodeOnItsWay | Refused:
        """Identifier and password; when right, a one-time code to the contact on file."""
        step = LOGIN_STEP
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        wanted = identifier.strip()
        errors: dict[str, str] = {}
        if not wanted:
            errors["identifier"] = t("login.identifier.required")
        if not password_raw:
            errors["password"] = t("login.password.required")
        if errors:
            return self.desk.refused_fields(session, step, errors)
        key = wanted.lower()
        if has_unseen(key, spaces_allowed=False):
            # No identifier holds a control or invisible character (nor could such a text be
            # looked up): a wrong login, said as any other.
            self.desk.log(session, step, False, "login_failed")
            return Refused(message=t("login.failed"))
        if (locked := self._login_locked(key)) is not None:
            self.desk.log(session, step, False, "locked")
            return locked
        # Identifiers are lowercase by rule: « Sebastien.Leguellec » is the same person.
        account = self.store.account_by_identifier(key)
        stored = account["password_hash"] if account is not None else _decoy_hash()
        right = password.verify_password(stored, password_raw) and account is not None
        person = self.store.person(account["person_id"]) if account is not None else None
        # Every account that exists logs in, whatever the status of the holder's own profile:
        # it is common to all the profiles the holder manages and may have been created by a
        # child's activation while the holder's own is still pending (PRODUCT.md, "Accounts").
        if not right or person is None:
            self.desk.log(
                session, step, False, "login_failed", person_id=person.id if person else None
            )
            return self._count_login_failure(key) or Refused(message=t("login.failed"))
        if password.needs_rehash(stored):
            # Made with an older setting: replaced now that the password is known to be right.
            self._rehash(person.id, stored, password_raw)
        channel, address = _login_contact(person)
        session.login_pending, session.login_key = person.id, key
        session.account_id = None
        masked = self._send_otp(person, LOGIN_PURPOSE, channel, address)
        self.desk.log(session, step, True, f"otp_sent:{channel.value}", person_id=person.id)
        return CodeOnItsWay(channel=channel, masked=masked)

    @step(LOGIN_STEP)
    def resend_login_code(self, session: Session) -> CodeOnItsWay | Refused:
        """« Envoyer à nouveau le code »: the new code replaces the previous one."""
        if (expired := self.sessions.touch(session, LOGIN_STEP)) is not None:
            return expired
        if session.login_pending is None:
            return Refused(errors={"otp": t("otp.none")})
        person = self.store.person(session.login_pending)
        channel, address = _login_contact(person)
        masked = self._send_otp(person, LOGIN_PURPOSE, channel, address)
        self.desk.log(session, LOGIN_STEP, True, "otp_resent", person_id=person.id)
        return CodeOnItsWay(channel=channel, masked=masked)

    @step(f"{LOGIN_STEP}:code")
    def verify_login_code(self, session: Session, raw: str) -> LoggedIn | Refused:
        step = f"{LOGIN_STEP}:code"
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        if session.login_pending is None or session.login_key is None:
            return Refused(errors={"otp": t("otp.none")})
        person = self.store.person(session.login_pending)
        if codeformat.check_otp(raw).ok and (locked := self._login_locked(session.login_key)):
            # Locked meanwhile (by this session's wrong codes, or another's): not compared.
            self.desk.log(session, step, False, "locked", person_id=person.id)
            session.login_pending = None
            return Refused(outcome=Outcome.LOCKED, message=locked.message)
        refused = self._confirm_otp(person, LOGIN_PURPOSE, raw)
        if refused is not None:
            reason, message = refused
            self.desk.log(session, step, False, f"otp_{reason}", person_id=person.id)
            # A wrong one-time code is a failed login too: it counts towards the wait.
            if (
                reason == "wrong"
                and (locked := self._count_login_failure(session.login_key)) is not None
            ):
                session.login_pending = None
                return Refused(outcome=Outcome.LOCKED, message=locked.message)
            return Refused(errors={"otp": message})
        self._clear_login_failures(session.login_key)
        identifier = self.store.account_identifier(person.id) or ""
        session.login_pending, session.login_key = None, None
        session.account_id = session.holder_id = session.person_id = person.id
        session.managing, session.representative_certified = True, False
        self.desk.log(session, step, True, "logged_in", person_id=person.id)
        return LoggedIn(person=person, identifier=identifier)

    @step("deconnexion")
    def logout(self, session: Session) -> None:
        self.desk.log(session, "deconnexion", True, "logged_out")
        session.account_id = session.login_pending = session.login_key = None
        session.holder_id = session.person_id = None
        session.managing = session.representative_certified = False

    def _rehash(self, person_id: int, stored: str, password_raw: str) -> None:
        digest = password.hash_password(password_raw)
        # Unless the password was changed meanwhile (another process's recovery).
        self.store.set_password_hash(person_id, digest, replacing=stored)

    def _login_locked(self, key: str) -> Refused | None:
        left = self.desk.lockout(Scope.LOGIN).wait_left(key, self.desk.clock.now())
        if left is None:
            return None
        return Refused(message=t("login.locked", wait=wait_words(left)))

    def _count_login_failure(self, key: str) -> Refused | None:
        """Count a failure; past the allowance, each one doubles the wait, which is returned
        when this failure starts one."""
        wait = self.desk.lockout(Scope.LOGIN).fail(key, self.desk.clock.now())
        if wait is None:
            return None
        return Refused(message=t("login.locked", wait=wait_words(wait)))

    def _clear_login_failures(self, key: str) -> None:
        self.desk.lockout(Scope.LOGIN).clear(key)

    # --- « Identifiant oublié » ----------------------------------------------------------

    @step(RECOVER_IDENTIFIER_STEP)
    def find_for_identifier(
        self, session: Session, *, nir: str, birth_date: str
    ) -> AccountFound | Refused:
        """NIR and date of birth of an account holder; then where to send the identifier."""
        step = RECOVER_IDENTIFIER_STEP
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        errors: dict[str, str] = {}
        nir_check = check_nir(nir)
        if nir_check.error:
            errors["nir"] = nir_check.error
        born = check_birth_date(birth_date, self.desk.clock.now().date())
        if born.error:
            errors["birth_date"] = born.error
        if errors or nir_check.value is None:
            return self._found(session, step, None, errors, letter=True)
        key = nir_check.value
        if (locked := self._lookup_locked(session, step, Scope.FORGOT_IDENTIFIER, key)) is not None:
            return locked
        person = self.store.person_by_nir(key)
        holder = person if person is not None and person.birth_date == born.value else None
        return self._found(
            session, step, holder, errors, letter=True, scope=Scope.FORGOT_IDENTIFIER, key=key
        )

    @step(f"{RECOVER_IDENTIFIER_STEP}:envoi")
    def send_identifier(self, session: Session, channel: Channel | None) -> CodeOnItsWay | Refused:
        step = f"{RECOVER_IDENTIFIER_STEP}:envoi"
        chosen = self._recovered_to(session, step, channel, letter=True)
        if isinstance(chosen, Refused):
            return chosen
        person, option = chosen
        channel = option.channel
        identifier = self.store.account_identifier(person.id) or ""
        self.desk.mailer.identifier_reminder(self.desk.clock.now(), person, channel, identifier)
        session.recovery_id = None
        self.desk.log(session, step, True, f"sent:{channel.value}", person_id=person.id)
        return CodeOnItsWay(channel=channel, masked=option.masked)

    # --- « Mot de passe oublié » ---------------------------------------------------------

    @step(RECOVER_PASSWORD_STEP)
    def find_for_password(
        self,
        session: Session,
        *,
        nir: str,
        birth_date: str,
        model: CardModel | None,
        serial: str,
    ) -> AccountFound | Refused:
        """NIR, date of birth and the Vitale card; then where to send a one-time code."""
        step = RECOVER_PASSWORD_STEP
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        errors: dict[str, str] = {}
        born = check_birth_date(birth_date, self.desk.clock.now().date())
        if born.error:
            errors["birth_date"] = born.error
        checked_nir = self.identification.check_card_fields(nir, model, serial, errors)
        if errors or checked_nir is None or model is None:
            return self._found(session, step, None, errors, letter=False)
        scope = Scope.FORGOT_PASSWORD
        if (locked := self._lookup_locked(session, step, scope, checked_nir)) is not None:
            return locked
        holder: Person | None = None
        found = self.identification.holder_with_card(session, checked_nir, model, serial, step)
        if isinstance(found, Person) and found.birth_date == born.value:
            holder = found
        return self._found(
            session, step, holder, errors, letter=False, scope=scope, key=checked_nir
        )

    @step(f"{RECOVER_PASSWORD_STEP}:envoi")
    def send_password_code(
        self, session: Session, channel: Channel | None
    ) -> CodeOnItsWay | Refused:
        step = f"{RECOVER_PASSWORD_STEP}:envoi"
        chosen = self._recovered_to(session, step, channel, letter=False)
        if isinstance(chosen, Refused):
            return chosen
        person, option = chosen
        channel = option.channel
        address = person.email if channel is Channel.EMAIL else person.mobile
        assert address is not None  # the option exists only when the contact is on file
        masked = self._send_otp(person, PASSWORD_PURPOSE, channel, address)
        session.recovery_verified = False
        self.desk.log(session, step, True, f"otp_sent:{channel.value}", person_id=person.id)
        return CodeOnItsWay(channel=channel, masked=masked)

    @step(f"{RECOVER_PASSWORD_STEP}:code")
    def verify_password_code(self, session: Session, raw: str) -> Done | Refused:
        step = f"{RECOVER_PASSWORD_STEP}:code"
        person = self._recovered(session, step)
        if isinstance(person, Refused):
            return person
        counter, key = self.desk.lockout(Scope.RECOVERY_CODE), str(person.id)
        now = self.desk.clock.now()
        if codeformat.check_otp(raw).ok and (left := counter.wait_left(key, now)) is not None:
            # While the wait runs, even the right code is refused: it is not even compared.
            self.desk.log(session, step, False, Outcome.LOCKED, person_id=person.id)
            return Refused(errors={"otp": t("code.locked", wait=wait_words(left))})
        refused = self._confirm_otp(person, PASSWORD_PURPOSE, raw)
        if refused is not None:
            reason, message = refused
            self.desk.log(session, step, False, f"otp_{reason}", person_id=person.id)
            if reason == "wrong" and (wait := counter.fail(key, now)) is not None:
                message = t("code.locked", wait=wait_words(wait))
            return Refused(errors={"otp": message})
        counter.clear(key)
        self.desk.log(session, step, True, "otp_confirmed", person_id=person.id)
        session.recovery_verified = True
        return Done()

    def password_rules(self, raw: str) -> list[password.PasswordRule]:
        return self.desk.password_rules(raw)

    @step(f"{RECOVER_PASSWORD_STEP}:nouveau")
    def reset_password(
        self, session: Session, *, password_raw: str, confirmation: str
    ) -> Done | Refused:
        """The new password, under the rules in force; the wait on logins is lifted."""
        step = f"{RECOVER_PASSWORD_STEP}:nouveau"
        person = self._recovered(session, step, verified=True)
        if isinstance(person, Refused):
            return person
        identifier = self.store.account_identifier(person.id) or ""
        errors = self.desk.password_errors(password_raw, confirmation, person, identifier)
        if errors:
            return self.desk.refused_fields(session, step, errors)
        digest = password.hash_password(password_raw)
        now = self.desk.clock.now()
        with self.store.transaction():
            self.store.set_password_hash(
                person.id, digest, rule_version=self.desk.settings.rule_version.value
            )
            self.desk.lockout(Scope.LOGIN).clear(identifier)
            self.desk.mailer.password_changed(now, person)
        session.recovery_id, session.recovery_verified = None, False
        self.desk.log(session, step, True, "password_changed", person_id=person.id)
        return Done()

    # --- shared --------------------------------------------------------------------------

    def _recovered(
        self, session: Session, step: str, *, verified: bool = False
    ) -> Person | Refused:
        """The account holder a recovery found (its code confirmed, when `verified`); or the
        session's expiry, or « start again » when nobody was found."""
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        if session.recovery_id is None or (verified and not session.recovery_verified):
            return Refused(message=t("recover.start_again"))
        return self.store.person(session.recovery_id)

    def _recovered_to(
        self, session: Session, step: str, channel: Channel | None, *, letter: bool
    ) -> tuple[Person, ChannelOption] | Refused:
        """The account holder a recovery found, and the contact chosen among theirs on file
        (the letter too, when `letter`)."""
        person = self._recovered(session, step)
        if isinstance(person, Refused):
            return person
        options = {o.channel: o for o in contact_channels(person, letter=letter)}
        if channel is None or channel not in options:
            return Refused(errors={"channel": t("channel.required")})
        return person, options[channel]

    def _lookup_locked(
        self, session: Session, step: str, scope: Scope, key: str
    ) -> Refused | None:
        """A recovery look-up while its wait runs: refused before anything is looked up."""
        left = self.desk.lockout(scope).wait_left(key, self.desk.clock.now())
        if left is None:
            return None
        self.desk.log(session, step, False, Outcome.LOCKED)
        return Refused(message=t("recover.locked", wait=wait_words(left)))

    def _found(
        self,
        session: Session,
        step: str,
        holder: Person | None,
        errors: dict[str, str],
        *,
        letter: bool,
        scope: Scope | None = None,
        key: str = "",
    ) -> AccountFound | Refused:
        if errors:
            return self.desk.refused_fields(session, step, errors)
        counter = self.desk.lockout(scope) if scope is not None else None
        if holder is None or self.store.account_identifier(holder.id) is None:
            self.desk.log(session, step, False, "no_account")
            # A look-up that tells whether an account exists: its failures are counted.
            if counter is not None and (
                wait := counter.fail(key, self.desk.clock.now())
            ) is not None:
                return Refused(message=t("recover.locked", wait=wait_words(wait)))
            return Refused(message=t("recover.not_found"))
        if counter is not None:
            counter.clear(key)
        channels = contact_channels(holder, letter=letter)
        if not channels:
            self.desk.log(session, step, False, "no_contact", person_id=holder.id)
            return Refused(message=t("recover.no_contact"))
        session.recovery_id, session.recovery_verified = holder.id, False
        self.desk.log(session, step, True, "found", person_id=holder.id)
        return AccountFound(channels=tuple(channels))

    def _send_otp(self, person: Person, purpose: str, channel: Channel, address: str) -> str:
        """A new one-time code that replaces any earlier one of the same purpose; the
        address, masked."""
        now, mailer = self.desk.clock.now(), self.desk.mailer

        def deliver(code: str) -> None:
            mailer.one_time_code(now, person, channel, address, purpose, code)

        self.desk.otp.send(person.id, purpose, address, now, deliver)
        if channel is Channel.SMS:
            return contacts.mask_mobile(address)
        return contacts.mask_email(address)

    def _confirm_otp(self, person: Person, purpose: str, raw: str) -> tuple[str, str] | None:
        """None when `raw` is the live code of that purpose (then used up), else why not:
        a reason for the journal ("format", "none", "wrong", "expired") and the message."""
        refused = self.desk.otp.confirm(person.id, purpose, raw, self.desk.clock.now())
        return None if refused is None else (refused.reason, refused.message)


def _login_contact(person: Person) -> tuple[Channel, str]:
    """The one-time code of a login goes to the e-mail on file, else to the mobile."""
    if person.email:
        return Channel.EMAIL, person.email
    if person.mobile:
        return Channel.SMS, person.mobile
    raise RuntimeError("an account always has an e-mail address: the activation requires one")
