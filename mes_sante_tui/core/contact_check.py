"""Use case « contact check » (guide 002, 1/5 to 5/5): the e-mail and mobile on file, each
modifiable; a new one is kept only once the one-time code sent to it is confirmed."""

from __future__ import annotations

from mes_sante_tui.wording import t

from . import codeformat, contacts, otp
from .answers import Accepted, ContactKind, ContactView, OtpSent, Outcome, PendingContact, Session
from .desk import Desk, step
from .durations import wait_words
from .journey import Step
from .lockout import Scope
from .models import Person
from .results import Refused
from .session import Sessions


class ContactCheck:
    def __init__(self, desk: Desk, sessions: Sessions) -> None:
        self.desk, self.sessions = desk, sessions
        self.store = desk.store

    def contact_view(self, session: Session) -> ContactView:
        person = self.sessions.addressee(session)
        return ContactView(
            email=person.email,
            mobile=person.mobile,
            email_masked=contacts.mask_email(person.email) if person.email else None,
            mobile_masked=contacts.mask_mobile(person.mobile) if person.mobile else None,
        )

    @step(Step.CONTACTS)
    def request_contact_change(
        self, session: Session, kind: ContactKind, raw: str
    ) -> OtpSent | Refused:
        step = f"{Step.CONTACTS}:{kind}"
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        person = self.sessions.addressee(session)
        checked = (
            contacts.check_email(raw) if kind is ContactKind.EMAIL else contacts.check_mobile(raw)
        )
        current = person.email if kind is ContactKind.EMAIL else person.mobile
        error = checked.error
        if error is None and checked.value == current:
            error = t("email.same" if kind is ContactKind.EMAIL else "mobile.same")
        if error is not None or checked.value is None:
            self.desk.log(session, step, False, "invalid")
            return Refused(errors={kind.value: error or ""})
        session.pending_contact = PendingContact(kind=kind, value=checked.value)
        return self._send(session, person, session.pending_contact)

    @step(f"{Step.CONTACTS}:resend")
    def resend_contact_code(self, session: Session) -> OtpSent | Refused:
        pending = session.pending_contact
        if pending is None:
            return Refused(errors={"otp": t("otp.none")})
        if (expired := self.sessions.touch(session, f"{Step.CONTACTS}:resend")) is not None:
            return expired
        return self._send(session, self.sessions.addressee(session), pending)

    def _send(self, session: Session, person: Person, pending: PendingContact) -> OtpSent:
        """« Envoyer à nouveau le code »: the new code replaces the old one."""
        now, mailer = self.desk.clock.now(), self.desk.mailer

        def deliver(code: str) -> None:
            if pending.kind is ContactKind.EMAIL:
                mailer.otp_email(now, person, pending.value, code)
            else:
                mailer.otp_sms(now, person, pending.value, code)

        purpose = otp.contact_purpose(pending.kind.value)
        self.desk.otp.send(person.id, purpose, pending.value, now, deliver)
        self.desk.log(session, f"{Step.CONTACTS}:{pending.kind}", True, "otp_sent")
        target = (
            pending.value
            if pending.kind is ContactKind.EMAIL
            else contacts.format_mobile(pending.value)
        )
        return OtpSent(kind=pending.kind, target=target)

    @step(f"{Step.CONTACTS}:confirm")
    def confirm_contact_change(self, session: Session, raw_code: str) -> Accepted | Refused:
        pending = session.pending_contact
        step = f"{Step.CONTACTS}:confirm"
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        if pending is None:
            return Refused(errors={"otp": t("otp.none")})
        checked = codeformat.check_otp(raw_code)
        if checked.error or checked.value is None:
            self.desk.log(session, step, False, "otp_format")
            return Refused(errors={"otp": checked.error or ""})
        person = self.sessions.addressee(session)
        now = self.desk.clock.now()
        counter, key = self.desk.lockout(Scope.CONTACT_CODE), str(person.id)
        if (left := counter.wait_left(key, now)) is not None:
            # While the wait runs, even the right code is refused: it is not even compared.
            self.desk.log(session, step, False, Outcome.LOCKED)
            return Refused(errors={"otp": t("code.locked", wait=wait_words(left))})
        with self.store.transaction():
            refused = self.desk.otp.confirm(
                person.id, otp.contact_purpose(pending.kind.value), raw_code, now,
                target=pending.value,
            )
            if refused is None:
                # The new contact is kept only now that its code is confirmed.
                if pending.kind is ContactKind.EMAIL:
                    self.store.set_contact(person.id, email=pending.value)
                else:
                    self.store.set_contact(person.id, mobile=pending.value)
        if refused is not None:
            self.desk.log(session, step, False, f"otp_{refused.reason}")
            error = refused.message
            if refused.reason == "wrong" and (wait := counter.fail(key, now)) is not None:
                error = t("code.locked", wait=wait_words(wait))
            return Refused(errors={"otp": error})
        self.desk.log(session, step, True, "confirmed")
        counter.clear(key)
        session.pending_contact = None
        return Accepted(next=Step.CONTACTS)

    @step(Step.CONTACTS)
    def confirm_contacts(self, session: Session) -> Accepted | Refused:
        step = Step.CONTACTS
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        if not self.sessions.addressee(session).email:
            self.desk.log(session, step, False, "email_missing")
            return Refused(errors={"email": t("email.required")})
        self.desk.log(session, step, True, "checked")
        return Accepted(next=Step.ACCOUNT)

