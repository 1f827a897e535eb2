"""« Ma décision a bien été prise en compte » (guide 002, Opposition 3/4).

The certificate is offered at this moment only; the person chooses the folder it is saved in.
Below, the household's profiles with their status (managing them is a later step).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.certificate import (
    default_certificate_folder,
    opposition_certificate,
    save_certificate,
)
from mes_sante_tui.core.engine import Opposed
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Person
from mes_sante_tui.core.status import status_label
from mes_sante_tui.widgets import ErrorSummary, FormField, TextInput
from mes_sante_tui.wording import t

from .base import JourneyScreen


class OppositionDoneScreen(JourneyScreen[None]):
    STEP = Step.DECISION
    TITLE_KEY = "opposition.done.title"
    HELP_KEY = "opposition.done.help"
    AUTO_FOCUS = "#download"
    DEFAULT_CSS = """
    OppositionDoneScreen .profile {
        padding-left: 2;
        width: 1fr;
    }
    OppositionDoneScreen #saved {
        margin-top: 1;
    }
    """

    def __init__(self, opposed: Opposed, profiles: Sequence[Person]) -> None:
        self.opposed = opposed
        self.profiles = list(profiles)
        super().__init__()

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
        yield self.fields["folder"]
        yield Button(t("opposition.done.download"), id="download", variant="primary")
        yield self.saved
        yield Static(t("opposition.done.profiles"), classes="kicker", markup=False)
        for person in self.profiles:
            yield Static(
                t("opposition.done.profile", name=person.full_name, status=status_label(person)),
                classes="profile",
                markup=False,
            )
        with HorizontalGroup(classes="actions"):
            yield Button(t("opposition.done.home"), id="home")

    def on_mount(self) -> None:
        # The opposition is stored: leaving now loses nothing, so no « Quitter la page ? ».
        self.msa.session = None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.download()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "download":
                self.download()
            case "home":
                self.msa.leave_to_home()

    def download(self) -> None:
        """Build the certificate and save it (PDF and text) in the folder typed."""
        raw = self.query_one("#folder", Input).value.strip()
        if not raw:
            self._refuse_folder(t("opposition.done.folder.required"))
            return
        folder = Path(raw).expanduser()
        cert = opposition_certificate(self.opposed.person, self.opposed.decided_on)
        try:
            pdf, txt = save_certificate(cert, folder)
        except OSError:
            self._refuse_folder(t("opposition.done.save_failed", folder=str(folder)))
            return
        self.clear_refusal(self.fields)
        self.saved.update(t("opposition.done.saved", pdf=str(pdf), txt=str(txt)))
        self.saved.display = True

    def _refuse_folder(self, message: str) -> None:
        self.saved.display = False
        self.show_refusal({"folder": message}, self.fields)

    def action_back(self) -> None:
        self.msa.leave_to_home()
