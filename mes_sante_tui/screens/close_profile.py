"""« Clôturer Mon espace santé »: what closing means, the account's password, and the choice
to have the data deleted rather than archived. Acts on the session's profile: one's own, or a
child's once certified as its legal representative.

Returns what was closed, or None when the person cancels. Handed what it shows (a frozen view)
and its one engine call by the app: it reads neither the store nor the session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Static

from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.space import Closed
from mes_sante_tui.widgets import ActionRow, ErrorSummary, PasswordPair, TickBox
from mes_sante_tui.wording import t

from .base import JourneyScreen


@dataclass(frozen=True)
class CloseProfileView:
    """Whose profile is closed (None: one's own), and the account's identifier."""

    child_name: str | None
    identifier: str


# The closure: the account's password as typed, and whether to delete the data.
CloseCall = Callable[[str, bool], Closed | Refused]


class CloseProfileScreen(JourneyScreen[Closed | None]):
    STEP = Step.HOME
    TITLE_KEY = "close_profile.title"
    HELP_KEY = "close_profile.help"
    AUTO_FOCUS = "#password"

    def __init__(self, view: CloseProfileView, close: CloseCall) -> None:
        self.view = view
        self.close_call = close
        super().__init__()

    def body(self) -> Iterable[Widget]:
        identifier = self.view.identifier
        own = self.view.child_name is None
        self.pair = PasswordPair(
            t("close_profile.password"),
            t("close_profile.password.hint", identifier=identifier),
            show_label=t("close_profile.show"),
        )
        self.fields = dict(self.pair.fields)
        if not own:
            yield Static(
                t("close_profile.child", name=self.view.child_name), classes="lead", markup=False
            )
        yield Static(t("close_profile.archive"), classes="lead", markup=False)
        yield Static(t("close_profile.deletion"), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.pair
        yield TickBox(
            t("close_profile.delete")
            if own
            else t("close_profile.delete.child", name=self.view.child_name),
            id="delete",
        )
        with ActionRow(classes="actions"):
            yield Button(t("button.cancel"), id="cancel")
            yield Button(t("close_profile.submit"), id="close", variant="primary")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "close":
                self.submit()
            case "cancel":
                self.action_back()

    def submit(self) -> None:
        result = self.close_call(self.pair.password, self.query_one("#delete", Checkbox).value)
        if isinstance(result, Closed):
            self.dismiss(result)
        else:
            self.refuse(result, self.fields)
