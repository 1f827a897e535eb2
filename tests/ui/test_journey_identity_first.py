"""Pilot tests: the identity-first activation (guide 000) through the real screens, by
keyboard: date of birth, Vitale data, « Mon code provisoire » (send, then type the code read
in the outbox), decision, contacts, account, success; the stepper at each step; twins, the
legal representative, a child of an active parent, and the 30-second rule.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from support import newest_code, person_id, persona_code, type_text
from textual import events
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, RadioButton, Static

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.engine import Choice
from mes_sante_tui.core.models import CardModel, Channel, ProfileStatus
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, Settings
from mes_sante_tui.screens import (
    AccountScreen,
    BirthDateScreen,
    ChooseProfileScreen,
    CodeScreen,
    ContactsScreen,
    DecisionScreen,
    HomeScreen,
    OutcomeScreen,
    RepresentativeScreen,
    StartScreen,
    SuccessScreen,
    VitaleScreen,
)
from mes_sante_tui.widgets import ErrorSummary, FormField, Stepper
from mes_sante_tui.wording import t

SIZE = (120, 40)
STAGES = ["Mon identité", "Mon code", "Activation", "Mon compte"]
MARTINE_SERIAL = "953701166"
PASSWORD = "Kayak#Loire2026"


# --- helpers -------------------------------------------------------------------------------


def identity_first() -> Settings:
    return Settings(journey=JourneyVariant.IDENTITY_FIRST)


def app_for(services: Services) -> MesSanteApp:
    return make_app(services=services, settings=identity_first())


def current(app: App[Any]) -> Screen[Any]:
    """The screen shown now (a call, so that a type checker keeps no old narrowing)."""
    return app.screen


def plain(widget: Widget) -> str:
    """The text a widget shows, without styles."""
    if isinstance(widget, Button | RadioButton):
        return str(widget.label)
    if isinstance(widget, Static):
        visual = widget.visual
        return visual.plain if isinstance(visual, Content) else str(widget.content)
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Content) else str(rendered)


def main_text(screen: Screen[Any]) -> str:
    """Everything the journey part of the screen shows (not the simulated outbox)."""
    main = screen.query_one("#main")
    shown = [
        widget
        for widget in main.query("*")
        if isinstance(widget, Static | Button | RadioButton) and visible(widget, main)
    ]
    return "\n".join(plain(widget) for widget in shown)


def visible(widget: Widget, within: Widget) -> bool:
    """Neither the widget nor any container up to `within` is hidden."""
    node: Widget | None = widget
    while node is not None and node is not within:
        if not node.display:
            return False
        parent = node.parent
        node = parent if isinstance(parent, Widget) else None
    return True


def field_error(screen: Screen[Any], name: str) -> str | None:
    fields: dict[str, FormField] = screen.fields  # type: ignore[attr-defined]
    return fields[name].error


def stepper_of(screen: Screen[Any]) -> Stepper:
    stepper = screen.query_one(Stepper)
    assert stepper.steps == tuple(STAGES)
    return stepper


def assert_stage(screen: Screen[Any], index: int) -> None:
    """The stepper says the stage in words (« Étape 2 sur 4 : Mon code ») and in symbols."""
    stepper = stepper_of(screen)
    assert stepper.current == index, (screen, stepper.current)
    assert stepper.heading == f"Étape {index + 1} sur 4 : {STAGES[index]}"
    line = plain(stepper).splitlines()[-1]
    marks = ["✓"] * index + ["●"] + ["○"] * (3 - index)
    assert line == " ─ ".join(f"{mark} {name}" for mark, name in zip(marks, STAGES, strict=True))



def outbox_size(services: Services) -> int:
    return len(services.store.outbox())


async def enter(pilot: Pilot[None]) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def press_on(pilot: Pilot[None], widget_id: str) -> None:
    """Focus a button (or radio set) by its id, then Enter."""
    pilot.app.screen.query_one(f"#{widget_id}").focus()
    await enter(pilot)


async def put(pilot: Pilot[None], text: str, *, typed: bool) -> None:
    """Into the focused field: typed key by key, or pasted as a terminal sends a paste (used
    after the first test has typed everything, to keep the file quick)."""
    if typed:
        await type_text(pilot, text)
    else:
        pilot.app.post_message(events.Paste(text))
        await pilot.pause()


async def to_birth_date(pilot: Pilot[None]) -> BirthDateScreen:
    app = pilot.app
    await enter(pilot)  # « Activer Mon espace santé »
    assert isinstance(current(app), StartScreen)
    await enter(pilot)  # « Commencer »
    screen = current(app)
    assert isinstance(screen, BirthDateScreen)
    return screen


async def type_date(pilot: Pilot[None], born: str, *, typed: bool = True) -> None:
    """On « Je renseigne la date de naissance »: the date, then Enter."""
    assert pilot.app.focused is pilot.app.screen.query_one("#birth_date")
    await put(pilot, born, typed=typed)
    await enter(pilot)


async def type_vitale(
    pilot: Pilot[None], nir: str, serial: str, *, photo: bool = False, typed: bool = True
) -> None:
    """On the Vitale screen: NIR with spaces, the card model by arrows, serial, Enter."""
    app = pilot.app
    assert isinstance(current(app), VitaleScreen)
    assert app.focused is app.screen.query_one("#nir")
    await put(pilot, f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:]}", typed=typed)
    await pilot.press("tab", "tab")  # past « Où trouver mon numéro de sécurité sociale ? »
    assert app.focused is app.screen.query_one("#model")
    if photo:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.press("tab")
    assert app.focused is app.screen.query_one("#serial")
    await put(pilot, serial, typed=typed)
    await enter(pilot)


async def to_code(pilot: Pilot[None], services: Services, born: str) -> Screen[Any]:
    """From home: the date of birth typed (Martine's, or one of her children's), then
    Martine's NIR and card; returns the screen that follows."""
    await to_birth_date(pilot)
    await type_date(pilot, born, typed=False)
    martine = services.store.person(person_id(services, "martine"))
    await type_vitale(pilot, martine.nir, MARTINE_SERIAL, typed=False)
    return current(pilot.app)


