"""The identifier chosen at activation: its rules, and free alternatives when it is taken."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator

from mes_sante_tui.core.nir import has_valid_key, normalize_nir
from mes_sante_tui.core.results import Checked
from mes_sante_tui.wording import t

MIN_LENGTH = 8
MAX_LENGTH = 100

_ALLOWED = re.compile(r"[a-z0-9._-]+")
_SEPARATORS = re.compile(r"[._-]")
_IBAN = re.compile(r"fr76[0-9]+")


def _forms(text: str) -> tuple[str, str]:
    # "1.55.12.55..." or "fr76-3000-..." is still the number: check with separators removed too.
    return text, _SEPARATORS.sub("", text)


def _is_nir(text: str, nir: str | None) -> bool:
    own = normalize_nir(nir) if nir is not None else ""
    for form in _forms(text):
        upper = form.upper()  # Corsica: "2a" typed in lowercase
        if (own and upper == own) or (len(upper) == 15 and has_valid_key(upper)):
            return True
        if len(form) == 13 and form.isascii() and form.isdigit():  # NIR without its key
            return True
    return False


def _is_iban(text: str) -> bool:
    return any(_IBAN.fullmatch(form) for form in _forms(text))


def check_identifier(raw: str, *, nir: str | None = None) -> Checked[str]:
    """The identifier, or the first message that applies (see PRODUCT.md, "Identifier")."""
    identifier = raw.strip()
    if not identifier:
        return Checked.refuse(t("identifier.required"))
    if "@" in identifier:
        return Checked.refuse(t("identifier.email"))
    if any(char.isupper() for char in identifier):
        return Checked.refuse(t("identifier.uppercase"))
    if _ALLOWED.fullmatch(identifier) is None:
        return Checked.refuse(t("identifier.charset"))
    if not MIN_LENGTH <= len(identifier) <= MAX_LENGTH:
        return Checked.refuse(t("identifier.length"))
    if _is_nir(identifier, nir):
        return Checked.refuse(t("identifier.nir"))
    if _is_iban(identifier):
        return Checked.refuse(t("identifier.iban"))
    return Checked.accept(identifier)


# Used when the wanted identifier gives nothing usable, or is a NIR or an IBAN: suggestions
# derived from those would still carry the number.
_FALLBACK_BASE = "identifiant"
_SUFFIX_SEPARATORS = ("", ".", "_")
# Stop looking when nearly everything is taken, rather than loop for ever.
_MAX_ATTEMPTS = 10_000


def _base(wanted: str) -> str:
    """`wanted` turned into allowed characters: local part of an e-mail, no accents, lowercase."""
    text = wanted.strip().partition("@")[0]
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"[^a-z0-9._-]+", ".", text)
    text = re.sub(r"[._-]{2,}", lambda m: m.group(0)[0], text).strip("._-")
    if not text or _is_nir(text, None) or _is_iban(text):
        return _FALLBACK_BASE
    return text


def _candidates(base: str) -> Iterator[str]:
    """base1, base.2, base_3, base4...; short bases get longer numbers to reach MIN_LENGTH."""
    for n in itertools.count(1):
        sep = _SUFFIX_SEPARATORS[(n - 1) % len(_SUFFIX_SEPARATORS)]
        width = max(len(str(n)), MIN_LENGTH - len(base) - len(sep))
        number = str(n) if width == len(str(n)) else str(10 ** (width - 1) + n - 1)
        head = base[: MAX_LENGTH - len(sep) - len(number)]
        if sep:
            head = head.rstrip("._-")
        yield f"{head}{sep}{number}"


def suggest_identifiers(
    wanted: str, is_taken: Callable[[str], bool], count: int = 3
) -> list[str]:
    """Up to `count` free, valid identifiers close to `wanted`, always the same for the same
    input; fewer only when nearly every candidate is taken."""
    found: list[str] = []
    if count <= 0:
        return found
    unwanted = wanted.strip()
    for candidate in itertools.islice(_candidates(_base(wanted)), _MAX_ATTEMPTS):
        if (
            candidate != unwanted
            and candidate not in found
            and check_identifier(candidate).ok
            and not is_taken(candidate)
        ):
            found.append(candidate)
            if len(found) == count:
                break
    return found
