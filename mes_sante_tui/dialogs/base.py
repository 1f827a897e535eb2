"""The one dialog frame: centred, bordered, keyboard-only; a title, a body, a row of buttons
on the right and the footer of its keys. Each dialog gives its body, its buttons, its width
and border colour, and what Escape does."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import HorizontalGroup, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

R = TypeVar("R")


class Dialog(ModalScreen[R], Generic[R]):
    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        & > #dialog {
            width: 64;
            max-width: 100%;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
        & #dialog-title {
            width: 1fr;
            text-style: bold;
            margin-bottom: 1;
        }
        & #dialog-text, & .dialog-text {
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

    def __init__(self, title: str) -> None:
        super().__init__()
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.dialog_title, id="dialog-title", markup=False)
            yield from self.compose_body()
            with HorizontalGroup(id="dialog-buttons"):
                yield from self.compose_buttons()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        """What the dialog says, between its title and its buttons."""
        yield from ()

    def compose_buttons(self) -> ComposeResult:
        """The dialog's buttons, the first one focused unless AUTO_FOCUS says otherwise."""
        yield from ()