async def send_and_type_code(pilot: Pilot[None], services: Services, channel_index: int) -> str:
    """« Mon code provisoire »: choose the channel by arrows, « Envoyer le code », then type
    the code read in the outbox and Enter."""
    app = pilot.app
    screen = current(app)
    assert isinstance(screen, CodeScreen)
    assert app.focused is screen.query_one("#channel")
    await pilot.press(*["down"] * channel_index, "enter")
    await pilot.press("tab", "tab")  # past « Mes coordonnées sont incorrectes ? »
    assert app.focused is screen.query_one("#send")
    await enter(pilot)
    assert app.focused is screen.query_one("#code")
    code = newest_code(services)
    await type_text(pilot, code)
    await enter(pilot)
    return code


async def decide_to_activate(pilot: Pilot[None]) -> None:
    assert isinstance(current(pilot.app), DecisionScreen)
    await pilot.press("enter")  # « J'active Mon espace santé »
    await pilot.press("tab", "space")  # « J'accepte les Conditions Générales … »
    await press_on(pilot, "continue")


def activate_martine_by_engine(services: Services) -> None:
    """Martine has activated her own space (her account is the household's), outside the app."""
    engine = services.engine
    session = engine.start_session()
    who = services.store.person(person_id(services, "martine"))
    found = engine.identify_with_code(
        session,
        code=persona_code(services, "martine"),
        nir=who.nir,
        model=CardModel.WITHOUT_PHOTO,
        serial=MARTINE_SERIAL,
    )
    assert found.ok, found
    assert engine.decide(session, Choice.ACTIVATE, True).ok
    assert engine.confirm_contacts(session).ok
    created = engine.create_account(
        session, identifier_raw="martine.l44", password_raw=PASSWORD, confirmation=PASSWORD
    )
    assert created.ok, created


def count(services: Services, table: str) -> int:
    row = services.store.query_one(f"SELECT COUNT(*) AS n FROM {table}")
    assert row is not None
    return int(row["n"])


# --- the whole journey ---------------------------------------------------------------------


