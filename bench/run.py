"""Benchmarks of mes_sante_tui against the "Targets" table of PRODUCT.md.

    python bench/run.py            # everything, 1,000,000 generated people (a few minutes)
    python bench/run.py --quick    # fewer runs, 50,000 people (about a minute)
    python bench/run.py --json     # the same figures as JSON, for scripts
    python bench/run.py --only startup --only keys
    python bench/run.py --growth 10000,100000,1000000   # the store's costs, a Markdown table

Figures are printed with PASS or FAIL against each target, never asserted: this is a
script, not a test, and timings depend on the machine. The load average is noted after each
section; above half the CPUs, a WARNING says the machine was loaded. Ratios against a bare
Textual app are measured pair by pair (a run of the app, then a run of the bare app, in
alternating order), and given as the median ratio with its minimum and maximum: a ratio of
two runs made side by side holds better on a loaded machine than a ratio of two medians.

How each figure is measured
---------------------------
startup   Time from spawning a fresh interpreter on a new pseudo-terminal (120 x 40, TERM
          xterm-256color) to the moment the home page's button text has been read on the
          terminal's side: the first frame actually written. `python -m mes_sante_tui --db`
          (with MES_SANTE_FIRST_FRAME_EXIT=1) against a bare Textual app with the same few
          widgets. Also: how many modules are loaded once home is shown, and which heavy
          ones (fpdf, fontTools, argon2, sqlite_utils, rich.progress, PIL). Target <= 1.1x.
keys      CPU time of a key typed in the account screen's password field (with its live
          checklist) against a key in a bare app's one Input, 90 keys (type 15, erase 15,
          three times) after a warm-up round; each key is handled to its last message and its
          frame drawn (not pilot.pause(), whose callback to every widget costs the harness
          more on a larger form). Target <= 1.5x.
engine    Median and p99 of engine calls on a seeded file store (WAL, synchronous=FULL).
journey   A code-first activation typed under Textual's pilot, argon2id at its production cost.
scale     In process: N generated people with information codes, then 1,000 identifications
          (the store's reads alone, the engine with the right code, with a wrong code);
          target p99 < 1 ms. As command-line processes: `reset --taille N` (target 20 s for
          1M, pro rata) then `clock +6w` (target 30 s for 1M, pro rata; peak RSS < 200 MB,
          from wait4).
memory    Peak RSS (VmHWM) of a fresh process running the app through a whole activation
          (argon2id at its production cost) and through an opposition with its certificate
          saved, after a warm-up run that compiles the bytecode (as an installed package has
          it); target < 80 MB at every moment.
pdf       The certificate as the person gets it in the app (from « Télécharger » to both files
          saved, after one second on the confirmation screen), and in fresh processes: the
          first call (imports fpdf2, loads the font), after a preload, and warm. Target 150 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import importlib
import json
import math
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SIZE = (120, 40)
SECTIONS = ("startup", "keys", "engine", "journey", "scale", "memory", "pdf")


@dataclass
class Line:
    """One row of the table."""

    section: str
    what: str
    figure: str
    target: str
    result: str  # PASS, FAIL, SKIP or INFO
    value: float | None = None
    note: str = ""


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def p99(samples: Sequence[float]) -> float:
    """Nearest-rank 99th percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def say(message: str) -> None:
    """Progress on stderr, so that stdout stays the table (or the JSON)."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def child_env(pycache: Path | None = None) -> dict[str, str]:
    """The environment of a child process; with `pycache`, bytecode caches are written there
    (even when PYTHONDONTWRITEBYTECODE is set), as an installed package would have them."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("MES_SANTE_DB", None)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


@contextmanager
def temp_folder() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="mes_sante_bench_"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def seeded_store(folder: Path, name: str = "bench.db") -> Path:
    """A store file seeded with the personas (the first open seeds it)."""
    from mes_sante_tui.core.services import open_services

    path = folder / name
    open_services(path).close()
    return path


def persona(path: Path, key: str) -> tuple[str, str, str, str]:
    """(code, NIR, card model, serial as typed) of a persona, read like a person would."""
    conn = sqlite3.connect(path)
    try:
        person_id, nir = conn.execute(
            "SELECT id, nir FROM people WHERE persona_key = ?", (key,)
        ).fetchone()
        model, serial = conn.execute(
            "SELECT model, serial FROM cards WHERE holder_id = ?", (person_id,)
        ).fetchone()
        bodies = [r[0] for r in conn.execute(
            "SELECT body FROM outbox WHERE person_id = ? ORDER BY id", (person_id,)
        )]
    finally:
        conn.close()
    for body in bodies:
        found = re.search(r"code provisoire : (\w{12})", body)
        if found:
            return found.group(1), nir, model, serial
    raise LookupError(f"no provisional code for {key}")


# --- shared: pairwise ratios, children measured by the kernel ----------------------------


@dataclass
class Ratios:
    """Ratios measured pair by pair (run of A against the run of B next to it)."""

    values: list[float]

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def high(self) -> float:
        return max(self.values)

    def figure(self) -> str:
        return f"median {self.median:.2f}x (min {self.low:.2f}x, max {self.high:.2f}x)"


def pairwise(run_a: Callable[[], float], run_b: Callable[[], float], pairs: int
             ) -> tuple[list[float], list[float], Ratios]:
    """`pairs` runs of A and of B, alternately (A first on even pairs, B first on odd ones,
    so that neither always follows the other); the ratio of each pair."""
    a_runs: list[float] = []
    b_runs: list[float] = []
    for n in range(pairs):
        if n % 2 == 0:
            a_runs.append(run_a())
            b_runs.append(run_b())
        else:
            b_runs.append(run_b())
            a_runs.append(run_a())
    return a_runs, b_runs, Ratios([a / b for a, b in zip(a_runs, b_runs, strict=True)])


@dataclass
class Finished:
    """A child process as the kernel saw it: wall time, CPU time, peak RSS."""

    seconds: float
    cpu: float
    peak_mb: float
    stdout: str
    stderr: str
    returncode: int


