"""The permanent notice that everything on screen is a simulation."""

from __future__ import annotations

from datetime import datetime

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

    def __init__(
        self,
        *,
        clock_moved_to: datetime | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        text = t("widget.notice")
        if clock_moved_to is not None:
            # A trainer moved the simulated clock: say which day it is in the simulation.
            text += t("widget.notice.clock", when=f"{clock_moved_to:%d/%m/%Y %H:%M}")
        super().__init__(text, markup=False, id=id, classes=classes)
