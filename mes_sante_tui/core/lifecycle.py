"""A profile's life as one table (PRODUCT.md, "Decision", "Automatic creation", "Closure").

The states a profile goes through, the events that move it, and for each allowed pair the
guard, the state it leads to, the decision it records and the message it sends. `apply_event`
is the one writer of a profile's status: the decision, the closure, the automatic creation
and the deletion all go through it, and what « Gérer le profil » offers is read from the same
table (`allowed_events`). A pair that is not in the table is refused with its reason
(`refusal`), and nothing is written.

`catch_up` carries out what the clock made due (the six-week automatic creation, the
deletion asked for at closure); it is run whenever the engine is about to read or change a
profile and after the simulated clock is moved. It is two indexed look-ups when nothing is
due.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from mes_sante_tui.wording import t

from .answers import Outcome, already_exists
from .birthdate import format_date
from .models import Closure, Person, ProfileStatus
from .outbox import Contact, CreatedNotices, Mailer, OutboxRow
from .results import Refused
from .store import Store

# Public rules of the service.
AUTOMATIC_CREATION = timedelta(weeks=6)
DELETION_MONTHS = 3


class State(StrEnum):
    """Where a profile is in its life: its stored status, a closure told apart by whether
    the deletion of its data is pending."""

    PENDING = ProfileStatus.PENDING.value
    OPPOSED = ProfileStatus.OPPOSED.value
    CREATED = ProfileStatus.CREATED.value
    ACTIVATED = ProfileStatus.ACTIVATED.value
    CLOSED = ProfileStatus.CLOSED.value
    CLOSED_DELETION_PENDING = "cloture_suppression_demandee"
    DELETED = ProfileStatus.DELETED.value


class Event(StrEnum):
    """What moves a profile: four choices of a person, two of the clock."""

    ACTIVATE = "activer"
    OPPOSE = "opposer"
    SIX_WEEKS = "six_semaines"
    CLOSE = "cloturer"
    REOPEN = "rouvrir"
    DELETION_DUE = "suppression_due"


# The events a person chooses, in the order « Gérer le profil » offers them.
PERSON_EVENTS: tuple[Event, ...] = (Event.ACTIVATE, Event.OPPOSE, Event.CLOSE, Event.REOPEN)


def actionable(person: Person) -> bool:
    """Deceased people and profiles that cannot be activated take no step of their life."""
    return not person.deceased and not person.not_activable_reason


@dataclass(frozen=True)
class Transition:
    source: State
    event: Event
    # The status it leads to; None: back to the status before the closure (reopening).
    target: ProfileStatus | None
    # Recorded in `decisions` (by whom: the caller says), or None for the clock's events.
    decision: str | None
    # The Mailer method that tells the addressee, or None.
    message: str | None
    guard: Callable[[Person], bool] | None = actionable
    # Opposing again: the first opposition's status and date are kept.
    keeps_status: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition(State.PENDING, Event.ACTIVATE, ProfileStatus.ACTIVATED, "activer", "activated"),
    Transition(State.PENDING, Event.OPPOSE, ProfileStatus.OPPOSED, "opposer", None),
    Transition(State.PENDING, Event.SIX_WEEKS, ProfileStatus.CREATED, None, "created"),
    Transition(State.OPPOSED, Event.ACTIVATE, ProfileStatus.ACTIVATED, "activer", "activated"),
    Transition(
        State.OPPOSED, Event.OPPOSE, ProfileStatus.OPPOSED, "opposer", None, keeps_status=True
    ),
    # Created at the end of the six weeks: too late to oppose; activated or closed.
    Transition(State.CREATED, Event.ACTIVATE, ProfileStatus.ACTIVATED, "activer", "activated"),
    Transition(State.CREATED, Event.CLOSE, ProfileStatus.CLOSED, "cloturer", "closed"),
    Transition(State.ACTIVATED, Event.CLOSE, ProfileStatus.CLOSED, "cloturer", "closed"),
    Transition(State.CLOSED, Event.REOPEN, None, "rouvrir", "reopened"),
    # The deletion is carried out whoever the person is: no guard.
    Transition(
        State.CLOSED_DELETION_PENDING, Event.DELETION_DUE, ProfileStatus.DELETED, None,
        "deleted", guard=None,
    ),
    # The data are gone: a new, empty space can be activated.
    Transition(State.DELETED, Event.ACTIVATE, ProfileStatus.ACTIVATED, "activer", "activated"),
)

_TABLE: dict[tuple[State, Event], Transition] = {(tr.source, tr.event): tr for tr in TRANSITIONS}


def state_of(person: Person, closure: Closure | None = None) -> State:
    if person.status is ProfileStatus.CLOSED and closure is not None and closure.deletion_pending:
        return State.CLOSED_DELETION_PENDING
    return State(person.status.value)


def transition(state: State, event: Event) -> Transition | None:
    return _TABLE.get((state, event))


def allowed_events(state: State, person: Person | None = None) -> tuple[Event, ...]:
    """The events the table allows from `state` (and whose guard `person` passes), in the
    order of `Event`."""
    return tuple(
        event
        for event in Event
        if (tr := _TABLE.get((state, event))) is not None
        and (person is None or tr.guard is None or tr.guard(person))
    )


def offered_events(state: State, person: Person | None = None) -> tuple[Event, ...]:
    """What « Gérer le profil » offers: the events a person chooses that the table allows
    and that change something (opposing again is accepted, never offered)."""
    allowed = allowed_events(state, person)
    return tuple(
        event
        for event in PERSON_EVENTS
        if event in allowed and not _TABLE[(state, event)].keeps_status
    )


def refusal(person: Person, event: Event, closure: Closure | None = None) -> Refused | None:
    """Why `event` cannot happen to `person` now, in the service's words; None when the
    table allows it."""
    state = state_of(person, closure)
    tr = _TABLE.get((state, event))
    if tr is not None:
        if tr.guard is None or tr.guard(person):
            return None
        return Refused(outcome=Outcome.NOT_ACTIVABLE, message=t("identify.not_activable"))
    match event:
        case Event.ACTIVATE | Event.OPPOSE if state in _OPEN_OR_CLOSED:
            # A closed profile is reopened from the logged-in space, not activated again.
            return already_exists()
        case Event.ACTIVATE | Event.OPPOSE if not actionable(person):
            return Refused(outcome=Outcome.NOT_ACTIVABLE, message=t("identify.not_activable"))
        case Event.OPPOSE if state is State.CREATED:
            return Refused(errors={"choice": t("decision.created_no_opposition")})
        case Event.OPPOSE if state is State.DELETED:
            return Refused(errors={"choice": t("decision.deleted_no_opposition")})
        case Event.CLOSE:
            return Refused(message=t("close.not_open"))
        case Event.REOPEN if state is State.CLOSED_DELETION_PENDING and closure is not None:
            assert closure.deletion_due_at is not None
            due = format_date(closure.deletion_due_at.date())
            return Refused(message=t("reopen.deletion_pending", due=due))
        case Event.REOPEN:
            return Refused(message=t("reopen.not_closed"))
    return Refused(message=t("lifecycle.not_applicable"))


_OPEN_OR_CLOSED = frozenset({State.ACTIVATED, State.CLOSED, State.CLOSED_DELETION_PENDING})


@dataclass(frozen=True)
class Applied:
    """An event carried out: the profile as it is now, and the transition taken."""

    person: Person
    transition: Transition
    ok: bool = True


def apply_event(
    store: Store,
    mailer: Mailer,
    person_id: int,
    event: Event,
    *,
    at: datetime,
    by: int | None = None,
    delete_data: bool = False,
) -> Applied | Refused:
    """Carry out `event` on the profile at `at`: its status and date, the decision row, the
    closure, the account of deleted data, and the message, in one transaction (joined when
    the caller has one open). The profile is read again inside it; when the table refuses
    the pair, nothing is written and the refusal is returned."""
    with store.transaction():
        person = store.person(person_id)
        # Only a closed profile's state depends on its closure (a deletion pending or not).
        closure = store.closure_of(person_id) if person.status is ProfileStatus.CLOSED else None
        if (refused := refusal(person, event, closure)) is not None:
            return refused
        tr = _TABLE[(state_of(person, closure), event)]
        target = tr.target
        if target is None:  # reopening restores what was closed: activated, or only created
            target = closure.previous_status if closure is not None else ProfileStatus.ACTIVATED
        if not tr.keeps_status:
            store.set_status(person.id, target, at.date())
        if tr.decision is not None:
            store.add_decision(person.id, tr.decision, at, by)
        due: datetime | None = None
        match event:
            case Event.CLOSE:
                due = deletion_due(at) if delete_data else None
                store.add_closure(
                    person_id=person.id, closed_at=at, by=by, previous_status=person.status,
                    deletion_due_at=due,
                )
            case Event.REOPEN:
                store.mark_reopened(person.id, at)
            case Event.DELETION_DUE:
                # The account goes with the data: the identifier is free again, and coming
                # back means activating a new, empty space.
                store.mark_deleted(person.id, at)
        # The profile as written, without reading it again (a catch-up makes thousands).
        after = person if tr.keeps_status else replace(person, status=target, status_date=at.date())
        addressee = store.person(person.parent_id) if person.parent_id else after
        _send(mailer, tr.message, at, after, addressee, due)
    return Applied(person=after, transition=tr)


def _send(
    mailer: Mailer,
    message: str | None,
    at: datetime,
    person: Person,
    addressee: Person,
    due: datetime | None,
) -> None:
    match message:
        case "activated":
            mailer.activated(at, person, addressee)
        case "created":
            mailer.created(at, person, addressee)
        case "closed":
            mailer.closed(at, person, addressee, due)
        case "reopened":
            mailer.reopened(at, person, addressee)
        case "deleted":
            mailer.deleted(at, person, addressee)


@dataclass(frozen=True)
class LifeChanges:
    """What one catch-up did."""

    created: int = 0
    deleted: int = 0

    @property
    def any(self) -> bool:
        return bool(self.created or self.deleted)


def add_months(when: datetime, months: int) -> datetime:
    """The same day `months` later, or the month's last day when it is shorter."""
    month_index = when.month - 1 + months
    year, month = when.year + month_index // 12, month_index % 12 + 1
    day = min(when.day, calendar.monthrange(year, month)[1])
    return when.replace(year=year, month=month, day=day)


