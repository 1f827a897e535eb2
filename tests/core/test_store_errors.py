"""The store says which problem it met (locked, read-only, full, damaged, a row gone), by
SQLite's result code, and a step that meets one is rolled back whole."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from mes_sante_tui.core.models import Channel
from mes_sante_tui.core.results import RowVanished, StoreError, StoreProblem
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.store import Store, store_problem

AT = datetime(2026, 11, 22, 10, 0, 0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "base.db")
    yield opened
    opened.close()


def add_message(store: Store, subject: str = "Objet") -> int:
    return store.add_outbox(
        at=AT, channel=Channel.EMAIL, address="a@exemple.fr", masked_address="a*****@exemple.fr",
        subject=subject, body="Corps", person_id=None,
    )


def count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def raised_by(conn: sqlite3.Connection, sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute(sql)
    return caught.value


def test_a_write_lock_held_by_another_program_is_busy(store: Store) -> None:
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store.set_busy_timeout(0)
    try:
        with pytest.raises(StoreError) as caught:
            add_message(store)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.kind is StoreProblem.BUSY
    assert "occupée par un autre programme" in caught.value.message
    add_message(store)  # the lock gone, the same write goes through


def test_the_busy_timeout_can_be_shortened_for_a_person_waiting(store: Store) -> None:
    store.set_busy_timeout(1_500)
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 1_500


def test_a_read_only_file_is_read_only(store: Store) -> None:
    add_message(store)
    reader = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    error = raised_by(reader, "DELETE FROM outbox")
    reader.close()
    assert store_problem(error) is StoreProblem.READ_ONLY


def test_a_full_disk_is_full_and_the_step_is_rolled_back_whole(store: Store) -> None:
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError) as caught, store.transaction() as conn:
        conn.execute("INSERT INTO households(label) VALUES ('foyer')")
        for _ in range(200):  # enough to need a new page
            add_message(store, subject="x" * 500)
    assert caught.value.kind is StoreProblem.FULL
    assert "plein" in caught.value.message
    assert not store.conn.in_transaction
    assert count(store, "households") == 0 and count(store, "outbox") == 0


def test_a_file_that_is_not_a_database_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "abime.db"
    path.write_bytes(b"pas une base SQLite " * 100)
    error = raised_by(sqlite3.connect(path), "SELECT * FROM sqlite_master")
    assert store_problem(error) is StoreProblem.DAMAGED


def test_a_constraint_or_a_mistake_is_not_a_problem_of_the_store(store: Store) -> None:
    conn = store.conn
    assert store_problem(raised_by(conn, "SELECT * FROM no_such_table")) is None
    conn.execute("INSERT INTO meta(key, value) VALUES ('k', 'v')")
    assert store_problem(raised_by(conn, "INSERT INTO meta(key, value) VALUES ('k', 'v')")) is None
    # ... and it goes up as it is, after the rollback, for the engine to answer it.
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as tx:
        tx.execute("INSERT INTO households(label) VALUES ('foyer')")
        tx.execute("INSERT INTO meta(key, value) VALUES ('k', 'v')")
    assert count(store, "households") == 0


def test_an_error_without_a_result_code_is_never_guessed_from_its_words() -> None:
    """Only SQLite's result code classifies: a message that reads like a lock is not one."""
    assert store_problem(sqlite3.OperationalError("database is locked")) is None
    assert store_problem(sqlite3.OperationalError("database or disk is full")) is None
    assert store_problem(sqlite3.ProgrammingError("Cannot operate on a closed cursor")) is None


def test_a_person_gone_since_the_session_began_is_a_vanished_row(services: Services) -> None:
    with pytest.raises(RowVanished) as caught:
        services.store.person(999_999)
    assert caught.value.kind is StoreProblem.VANISHED
    assert isinstance(caught.value, LookupError)  # as a missing key always was
    assert "réinitialisées" in str(caught.value)
