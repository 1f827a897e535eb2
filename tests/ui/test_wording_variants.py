"""Each journey variant speaks its own guide's words (issue 7, D20-D23): the « Commencer »
page with its links, the decision with each option's sentence under it, the contact and
account steps, and an outcome that says its title once."""

from __future__ import annotations

from typing import Any

import pytest
from drive import open_step
from support import current, person_id, tab_to, type_text
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, RadioButton, RadioSet, Static

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.engine import Choice, Outcome
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, Settings
from mes_sante_tui.screens import (
    AccountScreen,
    BirthDateScreen,
    ContactsScreen,
    DecisionScreen,
    IdentifyScreen,
    LoginScreen,
    OutcomeScreen,
    RegenerateScreen,
    SendCodeScreen,
    StartScreen,
)
from mes_sante_tui.wording import t

SIZE = (110, 34)
CODE_FIRST, IDENTITY_FIRST = JourneyVariant.CODE_FIRST, JourneyVariant.IDENTITY_FIRST


def app_for(services: Services, variant: JourneyVariant) -> MesSanteApp:
    app = make_app(services=services, settings=Settings(journey=variant))
    app.outbox_visible = False
    return app


def plain(widget: Any) -> str:
    if isinstance(widget, Button | RadioButton):
        return str(widget.label)
    visual = widget.visual
    return visual.plain if isinstance(visual, Content) else str(widget.content)


def main_lines(screen: Screen[Any]) -> list[str]:
    """What the journey part of the screen shows, widget by widget, in order."""
    main = screen.query_one("#main")
    return [
        plain(w)
        for w in main.query("*")
        if isinstance(w, Static | Button | RadioButton) and w.display
    ]


async def to_start(pilot: Pilot[None]) -> StartScreen:
    await pilot.press("enter")  # « Activer Mon espace santé »
    await pilot.pause()
    start = current(pilot.app)
    assert isinstance(start, StartScreen)
    return start


async def press(pilot: Pilot[None], widget_id: str) -> None:
    await tab_to(pilot, widget_id)
    await pilot.press("enter")
    await pilot.pause()


# --- D20: the « Commencer » page ---------------------------------------------------------


