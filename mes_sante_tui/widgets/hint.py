"""One of the guides' callouts, shown in the guided mode just before what it points to."""

from __future__ import annotations

from textual.widgets import Static


class GuideHint(Static):
    """« 1. Renseignez ces champs », « Étape 2 : … »: the guide's words, number included.

    In the layout flow (never over a field), just before the field, link or button it points
    to, so that read from top to bottom the hints come in the order Tab goes. Not a Tab stop:
    its number and words say what it is, the band and its edge only mark it out, so it reads
    the same in monochrome. `target` is the id of what it points to."""

    DEFAULT_CSS = """
    GuideHint {
        width: auto;
        max-width: 1fr;
        height: auto;
        margin-top: 1;
        padding: 0 1;
        border-left: outer $warning;
        background: $warning-muted;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, text: str, *, target: str) -> None:
        super().__init__(text, markup=False, classes="guide-hint")
        self.target = target
        self.words = text
