"""A screen's compositor that draws a partial update from the widgets it touches only.

On a partial update (a key typed in a field, a rule of the checklist that changes), Textual
renders every visible widget whose *clip* meets the area to draw: on a form, the clip of each
widget of the scrolling column is the whole column, so every label, hint and field of the
form was rendered again (from its cache) for each key, only for the lines outside the area to
be thrown away. Here the widgets are chosen by their visible part (their region within their
clip): the others have no cell in the area, so what is drawn is the same, from fewer widgets.

Textual is pinned exactly (pyproject.toml); tests/ui/test_compositor.py checks that a
partial update draws the same cells as Textual's own compositor.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class TightCompositor(Compositor):
    """`Compositor`, whose renders for an area come from the widgets visible in that area."""

    # The area being rendered, while `_get_renders` picks its widgets.
    _crop: Region | None = None

    @property
    def visible_widgets(self) -> dict[Widget, tuple[Region, Region]]:
        widgets = super().visible_widgets
        crop = self._crop
        if crop is None:
            return widgets
        overlaps = crop.overlaps
        return {
            widget: (region, clip)
            for widget, (region, clip) in widgets.items()
            if overlaps(region.intersection(clip))
        }

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None or crop.contains_region(self.size.region):
            # A full update: every visible widget has its part in it.
            yield from super()._get_renders(crop)
            return
        renders = iter(super()._get_renders(crop))
        # Textual's generator lists its widgets before its first render: only then is the
        # narrower choice in force.
        self._crop = crop
        try:
            first = next(renders, None)
        finally:
            self._crop = None
        if first is None:
            return
        yield first
        yield from renders
