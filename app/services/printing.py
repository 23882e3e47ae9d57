"""The order printer's work (DOMAIN.md rule 4): what waits to print, daily batches, reprints.

Open requests (rule 3) decide what may print, per kind:

* a cancellation, awaiting confirmation or open: **refused** (the order is being voided);
* any change still awaiting the customer's confirmation: **refused** (once confirmed, the
  change would be applied to an order whose slips already went out with the old data);
* a confirmed change that is open with the printer (path "apply"): **printed, with a
  warning** — the change is already in the order, so the slips show it; the printer marks
  the request done afterwards.

A batch is one transaction: rows are recorded and the orders move to "printed" only if the
whole PDF was built and written to a temporary file beside the target; the file is renamed
into place after the transaction commits (``run_batch``). Cancel, an error or a full disk
leave no record and no file. The batch holds the write lock while it builds: fine for one
printer's button press, and it keeps anyone from changing an order mid-print.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import (
    Order,
    PrintBatch,
    PrintBatchOrder,
    RequestKind,
    RequestState,
    Role,
    Shop,
    Stage,
)
from app.models.errors import InvalidInput, TransitionRefused, UserError
from app.models.formats import local
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing import batch as batch_doc
from app.printing import fonts
from app.printing.data import BatchCover, CoverLine, LabelSize, SheetSize
from app.services import audit, changes, print_slips
from app.services import orders as orders_service
from app.services.actor import Actor, require
from app.services.print_files import Staged, stage_files

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Waiting:
    """An order waiting to print, with what holds it back (refusals) or needs care."""

    id: int
    order_no: str
    shop: str
    courier: str
    paid_at: datetime
    recipient: str
    holds: tuple[UserError, ...] = ()
    warnings: tuple[UserError, ...] = ()


@dataclass(frozen=True)
class BatchResult:
    batch_no: str
    printed: tuple[str, ...]
    held: tuple[tuple[str, UserError], ...]
    warnings: tuple[str, ...]
    staged: Staged = field(repr=False)


def request_checks(
    session: Session, ids: list[int]
) -> dict[int, tuple[list[UserError], list[UserError]]]:
    """Refusals and warnings from open requests, per order (see the module docstring)."""
    out: dict[int, tuple[list[UserError], list[UserError]]] = {}
    for order_id, reqs in changes.open_for_order_ids(session, ids).items():
        holds, warns = out.setdefault(order_id, ([], []))
        for r in reqs:
            if r.kind is RequestKind.CANCEL:
                holds.append(
                    TransitionRefused(
                        QT_TRANSLATE_NOOP(
                            "UserError", "Order {order_no}: a cancellation is under way (#{id})."
                        ),
                        order_no=r.order_no,
                        id=r.id,
                    )
                )
            elif r.state is RequestState.AWAITING_CONFIRMATION:
                holds.append(
                    TransitionRefused(
                        QT_TRANSLATE_NOOP(
                            "UserError",
                            "Order {order_no}: change #{id} waits for the customer's confirmation.",
                        ),
                        order_no=r.order_no,
                        id=r.id,
                    )
                )
            else:
                warns.append(
                    UserError(
                        QT_TRANSLATE_NOOP(
                            "UserError",
                            "Order {order_no}: request #{id} is open; the slips already show the "
                            "change. Mark it done after printing.",
                        ),
                        order_no=r.order_no,
                        id=r.id,
                    )
                )
    return out


def _cutoff_instant(session: Session, cutoff: str | None) -> datetime | None:
    """Today's cut-off in the shop's time zone; orders paid later wait for tomorrow."""
    if cutoff == "":
        return None
    hhmm = print_slips.parse_cutoff(cutoff) if cutoff else print_slips.cutoff(session)
    hour, minute = (int(p) for p in hhmm.split(":"))
    today = local(db_now(session))
    return today.replace(hour=hour, minute=minute, second=0, microsecond=0)


def _waiting_query(session: Session, shop: str | None, courier: str | None, cutoff: str | None):  # type: ignore[no-untyped-def]
    stmt = (
        select(
            Order.id, Order.order_no, Shop.name, Order.courier, Order.paid_at, Order.recipient_name
        )
        .join(Shop, Shop.id == Order.shop_id)
        .where(Order.stage == Stage.PAID.value)
        .order_by(Order.paid_at, Order.id)
    )
    if shop:
        stmt = stmt.where(Shop.id == print_slips.shop_by_name(session, shop).id)
    if courier:
        stmt = stmt.where(Order.courier == courier.strip())
    instant = _cutoff_instant(session, cutoff)
    if instant is not None:
        stmt = stmt.where(Order.paid_at <= instant)
    return stmt


def waiting(
    session: Session,
    *,
    shop: str | None = None,
    courier: str | None = None,
    cutoff: str | None = None,
    limit: int = 5000,
) -> list[Waiting]:
    """Paid orders not yet printed, oldest payment first; ``cutoff=""`` means no cut-off."""
    rows = session.execute(_waiting_query(session, shop, courier, cutoff).limit(limit)).all()
    checks = request_checks(session, [r[0] for r in rows])
    return [
        Waiting(*r, tuple(checks.get(r[0], ([], []))[0]), tuple(checks.get(r[0], ([], []))[1]))
        for r in rows
    ]


def next_batch_no(session: Session, now: datetime) -> str:
    prefix = f"P{local(now):%Y%m%d}-"
    taken = session.execute(
        select(func.count()).select_from(PrintBatch).where(PrintBatch.batch_no.like(prefix + "%"))
    ).scalar_one()
    return f"{prefix}{taken + 1:04d}"


def print_batch(
    session: Session,
    actor: Actor,
    *,
    out: Path,
    labels_out: Path | None = None,
    shop: str | None = None,
    courier: str | None = None,
    cutoff: str | None = None,
    order_nos: list[str] | None = None,
    label_size: LabelSize = LabelSize.L100X150,
    sheet_size: SheetSize = SheetSize.A5,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchResult:
    """Print the waiting orders as one batch; the caller commits, then ``staged.publish()``."""
    user = require(session, actor, Role.PRINTER)
    stmt = _waiting_query(session, shop, courier, "" if order_nos else cutoff)
    if order_nos:
        stmt = stmt.where(Order.order_no.in_([n.strip() for n in order_nos]))
    rows = session.execute(stmt.with_for_update(of=Order)).all()
    ids = [r[0] for r in rows]
    checks = request_checks(session, ids)
    held: list[tuple[str, UserError]] = []
    warnings: list[str] = []
    printable: list[Order] = []
    now = db_now(session)
    batch_no = next_batch_no(session, now)
    for order in print_slips.load_orders(session, ids):
        holds, warns = checks.get(order.id, ([], []))
        if holds:
            held.extend((order.order_no, h) for h in holds)
            continue
        warnings.extend(w.message() for w in warns)
        printable.append(order)
    if order_nos:
        missing = set(order_nos) - {r[1] for r in rows}
        if missing:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError", "Not waiting to print (unknown, or printed already): {orders}"
                ),
                orders=", ".join(sorted(missing)),
            )
    slips = [print_slips.slip_for(o, batch_no=batch_no, printed_at=now) for o in printable]
    glyphs = fonts.Glyphs()
    planned, refused = batch_doc.plan_slips(
        slips, label_size, sheet_size, glyphs, cancelled=cancelled
    )
    held.extend((s.order_no, problem) for s, problem in refused)
    if order_nos and held:
        raise held[0][1]  # the orders were named one by one: print all of them or none
    if not planned:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "No order can be printed now ({held} held back, see the list)."
            ),
            held=len(held),
        )
    cover = BatchCover(
        batch_no,
        now,
        user.display_name,
        shop or "",
        courier or "",
        "" if order_nos else (cutoff if cutoff is not None else print_slips.cutoff(session)),
        tuple(
            CoverLine(
                p.slip.order_no,
                p.slip.recipient.name,
                p.slip.courier,
                p.slip.tracking_no,
                p.slip.piece_count,
            )
            for p in planned
        ),
    )
    main, labels = batch_doc.build(
        cover,
        planned,
        sheet_size,
        glyphs,
        labels_separately=labels_out is not None,
        progress=progress,
        cancelled=cancelled,
    )
    files = [(out, main.data)] + ([(labels_out, labels.data)] if labels_out and labels else [])
    staged = stage_files(files)  # a full disk fails here, before anything is recorded
    try:
        _record(session, actor, user.display_name, cover, planned, label_size, now, printable)
    except BaseException:
        staged.discard()
        raise
    return BatchResult(
        batch_no,
        tuple(p.slip.order_no for p in planned),
        tuple(held),
        tuple(warnings) + main.warnings,
        staged,
    )


def _record(session, actor, name, cover, planned, label_size, now, orders) -> None:  # type: ignore[no-untyped-def]
    by_no = {o.order_no: o for o in orders}
    done = [by_no[p.slip.order_no] for p in planned]
    batch = PrintBatch(
        batch_no=cover.batch_no,
        printed_by_id=actor.user_id,
        printed_by_name=name,
        printed_at=now,
        shop_filter=cover.shop_filter,
        courier_filter=cover.courier_filter,
        cutoff=cover.cutoff,
        label_size=label_size.value,
        order_count=len(done),
    )
    session.add(batch)
    session.flush()
    ids = [o.id for o in done]
    versions = {o.id: o.version for o in done}
    for start in range(0, len(ids), 1000):  # one UPDATE per thousand, guarded by the stage
        chunk = ids[start : start + 1000]
        result = session.execute(
            update(Order)
            .where(Order.id.in_(chunk), Order.stage == Stage.PAID.value)
            .values(
                stage=Stage.PRINTED.value,
                version=Order.version + 1,
                updated_at=now,
                updated_by_id=actor.user_id,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != len(chunk):
            raise orders_service.conflict(session, done[start])
    session.execute(
        PrintBatchOrder.__table__.insert(),
        [
            {
                "batch_id": batch.id,
                "order_id": oid,
                "position": n,
                "order_version": versions[oid] + 1,
            }
            for n, oid in enumerate(ids, 1)
        ],
    )
    print_slips.record_slips(
        session,
        [
            (o.id, batch.id, versions[o.id] + 1, print_slips.slip_hash(p.slip))
            for o, p in zip(done, planned, strict=True)
        ],
        "batch",
    )
    for o in done:  # the bulk UPDATE bypassed the session: reload on next access
        session.expire(o)
    # one audit entry for the batch: ten thousand entries (and change events) would flood
    # the log; print_batch_orders lists each order and the version printed
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=name,
        action="print.batch",
        entity="print_batch",
        entity_key=cover.batch_no,
        before={"stage": Stage.PAID.value},
        after={"stage": Stage.PRINTED.value, "orders": [p.slip.order_no for p in planned]},
    )


def run_batch(db: Database, actor: Actor, **options) -> BatchResult:  # type: ignore[no-untyped-def]
    """One button press: print and record in one transaction, then put the files in place."""
    results: list[BatchResult] = []

    def body(session: Session) -> BatchResult:
        for old in results:  # a retried transaction: the previous attempt's files go
            old.staged.discard()
        results.append(print_batch(session, actor, **options))
        return results[-1]

    try:
        result = db.write(body)
    except BaseException:
        for r in results:
            r.staged.discard()
        raise
    result.staged.publish()
    return result
