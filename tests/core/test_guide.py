"""The guided mode's table (core/guide.py): every callout of the guides has its place, in the
guides' words, and every wording key it uses is in the catalogue."""

from __future__ import annotations

import re
import unicodedata

import pytest

from mes_sante_tui.cli.parser import build_parser, parse
from mes_sante_tui.core.guide import HINTS, Hint, Page, hint_keys, hints_for
from mes_sante_tui.core.settings import JourneyVariant
from mes_sante_tui.wording import FR, t

CODE_FIRST = JourneyVariant.CODE_FIRST
IDENTITY_FIRST = JourneyVariant.IDENTITY_FIRST
BOTH = (CODE_FIRST, IDENTITY_FIRST)

# Every callout of the guides in ../shared/seeds/, as the extracted text gives it (line breaks,
# capitals and the extraction's slips included), with where it belongs: the variants that
# follow that guide, the page and the widget it points to. Guide 004 is an article with
# plain screenshots: it has no callout, so nothing of it is listed.
GUIDE_CALLOUTS: tuple[tuple[str, tuple[JourneyVariant, ...], Page, str, str], ...] = (
    # guide 002, « Se rendre sur le site Mon espace santé »
    (
        "002",
        (CODE_FIRST,),
        Page.HOME,
        "activate",
        "Cliquez ici afin d'accéder à la page d'activation de Mon espace santé",
    ),
    ("002", (CODE_FIRST,), Page.HOME, "lead", "Partagez l'essentiel de vos informations de santé"),
    # « Activation de Mon espace santé »
    (
        "002",
        (CODE_FIRST,),
        Page.START,
        "begin",
        "Cliquez ici afin de démarrer\nle parcours d'activation de\nMon espace santé",
    ),
    # « … avec le code reçu par mail ou par courrier »
    ("002", (CODE_FIRST,), Page.IDENTIFY, "code", "1. Renseignez ces champs"),
    ("002", (CODE_FIRST,), Page.IDENTIFY, "serial", "3. Renseignez ce champ"),
    ("002", (CODE_FIRST,), Page.IDENTIFY, "continue", "4. Cliquez ici afin de continuer"),
    # « … en générant un code provisoire 1/3, 2/3, 3/3 »
    (
        "002",
        (CODE_FIRST,),
        Page.IDENTIFY,
        "regenerate",
        "Cliquez sur ce lien afin d'accéder\nà la page de génération d'un\nnouveau code provisoire",
    ),
    ("002", (CODE_FIRST,), Page.REGENERATE, "nir", "1. Renseignez ce champ"),
    ("002", (CODE_FIRST,), Page.REGENERATE, "birth_date", "2. Renseignez ce champ"),
    ("002", (CODE_FIRST,), Page.REGENERATE, "model", "3. Choisissez votre type de carte Vitale"),
    ("002", (CODE_FIRST,), Page.REGENERATE, "serial", "4. Renseignez ce champ"),
    ("002", (CODE_FIRST,), Page.REGENERATE, "continue", "5. Cliquez sur continuer"),
    ("002", (CODE_FIRST,), Page.SEND_CODE, "channel", "1. Mode de réception = Mail uniquement"),
    ("002", (CODE_FIRST,), Page.SEND_CODE, "validate", "2. Cliquez ici afin de continuer"),
    # « Finalisation de Mon espace santé 1/2, 2/2 »
    (
        "002",
        (CODE_FIRST,),
        Page.DECISION,
        "activate",
        "1. Cliquez ici pour activer Mon espace santé",
    ),
    ("002", (CODE_FIRST,), Page.DECISION, "continue", "2. Cliquez ici afin de continuer"),
    ("002", (CODE_FIRST,), Page.DECISION, "consent", "1. Cochez la case pour accepter les CGU"),
    # « Vérification de coordonnées de contact 1/5 … 5/5 »
    (
        "002",
        (CODE_FIRST,),
        Page.CONTACTS,
        "edit-email",
        "Cliquez ici pour modifier\nl'adresse email",
    ),
    (
        "002",
        (CODE_FIRST,),
        Page.CONTACTS,
        "edit-mobile",
        "Cliquez ici pour modifier le\nnuméro SMS",
    ),
    (
        "002",
        (CODE_FIRST,),
        Page.CONTACT_EDIT_EMAIL,
        "value",
        "1. Renseignez votre adresse email à jour",
    ),
    ("002", (CODE_FIRST,), Page.CONTACT_EDIT_EMAIL, "validate", "2. Cliquez ici pour continuer"),
    (
        "002",
        (CODE_FIRST,),
        Page.OTP_EMAIL,
        "otp",
        "3. Saisissez le code reçu sur l'adresse email à jour",
    ),
    ("002", (CODE_FIRST,), Page.OTP_EMAIL, "validate", "4. Cliquez ici pour continuer"),
    (
        "002",
        (CODE_FIRST,),
        Page.CONTACTS_UPDATED,
        "edit-mobile",
        "Cliquez ici pour modifier\nle numéro de téléphone",
    ),
    (
        "002",
        (CODE_FIRST,),
        Page.CONTACT_EDIT_MOBILE,
        "value",
        "1. Renseignez votre numéro de téléphone mobile à jour",
    ),
    ("002", (CODE_FIRST,), Page.CONTACT_EDIT_MOBILE, "validate", "2. Cliquez ici pour continuer"),
    (
        "002",
        (CODE_FIRST,),
        Page.OTP_MOBILE,
        "otp",
        "3. Saisissez le code reçu sur votre numéro de téléphone à jour",
    ),
    ("002", (CODE_FIRST,), Page.OTP_MOBILE, "validate", "4. Cliquez ici pour continuer"),
    ("002", (CODE_FIRST,), Page.CONTACTS_UPDATED, "continue", "4. Cliquez ici afin de continuer"),
    # « Création de l'identifiant et du mot de passe »
    ("002", (CODE_FIRST,), Page.ACCOUNT, "identifier", "1. Saisissez votre identifiant"),
    ("002", (CODE_FIRST,), Page.ACCOUNT, "password", "2. Saisissez votre mot de passe"),
    ("002", (CODE_FIRST,), Page.ACCOUNT, "confirmation", "3. Ressaisissez votre mot de passe"),
    ("002", (CODE_FIRST,), Page.ACCOUNT, "validate", "4. Cliquez ici afin de continuer"),
    # « Opposition à Mon espace santé 1/4 … 3/4 »
    (
        "002",
        (CODE_FIRST,),
        Page.DECISION,
        "oppose",
        "1. Cliquez ici pour s'opposer Mon espace santé",
    ),
    (
        "002",
        BOTH,
        Page.OPPOSITION_CONFIRM,
        "continue",
        "Cliquez ici pour valider votre\nopposition",
    ),
    (
        "002",
        BOTH,
        Page.OPPOSITION_DONE,
        "download",
        "Cliquez ici pour télécharger\nvotre attestation\nd'opposition",
    ),
    # guide 000, one « Étape » a page
    ("000", (IDENTITY_FIRST,), Page.START, "begin", "Etape 1\n\nJE CLIQUE SUR « COMMENCER »"),
    (
        "000",
        (IDENTITY_FIRST,),
        Page.BIRTH_DATE,
        "birth_date",
        "Etape 2\nJE RENSEIGNE MA DATE DE NAISSANCE",
    ),
    (
        "000",
        (IDENTITY_FIRST,),
        Page.VITALE,
        "nir",
        "Etape 3 )\nJE RENSEIGNE LES DONNEES DE MA CARTE VITALE",
    ),
    (
        "000",
        (IDENTITY_FIRST,),
        Page.CODE,
        "channel",
        "Etape &4\n\nJE RECOIS LE CODE PROVISOIRE PAR MAIL OU SMS\n\nET JE LE SAISIS",
    ),
    (
        "000",
        (IDENTITY_FIRST,),
        Page.DECISION,
        "choice",
        "Etape 5 ) )\nJ'ACTIVE MON PROFIL ET JE VERIFIE MES COORDONNEES",
    ),
    (
        "000",
        (IDENTITY_FIRST,),
        Page.CONTACTS,
        "edit-email",
        "Etape 5 ) )\nJ'ACTIVE MON PROFIL ET JE VERIFIE MES COORDONNEES",
    ),
    (
        "000",
        (IDENTITY_FIRST,),
        Page.CONTACTS_UPDATED,
        "edit-email",
        "Etape 5 ) )\nJ'ACTIVE MON PROFIL ET JE VERIFIE MES COORDONNEES",
    ),
    (
        "000",
        (IDENTITY_FIRST,),
        Page.ACCOUNT,
        "identifier",
        "Etape 6\n\nJE CHOISIS MON IDENTIFIANT ET MON MOT DE PASSE",
    ),
)

