"""Reprints, previews, stale printed copies and the list of batches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import Order, PrintBatch, PrintedSlip, Reprint, Role, Stage
from app.models.errors import InvalidInput, NotFound, TransitionRefused, UserError
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.printing import batch as batch_doc
from app.printing import dispatch_note, fonts, label
from app.printing.data import BatchCover, CoverLine, LabelSize, PdfResult, SheetSize
from app.printing.words import common
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.validation import clean_text
from app.services.dispatch import slips as print_slips
from app.services.dispatch.batches import request_checks
from app.services.dispatch.files import Staged, stage_files, write_now
from app.services.dispatch.waiting import drawing_notes

REPRINTABLE = (Stage.PRINTED.value, Stage.PACKED.value)


@dataclass(frozen=True)
class BatchView:
    batch_no: str
    printed_by: str
    printed_at: datetime
    shop_filter: str
    courier_filter: str
    cutoff: str
    label_size: str
    order_count: int

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "printed_at": self.printed_at.isoformat()}


@dataclass(frozen=True)
class Stale:
    order_no: str
    stage: str
    batch_no: str
    printed_version: int
    version: int
    printed_at: datetime
    changed_at: datetime


@dataclass(frozen=True)
class ReprintResult:
    order_nos: tuple[str, ...]
    warnings: tuple[UserError, ...]  # translated where shown (GUI, CLI)
    staged: Staged


def batches(session: Session, *, limit: int = 200) -> list[BatchView]:
    rows = session.execute(select(PrintBatch).order_by(PrintBatch.id.desc()).limit(limit))
    return [
        BatchView(
            b.batch_no,
            b.printed_by_name,
            b.printed_at,
            b.shop_filter,
            b.courier_filter,
            b.cutoff,
            b.label_size,
            b.order_count,
        )
        for b in rows.scalars()
    ]


def _order_ids(session: Session, order_nos: list[str]) -> list[int]:
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


def stale(session: Session, *, limit: int = 2000) -> list[Stale]:
    """Printed or packed orders whose slips no longer match the order.

    A version bump alone (packing, a stage move) is not enough: the printed content is
    compared, so only a change that shows on the slips counts.
    """
    rows = session.execute(
        select(
            Order.id,
            PrintedSlip.slip_hash,
            PrintedSlip.order_version,
            PrintBatch.batch_no,
            PrintedSlip.at,
        )
        .join(PrintedSlip, PrintedSlip.order_id == Order.id)
        .join(PrintBatch, PrintBatch.id == PrintedSlip.batch_id)
        .where(Order.stage.in_(REPRINTABLE), Order.version > PrintedSlip.order_version)
        .order_by(Order.id)
        .limit(limit)
    ).all()
    meta = {r[0]: r for r in rows}
    out = []
    for order in print_slips.load_orders(session, list(meta)):
        _, printed_hash, printed_version, batch_no, printed_at = meta[order.id]
        if print_slips.slip_hash(print_slips.slip_for(order)) != printed_hash:
            out.append(
                Stale(
                    order.order_no,
                    order.stage,
                    batch_no,
                    printed_version,
                    order.version,
                    printed_at,
                    order.updated_at,
                )
            )
    return out


def reprint(
    session: Session,
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
) -> ReprintResult:
    """Reprint orders (or a whole batch) with a reason; the slips then match the order."""
    user = require(session, actor, Role.PRINTER)
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
        ids = _order_ids(session, order_nos or [])
    if not ids:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "Nothing to reprint."))
    orders = print_slips.load_orders(session, ids)
    slips_now = {
        s.order_id: s
        for s in session.execute(select(PrintedSlip).where(PrintedSlip.order_id.in_(ids))).scalars()
    }
    batch_nos = dict(session.execute(select(PrintBatch.id, PrintBatch.batch_no)).all())
    checks = request_checks(session, ids)
    warnings: list[UserError] = []
    for order in orders:
        if order.stage not in REPRINTABLE or order.id not in slips_now:
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
    now = db_now(session)
    slips = [
        print_slips.slip_for(
            o, batch_no=batch_nos[slips_now[o.id].batch_id], printed_at=now, reprint=True
        )
        for o in orders
    ]
    glyphs = fonts.Glyphs()
    planned, refused = batch_doc.plan_slips(slips, label_size, sheet_size, glyphs)
    if refused:
        raise refused[0][1]
    cover = None
    if batch is not None:
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
        cover = BatchCover(
            batch.batch_no,
            now,
            user.display_name,
            batch.shop_filter,
            batch.courier_filter,
            batch.cutoff,
            lines,
            reprint_reason=why,
            language=common(p.slip.language for p in planned),
            audit_head=audit.anchor(session).text(),
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
    staged = stage_files(files)
    try:
        _record(session, actor, user.display_name, why, orders, slips_now, planned, now)
    except BaseException:
        staged.discard()
        raise
    return ReprintResult(
        tuple(o.order_no for o in orders), tuple(warnings) + drawing_notes(main.warnings), staged
    )


def _record(session, actor, name, why, orders, slips_now, planned, now) -> None:
    rows = []
    for order, p in zip(orders, planned, strict=True):
        batch_id = slips_now[order.id].batch_id
        session.add(
            Reprint(
                order_id=order.id,
                batch_id=batch_id,
                reason=why,
                printed_by_id=actor.user_id,
                printed_by_name=name,
                printed_at=now,
                order_version=order.version,
            )
        )
        rows.append((order.id, batch_id, order.version, print_slips.slip_hash(p.slip)))
        audit.record(
            session,
            actor_id=actor.user_id,
            actor_name=name,
            action="print.reprint",
            entity="order",
            entity_key=order.order_no,
            after={"reason": why, "version": order.version},
        )
    print_slips.record_slips(session, rows, "reprint")


def run_reprint(db: Database, actor: Actor, **options: Any) -> ReprintResult:
    attempts: list[ReprintResult] = []

    def body(session: Session) -> ReprintResult:
        for old in attempts:
            old.staged.discard()
        attempts.append(reprint(session, actor, **options))
        return attempts[-1]

    try:
        result = db.write(body)
    except BaseException:
        for r in attempts:
            r.staged.discard()
        raise
    result.staged.publish()
    return result


def preview(
    session: Session,
    actor: Actor,
    order_nos: list[str],
    *,
    kind: str,
    out: Path,
    label_size: LabelSize = LabelSize.L100X150,
    sheet_size: SheetSize = SheetSize.A5,
) -> PdfResult:
    """Labels or dispatch notes for any orders, marked as previews; nothing is recorded."""
    require(session, actor, Role.PRINTER)
    orders = print_slips.load_orders(session, _order_ids(session, order_nos))
    slips = [print_slips.slip_for(o) for o in orders]
    if kind == "labels":
        result = label.labels_pdf(slips, label_size, preview=True)
    elif kind == "notes":
        result = dispatch_note.dispatch_notes_pdf(slips, sheet_size)
    else:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Unknown document “{kind}”."), kind=kind)
    write_now(out, result.data)
    return result
