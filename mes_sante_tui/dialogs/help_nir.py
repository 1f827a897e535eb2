"""« Où trouver mon numéro de sécurité sociale ? », for both card models."""

from __future__ import annotations

from textual.app import ComposeResult

from mes_sante_tui.core.models import CardModel
from mes_sante_tui.dialogs.document import DialogScreen, para
from mes_sante_tui.widgets.vitale_card import VitaleCardDrawing
from mes_sante_tui.wording import t


class HelpNirScreen(DialogScreen):
    """Both cards with the NIR marked, the guides' text, and the answer for minors."""

    def __init__(self) -> None:
        super().__init__(t("help.nir.title"))

    def compose_body(self) -> ComposeResult:
        yield VitaleCardDrawing(CardModel.WITHOUT_PHOTO, "nir")
        yield para(t("help.nir.without_photo"))
        yield VitaleCardDrawing(CardModel.WITH_PHOTO, "nir")
        yield para(t("help.nir.with_photo"))
        yield para(t("help.nir.format"))
        yield para(t("help.minor.title"), "help-heading")
        yield para(t("help.minor.body"))
