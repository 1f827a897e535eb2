"""The files a trainer prints: `rapport` (a session's, a trainee's or a class's report, PDF
or CSV) and `fiches` (persona sheets).

Files are written whole or not at all: to a temporary file beside the target, then renamed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mes_sante_tui.core.services import Services
from mes_sante_tui.core.store import Store
from mes_sante_tui.wording import t

from ..context import EXIT_OK, Context, fail, print_json

if TYPE_CHECKING:
    from mes_sante_tui.core.sheets import Sheet


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (a temporary file in the same folder, renamed)."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _output(raw: str) -> Path:
    return Path(raw).expanduser()


def _write_or_fail(outputs: list[tuple[Path, bytes]]) -> str | None:
    """Write each file; the French line of the first failure, or None."""
    for path, data in outputs:
        try:
            write_file(path, data)
        except OSError as exc:
            return t("cli.output.failed", path=path, why=exc.strerror or exc.__class__.__name__)
    return None


# --- rapport -------------------------------------------------------------------------------


def cmd_rapport(context: Context) -> int:
    """`rapport`: `--dossier` a class folder, `--session` one session of the store, or else
    every session of the store (one trainee)."""
    from mes_sante_tui.core import report, report_csv, report_pdf

    args = context.args
    output = _output(args.sortie)
    kind = args.format or ("csv" if output.suffix.lower() == ".csv" else "pdf")
    if args.dossier:
        folder = Path(args.dossier).expanduser().absolute()
        if not folder.is_dir():
            return fail(t("cli.rapport.no_folder", path=folder))
        whole = report.class_report(folder)
        data = (report_pdf.class_pdf(whole) if kind == "pdf"
                else report_csv.trainees_csv(whole.trainees).encode("utf-8"))
    else:
        if not context.path.is_file():  # a report never creates a store
            return fail(t("cli.rapport.no_store", path=context.path))
        store = Store(context.path)
        try:
            trainee = report.trainee_of(store, context.path)
            if args.session:
                session = report.session_report(store, args.session)
                if session is None:
                    return fail(t("cli.rapport.no_session", id=args.session, path=context.path))
                data = (report_pdf.session_pdf(session) if kind == "pdf" else
                        report_csv.sessions_csv([(trainee.name, session)]).encode("utf-8"))
            else:
                data = (report_pdf.trainee_pdf(trainee) if kind == "pdf"
                        else report_csv.trainees_csv([trainee]).encode("utf-8"))
        finally:
            store.close()
    problem = _write_or_fail([(output, data)])
    if problem is not None:
        return fail(problem)
    if context.json:
        print_json({"path": str(output), "format": kind, "bytes": len(data)})
    else:
        print(t("cli.rapport.written", path=output), file=sys.stdout)
    return EXIT_OK


# --- fiches --------------------------------------------------------------------------------


def cmd_fiches(services: Services, context: Context) -> int:
    """`fiches`: the persona sheets (PDF, and the same as text beside it)."""
    from mes_sante_tui.core import sheets

    args = context.args
    try:
        chosen = sheets.persona_sheets(services.store, args.personas)
    except sheets.UnknownPersona as unknown:
        return fail(t("cli.fiches.unknown", persona=unknown.key, path=context.path))
    return _write_sheets(context, chosen)


def cmd_fiches_scenario(context: Context) -> int:
    """`fiches --scenario NAME`: the trainee's sheet of the scenario, made from a run of it
    prepared in a temporary folder (no store of the trainer's is opened or written)."""
    from mes_sante_tui.core import sheets

    return _write_sheets(context, [sheets.scenario_sheet(context.args.of_scenario)])


def _write_sheets(context: Context, chosen: list[Sheet]) -> int:
    from mes_sante_tui.core import sheets

    pdf_path = _output(context.args.sortie)
    txt_path = pdf_path.with_suffix(".txt")
    problem = _write_or_fail([
        (pdf_path, sheets.sheets_pdf(chosen)),
        (txt_path, sheets.sheets_text(chosen).encode("utf-8")),
    ])
    if problem is not None:
        return fail(problem)
    if context.json:
        print_json({"pdf": str(pdf_path), "text": str(txt_path),
                    "personas": [s.key for s in chosen]})
    else:
        print(t("cli.fiches.written", pdf=pdf_path, txt=txt_path, count=len(chosen)))
    return EXIT_OK