def deletion_due(closed_at: datetime) -> datetime:
    """A deletion asked for at closure is carried out within three months."""
    return add_months(closed_at, DELETION_MONTHS)


Progress = Callable[[int, int], None]


def catch_up(
    store: Store, mailer: Mailer, now: datetime, progress: Progress | None = None
) -> LifeChanges:
    """Carry out every creation and deletion that is due at `now`.

    A creation is dated the day the six weeks ran out, a deletion its due date, not the day
    the clock was moved. Deceased people and profiles that cannot be activated are never
    created (the transition's guard). The creations are carried out a slice of profiles at a
    time (`SLICE`), one transaction each (joined when the caller has one open), so that a
    million due profiles never sit in memory at once; each slice is read again inside the
    write lock: another process may have done it meanwhile. An interrupted catch-up leaves
    whole slices done, and the next one does the rest.

    `progress(done, total)`, when given and something is due, is called as profiles are
    carried out, with increasing counts, and last with `done == total`. The deletions are
    counted after the creations: `total` grows by their number when they start.
    """
    informed_before = now - AUTOMATIC_CREATION
    created = deleted = seen = 0
    if store.creation_due(informed_before, any_only=True):
        created, seen = _create_due(store, informed_before, progress)
    if store.deletion_due(now, any_only=True):
        with store.transaction():
            due = store.deletion_due(now)
            deleted = _carry_out(
                store, mailer, Event.DELETION_DUE, due, _reporter(progress, seen, len(due))
            )
    return LifeChanges(created=created, deleted=deleted)


