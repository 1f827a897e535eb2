"""The engine's seam (core/desk.py): every call is one transaction, its journal row included,
and leaves one journal row that says the step, who, accepted or refused with its reasons,
and the time taken."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from support import person_id, persona_code

from mes_sante_tui.core.engine import Accepted, Choice, ContactKind, Identified, Session
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel, Channel
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services

MARTINE_SERIAL = "953701166"


def identified(services: Services) -> Session:
    session = services.engine.start_session()
    result = services.engine.identify_with_code(
        session,
        code=persona_code(services, "martine"),
        nir=services.store.person(person_id(services, "martine")).nir,
        model=CardModel.WITHOUT_PHOTO,
        serial=MARTINE_SERIAL,
    )
    assert isinstance(result, Identified), result
    return session


@contextmanager
def transactions(services: Services) -> Iterator[list[str]]:
    """The BEGIN statements run meanwhile."""
    begun: list[str] = []

    def trace(sql: str) -> None:
        if sql.startswith("BEGIN"):
            begun.append(sql)

    services.store.conn.set_trace_callback(trace)
    try:
        yield begun
    finally:
        services.store.conn.set_trace_callback(None)


def test_a_call_is_one_transaction_and_one_journal_row(services: Services) -> None:
    session = identified(services)
    engine = services.engine
    assert engine.decide(session, Choice.ACTIVATE, True) == Accepted(next=Step.CONTACTS)
    before = len(services.store.journal_rows(session.id))
    with transactions(services) as begun:
        # Several writes: the code replaced, the new one, its message, the journal row.
        changed = engine.request_contact_change(
            session, ContactKind.EMAIL, "martine.nouvelle@exemple.fr"
        )
    assert changed.ok, changed
    assert begun == ["BEGIN IMMEDIATE"]
    rows = services.store.journal_rows(session.id)[before:]
    assert len(rows) == 1
    (row,) = rows
    assert (row["step"], row["accepted"], row["reason"]) == (
        f"{Step.CONTACTS}:email", 1, "otp_sent"
    )
    assert row["person_id"] == person_id(services, "martine")
    assert row["duration_ms"] is not None and row["duration_ms"] >= 0


def test_the_journal_row_commits_with_the_step_or_neither_does(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = identified(services)
    engine = services.engine
    codes_before = len(services.store.query("SELECT 1 FROM provisional_codes"))
    outbox_before = services.store.last_outbox_id()

    def broken(**_: object) -> None:
        raise RuntimeError("journal unavailable")

    monkeypatch.setattr(services.store, "journal", broken)
    with pytest.raises(RuntimeError):
        engine.send_code(session, Channel.EMAIL)
    monkeypatch.undo()
    # The new code and its message went with the journal row: nothing half-written.
    assert len(services.store.query("SELECT 1 FROM provisional_codes")) == codes_before
    assert services.store.last_outbox_id() == outbox_before


def test_a_call_that_says_nothing_is_journaled_from_its_result(services: Services) -> None:
    session = identified(services)
    before = len(services.store.journal_rows(session.id))
    refused = services.engine.resend_contact_code(session)  # no contact change under way
    assert isinstance(refused, Refused)
    rows = services.store.journal_rows(session.id)[before:]
    assert [(r["step"], r["accepted"], r["reason"]) for r in rows] == [
        (f"{Step.CONTACTS}:resend", 0, "fields:otp")
    ]


def test_a_read_is_not_a_step(services: Services) -> None:
    session = identified(services)
    before = len(services.store.journal_rows())
    with transactions(services) as begun:
        services.engine.channels(session)
        services.engine.contact_view(session)
        services.engine.password_rules("Kayak#Loire2026")
    assert begun == []
    assert len(services.store.journal_rows()) == before
