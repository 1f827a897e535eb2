"""What each screen is handed: the frozen view of what it shows and the engine calls it makes,
built here, by the app, when it shows the screen (braindrop's `Main(api)`).

The screens then read neither the store nor the session: what they show comes in their view,
what they do goes through the calls they were given, and what comes next is the router's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from mes_sante_tui.core.access import AccountFound, CodeOnItsWay
from mes_sante_tui.core.answers import Choice, ContactKind, OtpSent, Session
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Person
from mes_sante_tui.core.password import PasswordRule
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, Settings
from mes_sante_tui.core.space import ProfileLine
from mes_sante_tui.core.status import status_label

if TYPE_CHECKING:
    from textual.screen import Screen

    from mes_sante_tui.screens.account import PasswordRules
    from mes_sante_tui.screens.choose_profile import ChooseProfileScreen
    from mes_sante_tui.screens.contact_edit import ContactEditScreen
    from mes_sante_tui.screens.decision import DecisionScreen
    from mes_sante_tui.screens.forgot_identifier import ForgotIdentifierScreen
    from mes_sante_tui.screens.forgot_password import ForgotPasswordScreen
    from mes_sante_tui.screens.identify import IdentifyScreen
    from mes_sante_tui.screens.login import LoginScreen
    from mes_sante_tui.screens.login_code import LoginCodeScreen
    from mes_sante_tui.screens.manage_profile import ManageProfileScreen
    from mes_sante_tui.screens.new_password import NewPasswordScreen
    from mes_sante_tui.screens.otp import OtpScreen
    from mes_sante_tui.screens.recovery_channel import Purpose, RecoveryChannelScreen
    from mes_sante_tui.screens.recovery_code import RecoveryCodeScreen
    from mes_sante_tui.screens.regenerate import CardEntry, RegenerateScreen
    from mes_sante_tui.screens.representative import RepresentativeScreen
    from mes_sante_tui.screens.send_code import SendCodeScreen
    from mes_sante_tui.screens.space import SpaceScreen
    from mes_sante_tui.screens.success import SuccessScreen

class Handing:
    """Builds the screens, each with its view and calls. A call is bound to the session the
    screen was shown for: a session that ended meanwhile answers « expired »."""

    def __init__(self, services: Services, settings: Callable[[], Settings]) -> None:
        """`settings`: the simulator's settings as they are when a screen is built."""
        self.services = services
        self.settings = settings

    def variant(self) -> JourneyVariant:
        return self.settings().journey

    def password_rules(self, check: Callable[[str], list[PasswordRule]]) -> PasswordRules:
        """The rules in force, with `check`, the engine's check of a password typed."""
        from mes_sante_tui.screens.account import PasswordRules

        return PasswordRules(self.settings().rule_version.value, check)

    def _person(self, person_id: int) -> Person:
        return self.services.store.person(person_id)

    def child_name(self, session: Session) -> str | None:
        """The child the session acts for, None when it is about one's own profile."""
        if session.person_id is None:
            return None
        person = self._person(session.person_id)
        return person.full_name if person.parent_id is not None else None

    def step(
        self, step: Step, session: Session | None, *, logged_in: bool, identifier: str | None
    ) -> Screen[Any]:
        """The screen of a journey step."""
        from mes_sante_tui import screens

        if step is Step.HOME:
            return screens.HomeScreen()
        if step is Step.START:
            return screens.StartScreen(self.variant())
        assert session is not None, step
        engine = self.services.engine
        match step:
            case Step.IDENTIFY:
                return self.identify(session)
            case Step.BIRTH_DATE:
                return screens.BirthDateScreen(
                    lambda typed: engine.check_birth_date(session, typed)
                )
            case Step.VITALE:
                return screens.VitaleScreen(
                    lambda card: engine.identify_by_identity(
                        session, nir=card.nir, model=card.model, serial=card.serial
                    )
                )
            case Step.CODE:
                return screens.CodeScreen(
                    engine.channels(session),
                    lambda channel: engine.send_code(session, channel),
                    lambda raw: engine.verify_code(session, raw),
                )
            case Step.CONTACTS:
                return screens.ContactsScreen(
                    self.variant(),
                    lambda: engine.contact_view(session),
                    lambda: engine.confirm_contacts(session),
                )
            case Step.ACCOUNT:
                return screens.AccountScreen(
                    self.variant(),
                    self.password_rules(engine.password_rules),
                    lambda identifier, password, confirmation: engine.create_account(
                        session,
                        identifier_raw=identifier,
                        password_raw=password,
                        confirmation=confirmation,
                    )
                )
            case Step.CHOOSE_PROFILE:
                return self.choose_profile(session, as_step=True)
            case Step.REPRESENTATIVE:
                return self.representative(session, logged_in=logged_in)
            case Step.DECISION:
                return self.decision(session)
            case Step.SUCCESS:
                return self.success(session, logged_in=logged_in, identifier=identifier)
        raise ValueError(step)

    def identify(self, session: Session) -> IdentifyScreen:
        """« Je m'identifie »: the provisional code, the NIR and the card."""
        from mes_sante_tui.screens.identify import IdentifyScreen

        engine = self.services.engine
        return IdentifyScreen(
            lambda typed: engine.identify_with_code(
                session, code=typed.code, nir=typed.nir, model=typed.model, serial=typed.serial
            )
        )

    def regenerate(self, session: Session, card: CardEntry | None) -> RegenerateScreen:
        """« Générer un nouveau code provisoire », with the card typed so far."""
        from mes_sante_tui.screens.regenerate import RegenerateScreen

        engine = self.services.engine
        return RegenerateScreen(
            lambda typed: engine.identify_by_identity(
                session,
                nir=typed.nir,
                birth_date=typed.birth_date,
                model=typed.model,
                serial=typed.serial,
                step="regenerer_code",
            ),
            card,
        )

    def send_code(self, session: Session) -> SendCodeScreen:
        """« Recevoir mon code provisoire »: the contacts on file and the call that sends."""
        from mes_sante_tui.screens.send_code import SendCodeScreen

        engine = self.services.engine
        return SendCodeScreen(
            engine.channels(session),
            self.child_name(session),
            lambda channel: engine.send_code(session, channel),
        )

    def contact_edit(self, session: Session, kind: ContactKind) -> ContactEditScreen:
        from mes_sante_tui.screens.contact_edit import ContactEditScreen

        engine = self.services.engine
        return ContactEditScreen(
            kind, lambda value: engine.request_contact_change(session, kind, value)
        )

    def otp(self, session: Session, sent: OtpSent) -> OtpScreen:
        """The one-time code sent to a new contact."""
        from mes_sante_tui.screens.otp import OtpScreen

        engine = self.services.engine
        resend, confirm = engine.resend_contact_code, engine.confirm_contact_change
        return OtpScreen(sent, partial(resend, session), partial(confirm, session))

    # --- logging in and the recoveries ---------------------------------------------------

    def login(self, session: Session) -> LoginScreen:
        from mes_sante_tui.screens.login import LoginScreen

        access = self.services.engine.access
        return LoginScreen(
            lambda identifier, password: access.login(
                session, identifier=identifier, password_raw=password
            )
        )

    def login_code(self, session: Session, sent: CodeOnItsWay) -> LoginCodeScreen:
        from mes_sante_tui.screens.login_code import LoginCodeScreen

        access = self.services.engine.access
        resend, verify = access.resend_login_code, access.verify_login_code
        return LoginCodeScreen(sent, partial(resend, session), partial(verify, session))

    def forgot_identifier(self, session: Session) -> ForgotIdentifierScreen:
        from mes_sante_tui.screens.forgot_identifier import ForgotIdentifierScreen

        access = self.services.engine.access
        return ForgotIdentifierScreen(
            lambda nir, born: access.find_for_identifier(session, nir=nir, birth_date=born)
        )

    def forgot_password(self, session: Session) -> ForgotPasswordScreen:
        from mes_sante_tui.screens.forgot_password import ForgotPasswordScreen

        access = self.services.engine.access
        return ForgotPasswordScreen(
            lambda typed: access.find_for_password(
                session,
                nir=typed.nir,
                birth_date=typed.birth_date,
                model=typed.model,
                serial=typed.serial,
            )
        )

    def recovery_channel(
        self, session: Session, purpose: Purpose, found: AccountFound
    ) -> RecoveryChannelScreen:
        """Where to send the identifier, or the code of a new password."""
        from mes_sante_tui.screens.recovery_channel import RecoveryChannelScreen

        access = self.services.engine.access
        send = access.send_identifier if purpose == "identifier" else access.send_password_code
        return RecoveryChannelScreen(
            purpose, found.channels, lambda channel: send(session, channel)
        )

    def recovery_code(self, session: Session, sent: CodeOnItsWay) -> RecoveryCodeScreen:
        from mes_sante_tui.screens.recovery_code import RecoveryCodeScreen

        access = self.services.engine.access
        send, verify = access.send_password_code, access.verify_password_code
        return RecoveryCodeScreen(
            sent, partial(send, session, sent.channel), partial(verify, session)
        )

    def new_password(self, session: Session) -> NewPasswordScreen:
        from mes_sante_tui.screens.new_password import NewPasswordScreen

        access = self.services.engine.access
        return NewPasswordScreen(
            self.password_rules(access.password_rules),
            lambda password, confirmation: access.reset_password(
                session, password_raw=password, confirmation=confirmation
            )
        )

    # --- the decision and the space ------------------------------------------------------

    def choose_profile(self, session: Session, *, as_step: bool = False) -> ChooseProfileScreen:
        """« Je choisis pour qui … »: the twins found, each with its status."""
        from mes_sante_tui.screens.choose_profile import ChooseProfileScreen

        people = [self._person(i) for i in session.candidates]
        candidates = [(p.id, f"{p.full_name} — {status_label(p)}") for p in people]
        engine = self.services.engine
        return ChooseProfileScreen(
            candidates, lambda person_id: engine.choose_profile(session, person_id), as_step=as_step
        )

    def representative(self, session: Session, *, logged_in: bool) -> RepresentativeScreen:
        from mes_sante_tui.screens.representative import RepresentativeScreen, RepresentativeView

        assert session.person_id is not None
        view = RepresentativeView(self._person(session.person_id).full_name, logged_in)
        engine = self.services.engine
        return RepresentativeScreen(
            view, lambda answer: engine.certify_representative(session, answer)
        )

    def decision(self, session: Session, preset: Choice | None = None) -> DecisionScreen:
        """The decision about the session's profile, greeting whoever identified."""
        from mes_sante_tui.screens.decision import DecisionScreen, DecisionView

        who = session.holder_id if session.holder_id is not None else session.person_id
        assert who is not None
        view = DecisionView(
            variant=self.variant(),
            first_name=self._person(who).first_name.split()[0],
            child_name=self.child_name(session),
        )
        engine = self.services.engine
        return DecisionScreen(
            view, lambda choice, consent: engine.decide(session, choice, consent), preset
        )

    def success(
        self, session: Session, *, logged_in: bool, identifier: str | None
    ) -> SuccessScreen:
        from mes_sante_tui.screens.success import SuccessScreen, SuccessView

        view = SuccessView(
            variant=self.variant(),
            child_name=self.child_name(session),
            identifier=identifier,
            logged_in=logged_in,
        )
        return SuccessScreen(view)

    def space(self, session: Session) -> SpaceScreen:
        """The first screen of the space: whose it is, and the call that reads it."""
        from mes_sante_tui.screens.space import SpaceScreen, SpaceView

        assert session.account_id is not None
        person = self._person(session.account_id)
        view = SpaceView(own_id=person.id, first_name=person.first_name.split()[0])
        space = self.services.engine.space
        return SpaceScreen(view, lambda: space.summary(session))

    def manage_profile(self, session: Session) -> ManageProfileScreen:
        """« Gérer le profil » of the child the session acts for: its line, read again (the
        simulated clock caught up first) each time the screen comes back."""
        from mes_sante_tui.screens.manage_profile import ManageProfileScreen

        assert session.account_id is not None
        engine = self.services.engine

        def line() -> ProfileLine | None:
            if session.person_id is None:
                return None
            engine.catch_up()
            return engine.space.line(self._person(session.person_id))

        return ManageProfileScreen(session.account_id, line)
