"""The forms of the journey and of its sub-flows as data: which fields each one asks, with
their wording keys, and the order of the sub-flows (logging in, the recoveries, a new
provisional code, a contact to change, the opposition, the closure).

`core/journey.py` says which steps a variant walks; this module says what each step and
each sub-flow asks. Nothing here is a widget: the plain line-by-line mode walks these
descriptions over the engine, and the screens may build their forms from them. The error
keys of the engine's `Refused.errors` are the fields' names.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .answers import Outcome
from .journey import Step
from .models import CardModel, ProfileStatus


class FieldKind(StrEnum):
    TEXT = "text"
    SECRET = "secret"  # a password: read without echo, never shown back
    CHOICE = "choice"  # one of numbered options
    CHECK = "check"  # a box ticked or not (yes or no)


@dataclass(frozen=True)
class Field:
    """One question of a form. `name` is the key of the engine's errors for it."""

    name: str
    label_key: str
    hint_key: str | None = None
    kind: FieldKind = FieldKind.TEXT
    options: tuple[tuple[str, str], ...] = ()  # (value, wording key) of a choice


@dataclass(frozen=True)
class Form:
    """A step or a sub-step: its title, help and lead text (wording keys, worded per variant
    where the catalogue has a variant's own words), and its fields in the order asked."""

    name: str
    title_key: str
    help_key: str
    intro_keys: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()


# --- the fields ---------------------------------------------------------------------------

MODEL_WITHOUT, MODEL_WITH = "without", "with"
CARD_MODELS: dict[str, CardModel] = {
    MODEL_WITHOUT: CardModel.WITHOUT_PHOTO,
    MODEL_WITH: CardModel.WITH_PHOTO,
}
# The serial's hint follows the model chosen (None: not chosen yet).
SERIAL_HINT: dict[CardModel | None, str] = {
    None: "field.serial.hint.none",
    CardModel.WITHOUT_PHOTO: "field.serial.hint.without",
    CardModel.WITH_PHOTO: "field.serial.hint.with",
}

CODE = Field("code", "field.code", "field.code.hint")
NIR = Field("nir", "field.nir", "field.nir.hint")
BIRTH_DATE = Field("birth_date", "field.birth_date", "field.birth_date.hint")
MODEL = Field(
    "model",
    "field.model",
    kind=FieldKind.CHOICE,
    options=((MODEL_WITHOUT, "field.model.without"), (MODEL_WITH, "field.model.with")),
)
SERIAL = Field("serial", "field.serial", SERIAL_HINT[None])
CARD = (NIR, MODEL, SERIAL)
CHANNEL = Field("channel", "field.channel", kind=FieldKind.CHOICE)  # options: the contacts
PROFILE = Field("profile", "field.profile", kind=FieldKind.CHOICE)  # options: the twins
CERTIFY = Field(
    "certify",
    "field.certify",
    kind=FieldKind.CHOICE,
    options=(("yes", "representative.yes"), ("no", "representative.no")),
)
CHOICE = Field(
    "choice",
    "field.choice",
    kind=FieldKind.CHOICE,
    options=(("activer", "decision.activate"), ("opposer", "decision.oppose")),
)
# Each option's sentence, said under it.
CHOICE_TEXTS = {"activer": "decision.activate.text", "opposer": "decision.oppose.text"}
CONSENT = Field("consent", "field.consent", "decision.consent_label", FieldKind.CHECK)
OTP = Field("otp", "otp.field", "otp.hint")
IDENTITY_CODE = Field("code", "field.code.identity", "field.code.hint")


def password_fields(label: str, hint: str, confirm: str | None) -> tuple[Field, ...]:
    fields: tuple[Field, ...] = (Field("password", label, hint, FieldKind.SECRET),)
    if confirm is not None:
        fields += (Field("confirmation", confirm, "account.confirm.hint", FieldKind.SECRET),)
    return fields


# --- the journey's steps ------------------------------------------------------------------

