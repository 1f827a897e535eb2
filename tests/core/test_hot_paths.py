"""The hot paths made fast for issue 12 still do what they did: the clock's catch-up slice by
slice writes what the profile-by-profile path wrote, a generated population has its
information dates, and an identification that changes nothing waits for no disk."""

from __future__ import annotations

import os
import sqlite3
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from support import person_id, persona_code

from mes_sante_tui.core import lifecycle
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.engine import Choice, Identified
from mes_sante_tui.core.lifecycle import AUTOMATIC_CREATION, Event
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.population import generate_population
from mes_sante_tui.core.results import Refused, StoreError
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.store import Store
from mes_sante_tui.core.vitale import PHOTO_PREFIX


def _copy(services: Services, clock: ManualClock) -> Services:
    other = open_services(":memory:", clock=clock, seed_if_empty=False)
    services.store.conn.backup(other.store.conn)
    other.engine.__post_init__()
    return other


def _written(store: Store) -> tuple[list[tuple[object, ...]], Counter[tuple[object, ...]]]:
    people = [
        tuple(r) for r in store.query("SELECT id, status, status_date FROM people ORDER BY id")
    ]
    messages = Counter(
        tuple(r) for r in store.query(
            "SELECT at, channel, address, masked_address, subject, body, person_id, code"
            " FROM outbox"
        )
    )
    return people, messages


def _one_by_one(store: Store, services: Services, now: datetime) -> None:
    """The catch-up as it was before slices: each due profile through `apply_event`."""
    informed_before = now - AUTOMATIC_CREATION
    with store.transaction():
        for person_id_, informed in store.creation_due(informed_before):
            lifecycle.apply_event(
                store, services.engine.mailer, person_id_, Event.SIX_WEEKS,
                at=informed + AUTOMATIC_CREATION,
            )


