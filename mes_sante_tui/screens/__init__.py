"""One screen per file, named for its step, re-exported here."""

from .account import AccountScreen
from .birth_date import BirthDateScreen
from .choose_profile import ChooseProfileScreen
from .code import CodeScreen
from .contact_edit import ContactEditScreen
from .contacts import ContactsScreen
from .decision import DecisionScreen
from .document import DocumentScreen
from .help_contact import HelpContactScreen
from .help_nir import HelpNirScreen
from .help_serial import HelpSerialScreen
from .home import HomeScreen
from .identify import IdentifyScreen
from .otp import OtpScreen
from .outcome import OutcomeScreen
from .quit_confirm import QuitConfirmScreen
from .regenerate import RegenerateScreen
from .representative import RepresentativeScreen
from .screen_help import ScreenHelpScreen
from .send_code import SendCodeScreen
from .session_warning import SessionWarningScreen
from .simulator_settings import SimulatorSettingsScreen
from .start import StartScreen
from .success import SuccessScreen
from .vitale import VitaleScreen

__all__ = [
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
    "OtpScreen",
    "OutcomeScreen",
    "QuitConfirmScreen",
    "RegenerateScreen",
    "RepresentativeScreen",
    "ScreenHelpScreen",
    "SendCodeScreen",
    "SessionWarningScreen",
    "SimulatorSettingsScreen",
    "StartScreen",
    "SuccessScreen",
    "VitaleScreen",
]
