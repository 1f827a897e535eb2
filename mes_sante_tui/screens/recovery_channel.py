"""Where to receive the forgotten identifier, or the one-time code of a new password: the
contacts on file, masked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.access import CodeOnItsWay
from mes_sante_tui.core.engine import ChannelOption
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Channel
from mes_sante_tui.dialogs.help_contact import HelpContactScreen
from mes_sante_tui.widgets import ChannelChoice, ErrorSummary, FormField, LinkButton
from mes_sante_tui.wording import t

from .base import JourneyScreen

Purpose = Literal["identifier", "password"]


def where_sent(sent: CodeOnItsWay) -> str:
    """« par e-mail (m*****@exemple.fr) », « par SMS (** ** ** *3 14) », « par courrier … »."""
    return t(f"recovery.where.{sent.channel.value}", masked=sent.masked)


class RecoveryChannelScreen(JourneyScreen[CodeOnItsWay | None]):
    """Sends the identifier (`purpose` "identifier") or a one-time code ("password") where the
    person chose; returns where it went, or None when the person goes back."""

    STEP = Step.HOME
    HELP_KEY = "recovery_channel.help"
    AUTO_FOCUS = "#channel"

    def __init__(self, purpose: Purpose, channels: Sequence[ChannelOption]) -> None:
        self.purpose: Purpose = purpose
        self.channels = tuple(channels)
        super().__init__()

    def title_text(self) -> str:
        return t(f"recovery_channel.{self.purpose}.title")

    def body(self) -> Iterable[Widget]:
        self.fields = {"channel": FormField(t("field.channel"), ChannelChoice(self.channels))}
        yield Static(t(f"recovery_channel.{self.purpose}.intro"), classes="lead", markup=False)
        if [o.channel for o in self.channels] == [Channel.LETTER]:
            yield Static(t("recovery_channel.letter_only"), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields["channel"]
        yield LinkButton(t("link.contacts_wrong"), id="contacts-wrong")
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.back"), id="cancel")
            yield Button(t("recovery_channel.send"), id="send", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "send":
                self.submit()
            case "contacts-wrong":
                self.app.push_screen(HelpContactScreen())
            case "cancel":
                self.action_back()

    def submit(self) -> None:
        session = self.msa.session
        if session is None:
            return
        channel = self.query_one(ChannelChoice).channel
        if channel is None:
            # Said here in the words of this recovery; the engine's own check speaks of a
            # provisional code.
            required = t(f"recovery_channel.{self.purpose}.required")
            self.show_refusal({"channel": required}, self.fields)
            return
        access = self.msa.engine.access
        if self.purpose == "identifier":
            result = access.send_identifier(session, channel)
        else:
            result = access.send_password_code(session, channel)
        if isinstance(result, CodeOnItsWay):
            self.msa.refresh_outbox()
            self.dismiss(result)
        else:
            self.refuse(result, self.fields)