async def test_identity_first_activation_of_martine_by_keyboard(services: Services) -> None:
    martine = person_id(services, "martine")
    app = app_for(services)
    async with app.run_test(size=SIZE) as pilot:
        home = current(app)
        assert isinstance(home, HomeScreen)
        assert not home.query(Stepper)  # no stepper before the journey starts
        await enter(pilot)
        assert isinstance(current(app), StartScreen)
        assert not current(app).query(Stepper)
        await enter(pilot)

        # Mon identité: « Je renseigne la date de naissance ».
        screen = current(app)
        assert isinstance(screen, BirthDateScreen)
        assert screen.title_text() == "Je renseigne la date de naissance"
        assert_stage(screen, 0)
        await type_date(pilot, "10/03/1973")

        # Mon identité: « Je renseigne les informations de ma carte Vitale ».
        screen = current(app)
        assert isinstance(screen, VitaleScreen), screen.query_one(ErrorSummary).lines
        assert_stage(screen, 0)
        nir = services.store.person(martine).nir
        await type_vitale(pilot, nir, MARTINE_SERIAL)

        # Mon code: straight here (no twins, not a child).
        screen = current(app)
        assert isinstance(screen, CodeScreen), screen.query_one(ErrorSummary).lines
        assert screen.title_text() == "Mon code provisoire"
        assert_stage(screen, 1)
        assert screen.query_one("#entry").display is False  # nothing to type before sending
        text = main_text(screen)
        assert "Par e-mail : mar*****@exemple.fr" in text
        assert "Par SMS : ** ** ** *3 77" in text
        assert "Envoyer le code" in text
        sent_before = outbox_size(services)
        code = await send_and_type_code(pilot, services, channel_index=0)  # e-mail
        newest = max(services.store.outbox(), key=lambda m: m.id)
        assert outbox_size(services) == sent_before + 1
        assert newest.channel is Channel.EMAIL
        assert newest.address == "martine.leguellec@exemple.fr"
        assert code in newest.body

        # Activation: the decision, then the contact check.
        screen = current(app)
        assert isinstance(screen, DecisionScreen), screen
        assert screen.title_text() == "Activation"  # guide 000's step
        assert_stage(screen, 2)
        await decide_to_activate(pilot)
        screen = current(app)
        assert isinstance(screen, ContactsScreen), screen.query_one(ErrorSummary).lines
        assert_stage(screen, 2)
        assert app.focused is screen.query_one("#continue")
        await enter(pilot)

        # Mon compte: identifier and password.
        screen = current(app)
        assert isinstance(screen, AccountScreen), screen.query_one(ErrorSummary).lines
        assert_stage(screen, 3)
        await type_text(pilot, "martine.l44")
        await pilot.press("tab")
        await type_text(pilot, PASSWORD)
        await pilot.press("tab")
        await type_text(pilot, PASSWORD)
        await enter(pilot)

        screen = current(app)
        assert isinstance(screen, SuccessScreen), screen.query_one(ErrorSummary).lines
        assert screen.title_text() == "Mon profil a bien été activé !"
        assert "Mon profil a bien été activé !" in main_text(screen)
        assert not screen.query(Stepper)  # the journey is over

    stored = services.store.person(martine)
    assert stored.status is ProfileStatus.ACTIVATED
    assert services.store.account_identifier(martine) == "martine.l44"
    used = services.store.query(
        "SELECT origin FROM provisional_codes WHERE person_id = ? AND used_at IS NOT NULL",
        (martine,),
    )
    assert [row["origin"] for row in used] == ["regenerated"]  # the code she typed


