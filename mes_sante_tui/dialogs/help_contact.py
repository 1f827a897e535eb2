"""« Besoin d'aide ? »: the 3422 line, the visio-interpretation and how to fix one's contacts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from mes_sante_tui.dialogs.document import DialogScreen, para
from mes_sante_tui.wording import t


def contact_widgets(*, with_line: bool = True) -> list[Static]:
    """The 3422 line (optional when the text above already gives it), hours, visio."""
    widgets = [para(t("help.3422.line"), "help-strong")] if with_line else []
    return [
        *widgets,
        para(t("help.3422.hours")),
        para(t("help.visio.title"), "help-heading"),
        para(t("help.visio.body")),
    ]


class HelpContactScreen(DialogScreen):
    """How to reach an adviser, and what to do when the contacts on file are wrong."""

    def __init__(self) -> None:
        super().__init__(t("help.contact.title"))

    def compose_body(self) -> ComposeResult:
        yield from contact_widgets()
        yield para(t("help.contact.incorrect.title"), "help-heading")
        yield para(t("help.contact.incorrect.body"), "help-list")
        yield para(t("help.contact.incorrect.ameli"), "help-list")
        yield para(t("help.contact.incorrect.counter"), "help-list")
        yield para(t("help.contact.incorrect.phone"))
        yield para(t("help.contact.incorrect.after"))
        yield para(t("help.contact.masked"))
        yield para(t("help.contact.no_contact"))
