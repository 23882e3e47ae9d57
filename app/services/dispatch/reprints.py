"""Reprints: orders, or a whole batch, printed again with a reason.

Recorded as every print is (``recording.record_print``): drawn from a read, recorded in a
short write that checks each order is still the version drawn, so a whole-batch reprint
never holds the write lock while it draws.

An order printed before AfterDesk recorded slips for it (imported, or moved on by
``orders stage``) has no batch to reprint from: its slips are printed now under a batch of
their own, recorded like a reprint with the reason given. ``check_reprint`` answers, before
anyone chooses a file, whether a reprint may go ahead and which orders get first slips.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import Order, PrintBatch, PrintBatchOrder, PrintedSlip, Reprint, Stage
from app.models.errors import InvalidInput, NotFound, TransitionRefused, UserError
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.printing import batch as batch_doc
from app.printing import fonts
from app.printing.data import BatchCover, CoverLine, LabelSize, OrderSlip, SheetSize
from app.printing.words import common
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.outputs import check_outputs
from app.services.core.validation import clean_text
from app.services.dispatch import slips as print_slips
from app.services.dispatch.batches import next_batch_no, request_checks
from app.services.dispatch.recording import Changed, Drawing, record_print
from app.services.dispatch.waiting import drawing_notes

REPRINTABLE = (Stage.PRINTED.value, Stage.PACKED.value)


@dataclass(frozen=True)
class ReprintResult:
    order_nos: tuple[str, ...]
    warnings: tuple[UserError, ...]  # translated where shown (GUI, CLI)


def order_ids(session: Session, order_nos: list[str]) -> list[int]:
    wanted = [n.strip() for n in order_nos]
    found = dict(
        session.execute(select(Order.order_no, Order.id).where(Order.order_no.in_(wanted))).all()
    )
    missing = [n for n in wanted if n not in found]
    if missing:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "There is no order {order_no}."), order_no=missing[0]
        )
    return [found[n] for n in wanted]


@dataclass
class _Reprint:
    """What the read found: the orders (at the versions drawn), their slips and cover."""

    user_name: str
    why: str
    now: datetime
    orders: list[Order]
    batch_ids: dict[int, int]  # order id → the batch whose slips are reprinted
    slips: list[OrderSlip]
    cover: BatchCover | None
    warnings: list[UserError]
    first: list[Order]  # printed before AfterDesk recorded slips: first slips, own batch
    first_batch_no: str  # the batch number those slips show
    whole_batch: int | None = None  # the batch's id when a whole batch is reprinted


@dataclass(frozen=True)
class ReprintCheck:
    """A reprint may go ahead: the orders, and those that get their first recorded slips."""

    order_nos: tuple[str, ...]
    first_slips: tuple[str, ...]


def check_reprint(
    session: Session,
    actor: Actor,
    *,
    reason: str = "-",
    order_nos: list[str] | None = None,
    batch_no: str | None = None,
) -> ReprintCheck:
    """Refuse a reprint before the person chooses where to save it; say which orders have
    no recorded slips (they are printed now, recorded like a reprint with the reason)."""
    prep = _prepare(session, actor, reason, order_nos, batch_no, draw=False)
    return ReprintCheck(
        tuple(o.order_no for o in prep.orders), tuple(o.order_no for o in prep.first)
    )


def _prepare(
    session: Session,
    actor: Actor,
    reason: str,
    order_nos: list[str] | None,
    batch_no: str | None,
    *,
    draw: bool = True,
) -> _Reprint:
    user = require(session, actor, Action.PRINT_REPRINT)
    why = clean_text(reason, field=Label(QT_TRANSLATE_NOOP("Field", "Reason")), max_len=200)
    batch = None
    if batch_no:
        batch = session.execute(
            select(PrintBatch).where(PrintBatch.batch_no == batch_no.strip())
        ).scalar_one_or_none()
        if batch is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("UserError", "There is no batch {batch_no}."), batch_no=batch_no
            )
        ids = list(
            session.execute(
                select(PrintedSlip.order_id)
                .join(Order, Order.id == PrintedSlip.order_id)
                .where(PrintedSlip.batch_id == batch.id, Order.stage.in_(REPRINTABLE))
            ).scalars()
        )
    else:
        ids = order_ids(session, order_nos or [])
    if not ids:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "Nothing to reprint."))
    orders = print_slips.load_orders(session, ids)
    batch_ids = dict(
        session.execute(
            select(PrintedSlip.order_id, PrintedSlip.batch_id).where(PrintedSlip.order_id.in_(ids))
        ).all()
    )
    batch_nos = dict(session.execute(select(PrintBatch.id, PrintBatch.batch_no)).all())
    warnings = _check_reprintable(session, orders)
    first = [o for o in orders if o.id not in batch_ids]
    now = db_now(session)
    first_batch_no = next_batch_no(session, now) if first else ""
    slips = [
        print_slips.slip_for(
            o,
            batch_no=batch_nos[batch_ids[o.id]] if o.id in batch_ids else first_batch_no,
            printed_at=now,
            reprint=o.id in batch_ids,
        )
        for o in (orders if draw else [])
    ]
    cover = None
    if batch is not None:
        cover = BatchCover(
            batch.batch_no,
            now,
            user.display_name,
            batch.shop_filter,
            batch.courier_filter,
            batch.cutoff,
            (),
            reprint_reason=why,
            audit_head=audit.anchor(session).text(),
        )
    return _Reprint(
        user.display_name,
        why,
        now,
        orders,
        batch_ids,
        slips,
        cover,
        warnings,
        first,
        first_batch_no,
        batch.id if batch is not None else None,
    )


def _check_reprintable(session: Session, orders: list[Order]) -> list[UserError]:
    checks = request_checks(session, [o.id for o in orders])
    warnings: list[UserError] = []
    for order in orders:
        if order.stage not in REPRINTABLE:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Order {order_no} has no printed slips to reprint (it is “{stage}”).",
                ),
                order_no=order.order_no,
                stage=Label(Stage(order.stage).label, "Stage"),
            )
        holds, warns = checks.get(order.id, ([], []))
        if holds:
            raise holds[0]
        warnings.extend(warns)
    return warnings


def _draw(
    db: Database,
    actor: Actor,
    *,
    reason: str,
    out: Path,
    order_nos: list[str] | None = None,
    batch_no: str | None = None,
    labels_out: Path | None = None,
    label_size: LabelSize = LabelSize.L100X150,
    sheet_size: SheetSize = SheetSize.A5,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Drawing[ReprintResult]:
    prep = db.read(lambda s: _prepare(s, actor, reason, order_nos, batch_no))
    glyphs = fonts.Glyphs()
    planned, refused = batch_doc.plan_slips(prep.slips, label_size, sheet_size, glyphs)
    if refused:
        raise refused[0][1]
    cover = prep.cover
    if cover is not None:
        lines = tuple(
            CoverLine(
                p.slip.order_no,
                p.slip.recipient.name,
                p.slip.courier,
                p.slip.tracking_no,
                p.slip.piece_count,
            )
            for p in planned
        )
        cover = replace(cover, lines=lines, language=common(p.slip.language for p in planned))
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
    result = ReprintResult(
        tuple(o.order_no for o in prep.orders), tuple(prep.warnings) + drawing_notes(main.warnings)
    )
    return Drawing(
        files,
        partial(
            _record,
            actor=actor,
            prep=prep,
            hashes=[print_slips.slip_hash(p.slip) for p in planned],  # before the write lock
            label_size=label_size,
        ),
        result,
    )


def _first_batch(
    session: Session, actor: Actor, prep: _Reprint, label_size: LabelSize
) -> dict[int, int]:
    """Orders with no recorded slips get a batch of their own, the number their slips show."""
    if not prep.first:
        return {}
    if next_batch_no(session, prep.now) != prep.first_batch_no:
        raise Changed()  # another batch took the number printed on the slips
    batch = PrintBatch(
        batch_no=prep.first_batch_no,
        printed_by_id=actor.user_id,
        printed_by_name=prep.user_name,
        printed_at=prep.now,
        label_size=label_size.value,
        order_count=len(prep.first),
    )
    session.add(batch)
    session.flush()
    print_slips.insert_rows(
        session,
        PrintBatchOrder.__table__,
        [
            {"batch_id": batch.id, "order_id": o.id, "position": n, "order_version": o.version}
            for n, o in enumerate(prep.first, 1)
        ],
    )
    return {o.id: batch.id for o in prep.first}


def _record(
    session: Session, *, actor: Actor, prep: _Reprint, hashes: list[str], label_size: LabelSize
) -> None:
    """The short write: everything slow (reading, drawing, hashing) is done before it. On
    PostgreSQL every writer waits for this transaction (the write lock in ``app.db``), so a
    whole-batch reprint writes one reprints row and re-stamps the slips set-based."""
    require(session, actor, Action.PRINT_REPRINT)
    ids = [o.id for o in prep.orders]
    # FOR NO KEY UPDATE on PostgreSQL: a note or request inserted for one of these orders
    # (its foreign key takes KEY SHARE) does not wait for this lock
    now = dict(
        session.execute(
            select(Order.id, Order.version).where(Order.id.in_(ids)).with_for_update(key_share=True)
        ).all()
    )
    changed = [o.order_no for o in prep.orders if now.get(o.id) != o.version]
    if changed:
        raise Changed(changed)  # drawn again from the order as it is now
    first = _first_batch(session, actor, prep, label_size)
    signed = {
        "reason": prep.why,
        "printed_by_id": actor.user_id,
        "printed_by_name": prep.user_name,
        "printed_at": prep.now,
    }
    if prep.whole_batch is not None:  # a whole batch: recorded once, as its printing was
        reprint_rows = [{"order_id": None, "batch_id": prep.whole_batch, "order_version": None}]
    else:
        reprint_rows = [
            {
                "order_id": o.id,
                "batch_id": {**prep.batch_ids, **first}[o.id],
                "order_version": o.version,
            }
            for o in prep.orders
        ]
    print_slips.insert_rows(session, Reprint.__table__, [{**r, **signed} for r in reprint_rows])
    drawn = list(zip(prep.orders, hashes, strict=True))
    print_slips.restamp_slips(
        session, [(o.id, o.version, h) for o, h in drawn if o.id not in first], "reprint"
    )
    print_slips.record_slips(
        session, [(o.id, first[o.id], o.version, h) for o, h in drawn if o.id in first], "reprint"
    )
    # last: every audited write waits for the chain's head row, so it is taken at the end
    entries: list[tuple[str, str, object]] = (
        [("print_batch", prep.cover.batch_no, [o.order_no for o in prep.orders])]
        if prep.cover is not None
        else [("order", o.order_no, o.version) for o in prep.orders]
    )
    for entity, key, what in entries:
        audit.record(
            session,
            actor_id=actor.user_id,
            actor_name=prep.user_name,
            action="print.reprint",
            entity=entity,
            entity_key=key,
            after={"reason": prep.why, "orders" if entity == "print_batch" else "version": what},
        )


def run_reprint(
    db: Database, actor: Actor, *, overwrite: bool = False, **options: Any
) -> ReprintResult:
    """Reprint orders (or a whole batch) with a reason; the slips then match the order.

    Drawn from a read and recorded in a short write (``recording.record_print``): a
    whole-batch reprint never holds the write lock while it draws.
    """
    check_outputs(db.url, [options.get("out"), options.get("labels_out")], overwrite=overwrite)
    return record_print(db, lambda _previous: _draw(db, actor, **options))
