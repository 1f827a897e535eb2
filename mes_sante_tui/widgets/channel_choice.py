"""Where to receive a code (or a forgotten identifier): the contacts on file, masked, as a
radio choice. Used by the code step, « Générer un nouveau code provisoire » and both
recoveries."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import RadioSet

from mes_sante_tui.core.engine import ChannelOption
from mes_sante_tui.core.models import Channel
from mes_sante_tui.wording import t

from .choices import ChoiceButton


class ChannelChoice(RadioSet):
    """« Par e-mail : dlf*****@atos.net », « Par SMS : ** ** ** *3 77 »…; the only one
    chosen already when there is one. `channel` is the one chosen, or None."""

    DEFAULT_CSS = """
    ChannelChoice {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, options: Sequence[ChannelOption], *, id: str = "channel") -> None:
        buttons = [
            ChoiceButton(
                t(f"channel.{o.channel.value}", masked=o.masked),
                id=f"channel-{o.channel.value}",
                value=len(options) == 1,
            )
            for o in options
        ]
        super().__init__(*buttons, id=id)

    @property
    def channel(self) -> Channel | None:
        pressed = self.pressed_button
        if pressed is None or pressed.id is None:
            return None
        return Channel(pressed.id.removeprefix("channel-"))