def test_the_catch_up_in_slices_writes_what_one_profile_at_a_time_wrote(
    services: Services, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate_population(services.store, 700, seed=4, clock=clock)
    # Some that must stay: deceased, not activable, already decided.
    services.store.conn.execute(
        "UPDATE people SET deceased = 1 WHERE id IN (SELECT id FROM people"
        " WHERE persona_key IS NULL ORDER BY id LIMIT 5)"
    )
    services.store.conn.execute(
        "UPDATE people SET not_activable_reason = 'x' WHERE id IN (SELECT id FROM people"
        " WHERE persona_key IS NULL ORDER BY id DESC LIMIT 5)"
    )
    services.store.conn.execute(
        "UPDATE people SET status = 'oppose' WHERE id IN (SELECT id FROM people"
        " WHERE persona_key IS NULL ORDER BY id LIMIT 20 OFFSET 40)"
    )
    reference = _copy(services, clock)
    clock.advance(timedelta(weeks=6, days=1))
    monkeypatch.setattr(lifecycle, "SLICE", 64)  # many slices, some parents in another one
    calls: list[tuple[int, int]] = []
    changes = services.engine.catch_up(lambda done, total: calls.append((done, total)))
    _one_by_one(reference.store, reference, clock.now())
    assert changes.created > 600
    assert _written(services.store) == _written(reference.store)
    assert len(calls) > 5 and calls[-1] == (changes.created, changes.created)
    assert services.engine.catch_up().created == 0  # nothing left
    reference.close()


def test_every_generated_household_was_informed_in_the_last_four_weeks(
    services: Services, clock: ManualClock
) -> None:
    generate_population(services.store, 500, seed=8, clock=clock)
    rows = services.store.query(
        "SELECT household_id, information_sent_at FROM people WHERE persona_key IS NULL"
    )
    assert len(rows) == 500
    by_household: dict[int, set[str]] = {}
    for row in rows:
        by_household.setdefault(row["household_id"], set()).add(row["information_sent_at"])
    assert all(len(dates) == 1 for dates in by_household.values())
    sent = [datetime.fromisoformat(r["information_sent_at"]) for r in rows]
    assert all(clock.now() - timedelta(weeks=4) < at <= clock.now() for at in sent)
    assert len({at.date() for at in sent}) > 20  # spread over the weeks, not one day


def test_generated_households_are_informed_in_the_order_of_their_ids(
    services: Services, clock: ManualClock
) -> None:
    """In waves through the file, as the rollout did: a catch-up's slice of ids is then a
    range of the pending index (status, information date), whose pages each slice's commit
    writes again, rather than pages all over it."""
    generate_population(services.store, 900, seed=6, clock=clock)
    rows = services.store.query(
        "SELECT information_sent_at FROM people WHERE persona_key IS NULL ORDER BY id"
    )
    sent = [datetime.fromisoformat(r["information_sent_at"]) for r in rows]
    assert sent == sorted(sent)
    assert sent[0] <= clock.now() - timedelta(weeks=4) + timedelta(hours=1)
    assert sent[-1] >= clock.now() - timedelta(hours=1)


@pytest.fixture
def on_disk(tmp_path: Path, clock: ManualClock) -> Services:
    return open_services(tmp_path / "store.db", clock=clock)


def _identify(services: Services, key: str, code: str | None = None) -> Identified | Refused:
    engine, store = services.engine, services.store
    person = store.person(person_id(services, key))
    holder = store.person(person.parent_id) if person.parent_id else person
    card = store.card_of(holder.id)
    assert card is not None
    typed = card.serial.removeprefix(PHOTO_PREFIX) if card.model is CardModel.WITH_PHOTO \
        else card.serial
    return engine.identify_with_code(
        engine.start_session(), code=code or persona_code(services, key), nir=holder.nir,
        model=card.model, serial=typed,
    )


def test_an_identification_writes_its_journal_row_alone_and_waits_for_no_disk(
    on_disk: Services,
) -> None:
    store = on_disk.store
    before = store.conn.total_changes
    lockouts = store.query("SELECT * FROM lockouts")
    assert isinstance(_identify(on_disk, "martine"), Identified)
    assert store.conn.total_changes - before == 2  # the session's and the step's journal rows
    assert store.last_commit_synced is False
    assert store.query("SELECT * FROM lockouts") == lockouts  # no delete of nothing
    assert store.query("PRAGMA synchronous")[0][0] == 2  # FULL again for what follows
    on_disk.close()


def test_what_a_person_is_told_about_still_waits_for_the_disk(on_disk: Services) -> None:
    store = on_disk.store
    martine = str(person_id(on_disk, "martine"))
    # A wrong code is counted: the count is kept (synchronous=FULL).
    assert isinstance(_identify(on_disk, "martine", code="ZZZZZZZZZZZZ"), Refused)
    assert store.last_commit_synced is True
    assert store.lockout_of("code", martine)[0] == 1
    # The right code then clears the count: a change, kept.
    assert isinstance(_identify(on_disk, "martine"), Identified)
    assert store.last_commit_synced is True
    assert store.lockout_of("code", martine)[0] == 0
    on_disk.close()


def test_a_journal_row_joined_by_another_write_is_made_durable(on_disk: Services) -> None:
    store = on_disk.store
    with store.unit_of_work():
        store.journal(at=datetime(2026, 11, 22), session_id="s", person_id=None, step="x",
                      accepted=True)
        store.set_meta("probe", "1")
    assert store.last_commit_synced is True
    assert store.query("PRAGMA synchronous")[0][0] == 2
    on_disk.close()


class _BusyOnce:
    """The store's connection, whose first PASSIVE checkpoint answers « busy » (another
    checkpoint under way: nothing was synced)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn, self.checkpoints = conn, 0

    def execute(self, sql: str, *args: Any) -> object:
        if sql == "PRAGMA wal_checkpoint(PASSIVE)":
            self.checkpoints += 1
            if self.checkpoints == 1:
                return self._conn.execute("SELECT 1, -1, -1")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def test_a_journal_row_joined_by_another_write_waits_for_a_checkpoint_under_way(
    on_disk: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = on_disk.store
    busy = _BusyOnce(store.conn)
    monkeypatch.setattr(store, "conn", busy)
    with store.unit_of_work():
        store.journal(at=datetime(2026, 11, 22), session_id="s", person_id=None, step="x",
                      accepted=True)
        store.set_meta("probe", "1")
    assert busy.checkpoints == 2  # tried again: the first one synced nothing
    assert store.last_commit_synced is True
    monkeypatch.undo()
    on_disk.close()


def test_a_decision_commits_with_a_sync(on_disk: Services) -> None:
    engine, store = on_disk.engine, on_disk.store
    session = engine.start_session()
    person = store.person(person_id(on_disk, "martine"))
    card = store.card_of(person.id)
    assert card is not None
    typed = card.serial.removeprefix(PHOTO_PREFIX) if card.model is CardModel.WITH_PHOTO \
        else card.serial
    identified = engine.identify_with_code(
        session, code=persona_code(on_disk, "martine"), nir=person.nir, model=card.model,
        serial=typed,
    )
    assert isinstance(identified, Identified)
    assert store.last_commit_synced is False
    assert engine.decide(session, Choice.OPPOSE, False).ok
    assert store.last_commit_synced is False  # a choice kept in the session, not yet written
    assert engine.confirm_opposition(session).ok
    assert store.last_commit_synced is True
    assert store.person(person.id).status.value == "oppose"
    on_disk.close()


def test_an_identification_whose_journal_row_cannot_be_written_leaves_the_session_as_it_was(
    on_disk: Services,
) -> None:
    """The journal row is the step's only write: when the store is locked, the step fails
    whole, and the session is not left identified behind the message."""
    store, engine = on_disk.store, on_disk.engine
    session = engine.start_session()
    person = store.person(person_id(on_disk, "martine"))
    card = store.card_of(person.id)
    assert card is not None
    store.set_busy_timeout(20)
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError):
            engine.identify_with_code(
                session, code=persona_code(on_disk, "martine"), nir=person.nir,
                model=card.model, serial=card.serial,
            )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert session.person_id is None and session.code_id is None
    assert store.query("PRAGMA synchronous")[0][0] == 2
    on_disk.close()


def test_a_catch_up_of_several_slices_commits_without_syncs_then_makes_it_all_durable(
    tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catch-up of several slices runs under `bulk_writes` (its commits wait for no disk);
    at its end the connection waits for the disk again."""
    services = open_services(tmp_path / "bulk.db", clock=clock)
    store = services.store
    generate_population(store, 300, seed=3, clock=clock)
    clock.advance(timedelta(weeks=6, days=1))
    monkeypatch.setattr(lifecycle, "SLICE", 64)
    seen: list[tuple[int, int, bool]] = []

    def progress(done: int, total: int) -> None:
        level = store.conn.execute("PRAGMA synchronous").fetchone()[0]
        seen.append((level, store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0],
                     store.last_commit_synced))

    changes = services.engine.catch_up(progress)
    assert changes.created > 64 * 2
    assert seen and all(s == (1, 40_000, False) for s in seen)  # NORMAL, during the slices
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again
    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0  # off the path
    store.set_meta("after", "1")
    assert store.last_commit_synced
    services.close()