STEP_FORMS: dict[Step, Form] = {
    Step.IDENTIFY: Form(
        "identify", "identify.title", "identify.help",
        ("identify.intro", "identify.required_note"), (CODE, *CARD),
    ),
    Step.BIRTH_DATE: Form(
        "birth_date", "birth_date.title", "birth_date.help", ("birth_date.for_whom",),
        (BIRTH_DATE,),
    ),
    Step.VITALE: Form("vitale", "vitale.title", "vitale.help", ("vitale.intro",), CARD),
    Step.CHOOSE_PROFILE: Form(
        "choose", "choose.title", "choose.help", ("choose.intro",), (PROFILE,)
    ),
    Step.REPRESENTATIVE: Form(
        "representative", "representative.title", "representative.help",
        ("representative.intro",), (CERTIFY,),
    ),
    Step.CODE: Form("code", "code.title", "code.help", ("code.intro",), (CHANNEL,)),
    Step.DECISION: Form("decision", "decision.title", "decision.help", (), (CHOICE, CONSENT)),
    Step.CONTACTS: Form("contacts", "contacts.title", "contacts.help", ("contacts.intro",)),
    Step.ACCOUNT: Form(
        "account", "account.title", "account.help", ("account.intro",),
        (
            Field("identifier", "account.identifier", "account.identifier.hint"),
            *password_fields("account.password", "account.password.hint", "account.confirm"),
        ),
    ),
}

# « Mon code provisoire » (identity first): once sent, the code received.
CODE_ENTRY = Form("code_entry", "code.title", "code.help", (), (IDENTITY_CODE,))


# --- the sub-flows ------------------------------------------------------------------------

@dataclass(frozen=True)
class Flow:
    """A sub-flow: its forms in the order they come. Going back from a form is back to the
    one before it (from the first: back to where the flow started)."""

    name: str
    forms: tuple[Form, ...]


REGENERATE = Form(
    "regenerate", "regenerate.title", "regenerate.help", ("regenerate.intro",),
    (NIR, BIRTH_DATE, MODEL, SERIAL),
)
SEND_CODE = Form("send_code", "send_code.title", "send_code.help", (), (CHANNEL,))
LOGIN = Form(
    "login", "login.title", "login.help", ("login.intro",),
    (
        Field("identifier", "login.identifier", "login.identifier.hint"),
        *password_fields("login.password", "login.password.hint", None),
    ),
)
LOGIN_CODE = Form("login_code", "login_code.title", "login_code.help", (), (OTP,))
FORGOT_IDENTIFIER = Form(
    "forgot_identifier", "forgot_identifier.title", "forgot_identifier.help",
    ("forgot_identifier.intro", "identify.required_note"), (NIR, BIRTH_DATE),
)
FORGOT_PASSWORD = Form(
    "forgot_password", "forgot_password.title", "forgot_password.help",
    ("forgot_password.intro", "identify.required_note"), (NIR, BIRTH_DATE, MODEL, SERIAL),
)
RECOVERY_IDENTIFIER_CHANNEL = Form(
    "recovery_channel.identifier", "recovery_channel.identifier.title", "recovery_channel.help",
    ("recovery_channel.identifier.intro",), (CHANNEL,),
)
RECOVERY_PASSWORD_CHANNEL = Form(
    "recovery_channel.password", "recovery_channel.password.title", "recovery_channel.help",
    ("recovery_channel.password.intro",), (CHANNEL,),
)
RECOVERY_CODE = Form("recovery_code", "recovery_code.title", "recovery_code.help", (), (OTP,))
NEW_PASSWORD = Form(
    "new_password", "new_password.title", "new_password.help", ("new_password.intro",),
    password_fields("new_password.password", "account.password.hint", "new_password.confirm"),
)
OPPOSITION_CONFIRM = Form(
    "opposition_confirm", "opposition.confirm.title", "opposition.confirm.help",
    ("opposition.confirm.text",),
)
OPPOSITION_DONE = Form(
    "opposition_done", "opposition.done.title", "opposition.done.help",
    ("opposition.done.text",),
    (Field("folder", "opposition.done.folder", "opposition.done.folder.hint"),),
)
CLOSE_PROFILE = Form(
    "close_profile", "close_profile.title", "close_profile.help",
    ("close_profile.archive", "close_profile.deletion"),
    (
        *password_fields("close_profile.password", "close_profile.password.hint", None),
        Field("delete", "close_profile.delete", kind=FieldKind.CHECK),
    ),
)


