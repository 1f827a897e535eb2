"""« L'opération n'a pas pu aboutir »: the store failed during a step (locked by another
program, read-only, disk full, data reset from elsewhere).

Shown over the step, whose fields keep what was typed: closing it goes back to them, to try
again. When the data were reset, the journey cannot go on: the only way is the home page.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Static

from mes_sante_tui.core.results import StoreProblem
from mes_sante_tui.wording import t

from .base import Dialog


class StoreProblemScreen(Dialog[None]):
    """The message for one `StoreProblem`; dismissed with None (the app decides what next)."""

    DEFAULT_CSS = """
    StoreProblemScreen > #dialog {
        width: 68;
        border: thick $error;
    }
    """

    AUTO_FOCUS = "#close"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "close",
            t("store.session.key.close"),
            tooltip=t("store.session.key.close.tip"),
            id="store_problem.close",
        ),
    ]

    def __init__(self, problem: StoreProblem) -> None:
        self.problem = problem
        super().__init__(t("store.session.title"))

    @property
    def ends_journey(self) -> bool:
        return self.problem is StoreProblem.VANISHED

    def compose_body(self) -> ComposeResult:
        yield Static(t(f"store.session.{self.problem.value}"), id="dialog-text", markup=False)

    def compose_buttons(self) -> ComposeResult:
        label = t("store.session.home") if self.ends_journey else t("store.session.understood")
        yield Button(label, id="close", variant="primary", classes="dialog-button")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
