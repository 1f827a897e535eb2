"""What every step of the journey shares: the notice, the stepper, the outbox, the keys."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widget import Widget, _RenderCache
from textual.widgets import Static

from mes_sante_tui.compositor import TightCompositor
from mes_sante_tui.core.journey import Step, step_wording
from mes_sante_tui.core.results import Refused, StoreError
from mes_sante_tui.widgets.footer import KeysFooter
from mes_sante_tui.widgets.notice import SimulationNotice
from mes_sante_tui.widgets.outbox_panel import OutboxPanel
from mes_sante_tui.wording import t

# What only some screens use (forms, passwords, the stepper, F1, the guided mode) is imported
# where it is used: the home page is drawn without it (start-up time).
if TYPE_CHECKING:
    from textual.widgets import Input

    from mes_sante_tui.app import MesSanteApp
    from mes_sante_tui.core.guide import Page
    from mes_sante_tui.widgets.form_field import FormField

R = TypeVar("R")

_NO_SIZE = Size(0, 0)


class Loss(Enum):
    """What leaving a screen would lose, from the least to the gravest; each value is the
    wording key of what « Quitter la page ? » then says."""

    TYPED = "quit.body.typed"  # something typed in a field of the screen
    JOURNEY = "quit.body"  # an activation in progress (someone identified, no decision yet)
    CERTIFICATE = "quit.body.certificate"  # the opposition certificate, offered only once


class JourneyScreen(Screen[R], Generic[R]):
    """A step, or a sub-step returning R.

    Subclasses give STEP, TITLE_KEY (or `title_text`) and HELP_KEY, and compose their form in
    `body`.
    """

    STEP: ClassVar[Step]
    TITLE_KEY: ClassVar[str]
    HELP_KEY: ClassVar[str]
    # True on a screen shown once the person's decision is stored: leaving it loses nothing,
    # so the app does not ask « Quitter la page ? ».
    NOTHING_TO_LOSE: ClassVar[bool] = False
    # What the screen returns when the person goes back (see `cancelled`).
    CANCELLED: ClassVar[object] = None
    # Set by the app's router on the screen of a journey step, or of the login (not on a
    # sub-step they open): what was typed on the screens below it no longer counts.
    is_step: bool = False

    BINDINGS = [
        Binding("escape", "back", t("key.back"), tooltip=t("key.back.tip"), id="back"),
        Binding("f1", "help", t("key.help"), tooltip=t("key.help.tip"), id="help"),
        Binding(
            "f3",
            "toggle_password",
            t("key.show_password"),
            tooltip=t("key.show_password.tip"),
            id="show-password",
        ),
    ]

    def __init_subclass__(cls, **kwargs: object) -> None:
        """A step's screen is worded as its journey description says: its title and help
        keys come from there (`core.journey`), not from the screen."""
        super().__init_subclass__(**kwargs)  # type: ignore[arg-type]
        step = cls.__dict__.get("STEP")
        if step is not None and not hasattr(cls, "TITLE_KEY") and not hasattr(cls, "HELP_KEY"):
            described = step_wording(step)
            cls.TITLE_KEY = described.title_key
            cls.HELP_KEY = described.help_key

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        # A key typed in a field draws from the widgets it touches (see compositor.py).
        self._compositor = TightCompositor()

    @property
    def msa(self) -> MesSanteApp:
        return cast("MesSanteApp", self.app)

    def _size_classes(self) -> None:
        """The classes Textual gives a screen for the terminal's width (`-narrow`, `-wide`,
        app.py) at its first Resize, given before its first styles and layout: given then,
        after the first frame, they restyled the whole screen and laid it out again."""
        app = self.app
        horizontal = (
            app.HORIZONTAL_BREAKPOINTS
            if self.HORIZONTAL_BREAKPOINTS is None
            else self.HORIZONTAL_BREAKPOINTS
        ) or []
        vertical = (
            app.VERTICAL_BREAKPOINTS
            if self.VERTICAL_BREAKPOINTS is None
            else self.VERTICAL_BREAKPOINTS
        ) or []
        # Chosen as Textual's own Resize handler chooses them (Textual is pinned).
        chosen = self._get_breakpoint_classes(app.size.width, horizontal)
        chosen |= self._get_breakpoint_classes(app.size.height, vertical)
        classes = {name: name in chosen for _, name in horizontal + vertical}
        self.update_classes(classes, update=False)

    def compose(self) -> ComposeResult:
        self._size_classes()
        yield SimulationNotice(clock_moved_to=self.msa.clock_moved_to())
        with Horizontal(id="layout"):
            # Not a Tab stop: its focus would be invisible; the fields scroll it into view.
            with VerticalScroll(id="main", can_focus=False):
                stage = self.msa.stage_of(self.stepper_step())
                # A logged-in person acting in their space is not in the activation journey.
                if stage >= 0 and not self.msa.logged_in:
                    from mes_sante_tui.widgets.stepper import Stepper

                    yield Stepper(self.msa.stages(), stage)
                yield Static(self.title_text(), classes="screen-title", markup=False)
                yield from self.body()
            # Filled here when it is shown, so that its first frame is the full one.
            visible = self.msa.outbox_visible
            messages, up_to = self.msa.outbox_messages() if visible else (None, 0)
            panel = OutboxPanel(
                id="outbox", known_up_to=self.msa.outbox_baseline, messages=messages, up_to=up_to
            )
            panel.display = visible
            yield panel
        yield KeysFooter()

    def title_text(self) -> str:
        return t(self.TITLE_KEY)

    def stepper_step(self) -> Step:
        return self.STEP

    def body(self) -> Iterable[Widget]:
        return ()

    async def _on_message(self, message: Message) -> None:
        """Every handler of the screen (a button, a submitted field, on_mount...) runs here:
        a store that fails during a step is said by the app over this screen, which keeps
        what was typed, instead of stopping the application."""
        try:
            await super()._on_message(message)
        except StoreError as error:
            self.msa.store_failed(error)

    def on_mount(self) -> None:
        self.place_guide_hints()

    # --- guided mode ---------------------------------------------------------------------

    def guide_page(self) -> Page | None:
        """The page of the guides this screen shows, whose hints the guided mode places."""
        from .guided import PAGE_OF_SCREEN

        return PAGE_OF_SCREEN.get(type(self).__name__)

    def place_guide_hints(self) -> None:
        """The guides' hints of this page beside their targets when the guided mode is on,
        none when it is off (called again when the setting or the page changes)."""
        if not self.msa.guided and not self.query("GuideHint"):
            return  # no hint to place nor to take away
        from .guided import place_hints

        hints = self.msa.guide_hints(self.guide_page())
        main = self.query("#main")
        if main:  # not while the screen is torn down half-composed (the app stopping)
            place_hints(main.first(), hints)

    def on_screen_suspend(self) -> None:
        if isinstance(self.app.screen, ModalScreen):
            # A dialog on top: its scrollbar is the only one drawn (see app.tcss).
            self.add_class("-under-dialog")
        else:
            # Another step hides this one whole: no class to restyle it for (a whole-screen
            # restyle and a layout nobody would see, at every step).
            self._drop_rendered_lines()

    def _drop_rendered_lines(self) -> None:
        """Another step hides this one: forget the lines its widgets rendered (a few MB a
        screen, and a journey keeps its steps stacked so that going back finds them). They
        are drawn again if the screen comes back; a dialog on top keeps them, as it leaves
        the screen in view."""
        for widget in self.walk_children(Widget, with_self=False):
            widget._render_cache = _RenderCache(_NO_SIZE, [])
            widget._set_dirty()

    def on_screen_resume(self) -> None:
        self.remove_class("-under-dialog")
        # After the first paint: the step's form shows at once, the messages a moment later.
        self.call_after_refresh(self.msa.refresh_outbox)

    # --- errors --------------------------------------------------------------------------

    def refuse(self, refused: Refused, fields: Mapping[str, FormField]) -> None:
        """Errors stay on the form; a situation (not found, expired…) gets its own screen."""
        if refused.outcome is not None and not refused.errors:
            self.clear_refusal(fields)
            self.app.post_message(self.Situation(self, refused))
        else:
            self.show_refusal(refused.errors, fields, refused.message)

    def show_refused(self, refused: Refused) -> None:
        """A refusal the router met on this screen's behalf (« Gérer le profil »…)."""
        self.refuse(refused, {})

    def show_refusal(
        self, errors: Mapping[str, str], fields: Mapping[str, FormField], message: str | None = None
    ) -> None:
        """Each error under its field and in the summary; what was typed stays as it was."""
        for name, field in fields.items():
            field.set_error(errors.get(name))
        from mes_sante_tui.widgets.form_field import ErrorSummary

        summary = self.query_one(ErrorSummary)
        summary.show_message(message)
        in_error = self._fields_in_error()
        summary.show_errors([(field.label, field.error or "") for field in in_error])
        if in_error:
            in_error[0].input_widget.focus()
        elif message:
            summary.focus()

    def _fields_in_error(self) -> list[FormField]:
        """The fields showing an error, in the order the screen shows them."""
        from mes_sante_tui.widgets.form_field import FormField

        return [field for field in self.query(FormField) if field.error is not None]

    def on_form_field_error_cleared(self, event: FormField.ErrorCleared) -> None:
        """A field corrected: the summary no longer lists it (and goes when nothing is left)."""
        from mes_sante_tui.widgets.form_field import ErrorSummary

        summary = self.query(ErrorSummary)
        if summary:
            summary.first().show_errors(
                [(field.label, field.error or "") for field in self._fields_in_error()]
            )

    def clear_refusal(self, fields: Mapping[str, FormField]) -> None:
        self.show_refusal({}, fields)

    # --- actions -------------------------------------------------------------------------

    def help_paragraphs(self) -> list[str]:
        """The text of this screen's F1 help (the keys are added from its live bindings),
        then, in a training scenario, its goal and traps."""
        return [t(self.HELP_KEY), *self.msa.training_help()]

    def action_help(self) -> None:
        from mes_sante_tui.dialogs.screen_help import ScreenHelpScreen, key_lines

        self.app.push_screen(
            ScreenHelpScreen(self.title_text(), self.help_paragraphs(), key_lines(self))
        )

    def action_back(self) -> None:
        """Escape, and the screen's « Retour » / « Annuler »: the app's router decides where
        it leads, and asks first when something would be lost."""
        self.msa.back(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape is offered (footer, F1) only where the router says it leads somewhere."""
        if action == "back":
            return self.msa.can_go_back(self)
        if action == "toggle_password":  # F3: only where a password is typed
            return self._types_a_password()
        return True

    # Whether the screen has a password field, once it is mounted (None: not asked yet).
    _password_field: bool | None = None

    def _types_a_password(self) -> bool:
        """A password field is composed with its screen: the screen's widgets are searched
        once, not at every focus change (where the footer asks for the keys offered)."""
        if self._password_field is None:
            found = bool(self.query("PasswordPair"))  # by name: no import to answer it
            if not self.is_mounted:  # not composed yet: asked again
                return found
            self._password_field = found
        return self._password_field

    def action_toggle_password(self) -> None:
        from mes_sante_tui.widgets.password_pair import PasswordPair

        for pair in self.query(PasswordPair):
            pair.toggle()

    class Done(Message):
        """A screen hands what the person chose, or what the engine accepted, to the app's
        router, which decides what comes next. The screen stays where it is: going back
        finds it as it was."""

        def __init__(self, screen: JourneyScreen[Any], result: object) -> None:
            self.screen = screen
            self.result = result
            super().__init__()

    class Situation(Message):
        """A refusal that is a situation (not found, expired, locked…): the router shows it
        on a screen of its own, with the ways forward, over this one."""

        def __init__(self, screen: JourneyScreen[Any], refused: Refused) -> None:
            self.screen = screen
            self.refused = refused
            super().__init__()

    def done(self, result: object = None) -> None:
        """Hand `result` to the router (see `Done`)."""
        self.app.post_message(self.Done(self, result))

    def on_unmount(self) -> None:
        # A flow waiting for this screen learns that it was closed without an answer.
        self.msa.screen_closed(self)

    def cancelled(self) -> object:
        """What this screen returns to whoever opened it when the person goes back."""
        return self.CANCELLED

    def would_lose(self) -> Loss | None:
        """What leaving this screen now would lose: by default, text typed in its fields.

        A password does not count: it is never kept anywhere, and is typed again anyway."""
        # Found by name: a screen without fields loads no Input.
        fields = cast("list[Input]", list(self.query("Input")))
        if any(field.value.strip() and not field.password for field in fields):
            return Loss.TYPED
        return None

    # --- focus ---------------------------------------------------------------------------

    def focus_to_correct(self) -> None:
        """Focus the field to correct: the first one in error, else the first one."""
        from mes_sante_tui.widgets.form_field import FormField

        fields = self._fields_in_error() or list(self.query(FormField))
        reachable = [field for field in fields if field.input_widget.focusable]
        if reachable:
            reachable[0].input_widget.focus()
