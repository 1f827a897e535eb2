"""The simulated outbox: what the person would have received, by e-mail, SMS or letter."""

from __future__ import annotations

from datetime import datetime

from mes_sante_tui.wording import t

from .birthdate import format_date
from .contacts import format_mobile, mask_email, mask_mobile
from .models import Channel, Person
from .store import Store

SENDER = "assurance-maladie@info.ameli.fr"


class Mailer:
    """Composes each message from the catalogue and drops it in the store's outbox."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _email(self, at: datetime, person: Person, address: str, subject: str, body: str) -> int:
        return self.store.add_outbox(
            at=at,
            channel=Channel.EMAIL,
            address=address,
            masked_address=mask_email(address),
            subject=subject,
            body=body,
            person_id=person.id,
        )

    def _sms(self, at: datetime, person: Person, number: str, body: str) -> int:
        return self.store.add_outbox(
            at=at,
            channel=Channel.SMS,
            address=format_mobile(number),
            masked_address=mask_mobile(number),
            subject=t("outbox.sms.subject"),
            body=body,
            person_id=person.id,
        )

    def information(
        self, at: datetime, person: Person, addressee: Person, code: str, valid_until: datetime
    ) -> int:
        """The information e-mail (or letter when no e-mail is on file) with its code."""
        who = person.first_name if person.id != addressee.id else ""
        body = t(
            "outbox.information.body",
            greeting=addressee.full_name,
            concerned=t("outbox.for_child", name=person.full_name) if who else "",
            code=code,
            until=format_date(valid_until.date()),
        )
        subject = t("outbox.information.subject")
        if addressee.email:
            return self._email(at, person, addressee.email, subject, body)
        return self._letter(at, person, addressee, subject, body)

    def new_code(
        self,
        at: datetime,
        person: Person,
        addressee: Person,
        channel: Channel,
        code: str,
        valid_until: datetime,
    ) -> int:
        """A provisional code asked for on the site, by the channel the person chose."""
        concerned = (
            t("outbox.for_child", name=person.full_name) if person.id != addressee.id else ""
        )
        until = format_date(valid_until.date())
        if channel is Channel.SMS and addressee.mobile:
            return self._sms(
                at, person, addressee.mobile, t("outbox.new_code.sms", code=code, until=until)
            )
        body = t(
            "outbox.new_code.body",
            greeting=addressee.full_name,
            concerned=concerned,
            code=code,
            until=until,
        )
        subject = t("outbox.new_code.subject")
        if channel is Channel.EMAIL and addressee.email:
            return self._email(at, person, addressee.email, subject, body)
        return self._letter(at, person, addressee, subject, body)

    def _letter(
        self, at: datetime, person: Person, addressee: Person, subject: str, body: str
    ) -> int:
        return self.store.add_outbox(
            at=at,
            channel=Channel.LETTER,
            address=t("outbox.letter.address", name=addressee.full_name),
            masked_address=t("outbox.letter.masked", name=addressee.last_name.upper()),
            subject=subject,
            body=body + "\n\n" + t("outbox.letter.update_contacts"),
            person_id=person.id,
        )

    def otp_email(self, at: datetime, person: Person, address: str, code: str) -> int:
        return self._email(
            at, person, address, t("outbox.otp.subject"), t("outbox.otp.body", code=code)
        )

    def otp_sms(self, at: datetime, person: Person, number: str, code: str) -> int:
        return self._sms(at, person, number, t("outbox.otp.sms", code=code))

    def activated(self, at: datetime, person: Person, addressee: Person) -> int | None:
        if not addressee.email:
            return None
        return self._email(
            at,
            person,
            addressee.email,
            t("outbox.activated.subject"),
            t("outbox.activated.body", greeting=addressee.full_name, name=person.full_name),
        )
