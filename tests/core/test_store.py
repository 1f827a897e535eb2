"""The store: pragmas, schema version and migrations, refusals, transactions, concurrency."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from mes_sante_tui.core.classroom import prepare_class
from mes_sante_tui.core.models import Channel
from mes_sante_tui.core.results import StoreError
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.store import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SCHEMA_VERSION,
    DamagedStore,
    ForeignStore,
    Store,
    _as_store_error,
    claim_new_file,
    make_private_folders,
    move_aside,
)
from mes_sante_tui.crash import write_crash_log
from mes_sante_tui.wording import t

AT = datetime(2026, 11, 22, 10, 0, 0)


def pragma(store: Store, name: str) -> object:
    return store.conn.execute(f"PRAGMA {name}").fetchone()[0]


def count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def add_message(store: Store, subject: str = "Objet") -> int:
    return store.add_outbox(
        at=AT, channel=Channel.EMAIL, address="a@exemple.fr", masked_address="a*****@exemple.fr",
        subject=subject, body="Corps", person_id=None,
    )


def test_a_new_store_has_the_schema_version_and_the_safe_pragmas(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    assert store.schema_version() == SCHEMA_VERSION
    assert pragma(store, "user_version") == SCHEMA_VERSION
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "synchronous") == 2  # FULL
    assert pragma(store, "foreign_keys") == 1
    assert pragma(store, "busy_timeout") == BUSY_TIMEOUT_MS
    store.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
        conn.execute(
            "INSERT INTO people(household_id, nir, first_name, last_name, birth_date)"
            " VALUES (4242, '1', 'A', 'B', '2000-01-01')"
        )
    assert count(store, "people") == 0


def test_the_folder_of_a_new_store_is_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "base.db"
    Store(path).close()
    assert path.is_file()


def test_reopening_migrates_nothing_and_keeps_data_and_secret(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    first = Store(path)
    secret = first.secret()
    add_message(first)
    first.close()
    second = Store(path)
    assert second.schema_version() == SCHEMA_VERSION
    assert second.secret() == secret
    assert count(second, "outbox") == 1
    assert count(second, "meta") == 1  # the secret was not inserted twice
    second.close()


def test_a_store_from_a_newer_version_is_refused_with_the_catalogue_message(
    tmp_path: Path,
) -> None:
    path = tmp_path / "newer.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(caught.value) == t(
        "store.newer", path=str(path), found=99, known=SCHEMA_VERSION
    )


def test_a_file_that_is_not_sqlite_is_refused_as_damaged_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"\x00\xffnot a database at all" * 300)
    before = digest(path)
    with pytest.raises(DamagedStore) as caught:
        Store(path)
    assert str(caught.value) == t("store.damaged", path=str(path))
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.db"]


def test_a_damaged_file_with_a_wal_gets_no_shm_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    path.write_bytes(b"\xde\xad" * 4096)
    Path(f"{path}-wal").write_bytes(b"wal")
    with pytest.raises(DamagedStore):
        Store(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.db", "base.db-wal"]


def test_a_store_whose_mark_sits_in_the_wal_is_still_ours(tmp_path: Path) -> None:
    """Another process adopted or made the store; the WAL is not yet copied back."""
    path = tmp_path / "base.db"
    first = Store(path)
    first.conn.execute("PRAGMA wal_autocheckpoint = 0")
    with first.transaction() as conn:
        conn.execute("PRAGMA application_id = 0")
    first.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with first.transaction() as conn:  # the mark again, in the WAL only
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    assert path.read_bytes()[68:72] == bytes(4)
    second = Store(path)
    assert pragma(second, "application_id") == APPLICATION_ID
    second.close()
    first.close()


def test_a_store_under_a_regular_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    path = blocker / "base.db"
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(caught.value) == t("store.unwritable", path=str(path))


def test_an_exception_mid_transaction_leaves_nothing_written(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    with pytest.raises(RuntimeError), store.transaction() as conn:
        conn.execute("INSERT INTO households(label) VALUES ('Foyer')")
        add_message(store)  # a nested write joins the same transaction
        raise RuntimeError("coupure au milieu du pas")
    assert count(store, "households") == 0
    assert count(store, "outbox") == 0
    assert not store.conn.in_transaction
    add_message(store)  # the store is still usable afterwards
    assert count(store, "outbox") == 1


def test_a_nested_transaction_joins_the_outer_one(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    store = Store(path)
    other = sqlite3.connect(path)
    with store.transaction() as outer:
        outer.execute("INSERT INTO households(label) VALUES ('Foyer')")
        with store.transaction() as inner:
            assert inner is outer
            inner.execute("INSERT INTO households(label) VALUES ('Autre')")
        # The inner block did not commit on its own: another connection sees nothing yet.
        assert other.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 0
        assert store.conn.in_transaction
    assert other.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 2
    other.close()


def test_an_error_in_a_nested_block_rolls_back_the_whole_unit(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    with pytest.raises(ValueError), store.transaction() as outer:
        outer.execute("INSERT INTO households(label) VALUES ('Foyer')")
        with store.transaction() as inner:
            inner.execute("INSERT INTO households(label) VALUES ('Autre')")
            raise ValueError
    assert count(store, "households") == 0


def test_two_connections_write_in_turn_without_database_is_locked(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    first, second = Store(path), Store(path)
    holding = threading.Event()
    errors: list[BaseException] = []

    def hold_a_transaction() -> None:
        try:
            with first.transaction():
                add_message(first, "premier")
                holding.set()
                time.sleep(0.4)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
            holding.set()

    worker = threading.Thread(target=hold_a_transaction)
    worker.start()
    assert holding.wait(5)
    started = time.monotonic()
    add_message(second, "second")  # waits for the lock thanks to the busy timeout
    waited = time.monotonic() - started
    worker.join(5)
    assert errors == []
    assert waited >= 0.2  # it really had to wait for the other writer
    subjects = sorted(m.subject for m in second.outbox())
    assert subjects == ["premier", "second"]
    first.close()
    second.close()


def test_readers_are_not_blocked_by_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    writer, reader = Store(path), Store(path)
    add_message(writer, "avant")
    with writer.transaction():
        add_message(writer, "pendant")
        # WAL: the reader sees the last committed state at once, without waiting.
        assert [m.subject for m in reader.outbox()] == ["avant"]
    assert len(reader.outbox()) == 2


def test_the_original_error_survives_when_sqlite_already_rolled_back(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    # SQLite rolls back by itself on some errors (disk full...): simulated with a ROLLBACK.
    with pytest.raises(ValueError, match="erreur d'origine"), store.transaction() as conn:
        conn.execute("INSERT INTO households(label) VALUES ('Foyer')")
        conn.execute("ROLLBACK")
        raise ValueError("erreur d'origine")
    assert count(store, "households") == 0
    add_message(store)  # and the store is usable again
    assert count(store, "outbox") == 1


def test_every_seeded_decision_has_its_row(services: Services) -> None:
    """Seeded active and opposed profiles carry the decision that gave them their status,
    dated like it and made by the parent for a child."""
    store = services.store
    for person in store.people():
        rows = store.query("SELECT * FROM decisions WHERE person_id = ?", (person.id,))
        if person.status.value in ("active", "oppose"):
            assert len(rows) == 1, person.full_name
            assert rows[0]["kind"] == ("activer" if person.status.value == "active" else "opposer")
            assert rows[0]["at"][:10] == str(person.status_date)
            assert rows[0]["by_person_id"] == (person.parent_id or person.id)
        else:
            assert rows == [], person.full_name


# --- owner only (0600 in 0700) ---------------------------------------------------------


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The common umask, under which files are made 0644 and folders 0755 by default."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("usual_umask")
def test_a_new_store_its_wal_and_shm_and_its_new_folders_are_for_the_owner_only(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new" / "deeper" / "base.db"
    store = Store(path)
    add_message(store)  # the WAL and SHM files exist while the store is open
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    assert wal.exists() and shm.exists()
    assert {p.name: mode(p) for p in (path, wal, shm)} == {
        "base.db": 0o600, "base.db-wal": 0o600, "base.db-shm": 0o600,
    }
    assert mode(tmp_path / "new") == mode(tmp_path / "new" / "deeper") == 0o700
    store.close()


@pytest.mark.usefixtures("usual_umask")
def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    Store(tmp_path / "base.db").close()
    assert mode(tmp_path) == 0o755
    assert mode(tmp_path / "base.db") == 0o600


@pytest.mark.usefixtures("usual_umask")
def test_a_store_readable_by_everyone_is_made_owner_only_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    Store(path).close()
    path.chmod(0o644)  # as earlier versions made it
    store = Store(path)
    add_message(store)
    assert mode(path) == mode(Path(f"{path}-wal")) == mode(Path(f"{path}-shm")) == 0o600
    store.close()
    path.chmod(0o444)  # a store the owner made read-only stays read-only
    Store(path).close()
    assert mode(path) == 0o400


@contextmanager
def owner_write_masked() -> Iterator[None]:
    """A umask that takes the owner's own write right away: `os.open`'s mode alone then makes
    a file read-only (0400)."""
    previous = os.umask(0o277)
    try:
        yield
    finally:
        os.umask(previous)


def test_a_claimed_file_is_new_empty_and_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "claimed.db"
    with owner_write_masked():
        claim_new_file(path)
    assert mode(path) == 0o600 and path.read_bytes() == b""
    path.write_bytes(b"someone's")
    with pytest.raises(FileExistsError):  # claimed already: refused, and left as it was
        claim_new_file(path)
    assert path.read_bytes() == b"someone's"


def test_a_copy_of_the_store_is_a_new_owner_only_file_whatever_the_umask(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    add_message(store)
    target = tmp_path / "copie.db"
    with owner_write_masked():
        store.copy_into(target)  # its file claimed the store's one way
    with pytest.raises(FileExistsError):
        store.copy_into(target)
    store.close()
    assert mode(target) == 0o600
    copy = Store(target)
    assert count(copy, "outbox") == 1
    copy.close()


@pytest.mark.usefixtures("usual_umask")
def test_missing_folders_are_made_owner_only_by_the_store_the_crash_log_and_a_class(
    tmp_path: Path,
) -> None:
    make_private_folders(tmp_path / "a" / "b")
    assert mode(tmp_path / "a") == mode(tmp_path / "a" / "b") == 0o700
    make_private_folders(tmp_path / "a" / "b")  # there already: nothing to do
    log = write_crash_log(tmp_path / "journaux" / "donnees" / "erreurs.log", ValueError())
    assert log is not None and mode(log) == 0o600
    assert mode(tmp_path / "journaux") == mode(tmp_path / "journaux" / "donnees") == 0o700
    model = prepare_class(tmp_path / "formations" / "classe")
    assert mode(tmp_path / "formations") == mode(model.parent) == 0o700
    assert mode(model) == 0o600


# --- ours, and no other program's ------------------------------------------------------


def test_a_new_store_is_marked_as_ours(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    assert pragma(store, "application_id") == APPLICATION_ID
    store.close()


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "vide.db"
    path.touch()
    store = Store(path)
    assert pragma(store, "application_id") == APPLICATION_ID
    assert store.schema_version() == SCHEMA_VERSION
    store.close()


def other_program(path: Path, *, application_id: int = 0, user_version: int = 0,
                  wal: bool = False) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {application_id}")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes(text) VALUES ('à garder')")
    conn.close()


@pytest.mark.parametrize(
    "kind",
    [
        {},  # tables and no mark
        {"application_id": 0x0F05_1AD0},  # another program's mark
        {"user_version": 2},  # a version that looks like ours, but not our tables
        {"user_version": 3, "wal": True},
    ],
)
def test_another_programs_database_is_refused_and_left_byte_for_byte(
    tmp_path: Path, kind: dict[str, Any]
) -> None:
    path = tmp_path / "autre.sqlite"
    other_program(path, **kind)
    before = digest(path)
    with pytest.raises(ForeignStore) as caught:
        Store(path)
    assert str(caught.value) == t("store.foreign", path=str(path))
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["autre.sqlite"]  # no WAL or SHM made
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("notes",)]
    conn.close()


def test_another_programs_mark_is_refused_even_without_tables(tmp_path: Path) -> None:
    path = tmp_path / "autre.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()
    before = digest(path)
    with pytest.raises(ForeignStore):
        Store(path)
    assert digest(path) == before


# --- damaged stores ----------------------------------------------------------------------


def damage(path: Path) -> None:
    """Overwrite the last pages (the outbox's messages) with noise: the store still opens,
    SQLite's check of every page fails."""
    size = path.stat().st_size
    with path.open("r+b") as file:
        file.seek(size - 4096 * 8)
        file.write(b"\xa5" * 4096 * 8)


def damaged_store(path: Path) -> None:
    store = Store(path)
    for n in range(200):
        add_message(store, f"message {n}" * 20)
    assert store.integrity_ok()
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    damage(path)


def test_a_damaged_store_fails_its_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    damaged_store(path)
    store = Store(path)
    assert not store.integrity_ok()
    store.close()


def test_a_damaged_store_is_moved_aside_with_its_wal_and_shm(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    for name in ("base.db", "base.db-wal", "base.db-shm"):
        (tmp_path / name).write_bytes(name.encode())
    moved = move_aside(path, datetime(2026, 12, 1, 23, 45, 6))
    assert moved == tmp_path / "base.db.endommage-20261201-234506"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "base.db.endommage-20261201-234506",
        "base.db.endommage-20261201-234506-shm",
        "base.db.endommage-20261201-234506-wal",
    ]
    assert moved.read_bytes() == b"base.db"
    (tmp_path / "base.db").write_bytes(b"again")
    assert move_aside(path, datetime(2026, 12, 1, 23, 45, 6)).name == (
        "base.db.endommage-20261201-234506-2"
    )


# --- SQLite's errors, classified by their code ---------------------------------------------


def test_sqlite_errors_are_classified_by_their_code(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    Store(path).close()
    read_only = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as readonly:
        read_only.execute("INSERT INTO households(label) VALUES ('x')")
    read_only.close()
    assert str(_as_store_error(readonly.value, "B")) == t("store.unwritable", path="B")

    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, isolation_level=None, timeout=0.05)
    with pytest.raises(sqlite3.OperationalError) as busy:
        other.execute("BEGIN IMMEDIATE")
    holder.execute("ROLLBACK")
    holder.close()
    other.close()
    assert str(_as_store_error(busy.value, "B")) == t("store.locked", path="B")

    garbage = tmp_path / "garbage"
    garbage.write_bytes(b"x" * 4096)
    conn = sqlite3.connect(garbage)
    with pytest.raises(sqlite3.DatabaseError) as notadb:
        conn.execute("SELECT * FROM sqlite_master")
    conn.close()
    assert isinstance(_as_store_error(notadb.value, "B"), DamagedStore)

    small = sqlite3.connect(tmp_path / "small.db")
    small.execute("CREATE TABLE t (x TEXT)")
    small.execute("PRAGMA max_page_count = 2")  # a disk that is full at two pages
    with pytest.raises(sqlite3.OperationalError) as full:
        small.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 10)
    small.close()
    assert str(_as_store_error(full.value, "B")) == t("store.full", path="B")
    # A message that merely reads like a lock is not taken for one: the code decides.
    assert str(_as_store_error(sqlite3.OperationalError("database is locked"), "B")) == t(
        "store.failed", path="B", reason="database is locked"
    )
