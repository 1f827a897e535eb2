"""Settings that the real service does not publish, and the variants a trainer chooses."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum
from typing import Protocol

from mes_sante_tui.wording import count, t

from .results import DomainError


class RuleVersion(StrEnum):
    """Password rules in force: the guides' (2022) or the current service's (2025)."""

    V2022 = "2022"
    V2025 = "2025"


class JourneyVariant(StrEnum):
    """The two orders of the guides (see PRODUCT.md, "Journeys")."""

    CODE_FIRST = "code-first"
    IDENTITY_FIRST = "identity-first"


class DisplayTheme(StrEnum):
    """The screen's colours: the default, or a high contrast on a dark or a light ground.

    Only the names live here (the core knows nothing of Textual); `mes_sante_tui/themes.py`
    draws them."""

    STANDARD = "standard"
    HIGH_CONTRAST_DARK = "contraste-sombre"
    HIGH_CONTRAST_LIGHT = "contraste-clair"


@dataclass(frozen=True)
class Settings:
    """The simulator's choices (rules, variant, guided mode, theme) and the service's
    figures, the unpublished ones at their defaults unless a trainer set them."""

    rule_version: RuleVersion = RuleVersion.V2025
    journey: JourneyVariant = JourneyVariant.CODE_FIRST
    # The guided mode: the guides' numbered hints beside the fields (core/guide.py).
    guided: bool = False
    theme: DisplayTheme = DisplayTheme.STANDARD
    # The code of the information e-mail or letter is valid six weeks (public rule).
    information_code_validity: timedelta = timedelta(weeks=6)
    # The validity of a regenerated code is not public: a setting.
    regenerated_code_validity: timedelta = timedelta(days=7)
    # Wrong entries allowed before a wait, the wait then doubling at each failure: for the
    # provisional code, the one-time codes of recovery and contact change, and the look-ups
    # of « Identifiant oublié » and « Mot de passe oublié » (core/lockout.py).
    max_code_failures: int = 5
    first_lock_wait: timedelta = timedelta(minutes=1)
    # Failed logins allowed before a wait, doubling at each further failure (not public).
    max_login_failures: int = 5
    first_login_wait: timedelta = timedelta(minutes=1)
    resend_delay: timedelta = timedelta(seconds=30)
    otp_validity: timedelta = timedelta(minutes=10)
    session_timeout: timedelta = timedelta(minutes=15)
    # Warned this long before the session expires, with a key to extend it.
    session_warning: timedelta = timedelta(minutes=2)


# --- the service's unpublished figures, kept in the store --------------------------------
# The real service does not publish these (PRODUCT.md, "Rules of the real service"): a
# trainer sets them, per store, with `mes-sante-tui reglages NOM VALEUR` or the settings
# screen. Each is kept in the store's `meta` table under `figure.<name>` (seconds for a
# duration); a store without it has the service's default (`Settings()` above).


class Figure(StrEnum):
    """Each unpublished figure, by its name on the command line."""

    CODE_VALIDITY = "validite-code"  # validity of a regenerated provisional code
    ATTEMPTS = "essais"  # wrong entries allowed before a wait (codes, look-ups, login)
    SESSION = "session"  # a session ends after this long without activity
    WARNING = "avertissement"  # warned this long before the session ends


@dataclass(frozen=True)
class FigureRule:
    """The bounds a trainer's value for one figure must stay within."""

    figure: Figure
    duration: bool  # a duration (timedelta), else a number of entries
    least: int  # seconds for a duration
    most: int


FIGURE_RULES: dict[Figure, FigureRule] = {
    rule.figure: rule
    for rule in (
        FigureRule(Figure.CODE_VALIDITY, True, 60, 42 * 86_400),  # 1 minute to 6 weeks
        FigureRule(Figure.ATTEMPTS, False, 1, 20),
        FigureRule(Figure.SESSION, True, 120, 4 * 3_600),  # 2 minutes to 4 hours
        FigureRule(Figure.WARNING, True, 10, 3_600),  # 10 seconds to 1 hour
    )
}

FIGURE_PREFIX = "figure."

FigureValue = int | timedelta


class FigureError(DomainError):
    """A figure's name or value refused, with the French message saying why."""

    def __init__(self, message: str) -> None:
        super().__init__("figure", message)


def figure_named(name: str) -> Figure:
    """The figure `name` stands for; FigureError naming the known ones otherwise."""
    try:
        return Figure(name.strip().lower())
    except ValueError:
        raise FigureError(
            t("figure.unknown", name=name, names=", ".join(f.value for f in Figure))
        ) from None


# Units of a typed duration: seconds, minutes, hours, days, weeks.
_DURATION_UNITS: dict[str, int] = {
    "s": 1, "sec": 1, "seconde": 1, "secondes": 1,
    "m": 60, "min": 60, "minute": 60, "minutes": 60,
    "h": 3_600, "heure": 3_600, "heures": 3_600,
    "j": 86_400, "d": 86_400, "jour": 86_400, "jours": 86_400,
    "sem": 604_800, "w": 604_800, "semaine": 604_800, "semaines": 604_800,
}
_DURATION = re.compile(r"([0-9]{1,7})\s*([a-z]+)")


