"""``afterdesk pack`` and ``afterdesk barcodes``: the packing desk from the command line.

``pack ORDER_NO --item CODE … --waybill NO`` does what the desk does with a scanner: every
item checked, the label's number confirmed, the order packed in one transaction. Without
``--waybill`` it only checks: it shows the order and what is still to pack, nothing changes.
"""

from __future__ import annotations

from app.cli.common import Context
from app.models import SpecialKind
from app.models.formats import short_time
from app.services.packing import barcodes, desk


def _show(ctx: Context, order: desk.DeskOrder, ticked: dict[int, int]) -> None:
    head = order.order_no if order.case_no is None else f"{order.case_no} · {order.order_no}"
    ctx.out(f"{head}  {order.shop}")
    for line in order.lines:
        done = ticked.get(line.position, 0)
        mark = "✓" if done >= line.quantity else " "
        ctx.out(
            f"  [{mark}] {line.sku}  {line.title}  {line.attribute_text}  "
            f"{done}/{line.quantity}".rstrip()
        )
    for kind, text in order.special:
        label = ctx.translate("SpecialKind", SpecialKind(kind).label)
        ctx.out(f"  ★ {label}: {text}")
    if order.buyer_message:
        ctx.out(ctx.translate("cli", "  Buyer message: {text}").format(text=order.buyer_message))
    for note in order.flagged_notes:
        ctx.out(f"  🚩 {note}")


def run_pack(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    order = ctx.db.read(lambda s: desk.scan_order(s, actor, a.order_no))
    if order.stops:
        raise order.stops[0]
    ticked: dict[int, int] = {}
    for code in a.item:
        tick = desk.check_item(order, ticked, code)
        ticked[tick.position] = ticked.get(tick.position, 0) + 1
    # a shop without item barcodes: what was not scanned is ticked by hand
    hand = (
        {x.position: x.quantity - ticked.get(x.position, 0) for x in desk.remaining(order, ticked)}
        if order.by_hand
        else {}
    )
    if not a.waybill:
        if ctx.args.json:
            ctx.emit_json({**order.to_json(), "ticked": ticked, "packed": False})
            return 0
        _show(ctx, order, ticked)
        ctx.out(
            ctx.translate(
                "cli",
                "Nothing is packed yet: give the shipping label's number with --waybill NO.",
            )
        )
        return 0
    done = ctx.db.write(
        lambda s: desk.pack(
            s,
            actor,
            order.ref,
            items=a.item,
            by_hand=hand,
            waybill=a.waybill,
            expected_version=a.expected_version,
        )
    )
    if ctx.args.json:
        ctx.emit_json(done.to_json())
        return 0
    ctx.out(
        ctx.translate(
            "cli", "Order {order_no} packed by {name} at {time}: waybill {courier} {waybill}."
        ).format(
            order_no=done.order_no if done.case_no is None else f"{done.case_no}/{done.order_no}",
            name=done.packed_by,
            time=short_time(done.packed_at),
            courier=done.courier,
            waybill=done.waybill,
        )
    )
    if done.assigned:
        ctx.out(ctx.translate("cli", "The label's number is now the order's waybill number."))
    return 0


def run_load(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    loaded = ctx.db.write(lambda s: barcodes.load(s, actor, a.shop, barcodes.read_pairs(a.file)))
    if a.json:
        ctx.emit_json(loaded.to_json())
        return 0
    ctx.out(
        ctx.translate(
            "cli", "{shop}: {added} barcodes added, {changed} changed, {unchanged} unchanged."
        ).format(
            shop=loaded.shop,
            added=loaded.added,
            changed=loaded.changed,
            unchanged=loaded.unchanged,
        )
    )
    return 0


def run_by_hand(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    on = ctx.db.write(lambda s: barcodes.set_ticks_by_hand(s, actor, a.shop, a.choice == "on"))
    if on:
        said = ctx.translate("cli", "{shop}: items are ticked by hand at the packing desk.")
    else:
        said = ctx.translate(
            "cli", "{shop}: items are checked by scanning their barcodes at the packing desk."
        )
    ctx.out(said.format(shop=a.shop))
    return 0
