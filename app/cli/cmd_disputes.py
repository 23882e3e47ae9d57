"""``afterdesk dispute …``: platform disputes (维权) and their evidence pack."""

from __future__ import annotations

from app.cli.common import Context
from app.models.complaint_enums import Outcome
from app.models.formats import short_time
from app.services.complaints import disputes, evidence
from app.services.complaints.rows import DisputeView
from app.services.core.capabilities import Action
from app.services.supervision import clock


def _line(ctx: Context, d: DisputeView) -> str:
    text = f"{d.dispute_no}  {d.platform}  {d.case_no or d.order_no}  {d.owner}"
    text += "  " + ctx.translate("cli", "deadline {time}").format(time=short_time(d.deadline))
    if d.outcome is not None:
        text += "  " + ctx.translate("Outcome", d.outcome.label)
    elif d.overdue:
        text += "  " + ctx.translate("cli", "OVERDUE")
    return text


def _show(ctx: Context, d: DisputeView) -> None:
    if ctx.args.json:
        ctx.emit_json(d.to_json())
        return
    ctx.out(_line(ctx, d))
    ctx.out("  " + ctx.translate("cli", "claim: {text}").format(text=d.claim))
    if d.outcome_note:
        ctx.out("  " + d.outcome_note)


def run_open(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    view = ctx.db.write(
        lambda s: disputes.open_dispute(
            s,
            actor,
            a.ref,
            dispute_no=a.dispute_no,
            deadline=a.deadline,
            claim=a.claim,
            platform=a.platform,
            owner=a.owner,
        )
    )
    _show(ctx, view)
    return 0


def run_outcome(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    view = ctx.db.write(
        lambda s: disputes.record_outcome(s, actor, a.dispute_no, Outcome(a.result), a.note)
    )
    _show(ctx, view)
    return 0


def run_show(ctx: Context) -> int:
    view = ctx.read(Action.DISPUTE_READ, lambda s: disputes.get(s, ctx.args.dispute_no))
    _show(ctx, view)
    return 0


def run_list(ctx: Context) -> int:
    a = ctx.args
    rows = ctx.read(
        Action.DISPUTE_READ,
        lambda s: disputes.page(s, clock.now(s), open_only=a.open, limit=a.limit),
    )
    if a.json:
        ctx.emit_json([r.to_json() for r in rows])
    else:
        for row in rows:
            ctx.out(_line(ctx, row))
    return 0


def run_evidence(ctx: Context) -> int:
    a = ctx.args
    made = evidence.make(ctx.db, ctx.actor(), a.ref, a.out, overwrite=a.overwrite)
    if a.json:
        ctx.emit_json(
            {"ref": made.ref, "pages": made.pages, "photos": made.photos, "bytes": made.size,
             "path": str(made.path)}
        )  # fmt: skip
    else:
        ctx.out(
            ctx.translate("cli", "Evidence pack of {ref}: {pages} pages, {photos} photos → {path}")
            .format(ref=made.ref, pages=made.pages, photos=made.photos, path=made.path)
        )  # fmt: skip
    for warning in made.pdf.warnings:
        ctx.err(warning)
    return 0
