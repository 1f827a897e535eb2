"""Pilot tests of the reusable widgets and of the help and confirmation dialogs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Static
from textual.widgets._footer import FooterKey

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.answers import Session
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel, Channel, OutboxMessage
from mes_sante_tui.core.password import PasswordRule
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.dialogs.document import DocumentScreen
from mes_sante_tui.dialogs.help_contact import HelpContactScreen
from mes_sante_tui.dialogs.help_nir import HelpNirScreen
from mes_sante_tui.dialogs.help_serial import HelpSerialScreen
from mes_sante_tui.dialogs.quit_confirm import QuitConfirmScreen
from mes_sante_tui.dialogs.screen_help import ScreenHelpScreen
from mes_sante_tui.widgets import (
    ActionRow,
    CardFields,
    ErrorSummary,
    FormField,
    KeysFooter,
    OutboxPanel,
    PasswordChecklist,
    SimulationNotice,
    Stepper,
    VitaleCardDrawing,
)
from mes_sante_tui.wording import t

STEPS = ("Mon identité", "Mon code", "Activation", "Mon compte")


class _Host(App[None]):
    """A bare app that composes the widgets under test."""

    def __init__(self, *widgets: Widget) -> None:
        super().__init__()
        self._widgets = widgets

    def compose(self) -> ComposeResult:
        yield from self._widgets
        yield Footer()


def plain(widget: Widget) -> str:
    """The text a widget renders, without styles."""
    if isinstance(widget, Static):
        return widget.visual.plain if isinstance(widget.visual, Content) else str(widget.content)
    rendered = widget.render()
    assert isinstance(rendered, Content)
    return rendered.plain


def screen_text(screen: Screen[Any]) -> str:
    return "\n".join(plain(static) for static in screen.query(Static))


def message(id: int, minute: int, channel: Channel = Channel.EMAIL) -> OutboxMessage:
    return OutboxMessage(
        id=id,
        at=datetime(2025, 3, 12, 10, minute),
        channel=channel,
        address="camille.exemple@exemple.fr",
        masked_address="cam*****@exemple.fr",
        subject=f"Votre code provisoire {id}",
        body=f"Votre code provisoire : CODE{id:08d}",
        person_id=1,
    )


async def test_notice_says_it_is_a_simulation() -> None:
    notice = SimulationNotice()
    async with _Host(notice).run_test():
        assert plain(notice) == "Simulation — données fictives · aucun envoi réel"
        assert notice.region.y == 0 and notice.region.height == 1


async def test_stepper_shows_current_step_in_words_and_symbols() -> None:
    stepper = Stepper(STEPS, current=1)
    async with _Host(stepper).run_test() as pilot:
        heading, steps = plain(stepper).splitlines()
        assert heading.startswith("Étape 2 sur 4 : Mon code")
        assert steps == "✓ Mon identité ─ ● Mon code ─ ○ Activation ─ ○ Mon compte"
        assert "fait" in heading and "en cours" in heading and "à faire" in heading
        stepper.set_current(3)
        await pilot.pause()
        assert plain(stepper).startswith("Étape 4 sur 4 : Mon compte")
        stepper.set_current(-1)
        await pilot.pause()
        assert not stepper.display
        stepper.set_current(0)
        await pilot.pause()
        assert stepper.display
        assert "● Mon identité ─ ○ Mon code" in plain(stepper)


async def test_stepper_built_hidden() -> None:
    stepper = Stepper(STEPS, current=-1)
    async with _Host(stepper).run_test():
        assert not stepper.display and stepper.heading == ""


async def test_password_checklist_states_each_rule_in_words() -> None:
    checklist = PasswordChecklist()
    async with _Host(checklist).run_test() as pilot:
        checklist.show_rules(
            [
                PasswordRule("length", "8 caractères minimum", True),
                PasswordRule("upper", "1 majuscule", False),
            ]
        )
        await pilot.pause()
        assert checklist.content.splitlines() == [
            "Votre mot de passe doit contenir :",
            "✓ 8 caractères minimum — respecté",
            "✗ 1 majuscule — manquant",
        ]


async def test_form_field_error_line_and_invalid_class() -> None:
    field = FormField(
        "Numéro de sécurité sociale",
        Input(id="nir"),
        hint="Ex. : 1 55 12 55 555 555 55",
    )
    async with _Host(field).run_test() as pilot:
        texts = [plain(static) for static in field.query(Static)]
        assert "Numéro de sécurité sociale (obligatoire)" in texts
        assert "Ex. : 1 55 12 55 555 555 55" in texts
        error_line = field.query_one(".field-error", Static)
        assert not error_line.display and field.error is None

        field.set_error("Le numéro de sécurité sociale doit contenir 15 caractères")
        await pilot.pause()
        assert field.has_class("-invalid")
        assert error_line.display
        assert plain(error_line) == (
            "⚠ Erreur : Le numéro de sécurité sociale doit contenir 15 caractères"
        )
        assert field.error == "Le numéro de sécurité sociale doit contenir 15 caractères"

        field.set_error(None)
        await pilot.pause()
        assert not field.has_class("-invalid")
        assert not error_line.display and field.error is None


async def test_form_field_optional_with_prefix() -> None:
    field = FormField(
        "Numéro de série de carte Vitale", Input(id="serial"), required=False, prefix=PHOTO_PREFIX
    )
    async with _Host(field).run_test():
        prefix = field.query_one(".field-prefix", Static)
        assert plain(prefix) == PHOTO_PREFIX
        serial = field.query_one("#serial", Input)
        assert prefix.region.y == serial.region.y and prefix.region.right <= serial.region.x
        assert "(facultatif)" in plain(field.query_one(".field-label", Static))


async def test_error_summary_counts_names_and_hides() -> None:
    summary = ErrorSummary()
    async with _Host(summary).run_test() as pilot:
        assert not summary.display
        summary.show_errors(
            [
                ("Numéro de sécurité sociale", "Saisir le numéro de sécurité sociale"),
                ("Code provisoire", "Le code doit contenir 12 caractères"),
            ]
        )
        await pilot.pause()
        assert summary.display
        assert plain(summary).splitlines() == [
            "⚠ 2 erreurs à corriger :",
            "• Numéro de sécurité sociale : Saisir le numéro de sécurité sociale",
            "• Code provisoire : Le code doit contenir 12 caractères",
        ]
        summary.show_errors([("Code provisoire", "Le code doit contenir 12 caractères")])
        summary.show_message("Nous n'avons pas réussi à vous identifier.")
        await pilot.pause()
        assert plain(summary).splitlines()[:2] == [
            "⚠ Nous n'avons pas réussi à vous identifier.",
            "⚠ 1 erreur à corriger :",
        ]
        summary.show_errors([])
        summary.show_message(None)
        await pilot.pause()
        assert not summary.display


async def test_outbox_newest_first_and_marks_messages_after_the_baseline() -> None:
    panel = OutboxPanel(known_up_to=1)
    async with _Host(panel).run_test() as pilot:
        assert t("widget.outbox.empty") in panel.text
        panel.show_messages([message(1, 0), message(2, 5, Channel.SMS)])
        await pilot.pause()
        body = panel.text.split("\n", 3)[3]  # after the heading, the order and a blank line
        assert body.index("SMS · 12/03/2025 10:05") < body.index("E-mail · 12/03/2025 10:00")
        assert body.count("● Nouveau") == 1  # message 1 was there before the journey
        assert "Destinataire (masqué) : cam*****@exemple.fr" in body
        assert "Adresse complète : camille.exemple@exemple.fr" in body
        assert "CODE00000001" in body
        assert "(2 messages)" in panel.text.splitlines()[0]
        # The e-mail says who sent it; the SMS has no sender to show.
        assert body.count("De : assurance-maladie@info.ameli.fr") == 1
        email = body[body.index("E-mail · 12/03/2025 10:00") :]
        assert email.splitlines()[1] == "De : assurance-maladie@info.ameli.fr"

        panel.show_messages([message(1, 0), message(2, 5), message(3, 9, Channel.LETTER)])
        await pilot.pause()
        body = panel.text.split("\n", 3)[3]
        assert body.count("● Nouveau") == 2
        assert body.startswith("● Nouveau\nCourrier · 12/03/2025 10:09")
        assert panel.new_ids == {2, 3}

        # Showing the same messages again (a poll, a screen coming back) changes nothing.
        panel.show_messages([message(1, 0), message(2, 5), message(3, 9, Channel.LETTER)])
        await pilot.pause()
        assert panel.new_ids == {2, 3}


async def test_outbox_draws_its_wrapped_text_line_by_line() -> None:
    """The panel draws the lines in view of its text cut for its width, in order, each with
    its look: scrolling shows the next ones, never a line twice or out of order."""
    from mes_sante_tui.widgets.outbox_panel import wrap

    panel = OutboxPanel(known_up_to=3)
    async with _Host(panel).run_test(size=(100, 30)) as pilot:
        panel.show_messages([message(i, i, list(Channel)[i % 3]) for i in range(1, 13)])
        await pilot.pause()
        width = panel.scrollable_content_region.width
        lines = wrap(panel._text, width)
        assert panel.virtual_size.height == len(lines) > panel.size.height
        shown = panel.scrollable_content_region.height
        assert [panel.render_line(y).text.rstrip() for y in range(shown)] == [
            line.text for line in lines[:shown]
        ]
        bold = panel.render_line(0)  # the heading
        assert bold.text.startswith("Boîte d'envoi simulée (12 messages)")
        heading_style = next(iter(bold)).style
        assert heading_style is not None and heading_style.bold
        panel.scroll_to(y=10, animate=False)
        await pilot.pause()
        assert panel.render_line(0).text.rstrip() == lines[10].text


async def test_outbox_text_is_cut_for_one_width_whether_or_not_it_overflows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The panel keeps its scrollbar's room (a stable gutter): its text is cut once, at one
    width, from its first layout, and a few messages that fit are cut at the same width."""
    from mes_sante_tui.widgets import outbox_panel

    widths: list[int] = []
    cut = outbox_panel.wrap

    def spy(lines: Any, width: int) -> Any:
        widths.append(width)
        return cut(lines, width)

    monkeypatch.setattr(outbox_panel, "wrap", spy)
    many = [message(i, i) for i in range(1, 13)]

    class Shown(App[None]):
        def compose(self) -> ComposeResult:
            yield OutboxPanel(known_up_to=3, messages=many, up_to=12)

    async with Shown().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = pilot.app.query_one(OutboxPanel)
        assert panel.max_scroll_y > 0
        assert len(widths) == 1, widths
        panel.show_messages(many[:1], 1)
        await pilot.pause()
        assert panel.max_scroll_y == 0
        assert set(widths) == {widths[0]}, widths


