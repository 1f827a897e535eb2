"""The high-contrast themes: every pair of text and ground the app draws is computed against
WCAG's contrast ratio: 7:1 for text (AAA, beyond AA's 4.5:1), 3:1 for a frame such as the
focus border, first from the themes' variables, then on a screen as drawn; and the themes are
the ones the settings and `--theme` name."""

from __future__ import annotations

import pytest
from drive import open_step
from support import press_each
from textual.color import Color
from textual.theme import Theme
from textual.widgets import Button

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import DisplayTheme, Settings
from mes_sante_tui.themes import HIGH_CONTRAST_THEMES, TEXTUAL_THEME

HIGH_CONTRAST_CHOICES = (DisplayTheme.HIGH_CONTRAST_DARK, DisplayTheme.HIGH_CONTRAST_LIGHT)
TEXT_RATIO = 7.0  # WCAG 1.4.6, AAA (1.4.3, AA, asks 4.5)
FRAME_RATIO = 3.0  # WCAG 1.4.11: a frame or a mark that says something (focus, error)

# (text, ground): where the app writes one on the other.
TEXT_PAIRS = [
    (text, ground)
    for text in (
        "text", "text-muted", "foreground-muted", "text-primary", "text-accent",
        "text-error", "text-success", "text-warning",
    )
    for ground in ("background", "surface", "panel")
] + [
    ("text", "primary"),  # a primary button
    ("text", "warning"),  # a notice
    ("text", "accent"),
    ("button-color-foreground", "primary"),
    ("block-cursor-foreground", "block-cursor-background"),  # the highlighted choice
    ("footer-key-foreground", "footer-background"),
    ("footer-description-foreground", "footer-background"),
    ("input-cursor-foreground", "input-cursor-background"),
    ("input-selection-foreground", "input-selection-background"),  # a field's text, selected
    ("block-cursor-blurred-foreground", "block-cursor-blurred-background"),
    ("link-color", "background"),
    ("link-color-hover", "link-background-hover"),
    ("footer-foreground", "footer-background"),
    ("foreground", "background"),
]
FRAME_PAIRS = [
    (frame, ground)
    for frame in ("accent", "border", "error", "border-blurred")
    for ground in ("background", "surface")
]


def luminance(color: Color) -> float:
    """WCAG's relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(one: Color, other: Color) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def resolve(value: str, ground: Color) -> Color:
    """A theme variable's colour as drawn on `ground`: « auto 90% » is black or white,
    whichever stands out, at 90 %; a colour with an alpha is blended onto the ground."""
    name, _, alpha = value.partition(" ")
    opacity = float(alpha.rstrip("%")) / 100 if alpha else 1.0
    if name == "auto":
        return ground + ground.get_contrast_text(opacity)
    return ground + Color.parse(name).multiply_alpha(opacity)


def ratio(theme: Theme, text: str, ground: str) -> float:
    colors = theme.to_color_system().generate()
    drawn_ground = resolve(colors[ground], Color.parse(colors["background"]))
    return contrast(resolve(colors[text], drawn_ground), drawn_ground)


def test_luminance_and_contrast_follow_wcag() -> None:
    assert contrast(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21.0)
    assert contrast(Color(0x76, 0x76, 0x76), Color(255, 255, 255)) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("theme", HIGH_CONTRAST_THEMES, ids=lambda theme: theme.name)
def test_high_contrast_pairs_pass_wcag(theme: Theme) -> None:
    too_low = [
        f"{text} sur {ground} : {ratio(theme, text, ground):.2f}"
        for pairs, minimum in ((TEXT_PAIRS, TEXT_RATIO), (FRAME_PAIRS, FRAME_RATIO))
        for text, ground in pairs
        if ratio(theme, text, ground) < minimum
    ]
    assert not too_low, too_low


def test_every_choice_names_a_theme() -> None:
    assert set(TEXTUAL_THEME) == set(DisplayTheme)
    high = {TEXTUAL_THEME[DisplayTheme.HIGH_CONTRAST_DARK], TEXTUAL_THEME[
        DisplayTheme.HIGH_CONTRAST_LIGHT]}
    assert high == {theme.name for theme in HIGH_CONTRAST_THEMES}


async def test_every_word_drawn_stands_out_from_its_ground(services: Services) -> None:
    """The decision refused, with the outbox open: stepper, error summary and line, options,
    the focused box, links, button, outbox panel and footer, each cell as drawn, in each
    high-contrast theme (one run, the theme switched as the settings do). Buttons, which
    those themes draw without a shade, are framed."""
    app = make_app(services=services, settings=Settings())
    app.outbox_visible = True
    async with app.run_test(size=(120, 36)) as pilot:
        await open_step(pilot, services, Step.DECISION)
        app.screen.query_one("#continue").focus()
        await press_each(pilot, "enter")  # refused: the box is not ticked
        button = app.screen.query_one("#continue", Button)
        assert frame(button) == ""  # the standard theme: a shade, no frame
        for theme in HIGH_CONTRAST_CHOICES:
            app.apply_settings(Settings(theme=theme))
            await pilot.pause()
            assert not words_below(app, TEXT_RATIO), theme
            assert frame(button) == "tall", theme  # framed, not shaded


def frame(widget: Button) -> str:
    """The style of a widget's left border ("" when it has none)."""
    return widget.styles.border_left[0]


def words_below(app: MesSanteApp, minimum: float) -> set[tuple[str, str, str]]:
    """The pieces of text drawn on the screen whose contrast with their ground is too low."""
    too_low = set()
    for strip in app.screen._compositor.render_strips():
        for text, style, _ in strip:
            if style is None or style.color is None or style.bgcolor is None:
                continue
            if not any(c.isalnum() for c in text):
                continue  # frames and blanks: not text
            fore = Color.from_rich_color(style.color)
            ground = Color.from_rich_color(style.bgcolor)
            if contrast(fore, ground) < minimum:
                too_low.add((text.strip(), fore.hex, ground.hex))
    return too_low
