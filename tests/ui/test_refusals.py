"""Every refusal of every screen of the code-first journey, driven by keyboard.

Each refusal is checked where a person reads it: the exact French message under its field
(« ⚠ Erreur : … ») and in the summary at the top of the form, with what was typed kept as it
was and nothing written in the store (statuses, contacts, accounts, decisions, used codes).

Fields and buttons are reached with Tab / Shift+Tab. Long values (codes, NIR, addresses) are
pasted with Ctrl+V, as people do from the message they received; what is about typing (the
live checklist, the one-time code) is typed key by key. The identification screens are
reached by keyboard from the home page; the later steps start from an identified person (see
`open_at`), their keyboard route being walked in test_navigation.py.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, TypeVar

from support import (
    current,
    latest_otp,
    leave_anyway,
    paste,
    person_id,
    persona_code,
    tab_to,
    type_text,
)
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, RadioSet, Static

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import SeededCodeGenerator
from mes_sante_tui.core.engine import Choice
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel, ProfileStatus
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import RuleVersion, Settings
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.screens import (
    AccountScreen,
    ContactEditScreen,
    ContactsScreen,
    DecisionScreen,
    DocumentScreen,
    HomeScreen,
    IdentifyScreen,
    LoginScreen,
    OtpScreen,
    OutcomeScreen,
    QuitConfirmScreen,
    RegenerateScreen,
    RepresentativeScreen,
    SuccessScreen,
)
from mes_sante_tui.widgets import ErrorSummary, FormField, PasswordChecklist
from mes_sante_tui.wording import t

SIZE = (120, 40)
S = TypeVar("S", bound=Screen[Any])
MARTINE_PASSWORD = "Kayak#Loire2026"

# --- the service's messages, word for word ------------------------------------------------

CODE_REQUIRED = "Saisir le code provisoire"
CODE_LENGTH = "Le code doit contenir 12 caractères"
CODE_CHARSET = "Cette saisie contient un caractère non autorisé"
NIR_REQUIRED = "Saisir le numéro de sécurité sociale"
NIR_LENGTH = "Le numéro de sécurité sociale doit contenir 15 caractères"
NIR_FORMAT = "Format invalide, vérifier le format du numéro de sécurité sociale"
CALL_3422 = "appelez le 3422, du lundi au vendredi de 8h30 à 17h30."
NIR_TEMPORARY = (
    f"{NIR_FORMAT}. Un numéro provisoire (commençant par 7 ou 8) ne permet pas l'activation "
    f"en ligne : {CALL_3422}"
)
NIR_FICTITIOUS_MONTH = (
    f"{NIR_FORMAT}. Un numéro avec un mois de naissance fictif ne permet pas l'activation en "
    f"ligne : {CALL_3422}"
)
BIRTH_REQUIRED = "Saisir la date de naissance (JJ/MM/AAAA)"
MODEL_REQUIRED = "Choisir le modèle de votre carte Vitale (avec ou sans photo)"
SERIAL_REQUIRED = "Saisir le numéro de série de carte Vitale"
SERIAL_DIGITS = "Saisir uniquement des chiffres"
SERIAL_LENGTH_WITHOUT = "Format invalide, le numéro de série doit contenir entre 8 et 13 chiffres"
SERIAL_LENGTH_WITH = "Format invalide, le numéro de série doit contenir 11 chiffres"
SERIAL_DATE = (
    "Ce numéro ressemble à une date, pas à un numéro de série : recopier le numéro de série "
    "inscrit sur la carte Vitale"
)
SERIAL_NIR = (
    "Ce numéro fait partie du numéro de sécurité sociale, pas du numéro de série : recopier le "
    "numéro de série inscrit sur la carte Vitale"
)
SERIAL_TECHNICAL = (
    "Ce numéro est le numéro technique du régime, pas votre numéro de série : recopier les "
    "chiffres qui le suivent sur la carte Vitale"
)
NOT_FOUND = "Nous n'avons pas réussi à vous identifier. Veuillez vérifier votre saisie."
CODE_EXPIRED = (
    "Votre code provisoire a expiré. Pour en obtenir un nouveau, saisissez de nouveau les "
    "informations de votre carte Vitale (« Générer un nouveau code provisoire »)."
)
CODE_USED = (
    "Votre code provisoire a déjà été utilisé. Pour en obtenir un nouveau, choisissez "
    "« Générer un nouveau code provisoire »."
)
ALREADY_EXISTS = (
    "Un profil a déjà été créé pour cette personne. Pour y accéder, connectez-vous avec votre "
    "identifiant et votre mot de passe (« J'ai déjà activé Mon espace santé ? Me connecter »)."
)
# Under the title « Ce profil ne peut pas être activé », which is not said twice.
NOT_ACTIVABLE = (
    "L'activation en ligne n'est pas possible pour cette personne. Pour en connaître la "
    f"raison, {CALL_3422}"
)


# The ways forward of an outcome.
RETRY, REGENERATE, HOME, LOGIN = "retry", "regenerate", "home", "login"


def locked(wait: str) -> str:
    return f"Trop de codes erronés. Par sécurité, la saisie est bloquée : réessayez dans {wait}."


CHOICE_REQUIRED = "Choisir une option : activer ou s'opposer"
CONSENT_REQUIRED = "Veuillez cocher l'autorisation"
EMAIL_REQUIRED = "Adresse e-mail obligatoire"
EMAIL_INVALID = "Saisir une adresse e-mail valide"
EMAIL_SAME = "Cette adresse e-mail est déjà celle enregistrée : saisir une nouvelle adresse"
MOBILE_INVALID = "Saisir un numéro de téléphone valide."
MOBILE_SAME = "Ce numéro est déjà celui enregistré : saisir un nouveau numéro"
OTP_REQUIRED = "Saisir un code à usage unique"
OTP_FORMAT = "Saisir un code valide"
OTP_WRONG = "Vérifier le code à usage unique et réessayer"
OTP_EXPIRED = (
    "Ce code à usage unique a expiré (10 minutes). Choisissez « Envoyer à nouveau le code »."
)
IDENTIFIER_LENGTH = "L'identifiant doit contenir entre 8 et 100 caractères"
IDENTIFIER_UPPERCASE = "Les majuscules ne peuvent pas être utilisées dans l'identifiant"
IDENTIFIER_CHARSET = (
    "L'identifiant peut contenir uniquement des minuscules sans accents, des chiffres et les "
    "caractères spéciaux . - _"
)
IDENTIFIER_EMAIL = "L'identifiant ne peut pas être une adresse e-mail"
IDENTIFIER_NIR = "L'identifiant ne peut pas être le numéro de sécurité sociale"
IDENTIFIER_IBAN = "L'identifiant ne peut pas être un IBAN"
IDENTIFIER_TAKEN = (
    "Cet identifiant est déjà utilisé. Identifiants disponibles : sebastien.leguellec1, "
    "sebastien.leguellec.2, sebastien.leguellec_3"
)
PASSWORD_RULES = "Le mot de passe ne respecte pas toutes les règles : {missing}"
PASSWORD_IDENTIFIER = "Le mot de passe ne doit pas contenir l'identifiant"
PASSWORD_NAME = "Le mot de passe ne doit pas contenir votre nom ou votre prénom"
PASSWORD_BIRTH = "Le mot de passe ne doit pas contenir votre date de naissance"
PASSWORD_COMMON = "Ce mot de passe est trop courant : choisissez-en un autre"
PASSWORD_MISMATCH = "Les deux mots de passe ne sont pas identiques"
CONFIRM_REQUIRED = "Confirmer le mot de passe"
RULE_SPECIAL = "1 caractère spécial (!#@;%...)"


# --- what the person sees ------------------------------------------------------------------


def fields_of(screen: Screen[Any]) -> dict[str, FormField]:
    fields: dict[str, FormField] = getattr(screen, "fields")  # noqa: B009 (set in body())
    return fields


def value_of(screen: Screen[Any], input_id: str) -> str:
    return screen.query_one(f"#{input_id}", Input).value


def assert_refusal(screen: Screen[Any], errors: dict[str, str], message: str | None = None) -> None:
    """Each message under its field and, in the screen's order, in the summary; nothing else."""
    fields = fields_of(screen)
    assert set(errors) <= set(fields), errors
    for name, field in fields.items():
        wanted = errors.get(name)
        assert field.error == wanted, (name, field.error)
        line = field.query_one(".field-error", Static)
        if wanted is None:
            assert not line.display, name
        else:
            assert line.display, name
            assert str(line.content) == f"⚠ Erreur : {wanted}"
    expected: list[str] = []
    if message is not None:
        expected.append(f"⚠ {message}")
    if errors:
        count = len(errors)
        expected.append(
            "⚠ 1 erreur à corriger :" if count == 1 else f"⚠ {count} erreurs à corriger :"
        )
        shown_fields = list(screen.query(FormField))
        on_screen = sorted(fields.items(), key=lambda item: shown_fields.index(item[1]))
        expected += [
            f"• {field.label} : {errors[name]}" for name, field in on_screen if name in errors
        ]
    summary = screen.query_one(ErrorSummary)
    assert summary.lines == expected
    assert summary.display == bool(expected)


