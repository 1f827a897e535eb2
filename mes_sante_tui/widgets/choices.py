"""Radio buttons and check boxes whose state shows in the symbol, not by colour alone.

Textual draws « ▐●▌ » for a radio button and « ▐X▌ » for a box whether on or off, with only
the colour changing: unreadable in monochrome, on a braille line or in a screen capture. These
draw « (•) / ( ) » and « [✓] / [ ] » instead.
"""

from __future__ import annotations

from typing import ClassVar, cast

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Checkbox, RadioButton, RadioSet


def _wrapping_css(type_name: str) -> str:
    """A toggle whose long label wraps (Textual's cut it with « … »)."""
    return f"""
    {type_name} {{
        height: auto;
        text-wrap: wrap;
        text-overflow: fold;
    }}
    """


class _SymbolToggle:
    """What both toggles share: the symbol that says the state, and a height measured on
    the wrapped label. A mixin, not a widget: each toggle keeps its own place among
    Textual's (a common widget base once made the radio sets too wide)."""

    ON: ClassVar[str]
    OFF: ClassVar[str]

    @property
    def _button(self) -> Content:
        toggle = cast("RadioButton | Checkbox", self)
        style = toggle.get_visual_style("toggle--label")
        return Content.styled(self.ON if toggle.value else self.OFF, style)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The lines the label takes once wrapped to `width`: Widget's own measure, which
        Textual's toggles replace by one line whatever their label."""
        return Widget.get_content_height(cast(Widget, self), container, viewport, width)


class ChoiceButton(_SymbolToggle, RadioButton):
    """A radio button: « (•) » when chosen, « ( ) » otherwise. A long label wraps: Textual
    cuts it with « … », which hid « … de Léa Leguellec » beside the outbox."""

    DEFAULT_CSS = _wrapping_css("ChoiceButton")
    ON, OFF = "(•)", "( )"


class TickBox(_SymbolToggle, Checkbox):
    """A check box: « [✓] » when ticked, « [ ] » otherwise; a long label wraps."""

    DEFAULT_CSS = _wrapping_css("TickBox")
    ON, OFF = "[✓]", "[ ]"


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
