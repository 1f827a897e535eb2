"""The simulator's settings: journey variant, password rule version, guided mode, the screen's
theme, and the service's unpublished figures (kept in the store by the app: `mes-sante-tui
reglages` shows them too)."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, RadioSet, Static

from mes_sante_tui.core.settings import (
    DisplayTheme,
    Figure,
    FigureError,
    FigureValue,
    JourneyVariant,
    RuleVersion,
    Settings,
    figure_typed,
    figures_of,
    read_figure,
    with_figures,
)
from mes_sante_tui.widgets import ChoiceButton, ChoiceSet, FormField, TickBox
from mes_sante_tui.widgets.text_input import TextInput
from mes_sante_tui.wording import t


def _choices(key: str, kind: type[StrEnum], chosen: StrEnum) -> FormField:
    """One setting chosen among the values of `kind`, each worded `settings.KEY.VALUE`."""
    return FormField(
        t(f"settings.{key}"),
        ChoiceSet(
            *(
                ChoiceButton(
                    t(f"settings.{key}.{v.value}"), id=f"{key}-{v.value}", value=v is chosen
                )
                for v in kind
            ),
            id=key,
        ),
        hint=t(f"settings.{key}.hint"),
    )

class SimulatorSettingsScreen(ModalScreen[Settings | None]):
    """Returns the new settings, or None when cancelled."""

    AUTO_FOCUS = "#journey"
    BINDINGS = [
        Binding(
            "escape", "cancel", t("button.cancel"), tooltip=t("settings.cancel.tip"), id="cancel"
        ),
    ]
    DEFAULT_CSS = """
    SimulatorSettingsScreen {
        align: center middle;
    }
    SimulatorSettingsScreen > VerticalScroll {
        width: 80;
        max-height: 90%;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    SimulatorSettingsScreen .title {
        text-style: bold;
        margin-bottom: 1;
    }
    SimulatorSettingsScreen RadioSet:focus, SimulatorSettingsScreen Button:focus,
    SimulatorSettingsScreen TickBox:focus {
        border: thick $accent;
    }
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        super().__init__()

    def compose(self) -> ComposeResult:
        current = self.settings
        with VerticalScroll(can_focus=False):  # its focus would draw nothing
            yield Static(t("settings.title"), classes="title", markup=False)
            yield _choices("journey", JourneyVariant, current.journey)
            yield _choices("rules", RuleVersion, current.rule_version)
            yield FormField(
                t("settings.guided"),
                TickBox(t("settings.guided.box"), current.guided, id="guided"),
                hint=t("settings.guided.hint"),
                required=False,
            )
            yield _choices("theme", DisplayTheme, current.theme)
            yield Static(t("settings.figures"), classes="title", markup=False)
            yield Static(t("settings.figures.hint"), markup=False)
            for figure, value in figures_of(current).items():
                yield FormField(
                    t(f"figure.{figure.value}"),
                    TextInput(figure_typed(figure, value), id=f"figure-{figure.value}"),
                    hint=t(f"figure.{figure.value}.hint"),
                    id=f"field-{figure.value}",
                )
            with HorizontalGroup():
                yield Button(t("button.cancel"), id="cancel")
                yield Button(t("button.validate"), id="validate", variant="primary")
        yield Footer()

    def _chosen(self, radio_id: str) -> str:
        pressed = self.query_one(f"#{radio_id}", RadioSet).pressed_button
        assert pressed is not None and pressed.id is not None
        return pressed.id.removeprefix(f"{radio_id}-")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "validate":
            self.validate()
        else:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.validate()

    def validate(self) -> None:
        """The settings chosen, once every figure typed is one (else each error under its
        field, what was typed kept, the first field in error focused)."""
        chosen = replace(
            self.settings,
            journey=JourneyVariant(self._chosen("journey")),
            rule_version=RuleVersion(self._chosen("rules")),
            guided=self.query_one("#guided", Checkbox).value,
            theme=DisplayTheme(self._chosen("theme")),
        )
        values: dict[Figure, FigureValue] = {}
        errors: dict[Figure, str] = {}
        for figure in Figure:
            typed = self.query_one(f"#figure-{figure.value}", Input).value
            try:
                values[figure] = read_figure(figure, typed)
            except FigureError as refused:
                errors[figure] = refused.message
        if not errors:
            try:
                chosen = with_figures(chosen, values)
            except FigureError as refused:
                errors[Figure.WARNING] = refused.message
        for figure in Figure:
            self.query_one(f"#field-{figure.value}", FormField).set_error(errors.get(figure))
        if errors:
            self.query_one(f"#figure-{next(iter(errors)).value}", Input).focus()
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
