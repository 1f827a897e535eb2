"""The core has no import circle: the graph of its modules (who imports whom, every import
statement counted, those inside functions and under TYPE_CHECKING too) is acyclic, so each
use case can be read, tested and replaced on its own, and engine.py stays a facade that no
use case imports."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import mes_sante_tui.core

CORE = Path(mes_sante_tui.core.__file__).resolve().parent
PREFIX = "mes_sante_tui.core."


def _module_of(path: Path) -> str:
    relative = path.relative_to(CORE).with_suffix("")
    parts = [p for p in relative.parts if p != "__init__"]
    return PREFIX + ".".join(parts) if parts else PREFIX.rstrip(".")


def core_graph() -> dict[str, set[str]]:
    """Each core module and the core modules it imports."""
    modules = {_module_of(p): p for p in CORE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets.add(base)
                # `from . import lifecycle`: the names may be modules themselves.
                targets |= {f"{base}.{alias.name}" for alias in node.names}
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def test_the_core_import_graph_is_acyclic() -> None:
    graph = core_graph()
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as cycle:
        raise AssertionError(f"import circle in the core: {' -> '.join(cycle.args[1])}") from None


def test_no_use_case_imports_the_facade() -> None:
    graph = core_graph()
    importers = {name for name, targets in graph.items() if PREFIX + "engine" in targets}
    assert importers <= {PREFIX + "services"}


def test_the_graph_sees_the_imports_it_must() -> None:
    """The checker itself: a known edge of each kind of import is found."""
    graph = core_graph()
    assert PREFIX + "lifecycle" in graph[PREFIX + "decision"]  # from . import lifecycle
    assert PREFIX + "store" in graph[PREFIX + "lifecycle"]  # from .store import Store
    assert PREFIX + "results" in graph[PREFIX + "nir"]  # from mes_sante_tui.core.results ...


def test_every_sql_statement_of_the_core_is_the_stores() -> None:
    """The use cases call the store's methods; none runs SQL of its own."""
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        if path.name == "store.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in (
                "execute", "executemany", "executescript", "conn"
            ):
                offenders.append(f"{path.name}:{node.lineno} .{node.attr}")
    assert offenders == []
