"""Where to receive the forgotten identifier, or the one-time code of a new password: the
contacts on file, masked (the channel screen of `send_code`, in the words of a recovery)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from textual.widget import Widget
from textual.widgets import Static

from mes_sante_tui.core.access import CodeOnItsWay
from mes_sante_tui.core.engine import ChannelOption
from mes_sante_tui.core.journey import Step
from mes_sante_tui.wording import t

from .send_code import ChannelScreen, SendCall

Purpose = Literal["identifier", "password"]


def where_sent(sent: CodeOnItsWay) -> str:
    """« par e-mail (m*****@exemple.fr) », « par SMS (** ** ** *3 14) », « par courrier … »."""
    return t(f"recovery.where.{sent.channel.value}", masked=sent.masked)


class RecoveryChannelScreen(ChannelScreen):
    """Sends the identifier (`purpose` "identifier") or a one-time code ("password") where the
    person chose; returns where it went, or None when the person goes back."""

    STEP = Step.HOME
    HELP_KEY = "recovery_channel.help"
    LETTER_ONLY_KEY = "recovery_channel.letter_only"
    SEND_ID = "send"
    SEND_KEY = "recovery_channel.send"

    def __init__(
        self, purpose: Purpose, channels: Sequence[ChannelOption], send: SendCall
    ) -> None:
        self.purpose: Purpose = purpose
        super().__init__(channels, send)

    def title_text(self) -> str:
        return t(f"recovery_channel.{self.purpose}.title")

    def intro(self) -> Iterable[Widget]:
        yield Static(t(f"recovery_channel.{self.purpose}.intro"), classes="lead", markup=False)

    def required(self) -> str:
        # Said here in the words of this recovery; the engine's own check speaks of a
        # provisional code.
        return t(f"recovery_channel.{self.purpose}.required")
