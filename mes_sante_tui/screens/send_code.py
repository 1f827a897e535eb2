"""Where to receive a code: « Envoi du code provisoire » (guide 002, 3/3), and where to receive
the forgotten identifier or the one-time code of a new password. The contacts on file, masked,
as one channel choice; one screen, each use saying only its words and its engine call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.engine import ChannelOption, CodeSent
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Channel
from mes_sante_tui.core.results import Refused
from mes_sante_tui.dialogs.help_contact import HelpContactScreen
from mes_sante_tui.widgets import ActionRow, ChannelChoice, ErrorSummary, FormField, LinkButton
from mes_sante_tui.wording import t

from .base import JourneyScreen

# The call that sends, to the channel chosen (None: nothing chosen).
SendCall = Callable[[Channel | None], CodeSent | Refused]


class ChannelScreen(JourneyScreen[CodeSent | None]):
    """Handed the contacts on file (masked) and the call that sends; returns where it went,
    or None when the person goes back. Subclasses give their words: what stands above the
    choice (`intro`), the sentence when the letter is the only way, the send button."""

    AUTO_FOCUS = "#channel"
    LETTER_ONLY_KEY: ClassVar[str]
    SEND_ID: ClassVar[str]
    SEND_KEY: ClassVar[str]

    def __init__(self, options: Sequence[ChannelOption], send: SendCall) -> None:
        self.options = tuple(options)
        self.send = send
        super().__init__()

    def intro(self) -> Iterable[Widget]:
        return ()

    def body(self) -> Iterable[Widget]:
        self.fields = {"channel": FormField(t("field.channel"), ChannelChoice(self.options))}
        yield from self.intro()
        if [o.channel for o in self.options] == [Channel.LETTER]:
            yield Static(t(self.LETTER_ONLY_KEY), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields["channel"]
        yield LinkButton(t("link.contacts_wrong"), id="contacts-wrong")
        with ActionRow(classes="actions"):
            yield Button(t("button.back"), id="cancel")
            yield Button(t(self.SEND_KEY), id=self.SEND_ID, variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case self.SEND_ID:
                self.submit()
            case "contacts-wrong":
                self.app.push_screen(HelpContactScreen())
            case "cancel":
                self.action_back()

    def required(self) -> str | None:
        """What to say, before any call, when no channel is chosen (None: the engine says)."""
        return None

    def submit(self) -> None:
        channel = self.query_one(ChannelChoice).channel
        if channel is None and (required := self.required()) is not None:
            self.show_refusal({"channel": required}, self.fields)
            return
        result = self.send(channel)
        if isinstance(result, CodeSent):
            self.dismiss(result)
        else:
            self.refuse(result, self.fields)


class SendCodeScreen(ChannelScreen):
    """« Recevoir mon code provisoire », for one's own profile or a child's."""

    STEP = Step.IDENTIFY
    TITLE_KEY = "send_code.title"
    HELP_KEY = "send_code.help"
    LETTER_ONLY_KEY = "send_code.letter_only"
    SEND_ID = "validate"
    SEND_KEY = "button.validate"

    def __init__(
        self, options: Sequence[ChannelOption], child_name: str | None, send: SendCall
    ) -> None:
        """`child_name`: the child the code is for (None: one's own profile)."""
        self.child_name = child_name
        super().__init__(options, send)

    def intro(self) -> Iterable[Widget]:
        if self.child_name is not None:
            yield Static(t("send_code.for_child", name=self.child_name), classes="lead")