class _TruncateBusyOnce(_BusyOnce):
    """The store's connection, whose TRUNCATE checkpoint answers « busy » once (held up by
    another checkpoint or a long write: it may have synced nothing)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__(conn)
        self.truncates = 0

    def execute(self, sql: str, *args: Any) -> object:
        if sql == "PRAGMA wal_checkpoint(TRUNCATE)":
            self.truncates += 1
            if self.truncates == 1:
                return self._conn.execute("SELECT 1, -1, -1")
        if sql == "PRAGMA wal_checkpoint(PASSIVE)":
            self.checkpoints += 1
        return self._conn.execute(sql, *args)


def test_a_bulk_job_whose_last_checkpoint_is_held_up_still_makes_its_commits_durable(
    tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The job's commits waited for no disk: when its closing TRUNCATE checkpoint answers
    « busy », a checkpoint that syncs the WAL is run until it runs."""
    services = open_services(tmp_path / "held.db", clock=clock)
    store = services.store
    held = _TruncateBusyOnce(store.conn)
    monkeypatch.setattr(store, "conn", held)
    with store.bulk_writes():
        store.set_meta("slice", "1")
    assert held.truncates == 1
    assert held.checkpoints >= 1  # the WAL synced another way
    monkeypatch.undo()
    services.close()


