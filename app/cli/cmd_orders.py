"""``afterdesk orders …``: find, show and list orders; move an order along its stages."""

from __future__ import annotations

from app.cli.common import Context
from app.models import Stage
from app.models.formats import short_time
from app.services.cases import opening as cases
from app.services.cases.rows import CaseDetail
from app.services.changes import requests as changes
from app.services.core.capabilities import Action
from app.services.core.rows import OrderDetail, OrderRow
from app.services.orders import editing, moves
from app.services.orders import lookup as orders


def _line(ctx: Context, row: OrderRow) -> str:
    stage = ctx.translate("Stage", Stage(row.stage).label)
    tracking = f"{row.courier} {row.tracking_no}" if row.tracking_no else ""
    return (
        f"{row.order_no}  {stage}  {row.recipient_name}  {row.recipient_phone}  "
        f"{row.province}{row.city}  {short_time(row.paid_at)}  {tracking}"
    ).rstrip()


def _print_rows(ctx: Context, rows: list[OrderRow]) -> int:
    if ctx.args.json:
        actor = ctx.actor()
        shown = ctx.db.read(lambda s: orders.show_many(s, actor, rows))
        ctx.emit_json([d.to_json() for d in shown])
        return 0
    if not rows:
        ctx.err(ctx.translate("cli", "No orders found."))
        return 1
    for row in rows:
        ctx.out(_line(ctx, row))
    return 0


def print_detail(ctx: Context, order: OrderDetail) -> None:
    if ctx.args.json:
        ctx.emit_json(order.to_json())
        return
    r = order.recipient
    stage = ctx.translate("Stage", Stage(order.stage).label)
    lines = [
        f"{order.order_no}  [{stage}]  {order.shop}",
        ctx.translate("cli", "Recipient: {name}  {phone}").format(name=r.name, phone=r.phone),
        ctx.translate("cli", "Address: {address}  {postcode}").format(
            address=r.address, postcode=r.postcode
        ),
        ctx.translate("cli", "Buyer: {buyer}").format(buyer=order.buyer_id),
        ctx.translate("cli", "Paid: {time}").format(
            time=short_time(order.paid_at) if order.paid_at else "—"
        ),
    ]
    if order.tracking_no:
        lines.append(
            ctx.translate("cli", "Courier: {courier} {number}").format(
                courier=order.courier, number=order.tracking_no
            )
        )
    if order.buyer_message:
        lines.append(ctx.translate("cli", "Buyer message: {text}").format(text=order.buyer_message))
    for item in order.items:
        lines.append(
            f"  {item.sku}  {item.title}  {item.attribute_text}  ×{item.quantity}  ¥{item.price}"
        )
    for note in order.notes:
        flag = "🚩 " if note.flagged else ""
        lines.append(f"  #{note.id} {flag}{note.display}")
    for line in lines:
        ctx.out(line)


def run_find(ctx: Context) -> int:
    actor = ctx.actor()
    return _print_rows(ctx, ctx.db.read(lambda s: orders.search(s, actor, ctx.args.text)))


def run_list(ctx: Context) -> int:
    stage = Stage(ctx.args.stage) if ctx.args.stage else None
    limit = ctx.args.limit  # the service checks its bounds
    actor = ctx.actor()
    return _print_rows(ctx, ctx.db.read(lambda s: orders.page(s, actor, stage=stage, limit=limit)))


CASE_SUMMARY_KEYS = ("case_no", "type", "state", "reason", "opened_by", "opened_at", "timeline")


def _case_summary(case: CaseDetail) -> dict[str, object]:
    """The order's view of a case: what it is, where it stands, its steps (who and when)."""
    full = case.to_json()
    return {key: full[key] for key in CASE_SUMMARY_KEYS}


def run_show(ctx: Context) -> int:
    no, actor = ctx.args.order_no, ctx.actor()
    detail, requests, order_cases = ctx.read(
        Action.CASE_READ,
        lambda s: (
            orders.show(s, actor, no),
            changes.read_for_order(s, actor, no),
            cases.for_order(s, no),
        ),
    )
    if ctx.args.json:
        ctx.emit_json(
            detail.to_json()
            | {
                "change_requests": [r.to_json() for r in requests],
                "cases": [_case_summary(c) for c in order_cases],
            }
        )
        return 0
    print_detail(ctx, detail)
    for req in requests:
        state = ctx.translate("RequestState", req.state.label)
        ctx.out(f"  #{req.id} [{state}] {req.summary}")
    for case in order_cases:
        kind = ctx.translate("CaseType", case.type.label)
        state = ctx.translate("CaseState", case.state.label)
        ctx.out(f"  {case.case_no} [{state}] {kind}")
        for entry in case.timeline:
            ctx.out(f"    {short_time(entry.at)}  {entry.who}  {entry.action}")
    return 0


def run_stage(ctx: Context) -> int:
    actor = ctx.actor()
    a = ctx.args
    detail = ctx.db.write(
        lambda s: moves.move(
            s, actor, a.order_no, Stage(a.stage), expected_version=a.expected_version
        )
    )
    print_detail(ctx, detail)
    return 0


def run_tracking(ctx: Context) -> int:
    actor = ctx.actor()
    a = ctx.args
    detail = ctx.db.write(
        lambda s: editing.set_tracking(
            s,
            actor,
            a.order_no,
            courier=a.courier,
            tracking_no=a.tracking,
            expected_version=a.expected_version,
        )
    )
    print_detail(ctx, detail)
    return 0