def read_figure(figure: Figure, raw: str) -> FigureValue:
    """The value typed for `figure` ("3", "20m", "7j", "90 s"), within its bounds; FigureError
    in French otherwise, naming the figure, the expected form and the bounds."""
    rule = FIGURE_RULES[figure]
    text = raw.strip().lower()
    if rule.duration:
        match = _DURATION.fullmatch(text)
        if match is None or match[2] not in _DURATION_UNITS:
            raise FigureError(t("figure.bad_duration", name=figure.value, value=raw.strip()))
        amount = int(match[1]) * _DURATION_UNITS[match[2]]
    else:
        if not text.isascii() or not text.isdigit() or len(text) > 7:
            raise FigureError(t("figure.bad_number", name=figure.value, value=raw.strip()))
        amount = int(text)
    if not rule.least <= amount <= rule.most:
        raise FigureError(
            t(
                "figure.out_of_bounds", name=figure.value, value=raw.strip(),
                least=figure_words(figure, _as_value(rule, rule.least)),
                most=figure_words(figure, _as_value(rule, rule.most)),
            )
        )
    return _as_value(rule, amount)


def _as_value(rule: FigureRule, amount: int) -> FigureValue:
    return timedelta(seconds=amount) if rule.duration else amount


def figure_words(figure: Figure, value: FigureValue) -> str:
    """The value in words: « 7 jours », « 15 minutes », « 5 essais »; a duration exactly."""
    if isinstance(value, timedelta):
        # Not at the import: the application's first frame does without it.
        from .durations import duration_words

        return duration_words(value)
    return count("figure.attempt", value)


def figure_typed(figure: Figure, value: FigureValue) -> str:
    """The value as it is typed back (« 7j », « 15m », « 90s », « 5 »): what the settings
    screen's fields show and `read_figure` reads."""
    if not isinstance(value, timedelta):
        return str(value)
    seconds = int(value.total_seconds())
    for unit, size in (("j", 86_400), ("h", 3_600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def figures_of(settings: Settings) -> dict[Figure, FigureValue]:
    """The figures in force in `settings`, in the order of `Figure`."""
    return {
        Figure.CODE_VALIDITY: settings.regenerated_code_validity,
        Figure.ATTEMPTS: settings.max_code_failures,
        Figure.SESSION: settings.session_timeout,
        Figure.WARNING: settings.session_warning,
    }


def with_figures(settings: Settings, values: Mapping[Figure, FigureValue]) -> Settings:
    """`settings` with these figures; FigureError when the warning would not come before
    the end of the session. The number of wrong entries is the same for every counter
    (PRODUCT.md, "Safety"): codes, look-ups and the login."""
    merged = {**figures_of(settings), **values}
    session, warning = merged[Figure.SESSION], merged[Figure.WARNING]
    assert isinstance(session, timedelta) and isinstance(warning, timedelta)
    if warning >= session:
        raise FigureError(
            t("figure.warning_too_long", warning=figure_words(Figure.WARNING, warning),
              session=figure_words(Figure.SESSION, session))
        )
    # Only the figures given change: `settings` keeps the others as they are.
    changes: dict[str, FigureValue] = {}
    for figure, value in values.items():
        for name in _FIELDS_OF[figure]:
            changes[name] = value
    return replace(settings, **changes)  # type: ignore[arg-type]


# The fields of `Settings` each figure sets.
_FIELDS_OF: dict[Figure, tuple[str, ...]] = {
    Figure.CODE_VALIDITY: ("regenerated_code_validity",),
    Figure.ATTEMPTS: ("max_code_failures", "max_login_failures"),
    Figure.SESSION: ("session_timeout",),
    Figure.WARNING: ("session_warning",),
}


class _Meta(Protocol):
    def meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def delete_meta(self, keys: Sequence[str]) -> None: ...


def stored_figures(store: _Meta) -> dict[Figure, FigureValue]:
    """The figures a trainer set in this store (the others keep their default). A value
    that is not one (written by hand, or by a newer version) is left out."""
    found: dict[Figure, FigureValue] = {}
    for figure, rule in FIGURE_RULES.items():
        raw = store.meta(FIGURE_PREFIX + figure.value)
        if raw is None or not raw.isdigit() or not rule.least <= int(raw) <= rule.most:
            continue
        found[figure] = _as_value(rule, int(raw))
    return found


def load_figures(store: _Meta, settings: Settings) -> Settings:
    """`settings` with the figures kept in the store; when the stored ones do not agree
    (a warning as long as the session), the store's are ignored."""
    try:
        return with_figures(settings, stored_figures(store))
    except FigureError:
        return settings


def save_figures(store: _Meta, values: Mapping[Figure, FigureValue]) -> None:
    """Keep these figures in the store (checked by the caller with `with_figures`)."""
    for figure, value in values.items():
        amount = int(value.total_seconds()) if isinstance(value, timedelta) else value
        store.set_meta(FIGURE_PREFIX + figure.value, str(amount))


def forget_figures(store: _Meta) -> None:
    """Back to the service's defaults: the store keeps no figure."""
    store.delete_meta([FIGURE_PREFIX + figure.value for figure in Figure])
