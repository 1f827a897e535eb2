"""The screen's themes: Textual's default, and a high contrast on a black or a white ground.

The high-contrast themes follow the system high-contrast palettes people already know: text
in pure white on black (or black on white), links and focus in one strong colour, errors
red and success green, each at least 7:1 against the ground (WCAG AAA; a test computes every
pair). Text on a coloured ground (a button, the highlighted choice, a notice) is « auto »:
black or white, whichever stands out.

Nothing here is told by colour alone: focus is reversed and framed, the chosen option reads
« (•) », a ticked box « [✓] », an error « ⚠ Erreur : », the current step « ● » and « Étape 2
sur 4 » (see app.tcss and the widgets); the colours only add to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.theme import Theme

from mes_sante_tui.core.settings import DisplayTheme

# The text variables, solid: Textual's own themes dim muted text to 60 %.
_AUTO_TEXT = {
    "text": "auto 100%",
    "text-muted": "auto 90%",
    "text-disabled": "auto 75%",
    "button-foreground": "auto 100%",
    "button-color-foreground": "auto 100%",
    "button-focus-text-style": "bold reverse",
    "block-cursor-text-style": "bold",
    "input-cursor-text-style": "reverse",
    "link-style": "underline",
    "link-style-hover": "bold underline",
}


@dataclass(frozen=True)
class Palette:
    """What sets one high-contrast theme apart from the other: its colours, each used by
    every variable that shares its role (the ground, the text, the one strong mark)."""

    dark: bool
    ground: str  # background, surface, boost; the text on a mark or an input cursor
    text: str  # foreground, the footer's text, an input cursor
    muted: str  # text a step quieter than `text`
    panel: str  # a panel, and a scrollbar's track
    primary: str
    mark: str  # secondary and accent: frames, the highlighted choice
    link: str  # links, and the footer's keys
    warning: str
    error: str
    success: str
    dim: str  # a frame without focus, a scrollbar
    hover: str  # a choice under the mouse
    blurred_cursor: str  # the highlighted choice of a list without focus
    selection: str  # selected text in a field, on which `selection_text` is written
    selection_text: str


def high_contrast(choice: DisplayTheme, palette: Palette) -> Theme:
    """The Textual theme of a high-contrast choice, every variable from `palette`."""
    p = palette
    return Theme(
        name=choice.value,
        dark=p.dark,
        primary=p.primary,
        secondary=p.mark,
        accent=p.mark,
        warning=p.warning,
        error=p.error,
        success=p.success,
        foreground=p.text,
        background=p.ground,
        surface=p.ground,
        panel=p.panel,
        boost=p.ground,
        luminosity_spread=0.0,
        text_alpha=1.0,
        variables={
            **_AUTO_TEXT,
            "foreground-muted": p.muted,
            "text-primary": p.primary,
            "text-secondary": p.mark,
            "text-accent": p.mark,
            "text-warning": p.warning,
            "text-error": p.error,
            "text-success": p.success,
            "border": p.mark,
            "border-blurred": p.dim,
            "block-cursor-background": p.mark,
            "block-cursor-foreground": p.ground,
            "block-cursor-blurred-background": p.blurred_cursor,
            "block-cursor-blurred-foreground": p.text,
            "block-hover-background": p.hover,
            "input-cursor-background": p.text,
            "input-cursor-foreground": p.ground,
            "input-selection-background": p.selection,
            "input-selection-foreground": p.selection_text,
            "link-color": p.link,
            "link-background-hover": p.link,
            "link-color-hover": p.ground,
            "footer-background": p.ground,
            "footer-foreground": p.text,
            "footer-key-foreground": p.link,
            "footer-description-foreground": p.text,
            "scrollbar": p.dim,
            "scrollbar-background": p.panel,
        },
    )


HIGH_CONTRAST_DARK = high_contrast(
    DisplayTheme.HIGH_CONTRAST_DARK,
    Palette(
        dark=True, ground="#000000", text="#FFFFFF", muted="#E0E0E0", panel="#1A1A1A",
        primary="#1AEBFF", mark="#FFFF00", link="#FFFF00", warning="#FFB000",
        error="#FF7A7A", success="#3FF23F", dim="#C0C0C0", hover="#303030",
        blurred_cursor="#404040", selection="#1AEBFF", selection_text="#000000",
    ),
)

HIGH_CONTRAST_LIGHT = high_contrast(
    DisplayTheme.HIGH_CONTRAST_LIGHT,
    Palette(
        dark=False, ground="#FFFFFF", text="#000000", muted="#1F1F1F", panel="#E6E6E6",
        primary="#00009F", mark="#37006E", link="#00009F", warning="#7A4100",
        error="#A00000", success="#005A00", dim="#404040", hover="#E0E0E0",
        blurred_cursor="#D0D0D0", selection="#9FC5FF", selection_text="#000000",
    ),
)

# Each choice's Textual theme; the default is Textual's own.
HIGH_CONTRAST_THEMES: tuple[Theme, ...] = (HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT)
TEXTUAL_THEME: dict[DisplayTheme, str] = {
    DisplayTheme.STANDARD: "textual-dark",
    DisplayTheme.HIGH_CONTRAST_DARK: HIGH_CONTRAST_DARK.name,
    DisplayTheme.HIGH_CONTRAST_LIGHT: HIGH_CONTRAST_LIGHT.name,
}
