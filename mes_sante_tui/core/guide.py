"""The guided mode's hints as data: for each journey variant and each page, the guides'
numbered callouts in the order the page shows them, each with the widget it points to.

Code first follows guide 002 (its yellow callouts « 1. Renseignez ces champs », « Cliquez ici
afin de continuer »…); identity first follows guide 000 (« Étape 1 » to « Étape 6 »); the
opposition screens follow the opposition part of guide 002 in both variants. Guide 004 is an
article without callouts: it has no hint of its own.

A hint names its target by widget id and its words by wording key (`wording/guide.py`); the
screens place them (`screens/guided.py`). Nothing here knows about widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .settings import JourneyVariant


class Page(StrEnum):
    """A screen as the guides show it. Not a journey step: some steps show several pages
    (the contact check before and after a change), and some pages are not steps."""

    HOME = "accueil"
    START = "commencer"
    IDENTIFY = "je_m_identifie"
    REGENERATE = "nouveau_code"
    SEND_CODE = "envoi_du_code"
    BIRTH_DATE = "date_de_naissance"
    VITALE = "carte_vitale"
    CODE = "code_provisoire"
    DECISION = "decision"
    CONTACTS = "coordonnees"
    CONTACTS_UPDATED = "coordonnees_modifiees"  # back from a confirmed change
    CONTACT_EDIT_EMAIL = "modifier_email"
    CONTACT_EDIT_MOBILE = "modifier_mobile"
    OTP_EMAIL = "valider_email"
    OTP_MOBILE = "valider_mobile"
    ACCOUNT = "identifiant_mot_de_passe"
    OPPOSITION_CONFIRM = "opposition_validation"
    OPPOSITION_DONE = "opposition_justificatif"


@dataclass(frozen=True)
class Hint:
    target: str  # id of the field, link or button the callout points to
    key: str  # wording key of the callout's words


def _hints(*pairs: tuple[str, str]) -> tuple[Hint, ...]:
    return tuple(Hint(target, key) for target, key in pairs)


# Guide 002, « Opposition à Mon espace santé » 2/4 and 3/4: the same in both variants.
_OPPOSITION: dict[Page, tuple[Hint, ...]] = {
    Page.OPPOSITION_CONFIRM: _hints(("continue", "guide.opposition.validate")),
    Page.OPPOSITION_DONE: _hints(("download", "guide.opposition.download")),
}

HINTS: dict[JourneyVariant, dict[Page, tuple[Hint, ...]]] = {
    JourneyVariant.CODE_FIRST: {
        # « Se rendre sur le site Mon espace santé »: two callouts on the home page.
        Page.HOME: _hints(
            ("lead", "guide.home.share"),
            ("activate", "guide.home.activate"),
        ),
        Page.START: _hints(("begin", "guide.start.begin")),
        # « Activation … avec le code reçu par mail ou par courrier », and « … en générant un
        # code provisoire 1/3 » (the link). The callout 2 was lost from the extracted text;
        # its place (the card model, between 1 and 3) takes the words of 2/3's callout 3.
        Page.IDENTIFY: _hints(
            ("code", "guide.identify.fields"),
            ("regenerate", "guide.identify.regenerate"),
            ("model", "guide.identify.card"),
            ("serial", "guide.field.3"),
            ("continue", "guide.continue.4"),
        ),
        # « … en générant un code provisoire 2/3 ».
        Page.REGENERATE: _hints(
            ("nir", "guide.field.1"),
            ("birth_date", "guide.field.2"),
            ("model", "guide.regenerate.card"),
            ("serial", "guide.field.4"),
            ("continue", "guide.regenerate.continue"),
        ),
        # « … en générant un code provisoire 3/3 ».
        Page.SEND_CODE: _hints(
            ("channel", "guide.send_code.channel"),
            ("validate", "guide.continue.2"),
        ),
        # « Finalisation 1/2 and 2/2 », and « Opposition 1/4 » (the same screen).
        Page.DECISION: _hints(
            ("activate", "guide.decision.activate"),
            ("oppose", "guide.decision.oppose"),
            ("consent", "guide.decision.consent"),
            ("continue", "guide.continue.2"),
        ),
        # « Vérification de coordonnées de contact 1/5 », then 3/5 and 5/5 once a contact
        # has been changed.
        Page.CONTACTS: _hints(
            ("edit-email", "guide.contacts.email"),
            ("edit-mobile", "guide.contacts.sms"),
            ("continue", "guide.continue.4"),
        ),
        Page.CONTACTS_UPDATED: _hints(
            ("edit-mobile", "guide.contacts.phone"),
            ("continue", "guide.continue.4"),
        ),
        # 2/5 and 4/5: the new contact, then its one-time code.
        Page.CONTACT_EDIT_EMAIL: _hints(
            ("value", "guide.contact_edit.email"),
            ("validate", "guide.contact_edit.continue"),
        ),
        Page.OTP_EMAIL: _hints(
            ("otp", "guide.otp.email"),
            ("validate", "guide.otp.continue"),
        ),
        Page.CONTACT_EDIT_MOBILE: _hints(
            ("value", "guide.contact_edit.mobile"),
            ("validate", "guide.contact_edit.continue"),
        ),
        Page.OTP_MOBILE: _hints(
            ("otp", "guide.otp.mobile"),
            ("validate", "guide.otp.continue"),
        ),
        # « Création de l'identifiant et du mot de passe ».
        Page.ACCOUNT: _hints(
            ("identifier", "guide.account.identifier"),
            ("password", "guide.account.password"),
            ("confirmation", "guide.account.confirmation"),
            ("validate", "guide.continue.4"),
        ),
        **_OPPOSITION,
    },
    JourneyVariant.IDENTITY_FIRST: {
        # Guide 000: one « Étape » a page, on what the page asks first.
        Page.START: _hints(("begin", "guide.step.1")),
        Page.BIRTH_DATE: _hints(("birth_date", "guide.step.2")),
        Page.VITALE: _hints(("nir", "guide.step.3")),
        Page.CODE: _hints(("channel", "guide.step.4")),
        # « J'active mon profil et je vérifie mes coordonnées »: two pages.
        Page.DECISION: _hints(("choice", "guide.step.5")),
        Page.CONTACTS: _hints(("edit-email", "guide.step.5")),
        Page.CONTACTS_UPDATED: _hints(("edit-email", "guide.step.5")),
        Page.ACCOUNT: _hints(("identifier", "guide.step.6")),
        **_OPPOSITION,
    },
}


def hints_for(variant: JourneyVariant, page: Page | None) -> tuple[Hint, ...]:
    """The hints of `page` in `variant`, in the order the page shows their targets."""
    if page is None:
        return ()
    return HINTS[variant].get(page, ())


def hint_keys() -> frozenset[str]:
    """Every wording key the hints use."""
    return frozenset(h.key for pages in HINTS.values() for hints in pages.values() for h in hints)