def contact_edit(kind: str) -> Form:
    """« Je modifie mon adresse e-mail » / « Je renseigne mon numéro de téléphone mobile »."""
    return Form(
        f"contact_edit.{kind}", f"contact_edit.{kind}.title", "contacts.help",
        (f"contact_edit.{kind}.intro",),
        (Field(kind, f"contact_edit.{kind}.field", f"contact_edit.{kind}.hint"),),
    )


def contact_otp(kind: str) -> Form:
    return Form(f"otp.{kind}", f"otp.{kind}.title", "otp.help", (), (OTP,))


FLOWS: dict[str, Flow] = {
    # « Générer un nouveau code provisoire » (guide 002): who, the profile (twins), where.
    "regeneration": Flow(
        "regeneration", (REGENERATE, STEP_FORMS[Step.CHOOSE_PROFILE], SEND_CODE)
    ),
    # « Se connecter »: identifier and password, then the one-time code.
    "login": Flow("login", (LOGIN, LOGIN_CODE)),
    "recover_identifier": Flow(
        "recover_identifier", (FORGOT_IDENTIFIER, RECOVERY_IDENTIFIER_CHANNEL)
    ),
    "recover_password": Flow(
        "recover_password",
        (FORGOT_PASSWORD, RECOVERY_PASSWORD_CHANNEL, RECOVERY_CODE, NEW_PASSWORD),
    ),
    "change_email": Flow("change_email", (contact_edit("email"), contact_otp("email"))),
    "change_mobile": Flow("change_mobile", (contact_edit("mobile"), contact_otp("mobile"))),
    # « Je m'oppose »: confirmed on its own step, then the certificate and the household.
    "opposition": Flow("opposition", (OPPOSITION_CONFIRM, OPPOSITION_DONE)),
    "close_profile": Flow("close_profile", (CLOSE_PROFILE,)),
}


# The children whose profile the parent can decide on from the household's list after an
# opposition, their identity already proved; an active or closed profile is managed from the
# logged-in space (which offers every action the life table allows).
DECIDABLE_AFTER_OPPOSITION = frozenset(
    {ProfileStatus.PENDING, ProfileStatus.OPPOSED, ProfileStatus.CREATED, ProfileStatus.DELETED}
)


# --- the ways forward after an identification outcome -------------------------------------

RETRY, REGENERATE_CODE, HOME, LOGIN_WAY = "retry", "regenerate", "home", "login"
OUTCOME_ACTIONS: dict[str, tuple[str, ...]] = {
    Outcome.NOT_FOUND: (RETRY, REGENERATE_CODE, HOME),
    Outcome.ALREADY_EXISTS: (LOGIN_WAY, HOME),
    Outcome.NOT_ACTIVABLE: (HOME,),
    Outcome.CODE_EXPIRED: (REGENERATE_CODE, HOME),
    Outcome.CODE_USED: (REGENERATE_CODE, HOME),
    Outcome.LOCKED: (RETRY, HOME),
    Outcome.WAIT: (RETRY,),
    Outcome.SESSION_EXPIRED: (HOME,),
    Outcome.NOT_REPRESENTATIVE: (HOME,),
    # A trainer's fault: back to what was typed, kept, to try again in a moment.
    Outcome.SERVICE_UNAVAILABLE: (RETRY, HOME),
}


def outcome_actions(outcome: str) -> tuple[str, ...]:
    """The ways forward an outcome offers, the first one the one to try first."""
    return OUTCOME_ACTIONS.get(outcome, (RETRY, HOME))
