"""« Envoi du code provisoire » (guide 002, 3/3): the reception channel, masked contacts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.engine import ChannelOption, CodeSent
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Channel
from mes_sante_tui.core.results import Refused
from mes_sante_tui.dialogs.help_contact import HelpContactScreen
from mes_sante_tui.widgets import ChannelChoice, ErrorSummary, FormField, LinkButton
from mes_sante_tui.wording import t

from .base import JourneyScreen


class SendCodeScreen(JourneyScreen[CodeSent | None]):
    """Returns where the code went, or None when the person goes back."""

    STEP = Step.IDENTIFY
    TITLE_KEY = "send_code.title"
    HELP_KEY = "send_code.help"
    AUTO_FOCUS = "#channel"

    def __init__(
        self,
        options: Sequence[ChannelOption],
        child_name: str | None,
        send: Callable[[Channel | None], CodeSent | Refused],
    ) -> None:
        """Handed the contacts on file (masked), the child's name (None: one's own
        profile) and the call that sends the code."""
        self.options = tuple(options)
        self.child_name = child_name
        self.send = send
        super().__init__()

    def body(self) -> Iterable[Widget]:
        options = self.options
        self.fields = {"channel": FormField(t("field.channel"), ChannelChoice(options))}
        if self.child_name is not None:
            yield Static(t("send_code.for_child", name=self.child_name), classes="lead")
        if [o.channel for o in options] == [Channel.LETTER]:
            yield Static(t("send_code.letter_only"), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields["channel"]
        yield LinkButton(t("link.contacts_wrong"), id="contacts-wrong")
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.back"), id="cancel")
            yield Button(t("button.validate"), id="validate", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "validate":
                self.submit()
            case "contacts-wrong":
                self.app.push_screen(HelpContactScreen())
            case "cancel":
                self.action_back()

    def submit(self) -> None:
        channel = self.query_one(ChannelChoice).channel
        result = self.send(channel)
        if isinstance(result, CodeSent):
            self.dismiss(result)
        else:
            self.refuse(result, self.fields)
