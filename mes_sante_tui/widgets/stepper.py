"""The progress line of the identity-first journey: « Étape 2 sur 4 : Mon code »."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from mes_sante_tui.wording import t

DONE = "✓"
CURRENT = "●"
PENDING = "○"
SEPARATOR = " ─ "


class Stepper(Widget):
    """Two lines: the current step in words, then every step with its state symbol.

    `current` is 0-based; -1 hides the stepper. States are given by a symbol (✓ done,
    ● current, ○ to do, explained by a legend), the current step is in bold: never colour alone.
    """

    DEFAULT_CSS = """
    Stepper {
        width: 1fr;
        height: auto;
        padding: 0 1;
        margin-bottom: 1;
        color: $text;
    }
    """

    current: reactive[int] = reactive(0, layout=True)

    def __init__(
        self,
        steps: Sequence[str],
        current: int = 0,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.steps: tuple[str, ...] = tuple(steps)
        self.set_reactive(Stepper.current, self.validate_current(current))
        self.display = self.current >= 0

    def validate_current(self, current: int) -> int:
        return max(-1, min(current, len(self.steps) - 1))

    def watch_current(self, current: int) -> None:
        self.display = current >= 0

    def set_current(self, index: int) -> None:
        """Show step `index` (0-based) as the current one; -1 hides the stepper."""
        self.current = index

    def _step(self, index: int, name: str) -> Content:
        if index < self.current:
            return Content.styled(f"{DONE} {name}", "$text-success")
        if index == self.current:
            return Content.styled(f"{CURRENT} {name}", "bold $text-accent")
        return Content.styled(f"{PENDING} {name}", "$foreground-muted")

    @property
    def heading(self) -> str:
        """« Étape 2 sur 4 : Mon code », or an empty string when hidden."""
        if self.current < 0:
            return ""
        return t(
            "widget.stepper.heading",
            n=self.current + 1,
            total=len(self.steps),
            name=self.steps[self.current],
        )

    def render(self) -> Content:
        if self.current < 0:
            return Content("")
        parts = Content(SEPARATOR).join(
            self._step(index, name) for index, name in enumerate(self.steps)
        )
        return Content.assemble(
            (self.heading, "bold"),
            " ",
            (t("widget.stepper.legend"), "$foreground-muted"),
            "\n",
            parts,
        )