async def test_code_first_start_page_is_guide_002s_with_its_two_links(
    services: Services,
) -> None:
    martine = services.store.person(person_id(services, "martine"))
    app = app_for(services, CODE_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        start = await to_start(pilot)
        assert start.title_text() == "Activation de Mon espace santé"
        lines = main_lines(start)
        for expected in (
            "Pour l'activer ou m'y opposer j'ai besoin d'avoir :",
            "• Le code provisoire reçu par e-mail ou courrier",
            "• Ma carte Vitale",
            "• 5 minutes de mon temps",
            "Commencer",
            "Je n'ai pas de code provisoire ?",
            "Générer un nouveau code provisoire",
            "J'ai déjà activé Mon espace santé ?",
            "Me connecter",
        ):
            assert expected in lines, expected
        # Each link stands right under its question.
        for question, link in (
            ("Je n'ai pas de code provisoire ?", "Générer un nouveau code provisoire"),
            ("J'ai déjà activé Mon espace santé ?", "Me connecter"),
        ):
            assert lines[lines.index(question) + 1] == link

        # « Générer un nouveau code provisoire »: NIR, date of birth, card, then the code is
        # sent and the person is on « Je m'identifie », told where it went.
        await press(pilot, "regenerate")
        form = current(app)
        assert isinstance(form, RegenerateScreen)
        await type_text(pilot, martine.nir)
        await tab_to(pilot, "birth_date")
        await type_text(pilot, "10/03/1973")
        await pilot.press("tab", "enter", "tab")  # the card without photo
        await type_text(pilot, "953701166")
        await pilot.press("enter")
        await pilot.pause()
        send = current(app)
        assert isinstance(send, SendCodeScreen), form
        await tab_to(pilot, "channel")
        await pilot.press("enter")  # by e-mail
        await press(pilot, "validate")
        await pilot.pause()
        identify = current(app)
        assert isinstance(identify, IdentifyScreen), identify
        notice = identify.query_one("#notice", Static)
        assert notice.display
        assert str(notice.content) == t(
            "regenerate.sent", where=t("regenerate.where.email", masked="mar*****@exemple.fr")
        )


@pytest.mark.parametrize("variant", list(JourneyVariant))
async def test_the_start_page_leads_to_the_login(
    services: Services, variant: JourneyVariant
) -> None:
    app = app_for(services, variant)
    async with app.run_test(size=SIZE) as pilot:
        await to_start(pilot)
        await press(pilot, "login")
        assert isinstance(current(app), LoginScreen)


async def test_identity_first_start_page_asks_for_what_guide_000_asks(
    services: Services,
) -> None:
    app = app_for(services, IDENTITY_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        start = await to_start(pilot)
        assert start.title_text() == "Activer Mon espace santé"
        lines = main_lines(start)
        for expected in (
            "Pour l'activer, j'ai besoin de :",
            "• Mon numéro de sécurité sociale",
            "• Mon numéro de série de carte Vitale",
            "• 5 minutes de mon temps",
            "Commencer",
            "Se connecter",
        ):
            assert expected in lines, expected
        # The code is sent during the journey: the page does not ask for one it has not sent.
        assert not any("code provisoire" in line for line in lines), lines
        assert not start.query("#regenerate")
        await pilot.press("enter")  # « Commencer »
        await pilot.pause()
        assert isinstance(current(app), BirthDateScreen)


# --- D21: each variant's words on the decision, contacts and account steps ----------------

WORDS: dict[tuple[JourneyVariant, Step], tuple[str, ...]] = {
    (CODE_FIRST, Step.DECISION): (
        "Bonjour Martine !",
        "Lire les Conditions Générales d'Utilisation",
        "Lire la Politique de protection des données personnelles",
    ),
    (IDENTITY_FIRST, Step.DECISION): (
        "Activation",
        "En savoir plus sur les Conditions Générales d'Utilisation",
        "En savoir plus sur la Politique de protection des données personnelles",
    ),
    (CODE_FIRST, Step.CONTACTS): (
        "Je vérifie mes coordonnées de contact",
        "Ces informations sont indispensables pour assurer la sécurité de Mon espace santé et "
        "ont été transmises par ma caisse d'assurance maladie.",
        "✎ Modifier le numéro de mobile",
    ),
    (IDENTITY_FIRST, Step.CONTACTS): (
        "Je vérifie mes coordonnées",
        "Ces informations me permettent de recevoir mon code à usage unique nécessaire à "
        "chaque accès au profil Mon espace santé. Elles ont été transmises par ma caisse "
        "d'assurance maladie.",
        "✎ Modifier mon numéro de mobile",
    ),
    (CODE_FIRST, Step.ACCOUNT): (
        "Je choisis mon identifiant et mon mot de passe",
        "Ils sont indispensables pour me connecter à Mon espace santé. Pour plus de sécurité, "
        "l'identifiant ne peut pas être une adresse e-mail.",
    ),
    (IDENTITY_FIRST, Step.ACCOUNT): (
        "Je choisis l'identifiant et le mot de passe commun à tous mes profils",
        "Ils me permettent de me connecter à mon profil. Tous les champs sont obligatoires.",
        "Les adresses e-mail, le numéro de sécurité sociale et les majuscules ne peuvent pas "
        "être utilisés. Votre identifiant peut contenir : 8 caractères minimum, des chiffres, "
        "des minuscules sans accents, les caractères spéciaux « . - _ ».",
    ),
}
SCREENS = {
    Step.DECISION: DecisionScreen,
    Step.CONTACTS: ContactsScreen,
    Step.ACCOUNT: AccountScreen,
}


@pytest.mark.parametrize(("variant", "step"), list(WORDS))
async def test_each_variant_speaks_its_guides_words(
    services: Services, variant: JourneyVariant, step: Step
) -> None:
    app = app_for(services, variant)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, step)
        screen = current(app)
        assert isinstance(screen, SCREENS[step])
        lines = main_lines(screen)
        title, *said = WORDS[variant, step]
        assert screen.title_text() == title
        assert title in lines
        for text in said:
            assert text in lines, text
        # And not the other guide's words for the same thing.
        other = CODE_FIRST if variant is IDENTITY_FIRST else IDENTITY_FIRST
        for text in WORDS[other, step]:
            assert text not in lines, text


# --- D22: each option's sentence under its option ------------------------------------------


@pytest.mark.parametrize("variant", list(JourneyVariant))
async def test_each_options_sentence_stands_under_it(
    services: Services, variant: JourneyVariant
) -> None:
    app = app_for(services, variant)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)
        decision = current(app)
        choice = decision.query_one("#choice", RadioSet)
        order = [
            (plain(w), w.region.y)
            for w in choice.children
            if isinstance(w, RadioButton | Static)
        ]
        assert [text for text, _ in order] == [
            t("decision.activate"),
            t("decision.activate.text"),
            t("decision.oppose"),
            t("decision.oppose.text"),
        ]
        rows = [y for _, y in order]
        assert rows == sorted(rows) and len(set(rows)) == 4
        # The arrows go from option to option, never onto a sentence.
        choice.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert choice.pressed_button is not None and choice.pressed_button.id == "oppose"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert choice.pressed_button is not None and choice.pressed_button.id == "activate"


async def test_a_preset_choice_is_kept_by_enter(services: Services) -> None:
    app = app_for(services, CODE_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)
        await pilot.app.pop_screen()
        assert app.session is not None
        await pilot.app.push_screen(app.handing.decision(app.session, Choice.OPPOSE))
        await pilot.pause()
        choice = current(app).query_one("#choice", RadioSet)
        choice.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert choice.pressed_button is not None and choice.pressed_button.id == "oppose"


# --- D23: an outcome says its title once ---------------------------------------------------


async def test_the_not_activable_screen_says_it_once(services: Services) -> None:
    app = app_for(services, CODE_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        await to_start(pilot)
        refused = Refused(outcome=Outcome.NOT_ACTIVABLE, message=t("identify.not_activable"))
        app.show_outcome(refused, Step.IDENTIFY)
        await pilot.pause()
        outcome = current(app)
        assert isinstance(outcome, OutcomeScreen)
        said = "\n".join(main_lines(outcome))
        assert said.count("ne peut pas être activé") == 1, said
        assert outcome.title_text() == "Ce profil ne peut pas être activé"
        assert "3422" in said and "service gratuit + prix d'un appel local" in said
