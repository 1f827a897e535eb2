"""« Quitter la page ? »: asked before leaving a journey half-way."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from mes_sante_tui.wording import t


class QuitConfirmScreen(ModalScreen[bool]):
    """Returns True to leave, False to stay (the default button, and Escape)."""

    DEFAULT_CSS = """
    QuitConfirmScreen {
        align: center middle;
        & > #dialog {
            width: 64;
            max-width: 100%;
            height: auto;
            border: thick $warning;
            background: $surface;
            padding: 1 2;
        }
        & #dialog-title {
            width: 1fr;
            text-style: bold;
            margin-bottom: 1;
        }
        & #dialog-text {
            width: 1fr;
            margin-bottom: 1;
        }
        & #dialog-buttons {
            height: auto;
            align-horizontal: right;
        }
        & Button.dialog-button {
            border: tall $panel;
            margin-left: 2;
            &:focus {
                border: thick $accent;
            }
        }
    }
    """

    AUTO_FOCUS = "#stay"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "stay",
            t("quit.key.stay"),
            tooltip=t("quit.key.stay.tooltip"),
            id="quit.stay",
        ),
    ]

    def __init__(self, message: str | None = None) -> None:
        """`message`: what leaving would lose (by default, the activation in progress)."""
        super().__init__()
        self.message = message or t("quit.body")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("quit.title"), id="dialog-title", markup=False)
            yield Static(self.message, id="dialog-text", markup=False)
            with HorizontalGroup(id="dialog-buttons"):
                yield Button(t("quit.stay"), id="stay", variant="primary", classes="dialog-button")
                yield Button(t("quit.leave"), id="quit", variant="error", classes="dialog-button")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "quit")

    def action_stay(self) -> None:
        self.dismiss(False)
