"""The simulated clock kept in the store: its offset, moving it (forward only), the shifts a
trainer types, and `mes-sante-tui clock` (PRODUCT.md, "Trainer features": move the simulated
clock; "Command line")."""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.synchronize
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW
from hypothesis import given
from hypothesis import strategies as st

from mes_sante_tui import cli
from mes_sante_tui.core.clock import (
    _UNITS,
    MAX_SHIFT,
    OFFSET_KEY,
    ManualClock,
    ShiftError,
    ShiftProblem,
    StoreClock,
    SystemClock,
    move_offset,
    parse_shift,
    read_shift,
)
from mes_sante_tui.core.lifecycle import AUTOMATIC_CREATION
from mes_sante_tui.core.personas import load_personas
from mes_sante_tui.core.results import DomainError
from mes_sante_tui.core.services import ENV_DB, Services
from mes_sante_tui.core.store import Store
from mes_sante_tui.wording import t

SIX_WEEKS = int(timedelta(weeks=6).total_seconds())
MARTINE_NIR = "273034410903823"


def created_within(days: int) -> int:
    """Personas that six weeks plus `days` after seeding are created automatically."""
    return sum(
        1
        for household in load_personas()["households"]
        for m in household["members"]
        if m.get("status", "en_attente") == "en_attente"
        and "code" in m
        and not m.get("deceased")
        and not m.get("not_activable_reason")
        and timedelta(days=m.get("information_days_ago", 0) + days) >= AUTOMATIC_CREATION
    )


# --- StoreClock -----------------------------------------------------------------------------


def test_the_store_clock_is_its_base_moved_by_the_stored_offset() -> None:
    store = Store(":memory:")
    simulated = StoreClock(store, base=ManualClock(NOW))
    assert simulated.offset == timedelta(0) and simulated.now() == NOW
    store.set_meta(OFFSET_KEY, "5400")
    assert simulated.offset == timedelta(minutes=90)
    assert simulated.now() == NOW + timedelta(minutes=90)
    store.close()


def test_the_store_clock_runs_on_the_system_clock_by_default() -> None:
    store = Store(":memory:")
    assert isinstance(StoreClock(store).base, SystemClock)
    store.close()


def test_moving_the_clock_adds_up_in_the_store(services: Services) -> None:
    engine = services.engine
    engine.move_clock(timedelta(hours=2))
    engine.move_clock(timedelta(minutes=30))
    assert services.store.meta(OFFSET_KEY) == str(2 * 3600 + 1800)
    assert engine.clock.now() == NOW + timedelta(hours=2, minutes=30)


def test_moving_the_clock_carries_out_what_became_due(services: Services) -> None:
    changes = services.engine.move_clock(timedelta(weeks=6))
    # Those informed more than six weeks ago were created when the store was seeded.
    assert changes.created == created_within(42) - created_within(0) and changes.deleted == 0
    martine = services.store.person_by_nir(MARTINE_NIR)
    assert martine is not None and martine.status.value == "cree"


@pytest.mark.parametrize("delta", [timedelta(0), timedelta(seconds=-1), timedelta(weeks=-6)])
def test_the_clock_never_goes_back(services: Services, delta: timedelta) -> None:
    with pytest.raises(ValueError):
        services.engine.move_clock(delta)
    assert services.store.meta(OFFSET_KEY) is None
    assert services.engine.clock.now() == NOW