def store_state(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    """What a refusal must leave untouched."""
    queries = {
        "people": "SELECT id, status, status_date, email, mobile FROM people ORDER BY id",
        "accounts": "SELECT person_id, identifier, password_hash FROM accounts ORDER BY person_id",
        "decisions": "SELECT * FROM decisions ORDER BY id",
        "codes": "SELECT id, used_at FROM provisional_codes ORDER BY id",
    }
    return {
        name: [tuple(row) for row in services.store.query(sql)] for name, sql in queries.items()
    }


def shown(app: App[Any], kind: type[S]) -> S:
    """The screen shown now, which must be a `kind`."""
    screen = app.screen
    assert isinstance(screen, kind), screen
    return screen



async def replace(pilot: Pilot[None], input_id: str, text: str, *, typed: bool = False) -> None:
    """Go to the field by Tab (which selects what it holds; else Ctrl+Shift+A does) and enter
    `text` over it, or Backspace to empty it."""
    field = pilot.app.screen.query_one(f"#{input_id}", Input)
    await tab_to(pilot, input_id)
    if field.value == text:
        return
    if field.value and (field.selection.start, field.selection.end) != (0, len(field.value)):
        await pilot.press("ctrl+shift+a")
    if not text:
        await pilot.press("backspace")
    elif typed:
        await type_text(pilot, text)
    else:
        await paste(pilot, text)
    assert field.value == text, (input_id, field.value)


async def press_button(pilot: Pilot[None], button_id: str) -> None:
    """Go to the button by Tab and press Entrée."""
    await tab_to(pilot, button_id)
    await pilot.press("enter")
    await pilot.pause()


async def set_model(pilot: Pilot[None], photo: bool) -> None:
    """Choose the card model in its radio set with the arrows and Entrée."""
    radio = pilot.app.screen.query_one("#model", RadioSet)
    wanted = 1 if photo else 0
    if radio.pressed_index == wanted:
        return
    await tab_to(pilot, "model")
    if radio.pressed_index != -1 or photo:  # two options: one arrow goes to the other
        await pilot.press("down")
    await pilot.press("enter")
    assert radio.pressed_index == wanted


def card_of(services: Services, key: str) -> tuple[bool, str]:
    """(photo card?, the serial as typed: without the fixed prefix of a photo card)."""
    card = services.store.card_of(person_id(services, key))
    assert card is not None, key
    if card.model is CardModel.WITH_PHOTO:
        return True, card.serial.removeprefix(PHOTO_PREFIX)
    return False, card.serial


def nir_of(services: Services, key: str) -> str:
    return services.store.person(person_id(services, key)).nir


async def start(pilot: Pilot[None]) -> None:
    """Home → « Commencer » → « Je m'identifie »."""
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(current(pilot.app), IdentifyScreen)


async def identify(
    pilot: Pilot[None],
    services: Services,
    key: str,
    *,
    holder: str | None = None,
    code: str | None = None,
    nir: str | None = None,
    serial: str | None = None,
) -> None:
    """Fill « Je m'identifie » with a persona's code and its holder's NIR and card; submit.

    Only what changes is entered again, in the order that needs the fewest Tabs from where the
    focus is (down the form, or up it after a refusal on the serial), then Entrée in a field.
    """
    holder = holder or key
    photo, typed_serial = card_of(services, holder)
    wanted = {
        "code": code if code is not None else persona_code(services, key),
        "nir": nir if nir is not None else nir_of(services, holder),
        "model": "",
        "serial": serial if serial is not None else typed_serial,
    }
    screen = pilot.app.screen
    chain, focused = screen.focus_chain, pilot.app.focused
    order = list(wanted)
    if focused in chain and chain.index(focused) > chain.index(screen.query_one("#nir")):
        order.reverse()
    for name in order:
        if name == "model":
            await set_model(pilot, photo)
        elif value_of(screen, name) != wanted[name]:
            await replace(pilot, name, wanted[name])
    if not isinstance(pilot.app.focused, Input):
        await tab_to(pilot, order[-1])
    await pilot.press("enter")  # Entrée in a field submits the form
    await pilot.pause()


async def activate_decision(pilot: Pilot[None]) -> None:
    """« J'active Mon espace santé », the consent box, « Continuer »."""
    await tab_to(pilot, "choice")
    await pilot.press("enter")
    await tab_to(pilot, "consent")
    await pilot.press("space")
    await press_button(pilot, "continue")


async def open_at(pilot: Pilot[None], services: Services, step: Step, key: str = "martine") -> None:
    """Show `step` for a persona, the earlier steps done by engine calls.

    The keyboard route to each step has its own tests (above and in test_navigation.py);
    starting here keeps these tests on the refusals of the step, and quick. The screen is
    shown by the app's router, as when the previous step is accepted.
    """
    app = pilot.app
    assert isinstance(app, MesSanteApp)
    engine = services.engine
    session = engine.start_session()
    photo, serial = card_of(services, key)
    found = engine.identify_with_code(
        session,
        code=persona_code(services, key),
        nir=nir_of(services, key),
        model=CardModel.WITH_PHOTO if photo else CardModel.WITHOUT_PHOTO,
        serial=serial,
    )
    assert found.ok, found
    if step is not Step.DECISION:
        assert engine.decide(session, Choice.ACTIVATE, True).ok
    if step is Step.ACCOUNT:
        assert engine.confirm_contacts(session).ok
    app.session = session
    app.goto(step)
    await pilot.pause()
    assert getattr(app.screen, "STEP", None) is step, app.screen


def app_for(services: Services, settings: Settings) -> MesSanteApp:
    """The app, its outbox panel hidden as with F2: the panel is not under test here (codes
    are read from the store) and drawing it at every key would only slow these tests."""
    app = make_app(services=services, settings=settings)
    app.outbox_visible = False
    return app


# --- « Je m'identifie » --------------------------------------------------------------------


async def test_identify_empty_form_names_each_required_field(
    services: Services, settings: Settings
) -> None:
    before = store_state(services)
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("enter")  # Entrée in the empty code field submits the form
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IdentifyScreen)
        assert_refusal(
            screen, {"code": CODE_REQUIRED, "nir": NIR_REQUIRED, "model": MODEL_REQUIRED}
        )
        assert app.focused is screen.query_one("#code")  # the first field in error

        # The serial can only be checked against a model: choose one, submit again.
        await set_model(pilot, photo=False)
        await press_button(pilot, "continue")
        assert_refusal(
            screen, {"code": CODE_REQUIRED, "nir": NIR_REQUIRED, "serial": SERIAL_REQUIRED}
        )
    assert store_state(services) == before