async def test_the_code_screen_for_a_letter_only_persona(services: Services) -> None:
    """Gérard has neither e-mail nor mobile: the letter is the only channel, chosen for him,
    and the screen says why and how to update his contacts."""
    gerard = services.store.person(person_id(services, "gerard"))
    app = app_for(services)
    async with app.run_test(size=SIZE) as pilot:
        await to_birth_date(pilot)
        await type_date(pilot, "01/12/1948", typed=False)
        await type_vitale(pilot, gerard.nir, "3309175512", typed=False)
        screen = current(app)
        assert isinstance(screen, CodeScreen), screen.query_one(ErrorSummary).lines
        text = main_text(screen)
        assert "Par courrier : Courrier à M. LAMBERT" in text
        assert "Par e-mail" not in text and "Par SMS" not in text
        assert t("send_code.letter_only") in text  # the letter-only explanation
        await press_on(pilot, "send")  # the only channel is already chosen
        assert str(screen.query_one("#entry-title", Static).content) == (
            "Je saisis le code reçu par courrier"
        )
        assert str(screen.query_one("#sent-to", Static).content) == (
            "Le code provisoire vous a été envoyé par courrier (Courrier à M. LAMBERT)"
        )
        newest = max(services.store.outbox(), key=lambda m: m.id)
        assert newest.channel is Channel.LETTER
        assert newest.body.endswith(t("outbox.letter.update_contacts"))
        await type_text(pilot, newest_code(services))
        await enter(pilot)
        decision = current(app)
        assert isinstance(decision, DecisionScreen)
        assert decision.title_text() == "Activation"


# --- the household -------------------------------------------------------------------------


async def test_twins_choose_lina_then_certify_then_the_code(services: Services) -> None:
    lina = person_id(services, "lina")
    app = app_for(services)
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_code(pilot, services, "05/11/2019")
        assert isinstance(screen, ChooseProfileScreen), screen.query_one(ErrorSummary).lines
        assert screen.title_text() == "Je choisis pour qui j'active le profil"
        assert_stage(screen, 0)
        labels = [str(b.label) for b in screen.query(RadioButton)]
        assert [label.split(" — ")[0] for label in labels] == [
            "Jules Leguellec",
            "Lina Leguellec",
        ]
        assert app.session is not None and app.session.person_id is None

        # Continuer without a choice: the field says so.
        await press_on(pilot, "continue")
        assert current(app) is screen
        assert field_error(screen, "profile") == t("profile.required")

        await press_on(pilot, "profile")
        await pilot.press("down", "enter")  # Lina
        await press_on(pilot, "continue")
        assert app.session is not None and app.session.person_id == lina

        screen = current(app)
        assert isinstance(screen, RepresentativeScreen)
        assert_stage(screen, 0)
        text = main_text(screen)
        assert "Je certifie être le représentant légal de Lina Leguellec" in text
        assert "Je ne suis pas le représentant légal de Lina Leguellec" in text
        assert app.focused is screen.query_one("#certify")
        await pilot.press("enter")  # « Je certifie … »
        await press_on(pilot, "continue")

        screen = current(app)
        assert isinstance(screen, CodeScreen), screen.query_one(ErrorSummary).lines
        assert_stage(screen, 1)
        await send_and_type_code(pilot, services, channel_index=0)
        newest = max(services.store.outbox(), key=lambda m: m.id)
        assert newest.person_id == lina
        assert "pour le profil de Lina Leguellec" in newest.body
        decision = current(app)
        assert isinstance(decision, DecisionScreen)
        assert "Lina Leguellec" in main_text(decision)


async def test_not_the_legal_representative_gets_its_own_outcome(services: Services) -> None:
    before = count(services, "decisions"), count(services, "outbox")
    app = app_for(services)
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_code(pilot, services, "03/05/2014")  # Léa
        assert isinstance(screen, RepresentativeScreen), screen.query_one(ErrorSummary).lines
        await pilot.press("down", "enter")  # « Je ne suis pas le représentant légal de Léa … »
        await press_on(pilot, "continue")

        outcome = current(app)
        assert isinstance(outcome, OutcomeScreen)
        assert outcome.title_text() == "Seul le représentant légal peut agir"
        assert str(outcome.query_one("#outcome-message", Static).content) == t(
            "representative.refused", name="Léa Leguellec"
        )
        assert_stage(outcome, 0)  # the stepper stays where the person was
        assert [b.id for b in outcome.query(Button)] == ["action-home"]
        assert app.focused is outcome.query_one("#action-home")
        await enter(pilot)  # « Retour à l'accueil »
        assert isinstance(current(app), HomeScreen)
        assert app.session is None
    assert (count(services, "decisions"), count(services, "outbox")) == before


