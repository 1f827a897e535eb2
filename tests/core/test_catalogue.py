"""The one catalogue of wording: every key the code names exists, and the placeholders it fills
are the ones the text has (a missing one raises at run time, a surplus one is silently lost).

The calls are read from the source with `ast`: `t("key", name=...)` and
`t_variant("key", variant, name=...)` with a literal key. Keys built at run time (f-strings)
are checked by the tests of the screens that build them.
"""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from pathlib import Path

import pytest

import mes_sante_tui
from mes_sante_tui.wording import FR

PACKAGE = Path(mes_sante_tui.__file__).parent


@dataclass(frozen=True)
class Use:
    where: str
    key: str
    params: frozenset[str] | None  # None: filled from **kwargs, not knowable here


def placeholders(text: str) -> frozenset[str]:
    return frozenset(
        field.split(".")[0].split("[")[0]
        for _, field, _, _ in string.Formatter().parse(text)
        if field
    )


def uses() -> list[Use]:
    found: list[Use] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("t", "t_variant", "template") or not node.args:
                continue
            key = node.args[0]
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                continue
            spread = any(keyword.arg is None for keyword in node.keywords)
            # A template is filled later by its caller: its key must exist, that is all.
            raw = node.func.id == "template"
            params = None if spread or raw else frozenset(str(k.arg) for k in node.keywords)
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            found.append(Use(where, key.value, params))
    return found


USES = uses()


def test_the_source_is_read() -> None:
    """Guards the reader itself: the catalogue is used in hundreds of places."""
    assert len(USES) > 300
    assert {use.key for use in USES} >= {"app.title", "identify.not_found", "login.failed"}


VARIANTS = ("code-first", "identity-first")


@pytest.mark.parametrize("use", USES, ids=lambda use: use.where)
def test_every_key_named_in_the_code_exists_with_its_placeholders(use: Use) -> None:
    assert use.key in FR, f"{use.where}: no wording for {use.key!r}"
    if use.params is None:
        return
    # t_variant may pick `key.<variant>`: each version takes the same placeholders.
    versions = [use.key] + [f"{use.key}.{v}" for v in VARIANTS if f"{use.key}.{v}" in FR]
    for key in versions:
        assert placeholders(FR[key]) == use.params, (use.where, key, FR[key], sorted(use.params))
