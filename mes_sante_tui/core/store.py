"""The one module that owns SQLite.

WAL so that readers never wait for a writer, `synchronous=FULL` so that a decision confirmed
on screen survives a killed process, foreign keys on, a busy timeout so that several
processes on one store wait their turn instead of failing, and `BEGIN IMMEDIATE` around every
read-then-write so that a step is written whole or not at all.

A store is marked as ours (`PRAGMA application_id`) and readable by its owner only (0600, in
a 0700 folder when the folder is created, and so are its WAL and SHM files). A file is looked
at read-only before anything is written to it: another program's database, a damaged file
and a store from a newer version are refused and left byte for byte as they were.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from array import array
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from mes_sante_tui.wording import t

from .models import (
    Card,
    CardModel,
    Channel,
    Closure,
    DueContact,
    OutboxMessage,
    Person,
    ProfileStatus,
)
from .results import RowVanished, StoreError, StoreProblem

SCHEMA_VERSION = 5
BUSY_TIMEOUT_MS = 10_000

# `PRAGMA application_id` of our stores: "MSTU" (Mon eSpace santé TUI) in ASCII. Stores made
# before it existed have 0 and our tables: they are adopted when opened.
APPLICATION_ID = 0x4D535455

# The tables every version of our schema has: how a store of an earlier version is told
# from another program's database that also uses `user_version`.
_OUR_TABLES = frozenset(
    {"meta", "households", "people", "cards", "provisional_codes", "accounts", "outbox",
     "journal"}
)

# Owner only: a store holds NIRs, contacts, password hashes, the outbox's codes and the key
# of the code hashes.
FILE_MODE = 0o600
FOLDER_MODE = 0o700
# What SQLite writes beside a store in WAL mode.
SIDE_FILES = ("-wal", "-shm")


class DamagedStore(StoreError):
    """The file is not a database, or it fails SQLite's checks: `reset` moves it aside."""

    def __init__(self, message: str) -> None:
        super().__init__(message, StoreProblem.DAMAGED)


class ForeignStore(StoreError):
    """Another program's database: refused, and never written to."""

# Each entry upgrades the schema from version N-1 to N; a store is never downgraded.
_MIGRATIONS: dict[int, str | Callable[[Any], None]] = {
    1: """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE households (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id),
        nir TEXT NOT NULL,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        email TEXT,
        mobile TEXT,
        status TEXT NOT NULL DEFAULT 'en_attente'
            CHECK (status IN ('en_attente', 'oppose', 'cree', 'active', 'cloture')),
        status_date TEXT,
        parent_id INTEGER REFERENCES people(id),
        deceased INTEGER NOT NULL DEFAULT 0,
        not_activable_reason TEXT,
        information_sent_at TEXT,
        persona_key TEXT UNIQUE,
        persona_note TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX people_nir ON people(nir);
    CREATE INDEX people_parent ON people(parent_id);
    CREATE INDEX people_household ON people(household_id);
    CREATE TABLE cards (
        holder_id INTEGER PRIMARY KEY REFERENCES people(id),
        model TEXT NOT NULL CHECK (model IN ('sans_photo', 'avec_photo')),
        serial TEXT NOT NULL
    );
    CREATE TABLE provisional_codes (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        code_hash TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        channel TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('information', 'regenerated'))
    );
    CREATE INDEX provisional_codes_person ON provisional_codes(person_id);
    CREATE TABLE code_failures (
        holder_id INTEGER PRIMARY KEY REFERENCES people(id),
        failures INTEGER NOT NULL,
        locked_until TEXT
    );
    CREATE TABLE otp_codes (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        purpose TEXT NOT NULL,
        target TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        replaced INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX otp_codes_person ON otp_codes(person_id, purpose);
    CREATE TABLE accounts (
        person_id INTEGER PRIMARY KEY REFERENCES people(id),
        identifier TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        rule_version TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        by_person_id INTEGER REFERENCES people(id)
    );
    CREATE INDEX decisions_person ON decisions(person_id);
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'courrier')),
        address TEXT NOT NULL,
        masked_address TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        person_id INTEGER REFERENCES people(id)
    );
    CREATE TABLE journal (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        session_id TEXT,
        person_id INTEGER,
        step TEXT NOT NULL,
        accepted INTEGER NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX journal_session ON journal(session_id);
    """,
    # The life of a space over time: a « deleted » status (SQLite cannot widen a CHECK, so
    # people is rebuilt, the documented way, with foreign keys off), closures with their
    # deletion requests, failed logins, and an index for the six-week automatic creation.
    # Written in SQL rather than with sqlite-utils' `table.transform`: transform copies a
    # column's CHECK as it is and has no way to change it, and widening that CHECK is what
    # this version is for. Versions 1 to 3 are kept as they were shipped: stores made by
    # them upgrade through exactly these steps.
    2: """
    CREATE TABLE people_v2 (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id),
        nir TEXT NOT NULL,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        email TEXT,
        mobile TEXT,
        status TEXT NOT NULL DEFAULT 'en_attente'
            CHECK (status IN ('en_attente', 'oppose', 'cree', 'active', 'cloture', 'supprime')),
        status_date TEXT,
        parent_id INTEGER REFERENCES people(id),
        deceased INTEGER NOT NULL DEFAULT 0,
        not_activable_reason TEXT,
        information_sent_at TEXT,
        persona_key TEXT UNIQUE,
        persona_note TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO people_v2 SELECT * FROM people;
    DROP TABLE people;
    ALTER TABLE people_v2 RENAME TO people;
    CREATE UNIQUE INDEX people_nir ON people(nir);
    CREATE INDEX people_parent ON people(parent_id);
    CREATE INDEX people_household ON people(household_id);
    CREATE INDEX people_pending ON people(status, information_sent_at);
    CREATE TABLE closures (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        closed_at TEXT NOT NULL,
        by_person_id INTEGER REFERENCES people(id),
        -- What reopening restores: 'active', or 'cree' for a space never activated.
        previous_status TEXT NOT NULL,
        deletion_due_at TEXT,
        deleted_at TEXT,
        reopened_at TEXT
    );
    CREATE INDEX closures_person ON closures(person_id);
    CREATE INDEX closures_due ON closures(deleted_at, deletion_due_at);
    CREATE TABLE login_failures (
        identifier TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until TEXT
    );
    """,
    # One table for every counter of wrong entries (core/lockout.py): the provisional code's
    # and the login's move in, and the one-time codes and recovery look-ups join them.
    3: """
    CREATE TABLE lockouts (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        failures INTEGER NOT NULL,
        locked_until TEXT,
        PRIMARY KEY (scope, key)
    );
    INSERT INTO lockouts(scope, key, failures, locked_until)
        SELECT 'code', CAST(holder_id AS TEXT), failures, locked_until FROM code_failures;
    INSERT INTO lockouts(scope, key, failures, locked_until)
        SELECT 'login', identifier, failures, locked_until FROM login_failures;
    DROP TABLE code_failures;
    DROP TABLE login_failures;
    """,
    # The code an outbox message carries, in a column of its own: nothing reads it back out
    # of the text. The time each step of the journal took. Done by sqlite-utils (`db` below,
    # over the same connection and transaction).
    4: lambda db: _code_and_duration(db),
    # A trainer's faults on demand (core/faults.py), and who and what each journal row is
    # about in a training session: the trainee's name, the scenario, the fault injected.
    5: lambda db: _faults_and_training(db),
}


def _code_and_duration(db: Any) -> None:
    db["outbox"].add_column("code", str)
    db["journal"].add_column("duration_ms", float)


