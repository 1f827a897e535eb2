"""The life table (core/lifecycle.py), pair by pair: every state with every event. An allowed
pair moves the profile to its new state, records its decision and sends its message; a
refused pair says why and writes nothing. The expectations are written out here, apart from
the table, so that a change to the table is a change to this test too."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import NOW
from support import person_id, persona_code

from mes_sante_tui.core import lifecycle
from mes_sante_tui.core.answers import Outcome
from mes_sante_tui.core.engine import Choice, Identified
from mes_sante_tui.core.lifecycle import Applied, Event, State, apply_event
from mes_sante_tui.core.models import CardModel, ProfileStatus
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.space import actions_for
from mes_sante_tui.wording import t

CLOSED_ON = NOW - timedelta(days=5)

# (state, event) -> (status after, decision recorded, subject of the message sent)
ALLOWED: dict[tuple[State, Event], tuple[ProfileStatus, str | None, str | None]] = {
    (State.PENDING, Event.ACTIVATE): (ProfileStatus.ACTIVATED, "activer", "activated"),
    (State.PENDING, Event.OPPOSE): (ProfileStatus.OPPOSED, "opposer", None),
    (State.PENDING, Event.SIX_WEEKS): (ProfileStatus.CREATED, None, "created"),
    (State.OPPOSED, Event.ACTIVATE): (ProfileStatus.ACTIVATED, "activer", "activated"),
    (State.OPPOSED, Event.OPPOSE): (ProfileStatus.OPPOSED, "opposer", None),
    (State.CREATED, Event.ACTIVATE): (ProfileStatus.ACTIVATED, "activer", "activated"),
    (State.CREATED, Event.CLOSE): (ProfileStatus.CLOSED, "cloturer", "closed"),
    (State.ACTIVATED, Event.CLOSE): (ProfileStatus.CLOSED, "cloturer", "closed"),
    (State.CLOSED, Event.REOPEN): (ProfileStatus.ACTIVATED, "rouvrir", "reopened"),
    (State.CLOSED_DELETION_PENDING, Event.DELETION_DUE): (ProfileStatus.DELETED, None, "deleted"),
    (State.DELETED, Event.ACTIVATE): (ProfileStatus.ACTIVATED, "activer", "activated"),
}

EXISTS = Refused(outcome=Outcome.ALREADY_EXISTS, message=t("identify.already_exists"))
NOT_APPLICABLE = Refused(message=t("lifecycle.not_applicable"))
NOT_OPEN = Refused(message=t("close.not_open"))
NOT_CLOSED = Refused(message=t("reopen.not_closed"))


def refused_as(state: State, event: Event) -> Refused:
    """What a pair outside the table answers."""
    if event in (Event.ACTIVATE, Event.OPPOSE) and state in (
        State.ACTIVATED, State.CLOSED, State.CLOSED_DELETION_PENDING
    ):
        return EXISTS
    if (state, event) == (State.CREATED, Event.OPPOSE):
        return Refused(errors={"choice": t("decision.created_no_opposition")})
    if (state, event) == (State.DELETED, Event.OPPOSE):
        return Refused(errors={"choice": t("decision.deleted_no_opposition")})
    if event is Event.CLOSE:
        return NOT_OPEN
    if (state, event) == (State.CLOSED_DELETION_PENDING, Event.REOPEN):
        due = lifecycle.deletion_due(CLOSED_ON)
        return Refused(message=t("reopen.deletion_pending", due=f"{due:%d/%m/%Y}"))
    if event is Event.REOPEN:
        return NOT_CLOSED
    return NOT_APPLICABLE


def put_in(services: Services, key: str, state: State) -> int:
    """The persona's profile, brought to `state` by the store (a test's set-up)."""
    store, pid = services.store, person_id(services, key)
    status = {
        State.CLOSED_DELETION_PENDING: ProfileStatus.CLOSED,
    }.get(state, ProfileStatus(state.value) if state.value in set(ProfileStatus) else None)
    assert status is not None
    store.set_status(pid, status, CLOSED_ON.date())
    if status is ProfileStatus.CLOSED:
        due = lifecycle.deletion_due(CLOSED_ON) if state is State.CLOSED_DELETION_PENDING else None
        store.add_closure(
            person_id=pid, closed_at=CLOSED_ON, by=pid,
            previous_status=ProfileStatus.ACTIVATED, deletion_due_at=due,
        )
    return pid


def written(services: Services) -> tuple[object, ...]:
    """Everything an event may write."""
    query = services.store.query
    return (
        [tuple(r) for r in query("SELECT id, status, status_date FROM people ORDER BY id")],
        [tuple(r) for r in query("SELECT * FROM decisions ORDER BY id")],
        [tuple(r) for r in query("SELECT * FROM closures ORDER BY id")],
        [tuple(r) for r in query("SELECT person_id, identifier FROM accounts ORDER BY 1")],
        [m.id for m in services.store.outbox()],
    )


@pytest.mark.parametrize("event", list(Event))
@pytest.mark.parametrize("state", list(State))
def test_every_state_with_every_event(services: Services, state: State, event: Event) -> None:
    pid = put_in(services, "martine", state)
    person = services.store.person(pid)
    assert lifecycle.state_of(person, services.store.closure_of(pid)) is state
    before, last_message = written(services), services.store.last_outbox_id()
    decisions_before = len(
        services.store.query("SELECT 1 FROM decisions WHERE person_id = ?", (pid,))
    )
    result = apply_event(
        services.store, services.engine.mailer, pid, event, at=NOW, by=pid, delete_data=True
    )
    if (state, event) not in ALLOWED:
        assert result == refused_as(state, event)
        assert event not in lifecycle.allowed_events(state, person)
        assert written(services) == before  # nothing written
        return
    status, decision, message = ALLOWED[(state, event)]
    assert isinstance(result, Applied)
    assert event in lifecycle.allowed_events(state, person)
    after = services.store.person(pid)
    assert after.status is status
    if (state, event) != (State.OPPOSED, Event.OPPOSE):  # the first opposition's date is kept
        assert after.status_date == NOW.date()
    kinds = [r["kind"] for r in services.store.query(
        "SELECT kind FROM decisions WHERE person_id = ? ORDER BY id", (pid,)
    )]
    assert kinds[decisions_before:] == ([decision] if decision else [])
    sent = services.store.outbox(after_id=last_message)
    assert [m.subject for m in sent] == ([t(f"outbox.{message}.subject")] if message else [])


OFFERED: dict[State, tuple[Event, ...]] = {
    State.PENDING: (Event.ACTIVATE, Event.OPPOSE),
    State.OPPOSED: (Event.ACTIVATE,),  # opposing again is accepted, never offered
    State.CREATED: (Event.ACTIVATE, Event.CLOSE),
    State.ACTIVATED: (Event.CLOSE,),
    State.CLOSED: (Event.REOPEN,),
    State.CLOSED_DELETION_PENDING: (),
    State.DELETED: (Event.ACTIVATE,),
}


@pytest.mark.parametrize("state", list(State))
def test_what_a_screen_offers_is_read_from_the_table(services: Services, state: State) -> None:
    pid = put_in(services, "martine", state)
    person, closure = services.store.person(pid), services.store.closure_of(pid)
    assert lifecycle.offered_events(state, person) == OFFERED[state]
    assert actions_for(person, closure) == OFFERED[state]
    assert set(OFFERED[state]) <= set(lifecycle.allowed_events(state, person))


def test_a_deceased_person_takes_no_step_of_their_life(services: Services) -> None:
    jeanne = services.store.person(person_id(services, "jeanne"))
    assert lifecycle.offered_events(State.PENDING, jeanne) == ()
    before = written(services)
    result = apply_event(services.store, services.engine.mailer, jeanne.id, Event.ACTIVATE, at=NOW)
    assert result == Refused(outcome=Outcome.NOT_ACTIVABLE, message=t("identify.not_activable"))
    assert written(services) == before


PACKAGE = Path(__file__).resolve().parents[2] / "mes_sante_tui"


def test_only_the_life_table_writes_a_status() -> None:
    """The statement is the store's, and only `apply_event` calls it."""
    writers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "SET status" in text and path.name != "store.py":
            writers.append(path.name)
        for node in ast.walk(ast.parse(text)):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "set_status"
                and path.name != "lifecycle.py"
            ):
                writers.append(path.name)
    assert writers == []


def test_the_decision_screen_is_refused_what_the_table_refuses(services: Services) -> None:
    """Through the engine: a profile whose data were deleted can be activated again, not
    opposed (the table has no such transition); the refusal is on the choice."""
    engine, pid = services.engine, put_in(services, "martine", State.DELETED)
    session = engine.start_session()
    identified = engine.identify_with_code(
        session, code=persona_code(services, "martine"), nir=services.store.person(pid).nir,
        model=CardModel.WITHOUT_PHOTO, serial="953701166",
    )
    assert isinstance(identified, Identified), identified
    refused = engine.decide(session, Choice.OPPOSE, False)
    assert refused == Refused(errors={"choice": t("decision.deleted_no_opposition")})
    assert engine.confirm_opposition(session) == refused
    assert services.store.person(pid).status is ProfileStatus.DELETED
