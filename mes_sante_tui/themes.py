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

HIGH_CONTRAST_DARK = Theme(
    name=DisplayTheme.HIGH_CONTRAST_DARK.value,
    dark=True,
    primary="#1AEBFF",
    secondary="#FFFF00",
    accent="#FFFF00",
    warning="#FFB000",
    error="#FF7A7A",
    success="#3FF23F",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#000000",
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        **_AUTO_TEXT,
        "foreground-muted": "#E0E0E0",
        "text-primary": "#1AEBFF",
        "text-secondary": "#FFFF00",
        "text-accent": "#FFFF00",
        "text-warning": "#FFB000",
        "text-error": "#FF7A7A",
        "text-success": "#3FF23F",
        "border": "#FFFF00",
        "border-blurred": "#C0C0C0",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-blurred-background": "#404040",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "block-hover-background": "#303030",
        "input-cursor-background": "#FFFFFF",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#1AEBFF",
        "input-selection-foreground": "#000000",
        "link-color": "#FFFF00",
        "link-background-hover": "#FFFF00",
        "link-color-hover": "#000000",
        "footer-background": "#000000",
        "footer-foreground": "#FFFFFF",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "scrollbar": "#C0C0C0",
        "scrollbar-background": "#1A1A1A",
    },
)

HIGH_CONTRAST_LIGHT = Theme(
    name=DisplayTheme.HIGH_CONTRAST_LIGHT.value,
    dark=False,
    primary="#00009F",
    secondary="#37006E",
    accent="#37006E",
    warning="#7A4100",
    error="#A00000",
    success="#005A00",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E6E6E6",
    boost="#FFFFFF",
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        **_AUTO_TEXT,
        "foreground-muted": "#1F1F1F",
        "text-primary": "#00009F",
        "text-secondary": "#37006E",
        "text-accent": "#37006E",
        "text-warning": "#7A4100",
        "text-error": "#A00000",
        "text-success": "#005A00",
        "border": "#37006E",
        "border-blurred": "#404040",
        "block-cursor-background": "#37006E",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-blurred-background": "#D0D0D0",
        "block-cursor-blurred-foreground": "#000000",
        "block-hover-background": "#E0E0E0",
        "input-cursor-background": "#000000",
        "input-cursor-foreground": "#FFFFFF",
        "input-selection-background": "#9FC5FF",
        "input-selection-foreground": "#000000",
        "link-color": "#00009F",
        "link-background-hover": "#00009F",
        "link-color-hover": "#FFFFFF",
        "footer-background": "#FFFFFF",
        "footer-foreground": "#000000",
        "footer-key-foreground": "#00009F",
        "footer-description-foreground": "#000000",
        "scrollbar": "#404040",
        "scrollbar-background": "#E6E6E6",
    },
)

# Each choice's Textual theme; the default is Textual's own.
HIGH_CONTRAST_THEMES: tuple[Theme, ...] = (HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT)
TEXTUAL_THEME: dict[DisplayTheme, str] = {
    DisplayTheme.STANDARD: "textual-dark",
    DisplayTheme.HIGH_CONTRAST_DARK: HIGH_CONTRAST_DARK.name,
    DisplayTheme.HIGH_CONTRAST_LIGHT: HIGH_CONTRAST_LIGHT.name,
}