# --- parse_shift -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+6w", timedelta(weeks=6)),
        ("+3d", timedelta(days=3)),
        ("+2h", timedelta(hours=2)),
        ("+90m", timedelta(minutes=90)),
        ("+2sem", timedelta(weeks=2)),
        ("+3j", timedelta(days=3)),
        ("+15min", timedelta(minutes=15)),
        (" + 6 W ", timedelta(weeks=6)),
        ("+6SEM", timedelta(weeks=6)),
        ("+000001d", timedelta(days=1)),
        ("+999999m", timedelta(minutes=999_999)),
        ("+1234567m", timedelta(minutes=1_234_567)),  # 857 days: within the maximum
        ("+36500d", MAX_SHIFT),
    ],
)
def test_accepted_shifts(text: str, expected: timedelta) -> None:
    assert parse_shift(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "+",
        "6w",  # no sign
        "-1d",  # backwards
        "+0d",  # zero
        "+000h",
        "+w",  # no number
        "+6",  # no unit
        "+1y",  # unknown unit
        "+1.5h",
        "+1d2h",
        "+36501d",  # beyond the maximum
        "+999999w",
        "+99999999999999999999999w",
        "++6w",
        "+²d",  # not ASCII digits: int() would raise on "²"
        "+６w",
        "+٣d",
    ],
)
def test_refused_shifts(text: str) -> None:
    assert parse_shift(text) is None


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(sorted(_UNITS)))
def test_shift_round_trip(amount: int, unit: str) -> None:
    wanted = timedelta(**{_UNITS[unit]: amount})
    expected = wanted if wanted <= MAX_SHIFT else None  # beyond a century: refused
    assert parse_shift(f"+{amount}{unit}") == expected
    assert parse_shift(f" +{amount} {unit.upper()} ") == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("-1w", ShiftProblem.BACKWARDS),
        ("-6", ShiftProblem.BACKWARDS),
        ("\u22123d", ShiftProblem.BACKWARDS),
        ("+0d", ShiftProblem.BACKWARDS),
        ("+999999w", ShiftProblem.TOO_FAR),
        ("+36501d", ShiftProblem.TOO_FAR),
        ("+9999999999999999999999999w", ShiftProblem.TOO_FAR),
        ("6w", ShiftProblem.INVALID),
        ("+1y", ShiftProblem.INVALID),
    ],
)
def test_a_refused_shift_says_why(text: str, problem: ShiftProblem) -> None:
    with pytest.raises(ShiftError) as refused:
        read_shift(text)
    assert refused.value.problem is problem


@given(st.text(max_size=12))
def test_any_text_is_a_forward_shift_or_none(text: str) -> None:
    shift = parse_shift(text)
    assert shift is None or shift > timedelta(0)


# --- mes-sante-tui clock ---------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(ENV_DB, raising=False)
    return tmp_path / "clock.db"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


def near(moment: str, expected: datetime) -> bool:
    return abs(datetime.fromisoformat(moment) - expected) < timedelta(minutes=1)


