"""Reprints, previews, stale printed copies and the list of batches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Order, PrintBatch, PrintedSlip
from app.models.errors import UserError
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing import dispatch_note, label
from app.printing.data import LabelSize, PdfResult, SheetSize
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.outputs import check_output, url_of
from app.services.dispatch import slips as print_slips
from app.services.dispatch.files import write_now
from app.services.dispatch.recording import (
    Unplaced,
    place_of,
    unplaced,
)
from app.services.dispatch.reprints import (  # noqa: F401 - records.run_reprint is the front door
    REPRINTABLE,
    ReprintResult,
    check_reprint,
    order_ids,
    run_reprint,
)


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
    missing_files: tuple[str, ...] = ()  # recorded, but the PDF never reached its folder
    copy_lost: bool = False  # its hidden copy is gone too: drawn again as a reprint, with a reason

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


def missing_in(session: Session) -> list[Unplaced]:
    """This PC's recorded batches whose PDF never reached its folder (``recording``)."""

    def recorded(keys: list[str]) -> set[str]:
        stmt = select(PrintBatch.batch_no).where(PrintBatch.batch_no.in_(keys))
        return set(session.execute(stmt).scalars().all())

    return unplaced(place_of(session), recorded)


def batches(session: Session, *, limit: int = 200) -> list[BatchView]:
    """The batches, newest first, each with the files of it this PC never put in place."""
    lost: dict[str, list[str]] = {}
    gone: set[str] = set()
    for u in missing_in(session):
        lost.setdefault(u.key, []).append(str(u.path))
        if not u.temp.exists():
            gone.add(u.key)
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
            tuple(lost.get(b.batch_no, ())),
            b.batch_no in gone,
        )
        for b in rows.scalars()
    ]


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


def preview(
    session: Session,
    actor: Actor,
    order_nos: list[str],
    *,
    kind: str,
    out: Path,
    label_size: LabelSize = LabelSize.L100X150,
    sheet_size: SheetSize = SheetSize.A5,
    overwrite: bool = False,
) -> PdfResult:
    """Labels or dispatch notes for any orders, marked as previews; nothing is recorded."""
    require(session, actor, Action.PRINT_PREVIEW)
    check_output(url_of(session), out, overwrite=overwrite)
    orders = print_slips.load_orders(session, order_ids(session, order_nos))
    slips = [print_slips.slip_for(o) for o in orders]
    if kind == "labels":
        result = label.labels_pdf(slips, label_size, preview=True)
    elif kind == "notes":
        result = dispatch_note.dispatch_notes_pdf(slips, sheet_size)
    else:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Unknown document “{kind}”."), kind=kind)
    write_now(out, result.data)
    return result
