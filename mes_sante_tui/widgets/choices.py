"""Radio buttons and check boxes whose state shows in the symbol, not by colour alone.

Textual draws « ▐●▌ » for a radio button and « ▐X▌ » for a box whether on or off, with only
the colour changing: unreadable in monochrome, on a braille line or in a screen capture. These
draw « (•) / ( ) » and « [✓] / [ ] » instead.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Checkbox, RadioButton, RadioSet


def _wrapped_height(
    toggle: RadioButton | Checkbox, container: Size, viewport: Size, width: int
) -> int:
    """The lines a toggle's label takes once wrapped to `width`: Widget's own measure, which
    Textual's toggles replace by one line whatever their label (and cut it with « … »)."""
    return Widget.get_content_height(toggle, container, viewport, width)


class ChoiceButton(RadioButton):
    """A radio button: « (•) » when chosen, « ( ) » otherwise. A long label wraps: Textual
    cuts it with « … », which hid « … de Léa Leguellec » beside the outbox."""

    DEFAULT_CSS = """
    ChoiceButton {
        height: auto;
        text-wrap: wrap;
        text-overflow: fold;
    }
    """

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--label")
        return Content.styled("(•)" if self.value else "( )", style)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return _wrapped_height(self, container, viewport, width)


class TickBox(Checkbox):
    """A check box: « [✓] » when ticked, « [ ] » otherwise; a long label wraps."""

    DEFAULT_CSS = """
    TickBox {
        height: auto;
        text-wrap: wrap;
        text-overflow: fold;
    }
    """

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--label")
        return Content.styled("[✓]" if self.value else "[ ]", style)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return _wrapped_height(self, container, viewport, width)


class ChoiceSet(RadioSet):
    """A radio set whose keyboard highlight starts on the option already chosen.

    Textual puts it on the first option, so Enter at once would silently change the choice.
    """

    def on_mount(self) -> None:
        # After RadioSet's own mount handler, which puts the highlight on the first option.
        self.call_after_refresh(self._highlight_pressed)

    def _highlight_pressed(self) -> None:
        # Straight to it: counting "next" presses would go wrong when the set holds a
        # disabled line between its options (an option's sentence, on the decision screen).
        if self.pressed_index >= 0:
            self._selected = self.pressed_index