async def test_child_of_an_active_parent_skips_contacts_and_account(
    services: Services, clock: ManualClock
) -> None:
    activate_martine_by_engine(services)
    clock.advance(timedelta(minutes=1))
    lea = person_id(services, "lea")
    accounts = count(services, "accounts")
    app = app_for(services)
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_code(pilot, services, "03/05/2014")
        assert isinstance(screen, RepresentativeScreen), screen.query_one(ErrorSummary).lines
        await pilot.press("enter")  # « Je certifie être le représentant légal de Léa … »
        await press_on(pilot, "continue")
        await send_and_type_code(pilot, services, channel_index=0)

        decision = current(app)
        assert isinstance(decision, DecisionScreen), decision.query_one(ErrorSummary).lines
        assert decision.title_text() == "Activation"
        assert "Profil concerné : Léa Leguellec" in main_text(decision)
        await decide_to_activate(pilot)

        success = current(app)  # no contact check, no identifier to choose
        assert isinstance(success, SuccessScreen), success
        assert success.title_text() == "Mon profil a bien été activé !"
        assert "Le profil de Léa Leguellec a bien été activé." in main_text(success)
        assert not any(isinstance(s, ContactsScreen | AccountScreen) for s in app.screen_stack)

    assert services.store.person(lea).status is ProfileStatus.ACTIVATED
    assert count(services, "accounts") == accounts


# --- the SMS channel, the 30-second rule, a wrong code -------------------------------------


async def test_sms_wording_then_sending_again_within_30_seconds_must_wait(
    services: Services, clock: ManualClock
) -> None:
    app = app_for(services)
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_code(pilot, services, "10/03/1973")
        assert isinstance(screen, CodeScreen)
        await pilot.press("down", "enter")  # « Par SMS : ** ** ** *3 77 »
        await press_on(pilot, "send")

        # The entry follows the channel.
        assert str(screen.query_one("#entry-title", Static).content) == (
            "Je saisis le code reçu par SMS"
        )
        assert str(screen.query_one("#sent-to", Static).content) == (
            "Le code provisoire a été envoyé au numéro ** ** ** *3 77"
        )
        newest = max(services.store.outbox(), key=lambda m: m.id)
        assert newest.channel is Channel.SMS
        assert newest.address == "06 63 78 13 77"
        assert "06 63 78 13 77" not in main_text(screen)  # masked on the journey's screens
        first = newest_code(services)
        sent = outbox_size(services)
        assert str(screen.query_one("#send", Button).label) == "Envoyer à nouveau le code"

        # A code of the wrong length: said under the field, the entry kept.
        assert app.focused is screen.query_one("#code")
        await type_text(pilot, "abc")
        await enter(pilot)
        assert current(app) is screen
        assert field_error(screen, "code") == t("code.length")
        assert screen.query_one("#code", Input).value == "abc"

        # « Envoyer à nouveau le code » 10 seconds later: wait.
        clock.advance(timedelta(seconds=10))
        await press_on(pilot, "send")
        outcome = current(app)
        assert isinstance(outcome, OutcomeScreen)
        assert outcome.title_text() == "Un code vient d'être envoyé"
        assert str(outcome.query_one("#outcome-message", Static).content) == (
            "Veuillez attendre 30 secondes puis réessayez"
        )
        assert [b.id for b in outcome.query(Button)] == ["action-retry"]
        assert str(outcome.query_one("#action-retry", Button).label) == "Corriger ma saisie"
        assert app.focused is outcome.query_one("#action-retry")
        assert_stage(outcome, 1)
        assert outbox_size(services) == sent
        await enter(pilot)  # « Corriger ma saisie »
        assert current(app) is screen
        assert screen.query_one("#code", Input).value == "abc"

        await press_on(pilot, "send")  # still within the 30 seconds
        assert isinstance(current(app), OutcomeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) is screen
        assert outbox_size(services) == sent

        clock.advance(timedelta(seconds=20))  # 30 seconds after the first code
        await press_on(pilot, "send")
        assert current(app) is screen
        assert outbox_size(services) == sent + 1
        second = newest_code(services)
        assert second != first
        assert app.focused is screen.query_one("#code")
        await pilot.press("backspace", "backspace", "backspace")
        await type_text(pilot, second)
        await enter(pilot)
        assert isinstance(current(app), DecisionScreen)
