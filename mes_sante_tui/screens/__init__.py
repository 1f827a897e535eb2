"""One screen per file, named for its step, re-exported here."""

from .account import AccountScreen
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
from .quit_confirm import QuitConfirmScreen
from .screen_help import ScreenHelpScreen
from .start import StartScreen
from .success import SuccessScreen

__all__ = [
    "AccountScreen",
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
    "QuitConfirmScreen",
    "ScreenHelpScreen",
    "StartScreen",
    "SuccessScreen",
]