async def test_identify_code_refusals_and_pasted_spaces(
    services: Services, settings: Settings
) -> None:
    before = store_state(services)
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = app.screen
        for code, message in [
            ("abc", CODE_LENGTH),
            ("HuqZF3KX-z8k", CODE_CHARSET),
        ]:
            await identify(pilot, services, "martine", code=code)
            assert isinstance(current(app), IdentifyScreen), code
            assert_refusal(screen, {"code": message})
            assert value_of(screen, "code") == code
            assert value_of(screen, "nir") == nir_of(services, "martine")
            assert value_of(screen, "serial") == "953701166"
            assert app.focused is screen.query_one("#code")
        assert store_state(services) == before

        # Spaces (and a tab) pasted with the code and the NIR are not part of them.
        code = persona_code(services, "martine")
        nir = nir_of(services, "martine")
        spaced_code = f" {code[:4]} {code[4:8]}\t{code[8:]} "
        groups = [nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]]
        spaced_nir = " ".join(groups)
        await identify(pilot, services, "martine", code=spaced_code, nir=spaced_nir)
        assert isinstance(current(app), DecisionScreen)


async def test_identify_nir_refusals(services: Services, settings: Settings) -> None:
    before = store_state(services)
    app = app_for(services, settings)
    martine = nir_of(services, "martine")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = app.screen
        for key, nir, message in [
            ("martine", "2 73 03 44 109 038 2", NIR_LENGTH),  # 14 characters
            ("martine", martine[:13] + "24", NIR_FORMAT),  # wrong key
            ("kevin", nir_of(services, "kevin"), NIR_TEMPORARY),
            ("sofia", nir_of(services, "sofia"), NIR_FICTITIOUS_MONTH),
        ]:
            await identify(pilot, services, key, nir=nir)
            assert isinstance(current(app), IdentifyScreen), nir
            assert_refusal(screen, {"nir": message})
            assert value_of(screen, "nir") == nir
            assert value_of(screen, "code") == persona_code(services, key)
    assert store_state(services) == before


