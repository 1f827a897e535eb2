"""The journey descriptions: data any front end can walk, with existing wording."""

from __future__ import annotations

import pytest

from mes_sante_tui.core.journey import (
    DESCRIPTIONS,
    Back,
    JourneyDescription,
    Step,
    describe,
    step_wording,
)
from mes_sante_tui.core.settings import JourneyVariant
from mes_sante_tui.wording import FR

VARIANTS = list(JourneyVariant)


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_variant_has_a_description(variant: JourneyVariant) -> None:
    description = describe(variant)
    assert description.variant is variant
    assert description.order[0] is Step.HOME
    assert description.order[-1] is Step.SUCCESS


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_step_has_a_stage_and_existing_wording(variant: JourneyVariant) -> None:
    description = describe(variant)
    for stage_key in description.stages:
        assert stage_key in FR, stage_key
    for step in description.steps:
        assert step.title_key in FR, step.title_key
        assert step.help_key in FR, step.help_key
        if step.step in (Step.HOME, Step.START, Step.SUCCESS):
            assert step.stage == -1
        else:
            assert 0 <= step.stage < len(description.stages), step
    stages = [step.stage for step in description.steps if step.stage >= 0]
    assert stages == sorted(stages), "the stepper never goes backwards"
    assert set(stages) == set(range(len(description.stages))), "every stage has a step"


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_step_appears_once(variant: JourneyVariant) -> None:
    order = describe(variant).order
    assert len(order) == len(set(order))


def _walk(description: JourneyDescription, skip: frozenset[Step]) -> list[Step]:
    walked = [Step.HOME]
    while walked[-1] is not Step.SUCCESS:
        walked.append(description.next_step(walked[-1], skip=skip))
        assert len(walked) <= len(description.steps), walked
    return walked


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    "skip",
    [
        frozenset(),
        frozenset({Step.REPRESENTATIVE, Step.CHOOSE_PROFILE}),
        frozenset({Step.REPRESENTATIVE, Step.CHOOSE_PROFILE, Step.CONTACTS, Step.ACCOUNT}),
    ],
)
def test_both_variants_reach_success(variant: JourneyVariant, skip: frozenset[Step]) -> None:
    walked = _walk(describe(variant), skip)
    assert walked[-1] is Step.SUCCESS
    assert not (set(walked) & skip)
    # The decision is always made: nothing skips it.
    assert Step.DECISION in walked


def test_only_the_home_page_has_nothing_before_it() -> None:
    for description in DESCRIPTIONS.values():
        nothing = [step.step for step in description.steps if step.back is Back.NOTHING]
        assert nothing == [Step.HOME]


def test_a_step_is_worded_the_same_in_every_variant() -> None:
    for description in DESCRIPTIONS.values():
        for step in description.steps:
            described = step_wording(step.step)
            assert (described.title_key, described.help_key) == (step.title_key, step.help_key)


def test_the_options_differ_as_the_guides_do() -> None:
    assert describe(JourneyVariant.CODE_FIRST).options.regenerate_code
    assert not describe(JourneyVariant.IDENTITY_FIRST).options.regenerate_code
    assert describe(JourneyVariant.IDENTITY_FIRST).options.profile_step
    assert Step.CHOOSE_PROFILE not in describe(JourneyVariant.CODE_FIRST)
