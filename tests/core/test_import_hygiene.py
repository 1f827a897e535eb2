"""The core decides, the screens render: `mes_sante_tui.core` and the wording load no UI.

Checked twice: by importing every core module in a fresh interpreter and looking at
`sys.modules`, and by reading the sources for an import of textual or rich (which would
catch an import hidden inside a function that the first check never runs).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import mes_sante_tui.core

REPO = Path(__file__).resolve().parents[2]
CORE = Path(mes_sante_tui.core.__file__).resolve().parent
UI_PACKAGES = ("textual", "rich")

_PROBE = """
import importlib, pkgutil, sys
import mes_sante_tui.core, mes_sante_tui.wording
names = [m.name for m in pkgutil.walk_packages(mes_sante_tui.core.__path__, "mes_sante_tui.core.")]
names += [m.name for m in pkgutil.walk_packages(mes_sante_tui.wording.__path__,
                                                 "mes_sante_tui.wording.")]
for name in names:
    importlib.import_module(name)
print(len(names))
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))))
"""


def test_importing_the_core_and_the_wording_loads_no_ui() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, cwd=REPO,
        timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    count, loaded = done.stdout.splitlines()
    assert int(count) >= len(list(CORE.glob("*.py"))) - 1  # every module was imported
    assert loaded == ""


def _imported_roots(source: str) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__"
            )
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            roots.add(node.args[0].value.split(".")[0])
    return roots


def test_no_core_source_imports_textual_or_rich() -> None:
    sources = sorted(CORE.rglob("*.py"))
    assert sources
    offenders = {
        str(path.relative_to(CORE)): sorted(
            _imported_roots(path.read_text("utf-8")) & set(UI_PACKAGES)
        )
        for path in sources
    }
    assert {name: roots for name, roots in offenders.items() if roots} == {}


def test_the_static_check_would_see_an_import() -> None:
    assert _imported_roots("def f():\n    from textual.app import App\n") == {"textual"}
    assert _imported_roots("import rich.console as c\n") == {"rich"}
    assert _imported_roots("importlib.import_module('textual.widgets')\n") == {"textual"}


def test_the_application_does_not_load_text_area_at_start_up() -> None:
    """No screen has a TextArea: its module (themes, documents, tree-sitter glue, about
    10 ms) stays out of the start-up; the cursor code looks it up only once loaded."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    probe = "import sys, mes_sante_tui.app\nprint('textual.widgets._text_area' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=REPO,
        timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