async def test_identify_serial_refusals_for_both_models(
    services: Services, settings: Settings
) -> None:
    before = store_state(services)
    app = app_for(services, settings)
    martine = nir_of(services, "martine")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = app.screen
        without_photo = [
            ("95370A166", SERIAL_DIGITS),
            ("10031973", SERIAL_DATE),  # JJMMAAAA
            (martine[5:13], SERIAL_NIR),  # 8 digits of the NIR
            ("80250000025", SERIAL_TECHNICAL),
            ("1234567", SERIAL_LENGTH_WITHOUT),
            ("12345678901234", SERIAL_LENGTH_WITHOUT),
        ]
        for serial, message in without_photo:
            await identify(pilot, services, "martine", serial=serial)
            assert isinstance(current(app), IdentifyScreen), serial
            assert_refusal(screen, {"serial": message})
            assert value_of(screen, "serial") == serial
            assert app.focused is screen.query_one("#serial")

        # Martine's card, said to be a photo card: the photo card's own rules apply.
        await set_model(pilot, photo=True)
        with_photo = [
            ("0102457612A", SERIAL_DIGITS),
            ("80250000025", SERIAL_TECHNICAL),
            ("1234567890", SERIAL_LENGTH_WITH),
            ("123456789012", SERIAL_LENGTH_WITH),
        ]
        for serial, message in with_photo:
            await replace(pilot, "serial", serial)
            await pilot.press("enter")
            await pilot.pause()
            assert_refusal(screen, {"serial": message})
            assert value_of(screen, "serial") == serial
    assert store_state(services) == before


def assert_outcome(
    app: App[Any], title: str, message: str, actions: tuple[str, ...]
) -> OutcomeScreen:
    """The situation on its own screen: its title, the service's message, the ways forward
    (the first one focused), and the 3422 line."""
    screen = shown(app, OutcomeScreen)
    assert screen.title_text() == title
    assert str(screen.query_one("#outcome-message", Static).content) == message
    buttons = [b.id for b in screen.query(Button).results(Button) if b.id]
    assert buttons == [f"action-{action}" for action in actions]
    assert app.focused is screen.query_one(f"#action-{actions[0]}")
    assert any("3422" in text for text in texts(screen))
    return screen


def texts(screen: Screen[Any]) -> list[str]:
    return [str(widget.content) for widget in screen.query(Static).results(Static)]


async def test_identify_outcomes_each_on_its_own_screen(
    services: Services, settings: Settings
) -> None:
    before = store_state(services)
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        form = app.screen

        # Not found: « Corriger ma saisie » goes back to the form as it was typed.
        await identify(pilot, services, "martine", serial="953701167")  # one digit off
        assert_outcome(app, "Identification impossible", NOT_FOUND, (RETRY, REGENERATE, HOME))
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is form
        assert_refusal(form, {})
        assert value_of(form, "code") == persona_code(services, "martine")
        assert value_of(form, "serial") == "953701167"
        # « Corriger ma saisie »: the form from its start (nothing says which field is wrong).
        assert app.focused is form.query_one("#code")
        # « Annuler »: nobody is identified yet, but the code typed would be lost: asked first.
        await press_button(pilot, "cancel")
        assert await leave_anyway(pilot) == t("quit.body.typed")
        assert isinstance(current(app), HomeScreen)
        await start(pilot)
        form = app.screen

        cases: list[tuple[str, str | None, str, str, tuple[str, ...]]] = [
            ("nathalie", None, "Votre code provisoire a expiré", CODE_EXPIRED, (REGENERATE, HOME)),
            (
                "thomas",
                None,
                "Votre code provisoire a déjà été utilisé",
                CODE_USED,
                (REGENERATE, HOME),
            ),
            ("jeanne", None, "Ce profil ne peut pas être activé", NOT_ACTIVABLE, (HOME,)),
            # Card with photo: the 11 digits after the printed prefix 8025000002.
            ("sebastien", "01024576124", "Un profil existe déjà", ALREADY_EXISTS, (LOGIN, HOME)),
            ("lucas", None, "Ce profil ne peut pas être activé", NOT_ACTIVABLE, (HOME,)),
        ]
        for index, (key, serial, title, message, actions) in enumerate(cases):
            await identify(pilot, services, key, serial=serial)
            assert_outcome(app, title, message, actions)
            assert app.session is not None and app.session.person_id is None, key
            await pilot.press("enter")  # the first way forward
            await pilot.pause()
            if actions[0] == REGENERATE:
                # « Générer un nouveau code provisoire », with the NIR and card typed carried
                # over: the date of birth is what is left. Escape comes back to the form.
                regenerate = current(app)
                assert isinstance(regenerate, RegenerateScreen), key
                assert value_of(regenerate, "nir") == value_of(form, "nir") != "", key
                assert app.focused is regenerate.query_one("#birth_date"), key
                await pilot.press("escape")
                await pilot.pause()
                assert current(app) is form, key
                assert value_of(form, "code") == persona_code(services, key)
            elif actions[0] == LOGIN:
                # « Me connecter »; Escape from the login goes to the home page.
                assert isinstance(current(app), LoginScreen), key
                await pilot.press("escape")
                await pilot.pause()
                assert isinstance(current(app), HomeScreen), key
                await start(pilot)
                form = app.screen
            else:
                assert isinstance(current(app), HomeScreen), key  # « Retour à l'accueil »
                assert app.session is None, key
                if index < len(cases) - 1:
                    await start(pilot)
                    form = app.screen
    assert store_state(services) == before


