"""``afterdesk print recall-slip`` and ``afterdesk print register``: after-sales paper."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.cmd_register import _filter, _filters
from app.cli.common import Context, add_json
from app.services import case_print
from app.services.print_files import send_to_printer


def register(cmds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the after-sales documents to ``afterdesk print``'s sub-commands."""
    slip = cmds.add_parser(
        "recall-slip", help="the two-copy recall slip (两联快件退回单) of a recall case, A4"
    )
    slip.add_argument("case_no", metavar="CASE")
    slip.add_argument("--out", required=True, type=Path, help="the PDF to write")
    slip.add_argument("--printer", help="also send it to this CUPS queue (lp -d NAME)")
    add_json(slip)
    slip.set_defaults(run=run_recall_slip)
    reg = cmds.add_parser("register", help="the after-sales register (售后登记表) as a PDF")
    reg.add_argument("--out", required=True, type=Path, help="the PDF to write")
    reg.add_argument("--printer", help="also send it to this CUPS queue (lp -d NAME)")
    _filters(reg)
    reg.set_defaults(run=run_register)


def _warn(ctx: Context, warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        ctx.err(ctx.translate("cli", "Warning: {text}").format(text=warning))


def _send(ctx: Context, path: Path, queue: str | None) -> None:
    if queue:
        job = send_to_printer(path, queue, "A4")
        ctx.out(ctx.translate("cli", "Sent to printer {queue}: {job}").format(queue=queue, job=job))


def run_recall_slip(ctx: Context) -> int:
    a = ctx.args
    done = case_print.print_recall_slip(ctx.db, ctx.actor(), a.case_no, out=a.out, queue=a.printer)
    _warn(ctx, done.pdf.warnings)
    if a.json:
        ctx.emit_json(
            {
                "case_no": done.case_no,
                "copy": done.copy,
                "printed_by": done.printed_by,
                "printed_at": done.printed_at.isoformat(),
                "out": str(a.out),
                "pages": done.pdf.pages,
                "warnings": list(done.pdf.warnings),
            }
        )
    elif done.copy > 1:
        ctx.out(
            ctx.translate(
                "cli", "Recall slip of case {case_no} reprinted (copy {copy}) to {path}"
            ).format(case_no=done.case_no, copy=done.copy, path=a.out)
        )
    else:
        ctx.out(
            ctx.translate("cli", "Recall slip of case {case_no} written to {path}").format(
                case_no=done.case_no, path=a.out
            )
        )
    _send(ctx, a.out, a.printer)
    return 0


def run_register(ctx: Context) -> int:
    a = ctx.args
    pdf, count = case_print.print_register(ctx.db, _filter(ctx), out=a.out, translate=ctx.translate)
    _warn(ctx, pdf.warnings)
    ctx.out(
        ctx.translate("cli", "Register written to {path} (cases: {n}, pages: {pages})").format(
            n=count, pages=pdf.pages, path=a.out
        )
    )
    _send(ctx, a.out, a.printer)
    return 0
