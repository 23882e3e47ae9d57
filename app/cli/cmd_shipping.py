"""``afterdesk handover …`` and ``afterdesk export shipments``: the courier's hand-over and
the platform's bulk-ship file, over app/services/shipping."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from app.cli.common import Context
from app.models.errors import InvalidInput, UserError
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.capabilities import Action
from app.services.shipping import days, exports, handover


def run_add(ctx: Context) -> int:
    """Each number in its own transaction: one refused parcel does not hold back the rest."""
    a = ctx.args
    actor = ctx.actor()
    added: list[dict[str, Any]] = []
    refused: list[dict[str, str]] = []
    for number in a.waybills:
        try:
            done = ctx.db.write(
                partial(handover.scan, actor=actor, courier=a.courier, waybill=number)
            )
        except UserError as error:
            refused.append({"waybill": number, "reason": ctx.explain(error)})
            if not a.json:
                ctx.err(ctx.translate("cli", "Refused: {text}").format(text=ctx.explain(error)))
            continue
        added.append(
            {
                "waybill": done.tracking_no,
                "orders": list(done.order_nos),
                "exchange_case": done.case_no or None,
                "count": done.count,
            }
        )
        orders = ", ".join(done.order_nos)
        if done.case_no:
            orders = ctx.translate("cli", "exchange {case_no} of order {order_no}").format(
                case_no=done.case_no, order_no=orders
            )
        if not a.json:
            ctx.out(
                ctx.translate(
                    "cli", "{number} added ({orders}): {count} parcels for {courier}"
                ).format(
                    number=done.tracking_no,
                    orders=orders,
                    count=done.count,
                    courier=a.courier,
                )
            )
    if a.json:
        ctx.emit_json({"courier": a.courier, "added": added, "refused": refused})
    return 2 if refused else 0


def run_remove(ctx: Context) -> int:
    a = ctx.args
    actor = ctx.actor()
    for number in a.waybills:
        left = ctx.db.write(
            partial(handover.remove, actor=actor, courier=a.courier, waybill=number)
        )
        ctx.out(
            ctx.translate("cli", "{number} taken out: {count} parcels left for {courier}").format(
                number=number, count=left, courier=a.courier
            )
        )
    return 0


def run_list(ctx: Context) -> int:
    a = ctx.args
    if a.courier is None:
        lists = ctx.read(Action.HANDOVER_READ, lambda s: handover.open_lists(s, ctx.actor()))
        if a.json:
            ctx.emit_json([{"courier": c, "count": n} for c, n in lists])
            return 0
        for courier, count in lists:
            ctx.out(
                ctx.translate("cli", "{courier}: {count} parcels").format(
                    courier=courier, count=count
                )
            )
        if not lists:
            ctx.out(ctx.translate("cli", "No hand-over list is open."))
        return 0
    found = ctx.read(Action.HANDOVER_READ, lambda s: handover.current(s, ctx.actor(), a.courier))
    if a.json:
        ctx.emit_json(
            {
                "courier": found.courier,
                "count": found.count,
                "parcels": [
                    {
                        "waybill": p.tracking_no,
                        "order_no": p.order_no,
                        "exchange_case": p.case_no or None,
                        "shop": p.shop,
                        "scanned_at": p.scanned_at.isoformat(),
                    }
                    for p in found.parcels
                ],
            }
        )
        return 0
    for p in found.parcels:
        case = f"  {p.case_no}" if p.case_no else ""
        ctx.out(f"{p.tracking_no}  {p.order_no}{case}  {p.shop}  {short_time(p.scanned_at)}")
    ctx.out(
        ctx.translate("cli", "{courier}: {count} parcels").format(
            courier=found.courier, count=found.count
        )
    )
    return 0


def run_confirm(ctx: Context) -> int:
    a = ctx.args
    done = handover.confirm(ctx.db, ctx.actor(), a.courier, a.out, overwrite=a.overwrite)
    for warning in done.warnings:
        ctx.err(ctx.translate("cli", "Warning: {text}").format(text=warning))
    if a.json:
        ctx.emit_json(
            {
                "manifest_no": done.manifest_no,
                "courier": done.courier,
                "confirmed_at": done.confirmed_at.isoformat(),
                "count": done.count,
                "shipped": list(done.order_nos),
                "exchanges_shipped": list(done.case_nos),
                "out": str(done.path),
            }
        )
        return 0
    ctx.out(
        ctx.translate(
            "cli",
            "Manifest {manifest}: {count} parcels handed to {courier}, orders shipped; "
            "printed to {path}",
        ).format(manifest=done.manifest_no, count=done.count, courier=done.courier, path=done.path)
    )
    return 0


def _day(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{text}” is not a date: write it as 2026-12-06."),
            text=text,
        ) from None


def run_day(ctx: Context) -> int:
    a = ctx.args
    day = _day(a.date)
    found = ctx.read(Action.HANDOVER_READ, lambda s: days.of_day(s, ctx.actor(), day))
    if a.json:
        ctx.emit_json(
            {
                "day": day.isoformat(),
                "batches": [b.__dict__ for b in found.batches],
                "manifests": [m.__dict__ for m in found.manifests],
                "exchanges": [x.__dict__ for x in found.exchanges],
            }
        )
        return 0
    ctx.out(ctx.translate("cli", "Print batches ({count})").format(count=len(found.batches)))
    for b in found.batches:
        ctx.out(f"  {b.batch_no}  {short_time(b.printed_at)}  {b.printed_by}  {b.orders}")
    ctx.out(
        ctx.translate("cli", "Hand-over manifests ({count})").format(count=len(found.manifests))
    )
    for m in found.manifests:
        when = short_time(m.confirmed_at)
        ctx.out(f"  {m.manifest_no}  {when}  {m.courier}  {m.confirmed_by}  {m.parcels}")
    ctx.out(ctx.translate("cli", "Exchanges shipped ({count})").format(count=len(found.exchanges)))
    for x in found.exchanges:
        ctx.out(
            f"  {x.case_no}  {x.order_no}  {x.courier}  {x.tracking_no}  {short_time(x.shipped_at)}"
        )
    return 0


def run_export(ctx: Context) -> int:
    a = ctx.args
    done = exports.export(ctx.db, ctx.actor(), a.shop, a.format, a.out, overwrite=a.overwrite)
    if a.json:
        ctx.emit_json(
            {
                "shop": done.shop,
                "format": done.format.value,
                "out": str(done.path),
                "count": done.count,
                "shipments": [
                    {
                        "order_no": s.order_no,
                        "courier": s.courier,
                        "tracking_no": s.tracking_no,
                        "again": s.again,
                    }
                    for s in done.shipments
                ],
            }
        )
        return 0
    if not done.count:
        ctx.out(
            ctx.translate(
                "cli",
                "No new shipments for {shop} since the last export; {path} has the headers only.",
            ).format(shop=done.shop, path=done.path)
        )
        return 0
    again = sum(s.again for s in done.shipments)
    ctx.out(
        ctx.translate(
            "cli",
            "{count} shipments of {shop} written to {path} ({again} with a new waybill number)",
        ).format(count=done.count, shop=done.shop, path=done.path, again=again)
    )
    return 0
