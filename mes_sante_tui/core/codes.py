"""Provisional and one-time codes: generation from `secrets`, storage as keyed hashes.

Codes are short secrets, so they are never stored in clear: an HMAC with the store's own
random key, compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import string
from typing import Protocol

from .codeformat import OTP_LENGTH, PROVISIONAL_CODE_LENGTH

# Letters and digits that cannot be confused when read aloud at a counter or on a letter
# (no 0/O, 1/l/I). Validation still accepts every letter and digit, as the service does.
_READABLE = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")


class CodeGenerator(Protocol):
    def provisional(self) -> str: ...

    def otp(self) -> str: ...


class SecretCodeGenerator:
    """Production codes, from the operating system's secure random source."""

    def provisional(self) -> str:
        return "".join(secrets.choice(_READABLE) for _ in range(PROVISIONAL_CODE_LENGTH))

    def otp(self) -> str:
        return "".join(secrets.choice(string.digits) for _ in range(OTP_LENGTH))


class SeededCodeGenerator:
    """Repeatable codes for tests and replayable training scenarios."""

    def __init__(self, seed: int = 0) -> None:
        self._random = random.Random(seed)

    def provisional(self) -> str:
        return "".join(self._random.choice(_READABLE) for _ in range(PROVISIONAL_CODE_LENGTH))

    def otp(self) -> str:
        return "".join(self._random.choice(string.digits) for _ in range(OTP_LENGTH))


class CodeHasher:
    """Keyed hashing of codes with the store's secret."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def digest(self, code: str) -> str:
        return hmac.new(self._key, code.encode("utf-8"), hashlib.sha256).hexdigest()

    def matches(self, code: str, stored_digest: str) -> bool:
        return hmac.compare_digest(self.digest(code), stored_digest)