# Runs a module as `python -m` would, and writes its own peak RSS (VmHWM) on standard error
# at exit. Not ru_maxrss: across fork and exec, Linux keeps the parent's high-water mark in
# the child's, so a child of this (large) bench process would report the bench's size.
_PEAK_WRAPPER = r"""
import atexit, runpy, sys


def peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                print("PEAK_KIB", line.split()[1], file=sys.stderr, flush=True)


atexit.register(peak)
module = sys.argv[1]
sys.argv = [module, *sys.argv[2:]]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def run_measured(argv: Sequence[str], *, env: dict[str, str] | None = None,
                 timeout: float = 600) -> Finished:
    """Run `python -m MODULE ARGS...` (`argv` as such) and read its wall time, its CPU time
    (from `wait4`, which reports that child alone) and its own peak RSS (VmHWM at exit)."""
    assert argv[1] == "-m", argv
    argv = [argv[0], "-c", _PEAK_WRAPPER, *argv[2:]]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen(list(argv), stdout=out, stderr=err, env=env or child_env(),
                                 cwd=REPO)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                child.kill()
                raise RuntimeError(f"{argv[:4]} took more than {timeout:.0f} s")
            time.sleep(0.01)
        seconds = time.monotonic() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
        peaks = re.findall(r"^PEAK_KIB (\d+)$", stderr, flags=re.M)
        return Finished(seconds, usage.ru_utime + usage.ru_stime,
                        int(peaks[-1]) / 1024 if peaks else float("nan"),
                        out.read().decode(errors="replace"), stderr, child.returncode)


# --- start-up ----------------------------------------------------------------------------

# The reference: a bare Textual app with the home page's widgets, as they are nested there
# (notice; a row holding the form's scrolling column and the outbox's; three texts, four
# buttons; the footer with the same four keys), and none of the project's code or CSS.
_BARE_APP = r"""
from textual.app import App
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Static


class Bare(App):
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quitter"),
        Binding("f1", "bell", "Aide"),
        Binding("f2", "bell", "Boîte d'envoi"),
        Binding("f6", "bell", "Formateur"),
    ]
    CSS = "#outbox { dock: right; width: 46; }"

    def compose(self):
        yield Static("Simulation — données fictives · aucun envoi réel")
        with Horizontal():
            with VerticalScroll():
                yield Static("Vous avez la main sur votre santé")
                yield Static("LE SERVICE PUBLIC POUR GÉRER SA SANTÉ")
                yield Static("Mon espace santé vous permet de stocker et partager vos documents"
                             " et données de santé en toute confidentialité.")
                yield Button("Activer Mon espace santé", variant="primary")
                yield Button("J'ai déjà activé Mon espace santé ? Me connecter")
                yield Button("Réglages du simulateur")
                yield Button("Scénarios de formation")
            with VerticalScroll(id="outbox"):
                yield Static("Boîte d'envoi simulée")
        yield Footer()


Bare().run()
"""

# The reference of the bench's first versions, kept for comparison with earlier figures:
# fewer widgets than the home page (seven, flat, and a footer with Textual's own keys).
_FEWER_WIDGETS_APP = r"""
from textual.app import App
from textual.widgets import Button, Footer, Static


class Bare(App):
    def compose(self):
        yield Static("Simulation : toutes les données sont fictives.")
        yield Static("Mon espace santé")
        yield Static("Activer votre espace")
        yield Static("Un espace pour vos documents de santé.")
        yield Button("Activer Mon espace santé", variant="primary")
        yield Button("Se connecter")
        yield Button("Réglages du simulateur")
        yield Footer()


Bare().run()
"""

# The same bare app with Python's garbage collector paused from its first line, as the
# application's entry pauses it until its first frame (mes_sante_tui/entry.py): what the
# project's own code costs over Textual, the pause set aside.
_BARE_APP_COLLECTOR_PAUSED = "import gc\ngc.disable()\n" + _BARE_APP

_ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1b\][^\x07]*\x07")
# Shown by both: the first frame is written once this text has reached the terminal.
_FIRST_FRAME_MARK = "Activer Mon espace santé".encode()


def first_frame(argv: Sequence[str], env: dict[str, str], timeout: float = 30) -> float:
    """Seconds from spawning `argv` on a new pseudo-terminal (120 x 40) to the moment its
    first frame, read on the terminal's side, shows the home page's button."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    started = time.monotonic()
    child = subprocess.Popen(list(argv), stdin=slave, stdout=slave, stderr=slave, env=env,
                             cwd=REPO, start_new_session=True)
    os.close(slave)
    seen = b""
    at: float | None = None
    try:
        while time.monotonic() - started < timeout:
            ready, _, _ = select.select([master], [], [], 0.2)
            if not ready:
                if child.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if _FIRST_FRAME_MARK in _ANSI.sub(b"", seen):
                at = time.monotonic() - started
                break
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        os.close(master)
    if at is None:
        tail = _ANSI.sub(b"", seen)[-300:].decode(errors="replace")
        raise RuntimeError(f"no first frame from {argv[-3:]}: {tail!r}")
    return at


def bench_startup(pairs: int) -> list[Line]:
    with temp_folder() as folder:
        db = seeded_store(folder)
        env = child_env(folder / "pycache")
        env.update(TERM="xterm-256color", COLUMNS=str(SIZE[0]), LINES=str(SIZE[1]),
                   MES_SANTE_FIRST_FRAME_EXIT="1")
        app_argv = [sys.executable, "-m", "mes_sante_tui", "--db", str(db)]
        bare_argv = [sys.executable, "-c", _BARE_APP]
        fewer_argv = [sys.executable, "-c", _FEWER_WIDGETS_APP]
        paused_argv = [sys.executable, "-c", _BARE_APP_COLLECTOR_PAUSED]
        say(f"start-up: {pairs} pairs of runs, the app and a bare Textual app with the home "
            "page's widgets, to their first frame on a pseudo-terminal; then as many against "
            "the same bare app with its garbage collector paused, and against the bench's "
            "first bare app (fewer widgets)")
        for argv in (app_argv, bare_argv, paused_argv, fewer_argv):  # warm-up: bytecode, disk
            first_frame(argv, env)
        app_runs, bare_runs, ratios = pairwise(
            lambda: first_frame(app_argv, env), lambda: first_frame(bare_argv, env), pairs
        )
        app_paused, paused_runs, paused_ratios = pairwise(
            lambda: first_frame(app_argv, env), lambda: first_frame(paused_argv, env), pairs
        )
        app_again, fewer_runs, fewer_ratios = pairwise(
            lambda: first_frame(app_argv, env), lambda: first_frame(fewer_argv, env), pairs
        )
        imports = _imported_at_start(db, env)
    return [
        Line("startup", "bare Textual app, the home page's widgets (median)",
             ms(statistics.median(bare_runs)), "reference", "INFO", statistics.median(bare_runs),
             f"min {ms(min(bare_runs))}, max {ms(max(bare_runs))}"),
        Line("startup", "mes_sante_tui, first frame on a terminal (median)",
             ms(statistics.median(app_runs)), "", "INFO", statistics.median(app_runs),
             f"min {ms(min(app_runs))}, max {ms(max(app_runs))}; {imports}"),
        Line("startup", "start-up ratio app / bare, pair by pair", ratios.figure(), "<= 1.1x",
             verdict(ratios.median <= 1.1), ratios.median, f"{pairs} pairs, fresh processes"),
        Line("startup", "ratio against the bare app with its collector paused too",
             paused_ratios.figure(), "for comparison", "INFO", paused_ratios.median,
             f"that app's median {ms(statistics.median(paused_runs))}, the app's "
             f"{ms(statistics.median(app_paused))} in the same pairs: the project's own "
             "cost over Textual, the collector's pause set aside"),
        Line("startup", "ratio against the first bench's bare app (7 widgets)",
             fewer_ratios.figure(), "for comparison", "INFO", fewer_ratios.median,
             f"that app's median {ms(statistics.median(fewer_runs))}, the app's "
             f"{ms(statistics.median(app_again))} in the same pairs"),
    ]