class _Fields(App[None]):
    """Three fields and the footer of the keys; F5 is offered on the third field only."""

    BINDINGS = [Binding("f5", "third", "Troisième")]

    def compose(self) -> ComposeResult:
        yield Input(id="a")
        yield Input(id="b")
        yield Input(id="c")
        yield KeysFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "third":
            return self.focused is not None and self.focused.id == "c"
        return True

    def action_third(self) -> None:
        return None


async def test_footer_rebuilds_its_keys_only_when_they_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Moving from a field to another that offers the same keys keeps the footer's keys as
    they are (Textual's Footer removes and mounts them again at every focus change); keys
    mounted are not restyled as they mount."""
    restyled: list[Widget] = []
    update_node_styles = Widget.update_node_styles

    def spy(self: Widget, animate: bool = True) -> None:
        restyled.append(self)
        update_node_styles(self, animate)

    monkeypatch.setattr(Widget, "update_node_styles", spy)
    app = _Fields()
    async with app.run_test() as pilot:
        footer = app.query_one(KeysFooter)

        def keys() -> list[FooterKey]:
            return list(footer.query(FooterKey))

        app.query_one("#a").focus()
        await pilot.pause()
        shown = keys()
        assert shown and "Troisième" not in [key.description for key in shown]
        app.query_one("#b").focus()
        await pilot.pause()
        assert keys() == shown  # the same widgets: nothing was rebuilt
        restyled.clear()
        app.query_one("#c").focus()
        await pilot.pause()
        assert "Troisième" in [key.description for key in keys()]
        assert not [widget for widget in restyled if isinstance(widget, FooterKey)]


async def test_outbox_is_focusable_and_scrolls_by_keyboard() -> None:
    panel = OutboxPanel()
    async with _Host(panel).run_test(size=(100, 20)) as pilot:
        panel.show_messages([message(i, i) for i in range(1, 8)])
        await pilot.pause()
        assert panel.can_focus
        panel.focus()
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        assert panel.scroll_y > 0


@pytest.mark.parametrize("model", list(CardModel))
@pytest.mark.parametrize("show", ["nir", "serial"])
async def test_card_drawing_fits_and_says_where(model: CardModel, show: str) -> None:
    assert show in ("nir", "serial")
    drawing = VitaleCardDrawing(model, "nir" if show == "nir" else "serial")
    async with _Host(drawing).run_test():
        lines = plain(drawing).splitlines()
        assert all(len(line) <= 60 for line in lines[:-1])
        assert lines[-1] == drawing.caption and drawing.caption.startswith("Où :")
        arrow = t(f"widget.card.arrow.{show}")
        assert sum(arrow in line for line in lines) == 1
        if model is CardModel.WITH_PHOTO and show == "serial":
            assert "8025000002 0102457612 4" in plain(drawing)


async def test_an_action_row_stacks_its_buttons_only_when_they_do_not_fit() -> None:
    """Side by side where they fit; where they do not, one a line, each the row's whole
    width; decided again when the terminal is resized; Tab follows the order given."""
    row = ActionRow(
        Button("Revenir à ma saisie", id="back"),
        Button("Générer un nouveau code", id="new"),
        Button("Fermer", id="close"),
    )
    app = _Host(row)
    async with app.run_test(size=(100, 16)) as pilot:
        for width, stacked in ((100, False), (40, True), (100, False)):
            await pilot.resize_terminal(width, 16)
            await pilot.pause()
            assert row.stacked is stacked
            regions = [button.region for button in row.query(Button)]
            assert all(row.content_region.contains_region(region) for region in regions)
            if stacked:
                assert [r.width for r in regions] == [row.content_region.width] * 3
                assert [r.y for r in regions] == sorted({r.y for r in regions})
            else:
                assert len({r.y for r in regions}) == 1
                assert [r.x for r in regions] == sorted({r.x for r in regions})
            row.query_one("#back").focus()
            for expected in ("new", "close", "back"):
                await pilot.press("tab")
                assert app.focused is not None and app.focused.id == expected


async def test_quit_confirm_escape_stays() -> None:
    results: list[bool | None] = []
    app = _Host(Static("page"))
    async with app.run_test() as pilot:
        app.push_screen(QuitConfirmScreen(), results.append)
        await pilot.pause()
        assert isinstance(app.focused, Button) and app.focused.id == "stay"
        text = screen_text(app.screen)
        assert "Quitter la page ?" in text
        assert "l'activation de votre profil sera perdue" in text
        await pilot.press("escape")
        await pilot.pause()
    assert results == [False]


async def test_quit_confirm_choose_quit_by_keyboard() -> None:
    results: list[bool | None] = []
    app = _Host(Static("page"))
    async with app.run_test() as pilot:
        app.push_screen(QuitConfirmScreen(), results.append)
        await pilot.pause()
        await pilot.press("tab")
        assert isinstance(app.focused, Button) and app.focused.id == "quit"
        await pilot.press("enter")
        await pilot.pause()
    assert results == [True]


async def test_quit_confirm_enter_on_default_stays() -> None:
    results: list[bool | None] = []
    app = _Host(Static("page"))
    async with app.run_test() as pilot:
        app.push_screen(QuitConfirmScreen(), results.append)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert results == [False]


HELP_SCREENS: dict[str, tuple[type[Screen[None]], Callable[[], Screen[None]], tuple[str, ...]]] = {
    "nir": (
        HelpNirScreen,
        HelpNirScreen,
        (
            "Où trouver mon numéro de sécurité sociale ?",
            "Mon numéro de sécurité sociale est indiqué au verso de ma carte Vitale",
            "sur la face avant de ma carte Vitale",
            "Moins de 18 ans : quel numéro de sécurité sociale saisir ?",
            "renseigner le numéro de sécurité sociale du destinataire de l'e-mail ou du courrier",
        ),
    ),
    "serial": (
        HelpSerialScreen,
        lambda: HelpSerialScreen(CardModel.WITH_PHOTO),
        (
            "Où trouver mon numéro de série de carte Vitale ?",
            "au dos en haut à gauche de votre carte Vitale. Il est composé de 8 à 13 chiffres.",
            "Renseignez les 11 derniers chiffres de votre numéro de série.",
            "Afin d'obtenir le numéro de série de votre carte Vitale, contactez le : 3422",
            "Service disponible du lundi au vendredi de 8h30 à 17h30.",
            "Contactez un conseiller par visio-interprétation",
        ),
    ),
    "contact": (
        HelpContactScreen,
        HelpContactScreen,
        ("3422", "Mes coordonnées sont incorrectes ?", "compte ameli", "visio-interprétation"),
    ),
    "cgu": (
        DocumentScreen,
        lambda: DocumentScreen(t("help.cgu.title"), t("help.cgu.body")),
        ("Conditions Générales d'Utilisation", "résumé fictif"),
    ),
    "privacy": (
        DocumentScreen,
        lambda: DocumentScreen(t("help.privacy.title"), t("help.privacy.body")),
        ("Politique de protection des données personnelles", "Opposition"),
    ),
    "f1": (
        ScreenHelpScreen,
        lambda: ScreenHelpScreen(
            "Je m'identifie",
            ["Saisissez le code provisoire reçu par e-mail."],
            [t("help.keys.tab"), t("help.keys.binding.quit"), t("help.keys.binding.outbox")],
        ),
        (
            "Aide : Je m'identifie",
            "Saisissez le code provisoire reçu par e-mail.",
            "Tab / Maj+Tab",
            "Ctrl+Q",
            "F2",
            "3422",
        ),
    ),
}


@pytest.mark.parametrize("name", list(HELP_SCREENS))
async def test_help_screens_open_and_close_with_escape(name: str) -> None:
    screen_type, make, expected = HELP_SCREENS[name]
    app = _Host(Static("page"))
    closed: list[None] = []
    async with app.run_test(size=(100, 32)) as pilot:
        app.push_screen(make(), closed.append)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, screen_type)
        assert isinstance(app.focused, Button) and app.focused.id == "close"
        assert screen.query(Footer)
        text = screen_text(screen)
        for fragment in expected:
            assert fragment in text, fragment
        await pilot.press("pagedown")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, screen_type)
    assert closed == [None]


async def test_help_screen_scrolls_while_button_has_focus() -> None:
    app = _Host(Static("page"))
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(HelpNirScreen())
        await pilot.pause()
        body = app.screen.query_one("#dialog-body", VerticalScroll)
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0
        await pilot.press("enter")  # the focused « Fermer » button
        await pilot.pause()
        assert not isinstance(app.screen, HelpNirScreen)


async def test_help_serial_shows_given_model_first() -> None:
    app = _Host(Static("page"))
    async with app.run_test(size=(100, 32)) as pilot:
        app.push_screen(HelpSerialScreen(CardModel.WITH_PHOTO))
        await pilot.pause()
        drawings = list(app.screen.query(VitaleCardDrawing))
        assert [d.model for d in drawings] == [CardModel.WITH_PHOTO, CardModel.WITHOUT_PHOTO]
        assert all(d.show == "serial" for d in drawings)


def test_documents_have_8_to_15_paragraphs() -> None:
    for key in ("help.cgu.body", "help.privacy.body"):
        paragraphs = DocumentScreen("x", t(key)).paragraphs
        assert 8 <= len(paragraphs) <= 15


async def test_choice_set_highlight_starts_on_the_chosen_option() -> None:
    """Enter at once keeps the current choice (a plain RadioSet would pick the first)."""
    from mes_sante_tui.widgets import ChoiceButton, ChoiceSet

    choices = ChoiceSet(
        ChoiceButton("Version 2022", id="v2022"),
        ChoiceButton("Version 2025", id="v2025", value=True),
    )
    async with _Host(choices).run_test() as pilot:
        await pilot.pause()
        choices.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert choices.pressed_button is not None
        assert choices.pressed_button.id == "v2025"


async def test_toggles_show_their_state_in_the_symbol() -> None:
    from mes_sante_tui.widgets import ChoiceButton, TickBox

    box, radio = TickBox("J'accepte"), ChoiceButton("Carte Vitale sans photo")
    async with _Host(box).run_test() as pilot:
        assert box.render().plain.startswith("[ ]")
        box.value = True
        await pilot.pause()
        assert box.render().plain.startswith("[✓]")
    async with _Host(radio).run_test() as pilot:
        assert radio.render().plain.startswith("( )")
        radio.value = True
        await pilot.pause()
        assert radio.render().plain.startswith("(•)")


# Each form that asks for the card, as the app builds it (handed its call).
CARD_FORMS: dict[str, Callable[[MesSanteApp, Session], Screen[Any]]] = {
    "IdentifyScreen": lambda app, session: app.handing.identify(session),
    "RegenerateScreen": lambda app, session: app.handing.regenerate(session, None),
    "VitaleScreen": lambda app, session: app.handing.step(
        Step.VITALE, session, logged_in=False, identifier=None
    ),
    "ForgotPasswordScreen": lambda app, session: app.handing.forgot_password(session),
}


@pytest.mark.parametrize("screen_name", list(CARD_FORMS))
async def test_serial_prefix_only_for_the_card_with_photo_on_every_card_form(
    services: Services, screen_name: str
) -> None:
    """Issue 7, C13: the fixed prefix 8025000002 is hidden before a model is chosen and for a
    card without photo, on every form that asks for the card (one shared widget)."""
    app = make_app(services=services, settings=Settings())
    app.outbox_visible = False
    async with app.run_test(size=(110, 40)) as pilot:
        app.start_journey()
        await pilot.pause()
        assert app.session is not None
        app.push_screen(CARD_FORMS[screen_name](app, app.session))
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == screen_name
        card = form.query_one(CardFields)
        prefix = card.query_one("#serial-field .field-prefix", Static)
        hint = card.query_one("#serial-field .field-hint", Static)

        def shown() -> bool:
            return prefix.display and prefix.region.area > 0

        assert card.model is None and not shown()
        assert plain(hint) == t("field.serial.hint.none")
        form.query_one("#model").focus()
        await pilot.press("enter")  # « Carte Vitale sans photo »
        await pilot.pause()
        assert card.model is CardModel.WITHOUT_PHOTO and not shown()
        assert plain(hint) == t("field.serial.hint.without")
        await pilot.press("down", "enter")  # « Carte Vitale avec photo »
        await pilot.pause()
        assert card.model is CardModel.WITH_PHOTO and shown()
        assert plain(prefix) == PHOTO_PREFIX
        assert plain(hint) == t("field.serial.hint.with")
        await pilot.press("up", "enter")  # back to the card without photo: the prefix goes
        await pilot.pause()
        assert card.model is CardModel.WITHOUT_PHOTO and not shown()


# --- long labels of choices and boxes wrap, never cut ------------------------------------------


class LongChoices(App[None]):
    LABEL = "Je certifie être le représentant légal de Léa Leguellec, née le 03/05/2016"

    def compose(self) -> ComposeResult:
        from mes_sante_tui.widgets.choices import ChoiceButton, ChoiceSet, TickBox

        with ChoiceSet():
            yield ChoiceButton(self.LABEL, id="long")
            yield ChoiceButton("Non", id="short")
        yield TickBox(self.LABEL, id="box")


async def test_a_long_choice_or_box_label_wraps_instead_of_being_cut() -> None:
    """Textual's toggles take one line and end a long label with « … »: beside the outbox,
    « … représentant légal de Léa Leguellec » lost the child's name."""
    app = LongChoices()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        for widget_id in ("long", "box"):
            widget = app.query_one(f"#{widget_id}")
            assert widget.region.height > 1, widget_id
            shown = "".join(
                strip.text for strip in widget.render_lines(widget.region.reset_offset)
            )
            assert "…" not in shown and "Leguellec" in shown, shown
        assert app.query_one("#short").region.height == 1


def test_outbox_text_is_cut_at_spaces_within_the_width() -> None:
    from mes_sante_tui.widgets.outbox_panel import Line, wrap

    lines = [
        Line("Objet : Mon espace santé : votre code provisoire", "outbox--strong"),
        Line(""),
        Line("martine.leguellec.tres-longue-adresse@exemple.fr"),
    ]
    wrapped = wrap(lines, 20)
    assert all(len(line.text) <= 20 for line in wrapped)
    assert [line.text for line in wrapped[:3]] == [
        "Objet : Mon espace",
        "santé : votre code",
        "provisoire",
    ]
    assert {line.look for line in wrapped[:3]} == {"outbox--strong"}  # each part keeps its look
    assert wrapped[3] == Line("")  # a blank line between paragraphs stays
    assert "".join(line.text for line in wrapped[4:]) == lines[2].text  # a long word is cut
    assert wrap(lines, 0) == []
