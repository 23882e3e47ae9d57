"""``afterdesk print …``: the order printer's batches, reprints, previews and settings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.common import Context
from app.models.errors import UserError
from app.models.formats import short_time
from app.printing.data import LabelSize, SheetSize
from app.services.core.capabilities import Action
from app.services.dispatch import batches as printing
from app.services.dispatch import missing
from app.services.dispatch import records as print_records
from app.services.dispatch import senders as shop_senders
from app.services.dispatch import slips as print_slips
from app.services.dispatch.batch_waybills import WaybillsMissing, WithoutWaybill
from app.services.dispatch.files import send_to_printer


def _cutoff(a: argparse.Namespace) -> str | None:
    return "" if a.no_cutoff else a.cutoff


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r{done}/{total}")
        sys.stderr.write("\n" if done == total else "")


def _send(ctx: Context, path: Path, queue: str | None, media: str) -> None:
    if queue:
        job = send_to_printer(path, queue, media)
        ctx.out(ctx.translate("cli", "Sent to printer {queue}: {job}").format(queue=queue, job=job))


def _media(a: argparse.Namespace) -> tuple[LabelSize, SheetSize]:
    return LabelSize.parse(a.size), SheetSize.parse(a.paper)


def _after_print(ctx: Context, a: argparse.Namespace, warnings: tuple[UserError, ...]) -> None:
    for warning in warnings:
        ctx.err(ctx.translate("cli", "Warning: {text}").format(text=ctx.explain(warning)))
    label_size, sheet_size = _media(a)
    # one file with sheets and labels goes to a sheet printer; labels alone to the roll
    _send(ctx, a.out, a.printer, sheet_size.value)
    if a.labels_out:
        _send(ctx, a.labels_out, a.label_printer, f"Custom.{label_size.value}mm")


def run_waiting(ctx: Context) -> int:
    a = ctx.args
    rows = ctx.read(
        Action.PRINT_READ,
        lambda s: printing.waiting(s, shop=a.shop, courier=a.courier, cutoff=_cutoff(a)),
    )
    if a.json:
        ctx.emit_json([_waiting_json(ctx, w) for w in rows])
        return 0
    for w in rows:
        mark = "✗" if w.holds else "!" if w.warnings else " "
        ctx.out(f"{mark} {w.order_no}  {short_time(w.paid_at)}  {w.shop}  {w.courier}")
        for problem in (*w.holds, *w.warnings):
            ctx.out("    " + ctx.explain(problem))
    ctx.out(ctx.translate("cli", "{count} orders waiting").format(count=len(rows)))
    return 0


def _waiting_json(ctx: Context, w: printing.Waiting) -> dict[str, Any]:
    return {
        "order_no": w.order_no,
        "shop": w.shop,
        "courier": w.courier,
        "paid_at": w.paid_at.isoformat(),
        "recipient": w.recipient,
        "held": [ctx.explain(h) for h in w.holds],
        "warnings": [ctx.explain(x) for x in w.warnings],
    }


def run_batch(ctx: Context) -> int:
    a = ctx.args
    label_size, sheet_size = _media(a)
    try:
        result = printing.run_batch(
            ctx.db,
            ctx.actor(),
            out=a.out,
            labels_out=a.labels_out,
            shop=a.shop,
            courier=a.courier,
            cutoff=_cutoff(a),
            without_waybill=WithoutWaybill.parse(a.without_waybill),
            label_size=label_size,
            sheet_size=sheet_size,
            progress=_progress,
            overwrite=a.overwrite,
        )
    except WaybillsMissing as missing:  # the choice is the person's: say how to make it
        ctx.err(ctx.explain(missing))
        ctx.err(ctx.translate("cli", "Add --without-waybill packing or --without-waybill hold."))
        return 2
    if a.json:
        ctx.emit_json(
            {
                "batch_no": result.batch_no,
                "printed": list(result.printed),
                "held": [{"order_no": n, "reason": ctx.explain(e)} for n, e in result.held],
                "changed": list(result.changed),
                "packing_labels": list(result.packing_labels),
                "warnings": [ctx.explain(w) for w in result.warnings],
                "out": str(a.out),
            }
        )
    else:
        ctx.out(
            ctx.translate("cli", "Batch {batch}: {count} orders printed to {path}").format(
                batch=result.batch_no, count=len(result.printed), path=a.out
            )
        )
        for order_no, problem in result.held:
            ctx.out(ctx.translate("cli", "Held back: {text}").format(text=ctx.explain(problem)))
            del order_no
        if result.changed:
            ctx.out(
                ctx.translate(
                    "cli", "Changed while drawing, held back for the next batch: {orders}"
                ).format(orders=", ".join(result.changed))
            )
    _after_print(ctx, a, result.warnings)
    return 0


def run_reprint(ctx: Context) -> int:
    a = ctx.args
    label_size, sheet_size = _media(a)
    result = print_records.run_reprint(
        ctx.db,
        ctx.actor(),
        reason=a.reason,
        out=a.out,
        order_nos=a.order_nos,
        batch_no=a.batch,
        labels_out=a.labels_out,
        label_size=label_size,
        sheet_size=sheet_size,
        progress=_progress,
        overwrite=a.overwrite,
    )
    if a.json:
        ctx.emit_json(
            {
                "reprinted": list(result.order_nos),
                "warnings": [ctx.explain(w) for w in result.warnings],
            }
        )
    else:
        ctx.out(
            ctx.translate("cli", "Reprinted {count} orders to {path}").format(
                count=len(result.order_nos), path=a.out
            )
        )
    _after_print(ctx, a, result.warnings)
    return 0


def run_preview(ctx: Context) -> int:
    a = ctx.args
    label_size, sheet_size = _media(a)
    actor = ctx.actor()
    result = ctx.db.read(
        lambda s: print_records.preview(
            s,
            actor,
            a.order_nos,
            kind=a.kind,
            out=a.out,
            label_size=label_size,
            sheet_size=sheet_size,
            overwrite=a.overwrite,
        )
    )
    for warning in result.warnings:
        ctx.err(ctx.translate("cli", "Warning: {text}").format(text=warning))
    ctx.out(
        ctx.translate("cli", "{pages} pages written to {path}").format(
            pages=result.pages, path=a.out
        )
    )
    media = f"Custom.{label_size.value}mm" if a.kind == "labels" else sheet_size.value
    _send(ctx, a.out, a.printer, media)
    return 0


def run_batches(ctx: Context) -> int:
    rows = ctx.read(Action.PRINT_READ, print_records.batches)
    if ctx.args.json:
        ctx.emit_json([b.to_json() for b in rows])
        return 0
    for b in rows:
        ctx.out(
            f"{b.batch_no}  {short_time(b.printed_at)}  {b.printed_by}  {b.order_count}  "
            f"{b.shop_filter or '*'}  {b.courier_filter or '*'}  {b.cutoff or '-'}"
        )
        for path in b.missing_files:
            ctx.out(
                "    "
                + ctx.translate(
                    "cli",
                    "Recorded, but its PDF never reached {path}; draw it again with "
                    "“afterdesk print place {batch}”.",
                ).format(path=path, batch=b.batch_no)
            )
    return 0


def run_place(ctx: Context) -> int:
    a = ctx.args
    for path in missing.put_in_place(ctx.db, ctx.actor(), a.batch, reason=a.reason or ""):
        ctx.out(ctx.translate("cli", "Written to {path}").format(path=path))
    return 0


def run_stale(ctx: Context) -> int:
    rows = ctx.read(Action.PRINT_READ, print_records.stale)
    if ctx.args.json:
        ctx.emit_json([r.__dict__ for r in rows])
        return 0
    for r in rows:
        ctx.out(
            ctx.translate(
                "cli", "{order_no}: printed copy out of date (batch {batch}); reprint it"
            ).format(order_no=r.order_no, batch=r.batch_no)
        )
    return 0


def run_cutoff(ctx: Context) -> int:
    a = ctx.args
    if a.time:
        actor = ctx.actor()
        value = ctx.db.write(lambda s: print_slips.set_cutoff(s, actor, a.time))
    else:
        value = ctx.read(Action.SHOP_READ, print_slips.cutoff)
    ctx.out(value)
    return 0


def run_sender(ctx: Context) -> int:
    a = ctx.args
    actor = ctx.actor()
    saved = ctx.db.write(
        lambda s: shop_senders.save(
            s,
            actor,
            a.shop,
            name=a.name,
            phone=a.phone,
            address=a.address,
            default_courier=a.courier,
            doc_language=a.doc_language,
        )
    )
    if a.courier is None or (a.name, a.phone, a.address, a.doc_language) != (None,) * 4:
        ctx.out(
            f"{saved.sender_name}  {saved.sender_phone}  {saved.return_address}  "
            f"{saved.doc_language.value}"
        )
    if saved.default_courier:
        ctx.out(
            ctx.translate("cli", "Orders of {shop} without a courier go with {courier}.").format(
                shop=saved.shop, courier=saved.default_courier
            )
        )
    else:
        ctx.out(ctx.translate("cli", "{shop} has no default courier.").format(shop=saved.shop))
    return 0
