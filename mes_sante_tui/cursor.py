"""Where the terminal's own cursor goes: on the focused control, whatever it is.

Textual places the terminal cursor only for the widgets one types in (Input, TextArea); on a
button, a link, a choice or a check box it stays where the last field left it, so a screen
magnifier, a braille display or a screen reader that follows the cursor loses the focus.
`focus_cursor` says where it belongs for any focused widget: the app applies it before each
screen update (see `MesSanteApp._display`), so it also follows a scroll or a layout change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.geometry import Offset, Region
from textual.widget import Widget
from textual.widgets import Button

from mes_sante_tui.loaded import is_loaded_instance

if TYPE_CHECKING:
    from textual.widgets import Input, RadioSet, TextArea

# The kinds of widget placed apart are looked up where their modules may already be loaded,
# never imported for this: none can exist before its module is loaded, and the home page has
# none (TextArea's module alone, its themes and tree-sitter glue, costs about 10 ms).
_INPUT = ("textual.widgets._input", "Input")
_RADIO_SET = ("textual.widgets._radio_set", "RadioSet")
_TEXT_AREA = ("textual.widgets._text_area", "TextArea")

# Shows the terminal's cursor (DECTCEM), which Textual's driver hides when it starts.
SHOW_CURSOR = "\x1b[?25h"


def focus_cursor(widget: Widget | None) -> Offset | None:
    """The cell of the screen where the cursor shows `widget`'s focus, or None when the
    widget is not on screen (scrolled out of sight, or not laid out yet)."""
    if widget is None or not widget.is_mounted:
        return None
    if is_loaded_instance(widget, *_INPUT):
        return _caret(cast("Input", widget))
    if is_loaded_instance(widget, *_TEXT_AREA):
        area = cast("TextArea", widget)
        return area.cursor_screen_offset if _visible(area) else None
    if is_loaded_instance(widget, *_RADIO_SET):
        # The highlighted option, the one Enter or Space would choose.
        # (`_selected` counts every child, a line of text between options included.)
        index = cast("RadioSet", widget)._selected
        children = widget.children
        if index is not None and 0 <= index < len(children):
            return _start_of(children[index])
        return _start_of(widget)
    if isinstance(widget, Button):
        return _label_start(widget)
    # A check box: on its « [✓] »; a scrolled text or a panel: its first cell.
    return _start_of(widget)


def _visible(widget: Widget) -> bool:
    return bool(widget.region) and widget.content_region.area > 0


def _caret(field: Input) -> Offset | None:
    """The cell where Input draws its caret: where the next character typed goes.

    Not `Input.cursor_screen_offset`, which puts the terminal's cursor one cell past the
    caret when it is at the end of the text (Textual 8.2.8 adds one cell there)."""
    if not _visible(field):
        return None
    x, y, width, _height = field.content_region
    column = field._position_to_cell(field.cursor_position) - field.scroll_offset.x
    return Offset(x + max(0, min(column, width - 1)), y)


def _start_of(widget: Widget) -> Offset | None:
    if not _visible(widget):
        return None
    return widget.content_region.offset


def _label_start(button: Button) -> Offset | None:
    """The first letter of a button's label (centred in a button, at the left of a link)."""
    if not _visible(button):
        return None
    region: Region = button.content_region
    pad = button.styles.line_pad  # Button pads each line of its label by one cell
    room = max(1, region.width - 2 * pad)
    label_width = Content.from_text(button.label).cell_length
    lines = max(1, -(-label_width // room))
    width = min(label_width, room)
    x = {"center": (room - width) // 2, "right": room - width}.get(button.styles.text_align, 0)
    middle = button.styles.content_align_vertical == "middle"
    y = max(0, (region.height - lines) // 2) if middle else 0
    return region.offset + Offset(pad + max(0, x), y)
