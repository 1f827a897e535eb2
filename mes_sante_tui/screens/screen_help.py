"""The F1 help of the current screen, with the keys reminder and the 3422 line."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult

from mes_sante_tui.screens.document import DialogScreen, para
from mes_sante_tui.screens.help_contact import contact_widgets
from mes_sante_tui.wording import t

KEY_LINES = (
    "help.keys.tab",
    "help.keys.enter",
    "help.keys.escape",
    "help.keys.f1",
    "help.keys.f2",
    "help.keys.quit",
    "help.keys.scroll",
)


class ScreenHelpScreen(DialogScreen):
    """What the current screen asks for (`lines`), the keys, and how to get help."""

    def __init__(self, title: str, lines: Sequence[str]) -> None:
        super().__init__(t("help.screen.title", title=title))
        self.lines = tuple(lines)

    def compose_body(self) -> ComposeResult:
        for line in self.lines:
            yield para(line)
        yield para(t("help.keys.title"), "help-heading")
        for index, key in enumerate(KEY_LINES):
            yield para(t(key), "help-list" if index < len(KEY_LINES) - 1 else "")
        yield para(t("help.contact.title"), "help-heading")
        yield from contact_widgets()
