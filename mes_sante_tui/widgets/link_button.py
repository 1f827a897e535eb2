"""The guides' underlined links, as focusable buttons.

A link opens a dialog or a sub-step at once; the 0.2 s "pressed" flash of a Button would only
linger, half drawn, behind the dialog it opened, so links have none.
"""

from __future__ import annotations

from textual.widgets import Button


class LinkButton(Button):
    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(label, id=id, classes="link")
        self.active_effect_duration = 0
