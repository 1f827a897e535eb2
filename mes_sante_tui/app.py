"""The application: built from its services by one factory, and the only router.

Screens collect input and call the engine; when a step is accepted they tell the app, which
maps the journey variant's next step to a screen. A variant is therefore data (an ordered
list of steps in `core.journey`), not a second set of screens.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import WorkerFailed

from mes_sante_tui import screens
from mes_sante_tui.core.clock import OFFSET_KEY
from mes_sante_tui.core.journey import Back, JourneyDescription, Step, describe
from mes_sante_tui.core.results import Refused, StoreError, StoreProblem
from mes_sante_tui.core.run_marks import is_run_store
from mes_sante_tui.core.settings import (
    DisplayTheme,
    Settings,
    figures_of,
    load_figures,
    save_figures,
)
from mes_sante_tui.crash import default_crash_log, write_crash_log
from mes_sante_tui.cursor import SHOW_CURSOR, focus_cursor
from mes_sante_tui.screens.base import JourneyScreen, Loss
from mes_sante_tui.screens.home import HomeScreen
from mes_sante_tui.themes import HIGH_CONTRAST_THEMES, TEXTUAL_THEME
from mes_sante_tui.wording import t

# The engine's answers, the flows' screens and dialogs, the scenarios: imported where they
# are used, so that the home page's first frame waits for none of them (start-up time).
if TYPE_CHECKING:
    from mes_sante_tui.core.access import CodeOnItsWay
    from mes_sante_tui.core.answers import CodeSent, ContactKind, Session
    from mes_sante_tui.core.certificate_worker import CertificateBuilder
    from mes_sante_tui.core.engine import Engine
    from mes_sante_tui.core.guide import Hint, Page
    from mes_sante_tui.core.models import OutboxMessage
    from mes_sante_tui.core.scenarios import Run
    from mes_sante_tui.core.services import Services
    from mes_sante_tui.core.space import ProfileAction
    from mes_sante_tui.core.store import Store
    from mes_sante_tui.handing import Handing
    from mes_sante_tui.screens.regenerate import Regenerated, RegenerateScreen

OUTBOX_POLL_SECONDS = 1.0
# Set to 1, the application exits as soon as its first frame is written (start-up benchmarks).
FIRST_FRAME_EXIT = "MES_SANTE_FIRST_FRAME_EXIT"
SESSION_CHECK_SECONDS = 1.0
# While a person waits at the screen, a write held up by another program fails after this
# long (and says so) instead of freezing the screen for the command line's 10 seconds. A
# step of another session holds the lock for milliseconds, so this still lets several
# sessions on one store take turns; a long batch from another terminal (reset, a big seed,
# a clock moved over a large population) gets the message « réessayez dans un instant ».
INTERACTIVE_BUSY_TIMEOUT_MS = 2_000

# Exit statuses when the application cannot go on (the command line's « failure »).
EXIT_STORE_FAILED = 1
EXIT_CRASHED = 1
# The store problems after which nothing more can be written: the application stops.
_FATAL_PROBLEMS = frozenset({StoreProblem.DAMAGED, StoreProblem.MOVED})

# The outbox panel sits beside the form from this width; below it the panel is closed until
# the person opens it (F2), and then it sits under the form: the form keeps the whole width.
OUTBOX_BESIDE_MIN_WIDTH = 110

# Two areas, each with its own stack of screens (Textual's modes): the journey (the home page,
# the activation, the login and its recoveries) and the logged-in space. Logging in switches to
# the space, logging out (or a session that expires) switches back to a fresh home page: the
# stack left behind goes as a whole, never popped screen by screen.
JOURNEY_MODE = "journey"
SPACE_MODE = "space"
# The journey's first area is Textual's own first one (its screen from `get_default_screen`):
# its first frame is written at once. A mode's first screen would have Textual parse the whole
# stylesheet again and compute a frame it never writes, inside its start-up batch: about 40 ms
# before the home page showed (bench/run.py). Once left, it is put away as any other area.
STARTING_AREA = App.DEFAULT_MODE


class MesSanteApp(App[None]):
    """The simulator of the « Mon espace santé » journey."""

    CSS_PATH = "app.tcss"
    MODES = {JOURNEY_MODE: HomeScreen}
    ENABLE_COMMAND_PALETTE = False
    TITLE = t("app.title")
    BINDINGS = [
        Binding(
            "ctrl+q", "quit_app", t("key.quit"), tooltip=t("key.quit.tip"), id="quit", priority=True
        ),
        Binding("f2", "toggle_outbox", t("key.outbox"), tooltip=t("key.outbox.tip"), id="outbox"),
        # A trainer's keys: the faults on demand (shown) and the session's journal.
        Binding("f6", "trainer", t("key.trainer"), tooltip=t("key.trainer.tip"), id="trainer"),
        Binding("f7", "journal", t("key.journal"), tooltip=t("key.journal.tip"), id="journal",
                show=False),
    ]

    # Screens get the class -narrow below OUTBOX_BESIDE_MIN_WIDTH columns (see app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (OUTBOX_BESIDE_MIN_WIDTH, "-wide")]

    # Follows the terminal's width (open only where it fits beside the form) until the person
    # chooses with F2, or a caller sets it: from then on the choice holds.
    outbox_visible: reactive[bool] = reactive(True, init=False, always_update=True)

    def __init__(
        self,
        *,
        services: Services,
        settings: Settings,
        on_first_frame: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.settings = settings
        # Called once the home page's first frame is out (the command line resumes the
        # garbage collector it paused for the start-up).
        self._on_first_frame = on_first_frame
        # Where an unexpected error is described (without any value typed); the one line
        # printed when the application stops instead of Textual's report.
        self.crash_log: Path = default_crash_log()
        self._exit_line: str | None = None
        services.store.set_busy_timeout(INTERACTIVE_BUSY_TIMEOUT_MS)
        self.session: Session | None = None
        # The screens a flow is waiting on (see `ask`).
        self._waiting: dict[Screen[Any], asyncio.Future[object]] = {}
        self._session_warned = False
        self.last_identifier: str | None = None
        self._outbox_seen = 0
        self._outbox_chosen = False
        self._outbox_following_width = False
        # Messages after this id are marked « Nouveau »: what arrived during this journey.
        self.outbox_baseline = services.store.last_outbox_id()
        for theme in HIGH_CONTRAST_THEMES:
            self.register_theme(theme)
        self._opened_runs: list[Services] = []
        # A training run (core/scenarios.py): its scenario, shown with its goal. The command
        # line has entered it already (with --parcours or --regles over it); an app built
        # on a run store by another caller enters it here.
        self.training: Run | None = None
        if is_run_store(services.store):
            from mes_sante_tui.core.scenarios import enter_run, run_of

            self.training = run_of(services.store)
            if self.training is not None and services.engine.sessions.scenario is None:
                services.engine.settings = settings
                self.training = enter_run(services.engine)
                settings = services.engine.settings
        self.add_mode(SPACE_MODE, self._space_screen)
        # Builds the opposition certificate in a child process (core/certificate_worker.py),
        # made when the first opposition is confirmed.
        self._certificates: CertificateBuilder | None = None
        # The service's figures kept in the store (`reglages`) win over the defaults.
        self.apply_settings(load_figures(services.store, settings))

    def clock_moved_to(self) -> datetime | None:
        """The simulated date and time when a trainer moved the clock, else None."""
        if int(self.store.meta(OFFSET_KEY) or 0) == 0:
            return None
        return self.engine.clock.now()

    @cached_property
    def handing(self) -> Handing:
        """Builds each screen that shows what the store holds, with its view and calls."""
        from mes_sante_tui.handing import Handing

        return Handing(self.services, lambda: self.settings)

    @property
    def engine(self) -> Engine:
        return self.services.engine

    @property
    def store(self) -> Store:
        return self.services.store

    def on_mount(self) -> None:
        self._outbox_follow_width(self.size.width)
        if os.environ.get(FIRST_FRAME_EXIT) == "1":
            # For benchmarks (bench/run.py): stop once the home page's first frame is out.
            self.call_after_refresh(lambda: self.call_after_refresh(self.exit))
        self.set_interval(OUTBOX_POLL_SECONDS, self._poll_outbox)
        self.set_interval(SESSION_CHECK_SECONDS, self.check_session)
        self._show_terminal_cursor()
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        if self._on_first_frame is not None:
            self._on_first_frame()
        self._catch_up()

    def _catch_up(self) -> None:
        """Once the first frame is drawn: the profiles' statuses brought up to the clock
        (the command line opens the store without it, so that the home page waits for none
        of the engine's code), and the messages this sent shown."""
        try:
            self.engine.catch_up()
        except StoreError as error:
            self._background_failed(error)
            return
        self.refresh_outbox()

    # --- the terminal cursor follows focus (see cursor.py) -------------------------------

    def _show_terminal_cursor(self) -> None:
        """Textual hides the terminal's cursor; it is shown, on the focused control, so that
        a magnifier or a braille display that follows the cursor follows the focus."""
        driver = self._driver
        if driver is not None and not self.is_headless:
            driver.write(SHOW_CURSOR)
            driver.flush()

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        # Before every update of the screen: after a focus change, a scroll or a new layout.
        # Textual has no public hook there: `cursor_position` is written out in this very
        # method. Textual is pinned exactly, and tests/ui/test_cursor.py checks the override.
        if screen is self.screen:
            place = focus_cursor(screen.focused)
            if place is not None:
                self.cursor_position = place
        super()._display(screen, renderable)

    # --- the journey ---------------------------------------------------------------------

    @property
    def journey(self) -> JourneyDescription:
        """The description of the chosen variant: its steps, stages and options."""
        return describe(self.settings.journey)

    def stages(self) -> list[str]:
        return [t(key) for key in self.journey.stages]

    def stage_of(self, step: Step) -> int:
        return self.journey[step].stage if step in self.journey else -1

    def start_journey(self) -> None:
        self.refresh_figures()
        self.session = self.engine.start_session()
        self._session_warned = False
        self.outbox_baseline = self.store.last_outbox_id()
        self.goto(Step.START)

    def goto(self, step: Step) -> None:
        screen = self.handing.step(
            step, self.session, logged_in=self.logged_in, identifier=self.last_identifier
        )
        if isinstance(screen, JourneyScreen):
            screen.is_step = True
        if step is Step.SUCCESS and not self.logged_in:
            # The activation is stored: leaving now loses nothing, so no « Quitter la page
            # ? ». Logged in, the session stays: it is the way back to the space.
            self.session = None
        self.push_screen(screen)

    def advance(self, current: Step) -> None:
        """Show the step after `current` in the chosen variant, skipping the steps that do
        not apply to this person (no twins, not a child, an account that already exists)."""
        if current is Step.REPRESENTATIVE and self.logged_in:
            # In the logged-in space, « Gérer le profil » offers the actions the child's
            # status allows (activate, oppose, close, reopen), not the next journey step.
            assert self.session is not None
            self.push_screen(self.handing.manage_profile(self.session))
            return
        skip = self.engine.skipped_steps(self.session) if self.session else frozenset()
        self.goto(self.journey.next_step(current, skip=skip))

    @property
    def journey_in_progress(self) -> bool:
        """True once someone is identified and the activation is not finished; a logged-in
        person has nothing to lose by leaving, nor has someone whose decision is stored."""
        return (
            self.session is not None
            and self.session.person_id is not None
            and self.session.account_id is None
            and not getattr(self._step_shown(), "NOTHING_TO_LOSE", False)
        )

    def _step_shown(self) -> JourneyScreen[Any] | None:
        """The step on screen, or under the dialog on screen."""
        steps = [screen for screen in self.screen_stack if isinstance(screen, JourneyScreen)]
        return steps[-1] if steps else None

    def _screens_above(self, *kinds: type[Screen[Any]]) -> list[Screen[Any]]:
        """The screens above the topmost screen of one of `kinds`: those that leaving to it
        would close."""
        stack = self.screen_stack
        below = [index for index, screen in enumerate(stack) if isinstance(screen, kinds)]
        return stack[below[-1] + 1 :] if below else stack

    async def back_to_home(self) -> None:
        """The home page, with nobody identified. From the logged-in space: back to the
        journey's area, where a fresh home page waits, and the space is put away whole."""
        self.session = None
        if self.current_mode == SPACE_MODE:
            await self.switch_mode(JOURNEY_MODE)
            self._renew_mode(SPACE_MODE)
        else:
            self._pop_to(HomeScreen)

    def get_default_screen(self) -> Screen[Any]:
        return HomeScreen()

    def _renew_mode(self, mode: str) -> None:
        """Put away the stack of `mode` (not the current one), screens and all: the next
        switch to it starts again from its first screen. The starting area is put away for
        good: the journey goes on in JOURNEY_MODE."""
        if mode == STARTING_AREA:
            # Textual's remove_mode knows only the modes of its table (Textual is pinned;
            # tests/ui/test_startup.py checks this).
            self._modes[mode] = HomeScreen
            self.remove_mode(mode)
            return
        base = self._modes[mode]
        self.remove_mode(mode)
        self.add_mode(mode, base)

    def _pop_to(self, *kinds: type[Screen[Any]]) -> None:
        """Within one area, take the screens above its first screen (or above the first
        screen of `kinds`) off the stack in one go: the stack changes at once, so none of
        the screens on the way is shown again, not even for a frame, on the way down."""
        with self.batch_update():
            while len(self.screen_stack) > 1 and not isinstance(self.screen, kinds):
                self.pop_screen()

    def loss_on_leaving(self, leaving: Sequence[Screen[Any]], *, journey: bool) -> Loss | None:
        """The gravest thing closing the screens `leaving` would lose: an offer made once
        (the certificate), the activation in progress (when the journey itself is left),
        something typed; None when nothing would be lost."""
        forms = [screen for screen in leaving if isinstance(screen, JourneyScreen)]
        # What was typed on a step before the current one was accepted with it (or left
        # behind, for the login): only the current step and what it opened hold typing in
        # progress.
        current = max((i for i, form in enumerate(forms) if form.is_step), default=0)
        losses = [form.would_lose() for form in forms]
        losses = [
            loss for i, loss in enumerate(losses) if loss is not Loss.TYPED or i >= current
        ]
        if journey and self.journey_in_progress:
            losses.append(Loss.JOURNEY)
        gravity = list(Loss)
        return max((loss for loss in losses if loss is not None), key=gravity.index, default=None)

    def confirm_leave(
        self,
        then: Callable[[], object],
        *,
        leaving: Sequence[Screen[Any]] | None = None,
        journey: bool = True,
    ) -> None:
        """The one place that decides whether to ask « Quitter la page ? » before `then`.

        `leaving`: the screens that would close (every screen when None: the app quits).
        `journey`: whether the activation journey itself is left (home, quit), or only a
        screen (back one step). The question says what would be lost."""
        loss = self.loss_on_leaving(
            list(self.screen_stack) if leaving is None else leaving, journey=journey
        )
        if loss is None:
            then()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                then()

        from mes_sante_tui.dialogs.quit_confirm import QuitConfirmScreen

        self.push_screen(QuitConfirmScreen(t(loss.value)), answered)

    def leave_to_home(self) -> None:
        """Back to the home page, asking first when something would be lost. A logged-in
        person goes back to their space instead, still logged in."""
        if self.logged_in:
            self.confirm_leave(
                self.open_space, leaving=self._screens_above(HomeScreen, screens.SpaceScreen)
            )
            return
        self.confirm_leave(
            lambda: self.run_worker(self.back_to_home(), exclusive=True),
            leaving=self._screens_above(HomeScreen),
        )

    def show_outcome(self, refused: Refused, step: Step) -> None:
        """An outcome on its own screen; then the way forward the person chose. « Corriger
        ma saisie » lands on the field to correct."""
        from mes_sante_tui.core.answers import Outcome

        outcome = refused.outcome or ""
        form = self._step_shown()

        def chosen(action: str | None) -> None:
            if outcome == Outcome.SESSION_EXPIRED or action == "home":
                self.run_worker(self.back_to_home(), exclusive=True)
            elif action == "regenerate":
                self.open_regeneration()
            elif action == "login":
                self.open_login()
            elif action == "retry" and form is not None:
                form.focus_to_correct()

        self.push_screen(screens.OutcomeScreen(outcome, refused.message or "", step), chosen)

    def open_regeneration(self) -> None:
        """« Générer un nouveau code provisoire » (guide 002, 1/3 to 3/3), with the card
        typed on « Je m'identifie » carried over, and back.

        In the identity-first journey the code step itself sends new codes: going back to it
        is the way forward."""
        if not self.journey.options.regenerate_code:
            return
        forms = [s for s in self.screen_stack if isinstance(s, screens.IdentifyScreen)]
        form = forms[-1] if forms else None

        def back(result: Regenerated | None) -> None:
            if result is None:
                return
            if form is not None:
                form.came_back(result.card, new_code=result.sent is not None)
            if result.sent is not None:
                self.code_regenerated(result.sent, form)

        card = form.typed_card() if form is not None else None
        assert self.session is not None
        self.regeneration_flow(self.handing.regenerate(self.session, card), back)

    @work(exclusive=True, group="flow")
    async def regeneration_flow(
        self, regenerate: RegenerateScreen, back: Callable[[Regenerated | None], None]
    ) -> None:
        """Who the person is, the profile (twins), where to send the new code; then `back`
        with the card as typed and where the code went. Back from the profile or the
        channel is back on the form, as typed."""
        from mes_sante_tui.core.answers import CodeSent, Found
        from mes_sante_tui.screens.regenerate import CardEntry, Regenerated

        try:
            while True:
                found = await self.ask(regenerate)
                if not isinstance(found, Found):  # went back, with the card as typed
                    back(found if isinstance(found, Regenerated) else None)
                    return
                twins = len(found.candidates) > 1
                if twins and await self.ask(self._choose_profile()) is not True:
                    continue
                assert self.session is not None
                sent = await self.ask(self.handing.send_code(self.session))
                if isinstance(sent, CodeSent):
                    regenerated = Regenerated(CardEntry.typed_on(regenerate), sent)
                    await self.pop_screen()
                    back(regenerated)
                    return
        except StoreError as error:
            self.store_failed(error)

    def code_regenerated(self, sent: CodeSent, form: Screen[Any] | None) -> None:
        """Back on « Je m'identifie », saying where the new code went."""
        if self.session is not None:
            self.engine.forget_identity(self.session)
        where = t(f"regenerate.where.{sent.channel.value}", masked=sent.masked)
        notice = t("regenerate.sent", where=where)
        if isinstance(form, screens.IdentifyScreen):
            form.show_notice(notice)
        elif isinstance(self.screen, screens.StartScreen):
            # Asked for from « Commencer »: on to « Je m'identifie », where it is typed.
            async def identify() -> None:
                assert self.session is not None
                shown = self.handing.identify(self.session)
                await self.push_screen(shown)
                shown.show_notice(notice)

            self.run_worker(identify(), exclusive=True)
        self.refresh_outbox()

    # --- what comes next: the screens hand their result to the router -------------------

    async def ask(self, screen: JourneyScreen[Any]) -> object:
        """Show `screen` (pushed unless already on the stack) and wait for what it hands
        back: an answer by `done` (it then stays on the stack, for the person to come back
        to), or what it returned when it closed. The flows below are written with it, as
        straight-line code."""
        future: asyncio.Future[object] = asyncio.get_running_loop().create_future()
        self._waiting[screen] = future
        if screen not in self.screen_stack:
            await self.push_screen(screen, lambda result: self._answer(screen, result))
        return await future

    def _answer(self, screen: Screen[Any], result: object) -> None:
        future = self._waiting.pop(screen, None)
        if future is not None and not future.done():
            future.set_result(result)

    def screen_closed(self, screen: Screen[Any]) -> None:
        """A screen left the stack: a flow waiting for it gets no answer (None)."""
        self._answer(screen, None)

    def on_journey_screen_situation(self, message: JourneyScreen.Situation) -> None:
        self.show_outcome(message.refused, message.screen.stepper_step())

    def on_journey_screen_done(self, message: JourneyScreen.Done) -> None:
        if message.screen in self._waiting:
            self._answer(message.screen, message.result)
        else:
            self.route(message.screen, message.result)

    def route(self, screen: JourneyScreen[Any], result: object) -> None:
        """What comes after a step of the journey, given what it handed back: the person's
        choice of a way (a button's id), or the step accepted (anything else)."""
        from mes_sante_tui.core.answers import Accepted, Activated, ContactKind
        from mes_sante_tui.core.space import ProfileAction
        from mes_sante_tui.screens.profile_actions import ManageChild

        match result:
            case "activate":
                self.start_journey()
            case "login":
                self.open_login()
            case "settings":
                self.open_settings()
            case "scenarios":
                self.open_scenarios()
            case "regenerate":
                self.open_regeneration()
            case "home":
                self.leave_to_home()
            case "space":
                self.open_space()
            case "discover":  # « Découvrir Mon espace santé »: the space, logged in or not yet
                if self.logged_in:
                    self.open_space()
                else:
                    self.open_login()
            case "logout":
                if self.session is not None:
                    self.engine.access.logout(self.session)
                self.leave_to_home()
            case ManageChild(person_id=person_id):
                refused = self.manage_child(person_id)
                if refused is not None:
                    screen.show_refused(refused)
            case ProfileAction() as action:
                self.profile_action(screen, action)
            case ContactKind() as kind:
                self.change_contact(screen, kind)
            case Accepted(next=None):
                # Opposition is confirmed on its own screen (guide 002, Opposition 2/4).
                self.opposition_flow()
            case Activated(identifier=identifier):
                # The account is created: its identifier is said at the end.
                self.last_identifier = identifier
                self.refresh_outbox()
                self.advance(screen.STEP)
            case Accepted() | None if screen.STEP is not Step.HOME:
                self.advance(screen.STEP)
            case _:
                # An answer meant for a flow that has ended (a store failure stopped it):
                # nothing to do, the person can go back from the screen.
                return

    @work(exclusive=True, group="flow")
    async def change_contact(self, contacts: JourneyScreen[Any], kind: ContactKind) -> None:
        """« Modifier mon adresse e-mail / mon numéro »: the new contact, then the one-time
        code sent to it; back on « Mes coordonnées », which says when it changed."""
        from mes_sante_tui.core.answers import OtpSent

        try:
            session = self.session
            if session is None:
                return
            sent = await self.ask(self.handing.contact_edit(session, kind))
            confirmed = isinstance(sent, OtpSent) and await self.ask(
                self.handing.otp(session, sent)
            )
            if confirmed is True and isinstance(contacts, screens.ContactsScreen):
                contacts.contact_updated()
            self.refresh_outbox()
        except StoreError as error:
            self.store_failed(error)

    def profile_action(self, screen: JourneyScreen[Any], action: ProfileAction) -> None:
        """An action of the space on a profile: the space's own buttons act on one's own
        profile, « Gérer le profil »'s on the child's the session acts for."""
        session = self.session
        if session is None:
            return
        from mes_sante_tui.core.answers import Choice
        from mes_sante_tui.core.space import ProfileAction

        if isinstance(screen, screens.SpaceScreen):
            self.engine.back_to_own_profile(session)
        match action:
            case ProfileAction.ACTIVATE | ProfileAction.OPPOSE:
                preset = Choice.ACTIVATE if action is ProfileAction.ACTIVATE else Choice.OPPOSE
                self.push_screen(self.handing.decision(session, preset))
            case ProfileAction.CLOSE:
                self.close_profile(screen)
            case ProfileAction.REOPEN:
                self.reopen_profile(screen)

    @work(exclusive=True, group="flow")
    async def reopen_profile(self, screen: JourneyScreen[Any]) -> None:
        """« Rouvrir » at once: said on the screen, which then shows the new status."""
        session = self.session
        if session is None or not isinstance(screen, screens.ProfileActionsScreen):
            return
        try:
            result = self.engine.space.reopen(session)
            if isinstance(result, Refused):
                screen.show_refused(result)
                return
            await screen.reopened(result, self.engine.clock.now().date())
            self.refresh_outbox()
        except StoreError as error:
            self.store_failed(error)

    @work(exclusive=True, group="flow")
    async def close_profile(self, actions: JourneyScreen[Any]) -> None:
        """« Clôturer Mon espace santé » from the space's actions: the form is handed whose
        profile it is and the closure call; back on the actions, which say what was closed."""
        from mes_sante_tui.core.space import Closed
        from mes_sante_tui.screens.close_profile import CloseProfileView

        session = self.session
        if session is None or session.person_id is None or session.account_id is None:
            return
        try:
            person = self.store.person(session.person_id)
            view = CloseProfileView(
                child_name=None if person.id == session.account_id else person.full_name,
                identifier=self.store.account_identifier(session.account_id) or "",
            )

            def close(password: str, delete: bool) -> Closed | Refused:
                return self.engine.space.close(session, password_raw=password, delete_data=delete)

            closed = await self.ask(screens.CloseProfileScreen(view, close))
            if isinstance(closed, Closed) and isinstance(actions, screens.ProfileActionsScreen):
                actions.closed(closed)
                self.refresh_outbox()
        except StoreError as error:
            self.store_failed(error)

    @work(exclusive=True, group="flow")
    async def opposition_flow(self) -> None:
        """« Je m'oppose »: confirmed on its own screen, then the certificate and the other
        profiles of the household; back from the confirmation is back on the decision."""
        from mes_sante_tui.core.answers import Opposed

        try:
            session = self.session
            if session is None:
                return
            # While the person reads the confirmation, the certificate's process starts and
            # loads the PDF library: the certificate is then ready in warm-call time.
            self.run_worker(self.certificates.prepare, thread=True, group="certificate")
            opposed = await self.ask(
                screens.OppositionConfirmScreen(
                    self.handing.child_name(session),
                    lambda: self.engine.confirm_opposition(session),
                )
            )
            if isinstance(opposed, Opposed):
                # The session stays open, about the parent again, so that « Gérer le profil »
                # can act for another child without a new code.
                self.engine.back_to_own_profile(session)
                profiles = self.engine.household_profiles(session)
                done = screens.OppositionDoneScreen(
                    opposed,
                    profiles,
                    logged_in=self.logged_in,
                    certificate=lambda: self.certificates.build(
                        opposed.person, opposed.decided_on
                    ),
                    note_certificate=lambda saved: self.engine.certificate_saved(session, saved),
                )
                await self.push_screen(done)
        except StoreError as error:
            self.store_failed(error)

    # --- going back: Escape, « Retour », « Annuler » -------------------------------------

    def back_rule(self, screen: JourneyScreen[Any]) -> Back:
        """Where going back from `screen` leads: the only place that decides it.

        A step of the journey goes where its description says; the home page and the
        logged-in space have nothing before them; the login and the opposition's last page
        leave for the home page; « Gérer le profil » returns to the space; any other screen
        (a sub-step, a form opened from a step) closes, handing back what it returns when
        cancelled."""
        if isinstance(screen, HomeScreen) or screens.is_one_of(screen, "SpaceScreen"):
            return Back.NOTHING
        if screens.is_one_of(screen, "LoginScreen", "OppositionDoneScreen"):
            return Back.LEAVE
        if screens.is_one_of(screen, "ManageProfileScreen"):
            return Back.SPACE
        if screen.is_step and screen.STEP is Step.REPRESENTATIVE and self._opened_from_household():
            # Back to the household list this « Gérer le profil » came from.
            return Back.PREVIOUS
        if screen.is_step and screen.STEP in self.journey:
            return self.journey[screen.STEP].back
        return Back.PREVIOUS

    def _opened_from_household(self) -> bool:
        stack = self.screen_stack
        return len(stack) > 1 and screens.is_one_of(stack[-2], "OppositionDoneScreen")

    def can_go_back(self, screen: JourneyScreen[Any]) -> bool:
        return self.back_rule(screen) is not Back.NOTHING

    def back(self, screen: JourneyScreen[Any]) -> None:
        """Escape, or the screen's « Retour » / « Annuler », as `back_rule` says; asking
        « Quitter la page ? » first when something would be lost."""
        match self.back_rule(screen):
            case Back.NOTHING:
                return
            case Back.LEAVE:
                self.leave_to_home()
            case Back.SPACE:
                self.open_space()
            case Back.PREVIOUS:
                if screen.is_step and screen.STEP is Step.REPRESENTATIVE:
                    # The household list is about the parent again.
                    if self.session is not None:
                        self.engine.back_to_own_profile(self.session)
                    self.pop_screen()
                    return
                self.confirm_leave(
                    lambda: screen.dismiss(screen.cancelled()), leaving=[screen], journey=False
                )

    # --- logging in, the logged-in space, a child's profile -------------------------------

    def open_login(self) -> None:
        """« Se connecter »: a session of its own, then the login flow."""
        self.refresh_figures()
        self.session = self.engine.start_session()
        self._session_warned = False
        self.outbox_baseline = self.store.last_outbox_id()
        self.login_flow()

    # --- the sub-flows: straight-line workers, each screen awaited in turn -----------------

    @work(exclusive=True, group="flow")
    async def login_flow(self) -> None:
        """Identifier and password, the one-time code, then the space. The recoveries start
        from the login form and come back to it, saying what was sent or changed."""
        from mes_sante_tui.core.access import CodeOnItsWay, LoggedIn

        session = self.session
        assert session is not None
        login = self.handing.login(session)
        login.is_step = True  # a journey of its own: what was typed before it is left behind
        while True:
            answer = await self.ask(login)
            if answer is None:  # left: the router took the person home
                return
            try:
                if answer == "forgot-identifier":
                    login.identifier_sent(await self.recover_identifier())
                elif answer == "forgot-password":
                    login.password_changed(await self.recover_password())
                elif isinstance(answer, CodeOnItsWay):
                    result = await self.ask(self.handing.login_code(session, answer))
                    if isinstance(result, LoggedIn):
                        self.open_space()
                        return
                    login.code_refused(result if isinstance(result, Refused) else None)
            except StoreError as error:
                # Said over the login form, which stays, with the flow still waiting on it.
                self.store_failed(error)

    async def recover_identifier(self) -> CodeOnItsWay | None:
        """« Identifiant oublié »: who the person is, then where to send the identifier.
        Returns where it went, or None when the person went back to the login."""
        from mes_sante_tui.core.access import AccountFound, CodeOnItsWay

        session = self.session
        assert session is not None
        form = self.handing.forgot_identifier(session)
        while True:
            found = await self.ask(form)
            if not isinstance(found, AccountFound):
                return None
            sent = await self.ask(self.handing.recovery_channel(session, "identifier", found))
            if isinstance(sent, CodeOnItsWay):
                await self.pop_screen()  # the form: back to the login
                return sent

    async def recover_password(self) -> bool:
        """« Mot de passe oublié »: who the person is, where to send a code, the code, the
        new password. Back from any of them is back on the form, as typed."""
        from mes_sante_tui.core.access import AccountFound, CodeOnItsWay

        session = self.session
        assert session is not None
        form = self.handing.forgot_password(session)
        while True:
            found = await self.ask(form)
            if not isinstance(found, AccountFound):
                return False
            sent = await self.ask(self.handing.recovery_channel(session, "password", found))
            if not isinstance(sent, CodeOnItsWay):
                continue
            self.refresh_outbox()
            if await self.ask(self.handing.recovery_code(session, sent)) is not True:
                continue
            if await self.ask(self.handing.new_password(session)) is True:
                await self.pop_screen()  # the form: back to the login
                return True

    def open_space(self) -> None:
        """The logged-in space. From the login (or the activation that led here): the
        space's own area, and the journey's stack put away whole, so that Escape from the
        space leads back into none of it. Within the space: back to its first screen (it
        brings itself up to date)."""
        if self.session is not None:
            self.engine.back_to_own_profile(self.session)
        if self.current_mode == SPACE_MODE:
            self._pop_to(screens.SpaceScreen)
            return
        left = self.current_mode
        self.switch_mode(SPACE_MODE)
        self._renew_mode(left)

    def _space_screen(self) -> Screen[Any]:
        """The first screen of the space's area, handed what it shows and its one call."""
        assert self.session is not None
        return self.handing.space(self.session)

    def _choose_profile(self) -> JourneyScreen[Any]:
        assert self.session is not None
        return self.handing.choose_profile(self.session)

    @property
    def logged_in(self) -> bool:
        return self.session is not None and self.session.account_id is not None

    def manage_child(self, person_id: int) -> Refused | None:
        """« Gérer le profil » of a child: the certification as legal representative, then
        the decision (or, in the logged-in space, the actions its status allows). Returns
        the refusal for the screen it was asked from, if any."""
        if self.session is None:
            return None
        result = self.engine.manage_profile(self.session, person_id)
        if isinstance(result, Refused):
            return result
        self.goto(Step.REPRESENTATIVE)
        return None

    # --- training scenarios --------------------------------------------------------------

    def training_lines(self) -> list[str]:
        """The training run's banner: scenario, goal, trainee and the run's store (for the
        trainer's `mes-sante-tui --db PATH panne …`); nothing outside a run."""
        if self.training is None:
            return []
        scenario = self.training.scenario
        level = t(f"scenario.level.{scenario.level.value}")
        lines = [
            t("training.banner.title", title=scenario.title, level=level),
            t("training.banner.goal", goal=scenario.goal),
        ]
        trainee = self.engine.sessions.trainee
        if trainee:
            lines.append(t("training.banner.trainee", trainee=trainee))
        if self.store.path != ":memory:":  # a file the trainer can point `--db` at
            lines.append(t("training.banner.store", path=self.store.path))
        return lines

    def training_help(self) -> list[str]:
        """The F1 help's part about the training scenario: its goal and traps."""
        if self.training is None:
            return []
        scenario = self.training.scenario
        level = t(f"scenario.level.{scenario.level.value}")
        from mes_sante_tui.core.scenarios import persona_facts

        return [
            t("training.help.title", title=scenario.title, level=level),
            t("training.help.goal", goal=scenario.goal),
            persona_facts(self.store, scenario),
            *(t("training.help.trap", trap=trap) for trap in scenario.traps),
        ]

    def open_scenarios(self, problem: str | None = None) -> None:
        """« Scénarios de formation »: the one chosen starts in a fresh store of its own."""
        from mes_sante_tui.core.scenarios import ScenarioError, prepare_run, runs_folder
        from mes_sante_tui.screens.scenario_picker import ScenarioPickerScreen

        folder = runs_folder(Path(self.store.path))

        def chosen(name: str | None) -> None:
            if name is None:
                return
            try:
                path = prepare_run(name, folder, trainee=self.engine.sessions.trainee)
            except (StoreError, ScenarioError) as error:
                self.open_scenarios(error.message)
                return
            self.switch_store(path)

        self.push_screen(ScenarioPickerScreen(str(folder), problem), chosen)

    def switch_store(self, path: Path) -> None:
        """Go on with the store at `path` (a scenario's run): the journey starts again from
        the home page, with the run's settings and its goal shown."""
        from mes_sante_tui.core.scenarios import enter_run
        from mes_sante_tui.core.services import open_services

        trainee = self.engine.sessions.trainee
        services = open_services(path, settings=Settings(), seed_if_empty=False)
        services.store.set_busy_timeout(INTERACTIVE_BUSY_TIMEOUT_MS)
        previous, self.services = self.services, services
        # The services the app was given are its caller's to close; those it opened for a
        # run are closed here, when left, or when the app ends (`on_unmount`).
        if previous in self._opened_runs:
            self._opened_runs.remove(previous)
            previous.close()
        self._opened_runs.append(services)
        self.__dict__.pop("handing", None)  # built again, over the run's store
        self.training = enter_run(self.engine, trainee=trainee)
        self.session = None
        self.outbox_baseline = self.store.last_outbox_id()
        self.apply_settings(self.engine.settings)
        self._pop_to(HomeScreen)
        # The home page again, composed anew: the run's goal on top, the clock and the
        # outbox of the new store.
        home = self.screen_stack[0]
        home.refresh(recompose=True)
        home.call_after_refresh(self.refresh_outbox)
        home.call_after_refresh(home.focus_next)  # its first control, as on arrival

    def refresh_figures(self) -> None:
        """The service's figures as the store has them now: a trainer's `reglages` from
        another terminal holds from the next journey on."""
        current = load_figures(self.store, self.settings)
        if current != self.settings:
            self.apply_settings(current)

    def on_unmount(self) -> None:
        if self._certificates is not None:
            self._certificates.close()
        for services in self._opened_runs:
            services.close()
        self._opened_runs.clear()

    # --- settings and session ------------------------------------------------------------

    def open_settings(self) -> None:
        def chosen(settings: Settings | None) -> None:
            if settings is not None:
                if figures_of(settings) != figures_of(self.settings):
                    save_figures(self.store, figures_of(settings))  # as `reglages` does
                self.apply_settings(settings)

        self.push_screen(screens.SimulatorSettingsScreen(self.settings), chosen)

    @property
    def guided(self) -> bool:
        """The guided mode is on: its hints are placed on every page."""
        return self.settings.guided

    def guide_hints(self, page: Page | None) -> tuple[Hint, ...]:
        """The guides' hints of `page` in the variant in force, when the guided mode is on."""
        if not self.settings.guided:
            return ()
        from mes_sante_tui.core.guide import hints_for

        return hints_for(self.settings.journey, page)

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.services.settings = settings
        self.theme = TEXTUAL_THEME[settings.theme]
        # The high-contrast themes frame every button (app.tcss): a button reads as one there
        # without its shade of grey, which those themes do not have.
        self.set_class(settings.theme is not DisplayTheme.STANDARD, "-high-contrast")
        self.sub_title = t(
            "app.subtitle",
            variant=t(f"variant.{settings.journey.value}"),
            rules=settings.rule_version.value,
        )
        # The guided mode switched on or off, or another variant: the hints follow.
        for screen in self.screen_stack:
            if isinstance(screen, JourneyScreen) and screen.is_mounted:
                screen.place_guide_hints()

    def check_session(self) -> None:
        """The once-a-second look at the session: its warning, its expiry."""
        if not self.screen_stack:  # between two areas (a mode switched): next tick
            return
        try:
            self._warn_before_expiry()
        except StoreError as error:
            self._background_failed(error)

    def _warn_before_expiry(self) -> None:
        """Warn before the session expires, with a key to extend it; then say it expired.

        The session ends on time whether or not the warning is open: a person who walked
        away is logged out, the warning then giving way to « Votre session a expiré »."""
        session = self.session
        if session is None:
            return
        from mes_sante_tui.core.answers import Outcome
        from mes_sante_tui.dialogs.session_warning import SessionWarningScreen

        left = self.engine.session_time_left(session)
        warning_open = isinstance(self.screen, SessionWarningScreen)
        if left.total_seconds() <= 0:
            self.session = None
            if warning_open:
                self.screen.dismiss(False)
            expired = Refused(
                outcome=Outcome.SESSION_EXPIRED, message=t("identify.session_expired")
            )
            self.show_outcome(expired, Step.START)
            self.engine.session_ended(session)  # in the journal, once the person is told
        elif left <= self.settings.session_warning and not self._session_warned:
            if warning_open:
                return
            self._session_warned = True
            self.engine.session_warned(session)

            def answered(extend: bool | None) -> None:
                if extend and self.session is not None:
                    self.engine.extend_session(self.session)
                    self._session_warned = False

            def time_left() -> timedelta:
                if self.session is None:
                    return timedelta(0)
                return self.engine.session_time_left(self.session)

            self.push_screen(SessionWarningScreen(time_left), answered)

    # --- actions -------------------------------------------------------------------------

    @property
    def certificates(self) -> CertificateBuilder:
        """The builder of opposition certificates (its module is imported on first use)."""
        if self._certificates is None:
            from mes_sante_tui.core.certificate_worker import CertificateBuilder

            self._certificates = CertificateBuilder()
        return self._certificates

    def action_quit_app(self) -> None:
        from mes_sante_tui.dialogs.quit_confirm import QuitConfirmScreen

        if isinstance(self.screen, QuitConfirmScreen):
            self.exit()
            return
        self.confirm_leave(self.exit)

    def action_trainer(self) -> None:
        """F6 « Formateur »: the faults on demand; from there, the session's journal."""
        from mes_sante_tui.core.faults import FaultPlan
        from mes_sante_tui.dialogs.trainer_panel import JOURNAL, TrainerPanelScreen

        if isinstance(self.screen, TrainerPanelScreen):
            return

        def closed(choice: str | None) -> None:
            if choice == JOURNAL:
                self.action_journal()

        self.push_screen(TrainerPanelScreen(FaultPlan(self.store), self.engine.clock.now), closed)

    def action_journal(self) -> None:
        """F7: the current session's journal (else the latest one), as a timeline."""
        from mes_sante_tui.core.journal import latest_session, session_journal
        from mes_sante_tui.dialogs.journal_view import JournalScreen

        if isinstance(self.screen, JournalScreen):
            return
        session_id = self.session.id if self.session is not None else latest_session(self.store)
        entries = session_journal(self.store, session_id) if session_id else []
        self.push_screen(JournalScreen(session_id, entries))

    def action_toggle_outbox(self) -> None:
        self.outbox_visible = not self.outbox_visible

    def on_resize(self, event: events.Resize) -> None:
        self._outbox_follow_width(event.size.width)

    def _outbox_follow_width(self, width: int) -> None:
        """Until the person chooses, the panel is open only where it fits beside the form."""
        if self._outbox_chosen:
            return
        self._outbox_following_width = True
        try:
            self.outbox_visible = width >= OUTBOX_BESIDE_MIN_WIDTH
        finally:
            self._outbox_following_width = False

    def watch_outbox_visible(self, visible: bool) -> None:
        if not self._outbox_following_width:
            self._outbox_chosen = True
        if not self.screen_stack:  # set before the app runs: screens read it when composed
            return
        for panel in self.screen.query("OutboxPanel"):
            panel.display = visible
        if visible:
            self.refresh_outbox()  # filled only when shown
        focused = self.screen.focused
        if visible and focused is not None:
            # Under the form (a narrow terminal) the panel takes part of its height: the
            # focused control is brought back into view, and the terminal cursor with it.
            self.call_after_refresh(focused.scroll_visible, animate=False)

    # --- outbox --------------------------------------------------------------------------

    OUTBOX_SHOWN = 30

    def outbox_messages(self) -> tuple[list[OutboxMessage], int]:
        """The newest messages a panel shows, and the outbox's newest id as they were read."""
        up_to = self.store.last_outbox_id()
        self._outbox_seen = up_to
        return self.store.outbox(limit=self.OUTBOX_SHOWN), up_to

    def refresh_outbox(self) -> None:
        """Show the newest messages in the current screen's outbox panel, when it is shown
        and something arrived since it was filled (nothing to lay out again otherwise)."""
        from mes_sante_tui.widgets import OutboxPanel

        if not self.screen_stack:  # between two areas (a mode switched)
            return
        panels = self.screen.query(OutboxPanel)
        if not panels:
            return
        for panel in panels:
            panel.display = self.outbox_visible
        if not self.outbox_visible:
            return
        newest = self.store.last_outbox_id()
        stale = [panel for panel in panels if panel.shown_up_to != newest]
        if not stale:
            self._outbox_seen = newest
            return
        messages, up_to = self.outbox_messages()
        for panel in stale:
            panel.show_messages(messages, up_to)

    def _poll_outbox(self) -> None:
        # Cheap check first: messages may also come from another process on the same store.
        try:
            if self.store.last_outbox_id() != self._outbox_seen:
                self.refresh_outbox()
        except StoreError as error:
            self._background_failed(error)

    # --- when the store fails, or anything unexpected happens ---------------------------

    def store_failed(self, error: StoreError) -> None:
        """Say on screen what happened to the store and what to do; the step's screen stays
        underneath with what was typed (its transaction was rolled back). Data reset from
        elsewhere end the journey: back to the home page. A damaged or replaced store ends
        the application, with one line."""
        if error.kind in _FATAL_PROBLEMS:
            self.stop_with_line(t("cli.failure", problem=error.message), EXIT_STORE_FAILED)
            return
        from mes_sante_tui.dialogs.store_problem import StoreProblemScreen

        if self.screen_stack and isinstance(self.screen_stack[-1], StoreProblemScreen):
            return  # already said, not yet read
        if error.kind is StoreProblem.VANISHED:
            self.session = None

            def home(_: None) -> None:
                self.run_worker(self.back_to_home(), exclusive=True)

            self.push_screen(StoreProblemScreen(error.kind), home)
        else:
            self.push_screen(StoreProblemScreen(error.kind))

    def _background_failed(self, error: StoreError) -> None:
        """A periodic check met a store problem: a passing one (locked, full...) is said by
        the person's next action, not by a message out of the blue; one the application
        cannot go on with is said now."""
        if error.kind in _FATAL_PROBLEMS:
            self.store_failed(error)

    def stop_with_line(self, line: str, return_code: int) -> None:
        """Stop the application; `line` is all that is printed (on stderr)."""
        if self._exit_line is None:
            self._exit_line = line
        self.exit(return_code=return_code)

    async def on_event(self, event: events.Event) -> None:
        # Key bindings run their actions here (screens' actions included).
        try:
            await super().on_event(event)
        except StoreError as error:
            self.store_failed(error)

    async def _on_message(self, message: Message) -> None:
        try:
            await super()._on_message(message)
        except StoreError as error:
            self.store_failed(error)

    def _handle_exception(self, error: Exception) -> None:
        """Every error no handler caught ends here (Textual 8.2.8: timers, callbacks,
        workers, compose, message loops). A store problem is said on screen; anything else
        stops the application with one French line and a non-zero status, never Textual's
        traceback with local variables (a password being typed is one of them)."""
        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, StoreError):
            self.store_failed(cause)
            return
        self._return_code = EXIT_CRASHED
        # Kept, as Textual does, so that a test driving the app re-raises it at the end.
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        if self._exit_line is None:
            log = write_crash_log(self.crash_log, cause)
            self._exit_line = (
                t("app.crash", log=log) if log is not None else t("app.crash.no_log")
            )
        self._close_messages_no_wait()

    def _print_error_renderables(self) -> None:
        """At shutdown: our one line when there is one, in place of whatever Textual kept."""
        if self._exit_line is None:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        print(self._exit_line, file=sys.stderr, flush=True)


def make_app(
    *,
    services: Services,
    settings: Settings,
    on_first_frame: Callable[[], None] | None = None,
) -> MesSanteApp:
    """The one factory: the command line and every test build the app through it."""
    return MesSanteApp(services=services, settings=settings, on_first_frame=on_first_frame)
