"""A fictitious Vitale card drawn with box characters, showing where a number is.

The drawing marks the number with a thick box and an arrow, and a caption under it says the
same thing in words, so the place is never given by the picture alone. All numbers shown are
fictitious (the guides' examples).
"""

from __future__ import annotations

from typing import Literal

from textual.content import Content
from textual.widgets import Static

from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.wording import t

EXAMPLE_NIR = "1 55 12 55 555 555 55"
EXAMPLE_SERIAL_WITHOUT_PHOTO = "953701166"
EXAMPLE_SERIAL_WITH_PHOTO = "0102457612 4"

INNER = 42  # columns inside the card's frame; with the arrow a line stays under 60 columns
FRAME = "$text-primary"
MARK = "bold $text-accent"
NUMBER = "bold reverse"

Part = str | tuple[str, str]
Row = list[Part]


def _width(parts: Row) -> int:
    return sum(len(part if isinstance(part, str) else part[0]) for part in parts)


def _line(parts: Row, arrow: str = "") -> Content:
    """One line of the card: frame, content padded to the inner width, optional arrow."""
    pad = INNER - _width(parts)
    if pad < 0:
        raise ValueError("card line wider than the card")
    tail: Row = [" ", (arrow, MARK)] if arrow else []
    return Content.assemble(("│", FRAME), *parts, " " * pad, ("│", FRAME), *tail)


def _box(number: Row, indent: str) -> tuple[Row, Row, Row]:
    """Three rows drawing a thick, highlighted box around `number`."""
    bar = "━" * (_width(number) + 2)
    return (
        [indent, ("┏" + bar + "┓", MARK)],
        [indent, ("┃ ", MARK), *number, (" ┃", MARK)],
        [indent, ("┗" + bar + "┛", MARK)],
    )


def _without_photo(show: Literal["nir", "serial"]) -> list[Content]:
    """The back of a card without photo: serial top left, then the NIR."""
    brand = t("widget.card.brand")
    lines: list[Content] = []
    if show == "serial":
        top, middle, bottom = _box([(EXAMPLE_SERIAL_WITHOUT_PHOTO, NUMBER)], " ")
        gap = " " * (INNER - _width(middle) - len(brand) - 1)
        lines += [
            _line(top),
            _line([*middle, gap, brand], t("widget.card.arrow.serial")),
            _line(bottom),
        ]
    else:
        gap = " " * (INNER - len(EXAMPLE_SERIAL_WITHOUT_PHOTO) - len(brand) - 2)
        lines += [_line([" " + EXAMPLE_SERIAL_WITHOUT_PHOTO, gap, brand]), _line([])]
    lines.append(_line([" " + t("widget.card.nir_label")]))
    if show == "nir":
        top, middle, bottom = _box([(EXAMPLE_NIR, NUMBER)], " ")
        lines += [_line(top), _line(middle, t("widget.card.arrow.nir")), _line(bottom)]
    else:
        lines.append(_line([" " + EXAMPLE_NIR]))
    signature = f" {t('widget.card.signature')} "
    left = (INNER - 2 - len(signature)) // 2
    right = INNER - 2 - len(signature) - left
    lines += [
        _line([" " + t("widget.card.holder")]),
        _line([" " + "┄" * left + signature + "┄" * right]),
    ]
    return lines


def _with_photo(show: Literal["nir", "serial"]) -> list[Content]:
    """The front of a card with photo: serial top right, NIR beside the photo."""
    brand = " " + t("widget.card.brand")
    serial = f"{PHOTO_PREFIX} {EXAMPLE_SERIAL_WITH_PHOTO}"
    lines: list[Content] = []
    if show == "serial":
        number: Row = [(PHOTO_PREFIX, "bold"), " ", (EXAMPLE_SERIAL_WITH_PHOTO, NUMBER)]
        top, middle, bottom = _box(number, "")
        indent = " " * (INNER - _width(middle) - 1)
        gap = " " * (len(indent) - len(brand))
        lines += [
            _line([indent, *top]),
            _line([brand, gap, *middle], t("widget.card.arrow.serial")),
            _line([indent, *bottom]),
        ]
    else:
        lines += [_line([brand, " " * (INNER - len(brand) - len(serial) - 2), serial]), _line([])]
    label = t("widget.card.photo")
    photo = [
        "┌────────┐",
        "│        │",
        f"│{label:^8}│",
        "│        │",
        "└────────┘",
    ]
    right: list[Row] = [[f"▣ {t('widget.card.chip')}"], [t("widget.card.holder")]]
    arrows = [""] * len(photo)
    if show == "nir":
        right += list(_box([(EXAMPLE_NIR, NUMBER)], ""))
        arrows[3] = t("widget.card.arrow.nir")
    else:
        right += [[EXAMPLE_NIR], [], []]
    for frame, parts, arrow in zip(photo, right, arrows, strict=True):
        lines.append(_line([" ", (frame, FRAME), "  ", *parts], arrow))
    return lines


class VitaleCardDrawing(Static):
    """A fictitious Vitale card with the place of the NIR or of the serial marked."""

    DEFAULT_CSS = """
    VitaleCardDrawing {
        width: 60;
        max-width: 100%;
        height: auto;
        margin: 1 0;
    }
    """

    def __init__(
        self,
        model: CardModel,
        show: Literal["nir", "serial"],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.model = model
        self.show = show
        super().__init__(self.drawing(), id=id, classes=classes)

    @property
    def caption(self) -> str:
        """Where the number is, in words."""
        if self.model is CardModel.WITH_PHOTO:
            if self.show == "nir":
                return t("widget.card.caption.nir.with_photo", nir=EXAMPLE_NIR)
            return t(
                "widget.card.caption.serial.with_photo",
                prefix=PHOTO_PREFIX,
                typed=EXAMPLE_SERIAL_WITH_PHOTO,
            )
        if self.show == "nir":
            return t("widget.card.caption.nir.without_photo", nir=EXAMPLE_NIR)
        return t("widget.card.caption.serial.without_photo", serial=EXAMPLE_SERIAL_WITHOUT_PHOTO)

    def drawing(self) -> Content:
        """Title, card and caption as one piece of content."""
        if self.model is CardModel.WITH_PHOTO:
            title = t("widget.card.title.with_photo")
            body = _with_photo(self.show)
        else:
            title = t("widget.card.title.without_photo")
            body = _without_photo(self.show)
        edge = "─" * INNER
        card = [
            Content.styled(f"╭{edge}╮", FRAME),
            *body,
            Content.styled(f"╰{edge}╯", FRAME),
        ]
        return Content("\n").join([Content.styled(title, "bold"), *card, Content(self.caption)])
