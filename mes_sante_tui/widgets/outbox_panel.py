"""The simulated outbox: what the person would have received, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
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
        self._heading = Static(self._heading_text(), classes="outbox-heading", markup=False)
        self._body = Static(t("widget.outbox.empty"), classes="outbox-messages", markup=False)
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
            self._body.update(t("widget.outbox.empty"))
            return
        blocks = [_message(m, m.id in self.new_ids) for m in ordered]
        separator = Content.styled(f"\n{SEPARATOR}\n", "$foreground-muted")
        self._body.update(separator.join(blocks))
