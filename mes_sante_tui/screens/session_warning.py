"""« Votre session va expirer » — warned before, with a key to extend it (RGAA 13.1)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from mes_sante_tui.wording import count, t


class SessionWarningScreen(ModalScreen[bool]):
    """Returns True when the person asks for more time."""

    AUTO_FOCUS = "#extend"
    BINDINGS = [
        Binding(
            "escape", "extend", t("session.extend"), tooltip=t("session.extend.tip"), id="extend"
        ),
    ]
    DEFAULT_CSS = """
    SessionWarningScreen {
        align: center middle;
    }
    SessionWarningScreen > Vertical {
        width: 64;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    SessionWarningScreen .title {
        text-style: bold;
        margin-bottom: 1;
    }
    SessionWarningScreen Button:focus {
        border: thick $accent;
    }
    """

    def __init__(self, minutes_left: int) -> None:
        self.minutes_left = minutes_left
        super().__init__()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("session.warning.title"), classes="title", markup=False)
            wait = count("wait.minute", self.minutes_left)
            yield Static(t("session.warning.body", wait=wait), markup=False)
            yield Button(t("session.extend"), id="extend", variant="primary")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(True)

    def action_extend(self) -> None:
        self.dismiss(True)
