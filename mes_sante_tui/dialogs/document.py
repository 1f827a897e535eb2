"""A readable document in a dialog (the CGU, the privacy policy), and the dialog it is built on.

`DialogScreen` is the centred, bordered, keyboard-only dialog shared by the help screens: a
title, a scrollable body, a « Fermer » button focused first, and Escape to close. The arrow
and page keys scroll the body even while the button has the focus.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from mes_sante_tui.wording import t

from .base import Dialog


def para(text: str, classes: str = "") -> Static:
    """One paragraph of plain text (never parsed as markup)."""
    return Static(text, classes=f"dialog-text {classes}".strip(), markup=False)


class DialogScreen(Dialog[None]):
    """Base of the help dialogs: subclasses give the title and `compose_body`."""

    DEFAULT_CSS = """
    DialogScreen {
        & > #dialog {
            width: 78;
            height: 90%;
            padding: 0 1;
        }
        & #dialog-title {
            color: $text-primary;
        }
        & #dialog-body {
            height: 1fr;
            border: round $panel;
            padding: 0 1;
            &:focus {
                border: thick $accent;
            }
        }
        & .dialog-text.help-heading {
            text-style: bold;
            color: $text-primary;
            margin-bottom: 0;
        }
        & .dialog-text.help-list {
            margin-bottom: 0;
        }
        & .help-strong {
            text-style: bold;
        }
        & #dialog-buttons {
            margin-top: 1;
        }
    }
    """

    AUTO_FOCUS = "#close"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "close",
            t("widget.key.close"),
            tooltip=t("widget.key.close.tooltip"),
            id="dialog.close",
        ),
        Binding(
            "pagedown",
            "scroll_body('page_down')",
            t("widget.key.page_down"),
            tooltip=t("widget.key.scroll.tooltip"),
            id="dialog.page_down",
        ),
        Binding(
            "pageup",
            "scroll_body('page_up')",
            t("widget.key.page_up"),
            tooltip=t("widget.key.scroll.tooltip"),
            id="dialog.page_up",
        ),
        Binding(
            "down",
            "scroll_body('scroll_down')",
            t("widget.key.scroll_down"),
            tooltip=t("widget.key.scroll.tooltip"),
            show=False,
            id="dialog.scroll_down",
        ),
        Binding(
            "up",
            "scroll_body('scroll_up')",
            t("widget.key.scroll_up"),
            tooltip=t("widget.key.scroll.tooltip"),
            show=False,
            id="dialog.scroll_up",
        ),
    ]

    def compose_body_frame(self) -> ComposeResult:
        # Not a Tab stop: the arrow and page keys scroll it wherever the focus is.
        with VerticalScroll(id="dialog-body", can_focus=False):
            yield from self.compose_body()

    def compose_buttons(self) -> ComposeResult:
        yield Button(t("widget.button.close"), id="close", classes="dialog-button")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "close":
            event.stop()
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll_body(self, how: str) -> None:
        body = self.query_one("#dialog-body", VerticalScroll)
        if how == "page_down":
            body.scroll_page_down()
        elif how == "page_up":
            body.scroll_page_up()
        elif how == "scroll_down":
            body.scroll_down()
        elif how == "scroll_up":
            body.scroll_up()


class DocumentScreen(DialogScreen):
    """A titled text (CGU, privacy policy), one paragraph per blank-line-separated block."""

    def __init__(self, title: str, body: str) -> None:
        super().__init__(title)
        self.body = body

    @property
    def paragraphs(self) -> list[str]:
        return [block.strip() for block in self.body.split("\n\n") if block.strip()]

    def compose_body(self) -> ComposeResult:
        for paragraph in self.paragraphs:
            yield para(paragraph)