def test_commits_held_back_by_another_connections_read_are_still_synced(
    tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read of another connection that began before the job's commits holds them back:
    the checkpoint copies none of them, and SQLite then syncs nothing (it syncs the WAL only
    before copying). The WAL file is then synced by the store itself."""
    services = open_services(tmp_path / "read.db", clock=clock)
    store = services.store
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.set_busy_timeout(20)  # the job's closing TRUNCATE gives up on the reader at once
    reader = sqlite3.connect(store.path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM meta").fetchone()  # its snapshot, before the job
    synced: list[str] = []
    fdatasync = os.fdatasync

    def spy(descriptor: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{descriptor}"))
        fdatasync(descriptor)

    monkeypatch.setattr(os, "fdatasync", spy)
    try:
        with store.bulk_writes():
            store.set_meta("slice", "1")
    finally:
        monkeypatch.undo()
        reader.execute("ROLLBACK")
        reader.close()
    assert synced == [store.path + "-wal"]
    services.close()


def _wal_frames(store: Store) -> tuple[int, int]:
    """(frames in the WAL since it last restarted, frames copied into the store), as a
    PASSIVE checkpoint of another connection sees them (it copies what it can)."""
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        deadline = time.monotonic() + 10
        while True:  # busy while the checkpointer's own checkpoint runs
            busy, log, copied = other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            if not busy or time.monotonic() > deadline:
                break
            time.sleep(0.01)
    finally:
        other.close()
    return int(log), int(copied)


def test_no_identification_copies_the_wal_into_the_store_on_the_persons_path(
    on_disk: Services,
) -> None:
    """SQLite's automatic checkpoint ran inside the commit that made the WAL cross 1,000
    pages, with two disk syncs: every few hundred identifications, one waited for them.
    The WAL now grows past that with no checkpoint on the person's path (the WAL would
    have restarted after one), the checkpointer thread being held still here."""
    store = on_disk.store
    checkpointer = store._checkpointer
    assert checkpointer is not None
    checkpointer.paused = True
    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    for n in range(560):  # about 1,100 pages of journal rows, committed one by one
        store.journal(at=datetime(2026, 11, 22), session_id="s", person_id=None,
                      step=f"x{n}", accepted=True)
    for _ in range(3):  # and identifications: no commit of theirs restarts the WAL
        assert isinstance(_identify(on_disk, "martine"), Identified)
    log, _ = _wal_frames(store)
    assert log > 1_000
    assert checkpointer.runs == 0
    on_disk.close()


def test_the_checkpointer_copies_the_wal_once_the_store_is_idle(on_disk: Services) -> None:
    store = on_disk.store
    checkpointer = store._checkpointer
    assert checkpointer is not None
    checkpointer.idle, checkpointer.threshold = 0.01, 1
    runs = checkpointer.runs
    assert isinstance(_identify(on_disk, "martine", code="ZZZZZZZZZZZZ"), Refused)
    deadline = time.monotonic() + 10
    while checkpointer.runs == runs and time.monotonic() < deadline:
        time.sleep(0.01)
    assert checkpointer.runs > runs
    log, copied = _wal_frames(store)
    assert log == copied and log > 0  # everything the steps wrote is in the store file
    assert store.lockout_of("code", str(person_id(on_disk, "martine")))[0] == 1
    on_disk.close()
    # Closed: the checkpointer stopped, the last connection copied the WAL and removed it.
    assert checkpointer._thread is None
    assert not Path(store.path + "-wal").exists()


def test_the_checkpointer_never_makes_a_store_that_was_moved_aside(
    tmp_path: Path, clock: ManualClock
) -> None:
    """A store renamed meanwhile (reset from another terminal): the checkpointer does not
    create an empty file under the old name (it would not be 0600)."""
    services = open_services(tmp_path / "moved.db", clock=clock)
    store = services.store
    checkpointer = store._checkpointer
    assert checkpointer is not None
    checkpointer.paused, checkpointer.threshold = True, 1
    store.set_meta("probe", "1")  # starts the thread, before its connection is opened
    for side in ("", "-wal", "-shm"):
        Path(store.path + side).rename(tmp_path / f"aside.db{side}")
    checkpointer.paused, checkpointer.idle = False, 0.01
    checkpointer.poke()
    time.sleep(0.2)
    services.close()
    assert not (tmp_path / "moved.db").exists()


def test_a_commit_wakes_the_checkpointer_only_when_nothing_was_pending(
    on_disk: Services,
) -> None:
    """The thread needs the GIL: woken at every commit, it took it from the person's steps
    (a profile of 2,000 identifications spent 0.6 s handing it over)."""
    store = on_disk.store
    checkpointer = store._checkpointer
    assert checkpointer is not None
    checkpointer.idle, checkpointer.threshold = 30.0, 1  # every commit pending, none copied
    wakes = checkpointer.wakes
    for n in range(50):
        store.journal(at=datetime(2026, 11, 22), session_id="s", person_id=None,
                      step=f"x{n}", accepted=True)
    assert checkpointer.wakes - wakes <= 1
    on_disk.close()  # and the end does not wait for the idle time


def test_the_checkpointer_waits_for_enough_commits_to_copy(on_disk: Services) -> None:
    """A checkpoint after each step would make the next one start the WAL again, and sync
    its header on the person's path: it waits for about SQLite's own threshold of pages."""
    store = on_disk.store
    checkpointer = store._checkpointer
    assert checkpointer is not None
    checkpointer.idle = 0.01
    deadline = time.monotonic() + 10
    while checkpointer._pending and time.monotonic() < deadline:  # the seeding's, if any
        time.sleep(0.01)
    wakes, runs = checkpointer.wakes, checkpointer.runs
    for _ in range(3):
        assert isinstance(_identify(on_disk, "martine"), Identified)
        time.sleep(0.05)  # idle, as a person reading the next screen
    assert (checkpointer.wakes, checkpointer.runs) == (wakes, runs)
    on_disk.close()


def test_in_a_burst_of_steps_the_wal_still_starts_again(on_disk: Services) -> None:
    """Commits that keep coming while the checkpointer copies: a PASSIVE checkpoint never
    catches up, and the WAL would grow for as long as the burst lasts (syncing a growing
    file costs each FULL commit more). The rest is copied by the store's connection after
    its next commit, holding no writer back."""
    store = on_disk.store
    checkpointer = store._checkpointer
    assert checkpointer is not None
    checkpointer.threshold, checkpointer.idle, checkpointer.every = 1, 30.0, 0.005
    wal = Path(store.path + "-wal")
    salts = wal.read_bytes()[16:24]  # the WAL header's salts change when it starts again
    written = 0
    deadline = time.monotonic() + 10
    while checkpointer.finished == 0 and time.monotonic() < deadline:
        store.journal(at=datetime(2026, 11, 22), session_id="s", person_id=None,
                      step=f"x{written}", accepted=True)
        written += 1
    assert checkpointer.finished >= 1
    checkpointer.paused = True
    # The next commit starts the WAL again, from its first frame.
    store.journal(at=datetime(2026, 11, 22), session_id="s", person_id=None, step="y",
                  accepted=True)
    assert wal.read_bytes()[16:24] != salts
    on_disk.close()
