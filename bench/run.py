"""Benchmarks of mes_sante_tui against the "Targets" table of PRODUCT.md.

    python bench/run.py            # everything, 1,000,000 generated people (a few minutes)
    python bench/run.py --quick    # fewer runs, 100,000 people (under a minute)
    python bench/run.py --json     # the same figures as JSON, for scripts
    python bench/run.py --only startup --only memory

Figures are printed with PASS or FAIL against each target, never asserted: this is a
script, not a test, and timings depend on the machine.

How each figure is measured
---------------------------
start-up      Wall time from just before the parent spawns a fresh interpreter
              (`python -c ...`) to the moment the first screen is mounted, read from
              `time.monotonic()`, which on Linux is one system-wide clock shared by both
              processes. It therefore includes the interpreter's own start, every import,
              opening the store and building the app. The app (`make_app` over a seeded
              store, until its HomeScreen is mounted) and a bare Textual app with the same
              few widgets (a Static notice, a Static title, a Button, a Footer, until its
              screen is mounted) run the same way, both under `App.run_test()`, alternately,
              after one discarded warm-up each; the median of N runs each. Children write
              their bytecode caches to a temporary PYTHONPYCACHEPREFIX (even when
              PYTHONDONTWRITEBYTECODE is set), as an installed package would have them.
              Target: app / bare <= 1.2.
engine        Median and p99 of >= 500 calls each on a seeded store in a temporary file
              (WAL, synchronous=FULL, as in production; `os.sync()` first, so that fsync
              latency is that of a store at rest), through the Engine: identify (success,
              not found), decide, check_identifier, password_rules. None of them hashes a
              password. Target: p99 < 5 ms.
journey       One code-first activation by keyboard under Textual's pilot, from
              `run_test()` entry (the app mounting) to the success screen, argon2id at its
              production cost (what a person waits for), two ways (see `Keyboard`): one
              pilot pause per field (the app's own time), and `pilot.press()` per key, whose
              floor is measured on a bare app with the same number of keys. Target < 3 s.
scale         `generate_population` of 1,000,000 people (100,000 with --quick) into a
              seeded temporary file store, in one transaction, WITH an information code
              for each person (more work than `reset --taille`, which gives none), so that
              identification can be measured on its success path. Then, store at rest
              (`os.sync()`, 200 identifications of others as a warm-up), 1,000 random
              generated people identify: the store's reads alone (NIR, card,
              children, code rows and their HMAC), and `Engine.identify_with_code` with the
              right code (success path, journal written) and, for 1,000 others, a wrong code
              (failure counted, "not found"). Targets: generation < 120 s for 1M (pro rata
              for other sizes); p99 < 2 ms.
memory        VmRSS from /proc/self/status of a fresh process running the app under
              `run_test()` once it shows the « Je m'identifie » screen. Target < 80 MB.
pdf           If `mes_sante_tui.core.certificate` imports ("not yet available" otherwise):
              in fresh processes, the first `opposition_certificate()` call (imports fpdf2
              and fontTools, loads the font), the first call after `preload_pdf_engine()`
              (what a person waits for when the app preloads in a worker), and the median
              of 20 warm calls. Target < 150 ms.
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
SECTIONS = ("startup", "engine", "journey", "scale", "memory", "pdf")


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


# --- start-up ----------------------------------------------------------------------------

_STARTUP_CHILD = r"""
import asyncio, sys, time

mode, db = sys.argv[1], sys.argv[2]


def rss_kib():
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


async def main():
    if mode == "bare":
        from textual.app import App
        from textual.widgets import Button, Footer, Static

        class Bare(App):
            def compose(self):
                yield Static("Simulation : toutes les données sont fictives.")
                yield Static("Mon espace santé")
                yield Button("Activer Mon espace santé", variant="primary")
                yield Footer()

        app = Bare()
        ready = lambda: app.screen.is_mounted and app.screen.query("Footer")
    else:
        from mes_sante_tui.app import make_app
        from mes_sante_tui.core.services import open_services
        from mes_sante_tui.core.settings import Settings
        from mes_sante_tui.screens import HomeScreen, IdentifyScreen

        settings = Settings()
        app = make_app(services=open_services(db, settings=settings), settings=settings)
        ready = lambda: isinstance(app.screen, HomeScreen) and app.screen.is_mounted
    async with app.run_test(size=(120, 40)) as pilot:
        while not ready():
            await pilot.pause()
        at = time.monotonic()
        if mode == "memory":
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            for _ in range(100):
                if isinstance(app.screen, IdentifyScreen) and app.screen.is_mounted:
                    break
                await pilot.pause(0.01)
            else:
                raise SystemExit("identify screen not reached: " + type(app.screen).__name__)
            await pilot.pause(0.2)
        rss, hwm = rss_kib()
        print("READY", at, len(sys.modules), int("fpdf" in sys.modules), rss, hwm, flush=True)


