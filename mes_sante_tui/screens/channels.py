"""The reception channels of a provisional code, masked, as a radio choice."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import RadioSet

from mes_sante_tui.core.engine import ChannelOption
from mes_sante_tui.core.models import Channel
from mes_sante_tui.widgets import ChoiceButton
from mes_sante_tui.wording import t


def channel_choice(options: Sequence[ChannelOption]) -> RadioSet:
    """« Par e-mail : dlf*****@atos.net », « Par SMS : ** ** ** *3 77 »… the only one chosen."""
    buttons = [
        ChoiceButton(
            t(f"channel.{o.channel.value}", masked=o.masked),
            id=f"channel-{o.channel.value}",
            value=len(options) == 1,
        )
        for o in options
    ]
    return RadioSet(*buttons, id="channel")


def chosen_channel(radio_set: RadioSet) -> Channel | None:
    pressed = radio_set.pressed_button
    if pressed is None or pressed.id is None:
        return None
    return Channel(pressed.id.removeprefix("channel-"))
