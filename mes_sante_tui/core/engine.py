"""The engine: the one object screens, the command line and tests call, a thin facade over
the use cases.

Each use case is a module of its own, over the store and the desk (`core/desk.py`): session,
identification, code generation, decision, contact check, account, access (login, recovery)
and space (closure, reopening); a profile's life is the table of `core/lifecycle.py`. Every
step goes through the desk's seam: one transaction and one journal row per call.

The result types the callers use are re-exported here, so that `from
mes_sante_tui.core.engine import Choice, Identified, ...` keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from . import password
from .access import AccessDesk
from .account import Accounts
from .answers import (
    Accepted,
    Activated,
    ChannelOption,
    Choice,
    CodeSent,
    ContactKind,
    ContactView,
    Found,
    Identified,
    Opposed,
    OtpSent,
    Outcome,
    PendingContact,
    Session,
    contact_channels,
)
from .clock import Clock, SystemClock
from .code_generation import CodeGeneration
from .codes import CodeGenerator, CodeHasher, SecretCodeGenerator
from .contact_check import ContactCheck
from .decision import Decisions
from .desk import Desk
from .durations import wait_words
from .identification import Identification
from .journey import Step
from .lifecycle import LifeChanges, Progress
from .lockout import Lockout, Scope
from .models import CardModel, Channel, Person
from .outbox import Mailer
from .results import Refused
from .session import Sessions
from .settings import Settings
from .space import SpaceDesk
from .store import Store

__all__ = [
    "Accepted",
    "Activated",
    "ChannelOption",
    "Choice",
    "CodeSent",
    "ContactKind",
    "ContactView",
    "Engine",
    "Found",
    "Identified",
    "Opposed",
    "OtpSent",
    "Outcome",
    "PendingContact",
    "Session",
    "contact_channels",
    "wait_words",
]


@dataclass
class Engine:
    store: Store
    clock: Clock = field(default_factory=SystemClock)
    codes: CodeGenerator = field(default_factory=SecretCodeGenerator)
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        self.desk = Desk(self.store, self.clock, self.codes, self.settings)
        self.sessions = Sessions(self.desk)
        self.identification = Identification(self.desk, self.sessions)
        self.code_generation = CodeGeneration(self.desk, self.sessions)
        self.decisions = Decisions(self.desk, self.sessions, self.identification)
        self.contact_check = ContactCheck(self.desk, self.sessions)
        self.accounts = Accounts(self.desk, self.sessions, self.decisions)

    def __setattr__(self, name: str, value: object) -> None:
        # A test or a trainer's scenario may swap the clock, the codes or the settings of a
        # running engine: the use cases see the new ones.
        object.__setattr__(self, name, value)
        if name in ("clock", "codes", "settings") and "desk" in self.__dict__:
            setattr(self.desk, name, value)

    @property
    def hasher(self) -> CodeHasher:
        return self.desk.hasher

    @property
    def mailer(self) -> Mailer:
        return self.desk.mailer

    @cached_property
    def access(self) -> AccessDesk:
        """Logging in, and the forgotten identifier and password."""
        return AccessDesk(self.desk, self.sessions, self.identification)

    @cached_property
    def space(self) -> SpaceDesk:
        """The logged-in space: summary, closure, reopening."""
        return SpaceDesk(self.desk, self.sessions, self.decisions)

    def lockout(self, scope: Scope) -> Lockout:
        return self.desk.lockout(scope)

    def log(
        self, session: Session, step: str, accepted: bool, reason: str,
        *, person_id: int | None = None,
    ) -> None:
        self.desk.log(session, step, accepted, reason, person_id=person_id)

    # --- session ---------------------------------------------------------------------------

    def catch_up(self, progress: Progress | None = None) -> LifeChanges:
        return self.sessions.catch_up(progress)

    def move_clock(self, delta: timedelta, progress: Progress | None = None) -> LifeChanges:
        return self.sessions.move_clock(delta, progress)

    def start_session(self) -> Session:
        return self.sessions.start_session()

    def touch(self, session: Session, step: str) -> Refused | None:
        return self.sessions.touch(session, step)

    def session_time_left(self, session: Session) -> timedelta:
        return self.sessions.session_time_left(session)

    def extend_session(self, session: Session) -> None:
        self.sessions.extend_session(session)

    def session_warned(self, session: Session) -> None:
        self.sessions.session_warned(session)

    def session_ended(self, session: Session) -> None:
        self.sessions.session_ended(session)

    def certificate_saved(self, session: Session, saved: bool) -> None:
        self.sessions.certificate_saved(session, saved)

    def profile(self, session: Session) -> Person:
        return self.sessions.profile(session)

    def addressee(self, session: Session) -> Person:
        return self.sessions.addressee(session)

    def forget_identity(self, session: Session) -> None:
        self.sessions.forget_identity(session)

    def back_to_own_profile(self, session: Session) -> None:
        self.sessions.back_to_own_profile(session)

    # --- identification --------------------------------------------------------------------

    def identify_with_code(
        self, session: Session, *, code: str, nir: str, model: CardModel | None, serial: str
    ) -> Identified | Refused:
        return self.identification.identify_with_code(
            session, code=code, nir=nir, model=model, serial=serial
        )

    def check_card_fields(
        self, nir: str, model: CardModel | None, serial: str, errors: dict[str, str]
    ) -> str | None:
        return self.identification.check_card_fields(nir, model, serial, errors)

    def holder_with_card(
        self, session: Session, nir: str, model: CardModel, serial: str, step: str
    ) -> Person | Refused:
        return self.identification.holder_with_card(session, nir, model, serial, step)

    def check_birth_date(self, session: Session, raw: str) -> Accepted | Refused:
        return self.identification.check_birth_date(session, raw)

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
        return self.identification.identify_by_identity(
            session, nir=nir, model=model, serial=serial, birth_date=birth_date, step=step
        )

    def choose_profile(self, session: Session, person_id: int | None) -> Accepted | Refused:
        return self.identification.choose_profile(session, person_id)

    def certify_representative(
        self, session: Session, certified: bool | None
    ) -> Accepted | Refused:
        return self.identification.certify_representative(session, certified)

    def representative_refusal(
        self, session: Session, person: Person, step: str
    ) -> Refused | None:
        return self.identification.representative_refusal(session, person, step)

    def verify_code(self, session: Session, raw: str) -> Accepted | Refused:
        return self.identification.verify_code(session, raw)

    def skipped_steps(self, session: Session) -> frozenset[Step]:
        return self.identification.skipped_steps(session)

    # --- code generation -------------------------------------------------------------------

    def channels(self, session: Session) -> list[ChannelOption]:
        return self.code_generation.channels(session)

    def send_code(self, session: Session, channel: Channel | None) -> CodeSent | Refused:
        return self.code_generation.send_code(session, channel)

    # --- decision --------------------------------------------------------------------------

    def decide(self, session: Session, choice: Choice | None, consent: bool) -> Accepted | Refused:
        return self.decisions.decide(session, choice, consent)

    def confirm_opposition(self, session: Session) -> Opposed | Refused:
        return self.decisions.confirm_opposition(session)

    def household_profiles(self, session: Session) -> list[Person]:
        return self.decisions.household_profiles(session)

    def manage_profile(self, session: Session, person_id: int) -> Accepted | Refused:
        return self.decisions.manage_profile(session, person_id)

    # --- contact check ---------------------------------------------------------------------

    def contact_view(self, session: Session) -> ContactView:
        return self.contact_check.contact_view(session)

    def request_contact_change(
        self, session: Session, kind: ContactKind, raw: str
    ) -> OtpSent | Refused:
        return self.contact_check.request_contact_change(session, kind, raw)

    def resend_contact_code(self, session: Session) -> OtpSent | Refused:
        return self.contact_check.resend_contact_code(session)

    def confirm_contact_change(self, session: Session, raw_code: str) -> Accepted | Refused:
        return self.contact_check.confirm_contact_change(session, raw_code)

    def confirm_contacts(self, session: Session) -> Accepted | Refused:
        return self.contact_check.confirm_contacts(session)

    # --- account ---------------------------------------------------------------------------

    def check_identifier(self, session: Session, raw: str) -> Refused | None:
        return self.accounts.check_identifier(session, raw)

    def password_rules(self, raw: str) -> list[password.PasswordRule]:
        return self.accounts.password_rules(raw)

    def create_account(
        self, session: Session, *, identifier_raw: str, password_raw: str, confirmation: str
    ) -> Activated | Refused:
        return self.accounts.create_account(
            session,
            identifier_raw=identifier_raw,
            password_raw=password_raw,
            confirmation=confirmation,
        )
