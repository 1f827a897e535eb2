"""Random keys and pastes on every screen: no crash, the app still running with a screen
shown, and a store that SQLite and the journey's story both find sound.

Every screen of the app is reached as a person would (the drivers of `drive.py`) or built
through the engine; then a sequence of keys (Tab, Enter, Escape, arrows, F1-F3, Ctrl+Q,
characters) and bracketed pastes of long and odd strings (NUL, control characters, RTL
marks, emoji, 10,000 characters) is sent to whatever has the focus.

The default run sends one fixed sequence (every odd paste, in every field it tabs to) on
each screen; `python -m pytest -m long` adds a few hundred Hypothesis sequences.

Each example builds its own store and its own event loop (asyncio.run): Hypothesis runs many
examples inside one test, so a function-scoped fixture would be shared between them.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from drive import (
    choose_oppose,
    press_on,
    to_account,
    to_choose_profile,
    to_contacts,
    to_decision,
    to_identify,
    to_identity_first_code,
    to_identity_first_vitale,
    to_login,
    to_login_code,
    to_manage_profile,
    to_new_password,
    to_opposition_done,
    to_otp,
    to_outcome,
    to_recovery_channel,
    to_recovery_code,
    to_regenerate,
    to_representative,
    to_send_code,
    to_session_warning,
    to_space,
    to_success,
)
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from support import paste, store_mark, store_problems
from textual.pilot import Pilot
from textual.widgets import Input

from mes_sante_tui.app import make_app
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import SeededCodeGenerator
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import JourneyVariant, Settings

SIZE = (110, 36)
NOW = datetime(2026, 11, 22, 10, 0, 0)

Driver = Callable[[Pilot[None], Services], Awaitable[None]]


@dataclass(frozen=True)
class Arrival:
    """How to reach a screen, and the screen's class, to check the driver got there."""

    screen: str
    drive: Driver
    journey: JourneyVariant = JourneyVariant.CODE_FIRST


async def _nothing(pilot: Pilot[None], services: Services) -> None:
    await pilot.pause()


async def _press(pilot: Pilot[None], key: str) -> None:
    await pilot.press(key)
    await pilot.pause()


async def _focus_and_enter(pilot: Pilot[None], widget_id: str) -> None:
    pilot.app.screen.query_one(f"#{widget_id}").focus()
    await pilot.press("enter")
    await pilot.pause()


