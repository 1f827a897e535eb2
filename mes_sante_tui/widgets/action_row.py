"""A row of buttons that fits its width: side by side when they fit, else one a line.

Used by the journey's screens (their `.actions` rows) and by the dialogs (`#dialog-buttons`),
so that no button is ever cut on a narrow terminal. The choice is made by the row's layout,
at every layout of the row (a resize, a label or a button shown or hidden): nothing is drawn
side by side first and stacked afterwards. Stacked, each button takes the whole width of the
row, so that a long label shows whole. The buttons stay in the order they were given, which
is also the order of the focus (Tab), whatever the layout.

The layout asks Textual's own (private) box model for each button's height: Textual is pinned
exactly (pyproject.toml), and tests/ui/test_widgets.py checks both arrangements.
"""

from __future__ import annotations

from fractions import Fraction

from textual.containers import HorizontalGroup
from textual.geometry import NULL_OFFSET, Region, Size
from textual.layout import ArrangeResult, Layout, WidgetPlacement
from textual.layouts.horizontal import HorizontalLayout
from textual.widget import Widget


def side_by_side_width(placements: ArrangeResult) -> int:
    """The width a horizontal arrangement takes, margins included."""
    if not placements:
        return 0
    return max(placement.region.right + placement.margin.right for placement in placements)


class FittingRowLayout(Layout):
    """A horizontal layout that stacks its children, each the whole width, when they do not
    fit side by side."""

    name = "fitting-row"

    def __init__(self) -> None:
        self._horizontal = HorizontalLayout()

    def arrange(
        self, parent: Widget, children: list[Widget], size: Size, greedy: bool = True
    ) -> ArrangeResult:
        placements = self._horizontal.arrange(parent, children, size, greedy)
        # A width of 0 is asked when the row's own width is being found: side by side then.
        stacked = 0 < size.width < side_by_side_width(placements)
        if isinstance(parent, ActionRow):
            parent.stacked = stacked
        return self._stack(parent, children, size) if stacked else placements

    def _stack(self, parent: Widget, children: list[Widget], size: Size) -> ArrangeResult:
        """One child a line, the row's whole width (their side margins left out); the space
        between two of them is the larger of their facing margins, as in a vertical layout."""
        viewport = parent.app.viewport_size
        placements: list[WidgetPlacement] = []
        y, margin_above = 0, 0
        for index, child in enumerate(children):
            # Its height as wrapped within the row's width (a long label takes two lines).
            box = child._get_box_model(
                size, viewport, Fraction(size.width), Fraction(size.height),
                constrain_width=True,
            )
            margin = box.margin
            y += margin.top if index == 0 else max(margin_above, margin.top)
            height = int(box.height)
            placements.append(
                WidgetPlacement(
                    region=Region(0, y, size.width, height),
                    offset=NULL_OFFSET,
                    margin=margin,
                    widget=child,
                )
            )
            y += height
            margin_above = margin.bottom
        return placements


class ActionRow(HorizontalGroup):
    """Buttons side by side when they fit the row's width, else stacked, each the whole width.

    The layout alone decides, so no style may depend on it (a style that changed the
    buttons' widths could make the row change its mind at every layout): `stacked` tells
    how the row was last laid out, for who needs to know."""

    DEFAULT_CSS = """
    ActionRow {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(
        self, *children: Widget, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(*children, id=id, classes=classes)
        self._fitting_layout = FittingRowLayout()
        self.stacked = False

    @property
    def layout(self) -> Layout:
        return self._fitting_layout
