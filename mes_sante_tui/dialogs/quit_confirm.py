"""« Quitter la page ? »: asked before leaving a journey half-way."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Static

from mes_sante_tui.wording import t

from .base import Dialog


class QuitConfirmScreen(Dialog[bool]):
    """Returns True to leave, False to stay (the default button, and Escape)."""

    DEFAULT_CSS = """
    QuitConfirmScreen {
        & > #dialog {
            border: thick $warning;
        }
        & Button.dialog-button {
            margin-left: 2;
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
        super().__init__(t("quit.title"))
        self.message = message or t("quit.body")

    def compose_body(self) -> ComposeResult:
        yield Static(self.message, id="dialog-text", markup=False)

    def compose_buttons(self) -> ComposeResult:
        yield Button(t("quit.stay"), id="stay", variant="primary", classes="dialog-button")
        yield Button(t("quit.leave"), id="quit", variant="error", classes="dialog-button")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "quit")

    def action_stay(self) -> None:
        self.dismiss(False)
