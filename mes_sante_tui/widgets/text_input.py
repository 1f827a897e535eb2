"""A text field with a steady cursor, that does not lay the screen out again at each key.

A blinking cursor distracts some readers and is redrawn twice a second; a steady one is as
visible (the focus border says where typing goes) and renders the same at every instant.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input


class TextInput(Input):
    cursor_blink = reactive(False, init=False)

    def _watch_value(self, value: str) -> None:
        # Input sets its virtual size to (content width, 1) at each change, a value the
        # screen's layout then sets back: the whole form was laid out again for every key
        # typed. A one-line field keeps its size whatever is typed (it scrolls itself), so
        # the value is set here without asking for a layout, and Input's own assignment finds
        # nothing to change.
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
