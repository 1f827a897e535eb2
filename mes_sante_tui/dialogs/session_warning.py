"""« Votre session va expirer » — warned before, with a key to extend it (RGAA 13.1).

The time left is counted down every second while the warning is open; the app ends the
session on time whether or not the warning is open (it then replaces the warning with
« Votre session a expiré »).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Static

from mes_sante_tui.core.durations import countdown_words
from mes_sante_tui.wording import t

from .base import Dialog

TICK_SECONDS = 1.0


class SessionWarningScreen(Dialog[bool]):
    """Returns True when the person asks for more time.

    `time_left` is asked every second, so the countdown follows the session's clock (the
    simulated one included)."""

    AUTO_FOCUS = "#extend"
    BINDINGS = [
        Binding(
            "escape", "extend", t("session.extend"), tooltip=t("session.extend.tip"), id="extend"
        ),
    ]
    DEFAULT_CSS = """
    SessionWarningScreen > #dialog {
        border: thick $warning;
    }
    """

    def __init__(self, time_left: Callable[[], timedelta]) -> None:
        self.time_left = time_left
        super().__init__(t("session.warning.title"))

    @property
    def text(self) -> str:
        return t("session.warning.body", left=countdown_words(self.time_left()))

    def compose_body(self) -> ComposeResult:
        yield Static(self.text, id="session-left", classes="dialog-text", markup=False)

    def compose_buttons(self) -> ComposeResult:
        yield Button(t("session.extend"), id="extend", variant="primary", classes="dialog-button")

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self.count_down)

    def count_down(self) -> None:
        """Say the time left as it is now."""
        self.query_one("#session-left", Static).update(self.text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(True)

    def action_extend(self) -> None:
        self.dismiss(True)