# Profiles created per transaction by a catch-up: small enough to keep memory flat (some
# tens of MB a slice), large enough that its commit is a small part of its time: a slice's
# profiles are spread over the whole pending index, whose pages each commit writes again.
SLICE = 20_000


def _create_due(
    store: Store, informed_before: datetime, progress: Progress | None
) -> tuple[int, int]:
    """The six-week creations, slice by slice, by the table's transition (its guard, its
    target, its message), the statuses and the messages of a slice written with
    executemany. Returns how many were created and how many were looked at (the progress's
    total)."""
    tr = _TABLE[(State.PENDING, Event.SIX_WEEKS)]
    assert tr.target is not None and tr.decision is None and not tr.keeps_status
    ids = store.creation_due_ids(informed_before)
    total = len(ids)
    # The table's message for this transition (« créé »), composed from texts prepared once.
    assert tr.message == "created", tr.message
    notices = CreatedNotices()
    # Several slices: their commits do not wait for the disk, the end of the job does.
    with store.bulk_writes() if total > SLICE else nullcontext():
        created = _create_slices(store, tr, ids, informed_before, notices, progress)
    return created, total


def _create_slices(
    store: Store, tr: Transition, ids: Sequence[int], informed_before: datetime,
    notices: CreatedNotices, progress: Progress | None,
) -> int:
    assert tr.target is not None
    total, created = len(ids), 0
    for start in range(0, total, SLICE):
        chunk = ids[start:start + SLICE]
        with store.transaction():
            # The notices read the names and contacts only (the guard, `actionable`, is in
            # the store's query): no `Person` is built.
            rows = _notices_due(store, notices, informed_before, chunk[0], chunk[-1])
            changed = store.create_due_between(
                informed_before, chunk[0], chunk[-1], tr.target, AUTOMATIC_CREATION
            )
            assert changed == len(rows), (changed, len(rows))  # same rows, same lock
            store.add_outbox_rows(rows)
        created += changed
        if progress is not None:
            progress(min(total, start + SLICE), total)
    return created


