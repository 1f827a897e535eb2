"""What time does to a profile: the six-week automatic creation and the deletion of data
asked for at closure (PRODUCT.md, "Automatic creation" and "Closure").

Both are carried out by `catch_up`, run whenever the engine is about to read or change a
profile and after the simulated clock is moved, so every status reacts to the clock without
a background job. Each run is two indexed look-ups when nothing is due.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .models import ProfileStatus
from .outbox import Mailer
from .store import Store, iso, person_from_row

# Public rules of the service.
AUTOMATIC_CREATION = timedelta(weeks=6)
DELETION_MONTHS = 3


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
    """Carry out every creation and deletion that is due at `now`, in one transaction each.

    `progress(done, total)`, when given and something is due, is called as profiles are
    carried out, with increasing counts, and last with `done == total`. The deletions are
    counted after the creations: `total` grows by their number when they start.
    """
    created = _create_due(store, mailer, now, progress)
    return LifeChanges(created=created, deleted=_delete_due(store, mailer, now, progress, created))


def _reporter(progress: Progress | None, before: int, count: int) -> Progress | None:
    """`progress` for `count` rows after `before` done, called about every half per cent."""
    if progress is None:
        return None
    step = max(1, count // 200)

    def report(done: int, _count: int) -> None:
        if done % step == 0 or done == count:
            progress(before + done, before + count)

    return report


def _create_due(
    store: Store, mailer: Mailer, now: datetime, progress: Progress | None = None
) -> int:
    """Profiles still without a decision six weeks after their information become created.

    Deceased people and profiles that cannot be activated are never created. The date is the
    day the six weeks ran out, not the day the clock was moved.
    """
    threshold = iso(now - AUTOMATIC_CREATION)
    due_sql = (
        "SELECT * FROM people WHERE status = ? AND information_sent_at IS NOT NULL"
        " AND information_sent_at <= ? AND deceased = 0 AND not_activable_reason IS NULL"
    )
    params = (ProfileStatus.PENDING.value, threshold)
    if store.query_one(due_sql + " LIMIT 1", params) is None:
        return 0
    with store.transaction() as conn:
        # Read again inside the write lock: another process may have done it meanwhile.
        rows = conn.execute(due_sql, params).fetchall()
        report = _reporter(progress, 0, len(rows))
        for done, row in enumerate(rows, 1):
            created_at = datetime.fromisoformat(row["information_sent_at"]) + AUTOMATIC_CREATION
            conn.execute(
                "UPDATE people SET status = ?, status_date = ? WHERE id = ?",
                (ProfileStatus.CREATED.value, iso(created_at.date()), row["id"]),
            )
            person = person_from_row(row)
            addressee = store.person(person.parent_id) if person.parent_id else person
            mailer.created(created_at, person, addressee)
            if report is not None:
                report(done, len(rows))
    return len(rows)


def _delete_due(
    store: Store, mailer: Mailer, now: datetime, progress: Progress | None = None,
    done_before: int = 0,
) -> int:
    """Closed profiles whose deletion was asked for lose their data on the due date."""
    due_sql = (
        "SELECT * FROM closures WHERE deleted_at IS NULL AND deletion_due_at IS NOT NULL"
        " AND deletion_due_at <= ?"
    )
    if store.query_one(due_sql + " LIMIT 1", (iso(now),)) is None:
        return 0
    with store.transaction() as conn:
        rows = conn.execute(due_sql, (iso(now),)).fetchall()
        report = _reporter(progress, done_before, len(rows))
        for done, row in enumerate(rows, 1):
            due = datetime.fromisoformat(row["deletion_due_at"])
            conn.execute("UPDATE closures SET deleted_at = ? WHERE id = ?", (iso(due), row["id"]))
            conn.execute(
                "UPDATE people SET status = ?, status_date = ? WHERE id = ?",
                (ProfileStatus.DELETED.value, iso(due.date()), row["person_id"]),
            )
            # The account goes with the data: the identifier is free again, and coming back
            # means activating a new, empty space.
            conn.execute("DELETE FROM accounts WHERE person_id = ?", (row["person_id"],))
            person = store.person(row["person_id"])
            addressee = store.person(person.parent_id) if person.parent_id else person
            mailer.deleted(due, person, addressee)
            if report is not None:
                report(done, len(rows))
    return len(rows)