asyncio.run(main())
"""


@dataclass
class ChildRun:
    seconds: float
    modules: int
    fpdf: bool
    rss_kib: int
    hwm_kib: int


def run_child(mode: str, db: Path) -> ChildRun:
    """One fresh interpreter; bytecode caches beside the store (see `child_env`)."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _STARTUP_CHILD, mode, str(db)],
        capture_output=True, text=True, env=child_env(db.parent / "pycache"), cwd=REPO,
        timeout=120, check=False,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("READY ")), None)
    if done.returncode != 0 or line is None:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise RuntimeError(f"{mode} child failed ({done.returncode}): {tail}")
    _, at, modules, fpdf, rss, hwm = line.split()
    return ChildRun(float(at) - started, int(modules), fpdf == "1", int(rss), int(hwm))


def bench_startup(runs: int) -> list[Line]:
    with temp_folder() as folder:
        db = seeded_store(folder)
        say(f"start-up: {runs} runs each of the app and of a bare Textual app")
        # Warm-up, not counted: writes the bytecode caches of both, fills the disk cache.
        run_child("app", db), run_child("bare", db)
        app_runs: list[ChildRun] = []
        bare_runs: list[ChildRun] = []
        for _ in range(runs):
            app_runs.append(run_child("app", db))
            bare_runs.append(run_child("bare", db))
    app_s = statistics.median(r.seconds for r in app_runs)
    bare_s = statistics.median(r.seconds for r in bare_runs)
    ratio = app_s / bare_s
    fpdf = any(r.fpdf for r in app_runs)
    return [
        Line("startup", "bare Textual app to first screen (median)", ms(bare_s), "reference",
             "INFO", bare_s, f"{bare_runs[0].modules} modules loaded"),
        Line("startup", "mes_sante_tui to HomeScreen (median)", ms(app_s), "", "INFO", app_s,
             f"{app_runs[0].modules} modules loaded; PDF library loaded: "
             f"{'yes' if fpdf else 'no'}"),
        Line("startup", "start-up ratio app / bare", f"{ratio:.2f}x", "<= 1.2x",
             verdict(ratio <= 1.2), ratio, f"{runs} runs each, fresh processes"),
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
                                  5)]
            lines.append(latency_line("engine", "identify_with_code, not found",
                                      timed(not_found, calls), 5))

            def decide() -> None:
                result = engine.decide(session, Choice.ACTIVATE, True)
                assert result.ok, result

            lines.append(latency_line("engine", "decide (activate, consent)",
                                      timed(decide, calls), 5))

            def check_identifier() -> None:
                assert engine.check_identifier(session, "martine.l44") is None

            lines.append(latency_line("engine", "check_identifier (free)",
                                      timed(check_identifier, calls), 5))

            def rules() -> None:
                engine.password_rules("Kayak#Loire2026")

            lines.append(latency_line("engine", "password_rules", timed(rules, calls), 5))
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


