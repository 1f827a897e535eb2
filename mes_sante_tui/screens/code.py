"""Identity first, « Mon code provisoire » (guide 000, étape 4): send, then type the code."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from textual.containers import VerticalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.engine import Accepted, ChannelOption, CodeSent
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Channel
from mes_sante_tui.core.results import Refused
from mes_sante_tui.dialogs.help_contact import HelpContactScreen
from mes_sante_tui.widgets import (
    ActionRow,
    ChannelChoice,
    ErrorSummary,
    FormField,
    LinkButton,
    TextInput,
)
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .vitale_form import MAX_TYPED


class CodeScreen(JourneyScreen[None]):
    STEP = Step.CODE
    AUTO_FOCUS = "#channel"

    def __init__(
        self,
        options: Sequence[ChannelOption],
        send: Callable[[Channel | None], CodeSent | Refused],
        verify: Callable[[str], Accepted | Refused],
    ) -> None:
        """Handed the contacts on file (masked), the call that sends the code to the one
        chosen and the call that checks the code typed."""
        self.options = tuple(options)
        self.send_call = send
        self.verify = verify
        super().__init__()

    def body(self) -> Iterable[Widget]:
        options = self.options
        self.fields = {
            "channel": FormField(t("field.channel"), ChannelChoice(options)),
            "code": FormField(
                t("field.code.identity"),
                TextInput(id="code", max_length=MAX_TYPED),
                hint=t("field.code.hint"),
            ),
        }
        yield Static(t("code.intro"), classes="lead", markup=False)
        if [o.channel for o in options] == [Channel.LETTER]:
            # No contacts on file: the letter, and how to update contacts with the caisse.
            yield Static(t("send_code.letter_only"), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields["channel"]
        yield LinkButton(t("link.contacts_wrong"), id="contacts-wrong")
        yield Button(t("code.send"), id="send", variant="primary")
        with VerticalGroup(id="entry"):  # as tall as its content: it scrolls with the form
            yield Static("", id="entry-title", classes="screen-title", markup=False)
            yield Static("", id="sent-to", classes="lead", markup=False)
            yield self.fields["code"]
            with ActionRow(classes="actions"):
                yield Button(t("button.back"), id="back")
                yield Button(t("button.next"), id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#entry").display = False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "send":
                self.send()
            case "contacts-wrong":
                self.app.push_screen(HelpContactScreen())
            case "continue":
                self.submit()
            case "back":
                self.action_back()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def send(self) -> None:
        channel = self.query_one(ChannelChoice).channel
        result = self.send_call(channel)
        if not isinstance(result, CodeSent):
            self.refuse(result, self.fields)
            return
        self.clear_refusal(self.fields)
        channel_name = result.channel.value
        self.query_one("#entry-title", Static).update(t(f"code.entry.{channel_name}"))
        self.query_one("#sent-to", Static).update(
            t(f"code.sent.{channel_name}", masked=result.masked)
        )
        self.query_one("#entry").display = True
        self.query_one("#send", Button).label = t("code.send_again")
        code = self.query_one("#code")
        code.focus()
        # Once the part just shown is laid out: at 80x24 the field is below the fold.
        self.call_after_refresh(code.scroll_visible, animate=False)
        self.msa.refresh_outbox()

    def submit(self) -> None:
        result = self.verify(self.query_one("#code", Input).value)
        if isinstance(result, Accepted):
            self.clear_refusal(self.fields)
            self.done()
        else:
            self.refuse(result, self.fields)
