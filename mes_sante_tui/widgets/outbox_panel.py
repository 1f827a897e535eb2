"""The simulated outbox: what the person would have received, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual._context import NoActiveAppError
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import Static

from mes_sante_tui.core.models import Channel, OutboxMessage
from mes_sante_tui.wording import t

SEPARATOR = "─" * 38


def channel_name(channel: Channel) -> str:
    """« E-mail », « SMS » or « Courrier »."""
    return t(f"widget.outbox.channel.{channel.value}")


def _message(message: OutboxMessage, new: bool) -> Content:
    lines: list[Content] = []
    if new:
        lines.append(Content.styled(t("widget.outbox.new"), "bold $text-warning"))
    when = t(
        "widget.outbox.when",
        channel=channel_name(message.channel),
        date=message.at.strftime("%d/%m/%Y %H:%M"),
    )
    lines.append(Content.styled(when, "bold"))
    if message.sender:
        lines.append(Content(t("widget.outbox.sender", sender=message.sender)))
    lines.append(Content(t("widget.outbox.masked", address=message.masked_address)))
    lines.append(Content(t("widget.outbox.full", address=message.address)))
    if message.subject:
        lines.append(Content.styled(t("widget.outbox.subject", subject=message.subject), "bold"))
    lines.append(Content(message.body))
    return Content("\n").join(lines)


def _moved_down(line: Strip, rows: int) -> Strip:
    """`line` with the text offsets its cells carry (for a mouse selection) `rows` lower."""
    segments = []
    for text, style, control in line:
        offset = style.meta.get("offset") if style is not None else None
        if style is not None and offset is not None:
            style = style + RichStyle.from_meta({"offset": (offset[0], offset[1] + rows)})
        segments.append(Segment(text, style, control))
    return Strip(segments, line.cell_length)


# The height of a message's text at a width (and wrapping rules), for every panel: each
# step's screen has its own panel, showing mostly the same messages at the same widths.
_HEIGHTS: dict[tuple[str, int, int, str, str], int] = {}
_HEIGHTS_KEPT = 1000


class MessageList(Static):
    """The messages, one under the other: a Static whose lines are drawn message by message.

    A Static renders all its lines whenever one of them is shown: thirty messages are some
    500 lines, of which the panel shows about 35, and every step's screen has its own panel.
    Here each message (with the separator above it) is wrapped and drawn only when one of its
    lines is on screen. It shows the same lines as the whole text would (the text is split at
    line ends, and Textual wraps each line on its own), and its `visual` is the whole text.
    """

    def __init__(self, content: str, *, classes: str | None = None) -> None:
        super().__init__(content, classes=classes, markup=False)
        # Each message's text, from the top; empty while the panel has no message.
        self._parts: list[Content] = []
        # Heights of the parts at a width, and the lines of the parts drawn since the last
        # change (of text, size or style).
        self._heights: dict[int, list[int]] = {}
        self._drawn: dict[int, list[Strip]] = {}

    def show_parts(self, parts: list[Content], separator: str, style: str) -> None:
        """Show `parts`, with a line `separator` in `style` between two of them."""
        between = Content.styled(f"\n{separator}\n", style)
        above = Content.styled(f"{separator}\n", style)
        self._parts = [part if n == 0 else above + part for n, part in enumerate(parts)]
        self._heights.clear()
        self.update(between.join(parts))

    def show_text(self, text: str) -> None:
        self._parts = []
        self._heights.clear()
        self.update(text)

    def _part_heights(self, width: int) -> list[int]:
        heights = self._heights.get(width)
        if heights is None:
            # As Textual measures a Static: its styles are the rules the text reads.
            rules = self.styles
            how = (width, rules.line_pad, rules.text_overflow, rules.text_wrap)
            heights = []
            for part in self._parts:
                key = (part.plain, *how)
                height = _HEIGHTS.get(key)
                if height is None:
                    if len(_HEIGHTS) >= _HEIGHTS_KEPT:
                        _HEIGHTS.clear()
                    height = _HEIGHTS[key] = part.get_height(rules, width)  # type: ignore[arg-type]
                heights.append(height)
            self._heights[width] = heights
        return heights

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self._parts or not width:
            return super().get_content_height(container, viewport, width)
        return sum(self._part_heights(width))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._heights.clear()

    def _set_dirty(self, *regions: object) -> None:
        super()._set_dirty(*regions)  # type: ignore[arg-type]
        self._drawn = {}

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if not self._parts or self.text_selection is not None or not width:
            # A mouse selection counts its lines from the top of the whole text.
            return super().render_line(y)
        if self._dirty_regions:
            self._drawn = {}
            self._dirty_regions.clear()
        top = 0
        for n, height in enumerate(self._part_heights(width)):
            if y < top + height:
                lines = self._drawn.get(n)
                if lines is None:
                    lines = Visual.to_strips(self, self._parts[n], width, None, self.visual_style)
                    # The text's lines above this message: where a mouse selection starts.
                    above = sum(part.plain.count("\n") + 1 for part in self._parts[:n])
                    lines = [_moved_down(line, above) for line in lines] if above else lines
                    self._drawn[n] = lines
                if y - top < len(lines):
                    return lines[y - top]
                break
            top += height
        return Strip.blank(width, self.visual_style.rich_style)


class OutboxPanel(VerticalScroll):
    """A panel docked on the right, focusable and scrollable by keyboard.

    A message is marked « ● Nouveau » when its id is greater than `known_up_to`: the app gives
    the last id before the current journey, so the mark means "arrived during this journey".
    """

    DEFAULT_CSS = """
    OutboxPanel {
        dock: right;
        width: 44;
        height: 1fr;
        background: $panel;
        border: round $primary;
        padding: 0 1;
        &:focus {
            border: thick $accent;
            background-tint: $foreground 5%;
        }
        & > .outbox-heading {
            text-style: bold;
            width: 1fr;
        }
        & > .outbox-order {
            color: $text-muted;
            width: 1fr;
            margin-bottom: 1;
        }
        & > .outbox-messages {
            width: 1fr;
        }
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
        self.can_focus = True
        self._seen_up_to = known_up_to
        self.messages: tuple[OutboxMessage, ...] = ()
        self.new_ids: frozenset[int] = frozenset()
        # The outbox's newest id when the messages shown were read; None: never filled.
        self.shown_up_to: int | None = None
        # The lines of the messages shown, whatever the width (see `_keep_scrollbar_room`).
        self._message_lines = 0
        self._heading = Static(self._heading_text(), classes="outbox-heading", markup=False)
        self._body = MessageList(t("widget.outbox.empty"), classes="outbox-messages")
        if messages is not None:
            self.show_messages(messages, up_to)

    def compose(self) -> ComposeResult:
        yield self._heading
        yield Static(t("widget.outbox.order"), classes="outbox-order", markup=False)
        yield self._body

    def _heading_text(self) -> str:
        count = len(self.messages)
        counted = (
            t("widget.outbox.count.one") if count == 1 else t("widget.outbox.count.many", n=count)
        )
        return t("widget.outbox.heading", count=counted)

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
        self._heading.update(self._heading_text())
        if not ordered:
            self._body.show_text(t("widget.outbox.empty"))
            self._keep_scrollbar_room(0)
            return
        blocks = [_message(m, m.id in self.new_ids) for m in ordered]
        self._body.show_parts(blocks, SEPARATOR, "$foreground-muted")
        self._keep_scrollbar_room(sum(block.plain.count("\n") + 2 for block in blocks))

    def on_resize(self) -> None:
        # A terminal made taller may now hold every message: no room kept then.
        self._keep_scrollbar_room(self._message_lines)

    def _keep_scrollbar_room(self, lines: int) -> None:
        """Messages of more `lines` than the terminal has rows overflow the panel, at any
        width: the room of its scrollbar is kept from the first layout, where the scrollbar
        is drawn once that layout has measured them. Textual would lay the panel out once
        without it, then again, narrower, with it (and draw the panel at both widths)."""
        self._message_lines = lines
        try:
            rows = self.app.size.height
        except NoActiveAppError:  # built before the app runs: its first layout decides
            return
        if rows and lines > rows:
            self.styles.scrollbar_gutter = "stable"
        else:
            self.styles.inline.clear_rule("scrollbar_gutter")
