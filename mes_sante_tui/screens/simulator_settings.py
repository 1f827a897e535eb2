"""The simulator's settings: journey variant, password rule version and the screen's theme."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, RadioSet, Static

from mes_sante_tui.core.settings import DisplayTheme, JourneyVariant, RuleVersion, Settings
from mes_sante_tui.widgets import ChoiceButton, ChoiceSet, FormField, TickBox
from mes_sante_tui.wording import t


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
            yield FormField(
                t("settings.journey"),
                ChoiceSet(
                    *(
                        ChoiceButton(
                            t(f"settings.journey.{v.value}"),
                            id=f"journey-{v.value}",
                            value=v is current.journey,
                        )
                        for v in JourneyVariant
                    ),
                    id="journey",
                ),
                hint=t("settings.journey.hint"),
            )
            yield FormField(
                t("settings.rules"),
                ChoiceSet(
                    *(
                        ChoiceButton(
                            t(f"settings.rules.{v.value}"),
                            id=f"rules-{v.value}",
                            value=v is current.rule_version,
                        )
                        for v in RuleVersion
                    ),
                    id="rules",
                ),
                hint=t("settings.rules.hint"),
            )
            yield FormField(
                t("settings.guided"),
                TickBox(t("settings.guided.box"), current.guided, id="guided"),
                hint=t("settings.guided.hint"),
                required=False,
            )
            yield FormField(
                t("settings.theme"),
                ChoiceSet(
                    *(
                        ChoiceButton(
                            t(f"settings.theme.{v.value}"),
                            id=f"theme-{v.value}",
                            value=v is current.theme,
                        )
                        for v in DisplayTheme
                    ),
                    id="theme",
                ),
                hint=t("settings.theme.hint"),
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
            self.dismiss(
                replace(
                    self.settings,
                    journey=JourneyVariant(self._chosen("journey")),
                    rule_version=RuleVersion(self._chosen("rules")),
                    guided=self.query_one("#guided", Checkbox).value,
                    theme=DisplayTheme(self._chosen("theme")),
                )
            )
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
