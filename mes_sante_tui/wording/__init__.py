"""The one catalogue of French wording, keyed by meaning.

Every sentence a person reads comes from here, so it can be checked against the guides in
one place. The catalogue is split into files by area only so that each stays readable; `t()`
looks a key up across all of them and refuses unknown keys loudly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import access_screens as _access_screens
from . import certificate as _certificate
from . import classroom as _classroom
from . import cli as _cli
from . import guide as _guide
from . import help as _help
from . import journal as _journal
from . import outbox as _outbox
from . import plain as _plain
from . import report as _report
from . import rules as _rules
from . import screens as _screens
from . import space_screens as _space_screens
from . import store as _store
from . import trainer_faults as _trainer_faults
from . import training as _training


def _merge(*parts: Mapping[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in parts:
        for key, text in part.items():
            if key in merged:
                raise ValueError(f"wording key defined twice: {key}")
            merged[key] = text
    return merged


FR: Mapping[str, str] = _merge(
    _access_screens.TEXTS,
    _certificate.TEXTS,
    _classroom.TEXTS,
    _cli.TEXTS,
    _guide.TEXTS,
    _help.TEXTS,
    _journal.TEXTS,
    _outbox.TEXTS,
    _plain.TEXTS,
    _report.TEXTS,
    _rules.TEXTS,
    _screens.TEXTS,
    _space_screens.TEXTS,
    _store.TEXTS,
    _training.TEXTS,
    _trainer_faults.TEXTS,
)


def template(key: str) -> str:
    """The text for `key` with its `{placeholders}` left in, for a caller that fills it
    many times itself (`str.format`), e.g. a notice composed by the hundred thousand."""
    return FR[key]


def t(key: str, **params: Any) -> str:
    """The French text for `key`, with `{placeholders}` filled from `params`."""
    text = FR[key]
    return text.format(**params) if params else text


def t_variant(key: str, variant: str, **params: Any) -> str:
    """The text of `key` in the words of the journey variant's own guide: `key.<variant>`
    (e.g. `decision.title.identity-first`, guide 000) when the catalogue has one, else `key`,
    which is worded after guide 002 and shared by both variants."""
    specific = f"{key}.{variant}"
    return t(specific if specific in FR else key, **params)


def count(key: str, n: int) -> str:
    """`n` with its noun, singular or plural as French wants it: « 1 minute », « 0 seconde »,
    « 2 minutes ». The catalogue holds `key.one` and `key.other`, each with `{n}`."""
    return t(f"{key}.one" if abs(n) < 2 else f"{key}.other", n=n)
