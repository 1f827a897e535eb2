"""Screens are handed what they show: none reads the store, none chooses what comes next.

The import contract in pyproject.toml (checked by lint-imports) forbids a screen to import
the store module; it cannot see a screen reaching the store through the app at run time
(`self.msa.store`, `self.app.services.store`), nor reading the session. This reads the
sources for those.
"""

from __future__ import annotations

import re
from pathlib import Path

import mes_sante_tui

PACKAGE = Path(mes_sante_tui.__file__).resolve().parent
UI_FOLDERS = ("screens", "widgets", "dialogs")

# An attribute named store or session reached from anything: `self.msa.store`,
# `self.app.services.store`, `self.msa.session`...
STORE_READ = re.compile(r"\.\s*store\b")
SESSION_READ = re.compile(r"\bmsa\s*\.\s*session\b|\bapp\s*\.\s*session\b")
# The engine, the services or the settings reached through the app: the calls a screen makes
# and the settings it follows are handed to it.
ENGINE_READ = re.compile(r"\b(msa|app)\s*\.\s*(engine|services|settings)\b")
# The router's own calls, that decide what comes next.
ROUTING_CALL = re.compile(r"\.\s*(manage_child|show_outcome|open_space|open_login|goto|advance)\(")


def ui_sources() -> list[Path]:
    return sorted(path for folder in UI_FOLDERS for path in (PACKAGE / folder).glob("*.py"))


def offending(pattern: re.Pattern[str]) -> list[str]:
    found = []
    for path in ui_sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if pattern.search(code):
                found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    return found


def test_the_sources_are_found() -> None:
    names = {path.name for path in ui_sources()}
    assert {"space.py", "decision.py", "card_fields.py", "base.py"} <= names


def test_no_screen_widget_or_dialog_reads_the_store() -> None:
    assert offending(STORE_READ) == []


def test_no_screen_widget_or_dialog_reads_the_session() -> None:
    assert offending(SESSION_READ) == []


def test_no_screen_widget_or_dialog_reaches_the_engine_or_the_settings() -> None:
    assert offending(ENGINE_READ) == []


def test_no_screen_calls_the_router_to_choose_what_comes_next() -> None:
    assert offending(ROUTING_CALL) == []


def test_the_patterns_catch_what_they_are_for() -> None:
    assert STORE_READ.search("person = self.msa.store.person(1)")
    assert STORE_READ.search("self.app.services.store")
    assert not STORE_READ.search("self.restore_focus()")
    assert SESSION_READ.search("session = self.msa.session")
    assert ENGINE_READ.search("self.msa.engine.decide(session, choice, consent)")
    assert ENGINE_READ.search("variant = self.msa.settings.journey")
    assert not ENGINE_READ.search("self.settings = settings")
    assert ROUTING_CALL.search("refused = self.msa.manage_child(3)")
    assert not ROUTING_CALL.search("self.done(ManageChild(3))")