def _imported_at_start(db: Path, env: dict[str, str]) -> str:
    """What the app has imported when its first frame is drawn (the command line's own path,
    headless), heavy modules named."""
    probe = (
        "import sys\n"
        "from textual.app import App\n"
        "seen = []\n"
        "display, run = App._display, App.run\n"
        "def spy(self, screen, renderable):\n"
        "    if not seen and renderable is not None and not self._batch_count:\n"
        "        seen.append(set(sys.modules))\n"
        "        self.exit()\n"
        "    return display(self, screen, renderable)\n"
        "App._display = spy\n"
        "App.run = lambda self, **kw: run(self, headless=True, size=(120, 40))\n"
        "import mes_sante_tui.cli as cli\n"
        "cli._has_terminal = lambda: True\n"
        "cli.main(['--db', sys.argv[1]])\n"
        "ours = [m for m in seen[0] if m.startswith('mes_sante_tui')]\n"
        "heavy = [m for m in ('fpdf', 'fontTools', 'argon2', 'sqlite_utils', 'rich.progress',"
        " 'PIL', 'mes_sante_tui.core.engine') if m in seen[0]]\n"
        "print(len(seen[0]), len(ours), ','.join(heavy) or '-')\n"
    )
    env = {k: v for k, v in env.items() if k != "MES_SANTE_FIRST_FRAME_EXIT"}
    done = subprocess.run([sys.executable, "-c", probe, str(db)], capture_output=True,
                          text=True, env=env, cwd=REPO, timeout=120, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        return "imports: probe failed"
    count, ours, heavy = done.stdout.split()[-3:]
    return (f"{count} modules at the first frame ({ours} of the project's); "
            f"heavy ones loaded: {heavy}")


# --- a keystroke -------------------------------------------------------------------------

_KEYS_CHILD = r"""
import asyncio, json, sys, time
sys.path[:0] = [sys.argv[3] + "/tests", sys.argv[3] + "/tests/ui"]
from textual import events

mode, db = sys.argv[1], sys.argv[2]
KEYS = (list("Kayak#Loire2026") + ["backspace"] * 15) * 3
CHARS = {"#": "number_sign", "backspace": None}


async def main():
    if mode == "bare":
        from textual.app import App
        from textual.widgets import Footer, Input, Static

        class Bare(App):
            def compose(self):
                yield Static("Simulation : toutes les données sont fictives.")
                yield Input(password=True, id="password")
                yield Footer()

        app = Bare()
    else:
        from mes_sante_tui.app import make_app
        from mes_sante_tui.core.services import open_services
        from mes_sante_tui.core.settings import Settings
        from mes_sante_tui.core.journey import Step
        import drive

        settings = Settings()
        services = open_services(db, settings=settings)
        app = make_app(services=services, settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if mode != "bare":
            await drive.open_step(pilot, services, Step.ACCOUNT)
        app.screen.query_one("#" + mode.split(":")[-1] if ":" in mode else "#password").focus()
        await pilot.pause()
        pumps = [app, *app.screen.walk_children(with_self=True)]

        async def handled():
            # Every queue empty (the key, the Changed messages it sent on...), then the frame
            # the screen's update timer would draw. Not pilot.pause(): that posts a callback
            # to every widget of the screen, a cost of the harness that grows with the form.
            for _ in range(10000):
                await asyncio.sleep(0)
                if all(pump._message_queue.empty() for pump in pumps):
                    break
            app.screen._on_timer_update()
            await asyncio.sleep(0)

        for round in range(2):  # the first round warms caches up; the second is measured
            cpu, wall = time.process_time(), time.perf_counter()
            for key in KEYS:
                name = CHARS.get(key, key) if len(key) > 1 or not key.isalnum() else key
                app.post_message(events.Key(name or key, None if key == "backspace" else key))
                await handled()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(json.dumps({"cpu": cpu / len(KEYS), "wall": wall / len(KEYS)}))


asyncio.run(main())
"""


def _keys_once(mode: str, db: Path, env: dict[str, str]) -> float:
    done = subprocess.run([sys.executable, "-c", _KEYS_CHILD, mode, str(db), str(REPO)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
                          check=False)
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise RuntimeError(f"keys child {mode} failed: {tail}")
    return float(json.loads(done.stdout.strip().splitlines()[-1])["cpu"])


def bench_keys(pairs: int, *, warm_up: bool = True) -> list[Line]:
    with temp_folder() as folder:
        db = seeded_store(folder)
        env = child_env(folder / "pycache")
        say(f"keystroke: {pairs} pairs of runs, the password field with its live checklist "
            "against a bare app's one Input (CPU time a key)")
        if warm_up:  # bytecode caches, disk cache
            _keys_once("app", db, env), _keys_once("bare", db, env)
        app_runs, bare_runs, ratios = pairwise(
            lambda: _keys_once("app", db, env), lambda: _keys_once("bare", db, env), pairs
        )
    return [
        Line("keys", "a key in a bare app's Input (CPU, median)",
             ms(statistics.median(bare_runs)), "reference", "INFO",
             statistics.median(bare_runs)),
        Line("keys", "a key in the password field (CPU, median)",
             ms(statistics.median(app_runs)), "", "INFO", statistics.median(app_runs),
             "with its live checklist, on the account screen"),
        Line("keys", "keystroke ratio app / bare, pair by pair", ratios.figure(), "<= 1.5x",
             verdict(ratios.median <= 1.5), ratios.median,
             f"{pairs} pairs; 90 keys each (type 15, erase 15, three times) after a warm-up "
             "round, each key handled to its last message, then its frame drawn"),
    ]


# --- engine calls ------------------------------------------------------------------------


def timed(call: Callable[[], object], count: int, warmup: int = 20) -> list[float]:
    for _ in range(warmup):
        call()
    samples: list[float] = []
    clock = time.perf_counter
    for _ in range(count):
        started = clock()
        call()
        samples.append(clock() - started)
    return samples


def latency_line(section: str, what: str, samples: list[float], limit_ms: float) -> Line:
    median, worst = statistics.median(samples), p99(samples)
    return Line(
        section, what, f"median {ms(median)}, p99 {ms(worst)}", f"p99 < {limit_ms:g} ms",
        verdict(worst * 1000 < limit_ms), worst, f"{len(samples)} calls",
    )


# PRODUCT.md, "Targets": an engine call (validate, identify, decide), p99 under 2 ms.
ENGINE_P99_MS = 2


def bench_engine(calls: int) -> list[Line]:
    from mes_sante_tui.core.engine import Choice, Identified
    from mes_sante_tui.core.models import CardModel
    from mes_sante_tui.core.nir import make_nir
    from mes_sante_tui.core.results import Refused
    from mes_sante_tui.core.services import open_services

    say(f"engine: {calls} calls of each, on a seeded file store")
    with temp_folder() as folder:
        path = seeded_store(folder)
        code, nir, model_text, serial = persona(path, "martine")
        model = CardModel(model_text)
        services = open_services(path)
        engine = services.engine
        os.sync()  # the seeding's writes are on disk: fsync latency of a store at rest
        try:
            session = engine.start_session()

            def identify() -> None:
                result = engine.identify_with_code(
                    session, code=code, nir=nir, model=model, serial=serial
                )
                assert isinstance(result, Identified), result

            unknown = make_nir(1, 85, 5, "75", "111", 987)
            assert services.store.person_by_nir(unknown) is None
            stranger = engine.start_session()

            def not_found() -> None:
                result = engine.identify_with_code(
                    stranger, code="AAAAAAAAAAAA", nir=unknown, model=CardModel.WITHOUT_PHOTO,
                    serial="123456789",
                )
                assert isinstance(result, Refused) and result.outcome == "not_found", result

            lines = [latency_line("engine", "identify_with_code, success", timed(identify, calls),
                                  ENGINE_P99_MS)]
            lines.append(latency_line("engine", "identify_with_code, not found",
                                      timed(not_found, calls), ENGINE_P99_MS))

            def decide() -> None:
                result = engine.decide(session, Choice.ACTIVATE, True)
                assert result.ok, result

            lines.append(latency_line("engine", "decide (activate, consent)",
                                      timed(decide, calls), ENGINE_P99_MS))

            def check_identifier() -> None:
                assert engine.check_identifier(session, "martine.l44") is None

            lines.append(latency_line("engine", "check_identifier (free)",
                                      timed(check_identifier, calls), ENGINE_P99_MS))

            def rules() -> None:
                engine.password_rules("Kayak#Loire2026")

            lines.append(
                latency_line("engine", "password_rules", timed(rules, calls), ENGINE_P99_MS)
            )
        finally:
            services.close()
    return lines


# --- a whole journey ---------------------------------------------------------------------


class Keyboard:
    """Types through Textual's pilot, in one of two ways.

    stock: `pilot.press()` for every key. Textual 8's pilot then waits for the process to be
        idle twice per key, each wait sleeping at least 20 ms (`textual._wait`), so every
        key costs >= 40 ms whatever the app does: the harness's floor, not the app's time.
    batched: the same `Key` events, posted to the app as the pilot does, and one
        `pilot.pause()` per field or button instead of per key: the app's own work.
    """

    def __init__(self, pilot: Any, *, batched: bool) -> None:
        self.pilot = pilot
        self.batched = batched
        self.keys = 0

    async def press(self, *keys: str) -> None:
        self.keys += len(keys)
        if not self.batched:
            await self.pilot.press(*keys)
            return
        from textual import events

        for key in keys:
            self.pilot.app.post_message(events.Key(key, _character(key)))
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        await self.press(*[_key_name(c) for c in text])

    async def focus(self, selector: str) -> None:
        """Go to a field or button (where a person would Tab to), then let focus settle."""
        self.pilot.app.screen.query_one(selector).focus()
        await self.pilot.pause()


def _key_name(char: str) -> str:
    """Textual's name for the key of a character ("#" is "number_sign")."""
    if char == " ":
        return "space"
    if char.isalnum():
        return char
    return unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")


def _character(key: str) -> str | None:
    if len(key) == 1:
        return key
    if key == "space":
        return " "
    try:
        return unicodedata.lookup(key.replace("_", " "))
    except KeyError:
        return None  # enter, tab, down...


async def _wait_for(pilot: Any, screen_type: type[Any], what: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not (isinstance(pilot.app.screen, screen_type) and pilot.app.screen.is_mounted):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} not reached (on {type(pilot.app.screen).__name__})")
        await pilot.pause(0.01)


async def _journey_once(
    path: Path, persona_data: tuple[str, str, str, str], *, batched: bool
) -> tuple[float, int]:
    """One code-first activation by keyboard: (seconds to the success screen, keys)."""
    from mes_sante_tui.app import make_app
    from mes_sante_tui.core.services import open_services
    from mes_sante_tui.core.settings import Settings
    from mes_sante_tui.screens import (
        AccountScreen,
        ContactsScreen,
        DecisionScreen,
        HomeScreen,
        IdentifyScreen,
        StartScreen,
        SuccessScreen,
    )

    code, nir, model, serial = persona_data
    settings = Settings()
    services = open_services(path, settings=settings)
    app = make_app(services=services, settings=settings)
    typed_serial = serial[10:] if model == "avec_photo" else serial
    try:
        started = time.perf_counter()
        async with app.run_test(size=SIZE) as pilot:
            keyboard = Keyboard(pilot, batched=batched)
            await _wait_for(pilot, HomeScreen, "home")
            await keyboard.press("enter")  # « Activer Mon espace santé »
            await _wait_for(pilot, StartScreen, "start")
            await keyboard.press("enter")  # « Commencer »
            await _wait_for(pilot, IdentifyScreen, "identify")
            await keyboard.focus("#code")
            await keyboard.type(code)
            await keyboard.focus("#nir")
            await keyboard.type(f"{nir[0]} {nir[1:3]} {nir[3:]}")
            await keyboard.focus("#model")
            if model == "avec_photo":
                await keyboard.press("down")
            await keyboard.press("enter")
            await keyboard.focus("#serial")
            await keyboard.type(typed_serial)
            await keyboard.press("enter")
            await _wait_for(pilot, DecisionScreen, "decision")
            await keyboard.focus("#choice")
            await keyboard.press("enter")  # « J'active Mon espace santé »
            await keyboard.focus("#consent")
            await keyboard.press("space")  # « J'accepte … »
            await keyboard.focus("#continue")
            await keyboard.press("enter")
            await _wait_for(pilot, ContactsScreen, "contacts")
            await keyboard.focus("#continue")
            await keyboard.press("enter")
            await _wait_for(pilot, AccountScreen, "account")
            await keyboard.focus("#identifier")
            await keyboard.type("martine.bench")
            await keyboard.focus("#password")
            await keyboard.type("Kayak#Loire2026")
            await keyboard.focus("#confirmation")
            await keyboard.type("Kayak#Loire2026")
            await keyboard.press("enter")
            await _wait_for(pilot, SuccessScreen, "success")
            elapsed = time.perf_counter() - started
    finally:
        services.close()
    return elapsed, keyboard.keys


async def _bare_keys(count: int) -> float:
    """The same number of `pilot.press()` keys into a bare app's Input: the harness floor."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Input, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Simulation : toutes les données sont fictives.")
            yield Input()
            yield Footer()

    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press(*("abcdefghij" * (count // 10 + 1))[:count])
        return time.perf_counter() - started


def bench_journey(runs: int, *, stock: bool = True) -> list[Line]:
    from mes_sante_tui.core import password

    hasher = password._the_hasher()  # the production cost, unless something lightened it
    say(f"journey: {runs} code-first activation(s) by keyboard each way, argon2id "
        f"t={hasher.time_cost} m={hasher.memory_cost} KiB p={hasher.parallelism}")
    results: dict[bool, list[float]] = {False: [], True: []}
    keys = 0
    with temp_folder() as folder:
        template = seeded_store(folder, "template.db")
        data = persona(template, "martine")
        for n in range(runs):
            for batched in (True, False) if stock else (True,):
                path = folder / f"journey{n}{'b' if batched else 's'}.db"
                shutil.copyfile(template, path)
                elapsed, keys = asyncio.run(_journey_once(path, data, batched=batched))
                results[batched].append(elapsed)
    floor = asyncio.run(_bare_keys(keys)) if stock else 0.0
    lines: list[Line] = []
    for batched, what, note in (
        (True, "activation by the pilot, one pause per field",
         "the app's own time; same Key events, pilot.pause() after each field"),
        (False, "activation by the pilot, pilot.press() per key",
         f"{keys} keys; a bare Textual app takes {floor:.2f} s for {keys} pilot.press() keys "
         f"({floor / keys * 1000:.0f} ms a key): the pilot's idle waits"),
    ):
        if not results[batched]:
            continue
        median = statistics.median(results[batched])
        lines.append(Line(
            "journey", what, f"{median:.2f} s", "< 3 s", verdict(median < 3), median,
            f"median of {runs}, max {max(results[batched]):.2f} s; {note}; "
            f"argon2id m={hasher.memory_cost} KiB",
        ))
    return lines


# --- store at scale ----------------------------------------------------------------------


def bench_scale(size: int, lookups: int) -> list[Line]:
    from mes_sante_tui.core.codes import CodeHasher
    from mes_sante_tui.core.engine import Identified
    from mes_sante_tui.core.models import CardModel
    from mes_sante_tui.core.population import generate_population, population_code
    from mes_sante_tui.core.results import Refused
    from mes_sante_tui.core.services import open_services
    from mes_sante_tui.core.vitale import PHOTO_PREFIX

    seed = 2026
    with temp_folder() as folder:
        services = open_services(seeded_store(folder))
        store, engine = services.store, services.engine
        try:
            say(f"scale: generating {size:,} people with their information codes")
            started = time.perf_counter()
            made = generate_population(
                store, size, seed=seed, clock=engine.clock,
                codes_hasher=CodeHasher(store.secret()),
            )
            generation = time.perf_counter() - started
            file_mb = sum(p.stat().st_size for p in folder.glob("bench.db*")) / 1e6
            lines = [Line(
                "scale", f"generate {made:,} people in process (with information codes)",
                f"{generation:.1f} s", "no target", "INFO", generation,
                f"{made / generation:,.0f} people/s; store {file_mb:,.0f} MB; the codes' "
                "hashes make it slower than `reset --taille`",
            )]

            bounds = store.query_one(
                "SELECT MIN(id) AS lo, MAX(id) AS hi FROM people WHERE persona_key IS NULL"
            )
            assert bounds is not None
            rng = random.Random(7)
            picked = rng.sample(range(int(bounds["lo"]), int(bounds["hi"]) + 1), 4 * lookups)

            def arguments(person_id: int) -> dict[str, Any]:
                person = store.person(person_id)
                holder = store.person(person.parent_id) if person.parent_id else person
                card = store.card_of(holder.id)
                assert card is not None
                typed = card.serial.removeprefix(PHOTO_PREFIX) \
                    if card.model is CardModel.WITH_PHOTO else card.serial
                return {"code": population_code(seed, person.nir), "nir": holder.nir,
                        "model": card.model, "serial": typed}

            right = [arguments(i) for i in picked[:lookups]]
            wrong = [dict(arguments(i), code="ZZZZZZZZZZZZ") for i in picked[lookups:2 * lookups]]
            os.sync()  # the store at rest: the generation's writes are on disk, not pending
            for i in picked[2 * lookups:2 * lookups + 200]:  # warm-up, other people
                engine.identify_with_code(engine.start_session(), **arguments(i))

            # The store's part alone: the reads of an identification, no journal write.
            hasher = CodeHasher(store.secret())
            reads: list[float] = []
            for case in right:
                begun = time.perf_counter()
                holder = store.person_by_nir(case["nir"])
                assert holder is not None
                card = store.card_of(holder.id)
                ids = [holder.id] + [c.id for c in store.children_of(holder.id)]
                rows = store.query(
                    "SELECT * FROM provisional_codes WHERE person_id IN "
                    f"({','.join('?' for _ in ids)}) ORDER BY id DESC", ids,
                )
                found = any(hasher.matches(case["code"], r["code_hash"]) for r in rows)
                reads.append(time.perf_counter() - begun)
                assert card is not None and found
            lines.append(latency_line(
                "scale", f"identify among {made:,}: store reads only", reads, 1
            ))
            say(f"scale: {lookups} identifications with the right code, {lookups} with a wrong one")
            for label, cases, expected in (
                ("engine, right code", right, Identified),
                ("engine, wrong code", wrong, Refused),
            ):
                samples: list[float] = []
                for case in cases:
                    session = engine.start_session()
                    begun = time.perf_counter()
                    result = engine.identify_with_code(session, **case)
                    samples.append(time.perf_counter() - begun)
                    assert isinstance(result, expected), result
                lines.append(latency_line(
                    "scale", f"identify among {made:,}: {label}", samples, 1
                ))
            # As a person's steps come: one after a pause, the processor's caches, SQLite's
            # and the disk no longer warm from the step before. Not the target's measure,
            # said beside it because this is what a counter sees.
            paced = [dict(arguments(i), code="ZZZZZZZZZZZZ")
                     for i in picked[3 * lookups:3 * lookups + lookups // 2]]
            samples = []
            for case in paced:
                session = engine.start_session()
                time.sleep(PACE_SECONDS)
                begun = time.perf_counter()
                result = engine.identify_with_code(session, **case)
                samples.append(time.perf_counter() - begun)
                assert isinstance(result, Refused), result
            worst = p99(samples)
            pause = f"{PACE_SECONDS * 1000:.0f} ms"
            lines.append(Line(
                "scale", f"identify among {made:,}: wrong code, one every {pause}",
                f"median {ms(statistics.median(samples))}, p99 {ms(worst)}", "no target", "INFO",
                worst, f"{len(samples)} calls, each after a pause: what a person's step costs "
                "once the machine's caches have cooled; the target's line above is back to back",
            ))
            syncs = disk_syncs(folder, lookups)
            lines.append(Line(
                "scale", "the disk alone: one fdatasync of 8 KiB written over",
                f"median {ms(statistics.median(syncs))}, p99 {ms(p99(syncs))}", "no target",
                "INFO", p99(syncs),
                f"{lookups} syncs in the store's folder, right after: a wrong code's step "
                "waits for one (synchronous=FULL), so its p99 is the floor of that step's",
            ))
            idle = timed(engine.catch_up, 200)
            lines.append(latency_line("scale", f"status catch-up among {made:,}, nothing due",
                                      idle, 2))
        finally:
            services.close()
    return lines


PACE_SECONDS = 0.01  # between two paced identifications


def disk_syncs(folder: Path, count: int) -> list[float]:
    """Seconds of each of `count` fdatasync calls after writing 8 KiB over a file's start
    (about what a step's commit adds to the WAL, which is written over once it restarts)."""
    path = folder / "sync-probe"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        os.write(fd, bytes(1 << 20))
        os.fsync(fd)
        samples: list[float] = []
        for i in range(count):
            os.pwrite(fd, os.urandom(8192), (i % 64) * 8192)
            begun = time.perf_counter()
            os.fdatasync(fd)
            samples.append(time.perf_counter() - begun)
        return samples
    finally:
        os.close(fd)
        path.unlink()


def bench_cli_scale(size: int) -> list[Line]:
    """`reset --taille N` then `clock +6w`, as a trainer types them, each in its own process:
    wall time and that process's peak RSS (from wait4)."""
    lines: list[Line] = []
    with temp_folder() as folder:
        db = folder / "cli.db"
        base = [sys.executable, "-m", "mes_sante_tui", "--db", str(db)]
        say(f"scale: `reset --taille {size}` then `clock +6w`, each in a fresh process")
        seeded = run_measured([*base, "--json", "reset", "--oui", "--taille", str(size)])
        if seeded.returncode != 0:
            raise RuntimeError(f"reset failed: {seeded.stderr.strip()[-300:]}")
        limit = 20 * size / 1_000_000
        lines.append(Line(
            "scale", f"reset --taille {size:,} (command line)", f"{seeded.seconds:.1f} s",
            f"< {limit:g} s" + ("" if size == 1_000_000 else " (pro rata of 20 s for 1M)"),
            verdict(seeded.seconds < limit), seeded.seconds,
            f"peak RSS {seeded.peak_mb:.0f} MB, CPU {seeded.cpu:.1f} s; the personas seeded too",
        ))
        moved = run_measured([*base, "--json", "clock", "+6w"])
        if moved.returncode != 0:
            raise RuntimeError(f"clock failed: {moved.stderr.strip()[-300:]}")
        created = int(json.loads(moved.stdout)["created"])
        limit = 30 * size / 1_000_000
        lines.append(Line(
            "scale", f"clock +6w: {created:,} profiles created, with their messages",
            f"{moved.seconds:.1f} s",
            f"< {limit:g} s" + ("" if size == 1_000_000 else " (pro rata of 30 s for 1M)"),
            verdict(moved.seconds < limit), moved.seconds,
            f"CPU {moved.cpu:.1f} s; {created / moved.seconds:,.0f} profiles/s",
        ))
        lines.append(Line(
            "scale", "clock +6w: peak RSS of the process", f"{moved.peak_mb:.0f} MB", "< 200 MB",
            verdict(moved.peak_mb < 200), moved.peak_mb,
        ))
    return lines


# --- memory, and the certificate as the person gets it ---------------------------------

_JOURNEY_CHILD = r"""
import asyncio, json, sys, time
sys.path[:0] = [sys.argv[3] + "/tests", sys.argv[3] + "/tests/ui"]
import drive
from mes_sante_tui.app import make_app
from mes_sante_tui.core.services import open_services
from mes_sante_tui.core.settings import Settings

journey, db = sys.argv[1], sys.argv[2]


def status():
    with open("/proc/self/status") as f:
        fields = dict(line.split(":", 1) for line in f)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


async def main():
    settings = Settings()
    services = open_services(db, settings=settings)
    app = make_app(services=services, settings=settings)
    out = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        out["home_mb"] = status()[0]
        if journey == "activation":
            await drive.to_success(pilot, services)
            assert type(app.screen).__name__ == "SuccessScreen", app.screen
        else:
            await drive.to_opposition_confirm(pilot, services)
            time.sleep(float(sys.argv[4]))  # the person reads the confirmation
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert type(screen).__name__ == "OppositionDoneScreen", screen
            started = time.perf_counter()
            screen.download()
            out["certificate_s"] = time.perf_counter() - started
            assert screen.certificate_saved
        await pilot.pause()
        out["end_mb"], out["peak_mb"] = status()
        out["fpdf"] = "fpdf" in sys.modules
        out["argon2"] = "argon2" in sys.modules
    print(json.dumps(out))


asyncio.run(main())
"""


def _journey_child(
    journey: str, db: Path, env: dict[str, str], read_s: float = 0
) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _JOURNEY_CHILD, journey, str(db), str(REPO), str(read_s)],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=300, check=False,
    )
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise RuntimeError(f"{journey} child failed: {tail}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def bench_memory(*, rushed: bool = True) -> list[Line]:
    say("memory: peak RSS of the app over an activation (argon2id at its production cost) and "
        "over an opposition with its certificate, fresh processes")
    lines: list[Line] = []
    with temp_folder() as folder:
        env = child_env(folder / "pycache")
        env["HOME"] = str(folder)  # the certificate's default folder
        env.pop("XDG_DOCUMENTS_DIR", None)
        # Warm-up, as for the start-up and the keys: a first run compiles every module's
        # bytecode into the fresh cache, which costs that run about 5 MB of peak RSS that an
        # installed package (its bytecode compiled at install) never pays.
        warm = folder / "warm-up.db"
        seeded_store_at(warm)
        _journey_child("activation", warm, env)
        runs: dict[str, dict[str, Any]] = {}
        plan = [("activation", 0.0), ("opposition", 1.0)]
        plan += [("opposition", 0.0)] if rushed else []
        for journey, read_s in plan:
            db = folder / f"{journey}{read_s}.db"
            seeded_store_at(db)
            runs[f"{journey}{read_s}"] = _journey_child(journey, db, env, read_s)
    peak = max(r["peak_mb"] for r in runs.values())
    for key, what in (("activation0.0", "activation"), ("opposition1.0", "opposition")):
        r = runs[key]
        lines.append(Line(
            "memory", f"peak RSS over an {what}", f"{r['peak_mb']:.1f} MB", "< 80 MB",
            verdict(r["peak_mb"] < 80), r["peak_mb"],
            f"home {r['home_mb']:.1f} MB, at the end {r['end_mb']:.1f} MB; fpdf in the process: "
            f"{'yes' if r['fpdf'] else 'no'}",
        ))
    lines.append(Line("memory", "highest peak of every journey measured", f"{peak:.1f} MB",
                      "< 80 MB", verdict(peak < 80), peak))
    read = runs["opposition1.0"]
    lines.append(Line(
        "pdf", "certificate for the person, after reading the confirmation (1 s)",
        ms(read["certificate_s"]), "< 150 ms", verdict(read["certificate_s"] < 0.150),
        read["certificate_s"], "from « Télécharger » to both files saved, first time in the app",
    ))
    if not rushed:
        return lines
    hurried = runs["opposition0.0"]
    lines.append(Line(
        "pdf", "certificate for the person, confirmation not read at all",
        ms(hurried["certificate_s"]), "no target", "INFO", hurried["certificate_s"],
        "« Continuer » then « Télécharger » at once: what is left of the preparation shows",
    ))
    return lines


def seeded_store_at(path: Path) -> Path:
    from mes_sante_tui.core.services import open_services

    open_services(path).close()
    return path


# --- PDF certificate ---------------------------------------------------------------------

_PDF_CHILD = r"""
import datetime, json, statistics, sys, time
from mes_sante_tui.core.models import Person, ProfileStatus
from mes_sante_tui.core import certificate

preload = 0.0
if sys.argv[1] == "preload":
    started = time.perf_counter()
    certificate.preload_pdf_engine()
    preload = time.perf_counter() - started

day = datetime.date(2026, 11, 22)
person = Person(
    id=1, household_id=1, nir="273034410903823", first_name="Martine", last_name="Le Guellec",
    birth_date=datetime.date(1973, 3, 10), email=None, mobile=None,
    status=ProfileStatus.OPPOSED, status_date=day,
)
started = time.perf_counter()
first = certificate.opposition_certificate(person, day)
first_s = time.perf_counter() - started
warm = []
for _ in range(20):
    started = time.perf_counter()
    certificate.opposition_certificate(person, day)
    warm.append(time.perf_counter() - started)
print(json.dumps({
    "first": first_s, "warm": statistics.median(warm), "preload": preload,
    "bytes": len(first.pdf),
    "is_pdf": first.pdf.startswith(b"%PDF"), "text": bool(first.text.strip()),
}))
"""


def bench_pdf() -> list[Line]:
    try:
        importlib.import_module("mes_sante_tui.core.certificate")
    except Exception as exc:  # any failure means "not there yet"
        return [Line("pdf", "opposition certificate", "not yet available", "< 150 ms", "SKIP",
                     note=f"{type(exc).__name__}: {exc}")]
    say("pdf: first and warm certificates, in fresh processes")
    modes = ["cold"]
    module = importlib.import_module("mes_sante_tui.core.certificate")
    if hasattr(module, "preload_pdf_engine"):
        modes.append("preload")
    results: dict[str, dict[str, Any]] = {}
    with temp_folder() as folder:
        for mode in ["cold", *modes]:  # the first run only writes the bytecode caches
            done = subprocess.run(
                [sys.executable, "-c", _PDF_CHILD, mode], capture_output=True, text=True,
                env=child_env(folder / "pycache"), cwd=REPO, timeout=120, check=False,
            )
            if done.returncode != 0:
                tail = (done.stderr.strip().splitlines() or ["?"])[-1]
                return [Line("pdf", "opposition certificate", "error", "< 150 ms", "FAIL",
                             note=tail)]
            results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    cold = results["cold"]
    shape = f"{cold['bytes']:,} bytes, %PDF: {cold['is_pdf']}, plain text: {cold['text']}"
    lines = [Line(
        "pdf", "certificate, first call in a fresh process", ms(cold["first"]), "< 150 ms",
        verdict(cold["first"] < 0.150), cold["first"],
        f"includes importing fpdf2/fontTools and loading the font; {shape}",
    )]
    if "preload" in results:
        warmed = results["preload"]
        lines.append(Line(
            "pdf", "certificate, first call after preload_pdf_engine()", ms(warmed["first"]),
            "< 150 ms", verdict(warmed["first"] < 0.150), warmed["first"],
            f"the preload itself took {ms(warmed['preload'])} (meant for a worker thread)",
        ))
    lines.append(Line(
        "pdf", "certificate, warm call (median of 20)", ms(cold["warm"]), "< 150 ms",
        verdict(cold["warm"] < 0.150), cold["warm"],
    ))
    return lines


# --- the table ---------------------------------------------------------------------------


def environment() -> dict[str, str]:
    import textual

    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "textual": getattr(textual, "__version__", "?"),
        "cpus": str(os.cpu_count()),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "platform": platform.platform(),
        "temp": tempfile.gettempdir(),
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
    }


def table(lines: Sequence[Line]) -> str:
    headers = ("section", "what", "figure", "target", "result")
    rows = [(x.section, x.what, x.figure, x.target, x.result) for x in lines]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def fmt(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [fmt(headers), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows]
    notes = [f"  {x.section} / {x.what}: {x.note}" for x in lines if x.note]
    if notes:
        out += ["", "notes:"] + notes
    return "\n".join(out)


def load_note() -> tuple[float, str]:
    """The 1-minute load average against the CPUs, and a warning when it is high."""
    load, cpus = os.getloadavg()[0], os.cpu_count() or 1
    return load, (f"load {load:.2f} on {cpus} CPUs" + (" (LOADED)" if load > 0.5 * cpus else ""))


def _growth_key(line: Line) -> str:
    # "engine, ...": the back-to-back lines, not the paced one beside them.
    for word, key in (("engine, right code", "right"), ("engine, wrong code", "wrong"),
                      ("peak RSS", "peak"), ("reset", "reset"), ("clock", "clock")):
        if word in line.what:
            return key
    return line.what


def _growth_cell(line: Line | None, key: str) -> str:
    if line is None or line.value is None:
        return "?"
    if key in ("right", "wrong"):
        return f"{line.value * 1000:.2f} ms"
    if key == "peak":
        return f"{line.value:.0f} MB"
    return f"{line.value:.1f} s"


def growth(sizes: Sequence[int]) -> str:
    """How each cost grows with the population: a Markdown table for bench/README.md."""
    keys = ("reset", "right", "wrong", "clock", "peak")
    out = [
        "| people | `reset --taille` | identify p99, right code | identify p99, wrong code "
        "| `clock +6w` | its peak RSS | load at the end |",
        "| " + " | ".join(["---"] * 7) + " |",
    ]
    for size in sizes:
        lines = bench_scale(size, 1000) + bench_cli_scale(size)
        by = {_growth_key(x): x for x in lines}
        cells = " | ".join(_growth_cell(by.get(k), k) for k in keys)
        out.append(f"| {size:,} | {cells} | {load_note()[1]} |")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer runs, 50,000 people")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only these")
    parser.add_argument("--size", type=int, help="people generated for 'scale'")
    parser.add_argument("--growth", metavar="N,N,...",
                        help="only the store's costs at these sizes, as a Markdown table")
    args = parser.parse_args(argv)
    if args.growth:
        print(growth([int(x) for x in args.growth.split(",")]))
        return 0
    quick: bool = args.quick
    size: int = args.size or (50_000 if quick else 1_000_000)
    chosen = args.only or list(SECTIONS)
    load_before = os.getloadavg()[0]
    runners: dict[str, Callable[[], list[Line]]] = {
        "startup": lambda: bench_startup(3 if quick else 9),
        "keys": lambda: bench_keys(2 if quick else 5, warm_up=not quick),
        "engine": lambda: bench_engine(300 if quick else 1000),
        "journey": lambda: bench_journey(1 if quick else 3, stock=not quick),
        "scale": lambda: bench_scale(size, 500 if quick else 1000) + bench_cli_scale(size),
        "memory": lambda: bench_memory(rushed=not quick),
        "pdf": bench_pdf,
    }
    lines: list[Line] = []
    loads: list[str] = []
    for name in SECTIONS:
        if name not in chosen:
            continue
        try:
            lines += runners[name]()
        except Exception as exc:  # one broken section must not hide the rest
            lines.append(Line(name, "(section failed)", "error", "", "FAIL",
                              note=f"{type(exc).__name__}: {exc}"))
        loads.append(f"{name}: {load_note()[1]}")
    cpus = os.cpu_count() or 1
    highest = max([load_before] + [float(x.split("load ")[1].split()[0]) for x in loads])
    warning = (
        f"WARNING: the machine was loaded (load average up to {highest:.2f} on {cpus} CPUs; "
        f"{load_before:.2f} at the start). Other processes shared the CPUs and the disk: "
        "absolute times and p99 latencies are pessimistic; the ratios, measured pair by pair, "
        "hold better. Run again on a quiet machine for the absolute targets."
    ) if highest > 0.5 * cpus else ""
    if args.json:
        print(json.dumps({"environment": environment(), "quick": quick, "warning": warning,
                          "loads": loads, "lines": [asdict(x) for x in lines]},
                         ensure_ascii=False, indent=2))
    else:
        env = environment()
        print(f"mes_sante_tui benchmarks ({'quick' if quick else 'full'}) - Python "
              f"{env['python']}, SQLite {env['sqlite']}, Textual {env['textual']}, "
              f"{env['cpus']} CPUs (load {env['load']}), {env['date']}")
        if warning:
            print(warning)
        print()
        print(table(lines))
        print("\nload after each section: " + "; ".join(loads))
    return 0  # printed, not asserted: a FAIL is a figure to look at, not an error


if __name__ == "__main__":
    sys.exit(main())