async def test_too_many_wrong_codes_lock_then_the_wait_lifts(
    services: Services, settings: Settings, clock: ManualClock
) -> None:
    before = store_state(services)
    app = app_for(services, settings)
    code = persona_code(services, "martine")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        form = app.screen
        wrong = "AAAAAAAAAAAA"
        assert wrong != code
        await identify(pilot, services, "martine", code=wrong)
        for attempt in range(settings.max_code_failures - 1):  # wrong codes 1 to 4
            assert_outcome(app, "Identification impossible", NOT_FOUND, (RETRY, REGENERATE, HOME))
            # « Corriger ma saisie »: Entrée on its button, focused, or Escape.
            await pilot.press("escape" if attempt % 2 else "enter")
            await pilot.pause()
            assert current(app) is form
            await pilot.press("enter")  # the same code again, from the field
            await pilot.pause()
        # The 5th wrong code: a wait, said in words.
        assert locked("1 minute").endswith("réessayez dans 1 minute.")
        assert_outcome(app, "Trop de codes erronés", locked("1 minute"), (RETRY, HOME))

        # Locked: even the right code is refused, with the time left.
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is form
        assert value_of(form, "code") == wrong
        clock.advance(timedelta(seconds=15))
        await replace(pilot, "code", code)
        await pilot.press("enter")
        await pilot.pause()
        assert_outcome(app, "Trop de codes erronés", locked("45 secondes"), (RETRY, HOME))
        assert app.session is not None and app.session.person_id is None
        assert store_state(services) == before  # only the count of failures was written

        await pilot.press("enter")
        await pilot.pause()
        assert value_of(form, "code") == code
        clock.advance(timedelta(seconds=45))
        await tab_to(pilot, "code")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), DecisionScreen)


# --- decision ------------------------------------------------------------------------------


async def test_decision_refusals_and_documents(services: Services, settings: Settings) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.DECISION)
        screen = app.screen
        assert isinstance(screen, DecisionScreen)
        before = store_state(services)

        await press_button(pilot, "continue")
        assert current(app) is screen
        assert_refusal(screen, {"choice": CHOICE_REQUIRED})
        assert app.focused is screen.query_one("#choice")

        await pilot.press("enter")  # « J'active Mon espace santé », box left unticked
        await press_button(pilot, "continue")
        assert current(app) is screen
        assert_refusal(screen, {"consent": CONSENT_REQUIRED})
        assert screen.query_one("#choice", RadioSet).pressed_index == 0  # the choice is kept
        assert app.focused is screen.query_one("#consent")
        assert store_state(services) == before

        for link, title in [
            ("read-cgu", "Conditions Générales d'Utilisation"),
            ("read-privacy", "Politique de protection des données personnelles"),
        ]:
            await press_button(pilot, link)
            document = app.screen
            assert isinstance(document, DocumentScreen), link
            assert document.dialog_title == title
            assert len(document.paragraphs) > 3
            await pilot.press("escape")
            await pilot.pause()
            assert current(app) is screen
            assert app.focused is screen.query_one(f"#{link}")

        await tab_to(pilot, "consent")
        await pilot.press("space")
        assert screen.query_one("#consent", Checkbox).value
        await press_button(pilot, "continue")
        assert isinstance(current(app), ContactsScreen)


# --- contacts, their modification and the one-time code -------------------------------------


async def test_contact_edit_refusals(services: Services, settings: Settings) -> None:
    app = app_for(services, settings)
    martine = services.store.person(person_id(services, "martine"))
    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.CONTACTS)
        contacts = app.screen
        before = store_state(services)
        messages = len(services.store.outbox())

        await press_button(pilot, "edit-email")
        edit = app.screen
        assert isinstance(edit, ContactEditScreen)
        assert martine.email is not None
        for value, message in [
            ("martine@", EMAIL_INVALID),
            ("martine leguellec@exemple.fr", EMAIL_INVALID),
            (martine.email, EMAIL_SAME),
        ]:
            await replace(pilot, "value", value)
            await pilot.press("enter")
            await pilot.pause()
            assert current(app) is edit, value
            assert_refusal(edit, {"email": message})
            assert value_of(edit, "value") == value
        await pilot.press("escape")
        await pilot.pause()
        assert await leave_anyway(pilot) == t("quit.body.typed")  # the address typed is lost
        assert current(app) is contacts

        await press_button(pilot, "edit-mobile")
        edit = app.screen
        assert isinstance(edit, ContactEditScreen)
        for value, message in [
            ("05 12 34 56 78", MOBILE_INVALID),  # not a mobile
            ("06 63 78 13 77", MOBILE_SAME),
        ]:
            await replace(pilot, "value", value)
            await pilot.press("enter")
            await pilot.pause()
            assert current(app) is edit, value
            assert_refusal(edit, {"mobile": message})
            assert value_of(edit, "value") == value
        await press_button(pilot, "cancel")
        await leave_anyway(pilot)
        assert current(app) is contacts
    assert store_state(services) == before
    assert len(services.store.outbox()) == messages  # no code was sent


async def test_otp_refusals_expiry_and_resend(
    services: Services, settings: Settings, clock: ManualClock
) -> None:
    app = app_for(services, settings)
    martine_id = person_id(services, "martine")
    new_email = "martine.nouvelle@exemple.fr"
    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.CONTACTS)
        contacts = shown(app, ContactsScreen)
        await press_button(pilot, "edit-email")
        await paste(pilot, new_email)
        await pilot.press("enter")
        await pilot.pause()
        otp = app.screen
        assert isinstance(otp, OtpScreen)
        sent_to = str(otp.query_one("#sent-to", Static).content)
        assert sent_to == f"Un code à usage unique vous a été envoyé à l'adresse {new_email}"
        first = latest_otp(services)
        before = store_state(services)

        wrong = "000000" if first != "000000" else "111111"
        for typed, message in [("", OTP_REQUIRED), ("12ab", OTP_FORMAT), (wrong, OTP_WRONG)]:
            await replace(pilot, "otp", typed, typed=True)
            await pilot.press("enter")
            await pilot.pause()
            assert current(app) is otp, typed
            assert_refusal(otp, {"otp": message})
            assert value_of(otp, "otp") == typed
        assert store_state(services) == before

        # The right code, ten minutes later: expired.
        clock.advance(timedelta(minutes=10))
        await replace(pilot, "otp", first, typed=True)
        await pilot.press("enter")
        await pilot.pause()
        assert_refusal(otp, {"otp": OTP_EXPIRED})
        assert store_state(services) == before

        # « Envoyer à nouveau le code »: the new code replaces the old one.
        await press_button(pilot, "resend")
        resent = otp.query_one("#resent", Static)
        assert resent.display
        assert str(resent.content) == "✓ Un nouveau code a été envoyé ; il remplace le précédent."
        assert_refusal(otp, {})  # the previous error is gone
        assert not otp.query_one(ErrorSummary).display
        second = latest_otp(services)
        assert second != first
        await replace(pilot, "otp", first, typed=True)
        await pilot.press("enter")
        await pilot.pause()
        assert_refusal(otp, {"otp": OTP_WRONG})
        assert services.store.person(martine_id).email == "martine.leguellec@exemple.fr"

        await replace(pilot, "otp", second, typed=True)
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is contacts
        assert services.store.person(martine_id).email == new_email
        assert str(contacts.value_line("email").content) == "mar*****@exemple.fr"