def bench_journey(runs: int) -> list[Line]:
    from mes_sante_tui.core import password

    hasher = password._hasher  # the production cost, unless something lightened it
    say(f"journey: {runs} code-first activation(s) by keyboard each way, argon2id "
        f"t={hasher.time_cost} m={hasher.memory_cost} KiB p={hasher.parallelism}")
    results: dict[bool, list[float]] = {False: [], True: []}
    keys = 0
    with temp_folder() as folder:
        template = seeded_store(folder, "template.db")
        data = persona(template, "martine")
        for n in range(runs):
            for batched in (True, False):
                path = folder / f"journey{n}{'b' if batched else 's'}.db"
                shutil.copyfile(template, path)
                elapsed, keys = asyncio.run(_journey_once(path, data, batched=batched))
                results[batched].append(elapsed)
    floor = asyncio.run(_bare_keys(keys))
    lines: list[Line] = []
    for batched, what, note in (
        (True, "activation by the pilot, one pause per field",
         "the app's own time; same Key events, pilot.pause() after each field"),
        (False, "activation by the pilot, pilot.press() per key",
         f"{keys} keys; a bare Textual app takes {floor:.2f} s for {keys} pilot.press() keys "
         f"({floor / keys * 1000:.0f} ms a key): the pilot's idle waits"),
    ):
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
            limit = 120 * size / 1_000_000
            lines = [Line(
                "scale", f"generate {made:,} people (one transaction, with codes)",
                f"{generation:.1f} s", f"< {limit:g} s" + ("" if size == 1_000_000 else
                                                          " (pro rata of 120 s for 1M)"),
                verdict(generation < limit), generation,
                f"{made / generation:,.0f} people/s; store {file_mb:,.0f} MB",
            )]

            bounds = store.query_one(
                "SELECT MIN(id) AS lo, MAX(id) AS hi FROM people WHERE persona_key IS NULL"
            )
            assert bounds is not None
            rng = random.Random(7)
            picked = rng.sample(range(int(bounds["lo"]), int(bounds["hi"]) + 1), 3 * lookups)

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
                "scale", f"identify among {made:,}: store reads only", reads, 2
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
                    "scale", f"identify among {made:,}: {label}", samples, 2
                ))
            # Last, as it changes every status: the trainer's `clock +6w` over the population.
            idle = timed(engine.catch_up, 200)
            lines.append(latency_line("scale", f"status catch-up among {made:,}, nothing due",
                                      idle, 2))
            say("scale: moving the simulated clock six weeks ahead")
            begun = time.perf_counter()
            changes = engine.move_clock(datetime.timedelta(weeks=6))
            moved = time.perf_counter() - begun
            lines.append(Line(
                "scale", f"clock +6w: {changes.created:,} profiles created, with their e-mails",
                f"{moved:.1f} s", "no target", "INFO", moved,
                f"{changes.created / moved:,.0f} profiles/s",
            ))
        finally:
            services.close()
    return lines


# --- memory ------------------------------------------------------------------------------


def bench_memory() -> list[Line]:
    say("memory: the app on « Je m'identifie », in a fresh process")
    with temp_folder() as folder:
        db = seeded_store(folder)
        run_child("memory", db)  # warm-up: bytecode caches
        app_run = run_child("memory", db)
        bare_run = run_child("bare", db)
    rss_mb = app_run.rss_kib / 1024
    return [Line(
        "memory", "RSS of the app on the identify screen", f"{rss_mb:.1f} MB", "< 80 MB",
        verdict(rss_mb < 80), rss_mb,
        f"peak {app_run.hwm_kib / 1024:.1f} MB; bare Textual app {bare_run.rss_kib / 1024:.1f} MB",
    )]


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer runs, 100,000 people")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only these")
    parser.add_argument("--size", type=int, help="people generated for 'scale'")
    args = parser.parse_args(argv)
    quick: bool = args.quick
    size: int = args.size or (100_000 if quick else 1_000_000)
    chosen = args.only or list(SECTIONS)
    load_before = os.getloadavg()[0]
    runners: dict[str, Callable[[], list[Line]]] = {
        "startup": lambda: bench_startup(3 if quick else 9),
        "engine": lambda: bench_engine(500 if quick else 1000),
        "journey": lambda: bench_journey(1 if quick else 3),
        "scale": lambda: bench_scale(size, 1000),
        "memory": bench_memory,
        "pdf": bench_pdf,
    }
    lines: list[Line] = []
    for name in SECTIONS:
        if name not in chosen:
            continue
        try:
            lines += runners[name]()
        except Exception as exc:  # one broken section must not hide the rest
            lines.append(Line(name, "(section failed)", "error", "", "FAIL",
                              note=f"{type(exc).__name__}: {exc}"))
    busy = max(load_before, os.getloadavg()[0]) > 0.5 * (os.cpu_count() or 1)
    warning = (
        f"warning: load average {load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at "
        "the end: other processes shared the CPUs and the disk, so p99 latencies and "
        "start-up times are pessimistic; run again on a quiet machine."
    ) if busy else ""
    if args.json:
        print(json.dumps({"environment": environment(), "quick": quick, "warning": warning,
                          "lines": [asdict(x) for x in lines]}, ensure_ascii=False, indent=2))
    else:
        env = environment()
        print(f"mes_sante_tui benchmarks ({'quick' if quick else 'full'}) - Python "
              f"{env['python']}, SQLite {env['sqlite']}, Textual {env['textual']}, "
              f"{env['cpus']} CPUs (load {env['load']}), {env['date']}")
        if warning:
            print(warning)
        print()
        print(table(lines))
    return 0  # printed, not asserted: a FAIL is a figure to look at, not an error


if __name__ == "__main__":
    sys.exit(main())
