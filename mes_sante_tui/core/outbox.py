"""The simulated outbox: what the person would have received, by e-mail, SMS or letter."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from mes_sante_tui.wording import t, template

from .birthdate import format_date
from .contacts import format_mobile, mask_email, mask_mobile
from .models import EMAIL_SENDER, Channel, Person


class Contact(Protocol):
    """Whom a notice concerns or is sent to: a `Person`, or a catch-up's `DueContact`."""

    @property
    def id(self) -> int: ...
    @property
    def nir(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def email(self) -> str | None: ...
    @property
    def mobile(self) -> str | None: ...
    @property
    def full_name(self) -> str: ...


class OutboxWrites(Protocol):
    """Where a message is dropped: the store (or a slice of the clock's catch-up)."""

    def add_outbox(
        self, *, at: datetime, channel: Channel, address: str, masked_address: str,
        subject: str, body: str, person_id: int | None, code: str | None = None,
    ) -> int: ...

SENDER = EMAIL_SENDER

# The first digit of the NIR gives the sex: 1 a man, 2 a woman (7 and 8 on a temporary
# number). A letter is addressed « M. LAMBERT » or « Mme MARTIN ».
_CIVILITY_OF_SEX_DIGIT = {
    "1": "civility.man",
    "7": "civility.man",
    "2": "civility.woman",
    "8": "civility.woman",
}


def civility(person: Contact) -> str:
    """« M. » or « Mme », from the NIR; « M./Mme » for a number that does not say."""
    return t(_CIVILITY_OF_SEX_DIGIT.get(person.nir[:1], "civility.unknown"))


def letter_label(person: Contact) -> str:
    """How a letter's addressee is shown, masked: « Courrier à M. LAMBERT »."""
    return t("outbox.letter.masked", civility=civility(person), name=person.last_name.upper())


class Mailer:
    """Composes each message from the catalogue and drops it in the store's outbox."""

    def __init__(self, store: OutboxWrites) -> None:
        self.store = store
        # While a call runs with its mail held (a trainer's « code non reçu »), what it sends
        # waits here: dropped when the fault fires, posted when it does not.
        self.held: list[dict[str, Any]] | None = None

    def _post(self, **message: Any) -> int:
        if self.held is not None:
            self.held.append(message)
            return 0
        return self.store.add_outbox(**message)

    def hold(self) -> None:
        self.held = []

    def release(self, *, deliver: bool) -> None:
        """End a hold: what was sent meanwhile is posted now, or never arrives."""
        held, self.held = self.held or [], None
        if deliver:
            for message in held:
                self.store.add_outbox(**message)

    def _email(
        self,
        at: datetime,
        person: Person,
        address: str,
        subject: str,
        body: str,
        code: str | None = None,
    ) -> int:
        return self._post(
            at=at,
            channel=Channel.EMAIL,
            address=address,
            masked_address=mask_email(address),
            subject=subject,
            body=body,
            person_id=person.id,
            code=code,
        )

    def _sms(
        self, at: datetime, person: Person, number: str, body: str, code: str | None = None
    ) -> int:
        return self._post(
            at=at,
            channel=Channel.SMS,
            address=format_mobile(number),
            masked_address=mask_mobile(number),
            subject=t("outbox.sms.subject"),
            body=body,
            person_id=person.id,
            code=code,
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
            return self._email(at, person, addressee.email, subject, body, code)
        return self._letter(at, person, addressee, subject, body, code)

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
                at, person, addressee.mobile, t("outbox.new_code.sms", code=code, until=until),
                code,
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
            return self._email(at, person, addressee.email, subject, body, code)
        return self._letter(at, person, addressee, subject, body, code)

    def _letter(
        self,
        at: datetime,
        person: Person,
        addressee: Person,
        subject: str,
        body: str,
        code: str | None = None,
    ) -> int:
        return self._post(
            at=at,
            channel=Channel.LETTER,
            address=t("outbox.letter.address", name=addressee.full_name),
            masked_address=letter_label(addressee),
            subject=subject,
            body=body + "\n\n" + t("outbox.letter.update_contacts"),
            person_id=person.id,
            code=code,
        )

    def otp_email(self, at: datetime, person: Person, address: str, code: str) -> int:
        return self._email(
            at, person, address, t("outbox.otp.subject"), t("outbox.otp.body", code=code), code
        )

    def otp_sms(self, at: datetime, person: Person, number: str, code: str) -> int:
        return self._sms(at, person, number, t("outbox.otp.sms", code=code), code)

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

    # --- the life of a space over time -----------------------------------------------------

    def _notify(
        self, at: datetime, person: Person, addressee: Person, key: str, **params: str
    ) -> int:
        """A notice to the addressee by e-mail, else by SMS, else by letter."""
        subject = t(f"outbox.{key}.subject")
        body = t(f"outbox.{key}.body", greeting=addressee.full_name, **params)
        if addressee.email:
            return self._email(at, person, addressee.email, subject, body)
        if addressee.mobile:
            return self._sms(at, person, addressee.mobile, subject)
        return self._letter(at, person, addressee, subject, body)

    def created(self, at: datetime, person: Person, addressee: Person) -> int:
        concerned = (
            t("outbox.for_child", name=person.full_name) if person.id != addressee.id else ""
        )
        return self._notify(
            at, person, addressee, "created", concerned=concerned, on=format_date(at.date())
        )

    def closed(
        self, at: datetime, person: Person, addressee: Person, deletion_due: datetime | None
    ) -> int:
        data = (
            t("outbox.closed.archived")
            if deletion_due is None
            else t("outbox.closed.deletion", due=format_date(deletion_due.date()))
        )
        return self._notify(
            at,
            person,
            addressee,
            "closed",
            name=person.full_name,
            on=format_date(at.date()),
            data=data,
        )

    def deleted(self, at: datetime, person: Person, addressee: Person) -> int:
        return self._notify(
            at, person, addressee, "deleted", name=person.full_name, on=format_date(at.date())
        )

    def reopened(self, at: datetime, person: Person, addressee: Person) -> int:
        return self._notify(
            at, person, addressee, "reopened", name=person.full_name, on=format_date(at.date())
        )

    def password_changed(self, at: datetime, person: Person) -> int:
        return self._notify(at, person, person, "password_changed", on=format_date(at.date()))

    # --- logging in and recovering access --------------------------------------------------

    def one_time_code(
        self, at: datetime, person: Person, channel: Channel, address: str, purpose: str, code: str
    ) -> int:
        """A one-time code to log in (`login`) or to choose a new password (`password_code`)."""
        if channel is Channel.SMS:
            return self._sms(at, person, address, t(f"outbox.{purpose}.sms", code=code), code)
        return self._email(
            at,
            person,
            address,
            t(f"outbox.{purpose}.subject"),
            t(f"outbox.{purpose}.body", code=code),
            code,
        )

    def identifier_reminder(
        self, at: datetime, person: Person, channel: Channel, identifier: str
    ) -> int:
        if channel is Channel.SMS and person.mobile:
            return self._sms(
                at, person, person.mobile, t("outbox.identifier.sms", identifier=identifier)
            )
        subject = t("outbox.identifier.subject")
        body = t("outbox.identifier.body", greeting=person.full_name, identifier=identifier)
        if channel is Channel.EMAIL and person.email:
            return self._email(at, person, person.email, subject, body)
        return self._letter(at, person, person, subject, body)


# A row of the outbox table as `Store.add_outbox_rows` writes it: (at, channel, address,
# masked_address, subject, body, person_id, code).
OutboxRow = tuple[str, str, str, str, str, str, int | None, str | None]


_EMAIL, _SMS, _LETTER = Channel.EMAIL.value, Channel.SMS.value, Channel.LETTER.value


class CreatedNotices:
    """The « votre service a été créé » notices of a catch-up, as rows: the very rows
    `Mailer.created` would post (e-mail, else SMS, else letter), composed from texts read
    once. A clock moved over a large population composes one per profile created, by the
    hundred thousand; the catalogue's look-ups and the dates' formatting were most of it."""

    def __init__(self) -> None:
        # The texts with their placeholders: templates filled here, per profile.
        self._subject = t("outbox.created.subject")
        self._body = template("outbox.created.body")
        self._for_child = template("outbox.for_child")
        self._sms_subject = t("outbox.sms.subject")
        self._update_contacts = "\n\n" + t("outbox.letter.update_contacts")
        # The dates of a catch-up are few (quarters of an hour over some weeks).
        self._moments: dict[datetime, tuple[str, str]] = {}

    def row(self, at: datetime, person: Contact, addressee: Contact) -> OutboxRow:
        """The notice of `person`'s profile created at `at`, to `addressee`."""
        moment = self._moments.get(at)
        if moment is None:
            moment = self._moments[at] = (at.isoformat(), format_date(at.date()))
        when, on = moment
        concerned = (
            self._for_child.format(name=person.full_name) if person.id != addressee.id else ""
        )
        body = self._body.format(greeting=addressee.full_name, concerned=concerned, on=on)
        if addressee.email:
            return (when, _EMAIL, addressee.email, mask_email(addressee.email),
                    self._subject, body, person.id, None)
        if addressee.mobile:
            # A notice by SMS is its subject alone, as `Mailer._notify` sends it.
            return (when, _SMS, format_mobile(addressee.mobile),
                    mask_mobile(addressee.mobile), self._sms_subject, self._subject,
                    person.id, None)
        return (when, _LETTER, t("outbox.letter.address", name=addressee.full_name),
                letter_label(addressee), self._subject, body + self._update_contacts,
                person.id, None)
