"""The permanent notice that everything on screen is a simulation."""

from __future__ import annotations

from textual.widgets import Static

from mes_sante_tui.wording import t


class SimulationNotice(Static):
    """One high-contrast line docked at the top of every screen."""

    DEFAULT_CSS = """
    SimulationNotice {
        dock: top;
        width: 1fr;
        height: 1;
        background: $warning;
        color: $text;
        text-style: bold;
        text-align: center;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(t("widget.notice"), markup=False, id=id, classes=classes)
