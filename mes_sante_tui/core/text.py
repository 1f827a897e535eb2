"""What every field shares before its own rule: characters that nobody can type or see.

A field receives whatever was typed or pasted: a NUL, an escape sequence, a lone surrogate
half of an emoji (which cannot even be encoded to be stored), an invisible right-to-left
mark or zero-width space copied from a web page. Codes and numbers drop the invisible ones
with the spaces (they are noise around digits); every validator refuses the others with its
own field's message, instead of letting them reach SQLite, argon2 or the file system, which
raise on them.
"""

from __future__ import annotations

import unicodedata

# Control characters (Cc), format characters: bidi marks, zero-width, BOM (Cf), surrogates
# (Cs), private use (Co) and unassigned code points (Cn).
_UNSEEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def is_unseen(char: str) -> bool:
    """A character with no glyph of its own: a control, format, surrogate, private-use or
    unassigned code point."""
    return unicodedata.category(char) in _UNSEEN_CATEGORIES


def has_unseen(text: str, *, spaces_allowed: bool = True) -> bool:
    """True when `text` holds a character nobody can type or see. Whitespace (space, tab,
    line break, which are controls too) is left to each field's rule unless
    `spaces_allowed` is False."""
    return any(is_unseen(char) and not (spaces_allowed and char.isspace()) for char in text)


def is_storable(text: str) -> bool:
    """True when `text` can be encoded as UTF-8 (it holds no lone surrogate), as the store and
    the password hash need."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def compact(raw: str) -> str:
    """A code or a number as typed, without its spaces (of any kind: pasted tabs, non-breaking
    spaces, line breaks) nor invisible format characters (bidi marks, zero-width spaces, BOM)
    copied with it. Anything else stays, for the field's rule to refuse."""
    return "".join(
        char for char in raw if not char.isspace() and unicodedata.category(char) != "Cf"
    )
