"""« Envoi du code provisoire » (guide 002, 3/3): the reception channel, masked contacts."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, RadioSet, Static

from mes_sante_tui.core.engine import CodeSent
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Channel
from mes_sante_tui.widgets import ErrorSummary, FormField, LinkButton
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .channels import channel_choice, chosen_channel
from .help_contact import HelpContactScreen


class SendCodeScreen(JourneyScreen[CodeSent | None]):
    """Returns where the code went, or None when the person goes back."""

    STEP = Step.IDENTIFY
    TITLE_KEY = "send_code.title"
    HELP_KEY = "send_code.help"
    AUTO_FOCUS = "#channel"

    def body(self) -> Iterable[Widget]:
        session = self.msa.session
        assert session is not None
        options = self.msa.engine.channels(session)
        self.fields = {"channel": FormField(t("field.channel"), channel_choice(options))}
        person = self.msa.store.person(session.person_id or 0)
        if person.parent_id is not None:
            yield Static(t("send_code.for_child", name=person.full_name), classes="lead")
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
        session = self.msa.session
        assert session is not None
        channel = chosen_channel(self.query_one("#channel", RadioSet))
        result = self.msa.engine.send_code(session, channel)
        if isinstance(result, CodeSent):
            self.dismiss(result)
        else:
            self.refuse(result, self.fields)
