"""« L'opération n'a pas pu aboutir »: the store failed during a step (locked by another
program, read-only, disk full, data reset from elsewhere).

Shown over the step, whose fields keep what was typed: closing it goes back to them, to try
again. When the data were reset, the journey cannot go on: the only way is the home page.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from mes_sante_tui.core.results import StoreProblem
from mes_sante_tui.wording import t


class StoreProblemScreen(ModalScreen[None]):
    """The message for one `StoreProblem`; dismissed with None (the app decides what next)."""

    DEFAULT_CSS = """
    StoreProblemScreen {
        align: center middle;
        & > #dialog {
            width: 68;
            max-width: 100%;
            height: auto;
            border: thick $error;
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
            &:focus {
                border: thick $accent;
            }
        }
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
        super().__init__()

    @property
    def ends_journey(self) -> bool:
        return self.problem is StoreProblem.VANISHED

    def compose(self) -> ComposeResult:
        label = t("store.session.home") if self.ends_journey else t("store.session.understood")
        with Vertical(id="dialog"):
            yield Static(t("store.session.title"), id="dialog-title", markup=False)
            yield Static(t(f"store.session.{self.problem.value}"), id="dialog-text", markup=False)
            with HorizontalGroup(id="dialog-buttons"):
                yield Button(label, id="close", variant="primary", classes="dialog-button")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
