"""One-time codes: the 6-digit codes of a login, a new password and a contact change
(PRODUCT.md, "One-time code").

Each is written the same way (a new code replaces every live one of the same purpose, stored
as a keyed hash, valid for the settings' time) and checked the same way (the newest live
code, compared in constant time, then its expiry; used once). Counting wrong entries is the
caller's, with `core/lockout.py`: what a wait says differs from one flow to the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from mes_sante_tui.wording import t

from . import codeformat
from .codes import CodeGenerator, CodeHasher
from .store import Store

# Purposes in the otp_codes table.
LOGIN = "login"
PASSWORD = "password_code"


def contact_purpose(kind: str) -> str:
    """The purpose of a contact change's code: `contact_email`, `contact_mobile`."""
    return f"contact_{kind}"


@dataclass(frozen=True)
class OtpRefusal:
    """Why a typed code was not accepted: a reason for the journal (`format`, `none`,
    `wrong`, `expired`) and the message for the field."""

    reason: str
    message: str


@dataclass(frozen=True)
class OneTimeCodes:
    store: Store
    hasher: CodeHasher
    codes: CodeGenerator
    validity: timedelta

    def send(
        self,
        person_id: int,
        purpose: str,
        target: str,
        now: datetime,
        deliver: Callable[[str], object],
    ) -> None:
        """A new code to `target`, replacing any earlier one of the same purpose; `deliver`
        puts it in the outbox, in the same transaction."""
        code = self.codes.otp()
        with self.store.transaction():
            self.store.add_otp(
                person_id=person_id,
                purpose=purpose,
                target=target,
                code_hash=self.hasher.digest(code),
                issued_at=now,
                expires_at=now + self.validity,
            )
            deliver(code)

    def confirm(
        self, person_id: int, purpose: str, raw: str, now: datetime, *, target: str | None = None
    ) -> OtpRefusal | None:
        """None when `raw` is the live code of that purpose (then used up, inside the
        caller's transaction when it has one), else why not."""
        checked = codeformat.check_otp(raw)
        if checked.error or checked.value is None:
            return OtpRefusal("format", checked.error or t("otp.required"))
        with self.store.transaction():
            row = self.store.live_otp(person_id, purpose, target)
            if row is None:
                return OtpRefusal("none", t("otp.none"))
            if not self.hasher.matches(checked.value, row["code_hash"]):
                return OtpRefusal("wrong", t("otp.wrong"))
            if datetime.fromisoformat(row["expires_at"]) <= now:
                return OtpRefusal("expired", t("otp.expired"))
            self.store.use_otp(int(row["id"]), now)
        return None
