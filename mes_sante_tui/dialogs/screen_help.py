"""The F1 help of the current screen, with the keys that work on it and the 3422 line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Checkbox, RadioButton, RadioSet

from mes_sante_tui.dialogs.document import DialogScreen, para
from mes_sante_tui.dialogs.help_contact import contact_widgets
from mes_sante_tui.wording import FR, t


def _binding_line(screen: Screen[Any], binding: Binding) -> str:
    worded = f"help.keys.binding.{binding.id}"
    if binding.id and worded in FR:
        return t(worded)
    return t("help.keys.line", name=screen.app.get_key_display(binding), what=binding.description)


def key_lines(screen: Screen[Any]) -> list[str]:
    """The keys that work on `screen` as it is now, one line each.

    Tab and Enter, Space and the arrows when the screen shows boxes or choices, then the
    screen's live bindings (those of the focused widget, the screen and the app, as the footer
    shows them: a binding hidden by `check_action` is left out), then the scrolling keys."""
    lines = [t("help.keys.tab"), t("help.keys.enter")]
    if any(widget.display for widget in screen.query(Checkbox)) or any(
        widget.display for widget in screen.query(RadioButton)
    ):
        lines.append(t("help.keys.space"))
    if any(widget.display for widget in screen.query(RadioSet)):
        lines.append(t("help.keys.choices"))
    for active in screen.active_bindings.values():
        if active.binding.show and active.enabled:
            line = _binding_line(screen, active.binding)
            if line not in lines:
                lines.append(line)
    lines.append(t("help.keys.scroll"))
    return lines


class ScreenHelpScreen(DialogScreen):
    """What the current screen asks for (`lines`), the keys that work on it (`keys`, see
    `key_lines`), and how to get help."""

    def __init__(self, title: str, lines: Sequence[str], keys: Sequence[str]) -> None:
        super().__init__(t("help.screen.title", title=title))
        self.lines = tuple(lines)
        self.keys = tuple(keys)

    def compose_body(self) -> ComposeResult:
        for line in self.lines:
            yield para(line)
        yield para(t("help.keys.title"), "help-heading")
        for index, key in enumerate(self.keys):
            yield para(key, "help-list" if index < len(self.keys) - 1 else "")
        yield para(t("help.contact.title"), "help-heading")
        yield from contact_widgets()
