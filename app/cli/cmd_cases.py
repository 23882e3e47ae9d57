"""``afterdesk case …``: after-sales cases, step by step, over the same services as the GUI."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app.cli.common import Context, add_json
from app.models import CardInParcel, CaseType, RefundMethod, SignoffResult
from app.models.errors import InvalidInput
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services import case_photos, case_steps, cases
from app.services.actor import Actor
from app.services.case_photos import PreparedPhoto
from app.services.case_views import CaseDetail

TYPES = [t.value for t in CaseType]


def _case_cmd(
    cmds: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    helptext: str,
    run: Callable[[Context], int],
) -> argparse.ArgumentParser:
    cmd = cmds.add_parser(name, help=helptext)
    cmd.add_argument("case_no")
    cmd.add_argument(
        "--version",
        dest="expected_version",
        type=int,
        help="the case version you looked at; refused if someone changed it since",
    )
    add_json(cmd)
    cmd.set_defaults(run=run)
    return cmd


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("case", help="after-sales cases: returns, exchanges, recalls, refunds")
    cmds = parser.add_subparsers(dest="case_cmd", required=True)
    op = cmds.add_parser("open", help="register a case on an order (prints its case number)")
    op.add_argument("order_no")
    op.add_argument("--type", required=True, choices=TYPES, dest="kind")
    op.add_argument("--reason", default="")
    op.add_argument("--quality", action="store_true", help="a quality problem (质量问题)")
    op.add_argument("--defect-location", default="", help="where the defect is")
    op.add_argument(
        "--no-photo-possible", action="store_true", help="the defect cannot be photographed"
    )
    op.add_argument("--return-tracking")
    op.add_argument("--return-courier", default="")
    op.add_argument("--card", choices=[c.value for c in CardInParcel], default="unknown")
    op.add_argument("--wants", default="", help="what the customer wants in exchange")
    op.add_argument("--freight-advance", help="return freight the customer advanced")
    add_json(op)
    op.set_defaults(run=run_open)

    photo = _case_cmd(cmds, "photo", "add photos (JPEG, PNG, WebP) to a case", run_photo)
    photo.add_argument("files", nargs="+", type=Path)
    claim = _case_cmd(cmds, "claim", "record or correct the quality claim", run_claim)
    claim.add_argument("--quality", action=argparse.BooleanOptionalAction, required=True)
    claim.add_argument("--defect-location", default="")
    claim.add_argument("--no-photo-possible", action="store_true")
    ret = _case_cmd(cmds, "return", "the customer sent the goods back", run_return)
    ret.add_argument("--tracking", required=True)
    ret.add_argument("--courier", default="")
    ret.add_argument("--freight-advance")
    ret.add_argument("--card", choices=[c.value for c in CardInParcel])
    approve = _case_cmd(cmds, "approve", "a supervisor approves an exception", run_approve)
    approve.add_argument("--free-freight", action="store_true")
    approve.add_argument("--early-exchange", action="store_true")
    sign = _case_cmd(cmds, "signoff", "the warehouse inspects and signs", run_signoff)
    sign.add_argument("--result", required=True, choices=[r.value for r in SignoffResult])
    sign.add_argument("--notes", default="")
    sign.add_argument("--photo", action="append", default=[], type=Path)
    _case_cmd(cmds, "received", "recall: the printer signs 原包裹已收到", run_received)
    refund = _case_cmd(cmds, "refund", "record the refund", run_refund)
    refund.add_argument("--amount", required=True)
    refund.add_argument("--method", required=True, choices=[m.value for m in RefundMethod])
    refund.add_argument("--reference", default="")
    exch = _case_cmd(cmds, "exchange-shipped", "the exchange left", run_exchange)
    exch.add_argument("--tracking", required=True)
    exch.add_argument("--courier", required=True)
    close = _case_cmd(cmds, "close", "close the case", run_close)
    close.add_argument("--remark", default="")
    link = _case_cmd(cmds, "link", "an unannounced parcel: whose it is", run_link)
    link.add_argument("order_no")
    link.add_argument("--type", dest="kind", choices=["return", "exchange"], default="return")
    link.add_argument("--reason", default="")
    _case_cmd(cmds, "show", "one case with its photos and timeline", run_show)
    unann = cmds.add_parser(
        "register-unannounced", help="the warehouse registers a parcel nobody announced"
    )
    unann.add_argument("--tracking", required=True)
    unann.add_argument("--courier", default="")
    unann.add_argument("--order", dest="order_no")
    unann.add_argument("--remark", default="")
    add_json(unann)
    unann.set_defaults(run=run_unannounced)
    # `case list` lives with the register (cmd_register) so both share the filters
    from app.cli import cmd_register

    cmd_register.add_case_list(cmds)


def _read_photos(paths: list[Path]) -> list[PreparedPhoto]:
    """Read and check the files before the transaction: the lock is held only to insert."""
    prepared = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "Cannot read {path}: {reason}"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from None
        prepared.append(case_photos.prepare(data, path.name))
    return prepared


def show_case(ctx: Context, case: CaseDetail) -> None:
    """A case in a few lines, or its JSON."""
    if ctx.args.json:
        ctx.emit_json(case.to_json())
        return
    kind, state = (
        ctx.translate("CaseType", case.type.label),
        ctx.translate("CaseState", case.state.label),
    )
    ctx.out(f"{case.case_no}  [{state}]  {kind}  {case.order_no or '-'}  {case.buyer_id}")
    if case.reason:
        ctx.out("  " + ctx.translate("cli", "reason: {text}").format(text=case.reason))
    if case.quality:
        where = case.defect_location or ctx.translate("cli", "(defect location missing)")
        ctx.out("  " + ctx.translate("cli", "quality problem at: {where}").format(where=where))
        if case.no_photo_possible:
            ctx.out("  " + ctx.translate("cli", "the defect cannot be photographed (recorded)"))
    ctx.out("  " + ctx.translate("cli", "photos: {n}").format(n=len(case.photos)))
    if case.return_tracking_no:
        ctx.out(
            "  "
            + ctx.translate("cli", "return parcel: {courier} {tracking}").format(
                courier=case.return_courier, tracking=case.return_tracking_no
            )
        )
    ctx.out(
        "  "
        + ctx.translate("cli", "freight: {payer}; advanced by the customer: {amount}").format(
            payer=ctx.translate("FreightPayer", case.freight_payer.label),
            amount=f"{case.return_freight:.2f}",
        )
    )
    for who, at, text in (
        (
            case.free_freight_by,
            case.free_freight_at,
            ctx.translate("cli", "free return freight approved"),
        ),
        (
            case.early_exchange_by,
            case.early_exchange_at,
            ctx.translate("cli", "early exchange approved"),
        ),
        (case.signoff_by, case.signoff_at, ctx.translate("cli", "warehouse signed")),
        (case.parcel_back_by, case.parcel_back_at, "原包裹已收到"),
        (case.refund_by, case.refund_at, ctx.translate("cli", "refunded")),
        (case.exchange_by, case.exchange_at, ctx.translate("cli", "exchange shipped")),
        (case.closed_by, case.closed_at, ctx.translate("cli", "closed")),
    ):
        if who and at:
            ctx.out(f"  {text} — {who} {short_time(at)}")
    if case.signoff_result:
        ctx.out(
            "  "
            + ctx.translate("cli", "inspection: {result} {notes}")
            .format(
                result=ctx.translate("SignoffResult", SignoffResult(case.signoff_result).label),
                notes=case.signoff_notes,
            )
            .rstrip()
        )
    if case.refund_amount is not None:
        ctx.out(
            "  "
            + ctx.translate(
                "cli", "refund {amount} ({method}), freight reimbursed {freight}"
            ).format(
                amount=f"{case.refund_amount:.2f}",
                method=ctx.translate(
                    "RefundMethod", RefundMethod(case.refund_method or "original").label
                ),
                freight=f"{case.freight_reimbursed:.2f}",
            )
        )
    if case.exchange_tracking_no:
        ctx.out(
            "  "
            + ctx.translate("cli", "exchange parcel: {courier} {tracking}").format(
                courier=case.exchange_courier, tracking=case.exchange_tracking_no
            )
        )


def _write(ctx: Context, fn: Callable[[Session, Actor], CaseDetail]) -> int:
    actor = ctx.actor()
    show_case(ctx, ctx.db.write(lambda s: fn(s, actor)))
    return 0


def run_open(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: cases.open_case(
            s,
            actor,
            a.order_no,
            CaseType(a.kind),
            reason=a.reason,
            quality=a.quality,
            defect_location=a.defect_location,
            no_photo_possible=a.no_photo_possible,
            return_tracking=a.return_tracking,
            return_courier=a.return_courier,
            card=CardInParcel(a.card),
            wants=a.wants,
            freight_advance=a.freight_advance,
        ),
    )


def run_photo(ctx: Context) -> int:
    photos = _read_photos(ctx.args.files)
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: case_photos.add_photos(
            s, actor, a.case_no, photos, expected_version=a.expected_version
        ),
    )


def run_claim(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: cases.set_claim(
            s,
            actor,
            a.case_no,
            quality=a.quality,
            defect_location=a.defect_location,
            no_photo_possible=a.no_photo_possible,
            expected_version=a.expected_version,
        ),
    )


def run_return(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: case_steps.record_return(
            s,
            actor,
            a.case_no,
            tracking=a.tracking,
            courier=a.courier,
            freight_advance=a.freight_advance,
            card=CardInParcel(a.card) if a.card else None,
            expected_version=a.expected_version,
        ),
    )


def run_approve(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: case_steps.approve(
            s,
            actor,
            a.case_no,
            free_freight=a.free_freight,
            early_exchange=a.early_exchange,
            expected_version=a.expected_version,
        ),
    )


def run_signoff(ctx: Context) -> int:
    a = ctx.args
    photos = _read_photos(a.photo)
    return _write(
        ctx,
        lambda s, actor: case_steps.signoff(
            s,
            actor,
            a.case_no,
            result=SignoffResult(a.result),
            notes_text=a.notes,
            photos=photos,
            expected_version=a.expected_version,
        ),
    )


def run_received(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: case_steps.parcel_received(
            s, actor, a.case_no, expected_version=a.expected_version
        ),
    )


def run_refund(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: case_steps.refund(
            s,
            actor,
            a.case_no,
            amount=a.amount,
            method=RefundMethod(a.method),
            reference=a.reference,
            expected_version=a.expected_version,
        ),
    )


def run_exchange(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: case_steps.exchange_shipped(
            s,
            actor,
            a.case_no,
            tracking=a.tracking,
            courier=a.courier,
            expected_version=a.expected_version,
        ),
    )


def run_close(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: case_steps.close(
            s, actor, a.case_no, remark=a.remark, expected_version=a.expected_version
        ),
    )


def run_link(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: case_steps.link(
            s,
            actor,
            a.case_no,
            order_no=a.order_no,
            kind=CaseType(a.kind),
            reason=a.reason,
            expected_version=a.expected_version,
        ),
    )


def run_unannounced(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: case_steps.register_unannounced(
            s, actor, tracking=a.tracking, courier=a.courier, order_no=a.order_no, remark=a.remark
        ),
    )


def run_show(ctx: Context) -> int:
    case = ctx.db.read(lambda s: cases.get(s, ctx.args.case_no))
    show_case(ctx, case)
    if not ctx.args.json:
        for entry in case.timeline:
            ctx.out(f"    {short_time(entry.at)}  {entry.who}  {entry.action}")
    return 0
