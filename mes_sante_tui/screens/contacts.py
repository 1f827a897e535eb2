"""« Je vérifie mes coordonnées de contact » (guide 002, vérification 1/5, 3/5, 5/5); « Je
vérifie mes coordonnées » in the identity-first journey (guide 000, Activation)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.engine import Accepted, ContactKind, ContactView
from mes_sante_tui.core.guide import Page
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.settings import JourneyVariant
from mes_sante_tui.widgets import ActionRow, ErrorSummary, FormField, LinkButton
from mes_sante_tui.wording import t, t_variant

from .base import JourneyScreen


class ContactsScreen(JourneyScreen[None]):
    STEP = Step.CONTACTS
    AUTO_FOCUS = "#continue"

    def __init__(
        self,
        variant: JourneyVariant,
        contacts: Callable[[], ContactView],
        confirm: Callable[[], Accepted | Refused],
    ) -> None:
        """Handed the journey's variant (its guide's words), the call that reads the
        contacts on file (again after a change) and the call that confirms them."""
        self.variant = variant
        self.contacts = contacts
        self.confirm = confirm
        super().__init__()

    def title_text(self) -> str:
        return t_variant(self.TITLE_KEY, self.variant)

    def body(self) -> Iterable[Widget]:
        view = self.contacts()
        self.fields = {
            "email": FormField(
                t("contacts.email"),
                LinkButton(self._edit_label("email", view.email), id="edit-email"),
                hint=view.email_masked or t("contacts.no_email"),
            ),
            "mobile": FormField(
                t("contacts.mobile"),
                LinkButton(self._edit_label("mobile", view.mobile), id="edit-mobile"),
                hint=view.mobile_masked or t("contacts.no_mobile"),
                required=False,
            ),
        }
        yield Static(
            t_variant("contacts.intro", self.variant), classes="lead", markup=False
        )
        yield ErrorSummary()
        yield self.fields["email"]
        yield self.fields["mobile"]
        yield Static("", id="updated", classes="confirmation", markup=False)
        with ActionRow(classes="actions"):
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#updated").display = False

    def guide_page(self) -> Page:
        # Back from a change, the guide's 3/5 and 5/5 (not 1/5).
        updated = self.query_one("#updated").display
        return Page.CONTACTS_UPDATED if updated else Page.CONTACTS

    def _edit_label(self, kind: str, current: str | None) -> str:
        key = f"contacts.edit_{kind}" if current else f"contacts.add_{kind}"
        return t_variant(key, self.variant)

    def show_contacts(self) -> None:
        """Contacts are shown masked here: they are typed in full only on the edit screen."""
        view = self.contacts()
        self.value_line("email").update(view.email_masked or t("contacts.no_email"))
        self.value_line("mobile").update(view.mobile_masked or t("contacts.no_mobile"))
        self.query_one("#edit-email", Button).label = self._edit_label("email", view.email)
        self.query_one("#edit-mobile", Button).label = self._edit_label("mobile", view.mobile)

    def value_line(self, name: str) -> Static:
        """The line under the field's label that shows the masked contact on file."""
        return self.fields[name].query_one(".field-hint", Static)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "continue":
                self.submit()
            case "edit-email":
                self.edit(ContactKind.EMAIL)
            case "edit-mobile":
                self.edit(ContactKind.MOBILE)

    def edit(self, kind: ContactKind) -> None:
        """« Modifier » / « Ajouter »: the router runs the change (new contact, its code)."""
        self.done(kind)

    def contact_updated(self) -> None:
        """Back from a confirmed change: the contacts as they now are, and a confirmation."""
        self.clear_refusal(self.fields)
        self.show_contacts()
        updated = self.query_one("#updated", Static)
        updated.update(t("contacts.updated"))
        updated.display = True
        self.place_guide_hints()

    def submit(self) -> None:
        result = self.confirm()
        if isinstance(result, Accepted):
            self.clear_refusal(self.fields)
            self.done()
        else:
            self.show_refusal(result.errors, self.fields, result.message)
