"""« Où trouver mon numéro de série de carte Vitale ? », for both card models."""

from __future__ import annotations

from textual.app import ComposeResult

from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.dialogs.document import DialogScreen, para
from mes_sante_tui.dialogs.help_contact import contact_widgets
from mes_sante_tui.widgets.vitale_card import VitaleCardDrawing
from mes_sante_tui.wording import t


class HelpSerialScreen(DialogScreen):
    """Both cards with the serial marked; `model`, when given, is shown first."""

    def __init__(self, model: CardModel | None = None) -> None:
        super().__init__(t("help.serial.title"))
        self.model = model

    @property
    def models(self) -> list[CardModel]:
        """The card models in the order they are shown."""
        first = CardModel.WITHOUT_PHOTO if self.model is None else self.model
        return [first, *(other for other in CardModel if other is not first)]

    def compose_body(self) -> ComposeResult:
        for model in self.models:
            yield VitaleCardDrawing(model, "serial")
            if model is CardModel.WITH_PHOTO:
                yield para(t("help.serial.with_photo"))
                yield para(t("help.serial.with_photo.prefix", prefix=PHOTO_PREFIX))
            else:
                yield para(t("help.serial.without_photo"))
        yield para(t("help.serial.unreadable.title"), "help-heading")
        yield para(t("help.serial.unreadable.body"), "help-strong")
        yield from contact_widgets(with_line=False)