def _faults_and_training(db: Any) -> None:
    db["faults"].create(
        {"name": str, "once": int, "since": str}, pk="name", not_null={"once", "since"}
    )
    for column in ("trainee", "scenario", "fault"):
        db["journal"].add_column(column, str)


def _new_secret() -> str:
    """The store's own random key for the codes' hashes (`secrets` loads hashlib: only a new
    store needs it, not the opening of one)."""
    import secrets

    return secrets.token_hex(32)


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value[:10])


def _datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


class _Checkpointer:
    """Copies the WAL into the store off the person's path.

    SQLite's automatic checkpoint runs inside whichever commit makes the WAL cross 1,000
    pages, and syncs the store file there: every few hundred identifications, one of them
    waited for two disk syncs (the p99 tail at a million). The store's connection runs with
    `wal_autocheckpoint = 0`, and this thread, with its own connection, runs PASSIVE
    checkpoints instead, once `threshold` commits were made since the last one (about as
    many pages as SQLite's own threshold, for a step's commit): when no commit came for
    `idle` seconds, or after `every` seconds while commits keep coming. A PASSIVE checkpoint
    never blocks a writer nor waits for one. Not after every step: the commit that follows a
    checkpoint starts the WAL again, and syncs its header, on the person's path.

    In a burst of steps with no pause (a loop, not a person), commits come while it copies,
    so the WAL could never start again: it would grow, and syncing a growing file costs
    each FULL commit more than syncing one written over (measured here: a commit's median
    0.31 to 0.43 ms growing, 0.17 to 0.19 ms written over). The few frames left are then
    copied by the store's own connection, with a PASSIVE checkpoint just after its next
    commit (`unfinished`): the commit after that starts the WAL again. The thread used to
    copy them with a RESTART checkpoint, which holds writers back; the step it held then
    slept at least a whole millisecond (SQLite's busy handler), the p99 tail of a burst.

    Crash safety does not depend on it: a commit made with synchronous=FULL is in the synced
    WAL before the step answers, and a checkpoint syncs the WAL before copying it (which
    also makes the journal rows committed without a sync durable). The thread is started
    when a checkpoint is first due and stopped when the store is closed, whose connection,
    the last one, then copies what is left and removes the WAL (SQLite does it at close).

    A commit only counts itself and notes its time (`poke`); it wakes the thread only when a
    checkpoint becomes due, so that the thread, which needs the GIL, is not woken at every
    commit: while steps come, it wakes every `idle` seconds to look at the last one's time."""

    def __init__(
        self, path: str, *, threshold: int = 250, idle: float = 0.05, every: float = 0.1
    ) -> None:
        self.path, self.threshold, self.idle, self.every = path, threshold, idle, every
        self._commits = 0  # commits since the last checkpoint
        self._wake = threading.Event()  # a commit after a checkpoint, or the end
        self._halt = threading.Event()  # the end
        self._thread: threading.Thread | None = None
        self._pending = False  # a commit is not copied yet, and the thread knows it
        self._last = 0.0  # when the last commit was made (time.monotonic)
        self.paused = False
        self.runs = 0  # checkpoints run, for the tests
        # Commits came while the last checkpoint copied: the store's connection copies the
        # rest after its next commit (read and cleared by `take_unfinished`).
        self.unfinished = False
        self.finished = 0  # copies the store's connection finished, for the tests
        self.wakes = 0  # times a commit woke the thread, for the tests

    def poke(self) -> None:
        """A commit was made: a checkpoint is due once the store is idle."""
        self._last = time.monotonic()
        self._commits += 1
        if self._pending or self._commits < self.threshold:
            return
        if self._thread is None:
            if self._halt.is_set():
                return
            self._thread = threading.Thread(
                target=self._loop, name="mes-sante-checkpoint", daemon=True
            )
            self._thread.start()
        self._pending = True
        self.wakes += 1
        self._wake.set()

    def stop(self) -> None:
        """Stop the thread (a checkpoint under way ends first)."""
        self._halt.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            self._wake.set()
            thread.join()

    def _loop(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._halt.is_set():
                    return
                first = time.monotonic()
                # Wait for `idle` seconds without a commit, or for `every` seconds of them.
                while True:
                    now = time.monotonic()
                    left = min(self._last + self.idle, first + self.every) - now
                    if left <= 0:
                        break
                    if self._halt.wait(left):
                        return
                # Commits from now on count for the next checkpoint; this one copies those
                # made before.
                self._commits = 0
                self._pending = False
                if self.paused:
                    continue
                if conn is None:
                    # Never creates the file: a store moved aside meanwhile stays moved.
                    conn = sqlite3.connect(
                        f"{Path(self.path).absolute().as_uri()}?mode=rw", uri=True,
                        isolation_level=None, check_same_thread=False,
                    )
                    conn.execute("PRAGMA synchronous = FULL")
                with suppress(sqlite3.Error):  # busy, or the file gone: the next one will do
                    self._copy(conn)
        except sqlite3.Error:  # cannot open: SQLite copies the WAL when the store closes
            return
        finally:
            if conn is not None:
                conn.close()
            # Ended without being stopped (the store could not be opened meanwhile): the
            # next checkpoint due starts a thread again, rather than waking this dead one.
            if not self._halt.is_set():
                self._thread, self._pending = None, False

    def _copy(self, conn: sqlite3.Connection) -> None:
        """A PASSIVE checkpoint; when commits came meanwhile, the rest is left to the store's
        connection (what PASSIVE answers cannot tell: it counts the frames there were when
        it began)."""
        began = time.monotonic()
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        if self._last > began:
            self.unfinished = True
        self.runs += 1

    def take_unfinished(self) -> bool:
        """Whether the last checkpoint left frames to copy (then cleared: copied once)."""
        unfinished, self.unfinished = self.unfinished, False
        return unfinished


class Store:
    """A SQLite file holding the fictitious population and everything that happens to it."""

    def __init__(self, path: str | Path) -> None:
        on_disk = str(path) != ":memory:"
        self.path = str(Path(path).expanduser()) if on_disk else ":memory:"
        self._depth = 0
        # Inside `unit_of_work`: a transaction begun stays open until the call ends.
        self._held = False
        # The open transaction was begun by a journal row (see `journal`): committed
        # without a sync when nothing else was written, with `total_changes` at its start.
        self._light: int | None = None
        # Whether the last commit waited for the disk (synchronous=FULL), for the tests.
        self.last_commit_synced = True
        # Inside `bulk_writes`: commits do not wait for the disk.
        self._bulk = False
        self._checkpointer = _Checkpointer(self.path) if on_disk else None
        if on_disk:
            _create_private(Path(self.path))
            _inspect(self.path)
        self.conn = self._connect()
        try:
            self._migrate()
            if on_disk:
                _restrict(Path(self.path))
        except BaseException:
            self.conn.close()
            raise

    @cached_property
    def db(self) -> Any:
        """sqlite-utils over the same connection, imported on first use: importing it (click,
        dateutil, pluggy...) costs about a tenth of a second, a third of the start-up budget."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # --- opening -------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            # Autocommit mode: transactions are opened explicitly, BEGIN IMMEDIATE.
            conn = _open_connection(self.path)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            # No checkpoint inside a commit: `_Checkpointer` copies the WAL off the path.
            conn.execute(f"PRAGMA wal_autocheckpoint = {_CHECKPOINT_PAGES}")
        except sqlite3.DatabaseError as exc:
            raise _as_store_error(exc, self.path) from exc
        return conn

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(t("store.newer", path=self.path, found=version, known=SCHEMA_VERSION))
        if version == SCHEMA_VERSION and self.application_id() == APPLICATION_ID:
            return
        # A table rebuild must not cascade through foreign keys; this pragma is a no-op
        # inside a transaction, so it is set before and the keys are checked before COMMIT.
        self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self.transaction() as conn:
                # Read again inside the lock: another process may have migrated meanwhile.
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                for target in range(version + 1, SCHEMA_VERSION + 1):
                    migration = _MIGRATIONS[target]
                    if callable(migration):
                        migration(self.db)
                    else:
                        for statement in _split_sql(migration):
                            conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {target}")
                if version == 0:
                    conn.execute(
                        "INSERT INTO meta(key, value) VALUES ('secret', ?)",
                        (_new_secret(),),
                    )
                # Marks a new store as ours, and adopts a store of an earlier version (made
                # before the mark existed: `_inspect` checked it has our tables).
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise DamagedStore(t("store.damaged", path=self.path))
        except sqlite3.DatabaseError as exc:
            raise _as_store_error(exc, self.path) from exc
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")

    def application_id(self) -> int:
        try:
            return int(self.conn.execute("PRAGMA application_id").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise _as_store_error(exc, self.path) from exc

    def integrity_ok(self) -> bool:
        """SQLite's quick check of every page: False when the file is damaged."""
        try:
            rows = self.conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            if isinstance(_as_store_error(exc, self.path), DamagedStore):
                return False
            raise _as_store_error(exc, self.path) from exc
        return [tuple(r) for r in rows] == [("ok",)]

    def schema_version(self) -> int:
        try:
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise _as_store_error(exc, self.path) from exc

    def close(self) -> None:
        """Stop the checkpointer, then close the connection: the last one to the file, it
        copies what is left of the WAL into the store."""
        if self._checkpointer is not None:
            self._checkpointer.stop()
        self.conn.close()

    # --- transactions --------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; nested calls join the outer one. Inside `unit_of_work`
        the transaction, once begun, stays open until the unit of work ends."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise _as_store_error(exc, self.path) from exc
        self._depth = 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth = 0
            self._fail(exc)
            raise
        if self._held:
            return  # committed (or rolled back) when the unit of work ends
        self._depth = 0
        self._commit()

    @contextmanager
    def unit_of_work(self) -> Iterator[None]:
        """One engine call: reads run as they come; the first write takes the write lock
        (BEGIN IMMEDIATE), and every later write of the call joins that transaction, which
        commits when the call ends, or rolls back whole when it raises. Until its first
        write, a call holds no lock (a password is checked, or hashed, without one)."""
        if self._depth:  # a transaction is open: part of it
            yield
            return
        outer, self._held = self._held, True
        try:
            yield
        except BaseException as exc:
            self._held = outer
            if self._depth:
                self._depth = 0
                self._fail(exc)
            raise
        self._held = outer
        if self._depth:
            self._depth = 0
            self._commit()

    def _fail(self, exc: BaseException) -> None:
        """Roll back after `exc`. SQLite may already have rolled back by itself (disk full,
        I/O error): a second ROLLBACK would then raise and hide the original error. The store
        itself failing (locked, read-only, full, damaged) is said in words; any other error
        (a constraint, a bug) goes up as it is."""
        self._roll_back()
        if isinstance(exc, sqlite3.Error) and store_problem(exc) is not None:
            raise _as_store_error(exc, self.path) from exc

    def _commit(self) -> None:
        light, self._light = self._light, None
        try:
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self._roll_back()
            raise _as_store_error(exc, self.path) from exc
        finally:
            if light is not None:
                self._synchronous("FULL")
        self.last_commit_synced = light is None and not self._bulk
        if light is not None and self.conn.total_changes - light > 1:
            # Begun by a journal row, joined by other writes: they are made durable now, as
            # a write a person is told about must be.
            self._make_durable()
            self.last_commit_synced = True
        if self._checkpointer is not None and not self._bulk:
            self._checkpointer.poke()
            if self._checkpointer.take_unfinished():
                # The few frames the checkpointer could not copy in a burst: copied here,
                # never waiting (PASSIVE), so that the next commit starts the WAL again.
                with suppress(sqlite3.Error):  # busy (a checkpoint under way): it will do
                    self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self._checkpointer.finished += 1

    def _make_durable(self) -> None:
        """Sync what was committed without a sync: a checkpoint syncs the WAL before it
        copies it. A checkpoint under way (the checkpointer's, another process's) makes this
        one answer « busy » having synced nothing: it is tried again until it runs, for as
        long as a write waits for a lock, then the store is said to be busy."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            busy, frames, copied = self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            if not busy:
                break
            if time.monotonic() > deadline:
                raise StoreError(t("store.locked", path=self.path), StoreProblem.BUSY)
            time.sleep(0.001)
        if copied < frames:
            # Another connection's read holds frames back: the checkpoint may have copied
            # none, and then synced nothing (SQLite syncs the WAL only before it copies).
            # The WAL file is synced here: a sync acts on the file, whoever wrote it.
            try:
                descriptor = os.open(f"{self.path}-wal", os.O_RDONLY)
                try:
                    os.fdatasync(descriptor)
                finally:
                    os.close(descriptor)
            except OSError as exc:
                raise StoreError(
                    t("store.unwritable", path=self.path), StoreProblem.UNAVAILABLE
                ) from exc

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """A long job of many transactions of its own (the clock's catch-up over a large
        population, a slice of profiles each): its commits do not wait for the disk
        (synchronous=NORMAL: still safe from a killed process in WAL mode, and a power cut
        loses only whole slices, which the next catch-up does again), the WAL is copied into
        the store less often (every 160 MB), and the page cache is larger, so that the index
        pages a slice touches are written once per checkpoint, not once per slice. At the end,
        everything is made durable (a checkpoint syncs the WAL first, and gives the file back)
        before anyone is told about it, and the connection's settings are restored. Inside a
        transaction, nothing changes."""
        if self._depth:
            yield
            return
        cache_kib = self.cache_size(-_BULK_CACHE_KIB)
        self._synchronous("NORMAL")
        self._bulk = True
        if self._checkpointer is not None:  # the job checkpoints by itself, less often
            self._checkpointer.paused = True
        with suppress(sqlite3.Error):
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {_BULK_CHECKPOINT_PAGES}")
        try:
            yield
        finally:
            self._bulk = False
            if self._checkpointer is not None:
                self._checkpointer.paused = False
            self._synchronous("FULL")
            with suppress(sqlite3.Error):
                self.conn.execute(f"PRAGMA wal_autocheckpoint = {_CHECKPOINT_PAGES}")
                self.cache_size(cache_kib)
            if not self.conn.in_transaction:
                try:  # and the WAL file, grown by the job, is given back
                    busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                    if busy:
                        # Held up (another checkpoint, a long write): it may have synced
                        # nothing, and the job's commits were made without a sync. The file
                        # is given back another time; the commits are made durable now.
                        self._make_durable()
                except sqlite3.DatabaseError as exc:
                    raise _as_store_error(exc, self.path) from exc

    def _synchronous(self, level: str) -> None:
        with suppress(sqlite3.Error):  # best effort: FULL is the connection's setting
            self.conn.execute(f"PRAGMA synchronous = {level}")

    def _roll_back(self) -> None:
        if self._light is not None:
            self._light = None
            if self.conn.in_transaction:
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            self._synchronous("FULL")
            return
        if not self.conn.in_transaction:
            return
        with suppress(sqlite3.Error):  # the original error is the one worth reporting
            self.conn.execute("ROLLBACK")

    def set_busy_timeout(self, milliseconds: int) -> None:
        """How long a write waits for another program's write before failing with « busy »."""
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
        except sqlite3.DatabaseError as exc:
            raise _as_store_error(exc, self.path) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return list(self.conn.execute(sql, params))
        except sqlite3.DatabaseError as exc:
            raise _as_store_error(exc, self.path) from exc

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    # --- meta ----------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def delete_meta(self, keys: Sequence[str]) -> None:
        with self.transaction() as conn:
            conn.executemany("DELETE FROM meta WHERE key = ?", [(key,) for key in keys])

    def secret(self) -> bytes:
        value = self.meta("secret")
        if value is None:  # pragma: no cover - written by the first migration
            raise DamagedStore(t("store.damaged", path=self.path))
        return bytes.fromhex(value)

    def is_empty(self) -> bool:
        return self.query_one("SELECT 1 FROM people LIMIT 1") is None

    # --- people and cards ----------------------------------------------------------------

    def person(self, person_id: int) -> Person:
        row = self.query_one("SELECT * FROM people WHERE id = ?", (person_id,))
        if row is None:
            raise RowVanished(t("store.vanished", path=self.path))
        return person_from_row(row)

    def find_person(self, person_id: int) -> Person | None:
        row = self.query_one("SELECT * FROM people WHERE id = ?", (person_id,))
        return None if row is None else person_from_row(row)

    def person_by_nir(self, nir: str) -> Person | None:
        row = self.query_one("SELECT * FROM people WHERE nir = ?", (nir,))
        return None if row is None else person_from_row(row)

    def people(self) -> list[Person]:
        return [person_from_row(r) for r in self.query("SELECT * FROM people ORDER BY id")]

    def household(self, household_id: int) -> list[Person]:
        rows = self.query(
            "SELECT * FROM people WHERE household_id = ? ORDER BY parent_id IS NOT NULL, id",
            (household_id,),
        )
        return [person_from_row(r) for r in rows]

    def children_of(self, parent_id: int) -> list[Person]:
        rows = self.query("SELECT * FROM people WHERE parent_id = ? ORDER BY id", (parent_id,))
        return [person_from_row(r) for r in rows]

    def card_of(self, holder_id: int) -> Card | None:
        row = self.query_one("SELECT * FROM cards WHERE holder_id = ?", (holder_id,))
        if row is None:
            return None
        return Card(holder_id=row["holder_id"], model=CardModel(row["model"]), serial=row["serial"])

    def identifier_taken(self, identifier: str) -> bool:
        return (
            self.query_one("SELECT 1 FROM accounts WHERE identifier = ?", (identifier,)) is not None
        )

    def account_identifier(self, person_id: int) -> str | None:
        row = self.query_one("SELECT identifier FROM accounts WHERE person_id = ?", (person_id,))
        return None if row is None else str(row["identifier"])

    def account_of(self, person_id: int) -> sqlite3.Row | None:
        return self.query_one("SELECT * FROM accounts WHERE person_id = ?", (person_id,))

    def account_by_identifier(self, identifier: str) -> sqlite3.Row | None:
        return self.query_one("SELECT * FROM accounts WHERE identifier = ?", (identifier,))

    def closure_of(self, person_id: int) -> Closure | None:
        """The profile's latest closure, or None if it was never closed."""
        row = self.query_one(
            "SELECT * FROM closures WHERE person_id = ? ORDER BY id DESC LIMIT 1", (person_id,)
        )
        if row is None:
            return None
        return Closure(
            person_id=row["person_id"],
            closed_at=datetime.fromisoformat(row["closed_at"]),
            deletion_due_at=_datetime(row["deletion_due_at"]),
            deleted_at=_datetime(row["deleted_at"]),
            reopened_at=_datetime(row["reopened_at"]),
            previous_status=ProfileStatus(row["previous_status"]),
        )

    # The methods below serve the journey's steps, the engine's hot path (p99 < 5 ms a
    # call, PRODUCT.md "Targets"): hand-written sqlite3 on purpose. Measured one row at a
    # time: an insert 6 µs with sqlite3, 80 µs with sqlite-utils' Table.insert; a read by id
    # 10 µs against 60 µs with Table.get (it reads the table's schema again at each call).
    # A step makes about ten of them.

    # --- provisional codes ----------------------------------------------------------------

    def codes_of(self, person_ids: Sequence[int]) -> list[sqlite3.Row]:
        """The provisional codes of these profiles, newest first."""
        marks = ",".join("?" for _ in person_ids)
        return self.query(
            f"SELECT * FROM provisional_codes WHERE person_id IN ({marks}) ORDER BY id DESC",
            list(person_ids),
        )

    def code_used(self, code_id: int) -> bool:
        """True when the code was used, or is gone."""
        row = self.query_one("SELECT used_at FROM provisional_codes WHERE id = ?", (code_id,))
        return row is None or row["used_at"] is not None

    def last_regenerated_at(self, person_id: int) -> datetime | None:
        """When the profile's latest code asked for on the site was issued."""
        row = self.query_one(
            "SELECT MAX(issued_at) AS at FROM provisional_codes"
            " WHERE person_id = ? AND origin = 'regenerated'",
            (person_id,),
        )
        return None if row is None else _datetime(row["at"])

    def add_provisional_code(
        self,
        *,
        person_id: int,
        code_hash: str,
        issued_at: datetime,
        expires_at: datetime,
        channel: Channel,
        origin: str,
        used_at: datetime | None = None,
    ) -> int:
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO provisional_codes(person_id, code_hash, issued_at, expires_at,"
                " used_at, channel, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    person_id, code_hash, _iso(issued_at), _iso(expires_at), _iso(used_at),
                    channel.value, origin,
                ),
            )
            return int(cursor.lastrowid or 0)

    def use_code(self, code_id: int, at: datetime) -> None:
        """Mark a provisional code used, unless it already was."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE provisional_codes SET used_at = ? WHERE id = ? AND used_at IS NULL",
                (_iso(at), code_id),
            )

    # --- one-time codes --------------------------------------------------------------------

    def add_otp(
        self,
        *,
        person_id: int,
        purpose: str,
        target: str,
        code_hash: str,
        issued_at: datetime,
        expires_at: datetime,
    ) -> None:
        """A new one-time code; it replaces every live one of the same person and purpose."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE otp_codes SET replaced = 1 WHERE person_id = ? AND purpose = ?"
                " AND used_at IS NULL AND replaced = 0",
                (person_id, purpose),
            )
            conn.execute(
                "INSERT INTO otp_codes(person_id, purpose, target, code_hash, issued_at,"
                " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                (person_id, purpose, target, code_hash, _iso(issued_at), _iso(expires_at)),
            )

    def live_otp(self, person_id: int, purpose: str, target: str | None) -> sqlite3.Row | None:
        """The newest one-time code of that purpose not used nor replaced (for that target
        when one is given)."""
        sql = (
            "SELECT * FROM otp_codes WHERE person_id = ? AND purpose = ? AND replaced = 0"
            " AND used_at IS NULL"
        )
        params: list[Any] = [person_id, purpose]
        if target is not None:
            sql += " AND target = ?"
            params.append(target)
        return self.query_one(sql + " ORDER BY id DESC LIMIT 1", params)

    def use_otp(self, otp_id: int, at: datetime) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE otp_codes SET used_at = ? WHERE id = ?", (_iso(at), otp_id))

    # --- the profile's life (written only by core/lifecycle.py's `apply_event`) ------------

    def set_status(self, person_id: int, status: ProfileStatus, on: date) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE people SET status = ?, status_date = ? WHERE id = ?",
                (status.value, _iso(on), person_id),
            )

    def add_decision(
        self, person_id: int, kind: str, at: date | datetime, by: int | None
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO decisions(person_id, kind, at, by_person_id) VALUES (?, ?, ?, ?)",
                (person_id, kind, _iso(at), by),
            )

    def add_closure(
        self,
        *,
        person_id: int,
        closed_at: datetime,
        by: int | None,
        previous_status: ProfileStatus,
        deletion_due_at: datetime | None,
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO closures(person_id, closed_at, by_person_id, previous_status,"
                " deletion_due_at) VALUES (?, ?, ?, ?, ?)",
                (person_id, _iso(closed_at), by, previous_status.value, _iso(deletion_due_at)),
            )

    def mark_reopened(self, person_id: int, at: datetime) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE closures SET reopened_at = ? WHERE person_id = ? AND reopened_at IS NULL",
                (_iso(at), person_id),
            )

    def mark_deleted(self, person_id: int, at: datetime) -> None:
        """The pending deletion of the profile's data is done; its account goes with them
        (the identifier is free again)."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE closures SET deleted_at = ? WHERE person_id = ? AND deleted_at IS NULL"
                " AND deletion_due_at IS NOT NULL",
                (_iso(at), person_id),
            )
            conn.execute("DELETE FROM accounts WHERE person_id = ?", (person_id,))

    _CREATION_DUE = (
        "SELECT * FROM people WHERE status = 'en_attente' AND information_sent_at IS NOT NULL"
        " AND information_sent_at <= ? AND deceased = 0 AND not_activable_reason IS NULL"
    )
    _DELETION_DUE = (
        "SELECT * FROM closures WHERE deleted_at IS NULL AND deletion_due_at IS NOT NULL"
        " AND deletion_due_at <= ?"
    )

    def creation_due(
        self, informed_before: datetime, *, any_only: bool = False
    ) -> list[tuple[int, datetime]]:
        """(profile, information sent) of each pending profile informed at or before that
        time: the six weeks ran out."""
        sql = self._CREATION_DUE + (" LIMIT 1" if any_only else "")
        return [
            (int(r["id"]), datetime.fromisoformat(r["information_sent_at"]))
            for r in self.query(sql, (_iso(informed_before),))
        ]

    def deletion_due(self, now: datetime, *, any_only: bool = False) -> list[tuple[int, datetime]]:
        """(profile, due date) of each deletion asked for at closure and due at `now`."""
        sql = self._DELETION_DUE + (" LIMIT 1" if any_only else "")
        return [
            (int(r["person_id"]), datetime.fromisoformat(r["deletion_due_at"]))
            for r in self.query(sql, (_iso(now),))
        ]

    # The clock's catch-up over a large population (lifecycle.catch_up): the due profiles
    # by id, a slice of ids at a time, their new statuses and messages with executemany.

    def creation_due_ids(self, informed_before: datetime) -> array[int]:
        """The ids of the profiles `creation_due` would return, in id order, packed (8 bytes
        an id: a million of them is 8 MB, not 36 MB of Python ints). They are read again,
        slice by slice, inside the write lock."""
        try:
            cursor = self.conn.execute(
                "SELECT id FROM people WHERE status = 'en_attente'"
                " AND information_sent_at IS NOT NULL AND information_sent_at <= ?"
                " AND deceased = 0 AND not_activable_reason IS NULL ORDER BY id",
                (_iso(informed_before),),
            )
            return array("q", (row[0] for row in cursor))
        except sqlite3.DatabaseError as exc:
            raise _as_store_error(exc, self.path) from exc

    def creation_due_contacts(
        self, informed_before: datetime, first: int, last: int
    ) -> list[DueContact]:
        """The names and contacts of the profiles due with an id from `first` to `last`, read
        by the table's rowid range (NOT INDEXED: never the pending index, whose order is not
        the ids'), as plain tuples (no `Person` built: a catch-up's notices need only these)."""
        try:
            cursor = self.conn.cursor()
            cursor.row_factory = None
            rows = cursor.execute(
                "SELECT id, nir, first_name, last_name, email, mobile, parent_id,"
                " information_sent_at FROM people NOT INDEXED" + self._DUE_BETWEEN
                + " ORDER BY id",
                (first, last, _iso(informed_before)),
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise _as_store_error(exc, self.path) from exc
        return list(map(DueContact._make, rows))

    def people_by_ids(self, ids: Sequence[int]) -> dict[int, Person]:
        """These people, by id (the missing ones left out)."""
        found: dict[int, Person] = {}
        for start in range(0, len(ids), 500):  # SQLite's limit of parameters, with margin
            chunk = list(ids[start:start + 500])
            marks = ",".join("?" for _ in chunk)
            for row in self.query(f"SELECT * FROM people WHERE id IN ({marks})", chunk):
                found[int(row["id"])] = person_from_row(row)
        return found

    _DUE_BETWEEN = (
        " WHERE id BETWEEN ? AND ? AND status = 'en_attente' AND information_sent_at IS NOT NULL"
        " AND information_sent_at <= ? AND deceased = 0 AND not_activable_reason IS NULL"
    )

    def create_due_between(
        self, informed_before: datetime, first: int, last: int, status: ProfileStatus,
        after: timedelta,
    ) -> int:
        """Give `status` to the profiles `creation_due_contacts` returns, dated the day
        `after` their information (one statement); how many were changed."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "UPDATE people NOT INDEXED SET status = ?,"
                " status_date = date(information_sent_at, ?)" + self._DUE_BETWEEN,
                (status.value, f"+{after.total_seconds()} seconds", first, last,
                 _iso(informed_before)),
            )
            return int(cursor.rowcount)

    def add_outbox_rows(self, rows: Sequence[tuple[object, ...]]) -> None:
        """Many messages at once: (at, channel, address, masked_address, subject, body,
        person_id, code) each."""
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO outbox(at, channel, address, masked_address, subject, body,"
                " person_id, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    # --- contacts and accounts -------------------------------------------------------------

    def set_contact(
        self, person_id: int, *, email: str | None = None, mobile: str | None = None
    ) -> None:
        """The new e-mail or mobile, once its one-time code is confirmed."""
        with self.transaction() as conn:
            if email is not None:
                conn.execute("UPDATE people SET email = ? WHERE id = ?", (email, person_id))
            if mobile is not None:
                conn.execute("UPDATE people SET mobile = ? WHERE id = ?", (mobile, person_id))

    def add_account(
        self, *, person_id: int, identifier: str, password_hash: str, rule_version: str,
        created_at: date | datetime,
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO accounts(person_id, identifier, password_hash, rule_version,"
                " created_at) VALUES (?, ?, ?, ?, ?)",
                (person_id, identifier, password_hash, rule_version, _iso(created_at)),
            )

    def set_password_hash(
        self, person_id: int, digest: str, *, rule_version: str | None = None,
        replacing: str | None = None,
    ) -> None:
        """A new password hash (and the rules it was checked against); with `replacing`,
        only when the stored hash is still that one (a rehash at login loses to a change
        made meanwhile)."""
        sql, params = "UPDATE accounts SET password_hash = ?", list[Any]([digest])
        if rule_version is not None:
            sql += ", rule_version = ?"
            params.append(rule_version)
        sql += " WHERE person_id = ?"
        params.append(person_id)
        if replacing is not None:
            sql += " AND password_hash = ?"
            params.append(replacing)
        with self.transaction() as conn:
            conn.execute(sql, params)

    # --- counters of wrong entries (core/lockout.py) --------------------------------------

    def lockout_of(self, scope: str, key: str) -> tuple[int, datetime | None]:
        """The failures counted and the end of the wait, for that scope and key."""
        row = self.query_one(
            "SELECT failures, locked_until FROM lockouts WHERE scope = ? AND key = ?", (scope, key)
        )
        if row is None:
            return 0, None
        return int(row["failures"]), _datetime(row["locked_until"])

    def set_lockout(self, scope: str, key: str, failures: int, until: datetime | None) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO lockouts(scope, key, failures, locked_until) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(scope, key) DO UPDATE SET failures = excluded.failures,"
                " locked_until = excluded.locked_until",
                (scope, key, failures, _iso(until)),
            )

    def clear_lockout(self, scope: str, key: str) -> None:
        """Forget the failures counted; nothing is written when none were."""
        if self.query_one(
            "SELECT 1 FROM lockouts WHERE scope = ? AND key = ?", (scope, key)
        ) is None:
            return
        with self.transaction() as conn:
            conn.execute("DELETE FROM lockouts WHERE scope = ? AND key = ?", (scope, key))

    # --- the simulated clock ---------------------------------------------------------------

    def shift_meta_number(self, key: str, delta: int) -> int:
        """Add `delta` to the number kept under `key` (0 when missing) and return the new
        value: one BEGIN IMMEDIATE read-modify-write, so that two processes adding at once
        each keep their part."""
        with self.transaction():
            total = int(self.meta(key) or 0) + delta
            self.set_meta(key, str(total))
        return total

    # --- seeding the personas (core/personas.py) --------------------------------------------
    # Done with sqlite-utils: a few dozen rows, written as what they are (a dict a row).

    def add_household(self, label: str) -> int:
        with self.transaction():
            return int(self.db["households"].insert({"label": label}).last_pk)

    def add_person(self, row: dict[str, Any]) -> int:
        """A person of the population, `row` holding the columns of `people`."""
        with self.transaction():
            return int(self.db["people"].insert(row).last_pk)

    def add_card(self, holder_id: int, model: str, serial: str) -> None:
        with self.transaction():
            self.db["cards"].insert({"holder_id": holder_id, "model": model, "serial": serial})

    def set_information_sent(self, person_id: int, at: datetime) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE people SET information_sent_at = ? WHERE id = ?", (_iso(at), person_id)
            )

    def empty(self, tables: Sequence[str], meta_keys: Sequence[str] = ()) -> None:
        """Delete every row of `tables` (children before parents) and these meta keys."""
        with self.transaction():
            for table in tables:
                self.db[table].delete_where()
            for key in meta_keys:
                self.db["meta"].delete_where("key = ?", [key])

    # --- bulk loads (core/population.py) ----------------------------------------------------
    # Hand-written sqlite3 on purpose: a million people go in here. Measured on 50,000 rows
    # of `people`: executemany 0.11 s, sqlite-utils' insert_all 0.45 s (it builds a dict a
    # row and its SQL a chunk).

    def nirs(self) -> list[str]:
        return [str(row[0]) for row in self.query("SELECT nir FROM people")]

    def max_id(self, table: str) -> int:
        row = self.query_one(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        return int(row[0]) if row is not None else 0

    def drop_secondary_indexes(self, tables: Sequence[str]) -> list[str]:
        """Drop the secondary indexes of these tables; return the SQL that rebuilds them."""
        marks = ",".join("?" for _ in tables)
        rows = self.query(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND tbl_name IN ({marks}) ORDER BY name",
            list(tables),
        )
        with self.transaction() as conn:
            for row in rows:
                conn.execute(f'DROP INDEX "{row["name"]}"')
        return [str(row["sql"]) for row in rows]

    def rebuild_indexes(self, statements: Sequence[str]) -> None:
        """Run what `drop_secondary_indexes` returned."""
        with self.transaction() as conn:
            for sql in statements:
                conn.execute(sql)

    def cache_size(self, kib: int | None = None) -> int:
        """SQLite's page cache (`PRAGMA cache_size`); set it when `kib` is given (negative:
        in KiB). Returns the value before."""
        before = int(self.conn.execute("PRAGMA cache_size").fetchone()[0])
        if kib is not None:
            self.conn.execute(f"PRAGMA cache_size = {int(kib)}")
        return before

    def bulk_insert(
        self,
        *,
        households: Sequence[tuple[object, ...]],
        people: Sequence[tuple[object, ...]],
        cards: Sequence[tuple[object, ...]],
        codes: Sequence[tuple[object, ...]],
    ) -> None:
        """Rows with their ids: households (id, label); people (id, household_id, nir,
        first_name, last_name, birth_date, email, mobile, parent_id, information_sent_at);
        cards (holder_id, model, serial); information codes (person_id, code_hash,
        issued_at, expires_at, channel)."""
        with self.transaction() as conn:
            conn.executemany("INSERT INTO households(id, label) VALUES (?, ?)", households)
            conn.executemany(
                "INSERT INTO people(id, household_id, nir, first_name, last_name, birth_date,"
                " email, mobile, parent_id, information_sent_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                people,
            )
            conn.executemany("INSERT INTO cards(holder_id, model, serial) VALUES (?, ?, ?)", cards)
            if codes:
                conn.executemany(
                    "INSERT INTO provisional_codes(person_id, code_hash, issued_at, expires_at,"
                    " channel, origin) VALUES (?, ?, ?, ?, ?, 'information')",
                    codes,
                )

    def checkpoint(self) -> None:
        """Give back the WAL file once its pages are in the store (outside a transaction)."""
        if not self.conn.in_transaction:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # --- outbox and journal --------------------------------------------------------------

    def add_outbox(
        self,
        *,
        at: datetime,
        channel: Channel,
        address: str,
        masked_address: str,
        subject: str,
        body: str,
        person_id: int | None,
        code: str | None = None,
    ) -> int:
        """A message; `code` is the code it carries, if any (kept apart from the text)."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO outbox(at, channel, address, masked_address, subject, body,"
                " person_id, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (_iso(at), channel.value, address, masked_address, subject, body, person_id,
                 code),
            )
            return int(cursor.lastrowid or 0)

    def forget_messages_of(self, person_id: int) -> int:
        """Take the messages about `person_id` out of the outbox (a training scenario's lost
        letter); how many were taken."""
        with self.transaction() as conn:
            return conn.execute("DELETE FROM outbox WHERE person_id = ?", (person_id,)).rowcount

    def outbox(
        self, limit: int | None = None, after_id: int = 0, *, about: Sequence[int] | None = None
    ) -> list[OutboxMessage]:
        """The messages, newest first; with `about`, only those about these people."""
        sql = "SELECT * FROM outbox WHERE id > ?"
        params: list[Any] = [after_id]
        if about is not None:
            sql += f" AND person_id IN ({', '.join('?' * len(about))})"
            params.extend(about)
        sql += " ORDER BY at DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [
            OutboxMessage(
                id=r["id"],
                at=datetime.fromisoformat(r["at"]),
                channel=Channel(r["channel"]),
                address=r["address"],
                masked_address=r["masked_address"],
                subject=r["subject"],
                body=r["body"],
                person_id=r["person_id"],
                code=r["code"],
            )
            for r in self.query(sql, params)
        ]

    def last_outbox_id(self) -> int:
        row = self.query_one("SELECT COALESCE(MAX(id), 0) AS m FROM outbox")
        return int(row["m"]) if row else 0

    def journal(
        self,
        *,
        at: datetime,
        session_id: str | None,
        person_id: int | None,
        step: str,
        accepted: bool,
        reason: str = "",
        detail: str = "",
        duration_ms: float | None = None,
        trainee: str | None = None,
        scenario: str | None = None,
        fault: str | None = None,
    ) -> None:
        """One row of the journal of steps. A transaction that writes only journal rows
        changes nothing a person was told about: it is committed without waiting for the
        disk (synchronous=NORMAL, still safe from a killed process in WAL mode; a power cut
        may lose the last rows). Every other commit waits (synchronous=FULL)."""
        light = not self._depth and self._light is None
        if light:  # the journal row opens the transaction: nothing was written before it
            self._synchronous("NORMAL")
            self._light = self.conn.total_changes
        try:
            with self.transaction() as conn:
                conn.execute(
                    "INSERT INTO journal(at, session_id, person_id, step, accepted, reason,"
                    " detail, duration_ms, trainee, scenario, fault)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (_iso(at), session_id, person_id, step, int(accepted), reason, detail,
                     duration_ms, trainee, scenario, fault),
                )
        except BaseException:
            if light and not self.conn.in_transaction:  # BEGIN itself failed
                self._light = None
                self._synchronous("FULL")
            raise

    # --- a trainer's faults ----------------------------------------------------------------

    def faults(self) -> list[tuple[str, bool, datetime]]:
        """The faults in force: name, whether for the next call only, since when."""
        return [
            (r["name"], bool(r["once"]), datetime.fromisoformat(r["since"]))
            for r in self.query("SELECT name, once, since FROM faults ORDER BY since, name")
        ]

    def set_fault(self, name: str, *, once: bool, since: datetime) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO faults(name, once, since) VALUES (?, ?, ?) ON CONFLICT(name)"
                " DO UPDATE SET once = excluded.once, since = excluded.since",
                (name, int(once), _iso(since)),
            )

    def clear_faults(self, name: str | None = None) -> int:
        """Remove one fault, or all of them; how many were removed."""
        with self.transaction() as conn:
            if name is None:
                return conn.execute("DELETE FROM faults").rowcount
            return conn.execute("DELETE FROM faults WHERE name = ?", (name,)).rowcount

    def take_fault(self, name: str) -> bool:
        """Whether `name` is in force now; a fault for the next call only is used up."""
        with self.transaction() as conn:
            row = conn.execute("SELECT once FROM faults WHERE name = ?", (name,)).fetchone()
            if row is None:
                return False
            if row["once"]:
                conn.execute("DELETE FROM faults WHERE name = ?", (name,))
            return True

    def journal_rows(self, session_id: str | None = None) -> list[sqlite3.Row]:
        if session_id is None:
            return self.query("SELECT * FROM journal ORDER BY id")
        return self.query("SELECT * FROM journal WHERE session_id = ? ORDER BY id", (session_id,))

    def copy_into(self, target: str | Path) -> None:
        """Copy this store whole, as it is now, into `target`, a new file: it must not exist
        (FileExistsError), so that two processes claiming the same name never share it. The
        copy is made 0600 by SQLite's online backup (a consistent snapshot, even while others
        write) and keeps the secret of the code hashes: the same codes work in it."""
        location = Path(target).expanduser()
        claim_new_file(location)
        try:
            copy = _open_connection(str(location))
            try:
                self.conn.backup(copy)
            finally:
                copy.close()
        except sqlite3.DatabaseError as exc:
            location.unlink(missing_ok=True)
            raise _as_store_error(exc, str(location)) from exc

    # --- read models for the command line ------------------------------------------------

    def people_by_household(self) -> Generator[tuple[Person, str | None], None, None]:
        """Everyone with their persona key (None for a generated person), household by
        household, adults before children. Read lazily: a caller that stops after ten does
        not load a large population."""
        try:
            cursor = self.conn.execute(
                "SELECT * FROM people ORDER BY household_id, parent_id IS NOT NULL, id"
            )
        except sqlite3.DatabaseError as exc:
            raise _as_store_error(exc, self.path) from exc
        try:
            for row in cursor:
                yield person_from_row(row), row["persona_key"]
        finally:
            cursor.close()

    def personas(self, keys: Sequence[str] | None = None) -> dict[str, Person]:
        """The personas of `keys` the store has, by key; every persona, household by
        household and adults first, when None. Found through `persona_key`'s unique index:
        a generated population beside them is not read."""
        if keys is None:
            # `+household_id`: sorted after the look-up, so that SQLite takes the key's index
            # rather than walking the whole table in household order.
            rows = self.query(
                "SELECT * FROM people WHERE persona_key IS NOT NULL"
                " ORDER BY +household_id, parent_id IS NOT NULL, id"
            )
        else:
            marks = ", ".join("?" * len(keys))
            rows = self.query(f"SELECT * FROM people WHERE persona_key IN ({marks})", keys)
        return {str(row["persona_key"]): person_from_row(row) for row in rows}

    def persona_key(self, person_id: int) -> str | None:
        row = self.query_one("SELECT persona_key FROM people WHERE id = ?", (person_id,))
        return None if row is None else row["persona_key"]

    def household_label(self, household_id: int) -> str:
        row = self.query_one("SELECT label FROM households WHERE id = ?", (household_id,))
        return "" if row is None else str(row["label"])

    def account_identifiers(self) -> dict[int, str]:
        """Each account's identifier, by the id of the person it belongs to."""
        rows = self.query("SELECT person_id, identifier FROM accounts")
        return {int(r["person_id"]): str(r["identifier"]) for r in rows}

    def people_count(self) -> int:
        return self._count("SELECT COUNT(*) FROM people")

    def household_count(self) -> int:
        return self._count("SELECT COUNT(*) FROM households")

    def outbox_count(self) -> int:
        return self._count("SELECT COUNT(*) FROM outbox")

    def _count(self, sql: str) -> int:
        row = self.query_one(sql)
        return int(row[0]) if row is not None else 0