def test_clock_shows_the_simulated_time_as_json(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    shown = run_json(capsys, "--db", str(db), "clock")
    assert near(shown["now"], datetime.now())
    # Nathalie, informed 50 days ago, was created when the store was seeded: nothing is due.
    assert (shown["offset_seconds"], shown["moved_seconds"]) == (0, 0)
    assert created_within(0) == 1
    assert (shown["created"], shown["deleted"]) == (0, 0)


def test_clock_moves_ahead_as_json(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    run_json(capsys, "--db", str(db), "clock")
    moved = run_json(capsys, "--db", str(db), "clock", "+6w")
    assert near(moved["now"], datetime.now() + timedelta(weeks=6))
    assert moved["offset_seconds"] == moved["moved_seconds"] == SIX_WEEKS
    assert moved["created"] == created_within(42) - created_within(0)
    again = run_json(capsys, "--db", str(db), "clock", "+90m")
    assert again["offset_seconds"] == SIX_WEEKS + 90 * 60
    assert again["moved_seconds"] == 90 * 60 and again["created"] == 0


def test_clock_as_text(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    run(capsys, "--db", str(db), "clock")
    code, out, err = run(capsys, "--db", str(db), "clock", "+3d")
    assert (code, err) == (0, "")
    rows = [re.split(r"\s{2,}", line) for line in out.splitlines()]
    assert rows[0][0] == t("cli.clock.now")
    assert near_day(rows[0][1], datetime.now() + timedelta(days=3))
    assert rows[1:] == [
        [t("cli.clock.ahead"), "3 j 0 h 0 min"],
        [t("cli.clock.created"), "0"],
        [t("cli.clock.deleted"), "0"],
    ]
    code, out, _ = run(capsys, "--db", str(db), "clock")
    assert code == 0 and len(out.splitlines()) == 2  # nothing moved, nothing done
    assert t("cli.clock.created") not in out


def near_day(shown: str, expected: datetime) -> bool:
    """« JJ/MM/AAAA HH:MM » within a minute of `expected`."""
    return abs(datetime.strptime(shown, "%d/%m/%Y %H:%M") - expected) < timedelta(minutes=2)


@pytest.mark.parametrize("shift", ["6w", "+0d", "+1y", "+36501d", "+²d", "-1d", "-1w", "-6"])
def test_a_bad_shift_is_one_french_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], db: Path, shift: str
) -> None:
    code, out, err = run(capsys, "--db", str(db), "clock", shift)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mes-sante-tui : ") and "Traceback" not in err
    assert shift in lines[0]
    assert not db.exists()  # refused before the store is opened


def test_a_bad_shift_names_the_accepted_forms(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    _, _, err = run(capsys, "--db", str(db), "clock", "+1y")
    assert "décalage invalide" in err and "+6w" in err


def test_six_weeks_later_a_pending_profile_shows_as_created(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    before = run_json(capsys, "--db", str(db), "status", MARTINE_NIR)
    statuses = {p["name"]: p["status"] for p in before["profiles"]}
    assert statuses["Martine Julie Leguellec"] == "en_attente"
    run_json(capsys, "--db", str(db), "clock", "+6w")
    after = run_json(capsys, "--db", str(db), "status", MARTINE_NIR)
    by_name = {p["name"]: p for p in after["profiles"]}
    martine = by_name["Martine Julie Leguellec"]
    assert martine["status"] == "cree"
    assert martine["status_label"].startswith("Profil créé automatiquement le ")
    assert by_name["Léa Leguellec"]["status"] == "cree"
    assert by_name["Hugo Leguellec"]["status"] == "oppose"
    assert by_name["Sébastien Leguellec"]["status"] == "active"


def test_reset_puts_the_clock_back(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    run_json(capsys, "--db", str(db), "clock", "+6w")
    code, _, err = run(capsys, "--db", str(db), "reset", "--yes")
    assert (code, err) == (0, "")
    shown = run_json(capsys, "--db", str(db), "clock")
    assert shown["offset_seconds"] == 0
    assert near(shown["now"], datetime.now())
    status = run_json(capsys, "--db", str(db), "status", MARTINE_NIR)
    martine = next(p for p in status["profiles"] if p["name"] == "Martine Julie Leguellec")
    assert martine["status"] == "en_attente"


def test_a_shift_beyond_the_calendar_is_refused_without_a_traceback(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    run_json(capsys, "--db", str(db), "clock")
    try:
        code, _, err = run(capsys, "--db", str(db), "clock", "+999999w")
    except OverflowError:
        pytest.fail("OverflowError escaped the command line")
    assert code != 0 and len(err.splitlines()) == 1
    assert run_json(capsys, "--db", str(db), "clock")["offset_seconds"] == 0


def test_moves_that_add_up_past_the_calendar_are_refused_and_leave_the_clock(
    services: Services,
) -> None:
    engine = services.engine
    century = timedelta(days=36_500)
    with pytest.raises(DomainError) as refused:
        for _ in range(100):
            engine.move_clock(century)
    assert "9999" in refused.value.message
    assert engine.clock.now().year > 9_800  # every move before the refused one was kept


def test_the_command_line_says_the_clock_never_goes_back(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    for shift in ("-1w", "-6"):
        code, out, err = run(capsys, "--db", str(db), "clock", shift)
        assert (code, out) == (2, "")
        assert err.splitlines() == [t("cli.error", problem=t(
            "cli.arg.generic", option=t("cli.metavar.shift"),
            message=t("cli.shift.backwards", value=shift),
        ))]
        assert "ne recule jamais" in err
    assert not db.exists()


def test_the_command_line_names_the_maximum_move(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db), "clock", "+999999w")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "+999999w" in err and "36 500 jours" in err and "+5214w" in err
    assert not db.exists()


# --- several processes moving the clock of one store ------------------------------------------

PROCESSES, MOVES = 4, 25


def _move_the_clock(path: str, start: multiprocessing.synchronize.Event) -> None:
    from mes_sante_tui.core.services import open_services  # a store opened in this process

    services = open_services(path, clock=ManualClock(NOW), seed_if_empty=False)
    start.wait(10)
    for _ in range(MOVES):
        services.engine.move_clock(timedelta(minutes=1))
    services.close()


def test_moves_made_by_several_processes_at_once_all_add_up(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    Store(path).close()
    context = multiprocessing.get_context("fork")
    start = context.Event()
    workers = [
        context.Process(target=_move_the_clock, args=(path, start)) for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0] * PROCESSES
    store = Store(path)
    assert StoreClock(store).offset == timedelta(minutes=PROCESSES * MOVES)
    store.close()


def test_move_offset_returns_the_new_offset() -> None:
    store = Store(":memory:")
    assert move_offset(store, timedelta(hours=1)) == timedelta(hours=1)
    assert move_offset(store, timedelta(minutes=1)) == timedelta(hours=1, minutes=1)
    assert store.meta(OFFSET_KEY) == "3660"
    store.close()