# The hints the guides do not show at that place, each for a reason:
# - guide 002's callout 2 on « Je m'identifie » was lost from the extracted text: its place
#   (the card model, between 1 and 3) takes the words of 2/3's callout on the card model;
# - the contact check's « 4. Cliquez ici afin de continuer » (5/5, after the changes) is
#   shown from the first arrival too (1/5): a person with nothing to change goes on from there.
NOT_AT_THAT_PLACE_IN_THE_GUIDES = {
    (CODE_FIRST, Page.IDENTIFY, "model"),
    (CODE_FIRST, Page.CONTACTS, "continue"),
}


def same_words(text: str) -> str:
    """Lower case, without accents, punctuation or line breaks: the extraction's capitals,
    lost accents and stray signs (« Etape &4 ») do not count, the words do."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", bare).split())


def test_every_hint_key_is_in_the_catalogue() -> None:
    assert hint_keys() - FR.keys() == set()


@pytest.mark.parametrize(
    ("guide", "variants", "page", "target", "words"),
    GUIDE_CALLOUTS,
    ids=[f"{c[0]}-{c[2].value}-{c[3]}" for c in GUIDE_CALLOUTS],
)
def test_every_callout_of_the_guides_has_its_place(
    guide: str, variants: tuple[JourneyVariant, ...], page: Page, target: str, words: str
) -> None:
    for variant in variants:
        placed = [same_words(t(h.key)) for h in hints_for(variant, page) if h.target == target]
        assert same_words(words) in placed, (guide, variant, page, target)


def test_every_hint_is_a_callout_of_its_guide() -> None:
    """Nothing is in the table that the guides do not say, at the place they say it."""
    listed = {
        (variant, page, target, same_words(words))
        for _, variants, page, target, words in GUIDE_CALLOUTS
        for variant in variants
    }
    for variant, pages in HINTS.items():
        for page, hints in pages.items():
            for hint in hints:
                if (variant, page, hint.target) in NOT_AT_THAT_PLACE_IN_THE_GUIDES:
                    continue
                assert (variant, page, hint.target, same_words(t(hint.key))) in listed, hint


def _number(hint: Hint) -> int | None:
    match = re.match(r"(?:Étape )?(\d+)[.:\s]", t(hint.key))
    return int(match[1]) if match else None


def test_a_page_shows_its_numbers_in_order_once_each_target() -> None:
    """The numbers go up as the page goes down (the order of the table is the page's), and
    a target has one hint: the hints read in the order Tab goes."""
    for pages in HINTS.values():
        for page, hints in pages.items():
            targets = [h.target for h in hints]
            assert len(targets) == len(set(targets)), page
            numbers = [n for n in map(_number, hints) if n is not None]
            assert numbers == sorted(numbers), page


def test_hints_follow_the_variant() -> None:
    # Identity first speaks in guide 000's steps; code first in guide 002's callouts.
    assert [t(h.key) for h in hints_for(IDENTITY_FIRST, Page.START)] == [
        "Étape 1 : je clique sur « Commencer »"
    ]
    assert [h.target for h in hints_for(CODE_FIRST, Page.IDENTIFY)][0] == "code"
    assert hints_for(IDENTITY_FIRST, Page.IDENTIFY) == ()
    assert hints_for(CODE_FIRST, None) == ()


def test_guide_option_on_the_command_line() -> None:
    parser = build_parser()
    assert parse(parser, ["--guide"]).guide is True
    assert parse(parser, []).guide is False
    # Like every general option, before or after a command.
    assert parse(parser, ["personas", "--guide"]).guide is True