# ProfileStatus(text) goes through Enum's metaclass call: a dict is five times faster, and a
# catch-up reads a million rows.
# Pages of WAL past which a commit copies the WAL into the store itself: never on the
# person's path (`_Checkpointer` does it); `bulk_writes`' own, and its page cache (KiB).
_CHECKPOINT_PAGES = 0
_BULK_CHECKPOINT_PAGES = 40_000
_BULK_CACHE_KIB = 32_768

_STATUS_OF_TEXT = {status.value: status for status in ProfileStatus}


def person_from_row(row: sqlite3.Row) -> Person:
    return Person(
        id=row["id"],
        household_id=row["household_id"],
        nir=row["nir"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        birth_date=date.fromisoformat(row["birth_date"]),
        email=row["email"],
        mobile=row["mobile"],
        status=_STATUS_OF_TEXT[row["status"]],
        status_date=_date(row["status_date"]),
        parent_id=row["parent_id"],
        deceased=bool(row["deceased"]),
        not_activable_reason=row["not_activable_reason"],
        persona_note=row["persona_note"],
    )


def iso(value: date | datetime | None) -> str | None:
    """ISO text for the store's TEXT columns."""
    return _iso(value)


def _split_sql(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _open_connection(path: str) -> sqlite3.Connection:
    return sqlite3.connect(
        path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    )


def make_private_folders(folder: Path) -> None:
    """Create `folder` and whichever of its parents are missing, each 0700 whatever the
    umask. A folder that exists, or is made meanwhile by another process, is left as it is;
    OSError when one cannot be made."""
    missing: list[Path] = []
    parent = folder
    while not parent.exists() and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    for created in reversed(missing):
        try:
            created.mkdir(mode=FOLDER_MODE)
        except FileExistsError:  # made meanwhile by another process
            continue
        created.chmod(FOLDER_MODE)  # mkdir's mode is filtered by the umask


def claim_new_file(path: Path) -> None:
    """Create `path`, empty and 0600 whatever the umask, by this call alone: FileExistsError
    when it exists already (another process claimed it first), so that two processes that
    claim one name never share the file. Its folder must exist (`make_private_folders`);
    any other OSError is the system's."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(descriptor, FILE_MODE)
    finally:
        os.close(descriptor)


def _create_private(path: Path) -> None:
    """Create the missing folders 0700 and a missing store file 0600 (empty: SQLite then
    writes it; its WAL and SHM files take the same mode from it). An existing file or folder
    is left as it is here."""
    try:
        make_private_folders(path.parent)
        claim_new_file(path)
    except FileExistsError:
        return
    except OSError as exc:
        raise StoreError(t("store.unwritable", path=str(path))) from exc


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _inspect(path: str) -> None:
    """Look at an existing file before anything is written to it: refuse another program's
    database, a damaged file and a store from a newer version. An empty file is a new store.

    The header says most (SQLite's magic, the application id); SQLite is asked only about a
    file without a mark, read-only, and without making a WAL or SHM file beside it."""
    location = Path(path).expanduser()
    try:
        with location.open("rb") as file:
            header = file.read(100)
    except OSError as exc:
        raise StoreError(t("store.unwritable", path=path)) from exc
    if not header:
        return
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise DamagedStore(t("store.damaged", path=path))
    marked = int.from_bytes(header[68:72], "big")
    if marked not in (0, APPLICATION_ID):
        raise ForeignStore(t("store.foreign", path=path))
    if marked == APPLICATION_ID:
        return  # ours: a newer version is refused once opened, before any write
    # A WAL database without its -wal file is whole in the main file: read it as immutable,
    # so that SQLite makes no -wal or -shm beside another program's file.
    wal_mode = 2 in header[18:20]
    whole = wal_mode and not location.with_name(location.name + "-wal").exists()
    try:
        application_id, version, objects = _read_schema(location, immutable=whole)
    except sqlite3.DatabaseError as exc:
        if not whole:
            raise _as_store_error(exc, path) from exc
        try:  # a writer may have begun meanwhile: look again, the usual way
            application_id, version, objects = _read_schema(location, immutable=False)
        except sqlite3.DatabaseError as again:
            raise _as_store_error(again, path) from again
    tables = {name for kind, name in objects if kind == "table"}
    if application_id == APPLICATION_ID:
        ours = True  # marked in a transaction not yet copied from the WAL
    elif application_id != 0:
        ours = False
    elif not objects:
        ours = True  # an empty database (only its version may be set): nothing to lose
    else:
        ours = version >= 1 and tables >= _OUR_TABLES  # made before the mark existed
    if not ours:
        raise ForeignStore(t("store.foreign", path=path))
    if version > SCHEMA_VERSION:
        raise StoreError(t("store.newer", path=path, found=version, known=SCHEMA_VERSION))


def _read_schema(location: Path, *, immutable: bool) -> tuple[int, int, list[tuple[str, str]]]:
    """application_id, user_version and the schema's objects, through a read-only look."""
    uri = f"{location.absolute().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        objects = [
            (str(kind), str(name))
            for kind, name in conn.execute("SELECT type, name FROM sqlite_master")
        ]
    finally:
        conn.close()
    return application_id, version, objects


def _restrict(path: Path) -> None:
    """Take the group's and others' rights off the store and its WAL and SHM files (a store
    made by an earlier version was 0644); the owner's rights are kept as they are."""
    for name in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        try:
            status = name.stat()
            if status.st_uid == os.getuid() and stat.S_IMODE(status.st_mode) & 0o077:
                name.chmod(stat.S_IMODE(status.st_mode) & 0o700)
        except OSError:  # gone meanwhile, or not ours to change: SQLite's own errors tell
            continue


def move_aside(path: str | Path, when: datetime) -> Path:
    """Rename a damaged store, with its WAL and SHM files, to `NAME.endommage-YYYYmmdd-HHMMSS`
    beside it, so that nothing is lost and a new store can be made; returns the new name."""
    location = Path(path).expanduser()
    stamp = when.strftime("%Y%m%d-%H%M%S")
    target = location.with_name(f"{location.name}.endommage-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = location.with_name(f"{location.name}.endommage-{stamp}-{number}")
    try:
        location.rename(target)
        for side in SIDE_FILES:
            companion = location.with_name(location.name + side)
            if companion.exists():
                companion.rename(target.with_name(target.name + side))
    except OSError as exc:
        raise StoreError(t("store.unwritable", path=str(location))) from exc
    return target


# SQLite's primary result codes (the part of `sqlite_errorname` before any extended suffix)
# that say the store itself cannot be used, and what a person can do about it.
_PROBLEM_OF_CODE: dict[str, StoreProblem] = {
    "SQLITE_BUSY": StoreProblem.BUSY,
    "SQLITE_LOCKED": StoreProblem.BUSY,
    "SQLITE_READONLY": StoreProblem.READ_ONLY,
    "SQLITE_PERM": StoreProblem.READ_ONLY,
    "SQLITE_AUTH": StoreProblem.READ_ONLY,
    "SQLITE_FULL": StoreProblem.FULL,
    "SQLITE_IOERR": StoreProblem.UNAVAILABLE,
    "SQLITE_CANTOPEN": StoreProblem.UNAVAILABLE,
    "SQLITE_NOMEM": StoreProblem.UNAVAILABLE,
    "SQLITE_PROTOCOL": StoreProblem.UNAVAILABLE,
    "SQLITE_CORRUPT": StoreProblem.DAMAGED,
    "SQLITE_NOTADB": StoreProblem.DAMAGED,
}
# Extended codes that mean something else than their primary code.
_PROBLEM_OF_EXTENDED_CODE: dict[str, StoreProblem] = {
    # The file was unlinked or renamed under the open connection: nothing written any more
    # would be kept.
    "SQLITE_READONLY_DBMOVED": StoreProblem.MOVED,
    "SQLITE_IOERR_NOMEM": StoreProblem.UNAVAILABLE,
}
def store_problem(exc: sqlite3.Error) -> StoreProblem | None:
    """Which problem of the store itself `exc` reports, by SQLite's result code; None when it
    is not one (a constraint, an SQL mistake: the caller's business, not the store's)."""
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str) and name.startswith("SQLITE_"):
        if name in _PROBLEM_OF_EXTENDED_CODE:
            return _PROBLEM_OF_EXTENDED_CODE[name]
        primary = "_".join(name.split("_")[:2])
        return _PROBLEM_OF_CODE.get(primary)
    # No result code: raised by the sqlite3 module itself (a closed connection, a misuse),
    # not a problem of the file; never guessed from the message's words.
    return None


_MESSAGE_OF_PROBLEM: dict[StoreProblem, str] = {
    StoreProblem.BUSY: "store.locked",
    StoreProblem.READ_ONLY: "store.unwritable",
    StoreProblem.FULL: "store.full",
    StoreProblem.UNAVAILABLE: "store.unwritable",
    StoreProblem.DAMAGED: "store.damaged",
    StoreProblem.MOVED: "store.moved",
}


def _as_store_error(exc: sqlite3.Error, path: str) -> StoreError:
    problem = store_problem(exc)
    if problem is None or problem not in _MESSAGE_OF_PROBLEM:
        return StoreError(t("store.failed", path=path, reason=str(exc)))
    message = t(_MESSAGE_OF_PROBLEM[problem], path=path)
    if problem is StoreProblem.DAMAGED:
        return DamagedStore(message)
    return StoreError(message, problem)
