"""Use case « code generation »: « Générer un nouveau code provisoire », by the channel the
person chooses among their contacts on file (a letter when there are none)."""

from __future__ import annotations

from mes_sante_tui.wording import t

from .answers import ChannelOption, CodeSent, Outcome, Session, contact_channels
from .desk import Desk, step
from .journey import Step
from .models import Channel
from .results import Refused
from .session import Sessions


class CodeGeneration:
    def __init__(self, desk: Desk, sessions: Sessions) -> None:
        self.desk, self.sessions = desk, sessions
        self.store = desk.store

    @step(f"{Step.CODE}:contacts", look_up=True)
    def channels(self, session: Session) -> list[ChannelOption]:
        """Where a new code can go: the addressee's contacts on file, masked; else a letter.
        A look-up through the seam: a trainer's « contacts introuvables » leaves the letter."""
        return contact_channels(self.sessions.addressee(session), letter=True)

    @step(Step.CODE)
    def send_code(self, session: Session, channel: Channel | None) -> CodeSent | Refused:
        """A new provisional code by the chosen channel; not within 30 s of the previous one."""
        step = Step.CODE
        if (expired := self.sessions.touch(session, step)) is not None:
            return expired
        options = {o.channel: o for o in self.channels(session)}
        if channel is None or channel not in options:
            self.desk.log(session, step, False, "no_channel")
            return Refused(errors={"channel": t("channel.required")})
        person, addressee = self.sessions.profile(session), self.sessions.addressee(session)
        now, settings = self.desk.clock.now(), self.desk.settings
        with self.store.transaction():
            last = self.store.last_regenerated_at(person.id)
            if last is not None and now - last < settings.resend_delay:
                self.desk.log(session, step, False, Outcome.WAIT)
                return Refused(outcome=Outcome.WAIT, message=t("code.wait_30s"))
            code = self.desk.codes.provisional()
            valid_until = now + settings.regenerated_code_validity
            self.store.add_provisional_code(
                person_id=person.id,
                code_hash=self.desk.hasher.digest(code),
                issued_at=now,
                expires_at=valid_until,
                channel=channel,
                origin="regenerated",
            )
            self.desk.mailer.new_code(now, person, addressee, channel, code, valid_until)
        self.desk.log(session, step, True, f"sent:{channel.value}")
        return CodeSent(channel=channel, masked=options[channel].masked)
