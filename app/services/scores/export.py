"""The month's sheet on paper (A4 PDF: one page per person plus the summary) and as XLSX.

Both come from the same cells; the texts are translated by the caller's ``translate`` and the
rules' titles are in the reader's ``language``. Only supervisors and administrators export.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.cells import xlsx_row
from app.services.core.outputs import check_output, url_of, write_beside
from app.services.scores import sheet as sheets
from app.services.scores.entries import EntryView
from app.services.scores.months import Month
from app.services.scores.sheet import MonthSheet, PersonSheet

Translate = Callable[[str, str], str]
C = "ScoreSheet"
ENTRY_COLUMNS = (
    QT_TRANSLATE_NOOP("ScoreSheet", "Recorded"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Rule"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Points"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Reason"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Evidence"),
    QT_TRANSLATE_NOOP("ScoreSheet", "State"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Recorded by"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Decided by"),
)
ENTRY_WEIGHTS = (16.0, 40.0, 9.0, 70.0, 28.0, 14.0, 16.0, 30.0)
SUMMARY_COLUMNS = (
    QT_TRANSLATE_NOOP("ScoreSheet", "Person"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Account"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Points"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Deduction (元)"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Reward (元)"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Team rule (元)"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Net (元)"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Flag"),
)
EVIDENCE = {
    "order": QT_TRANSLATE_NOOP("ScoreSheet", "Order {key}"),
    "case": QT_TRANSLATE_NOOP("ScoreSheet", "Case {key}"),
    "request": QT_TRANSLATE_NOOP("ScoreSheet", "Request #{key}"),
    "complaint": QT_TRANSLATE_NOOP("ScoreSheet", "Complaint #{key}"),
    "swap": QT_TRANSLATE_NOOP("ScoreSheet", "Swap #{key}"),
    "dispute": QT_TRANSLATE_NOOP("ScoreSheet", "Dispute {key}"),
}


def evidence_text(entry: EntryView, translate: Translate) -> str:
    if not entry.evidence_kind:
        return ""
    text = translate(C, EVIDENCE[entry.evidence_kind]).format(key=entry.evidence_key)
    if entry.evidence_order_no and entry.evidence_kind != "order":
        text += " · " + translate(C, EVIDENCE["order"]).format(key=entry.evidence_order_no)
    return text


def entry_cells(entry: EntryView, translate: Translate, language: str) -> list[Any]:
    decided = entry.decided_by or ""
    if entry.decision_reason:
        decided = translate("ScoreSheet", "{name}: {reason}").format(
            name=decided, reason=entry.decision_reason
        )
    return [
        f"{entry.recorded_at.astimezone():%Y-%m-%d}",
        entry.rule.title(language),
        f"{entry.points:+d}",
        entry.reason_text(translate),
        evidence_text(entry, translate),
        translate("EntryState", entry.state.label),
        entry.recorded_by,
        decided,
    ]


def flag(person: PersonSheet, translate: Translate) -> str:
    if person.money.dismissal:
        return translate("ScoreSheet", "Below {points}: dismissal").format(
            points=person.rules.dismissal_below
        )
    if person.money.reward:
        return translate("ScoreSheet", "{points} or more: reward").format(
            points=person.rules.reward_at
        )
    return ""


def summary_cells(person: PersonSheet, translate: Translate) -> list[Any]:
    m = person.money
    return [
        person.person.display_name,
        person.person.username,
        person.points,
        f"{m.deduction:.0f}",
        f"{m.reward:.0f}",
        f"{m.team:+.0f}" if m.team else "",
        f"{m.net:+.0f}",
        flag(person, translate),
    ]


def person_line(person: PersonSheet, translate: Translate) -> str:
    return translate(
        "ScoreSheet",
        "{points} points · deduction {deduction} 元 · reward {reward} 元 · net {net} 元",
    ).format(
        points=person.points,
        deduction=f"{person.money.deduction:.0f}",
        reward=f"{person.money.reward + person.money.team:.0f}",
        net=f"{person.money.net:+.0f}",
    )


def state_line(sheet: MonthSheet, translate: Translate) -> str:
    line = translate("MonthState", sheet.state.label)
    if sheet.submitted_by:
        line += " · " + translate("ScoreSheet", "submitted by {name}").format(
            name=sheet.submitted_by
        )
    if sheet.approved_by:
        line += " · " + translate("ScoreSheet", "approved by {name}").format(name=sheet.approved_by)
    return line


def pdf_bytes(sheet: MonthSheet, translate: Translate, language: str, printed: str = "") -> bytes:
    from app.printing.register_pdf import RegisterSheet, tables_pdf

    title = translate("ScoreSheet", "Score sheet {month}").format(month=sheet.month)
    page_label = translate("ScoreSheet", "page {page} of {pages}")
    tables = [
        RegisterSheet(
            title=f"{title} — {translate('ScoreSheet', 'Summary')}",
            period=state_line(sheet, translate),
            headers=[translate(C, c) for c in SUMMARY_COLUMNS],
            rows=[summary_cells(p, translate) for p in sheet.people],
            page_label=page_label,
            printed=printed,
        )
    ]
    tables += [
        RegisterSheet(
            title=f"{title} — {p.person.display_name} ({p.person.username})",
            period=person_line(p, translate),
            headers=[translate(C, c) for c in ENTRY_COLUMNS],
            rows=[entry_cells(e, translate, language) for e in p.entries],
            page_label=page_label,
            printed=printed,
            weights=ENTRY_WEIGHTS,
        )
        for p in sheet.people
    ]
    return tables_pdf(tables, title, count_across=True).data


def _number(sheet: Any, value: int | Decimal | None, signed: bool = False) -> Any:
    """A number Excel can add up (``+5`` shown with its sign), not the text of one."""
    from openpyxl.cell import WriteOnlyCell

    if value is None:
        return None
    whole = int(value) if value == int(value) else float(value)
    cell = WriteOnlyCell(sheet, value=whole)
    cell.number_format = "+0;-0;0" if signed else "0"
    return cell


def xlsx_write(sheet: MonthSheet, translate: Translate, language: str, path: Path) -> None:
    """The Summary and Entries sheets: points and money as numbers; the people's words
    (names, reasons) as text, never as a live formula (``xlsx_row``)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    summary = book.create_sheet(translate("ScoreSheet", "Summary"))
    summary.append([translate(C, c) for c in SUMMARY_COLUMNS])
    for p in sheet.people:
        cells, m = summary_cells(p, translate), p.money
        cells[2:7] = [
            _number(summary, p.points),
            _number(summary, m.deduction),
            _number(summary, m.reward),
            _number(summary, m.team, signed=True) if m.team else None,
            _number(summary, m.net, signed=True),
        ]
        summary.append(xlsx_row(summary, cells))
    lines = book.create_sheet(translate("ScoreSheet", "Entries"))
    lines.append([translate("ScoreSheet", "Person"), *(translate(C, c) for c in ENTRY_COLUMNS)])
    for p in sheet.people:
        for e in p.entries:
            cells = [p.person.display_name, *entry_cells(e, translate, language)]
            cells[3] = _number(lines, e.points, signed=True)
            lines.append(xlsx_row(lines, cells))
    write_beside(path, book.save)


@dataclass(frozen=True)
class Paper:
    """How a printout reads: the reader's translations and language, who printed it."""

    translate: Translate
    language: str
    printed: str = ""


def write_pdf(path: Path, data: bytes) -> None:
    write_beside(path, lambda temp: Path(temp).write_bytes(data))


def export(
    session: Session,
    actor: Actor,
    month: Month,
    target: Path,
    paper: Paper,
    *,
    overwrite: bool = False,
) -> MonthSheet:
    """Write the month to ``target`` (.xlsx or .pdf), checked before any work."""
    require(session, actor, Action.SCORE_ALL)
    suffix = Path(target).suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The score sheet is written as .xlsx or .pdf: {path}"),
            path=str(target),
        )
    path = check_output(url_of(session), target, overwrite=overwrite)
    sheet = sheets.read(session, actor, month)
    if suffix == ".pdf":
        write_pdf(path, pdf_bytes(sheet, paper.translate, paper.language, paper.printed))
    else:
        xlsx_write(sheet, paper.translate, paper.language, path)
    return sheet
