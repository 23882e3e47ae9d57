"""How the command line shows one case: a few lines of text, or its JSON."""

from __future__ import annotations

from app.cli.common import Context
from app.models import RefundMethod, SignoffResult
from app.models.formats import short_time
from app.services.cases.rows import CaseDetail


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