async def test_cancelling_the_one_time_code_leaves_the_contact_unchanged(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    martine_id = person_id(services, "martine")
    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.CONTACTS)
        contacts = shown(app, ContactsScreen)
        before = store_state(services)
        for leave in ("cancel", "escape"):
            await press_button(pilot, "edit-mobile")
            await paste(pilot, "07 12 34 56 78")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(current(app), OtpScreen)
            if leave == "cancel":
                await press_button(pilot, "cancel")
            else:
                await pilot.press("escape")
                await pilot.pause()
            assert current(app) is contacts, leave
            assert services.store.person(martine_id).mobile == "0663781377"
            assert str(contacts.value_line("mobile").content) == "** ** ** *3 77"
            assert not contacts.query_one("#updated").display
        assert store_state(services) == before


async def test_letter_only_persona_must_add_an_email(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    gerard_id = person_id(services, "gerard")
    address = "gerard.lambert@exemple.fr"
    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.CONTACTS, "gerard")
        contacts = shown(app, ContactsScreen)
        assert str(contacts.value_line("email").content) == "Aucune adresse enregistrée"
        before = store_state(services)

        await press_button(pilot, "continue")
        assert current(app) is contacts
        assert_refusal(contacts, {"email": EMAIL_REQUIRED})
        assert store_state(services) == before

        await press_button(pilot, "edit-email")
        assert isinstance(current(app), ContactEditScreen)
        await paste(pilot, address)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), OtpScreen)
        await type_text(pilot, latest_otp(services))
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is contacts
        assert_refusal(contacts, {})  # the refusal is cleared once the e-mail is added
        assert services.store.person(gerard_id).email == address
        assert str(contacts.value_line("email").content) == "ger*****@exemple.fr"

        await press_button(pilot, "continue")
        assert isinstance(current(app), AccountScreen)


# --- identifier and password ---------------------------------------------------------------


async def test_identifier_refusals(services: Services, settings: Settings) -> None:
    app = app_for(services, settings)
    martine_nir = nir_of(services, "martine")
    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.ACCOUNT)
        screen = app.screen
        before = store_state(services)
        await replace(pilot, "password", MARTINE_PASSWORD)
        await replace(pilot, "confirmation", MARTINE_PASSWORD)
        cases = [
            ("martin7", IDENTIFIER_LENGTH),  # 7 characters
            ("m" * 101, IDENTIFIER_LENGTH),
            ("Martine.L44", IDENTIFIER_UPPERCASE),
            ("martine.lé44", IDENTIFIER_CHARSET),
            ("martine l44", IDENTIFIER_CHARSET),
            ("martine@exemple.fr", IDENTIFIER_EMAIL),
            (martine_nir, IDENTIFIER_NIR),
            ("fr7630001007941234567890185", IDENTIFIER_IBAN),
            ("sebastien.leguellec", IDENTIFIER_TAKEN),
        ]
        for identifier, message in cases:
            await replace(pilot, "identifier", identifier)
            await pilot.press("enter")
            await pilot.pause()
            assert current(app) is screen, identifier
            assert_refusal(screen, {"identifier": message})
            assert value_of(screen, "identifier") == identifier
            assert value_of(screen, "password") == MARTINE_PASSWORD
            assert value_of(screen, "confirmation") == MARTINE_PASSWORD
            assert app.focused is screen.query_one("#identifier")
    assert store_state(services) == before


async def test_password_refusals(services: Services, settings: Settings) -> None:
    app = app_for(services, settings)
    missing = ", ".join(["9 caractères minimum", RULE_SPECIAL, "1 chiffre", "1 majuscule"])
    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.ACCOUNT)
        screen = app.screen
        before = store_state(services)
        await replace(pilot, "identifier", "martine.l44")
        cases: list[tuple[str, str, dict[str, str]]] = [
            ("abc", "abc", {"password": PASSWORD_RULES.format(missing=missing)}),
            (
                "Kayak#26",  # 8 characters: enough in 2022, not in 2025
                "Kayak#26",
                {"password": PASSWORD_RULES.format(missing="9 caractères minimum")},
            ),
            ("Zz#martine.l44", "Zz#martine.l44", {"password": PASSWORD_IDENTIFIER}),
            ("Julie#Kayak2026", "Julie#Kayak2026", {"password": PASSWORD_NAME}),  # 2nd name
            ("Kayak#10031973", "Kayak#10031973", {"password": PASSWORD_BIRTH}),
            ("Motdepasse1!", "Motdepasse1!", {"password": PASSWORD_COMMON}),
            (MARTINE_PASSWORD, "Kayak#Loire2027", {"confirmation": PASSWORD_MISMATCH}),
            (MARTINE_PASSWORD, "", {"confirmation": CONFIRM_REQUIRED}),
            (
                "abc",
                "",
                {
                    "password": PASSWORD_RULES.format(missing=missing),
                    "confirmation": CONFIRM_REQUIRED,
                },
            ),
        ]
        for password, confirmation, errors in cases:
            await replace(pilot, "password", password)
            await replace(pilot, "confirmation", confirmation)
            await pilot.press("enter")
            await pilot.pause()
            assert current(app) is screen, password
            assert_refusal(screen, errors)
            assert value_of(screen, "identifier") == "martine.l44"
            assert value_of(screen, "password") == password
            assert value_of(screen, "confirmation") == confirmation
            first = next(name for name in fields_of(screen) if name in errors)
            assert app.focused is screen.query_one(f"#{first}"), password
    assert store_state(services) == before
    assert services.store.account_identifier(person_id(services, "martine")) is None


