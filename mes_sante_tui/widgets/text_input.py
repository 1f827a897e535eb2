"""A text field with a steady cursor.

A blinking cursor distracts some readers and is redrawn twice a second; a steady one is as
visible (the focus border says where typing goes) and renders the same at every instant.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Input


class TextInput(Input):
    cursor_blink = reactive(False, init=False)
