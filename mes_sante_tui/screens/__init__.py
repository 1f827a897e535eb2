"""One screen per file, named for its step, re-exported here.

Each screen's module is imported on first use (PEP 562): start-up needs only the home page,
and importing every step's screen up front cost a noticeable part of the start-up budget.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from mes_sante_tui.loaded import is_loaded_instance

if TYPE_CHECKING:
    from mes_sante_tui.dialogs.document import DocumentScreen as DocumentScreen
    from mes_sante_tui.dialogs.help_contact import HelpContactScreen as HelpContactScreen
    from mes_sante_tui.dialogs.help_nir import HelpNirScreen as HelpNirScreen
    from mes_sante_tui.dialogs.help_serial import HelpSerialScreen as HelpSerialScreen
    from mes_sante_tui.dialogs.quit_confirm import QuitConfirmScreen as QuitConfirmScreen
    from mes_sante_tui.dialogs.screen_help import ScreenHelpScreen as ScreenHelpScreen
    from mes_sante_tui.dialogs.session_warning import SessionWarningScreen as SessionWarningScreen
    from mes_sante_tui.dialogs.store_problem import StoreProblemScreen as StoreProblemScreen

    from .account import AccountScreen as AccountScreen
    from .birth_date import BirthDateScreen as BirthDateScreen
    from .choose_profile import ChooseProfileScreen as ChooseProfileScreen
    from .close_profile import CloseProfileScreen as CloseProfileScreen
    from .code import CodeScreen as CodeScreen
    from .contact_edit import ContactEditScreen as ContactEditScreen
    from .contacts import ContactsScreen as ContactsScreen
    from .decision import DecisionScreen as DecisionScreen
    from .forgot_identifier import ForgotIdentifierScreen as ForgotIdentifierScreen
    from .forgot_password import ForgotPasswordScreen as ForgotPasswordScreen
    from .home import HomeScreen as HomeScreen
    from .identify import IdentifyScreen as IdentifyScreen
    from .login import LoginScreen as LoginScreen
    from .login_code import LoginCodeScreen as LoginCodeScreen
    from .manage_profile import ManageProfileScreen as ManageProfileScreen
    from .new_password import NewPasswordScreen as NewPasswordScreen
    from .opposition_confirm import OppositionConfirmScreen as OppositionConfirmScreen
    from .opposition_done import OppositionDoneScreen as OppositionDoneScreen
    from .otp import OtpScreen as OtpScreen
    from .outcome import OutcomeScreen as OutcomeScreen
    from .profile_actions import ProfileActionsScreen as ProfileActionsScreen
    from .recovery_channel import RecoveryChannelScreen as RecoveryChannelScreen
    from .recovery_code import RecoveryCodeScreen as RecoveryCodeScreen
    from .regenerate import RegenerateScreen as RegenerateScreen
    from .representative import RepresentativeScreen as RepresentativeScreen
    from .send_code import SendCodeScreen as SendCodeScreen
    from .simulator_settings import SimulatorSettingsScreen as SimulatorSettingsScreen
    from .space import SpaceScreen as SpaceScreen
    from .start import StartScreen as StartScreen
    from .success import SuccessScreen as SuccessScreen
    from .vitale import VitaleScreen as VitaleScreen

_MODULE_OF: dict[str, str] = {
    "LoginScreen": "login",
    "LoginCodeScreen": "login_code",
    "ForgotIdentifierScreen": "forgot_identifier",
    "ForgotPasswordScreen": "forgot_password",
    "RecoveryChannelScreen": "recovery_channel",
    "RecoveryCodeScreen": "recovery_code",
    "NewPasswordScreen": "new_password",
    "SpaceScreen": "space",
    "CloseProfileScreen": "close_profile",
    "ManageProfileScreen": "manage_profile",
    "AccountScreen": "account",
    "BirthDateScreen": "birth_date",
    "ChooseProfileScreen": "choose_profile",
    "CodeScreen": "code",
    "ContactEditScreen": "contact_edit",
    "ContactsScreen": "contacts",
    "DecisionScreen": "decision",
    "DocumentScreen": "mes_sante_tui.dialogs.document",
    "HelpContactScreen": "mes_sante_tui.dialogs.help_contact",
    "HelpNirScreen": "mes_sante_tui.dialogs.help_nir",
    "HelpSerialScreen": "mes_sante_tui.dialogs.help_serial",
    "HomeScreen": "home",
    "IdentifyScreen": "identify",
    "OppositionConfirmScreen": "opposition_confirm",
    "OppositionDoneScreen": "opposition_done",
    "OtpScreen": "otp",
    "OutcomeScreen": "outcome",
    "ProfileActionsScreen": "profile_actions",
    "QuitConfirmScreen": "mes_sante_tui.dialogs.quit_confirm",
    "RegenerateScreen": "regenerate",
    "RepresentativeScreen": "representative",
    "ScreenHelpScreen": "mes_sante_tui.dialogs.screen_help",
    "SendCodeScreen": "send_code",
    "SessionWarningScreen": "mes_sante_tui.dialogs.session_warning",
    "SimulatorSettingsScreen": "simulator_settings",
    "StartScreen": "start",
    "StoreProblemScreen": "mes_sante_tui.dialogs.store_problem",
    "SuccessScreen": "success",
    "VitaleScreen": "vitale",
}

__all__ = [
    "LoginScreen",
    "LoginCodeScreen",
    "ForgotIdentifierScreen",
    "ForgotPasswordScreen",
    "RecoveryChannelScreen",
    "RecoveryCodeScreen",
    "NewPasswordScreen",
    "SpaceScreen",
    "CloseProfileScreen",
    "ManageProfileScreen",
    "AccountScreen",
    "BirthDateScreen",
    "ChooseProfileScreen",
    "CodeScreen",
    "ContactEditScreen",
    "ContactsScreen",
    "DecisionScreen",
    "DocumentScreen",
    "HelpContactScreen",
    "HelpNirScreen",
    "HelpSerialScreen",
    "HomeScreen",
    "IdentifyScreen",
    "OppositionConfirmScreen",
    "OppositionDoneScreen",
    "OtpScreen",
    "OutcomeScreen",
    "ProfileActionsScreen",
    "QuitConfirmScreen",
    "RegenerateScreen",
    "RepresentativeScreen",
    "ScreenHelpScreen",
    "SendCodeScreen",
    "SessionWarningScreen",
    "SimulatorSettingsScreen",
    "StartScreen",
    "StoreProblemScreen",
    "SuccessScreen",
    "VitaleScreen",
]


def _path_of(name: str) -> str:
    module = _MODULE_OF[name]
    # The dialogs live in their own package; they are named here too, for the callers
    # that take every screen from one place.
    return module if module.startswith("mes_sante_tui.") else f"{__name__}.{module}"


def is_one_of(screen: object, *names: str) -> bool:
    """`screen` is one of the screens named. A screen whose module is not loaded has never
    been shown, so none is loaded to answer: the router asks this at every refresh of the
    footer's keys, and the home page's first frame would otherwise wait for the space."""
    return any(is_loaded_instance(screen, _path_of(name), name) for name in names)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_path_of(name)), name)
