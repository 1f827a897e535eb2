"""« Ma décision a bien été prise en compte » (guide 002, Opposition 3/4).

The certificate is offered at this moment only; the person chooses the folder it is saved in.
Below, the household's profiles with their status, and « Gérer le profil » for each child who
can still be decided on (the certification as legal representative, then the decision).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.certificate import (
    Certificate,
    check_folder,
    default_certificate_folder,
    opposition_certificate,
    save_certificate,
)
from mes_sante_tui.core.engine import Opposed
from mes_sante_tui.core.flows import DECIDABLE_AFTER_OPPOSITION
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Person
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.space import actions_for
from mes_sante_tui.core.status import status_label
from mes_sante_tui.widgets import ActionRow, ErrorSummary, FormField, LinkButton, TextInput
from mes_sante_tui.wording import t

from .base import JourneyScreen, Loss
from .profile_actions import ManageChild

# The children whose profile can be decided on here (core/flows.py, for the plain mode too).
_DECIDABLE = DECIDABLE_AFTER_OPPOSITION
MANAGE_PREFIX = "manage-"


class OppositionDoneScreen(JourneyScreen[None]):
    STEP = Step.DECISION
    TITLE_KEY = "opposition.done.title"
    HELP_KEY = "opposition.done.help"
    AUTO_FOCUS = "#download"
    # The opposition is stored: leaving now loses nothing, so no « Quitter la page ? ».
    NOTHING_TO_LOSE = True
    DEFAULT_CSS = """
    OppositionDoneScreen .profile {
        padding-left: 2;
        width: 1fr;
    }
    OppositionDoneScreen #saved {
        margin-top: 1;
    }
    OppositionDoneScreen .household-row {
        height: auto;
    }
    OppositionDoneScreen .household-row .profile {
        max-width: 64;
    }
    OppositionDoneScreen .manage-hint {
        color: $text-muted;
        padding-left: 4;
        width: 1fr;
    }
    """

    def __init__(
        self,
        opposed: Opposed,
        profiles: Sequence[Person],
        *,
        logged_in: bool = False,
        certificate: Callable[[], Certificate] | None = None,
        note_certificate: Callable[[bool], None] | None = None,
    ) -> None:
        """Handed what was opposed, the household's profiles, and whether the parent is
        logged in (then « Gérer le profil » offers every action, and the way out is the
        space); the call that builds the certificate (by default here, in this process) and
        the one that journals it saved or not."""
        self.opposed = opposed
        self.profiles = list(profiles)
        self.logged_in = logged_in
        self.certificate_saved = False
        self._build = certificate or (
            lambda: opposition_certificate(opposed.person, opposed.decided_on)
        )
        self._note = note_certificate
        self._certificate: Certificate | None = None
        super().__init__()

    def certificate(self) -> Certificate:
        """The certificate, built once."""
        if self._certificate is None:
            self._certificate = self._build()
        return self._certificate

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "folder": FormField(
                t("opposition.done.folder"),
                TextInput(value=str(default_certificate_folder()), id="folder"),
                hint=t("opposition.done.folder.hint"),
            )
        }
        self.saved = Static("", id="saved", classes="confirmation", markup=False)
        self.saved.display = False
        yield Static(t("opposition.done.text"), classes="lead", markup=False)
        yield ErrorSummary()
        if self.app.is_web:
            # In a browser (the classroom), the browser saves the file: no folder to choose.
            yield Static(t("opposition.done.web_hint"), classes="note", markup=False)
        else:
            yield self.fields["folder"]
        yield Button(t("opposition.done.download"), id="download", variant="primary")
        yield self.saved
        yield Static(t("opposition.done.profiles"), classes="kicker", markup=False)
        if any(self._manageable(p) for p in self.profiles):
            yield Static(t("opposition.done.manage.intro"), classes="note", markup=False)
        for person in self.profiles:
            words = Static(
                t("opposition.done.profile", name=person.full_name, status=status_label(person)),
                classes="profile",
                markup=False,
            )
            if self._manageable(person):
                yield HorizontalGroup(
                    words,
                    LinkButton(t("opposition.done.manage"), id=f"{MANAGE_PREFIX}{person.id}"),
                    classes="household-row",
                )
            else:
                yield words
                if person.parent_id is not None and actions_for(person):
                    yield Static(
                        t("opposition.done.login_to_manage"), classes="manage-hint", markup=False
                    )
        with ActionRow(classes="actions"):
            if self.logged_in:
                yield Button(t("opposition.done.space"), id="home")
            else:
                yield Button(t("opposition.done.home"), id="home")

    def _manageable(self, person: Person) -> bool:
        """A child whose profile its parent can act on from here. Logged in, every action is
        offered (« Gérer le profil » of the space); otherwise only a decision."""
        if person.parent_id is None or not actions_for(person):
            return False
        return self.logged_in or person.status in _DECIDABLE

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.download()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "download":
                self.download()
            case "home":
                self.done("home")
            case str(button_id) if button_id.startswith(MANAGE_PREFIX):
                self.manage(int(button_id.removeprefix(MANAGE_PREFIX)))

    def download(self) -> None:
        """Build the certificate and save it (PDF and text) in the folder typed; in a
        browser, hand the PDF to the browser as a download."""
        if self.app.is_web:
            self.deliver()
            return
        checked = check_folder(self.query_one("#folder", Input).value)
        if checked.error is not None or checked.value is None:
            self._refuse_folder(checked.error or t("opposition.done.folder.required"))
            return
        folder = checked.value
        cert = self.certificate()
        try:
            pdf, txt = save_certificate(cert, folder)
        except OSError:
            self._refuse_folder(t("opposition.done.save_failed", folder=str(folder)))
            self._note_certificate(saved=False)
            return
        self.clear_refusal(self.fields)
        self.saved.update(t("opposition.done.saved", pdf=str(pdf), txt=str(txt)))
        self.saved.display = True
        self.certificate_saved = True
        self._note_certificate(saved=True)  # once the person is told where it is

    def _note_certificate(self, *, saved: bool) -> None:
        if self._note is not None:
            self._note(saved)

    def deliver(self) -> None:
        """The classroom: the PDF goes to the trainee's browser, never to a file on the
        server (textual-serve's download, through Textual's `deliver_binary`)."""
        cert = self.certificate()
        name = f"{cert.filename_stem}.pdf"
        self.app.deliver_binary(io.BytesIO(cert.pdf), save_filename=name,
                                mime_type="application/pdf")
        self.saved.update(t("opposition.done.delivered", pdf=name))
        self.saved.display = True
        self.certificate_saved = True
        self._note_certificate(saved=True)

    def _refuse_folder(self, message: str) -> None:
        self.saved.display = False
        self.show_refusal({"folder": message}, self.fields)

    def manage(self, person_id: int) -> None:
        """« Gérer le profil »: the router certifies the parent as legal representative, then
        offers the decision."""
        self.clear_refusal(self.fields)
        self.done(ManageChild(person_id))

    def show_refused(self, refused: Refused) -> None:
        self.refuse(refused, self.fields)

    def would_lose(self) -> Loss | None:
        """The certificate is offered here only: leaving before saving it loses it."""
        return None if self.certificate_saved else Loss.CERTIFICATE
