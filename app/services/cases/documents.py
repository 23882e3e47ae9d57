"""Printing for after-sales: the two-copy recall slip and the register as a PDF.

The recall slip (docs/domain.md rule 5) is recorded as every print is
(``dispatch.recording.record_print``): drawn from one read, staged beside its target, then
recorded in one short write that checks the case is still the version drawn and still
waiting for its parcel; the file is renamed into place only after that commits. Printing
the slip is not a move of the case (the state table has none): it is a step of the case's
timeline, audited with who, when and which copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import DocLanguage, Shop
from app.models.errors import InvalidInput
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing.data import PdfResult
from app.printing.recall_slip import RecallSlip, recall_slip_pdf
from app.printing.register_pdf import RegisterSheet, register_pdf
from app.printing.words import common
from app.services.cases import opening as cases
from app.services.cases import recall as case_recall
from app.services.cases import register as case_register
from app.services.cases.register import RegisterFilter
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.outputs import check_outputs
from app.services.dispatch.files import write_now
from app.services.dispatch.recording import Changed, Drawing, record_print

Translate = Callable[[str, str], str]
SLIP_ACTION = "case.recall_slip"
EVERY_CASE = RegisterFilter()


@dataclass(frozen=True)
class SlipPrinted:
    case_no: str
    copy: int  # 1 for the first print, 2 and up for reprints
    printed_at: datetime
    printed_by: str
    pdf: PdfResult


@dataclass(frozen=True)
class _Prepared:
    slip: RecallSlip
    version: int
    copy: int
    now: datetime


def _check_pdf(path: Path | None) -> None:
    if path is not None and Path(path).suffix.lower() != ".pdf":
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Documents are written as .pdf files: {path}"),
            path=str(path),
        )


def _prepare(session: Session, actor: Actor, case_no: str) -> _Prepared:
    slip = case_recall.recall_slip(session, case_no)  # refuses any other kind of case
    detail = cases.get(session, slip.case_no)
    # after-sales prints it; the order printer, who keeps the slips, may print it again
    require(session, actor, Action.CASE_RECALL_SLIP, detail)
    printed = sum(
        1 for r in audit.history(session, "case", slip.case_no) if r.action == SLIP_ACTION
    )
    return _Prepared(slip, detail.version, printed + 1, db_now(session))


def _record(session: Session, actor: Actor, prep: _Prepared, queue: str | None) -> None:
    case = cases.load(session, prep.slip.case_no, expected_version=prep.version)
    require(session, actor, Action.CASE_RECALL_SLIP, case)
    cases.record(
        session,
        actor,
        SLIP_ACTION,
        case,
        copy=prep.copy,
        tracking_no=prep.slip.tracking_no,
        printer=queue or "",
    )


def print_recall_slip(
    db: Database,
    actor: Actor,
    case_no: str,
    *,
    out: Path | None = None,
    queue: str | None = None,
    overwrite: bool = False,
) -> SlipPrinted:
    """Draw the slip, record who printed it, then (after the commit) put ``out`` in place.

    A case changed between the drawing and the recording is drawn again; a refusal, a full
    disk or a failed commit leaves no record and no file.
    """
    _check_pdf(out)
    check_outputs(db.url, [out], overwrite=overwrite)

    def draw(_previous: Changed | None) -> Drawing[SlipPrinted]:
        prep = db.read(lambda s: _prepare(s, actor, case_no))
        pdf = recall_slip_pdf(
            prep.slip,
            printed_by=actor.display_name,
            printed_at=prep.now,
            reprint=prep.copy > 1,
        )
        done = SlipPrinted(prep.slip.case_no, prep.copy, prep.now, actor.display_name, pdf)
        files = [(out, pdf.data)] if out is not None else []
        return Drawing(files, partial(_record, actor=actor, prep=prep, queue=queue), done)

    return record_print(db, draw)


# -- the register ---------------------------------------------------------------------------
def _identity(_context: str, text: str) -> str:
    return text


def _period(filters: RegisterFilter, translate: Translate) -> str:
    start = filters.date_from.strftime("%Y.%m.%d") if filters.date_from else ""
    end = filters.date_to.strftime("%Y.%m.%d") if filters.date_to else ""
    if start and end:
        text = translate("Register", "From {start} to {end}").format(start=start, end=end)
    elif start:
        text = translate("Register", "From {start}").format(start=start)
    elif end:
        text = translate("Register", "Until {end}").format(end=end)
    else:
        text = translate("Register", "All dates")
    parts = [text]
    if filters.states:
        names = "、".join(translate("CaseState", s.label) for s in filters.states)
        parts.append(translate("Register", "State: {names}").format(names=names))
    if filters.types:
        names = "、".join(translate("CaseType", t.label) for t in filters.types)
        parts.append(translate("Register", "Type: {names}").format(names=names))
    if filters.staff:
        parts.append(translate("Register", "Staff: {name}").format(name=filters.staff))
    if filters.search:
        parts.append(translate("Register", "Search: {text}").format(text=filters.search))
    return "    ".join(parts)


def register_sheet(
    session: Session, filters: RegisterFilter = EVERY_CASE, translate: Translate = _identity
) -> RegisterSheet:
    """The printed register's texts and rows, with the export's columns and cells."""
    rows = [case_register.cells(r, translate) for r in case_register.rows(session, filters)]
    now = db_now(session)
    return RegisterSheet(
        title=translate("Register", "After-sales register"),
        period=_period(filters, translate),
        headers=[translate("Register", c) for c in case_register.COLUMNS],
        rows=rows,
        page_label=translate("Register", "Page {page} of {pages}"),
        # the audit chain's head goes on paper, out of reach of whoever can write the database
        printed=translate("Register", "Printed {time}, {count} cases; audit chain {head}").format(
            time=short_time(now), count=len(rows), head=audit.anchor(session).text()
        ),
    )


def _documents_language(session: Session, chinese: Translate) -> Translate:
    """The shops' document language (printing.words.common): Chinese, English, or both."""
    language = common(session.execute(select(Shop.doc_language)).scalars())
    if language is DocLanguage.ZH:
        return chinese
    if language is DocLanguage.EN:
        return _identity

    def both(context: str, text: str) -> str:
        zh = chinese(context, text)
        return text if zh == text else f"{zh} {text}"

    return both


def print_register(
    db: Database,
    actor: Actor,
    filters: RegisterFilter = EVERY_CASE,
    *,
    out: Path | None = None,
    translate: Translate = _identity,
    chinese: Translate | None = None,
    overwrite: bool = False,
) -> tuple[PdfResult, int]:
    """The register as an A4 landscape PDF (and written to ``out``); also the case count.

    Given ``chinese`` (the Chinese translation), it is in the shops' document language, as
    every printed document; else in ``translate``'s.
    """
    _check_pdf(out)
    check_outputs(db.url, [out], overwrite=overwrite)

    def sheet_of(session: Session) -> RegisterSheet:
        require(session, actor, Action.REGISTER_EXPORT)
        words = translate if chinese is None else _documents_language(session, chinese)
        return register_sheet(session, filters, words)

    sheet = db.read(sheet_of)
    pdf = register_pdf(sheet)
    if out is not None:
        write_now(out, pdf.data)
    return pdf, sum(1 for _ in sheet.rows)  # a list: read again
