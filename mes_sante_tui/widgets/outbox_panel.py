"""The simulated outbox: what the person would have received, newest first.

The panel draws only the lines in view (Textual's line API, as its Log widget does). Its text
is wrapped once per width, with the standard library: laying out thirty whole messages as
one wrapped text cost the first frame tens of milliseconds, and every layout after it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from mes_sante_tui.core.models import OutboxMessage
from mes_sante_tui.core.outbox_text import Role, message_lines
from mes_sante_tui.wording import t

SEPARATOR = "─" * 38


class Line(NamedTuple):
    """One line of the panel's text before wrapping, with the component class of its look
    ("" for the plain text)."""

    text: str
    look: str = ""


BLANK = Line("")


# The look of each role of a message's lines: its heading is bold, as its subject.
LOOKS = {
    Role.NEW: "outbox--new",
    Role.HEADING: "outbox--strong",
    Role.STRONG: "outbox--strong",
    Role.PLAIN: "",
}


def _message(message: OutboxMessage, new: bool) -> list[Line]:
    return [Line(text, LOOKS[role]) for text, role in message_lines(message, new=new)]


def wrap(lines: Sequence[Line], width: int) -> list[Line]:
    """Each line cut into lines of at most `width` characters, at spaces where it can (a
    word longer than the width is cut); an empty line stays one empty line."""
    if width < 1:
        return []
    wrapped: list[Line] = []
    for line in lines:
        if len(line.text) <= width:  # most lines: nothing to cut
            wrapped.append(line)
            continue
        parts = textwrap.wrap(line.text, width, break_on_hyphens=False, drop_whitespace=True)
        wrapped.extend(Line(part, line.look) for part in parts or [""])
    return wrapped


class OutboxPanel(ScrollView, can_focus=True):
    """A panel docked on the right, focusable and scrollable by keyboard.

    A message is marked « ● Nouveau » when its id is greater than `known_up_to`: the app gives
    the last id before the current journey, so the mark means "arrived during this journey".
    """

    COMPONENT_CLASSES = {
        "outbox--heading",
        "outbox--muted",
        "outbox--new",
        "outbox--separator",
        "outbox--strong",
    }

    DEFAULT_CSS = """
    OutboxPanel {
        dock: right;
        width: 44;
        height: 1fr;
        background: $panel;
        border: round $primary;
        padding: 0 1;
        /* The wrapping width does not depend on whether the text overflows. */
        scrollbar-gutter: stable;
        &:focus {
            border: thick $accent;
            background-tint: $foreground 5%;
        }
        & > .outbox--heading { text-style: bold; }
        & > .outbox--muted { color: $text-muted; }
        & > .outbox--new { text-style: bold; color: $text-warning; }
        & > .outbox--separator { color: $foreground-muted; }
        & > .outbox--strong { text-style: bold; }
    }
    """

    def __init__(
        self,
        *,
        known_up_to: int = 0,
        messages: Sequence[OutboxMessage] | None = None,
        up_to: int = 0,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`messages`, when given, are shown from the first frame (with `up_to`, the newest
        id of the outbox when they were read): no second layout to fill the panel."""
        super().__init__(id=id, classes=classes)
        self._seen_up_to = known_up_to
        self.messages: tuple[OutboxMessage, ...] = ()
        self.new_ids: frozenset[int] = frozenset()
        # The outbox's newest id when the messages shown were read; None: never filled.
        self.shown_up_to: int | None = None
        self._wrapped: list[Line] = []
        self._wrapped_at = -1  # the width `_wrapped` was cut for
        self._looks: dict[str, Style] = {}  # each look's style, until the styles change
        if messages is not None:
            self.show_messages(messages, up_to)
        else:
            self._text: list[Line] = self._compose_text()

    @property
    def text(self) -> str:
        """The panel's whole text, unwrapped: what a person can scroll through."""
        return "\n".join(line.text for line in self._text)

    def _heading_text(self) -> str:
        count = len(self.messages)
        counted = (
            t("widget.outbox.count.one") if count == 1 else t("widget.outbox.count.many", n=count)
        )
        return t("widget.outbox.heading", count=counted)

    def _compose_text(self) -> list[Line]:
        text = [
            Line(self._heading_text(), "outbox--heading"),
            Line(t("widget.outbox.order"), "outbox--muted"),
            BLANK,
        ]
        if not self.messages:
            return [*text, Line(t("widget.outbox.empty"))]
        separator = Line(SEPARATOR, "outbox--separator")
        for index, message in enumerate(self.messages):
            if index:
                text.append(separator)
            text.extend(_message(message, message.id in self.new_ids))
        return text

    def show_messages(self, messages: Sequence[OutboxMessage], up_to: int | None = None) -> None:
        """Show `messages` newest first, marking those that arrived after `known_up_to`;
        `up_to` is the outbox's newest id when they were read.

        The mark depends only on that fixed id, so showing the same messages again (a poll,
        a screen coming back) never changes what the person reads.
        """
        self.shown_up_to = up_to if up_to is not None else max((m.id for m in messages), default=0)
        ordered = sorted(messages, key=lambda message: (message.at, message.id), reverse=True)
        self.messages = tuple(ordered)
        self.new_ids = frozenset(m.id for m in ordered if m.id > self._seen_up_to)
        self._text = self._compose_text()
        self._wrapped_at = -1
        if self.is_mounted:
            self._wrap_to_width()
            self.refresh()

    def _text_width(self) -> int:
        return self.scrollable_content_region.width

    def _wrap_to_width(self) -> None:
        """Cut the text for the panel's width, once per width; the scrolling follows."""
        width = self._text_width()
        if width == self._wrapped_at:
            return
        self._wrapped = wrap(self._text, width)
        self._wrapped_at = width
        self.virtual_size = Size(width, len(self._wrapped))

    def on_resize(self) -> None:
        self._wrap_to_width()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._looks.clear()

    def _style_of(self, look: str) -> Style:
        style = self._looks.get(look)
        if style is None:
            style = self.rich_style
            if look:
                style += self.get_component_rich_style(look)
            self._looks[look] = style
        return style

    def render_line(self, y: int) -> Strip:
        self._wrap_to_width()  # a first frame may come before the resize is handled
        width = self._wrapped_at
        index = y + self.scroll_offset.y
        base = self._style_of("")
        if not 0 <= index < len(self._wrapped):
            return Strip.blank(width, base)
        line = self._wrapped[index]
        return Strip([Segment(line.text, self._style_of(line.look))]).adjust_cell_length(
            width, base
        )
