"""What the engine answers, and what it keeps about one person's pass through the journey.

The small frozen results every use case returns, the outcomes a screen explains, and the
session. A leaf of the core: every use-case module imports it, it imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from mes_sante_tui.wording import t

from . import contacts
from .journey import Step
from .models import Channel, Person
from .outbox import letter_label
from .results import Refused


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
    SERVICE_UNAVAILABLE = "service_unavailable"  # a trainer's fault: the service is down


class Choice(StrEnum):
    ACTIVATE = "activer"
    OPPOSE = "opposer"


class ContactKind(StrEnum):
    EMAIL = "email"
    MOBILE = "mobile"


class StepRefused(Exception):
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
    # In a training session: the trainee's name (optional) and the scenario, for the journal.
    trainee: str | None = None
    scenario: str | None = None


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



def already_exists() -> Refused:
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
