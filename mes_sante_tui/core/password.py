"""Password rules (versioned), refusals of personal information, and argon2id hashing."""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mes_sante_tui.core.paths import data_dir
from mes_sante_tui.core.settings import RuleVersion
from mes_sante_tui.core.text import has_unseen
from mes_sante_tui.wording import t

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MAX_LENGTH = 128
_MIN_LENGTHS = {RuleVersion.V2022: 8, RuleVersion.V2025: 9}
# Shorter parts ("Le", "Di") are too common inside any word to be refused.
_MIN_NAME_PART = 3
_MIN_IDENTIFIER = 3


@dataclass(frozen=True)
class PasswordRule:
    """One line of the checklist shown while the person types."""

    key: str
    label: str
    met: bool


def min_length(version: RuleVersion) -> int:
    """8 characters in the guides (2022), 9 in the current service (2025)."""
    return _MIN_LENGTHS[version]


def _is_digit(char: str) -> bool:
    # "1 chiffre" means 0-9; other scripts' digits count as special characters.
    return "0" <= char <= "9"


def _is_special(char: str) -> bool:
    """Anything that is neither a letter (in any script) nor a digit, a space included."""
    return not char.isalpha() and not _is_digit(char)


def checklist(password: str, version: RuleVersion) -> list[PasswordRule]:
    """The rules in the order the service lists them: length, special, digit, upper, lower."""
    n = min_length(version)
    return [
        PasswordRule("length", t("password.rule.length", n=n), len(password) >= n),
        PasswordRule("special", t("password.rule.special"), any(map(_is_special, password))),
        PasswordRule("digit", t("password.rule.digit"), any(map(_is_digit, password))),
        PasswordRule("upper", t("password.rule.upper"), any(c.isupper() for c in password)),
        PasswordRule("lower", t("password.rule.lower"), any(c.islower() for c in password)),
    ]


def _fold(text: str) -> str:
    """Lowercase without accents, so "Hélène" is found in "HELENE2024!"."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _contains_name(folded_password: str, *names: str) -> bool:
    for name in names:
        for part in re.split(r"[\s\-'’]+", _fold(name)):
            if len(part) >= _MIN_NAME_PART and part in folded_password:
                return True
    return False


def _birth_forms(d: datetime.date) -> set[str]:
    dd, mm, yyyy, yy = f"{d.day:02d}", f"{d.month:02d}", f"{d.year:04d}", f"{d.year % 100:02d}"
    forms = set()
    for sep in ("", "/", "-", "."):
        forms.update({sep.join((dd, mm, yyyy)), sep.join((dd, mm, yy)), sep.join((yyyy, mm, dd))})
    return forms


@functools.cache
def common_passwords() -> frozenset[str]:
    """The list shipped in data/common_passwords.txt, read once."""
    path = data_dir() / "common_passwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if (word := line.strip().lower()))


def _strip_non_letters(text: str, *, leading: bool) -> str:
    end = len(text)
    while end and not text[end - 1].isalpha():
        end -= 1
    start = 0
    if leading:
        while start < end and not text[start].isalpha():
            start += 1
    return text[start:end]


def is_common(password: str) -> bool:
    """True when the password is a listed one, give or take case and digits/specials added at
    its ends ("Motdepasse1!", "Azerty123!", "2024Soleil!")."""
    lower = password.lower()
    forms = {
        lower,
        _strip_non_letters(lower, leading=False),
        _strip_non_letters(lower, leading=True),
    }
    forms.discard("")
    return not forms.isdisjoint(common_passwords())


def _password_problem(
    password: str,
    version: RuleVersion,
    identifier: str,
    first_name: str,
    last_name: str,
    birth_date: datetime.date,
) -> str | None:
    if not password:
        return t("password.required")
    if len(password) > MAX_LENGTH:
        return t("password.too_long")
    # Nobody could type it again (and a lone surrogate cannot even be hashed).
    if has_unseen(password, spaces_allowed=False):
        return t("password.charset")
    missing = [rule.label for rule in checklist(password, version) if not rule.met]
    if missing:
        return t("password.rules", missing=", ".join(missing))
    identifier = identifier.strip()
    if len(identifier) >= _MIN_IDENTIFIER and identifier.casefold() in password.casefold():
        return t("password.contains_identifier")
    if _contains_name(_fold(password), first_name, last_name):
        return t("password.contains_name")
    if any(form in password for form in _birth_forms(birth_date)):
        return t("password.contains_birth")
    if is_common(password):
        return t("password.common")
    return None


def check_password(
    password: str,
    confirmation: str,
    *,
    version: RuleVersion,
    identifier: str,
    first_name: str,
    last_name: str,
    birth_date: datetime.date,
) -> dict[str, str]:
    """{} when accepted; else "password" (first problem only) and/or "confirmation"."""
    errors: dict[str, str] = {}
    problem = _password_problem(password, version, identifier, first_name, last_name, birth_date)
    if problem is not None:
        errors["password"] = problem
    if not confirmation:
        errors["confirmation"] = t("password.confirm_required")
    elif confirmation != password:
        errors["confirmation"] = t("password.mismatch")
    return errors


# OWASP's first setting for argon2id (PRODUCT.md, "Safety"): 19 MiB, 2 passes, 1 lane.
MEMORY_COST_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1

# Shared by every call; built on first use (argon2 loads a C library: not at start-up).
# Tests lighten its cost with set_hasher_params.
_hasher: PasswordHasher | None = None


def _the_hasher() -> PasswordHasher:
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher, Type

        _hasher = PasswordHasher(
            time_cost=TIME_COST,
            memory_cost=MEMORY_COST_KIB,
            parallelism=PARALLELISM,
            type=Type.ID,
        )
    return _hasher


def set_hasher_params(time_cost: int, memory_cost: int, *, parallelism: int = 1) -> None:
    """Replace the hasher's cost (memory in KiB); hashes made before still verify."""
    global _hasher
    from argon2 import PasswordHasher

    _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism)


def hash_password(password: str) -> str:
    """An argon2id hash with its own salt and parameters; the password is never stored."""
    return _the_hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when `password` matches; False on mismatch or on an unusable hash, never raises."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _the_hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError, ValueError, TypeError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when `stored_hash` was made with other parameters than the hasher's (an older
    setting): it is then replaced at the next successful login."""
    from argon2.exceptions import InvalidHashError

    try:
        return _the_hasher().check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return False
