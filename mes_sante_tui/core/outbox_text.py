"""The text of one message of the simulated outbox, composed once for whoever shows it: the
outbox panel draws each line with the look of its role, the plain mode says the lines.

Only the wording catalogue is used here: the panel is on the start-up path, and the plain
mode loads no user interface.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from mes_sante_tui.wording import t

from .models import Channel, OutboxMessage


class Role(StrEnum):
    """What a line is to the message, which the panel shows by its look."""

    NEW = "new"  # « ● Nouveau »: the message arrived during the journey
    HEADING = "heading"  # the channel and the date, the message's first line
    STRONG = "strong"  # the subject
    PLAIN = "plain"


class MessageLine(NamedTuple):
    text: str
    role: Role = Role.PLAIN


def channel_name(channel: Channel) -> str:
    """« E-mail », « SMS » or « Courrier »."""
    return t(f"widget.outbox.channel.{channel.value}")


def message_lines(
    message: OutboxMessage, *, new: bool = False, masked: bool = True
) -> list[MessageLine]:
    """The lines of `message`: « ● Nouveau » when `new`, the channel and the date, the sender,
    the masked address (unless `masked` is False) and the full one, the subject, the body
    line by line."""
    lines: list[MessageLine] = []
    if new:
        lines.append(MessageLine(t("widget.outbox.new"), Role.NEW))
    when = t(
        "widget.outbox.when",
        channel=channel_name(message.channel),
        date=message.at.strftime("%d/%m/%Y %H:%M"),
    )
    lines.append(MessageLine(when, Role.HEADING))
    if message.sender:
        lines.append(MessageLine(t("widget.outbox.sender", sender=message.sender)))
    if masked:
        lines.append(MessageLine(t("widget.outbox.masked", address=message.masked_address)))
    lines.append(MessageLine(t("widget.outbox.full", address=message.address)))
    if message.subject:
        subject = t("widget.outbox.subject", subject=message.subject)
        lines.append(MessageLine(subject, Role.STRONG))
    lines.extend(MessageLine(text) for text in message.body.split("\n"))
    return lines
