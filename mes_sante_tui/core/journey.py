"""Journey variants as data: the ordered steps, and the stages the stepper shows.

Both variants of the guides run over the same engine and the same screens; only the order
of the identification steps and the names of the stages differ.
"""

from __future__ import annotations

from enum import StrEnum

from .settings import JourneyVariant


class Step(StrEnum):
    HOME = "accueil"
    START = "commencer"
    IDENTIFY = "je_m_identifie"
    BIRTH_DATE = "date_de_naissance"
    VITALE = "carte_vitale"
    CHOOSE_PROFILE = "choix_du_profil"
    REPRESENTATIVE = "representant_legal"
    CODE = "code_provisoire"
    DECISION = "decision"
    CONTACTS = "coordonnees"
    ACCOUNT = "identifiant_mot_de_passe"
    SUCCESS = "succes"


JOURNEYS: dict[JourneyVariant, tuple[Step, ...]] = {
    JourneyVariant.CODE_FIRST: (
        Step.HOME,
        Step.START,
        Step.IDENTIFY,
        Step.REPRESENTATIVE,
        Step.DECISION,
        Step.CONTACTS,
        Step.ACCOUNT,
        Step.SUCCESS,
    ),
    JourneyVariant.IDENTITY_FIRST: (
        Step.HOME,
        Step.START,
        Step.BIRTH_DATE,
        Step.VITALE,
        Step.CHOOSE_PROFILE,
        Step.REPRESENTATIVE,
        Step.CODE,
        Step.DECISION,
        Step.CONTACTS,
        Step.ACCOUNT,
        Step.SUCCESS,
    ),
}

# The stepper's stages (wording keys) and which stage each step belongs to.
STAGES: dict[JourneyVariant, tuple[str, ...]] = {
    JourneyVariant.CODE_FIRST: (
        "stage.identify",
        "stage.decision",
        "stage.contacts",
        "stage.account",
    ),
    JourneyVariant.IDENTITY_FIRST: (
        "stage.identity",
        "stage.code",
        "stage.activation",
        "stage.account",
    ),
}

_STAGE_OF: dict[JourneyVariant, dict[Step, int]] = {
    JourneyVariant.CODE_FIRST: {
        Step.IDENTIFY: 0,
        Step.REPRESENTATIVE: 0,
        Step.DECISION: 1,
        Step.CONTACTS: 2,
        Step.ACCOUNT: 3,
    },
    JourneyVariant.IDENTITY_FIRST: {
        Step.BIRTH_DATE: 0,
        Step.VITALE: 0,
        Step.CHOOSE_PROFILE: 0,
        Step.REPRESENTATIVE: 0,
        Step.CODE: 1,
        Step.DECISION: 2,
        Step.CONTACTS: 2,
        Step.ACCOUNT: 3,
    },
}


def stage_index(variant: JourneyVariant, step: Step) -> int:
    """The stepper stage of `step`, or -1 when the stepper is not shown (home, success)."""
    return _STAGE_OF[variant].get(step, -1)


def next_step(
    variant: JourneyVariant, current: Step, *, skip: frozenset[Step] = frozenset()
) -> Step:
    """The step after `current` in this variant, jumping over the steps in `skip`."""
    steps = JOURNEYS[variant]
    index = steps.index(current) + 1
    while index < len(steps) - 1 and steps[index] in skip:
        index += 1
    return steps[min(index, len(steps) - 1)]
