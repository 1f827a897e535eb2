"""The classroom, as a trainer starts it: `mes-sante-tui classe` on a free loopback port in a
process of its own; two browsers (HTTP and websocket clients) each get the page and a store
of their own; the page asks nothing of another host; ctrl+c (SIGINT) stops it cleanly."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

from mes_sante_tui.core.classroom import trainee_stores

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_line(process: subprocess.Popen[str], needle: str, seconds: float) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + seconds
    seen = ""
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        seen += line
        if needle in line:
            return seen
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"not said: {needle!r}; said: {seen!r}")


async def _browser(base: str) -> tuple[str, bytes]:
    """What one browser gets: the page, then the app's first screen over the websocket."""
    async with aiohttp.ClientSession() as http:
        async with http.get(base) as response:
            assert response.status == 200
            page = await response.text()
        async with http.get(base + "static/js/textual.js") as script:
            assert script.status == 200
        received = b""
        async with http.ws_connect(base + "ws?width=100&height=32") as ws:
            await ws.send_json(["resize", {"width": 100, "height": 32}])
            deadline = time.monotonic() + 30
            while b"Activer" not in received and time.monotonic() < deadline:
                try:
                    message = await asyncio.wait_for(ws.receive(), 5)
                except TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data
                elif message.type != aiohttp.WSMsgType.TEXT:
                    break
        return page, received


async def _two_browsers(base: str) -> list[tuple[str, bytes]]:
    return list(await asyncio.gather(_browser(base), _browser(base)))


def test_a_class_of_two_browsers_then_ctrl_c(tmp_path: Path) -> None:
    port = _free_port()
    folder = tmp_path / "classe"
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mes_sante_tui", "classe", "--port", str(port),
         "--dossier", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment,
    )
    try:
        said = _wait_for_line(process, "Ctrl+C", 30)
        base = f"http://127.0.0.1:{port}/"
        assert f"ouvrez {base} dans le navigateur" in said
        browsers = asyncio.run(_two_browsers(base))
        for page, screen in browsers:
            # Nothing from another host: no absolute address at all in the page.
            assert re.findall(r"(?:https?|wss?)://", page) == []
            assert 'lang="fr"' in page and "fonts.googleapis" not in page
            assert b"Activer" in screen  # the home page of the app, drawn for this browser
        stores = trainee_stores(folder)
        assert [p.name for p in stores] == ["stagiaire-01.db", "stagiaire-02.db"]
    finally:
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert process.returncode == 0, err
    assert "Classe arrêtée" in out
    assert "Traceback" not in err


def test_the_loopback_address_is_the_default_and_a_busy_port_is_said(tmp_path: Path) -> None:
    from mes_sante_tui.cli.parser import build_parser, parse

    args = parse(build_parser(), ["classe"])
    assert (args.hote, args.port) == ("127.0.0.1", 8000)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "mes_sante_tui", "classe", "--port", str(port),
             "--dossier", str(tmp_path / "c")],
            capture_output=True, text=True, timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"},
        )
    assert done.returncode == 1
    assert f"impossible d'écouter sur 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def test_only_the_closed_loop_noise_of_a_stopped_class_is_silenced() -> None:
    from types import SimpleNamespace

    from mes_sante_tui.web.server import _quiet_closed_loop

    reported: list[BaseException] = []
    hook = _quiet_closed_loop(lambda unraisable: reported.append(unraisable.exc_value))
    hook(SimpleNamespace(exc_value=RuntimeError("Event loop is closed")))
    other = RuntimeError("something else")
    hook(SimpleNamespace(exc_value=other))
    assert reported == [other]


def test_a_class_on_a_scenario_gives_each_browser_a_run_of_it(tmp_path: Path) -> None:
    from mes_sante_tui.core.run_marks import TRAINEE_KEY
    from mes_sante_tui.core.scenarios import run_of
    from mes_sante_tui.core.store import Store

    port = _free_port()
    folder = tmp_path / "classe"
    process = subprocess.Popen(
        [sys.executable, "-m", "mes_sante_tui", "classe", "--port", str(port),
         "--dossier", str(folder), "--scenario", "code-expire"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"},
    )
    try:
        said = _wait_for_line(process, "Ctrl+C", 30)
        assert "fiches --scenario code-expire" in said
        _, screen = asyncio.run(_browser(f"http://127.0.0.1:{port}/"))
        assert b"Activer" in screen
        [path] = trainee_stores(folder)
        assert path.name == "stagiaire-01.db"
        store = Store(path)
        try:
            run = run_of(store)
            assert run is not None and run.scenario.name == "code-expire"
            assert store.meta(TRAINEE_KEY) == "Stagiaire 01"
        finally:
            store.close()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            _, err = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert process.returncode == 0, err
    assert "Traceback" not in err


def test_a_trainee_without_a_scenario_is_named_on_every_journal_row(tmp_path: Path) -> None:
    """« Stagiaire NN » on the journal of a plain class's trainee, and of the runs they start
    from the picker (the sessions carry the name)."""
    from mes_sante_tui.core.classroom import new_trainee_store
    from mes_sante_tui.core.services import open_services
    from mes_sante_tui.web.trainee import name_the_trainee

    folder = tmp_path / "classe"
    path = new_trainee_store(folder)
    services = open_services(path, seed_if_empty=True)
    try:
        assert services.engine.sessions.trainee is None
        name_the_trainee(services)
        session = services.engine.start_session()
        assert session.trainee == "Stagiaire 01"
        assert services.store.journal_rows()[-1]["trainee"] == "Stagiaire 01"
    finally:
        services.close()