def checklist_lines(screen: Screen[Any]) -> list[str]:
    return str(screen.query_one(PasswordChecklist).content).splitlines()


async def test_live_checklist_follows_each_key(services: Services, settings: Settings) -> None:
    app = app_for(services, settings)
    unmet = {
        "length": "✗ 9 caractères minimum — manquant",
        "special": f"✗ {RULE_SPECIAL} — manquant",
        "digit": "✗ 1 chiffre — manquant",
        "upper": "✗ 1 majuscule — manquant",
        "lower": "✗ 1 minuscule — manquant",
    }
    met = {
        key: line.replace("✗", "✓").replace("manquant", "respecté") for key, line in unmet.items()
    }
    order = ["length", "special", "digit", "upper", "lower"]

    def expected(*done: str) -> list[str]:
        return ["Votre mot de passe doit contenir :"] + [
            met[key] if key in done else unmet[key] for key in order
        ]

    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.ACCOUNT)
        screen = app.screen
        assert checklist_lines(screen) == expected()
        await tab_to(pilot, "password")
        steps = [
            ("k", ("lower",)),
            ("A", ("lower", "upper")),
            ("7", ("lower", "upper", "digit")),
            ("#", ("lower", "upper", "digit", "special")),
            ("yakL", ("lower", "upper", "digit", "special")),  # 8 characters so far
            ("o", ("lower", "upper", "digit", "special", "length")),  # the 9th
        ]
        for keys, done in steps:
            await type_text(pilot, keys)
            assert checklist_lines(screen) == expected(*done), keys
        assert value_of(screen, "password") == "kA7#yakLo"
        await pilot.press("home", "right", "right", "right", "right")
        await pilot.press("backspace")  # removes the « # »: 8 characters, no special one
        assert value_of(screen, "password") == "kA7yakLo"
        assert checklist_lines(screen) == expected("lower", "upper", "digit")
        # Typing in the confirmation does not touch the checklist.
        await tab_to(pilot, "confirmation")
        await type_text(pilot, "x")
        assert checklist_lines(screen) == expected("lower", "upper", "digit")


async def test_f3_and_the_box_show_and_hide_the_passwords(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.ACCOUNT)
        screen = app.screen
        inputs = [screen.query_one("#password", Input), screen.query_one("#confirmation", Input)]
        box = screen.query_one("#show", Checkbox)
        assert [i.password for i in inputs] == [True, True] and not box.value

        await tab_to(pilot, "password")
        await type_text(pilot, "Kayak#1")
        await pilot.press("f3")  # works from inside the field, and keeps what was typed
        assert [i.password for i in inputs] == [False, False] and box.value
        assert app.focused is inputs[0]
        await pilot.press("f3")
        assert [i.password for i in inputs] == [True, True] and not box.value

        await tab_to(pilot, "show")  # « Afficher les mots de passe »
        await pilot.press("space")
        assert [i.password for i in inputs] == [False, False] and box.value
        await pilot.press("space")
        assert [i.password for i in inputs] == [True, True] and not box.value
        assert inputs[0].value == "Kayak#1"


async def test_rule_version_2022_accepts_eight_characters(clock: ManualClock) -> None:
    settings = Settings(rule_version=RuleVersion.V2022)
    services = open_services(
        ":memory:", settings=settings, clock=clock, codes=SeededCodeGenerator(7)
    )
    try:
        app = app_for(services, settings)
        async with app.run_test(size=SIZE) as pilot:
            await open_at(pilot, services, Step.ACCOUNT)
            screen = app.screen
            assert checklist_lines(screen)[1] == "✗ 8 caractères minimum — manquant"
            await replace(pilot, "identifier", "martine.l44")
            await replace(pilot, "password", "Kayak#26")
            assert checklist_lines(screen)[1] == "✓ 8 caractères minimum — respecté"
            await replace(pilot, "confirmation", "Kayak#26")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(current(app), SuccessScreen)
        martine = person_id(services, "martine")
        assert services.store.account_identifier(martine) == "martine.l44"
        row = services.store.query_one(
            "SELECT rule_version FROM accounts WHERE person_id = ?", (martine,)
        )
        assert row is not None and row["rule_version"] == "2022"
    finally:
        services.close()


# --- a child of the household ---------------------------------------------------------------


def activate_martine_by_engine(services: Services) -> None:
    """Martine activates her own space (her account is the household's), outside the app."""
    engine = services.engine
    session = engine.start_session()
    found = engine.identify_with_code(
        session,
        code=persona_code(services, "martine"),
        nir=nir_of(services, "martine"),
        model=CardModel.WITHOUT_PHOTO,
        serial="953701166",
    )
    assert found.ok, found
    assert engine.decide(session, Choice.ACTIVATE, True).ok
    assert engine.confirm_contacts(session).ok
    created = engine.create_account(
        session,
        identifier_raw="martine.l44",
        password_raw=MARTINE_PASSWORD,
        confirmation=MARTINE_PASSWORD,
    )
    assert created.ok, created


def count(services: Services, table: str) -> int:
    row = services.store.query_one(f"SELECT COUNT(*) AS n FROM {table}")
    assert row is not None
    return int(row["n"])


REPRESENTATIVE_REFUSED = (
    "Seul le représentant légal de Léa Leguellec rattaché à son profil peut activer Mon espace "
    f"santé ou s'y opposer pour cet enfant. Pour toute question, {CALL_3422}"
)