async def _screen_help(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    await _press(pilot, "f1")


async def _help_nir(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    await _focus_and_enter(pilot, "where-nir")


async def _help_serial(pilot: Pilot[None], services: Services) -> None:
    await to_identify(pilot)
    await _focus_and_enter(pilot, "where-serial")


async def _help_contact(pilot: Pilot[None], services: Services) -> None:
    await to_send_code(pilot, services)
    await _focus_and_enter(pilot, "contacts-wrong")


async def _document(pilot: Pilot[None], services: Services) -> None:
    await to_decision(pilot, services)
    await _focus_and_enter(pilot, "read-cgu")


async def _quit_confirm(pilot: Pilot[None], services: Services) -> None:
    await to_decision(pilot, services)
    await _press(pilot, "escape")


async def _store_problem(pilot: Pilot[None], services: Services) -> None:
    """The message of a store held by another program, over « Ma décision »."""
    from mes_sante_tui.core.results import StoreProblem
    from mes_sante_tui.screens import StoreProblemScreen

    await to_decision(pilot, services)
    pilot.app.push_screen(StoreProblemScreen(StoreProblem.BUSY))
    await pilot.pause()


async def _opposition_confirm(pilot: Pilot[None], services: Services) -> None:
    await to_decision(pilot, services)
    await choose_oppose(pilot)


async def _contact_edit(pilot: Pilot[None], services: Services) -> None:
    await to_contacts(pilot, services)
    await _focus_and_enter(pilot, "edit-email")


async def _forgot_identifier(pilot: Pilot[None], services: Services) -> None:
    await to_login(pilot)
    await press_on(pilot, "forgot-identifier")


async def _forgot_password(pilot: Pilot[None], services: Services) -> None:
    await to_login(pilot)
    await press_on(pilot, "forgot-password")


async def _close_profile(pilot: Pilot[None], services: Services) -> None:
    await to_space(pilot, services)
    await press_on(pilot, "own-cloturer")


def _keys_only(drive: Callable[[Pilot[None]], Awaitable[None]]) -> Driver:
    async def driven(pilot: Pilot[None], services: Services) -> None:
        await drive(pilot)

    return driven


IDENTITY_FIRST = JourneyVariant.IDENTITY_FIRST
# Every screen of mes_sante_tui.screens (test_every_screen_is_visited checks it).
ARRIVALS: dict[str, Arrival] = {
    "home": Arrival("HomeScreen", _nothing),
    "settings": Arrival("SimulatorSettingsScreen", _keys_only(lambda p: press_on(p, "settings"))),
    "start": Arrival("StartScreen", _keys_only(lambda p: _press(p, "enter"))),
    "identify": Arrival("IdentifyScreen", _keys_only(to_identify)),
    "screen_help": Arrival("ScreenHelpScreen", _screen_help),
    "help_nir": Arrival("HelpNirScreen", _help_nir),
    "help_serial": Arrival("HelpSerialScreen", _help_serial),
    "session_warning": Arrival("SessionWarningScreen", _keys_only(to_session_warning)),
    "regenerate": Arrival("RegenerateScreen", _keys_only(to_regenerate)),
    "choose_profile": Arrival("ChooseProfileScreen", to_choose_profile),
    "send_code": Arrival("SendCodeScreen", to_send_code),
    "help_contact": Arrival("HelpContactScreen", _help_contact),
    "outcome": Arrival("OutcomeScreen", to_outcome),
    "representative": Arrival("RepresentativeScreen", to_representative),
    "decision": Arrival("DecisionScreen", to_decision),
    "document": Arrival("DocumentScreen", _document),
    "quit_confirm": Arrival("QuitConfirmScreen", _quit_confirm),
    "store_problem": Arrival("StoreProblemScreen", _store_problem),
    "opposition_confirm": Arrival("OppositionConfirmScreen", _opposition_confirm),
    "opposition_done": Arrival("OppositionDoneScreen", to_opposition_done),
    "contacts": Arrival("ContactsScreen", to_contacts),
    "contact_edit": Arrival("ContactEditScreen", _contact_edit),
    "otp": Arrival("OtpScreen", to_otp),
    "account": Arrival("AccountScreen", to_account),
    "success": Arrival("SuccessScreen", to_success),
    "birth_date": Arrival("BirthDateScreen", _keys_only(to_identify), IDENTITY_FIRST),
    "vitale": Arrival("VitaleScreen", _keys_only(to_identity_first_vitale), IDENTITY_FIRST),
    "code": Arrival("CodeScreen", to_identity_first_code, IDENTITY_FIRST),
    "login": Arrival("LoginScreen", _keys_only(to_login)),
    "login_code": Arrival("LoginCodeScreen", _keys_only(to_login_code)),
    "forgot_identifier": Arrival("ForgotIdentifierScreen", _forgot_identifier),
    "forgot_password": Arrival("ForgotPasswordScreen", _forgot_password),
    "recovery_channel": Arrival("RecoveryChannelScreen", _keys_only(to_recovery_channel)),
    "recovery_code": Arrival("RecoveryCodeScreen", _keys_only(to_recovery_code)),
    "new_password": Arrival("NewPasswordScreen", to_new_password),
    "space": Arrival("SpaceScreen", to_space),
    "close_profile": Arrival("CloseProfileScreen", _close_profile),
    "manage_profile": Arrival("ManageProfileScreen", to_manage_profile),
}

# --- what is sent -----------------------------------------------------------------------

KEYS = [
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "backspace",
    "up",
    "down",
    "left",
    "right",
    "space",
    "f1",
    "f2",
    "f3",
    "ctrl+q",
]
CHARACTERS = list("aZ7#@./-é")

_PLAUSIBLE = "1 73 03 44 109 038 ab@c.fr 12/03/1973 Kayak#Loire2026 "
LONG = (_PLAUSIBLE * (10_000 // len(_PLAUSIBLE) + 1))[:10_000]
ODD = [
    "",
    "\x00",
    "2 73 03\x0044 109 038",  # a NIR with a NUL inside
    "/tmp/dossier\x00/ailleurs",
    "\x01\x02\x07\x08\x0b\x0c\x1b[31m\x1b]0;titre\x07\x7f\r\n\t",
    "\u202eGNITSET\u202c \u200f\u0645\u0631\u062d\u0628\u0627\u200e \u2067a\u2069",
    "👩‍👩‍👧‍👦🇫🇷🧑🏽‍⚕️ e\u0301\u0301\u0301 \ufeff\u200b\u00a0",
    "ＮＩＲ１２３ ١٢٣ ߁߂ 𝟙𝟚𝟛",
    "../../../../etc/passwd",
    "'; DROP TABLE people; --",
    "%s%n{0}{t}${HOME}`id`",
    LONG,
    "x" * 10_000,
]


@dataclass(frozen=True)
class Paste:
    text: str

    def __repr__(self) -> str:  # a 10,000-character string is not worth printing whole
        shown = self.text if len(self.text) <= 40 else f"{self.text[:20]!r}…({len(self.text)})"
        return f"Paste({shown!r})"


@dataclass(frozen=True)
class FillEveryField:
    """Paste `text` into every text field of the screen, one after the other, ending with
    the focus in the last one (where Enter then validates the form)."""

    text: str

    def __repr__(self) -> str:
        return f"FillEveryField({Paste(self.text)!r})"


Action = str | Paste | FillEveryField
key = st.sampled_from(KEYS + CHARACTERS)
pasted = st.builds(
    Paste,
    st.one_of(
        st.sampled_from(ODD),
        st.text(max_size=40),
        st.text(st.characters(codec="utf-8"), min_size=200, max_size=2000),
    ),
)
filled = st.builds(FillEveryField, st.sampled_from(ODD))
actions = st.lists(st.one_of(key, key, pasted, filled), min_size=1, max_size=16)

# The fixed sequence of the default run: the odd strings and 10,000 characters pasted into
# every text field of the screen, Enter from the last one, the same into the field that has
# the focus then, and the keys that show the password, help and go back.
ALL_ODD = "|".join(text for text in ODD if len(text) < 1000)
EVERY_PASTE: list[Action] = [
    FillEveryField(ALL_ODD + LONG), "enter", Paste(ALL_ODD), "tab", "enter", "f3", "f1",
    "escape", "escape", "enter",
]


# --- running one sequence ------------------------------------------------------------------


@contextmanager
def sandbox() -> Iterator[None]:
    """A fresh home and current folder, deep in a temporary folder: the certificate of an
    opposition is saved under the home's Documents by default, or wherever the odd text
    pasted into its folder field points (relative paths included, `../..` too)."""
    saved_home, saved_cwd = os.environ.get("HOME"), os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder, "a", "b", "c", "d", "e", "home")
        (home / "cwd").mkdir(parents=True)
        os.environ["HOME"] = str(home)
        os.chdir(home / "cwd")
        try:
            yield
        finally:
            os.chdir(saved_cwd)
            if saved_home is None:
                del os.environ["HOME"]
            else:
                os.environ["HOME"] = saved_home


async def run_sequence(arrival: Arrival, sequence: list[Action]) -> None:
    with sandbox():
        await _run_sequence(arrival, sequence)


async def _run_sequence(arrival: Arrival, sequence: list[Action]) -> None:
    app_settings = Settings(journey=arrival.journey)
    services = open_services(
        ":memory:", settings=app_settings, clock=ManualClock(NOW), codes=SeededCodeGenerator(7)
    )
    try:
        mark = store_mark(services.store.conn)
        app = make_app(services=services, settings=app_settings)
        async with app.run_test(size=SIZE) as pilot:
            await arrival.drive(pilot, services)
            assert type(app.screen).__name__ == arrival.screen, app.screen
            for action in sequence:
                if not app.is_running:  # Ctrl+Q ended the app
                    break
                if isinstance(action, Paste):
                    await paste(pilot, action.text)
                elif isinstance(action, FillEveryField):
                    for field in app.screen.query(Input):
                        if field.focusable:
                            field.focus()
                            await paste(pilot, action.text)
                else:
                    await pilot.press(action)
            await pilot.pause()
            if app.is_running:
                # A screen of the app is shown (the home page at least), with the focus.
                assert len(app.screen_stack) >= 1, app.screen_stack
                assert type(app.screen).__module__.startswith("mes_sante_tui."), app.screen
        assert app._exception is None, app._exception
        assert app.return_code in (None, 0)
        assert store_problems(services.store.conn, mark) == []
    finally:
        services.close()


# --- the tests -----------------------------------------------------------------------------


def test_every_screen_is_visited() -> None:
    from mes_sante_tui import screens

    exported = {name: getattr(screens, name) for name in screens.__all__}
    # A base that other exported screens build on (ProfileActionsScreen) is never shown on its
    # own: its subclasses' visits cover it.
    shown = {
        name for name, kind in exported.items()
        if not any(other is not kind and issubclass(other, kind) for other in exported.values())
    }
    assert {arrival.screen for arrival in ARRIVALS.values()} == shown
    assert ARRIVALS.keys() >= EVERYDAY


# The default run pastes into the screens where a person types most; `-m long` does it on
# every screen (the default run must stay under six minutes on two cores).
EVERYDAY = frozenset({
    "identify", "regenerate", "login", "account", "contact_edit", "opposition_done",
    "forgot_password", "close_profile", "code", "decision",
})


@pytest.mark.parametrize(
    "where",
    [
        pytest.param(name, marks=[] if name in EVERYDAY else [pytest.mark.long])
        for name in ARRIVALS
    ],
)
def test_odd_pastes_and_keys_on_every_screen(where: str) -> None:
    asyncio.run(run_sequence(ARRIVALS[where], EVERY_PASTE))


@pytest.mark.long
@pytest.mark.parametrize("where", list(ARRIVALS))
@settings(
    max_examples=8,
    deadline=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sequence=actions)
def test_random_keys_and_pastes_never_crash_nor_corrupt_the_store(
    where: str, sequence: list[Action]
) -> None:
    asyncio.run(run_sequence(ARRIVALS[where], sequence))


# A lone surrogate is no text a terminal sends, but a string the app may be handed (a paste
# decoded with errors="surrogateescape", a file name): every field must refuse it clearly.
@pytest.mark.long
@pytest.mark.parametrize("where", list(ARRIVALS))
def test_lone_surrogates_in_every_field(where: str) -> None:
    sequence: list[Action] = [FillEveryField("a\ud800b\udfff"), "enter", "tab", "enter"]
    asyncio.run(run_sequence(ARRIVALS[where], sequence))
