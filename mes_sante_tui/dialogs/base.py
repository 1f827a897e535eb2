"""The one dialog frame: centred, bordered, keyboard-only; a title, a body, a row of buttons
on the right (stacked, each the dialog's width, where they do not fit side by side) and the
footer of its keys. Each dialog gives its body, its buttons, its width and border colour, and
what Escape does. On a terminal too short for the whole dialog, the part of its body that
scrolls (if it has one) gives way, so that its buttons stay in sight."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import ScrollableContainer, Vertical
from textual.geometry import Size
from textual.layout import ArrangeResult, Layout
from textual.layouts.vertical import VerticalLayout
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Static

from mes_sante_tui.widgets.action_row import ActionRow

R = TypeVar("R")

# The fewest lines a part that scrolls keeps when the dialog gives way to a short terminal.
FEWEST_LINES = 3


class FrameLayout(VerticalLayout):
    """The dialog's parts one under the other; when they are taller than the room the screen
    leaves (a short terminal), the first part that scrolls gives way, down to FEWEST_LINES,
    so that what follows it (the buttons) stays in sight."""

    name = "dialog-frame"

    def arrange(
        self, parent: Widget, children: list[Widget], size: Size, greedy: bool = True
    ) -> ArrangeResult:
        placements = super().arrange(parent, children, size, greedy)
        if size.height <= 0 or not placements:  # no room given: the natural height is measured
            return placements
        over = max(p.region.bottom + p.margin.bottom for p in placements) - size.height
        scrolling = [
            index for index, placement in enumerate(placements)
            if isinstance(placement.widget, ScrollableContainer)
        ]
        if over <= 0 or not scrolling:
            return placements
        first = scrolling[0]
        region = placements[first].region
        lost = min(over, max(0, region.height - FEWEST_LINES))
        placements[first] = placements[first]._replace(
            region=region._replace(height=region.height - lost)
        )
        for index in range(first + 1, len(placements)):
            placements[index] = placements[index]._replace(
                region=placements[index].region.translate((0, -lost))
            )
        return placements


class DialogFrame(Vertical):
    """The dialog's border and what it holds, laid out by FrameLayout."""

    def __init__(self, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self._frame_layout = FrameLayout()

    @property
    def layout(self) -> Layout:
        return self._frame_layout


class Dialog(ModalScreen[R], Generic[R]):
    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        & > #dialog {
            width: 64;
            max-width: 100%;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
        & #dialog-title {
            width: 1fr;
            text-style: bold;
            margin-bottom: 1;
        }
        & #dialog-text, & .dialog-text {
            width: 1fr;
            margin-bottom: 1;
        }
        & #dialog-buttons {
            height: auto;
            align-horizontal: right;
        }
        & Button.dialog-button {
            border: tall $panel;
            &:focus {
                border: thick $accent;
            }
        }
    }
    """

    def __init__(self, title: str) -> None:
        super().__init__()
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with DialogFrame(id="dialog"):
            yield Static(self.dialog_title, id="dialog-title", markup=False)
            yield from self.compose_body_frame()
            with ActionRow(id="dialog-buttons"):
                yield from self.compose_buttons()
        yield Footer()

    def compose_body_frame(self) -> ComposeResult:
        """The body as it stands between the title and the buttons (a long document's
        dialog puts it in a scrolling column)."""
        yield from self.compose_body()

    def compose_body(self) -> ComposeResult:
        """What the dialog says, between its title and its buttons."""
        yield from ()

    def compose_buttons(self) -> ComposeResult:
        """The dialog's buttons, the first one focused unless AUTO_FOCUS says otherwise."""
        yield from ()