async def to_representative(pilot: Pilot[None], services: Services) -> RepresentativeScreen:
    """Léa's code (sent to her mother), with Martine's NIR and card: the parent is asked to
    certify being Léa's legal representative."""
    await start(pilot)
    await identify(pilot, services, "lea", holder="martine")
    screen = shown(pilot.app, RepresentativeScreen)
    assert any("Léa Leguellec" in text for text in texts(screen))
    return screen


async def test_child_representative_refusals(services: Services, settings: Settings) -> None:
    before = store_state(services)
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_representative(pilot, services)
        await pilot.press("escape")  # someone is identified: leaving asks first
        await pilot.pause()
        assert isinstance(current(app), QuitConfirmScreen)
        await pilot.press("enter")  # « Rester sur la page »
        await pilot.pause()
        assert current(app) is screen

        await press_button(pilot, "continue")
        assert current(app) is screen
        assert_refusal(screen, {"certify": "Indiquer si vous êtes le représentant légal"})
        assert app.focused is screen.query_one("#certify")

        await pilot.press("down", "enter")  # « Je ne suis pas le représentant légal de Léa … »
        await press_button(pilot, "continue")
        assert_outcome(app, "Seul le représentant légal peut agir", REPRESENTATIVE_REFUSED, (HOME,))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(current(app), HomeScreen)
        assert app.session is None
    assert store_state(services) == before


async def test_child_of_an_active_parent_goes_from_decision_to_success(
    services: Services, settings: Settings
) -> None:
    activate_martine_by_engine(services)
    lea = person_id(services, "lea")
    accounts = count(services, "accounts")
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await to_representative(pilot, services)
        await tab_to(pilot, "certify")
        await pilot.press("enter")  # « Je certifie être le représentant légal de Léa … »
        await press_button(pilot, "continue")

        decision = shown(app, DecisionScreen)
        assert decision.title_text() == "Bonjour Martine !"  # the parent, who is acting
        assert "Profil concerné : Léa Leguellec" in texts(decision)
        assert app.session is not None
        assert app.session.person_id == lea
        assert app.session.holder_id == person_id(services, "martine")

        await activate_decision(pilot)
        success = shown(app, SuccessScreen)  # no contact check, no identifier to choose
        assert "Le profil de Léa Leguellec a bien été activé." in texts(success)
    assert services.store.person(lea).status is ProfileStatus.ACTIVATED
    assert count(services, "accounts") == accounts  # the parent's account serves the child
    decisions = services.store.query(
        "SELECT kind, by_person_id FROM decisions WHERE person_id = ?", (lea,)
    )
    assert [(d["kind"], d["by_person_id"]) for d in decisions] == [
        ("activer", person_id(services, "martine"))
    ]


# --- an error goes as soon as its field is corrected ------------------------------------------


async def test_ticking_the_consent_box_clears_its_error_at_once(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.DECISION)
        screen = app.screen
        await tab_to(pilot, "choice")
        await pilot.press("enter")  # « J'active Mon espace santé », the box left unticked
        await press_button(pilot, "continue")
        assert_refusal(screen, {"consent": CONSENT_REQUIRED})
        assert app.focused is screen.query_one("#consent")

        await pilot.press("space")  # ticked: the error and the summary go at once
        await pilot.pause()
        assert_refusal(screen, {})
        await pilot.press("space")  # unticked again: no error until the form is sent
        await pilot.pause()
        assert_refusal(screen, {})


async def test_each_corrected_field_leaves_the_summary_which_keeps_the_screen_order(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(pilot, services, Step.ACCOUNT)
        screen = shown(app, AccountScreen)
        await pilot.press("enter")  # Entrée in the empty identifier field sends the form
        await pilot.pause()
        errors = {name: field.error for name, field in fields_of(screen).items() if field.error}
        assert set(errors) == {"identifier", "password", "confirmation"}, errors

        await replace(pilot, "identifier", "martine.l44")  # changed: its error goes
        await pilot.pause()
        del errors["identifier"]
        assert_refusal(screen, {name: str(message) for name, message in errors.items()})

        await replace(pilot, "password", MARTINE_PASSWORD, typed=True)
        await pilot.pause()
        del errors["password"]
        assert_refusal(screen, {name: str(message) for name, message in errors.items()})

        await replace(pilot, "confirmation", MARTINE_PASSWORD)
        await pilot.pause()
        assert_refusal(screen, {})
        assert value_of(screen, "identifier") == "martine.l44"


async def test_login_fields_lose_their_error_when_changed(
    services: Services, settings: Settings
) -> None:
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "login")
        await pilot.press("enter")
        await pilot.pause()
        screen = shown(app, LoginScreen)
        await pilot.press("enter")  # both fields empty
        await pilot.pause()
        required = {name: field.error for name, field in fields_of(screen).items()}
        assert all(required.values()), required
        await paste(pilot, "sebastien.leguellec")
        assert fields_of(screen)["identifier"].error is None
        assert_refusal(screen, {"password": str(required["password"])})
        await tab_to(pilot, "password")
        await type_text(pilot, "P")
        assert_refusal(screen, {})


async def test_the_summary_lists_the_fields_in_the_screen_order(
    services: Services, settings: Settings
) -> None:
    """« Je génère un nouveau code provisoire » shows the NIR, then the date of birth, then the
    card: the summary says them in that order, whatever order the engine checked them in."""
    app = app_for(services, settings)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await press_button(pilot, "regenerate")
        screen = shown(app, RegenerateScreen)
        await pilot.press("enter")  # Entrée in the empty NIR field sends the form
        await pilot.pause()
        summary = screen.query_one(ErrorSummary)
        assert summary.lines == [
            "⚠ 3 erreurs à corriger :",
            f"• Numéro de sécurité sociale : {NIR_REQUIRED}",
            f"• Date de naissance : {BIRTH_REQUIRED}",
            f"• Ma carte Vitale : {MODEL_REQUIRED}",
        ]
        assert app.focused is screen.query_one("#nir")
