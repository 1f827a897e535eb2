"""A trainer's subcommands: `panne` (show, inject or remove a fault on the store, so that a
trainer's terminal acts on a trainee's running application) and `journal` (a session's
journal read back, with the time spent on each step and the injected faults marked)."""

from __future__ import annotations

from mes_sante_tui.core.birthdate import format_moment
from mes_sante_tui.core.faults import Fault, FaultPlan
from mes_sante_tui.core.journal import JournalEntry, latest_session, session_journal, time_words
from mes_sante_tui.core.services import Services
from mes_sante_tui.wording import t

from ..context import EXIT_OK, Context, fail, print_json


def _how(once: bool) -> str:
    return t("fault.once" if once else "fault.until_removed")


def cmd_panne(services: Services, context: Context) -> int:
    """No argument: the faults in force and those available; NAME: inject it (until
    removed, or for the next call with `--une-fois`); `--aucune`: remove them all."""
    plan = FaultPlan(services.store)
    args = context.args
    fault: Fault | None = args.panne
    if args.aucune:
        removed = plan.remove()
        if context.json:
            print_json({"removed": removed})
        else:
            from .. import render

            render.sentences(t("cli.panne.removed", n=removed))
        return EXIT_OK
    if fault is not None:
        plan.inject(fault, once=args.une_fois, now=services.engine.clock.now())
        if context.json:
            print_json({"injected": fault.value, "once": bool(args.une_fois)})
        else:
            from .. import render

            render.sentences(
                t("cli.panne.injected", name=fault.value, how=_how(args.une_fois))
            )
        return EXIT_OK
    in_force = {f.fault: f for f in plan.in_force()}
    if context.json:
        print_json({
            "in_force": [
                {"name": f.fault.value, "once": f.once, "since": f.since.isoformat()}
                for f in in_force.values()
            ],
            "available": [
                {"name": fault.value, "description": t(f"fault.{fault.value}")}
                for fault in Fault
            ],
        })
        return EXIT_OK
    from .. import render

    rows = []
    for each in Fault:
        state = in_force.get(each)
        rows.append([
            each.value,
            t(f"fault.{each.value}"),
            t("fault.off") if state is None else _how(state.once),
            "" if state is None else format_moment(state.since),
        ])
    if not in_force:
        render.sentences(t("cli.panne.none_in_force"))
    render.table(
        [t("cli.panne.name"), t("cli.panne.what"), t("cli.panne.state"), t("cli.panne.since")],
        rows,
        title=t("cli.panne.available"),
        keep_whole=(0,),
    )
    return EXIT_OK


def _row(entry: JournalEntry) -> list[str]:
    return [
        entry.at.strftime("%H:%M:%S"),
        entry.step_words,
        t("journal.accepted") if entry.accepted else t("journal.refused"),
        entry.reason_words,
        time_words(entry.time_spent),
        "" if entry.fault is None else f"{t('fault.injected')} : {entry.fault}",
    ]


def cmd_journal(services: Services, context: Context) -> int:
    """The journal of one session (`--session ID`, else the latest)."""
    store = services.store
    session_id: str | None = context.args.session or latest_session(store)
    if session_id is None:
        if context.json:
            print_json([])
            return EXIT_OK
        from .. import render

        render.sentences(t("cli.journal.empty"))
        return EXIT_OK
    entries = session_journal(store, session_id)
    if not entries:
        return fail(t("cli.journal.unknown", session=session_id))
    if context.json:
        print_json([entry.record() for entry in entries])
        return EXIT_OK
    from .. import render

    nobody = t("cli.journal.nobody")
    trainee = next((e.trainee for e in entries if e.trainee), None)
    scenario = next((e.scenario for e in entries if e.scenario), None)
    render.table(
        [
            t("cli.journal.time"), t("cli.journal.step"), t("cli.journal.result"),
            t("cli.journal.reason"), t("cli.journal.spent"), t("cli.journal.fault"),
        ],
        [_row(entry) for entry in entries],
        title=t("cli.journal.title", session=session_id) + "\n" + t(
            "cli.journal.who",
            trainee=trainee or nobody,
            scenario=scenario or nobody,
        ),
        keep_whole=(0, 4, 5),
        numbers=(4,),
    )
    return EXIT_OK

