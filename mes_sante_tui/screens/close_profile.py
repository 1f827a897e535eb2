"""« Clôturer Mon espace santé »: what closing means, the account's password, and the choice
to have the data deleted rather than archived. Acts on the session's profile: one's own, or a
child's once certified as its legal representative.

Returns what was closed, or None when the person cancels.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Static

from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.space import Closed
from mes_sante_tui.widgets import ErrorSummary, FormField, TextInput, TickBox
from mes_sante_tui.wording import t

from .base import JourneyScreen

_MAX_PASSWORD = 200


class CloseProfileScreen(JourneyScreen[Closed | None]):
    STEP = Step.HOME
    TITLE_KEY = "close_profile.title"
    HELP_KEY = "close_profile.help"
    AUTO_FOCUS = "#password"
    BINDINGS = [
        Binding(
            "f3",
            "toggle_password",
            t("key.show_password"),
            tooltip=t("key.show_password.tip"),
            id="show-password",
        ),
    ]

    def body(self) -> Iterable[Widget]:
        session = self.msa.session
        assert session is not None and session.person_id is not None
        assert session.account_id is not None
        person = self.msa.store.person(session.person_id)
        own = person.id == session.account_id
        identifier = self.msa.store.account_identifier(session.account_id) or ""
        self.fields = {
            "password": FormField(
                t("close_profile.password"),
                TextInput(id="password", password=True, max_length=_MAX_PASSWORD),
                hint=t("close_profile.password.hint", identifier=identifier),
            )
        }
        if not own:
            yield Static(
                t("close_profile.child", name=person.full_name), classes="lead", markup=False
            )
        yield Static(t("close_profile.archive"), classes="lead", markup=False)
        yield Static(t("close_profile.deletion"), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields["password"]
        yield TickBox(t("close_profile.show"), id="show")
        yield TickBox(
            t("close_profile.delete")
            if own
            else t("close_profile.delete.child", name=person.full_name),
            id="delete",
        )
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.cancel"), id="cancel")
            yield Button(t("close_profile.submit"), id="close", variant="primary")

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "show":
            self.query_one("#password", Input).password = not event.value

    def action_toggle_password(self) -> None:
        box = self.query_one("#show", Checkbox)
        box.value = not box.value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "close":
                self.submit()
            case "cancel":
                self.action_back()

    def submit(self) -> None:
        session = self.msa.session
        if session is None:
            return
        result = self.msa.engine.space.close(
            session,
            password_raw=self.query_one("#password", Input).value,
            delete_data=self.query_one("#delete", Checkbox).value,
        )
        if isinstance(result, Closed):
            self.dismiss(result)
        else:
            self.refuse(result, self.fields)
