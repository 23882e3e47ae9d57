"""After-sales paper: ``afterdesk print recall-slip``, ``print register``, ``print exchange``
and ``print exchanges`` (the exchanges waiting for the printer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.cmd_register import _filter
from app.cli.common import Context
from app.i18n import CHINESE, Translator
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing.data import LabelSize, SheetSize
from app.services.cases import documents as case_print
from app.services.cases import exchange as case_exchange
from app.services.core.capabilities import Action
from app.services.dispatch.files import send_to_printer


def _warn(ctx: Context, warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        ctx.err(ctx.translate("cli", "Warning: {text}").format(text=warning))


def _send(ctx: Context, path: Path, queue: str | None) -> None:
    if queue:
        job = send_to_printer(path, queue, "A4")
        ctx.out(ctx.translate("cli", "Sent to printer {queue}: {job}").format(queue=queue, job=job))


def _printed(ctx: Context, done: Any, written: str, reprinted: str, **extra: object) -> None:
    """What a printed case document says: its JSON, or one line (a reprint names its copy)."""
    out = ctx.args.out
    _warn(ctx, done.pdf.warnings)
    if ctx.args.json:
        ctx.emit_json(
            {
                "case_no": done.case_no,
                **extra,
                "copy": done.copy,
                "printed_by": done.printed_by,
                "printed_at": done.printed_at.isoformat(),
                "out": str(out),
                "pages": done.pdf.pages,
                "warnings": list(done.pdf.warnings),
            }
        )
        return
    text = ctx.translate("cli", reprinted if done.copy > 1 else written)
    ctx.out(text.format(case_no=done.case_no, copy=done.copy, path=out))


def run_recall_slip(ctx: Context) -> int:
    a = ctx.args
    done = case_print.print_recall_slip(
        ctx.db, ctx.actor(), a.case_no, out=a.out, queue=a.printer, overwrite=a.overwrite
    )
    _printed(
        ctx,
        done,
        QT_TRANSLATE_NOOP("cli", "Recall slip of case {case_no} written to {path}"),
        QT_TRANSLATE_NOOP("cli", "Recall slip of case {case_no} reprinted (copy {copy}) to {path}"),
    )
    _send(ctx, a.out, a.printer)
    return 0


def run_register(ctx: Context) -> int:
    a = ctx.args
    pdf, count = case_print.print_register(
        ctx.db,
        ctx.actor(),
        _filter(ctx),
        out=a.out,
        translate=ctx.translate,
        chinese=Translator(CHINESE),
        overwrite=a.overwrite,
    )
    _warn(ctx, pdf.warnings)
    ctx.out(
        ctx.translate("cli", "Register written to {path} (cases: {n}, pages: {pages})").format(
            n=count, pages=pdf.pages, path=a.out
        )
    )
    _send(ctx, a.out, a.printer)
    return 0


def run_exchange(ctx: Context) -> int:
    a = ctx.args
    label_size, sheet_size = LabelSize.parse(a.size), SheetSize.parse(a.paper)
    actor = ctx.actor()
    done = case_exchange.print_exchange(
        ctx.db,
        actor,
        a.case_no,
        a.out,
        label_size=label_size,
        sheet_size=sheet_size,
        reason=a.reason,
        expected_version=a.expected_version,
        overwrite=a.overwrite,
    )
    _printed(
        ctx,
        done,
        QT_TRANSLATE_NOOP("cli", "Exchange order of case {case_no} written to {path}"),
        QT_TRANSLATE_NOOP(
            "cli", "Exchange order of case {case_no} reprinted (copy {copy}) to {path}"
        ),
        order_no=done.order_no,
        reason=done.reason,
    )
    # no --printer: the label and the dispatch note go to different printers (roll and sheet)
    return 0


def run_exchanges(ctx: Context) -> int:
    a = ctx.args
    rows = ctx.read(Action.PRINT_READ, lambda s: case_exchange.waiting(s, include_printed=a.all))
    if a.json:
        ctx.emit_json([r.to_json() for r in rows])
        return 0
    if not rows:
        ctx.out(ctx.translate("cli", "No exchange is waiting to be printed."))
    for r in rows:
        if r.signoff_at:
            why = ctx.translate("cli", "signed for by {name} {time}").format(
                name=r.signoff_by, time=short_time(r.signoff_at)
            )
        else:
            why = ctx.translate("cli", "early exchange approved by {name} {time}").format(
                name=r.early_exchange_by,
                time=short_time(r.early_exchange_at) if r.early_exchange_at else "",
            )
        line = f"{r.case_no}  {r.order_no}  {r.recipient}  {r.wants}  ({why})"
        if r.print_count:
            line += "  " + ctx.translate("cli", "printed {count}×, last by {name} {time}").format(
                count=r.print_count,
                name=r.printed_by,
                time=short_time(r.printed_at) if r.printed_at else "",
            )
        ctx.out(line)
    return 0
