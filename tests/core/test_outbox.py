"""The simulated messages: a letter's addressee with the civility the NIR gives, and the
sender of every e-mail (PRODUCT.md, "Outbox")."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from support import person_id

from mes_sante_tui import cli
from mes_sante_tui.core.models import Channel, Person
from mes_sante_tui.core.outbox import CreatedNotices, Mailer, civility, letter_label
from mes_sante_tui.core.outbox_text import Role, message_lines
from mes_sante_tui.core.services import Services
from mes_sante_tui.wording import t

SENDER = "assurance-maladie@info.ameli.fr"
AT = datetime(2026, 11, 22, 11, 0)


def person(services: Services, key: str) -> Person:
    return services.store.person(person_id(services, key))


@pytest.mark.parametrize(
    ("first_digit", "expected"),
    [("1", "M."), ("2", "Mme"), ("7", "M."), ("8", "Mme")],
)
def test_the_civility_is_the_nirs_first_digit(
    services: Services, first_digit: str, expected: str
) -> None:
    gerard = person(services, "gerard")
    assert civility(replace(gerard, nir=first_digit + gerard.nir[1:])) == expected


def test_a_letter_to_a_man_reads_m_and_to_a_woman_mme(services: Services) -> None:
    gerard = person(services, "gerard")
    assert gerard.nir.startswith("1")
    assert letter_label(gerard) == "Courrier à M. LAMBERT"
    jeanne = replace(person(services, "jeanne"), email=None, mobile=None)
    assert jeanne.nir.startswith("2")
    assert letter_label(jeanne) == "Courrier à Mme MARTIN"
    # The letter in the outbox, and the channel offered to send a code, say it the same way.
    seeded = [m for m in services.store.outbox() if m.person_id == gerard.id]
    assert [m.masked_address for m in seeded] == ["Courrier à M. LAMBERT"]
    Mailer(services.store).identifier_reminder(AT, jeanne, Channel.LETTER, "jeanne.martin")
    assert services.store.outbox(limit=1)[0].masked_address == "Courrier à Mme MARTIN"


def test_every_email_shows_its_sender_and_nothing_else_does(services: Services) -> None:
    martine = person(services, "martine")
    mailer = Mailer(services.store)
    mailer.otp_sms(AT, martine, "0663781377", "123456")
    messages = services.store.outbox()
    assert {m.channel for m in messages} == {Channel.EMAIL, Channel.SMS, Channel.LETTER}
    for message in messages:
        expected = SENDER if message.channel is Channel.EMAIL else None
        assert message.sender == expected, message


def test_the_outbox_command_shows_the_sender(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "outbox.db")
    assert cli.main(["--db", db, "outbox", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    for record in records:
        assert record["sender"] == (SENDER if record["channel"] == "email" else None), record
    assert cli.main(["--db", db, "outbox"]) == 0
    out = capsys.readouterr().out
    emails = sum(1 for r in records if r["channel"] == "email")
    assert emails > 0 and out.count(SENDER) == emails


class _Rows:
    """Where `Mailer` drops its messages, kept as the rows the store writes."""

    def __init__(self) -> None:
        self.rows: list[tuple[object, ...]] = []

    def add_outbox(
        self, *, at: datetime, channel: Channel, address: str, masked_address: str,
        subject: str, body: str, person_id: int | None, code: str | None = None,
    ) -> int:
        self.rows.append(
            (at.isoformat(), channel.value, address, masked_address, subject, body, person_id,
             code)
        )
        return 0


def test_a_catch_ups_created_notices_are_the_mailers_by_each_channel(
    services: Services,
) -> None:
    """The catch-up composes its « créé » notices from prepared texts (CreatedNotices): the
    very rows `Mailer.created` posts, by e-mail, by SMS alone, by letter, for a child."""
    adult = person(services, "martine")
    assert adult.email and adult.mobile
    sms_only = replace(adult, id=adult.id + 1000, email=None)
    letter = replace(adult, id=adult.id + 2000, email=None, mobile=None, nir="2" + adult.nir[1:])
    child = replace(adult, id=adult.id + 3000, first_name="Hugo", parent_id=adult.id)
    notices = CreatedNotices()
    cases = [(adult, adult), (sms_only, sms_only), (letter, letter), (child, adult),
             (child, letter), (adult, adult)]
    for at in (AT, datetime(2027, 1, 3, 9, 45)):
        for concerned, addressee in cases:
            mailed = _Rows()
            Mailer(mailed).created(at, concerned, addressee)
            assert [notices.row(at, concerned, addressee)] == mailed.rows
    channels = {notices.row(AT, p, a)[1] for p, a in cases}
    assert channels == {"email", "sms", "courrier"}


def test_a_messages_lines_are_composed_once_with_their_roles(services: Services) -> None:
    """The panel's text and the plain mode's « boîte » both come from `message_lines`: the
    mark, the channel and date, the sender, both addresses, the subject, then the body."""
    email = next(m for m in services.store.outbox() if m.channel is Channel.EMAIL)
    lines = message_lines(email, new=True)
    assert [role for _, role in lines[:6]] == [
        Role.NEW, Role.HEADING, Role.PLAIN, Role.PLAIN, Role.PLAIN, Role.STRONG,
    ]
    when = t("widget.outbox.when", channel="E-mail", date=f"{email.at:%d/%m/%Y %H:%M}")
    assert lines[1].text == when
    assert lines[2].text == t("widget.outbox.sender", sender=SENDER)
    assert lines[3].text == t("widget.outbox.masked", address=email.masked_address)
    assert lines[4].text == t("widget.outbox.full", address=email.address)
    assert [text for text, _ in lines[6:]] == email.body.split("\n")
    # The plain mode: no mark (it knows no journey's start), the full address only.
    said = message_lines(email, masked=False)
    assert [text for text, _ in said] == [lines[1].text, lines[2].text, *(
        text for text, _ in lines[4:]
    )]
