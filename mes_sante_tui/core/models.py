"""Plain records the engine hands to the screens and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple


class CardModel(StrEnum):
    WITHOUT_PHOTO = "sans_photo"
    WITH_PHOTO = "avec_photo"


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    LETTER = "courrier"


class ProfileStatus(StrEnum):
    PENDING = "en_attente"
    OPPOSED = "oppose"
    CREATED = "cree"
    ACTIVATED = "active"
    CLOSED = "cloture"
    # The data were deleted at the person's request, three months at most after closure.
    DELETED = "supprime"


@dataclass(frozen=True)
class Person:
    """A person of the fictitious population, with their profile's status."""

    id: int
    household_id: int
    nir: str
    first_name: str
    last_name: str
    birth_date: date
    email: str | None
    mobile: str | None
    status: ProfileStatus
    status_date: date | None
    # A child's profile is managed by the parent it is attached to; None for an adult.
    parent_id: int | None = None
    deceased: bool = False
    not_activable_reason: str | None = None
    persona_note: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class DueContact(NamedTuple):
    """A profile due for its automatic creation, as a catch-up's notice needs it: its names
    and contacts (a plain tuple: a catch-up reads them by the hundred thousand)."""

    id: int
    nir: str
    first_name: str
    last_name: str
    email: str | None
    mobile: str | None
    parent_id: int | None
    information_sent_at: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Card:
    """A Vitale card: its holder, its model and its serial number."""

    holder_id: int
    model: CardModel
    serial: str


@dataclass(frozen=True)
class Closure:
    """A closure of a profile, with the deletion of its data when it was asked for."""

    person_id: int
    closed_at: datetime
    deletion_due_at: datetime | None = None
    deleted_at: datetime | None = None
    reopened_at: datetime | None = None
    # What reopening restores: activated, or created for a space never activated.
    previous_status: ProfileStatus = ProfileStatus.ACTIVATED

    @property
    def deletion_pending(self) -> bool:
        return self.deletion_due_at is not None and self.deleted_at is None


# Who every e-mail of the service comes from (PRODUCT.md, "Outbox").
EMAIL_SENDER = "assurance-maladie@info.ameli.fr"


@dataclass(frozen=True)
class OutboxMessage:
    """A simulated e-mail, SMS or letter, as the outbox keeps it."""

    id: int
    at: datetime
    channel: Channel
    address: str
    masked_address: str
    subject: str
    body: str
    person_id: int | None
    # The code the message carries (provisional or one-time), kept apart from the text.
    code: str | None = None

    @property
    def sender(self) -> str | None:
        """The e-mail's sender, `assurance-maladie@info.ameli.fr`; an SMS or a letter has none
        to show. It follows from the channel, so the store keeps no copy of it."""
        return EMAIL_SENDER if self.channel is Channel.EMAIL else None
