"""A journey's process killed at a random point (SIGKILL) never damages the store nor loses a
decision it confirmed.

The child (crash_journey.py) takes generated people through activation or opposition on a
file store and prints a line after each decision the engine committed. The parent kills it
after a random delay, then checks the store: `PRAGMA integrity_check`, the store's
invariants (support.store_problems) and every decision the child printed. The next child
goes on with the people still pending, on the same store.

The default run kills three times; `python -m pytest -m long` forty times.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from support import StoreMark, store_mark, store_problems

import mes_sante_tui
from mes_sante_tui.core.codes import CodeHasher
from mes_sante_tui.core.population import generate_population
from mes_sante_tui.core.services import open_services

CHILD = Path(__file__).with_name("crash_journey.py")
POPULATION_SEED = 2026  # the child's (it gives each generated person's code back)
STATUS_OF = {"activer": "active", "opposer": "oppose"}


def make_store(path: Path, people: int) -> None:
    services = open_services(path)
    try:
        store = services.store
        generate_population(
            store,
            people,
            seed=POPULATION_SEED,
            clock=services.engine.clock,
            codes_hasher=CodeHasher(store.secret()),
        )
    finally:
        services.close()


def run_and_kill(path: Path, seed: int, delay: float) -> tuple[list[tuple[int, str]], bool]:
    """One child, killed `delay` seconds after it is ready: the decisions it confirmed, and
    whether it was killed before it had finished."""
    package_root = str(Path(mes_sante_tui.__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([package_root, str(CHILD.parent)]))
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.strip())
            if line.startswith("ready"):
                ready.set()
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(60), "the child never got ready"
    time.sleep(delay)
    killed = child.poll() is None
    if killed:
        child.send_signal(signal.SIGKILL)
    child.wait(30)
    reader.join(30)
    assert child.stderr is not None
    errors = child.stderr.read()
    child.stderr.close()
    if not killed:
        assert child.returncode == 0, errors
    assert "ready" in lines, errors
    decided = []
    for line in lines:
        if line.startswith("decided "):
            _, person, kind = line.split()
            decided.append((int(person), kind))
    return decided, killed and "done" not in lines


def check_store(path: Path, mark: StoreMark, decided: list[tuple[int, str]]) -> None:
    conn = sqlite3.connect(path)
    try:
        assert [tuple(r) for r in conn.execute("PRAGMA integrity_check")] == [("ok",)]
        assert store_problems(conn, mark) == []
        for person, kind in decided:
            row = conn.execute(
                "SELECT p.status FROM people p WHERE p.id = ? AND EXISTS (SELECT 1 FROM "
                "decisions d WHERE d.person_id = p.id AND d.kind = ?)",
                (person, kind),
            ).fetchone()
            assert row is not None, (person, kind, "confirmed, then lost")
            assert row[0] == STATUS_OF[kind], (person, kind, row[0])
            if kind == "activer":
                account = conn.execute(
                    "SELECT identifier FROM accounts WHERE person_id = ?", (person,)
                ).fetchone()
                assert account == (f"personne.{person}",), (person, account)
    finally:
        conn.close()


def kill_repeatedly(folder: Path, runs: int, people: int, seed: int) -> None:
    path = folder / "crash.db"
    make_store(path, people)
    conn = sqlite3.connect(path)
    mark = store_mark(conn)
    conn.close()
    rng = random.Random(seed)
    confirmed: list[tuple[int, str]] = []
    cut_short = 0
    for _ in range(runs):
        decided, killed = run_and_kill(path, rng.randrange(1 << 30), rng.uniform(0.0, 0.6))
        confirmed += decided
        cut_short += killed
        check_store(path, mark, confirmed)
    # The test killed journeys in progress, and some decisions were confirmed before.
    assert cut_short >= runs // 2, (cut_short, runs)
    assert confirmed, "no decision was ever confirmed before a kill"


def test_a_killed_journey_leaves_a_sound_store_with_every_confirmed_decision(
    tmp_path: Path,
) -> None:
    kill_repeatedly(tmp_path, runs=3, people=400, seed=1)


@pytest.mark.long
@pytest.mark.parametrize("seed", [2, 3])
def test_killed_forty_times(tmp_path: Path, seed: int) -> None:
    kill_repeatedly(tmp_path, runs=20, people=3000, seed=seed)