def _notices_due(
    store: Store, notices: CreatedNotices, informed_before: datetime, first: int, last: int
) -> list[OutboxRow]:
    """The « créé » notices of the profiles due with an id from `first` to `last`."""
    due = store.creation_due_contacts(informed_before, first, last)
    addressees: dict[int, Contact] = {contact.id: contact for contact in due}
    parents = {c.parent_id for c in due if c.parent_id and c.parent_id not in addressees}
    addressees.update(store.people_by_ids(sorted(parents)))
    created_at: dict[str, datetime] = {}  # the information dates are few
    rows: list[OutboxRow] = []
    for contact in due:
        informed = contact.information_sent_at
        at = created_at.get(informed)
        if at is None:
            at = created_at[informed] = datetime.fromisoformat(informed) + AUTOMATIC_CREATION
        addressee = addressees[contact.parent_id] if contact.parent_id else contact
        rows.append(notices.row(at, contact, addressee))
    return rows


def _carry_out(
    store: Store,
    mailer: Mailer,
    event: Event,
    due: list[tuple[int, datetime]],
    report: Progress | None,
) -> int:
    """Apply the clock's `event` to each (profile, date) due; how many it changed."""
    done = 0
    for index, (person_id, at) in enumerate(due, 1):
        done += isinstance(apply_event(store, mailer, person_id, event, at=at), Applied)
        if report is not None:
            report(index, len(due))
    return done


def _reporter(progress: Progress | None, before: int, count: int) -> Progress | None:
    """`progress` for `count` rows after `before` done, called about every half per cent."""
    if progress is None:
        return None
    step = max(1, count // 200)

    def report(done: int, _count: int) -> None:
        if done % step == 0 or done == count:
            progress(before + done, before + count)

    return report
