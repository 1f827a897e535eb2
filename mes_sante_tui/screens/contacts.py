"""« Je vérifie mes coordonnées de contact » (guide 002, vérification 1/5, 3/5, 5/5)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.engine import Accepted, ContactKind, OtpSent
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ErrorSummary, FormField
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .contact_edit import ContactEditScreen
from .otp import OtpScreen


class ContactsScreen(JourneyScreen[None]):
    STEP = Step.CONTACTS
    TITLE_KEY = "contacts.title"
    HELP_KEY = "contacts.help"
    AUTO_FOCUS = "#continue"

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "email": FormField(
                t("contacts.email"),
                Button("", id="edit-email", classes="link"),
            ),
            "mobile": FormField(
                t("contacts.mobile"),
                Button("", id="edit-mobile", classes="link"),
                required=False,
            ),
        }
        yield Static(t("contacts.intro"), classes="lead", markup=False)
        yield ErrorSummary()
        yield Static("", id="email-value", classes="contact-value", markup=False)
        yield self.fields["email"]
        yield Static("", id="mobile-value", classes="contact-value", markup=False)
        yield self.fields["mobile"]
        yield Static("", id="updated", classes="confirmation", markup=False)
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#updated").display = False
        self.show_contacts()

    def show_contacts(self) -> None:
        """Contacts are shown masked here: they are typed in full only on the edit screen."""
        session = self.msa.session
        assert session is not None
        view = self.msa.engine.contact_view(session)
        self.query_one("#email-value", Static).update(
            f"{t('contacts.email')} : {view.email_masked or t('contacts.no_email')}"
        )
        self.query_one("#mobile-value", Static).update(
            f"{t('contacts.mobile')} : {view.mobile_masked or t('contacts.no_mobile')}"
        )
        self.query_one("#edit-email", Button).label = t(
            "contacts.edit_email" if view.email else "contacts.add_email"
        )
        self.query_one("#edit-mobile", Button).label = t(
            "contacts.edit_mobile" if view.mobile else "contacts.add_mobile"
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "continue":
                self.submit()
            case "edit-email":
                self.edit(ContactKind.EMAIL)
            case "edit-mobile":
                self.edit(ContactKind.MOBILE)

    def edit(self, kind: ContactKind) -> None:
        def sent(result: OtpSent | None) -> None:
            if result is not None:
                self.app.push_screen(OtpScreen(result), confirmed)

        def confirmed(done: bool | None) -> None:
            if done:
                self.clear_refusal(self.fields)
                self.show_contacts()
                updated = self.query_one("#updated", Static)
                updated.update(t("contacts.updated"))
                updated.display = True
            self.msa.refresh_outbox()

        self.app.push_screen(ContactEditScreen(kind), sent)

    def submit(self) -> None:
        session = self.msa.session
        assert session is not None
        result = self.msa.engine.confirm_contacts(session)
        if isinstance(result, Accepted):
            self.clear_refusal(self.fields)
            self.msa.advance(self.STEP)
        else:
            self.show_refusal(result.errors, self.fields, result.message)
