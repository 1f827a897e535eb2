"""The classroom: the application served to a room's browsers by textual-serve.

textual-serve runs one command per browser connection, over a websocket; here that command
is `python -m mes_sante_tui.web.trainee`, which makes the trainee's own store in the class
folder and runs the application on it (core/classroom.py). The page is our own template:
French, and nothing loaded from another host (textual-serve's own page asks a web font of
Google): its script, style sheet and fonts are the ones textual-serve ships, served from
here, and every address in it is relative to the page, so that it works the same behind a
reverse proxy.
"""

from __future__ import annotations

import asyncio
import logging
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.server import Server

from mes_sante_tui.wording import t

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATICS = Path(textual_serve.__file__).resolve().parent / "static"


def trainee_command(folder: Path, options: Sequence[str] = ()) -> str:
    """The shell command textual-serve runs for each connection."""
    words = [sys.executable, "-m", "mes_sante_tui.web.trainee", "--dossier", str(folder),
             *options]
    return " ".join(shlex.quote(word) for word in words)


def page_url(host: str, port: int) -> str:
    """The address to open, as a person types it (an IPv6 address between brackets)."""
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _quiet_closed_loop(default: Any) -> Any:
    """sys.unraisablehook that drops one message: at ctrl+c with many trainees connected,
    textual-serve's subprocess transports may be collected after the event loop closed and
    complain « Event loop is closed » (their processes are gone by then). Anything else is
    reported as usual."""

    def hook(unraisable: Any) -> None:
        value = unraisable.exc_value
        if isinstance(value, RuntimeError) and str(value) == "Event loop is closed":
            return
        default(unraisable)

    return hook


class ClassroomServer(Server):
    """textual-serve's server with our page, French words, and quiet logs."""

    def __init__(self, command: str, *, host: str, port: int, ready: str) -> None:
        super().__init__(
            command, host=host, port=port, title=t("classroom.page.title"),
            statics_path=STATICS, templates_path=TEMPLATES,
        )
        self._ready = ready

    def initialize_logging(self) -> None:
        # Only problems, one plain line each, on standard error.
        logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)

    def serve(self, debug: bool = False) -> None:
        sys.unraisablehook = _quiet_closed_loop(sys.unraisablehook)
        super().serve(debug)

    async def on_startup(self, app: web.Application) -> None:
        # aiohttp calls this before it listens: the address is said once it answers, so
        # that a trainee (or a test) who opens it at once is not refused.
        self._said = asyncio.create_task(self._say_ready_when_listening())

    async def _say_ready_when_listening(self) -> None:
        while True:
            try:
                _, writer = await asyncio.open_connection(self.host, self.port)
            except OSError:
                await asyncio.sleep(0.05)
                continue
            writer.close()
            break
        print(self._ready, flush=True)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        try:
            font_size = int(request.query.get("fontsize", "16"))
        except ValueError:
            font_size = 16
        return {
            "title": t("classroom.page.title"),
            "intro": t("classroom.page.intro"),
            "start": t("classroom.page.start"),
            "ended": t("classroom.page.ended"),
            "restart": t("classroom.page.restart"),
            "noscript": t("classroom.page.noscript"),
            "static_url": "static/",
            "font_size": max(8, min(font_size, 40)),
        }
