"""Journey variants as data: one description per variant, walked by any front end.

A description holds the ordered steps, each with its stage of the stepper and its wording
keys (title, help), what going back from it does, and the variant's options. It holds no
widget: the Textual app maps each step to a screen, and a plain line-by-line front end can
walk the same descriptions. Both variants run over the same engine; only the order of the
identification steps, the names of the stages and the options differ.
"""

from __future__ import annotations

from dataclasses import dataclass
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


class Back(StrEnum):
    """What going back (Escape, « Retour ») from a step does."""

    NOTHING = "nothing"  # nothing before it (the home page)
    PREVIOUS = "previous"  # the step before, where what was typed is still shown
    LEAVE = "leave"  # the journey is left: home page (a logged-in person: their space)
    SPACE = "space"  # back to the logged-in space, still logged in


@dataclass(frozen=True)
class StepDescription:
    """One step of a variant: its stage in the stepper, its wording keys, and where going
    back from it leads."""

    step: Step
    stage: int  # index in the description's `stages`; -1: no stepper (home, success)
    title_key: str
    help_key: str
    back: Back


@dataclass(frozen=True)
class JourneyOptions:
    """What one variant offers that the other does not."""

    # « Générer un nouveau code provisoire » from « Commencer » and « Je m'identifie »
    # (guide 002); in the identity-first journey the code step itself sends codes.
    regenerate_code: bool
    # The profile chosen on a step of its own (twins), rather than inside the code step.
    profile_step: bool


@dataclass(frozen=True)
class JourneyDescription:
    """A journey variant: its stages, its steps in order, and its options."""

    variant: JourneyVariant
    stages: tuple[str, ...]  # wording keys of the stepper's stages
    steps: tuple[StepDescription, ...]
    options: JourneyOptions

    def __getitem__(self, step: Step) -> StepDescription:
        for described in self.steps:
            if described.step is step:
                return described
        raise KeyError(step)

    def __contains__(self, step: object) -> bool:
        return any(described.step is step for described in self.steps)

    @property
    def order(self) -> tuple[Step, ...]:
        return tuple(described.step for described in self.steps)

    def next_step(self, current: Step, *, skip: frozenset[Step] = frozenset()) -> Step:
        """The step after `current`, jumping over the steps in `skip` (never the last)."""
        steps = self.order
        index = steps.index(current) + 1
        while index < len(steps) - 1 and steps[index] in skip:
            index += 1
        return steps[min(index, len(steps) - 1)]


def _step(step: Step, stage: int, name: str, back: Back = Back.PREVIOUS) -> StepDescription:
    return StepDescription(step, stage, f"{name}.title", f"{name}.help", back)


_HOME = _step(Step.HOME, -1, "home", Back.NOTHING)
_START = _step(Step.START, -1, "start", Back.LEAVE)
_SUCCESS = _step(Step.SUCCESS, -1, "success", Back.LEAVE)

DESCRIPTIONS: dict[JourneyVariant, JourneyDescription] = {
    JourneyVariant.CODE_FIRST: JourneyDescription(
        variant=JourneyVariant.CODE_FIRST,
        stages=("stage.identify", "stage.decision", "stage.contacts", "stage.account"),
        steps=(
            _HOME,
            _START,
            _step(Step.IDENTIFY, 0, "identify"),
            _step(Step.REPRESENTATIVE, 0, "representative", Back.LEAVE),
            _step(Step.DECISION, 1, "decision", Back.LEAVE),
            _step(Step.CONTACTS, 2, "contacts"),
            _step(Step.ACCOUNT, 3, "account"),
            _SUCCESS,
        ),
        options=JourneyOptions(regenerate_code=True, profile_step=False),
    ),
    JourneyVariant.IDENTITY_FIRST: JourneyDescription(
        variant=JourneyVariant.IDENTITY_FIRST,
        stages=("stage.identity", "stage.code", "stage.activation", "stage.account"),
        steps=(
            _HOME,
            _START,
            _step(Step.BIRTH_DATE, 0, "birth_date"),
            _step(Step.VITALE, 0, "vitale"),
            _step(Step.CHOOSE_PROFILE, 0, "choose"),
            _step(Step.REPRESENTATIVE, 0, "representative", Back.LEAVE),
            _step(Step.CODE, 1, "code", Back.LEAVE),
            _step(Step.DECISION, 2, "decision", Back.LEAVE),
            _step(Step.CONTACTS, 2, "contacts"),
            _step(Step.ACCOUNT, 3, "account"),
            _SUCCESS,
        ),
        options=JourneyOptions(regenerate_code=False, profile_step=True),
    ),
}


def describe(variant: JourneyVariant) -> JourneyDescription:
    return DESCRIPTIONS[variant]


def step_wording(step: Step) -> StepDescription:
    """A step's description, the same in every variant that has it (its title and help
    keys; the wording catalogue words them per variant where the guides differ)."""
    for description in DESCRIPTIONS.values():
        if step in description:
            return description[step]
    raise KeyError(step)


# Kept for the callers that want the order or the stages alone.
JOURNEYS: dict[JourneyVariant, tuple[Step, ...]] = {
    variant: description.order for variant, description in DESCRIPTIONS.items()
}
STAGES: dict[JourneyVariant, tuple[str, ...]] = {
    variant: description.stages for variant, description in DESCRIPTIONS.items()
}


def stage_index(variant: JourneyVariant, step: Step) -> int:
    """The stepper stage of `step`, or -1 when the stepper is not shown (home, success)."""
    description = DESCRIPTIONS[variant]
    return description[step].stage if step in description else -1


def next_step(
    variant: JourneyVariant, current: Step, *, skip: frozenset[Step] = frozenset()
) -> Step:
    """The step after `current` in this variant, jumping over the steps in `skip`."""
    return DESCRIPTIONS[variant].next_step(current, skip=skip)
