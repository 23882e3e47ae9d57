"""The order printer's work (docs/domain.md rule 4): daily batches and reprints.

What waits to print and what open requests hold back is ``print_waiting`` (re-exported
here: ``printing.waiting``).

A batch is one user action and records in one transaction (``recording.record_print``, the
one way every print is recorded): the orders are read (with their versions) in a read
transaction, the PDFs are drawn from that snapshot outside any transaction into temporary
files beside the targets, and one short write transaction then checks that every order is
still the version drawn, records the batch with those versions and moves the orders to
"printed"; the files are renamed into place after it commits. An order changed meanwhile
means nothing is recorded and the batch is drawn again without it: the result lists it as
held back (``changed``), to print with the next batch. Cancel, an error or a full disk leave
no record and no file. The write lock is held only for the recording.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import (
    Order,
    PrintBatch,
    PrintBatchOrder,
    Stage,
)
from app.models.errors import Conflict, InvalidInput, TransitionRefused, UserError
from app.models.formats import local
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing import batch as batch_doc
from app.printing.data import (
    BatchCover,
    CoverLine,
    LabelSize,
    OrderSlip,
    PrintCancelled,
    SheetSize,
)
from app.printing.words import common
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.outputs import check_outputs
from app.services.dispatch import batch_waybills, label_tool, pools
from app.services.dispatch import senders as shop_senders
from app.services.dispatch import slips as print_slips
from app.services.dispatch.batch_waybills import WithoutWaybill
from app.services.dispatch.recording import Changed, Drawing, record_print
from app.services.dispatch.waiting import (  # noqa: F401 - printing.waiting is the front door
    Waiting,
    drawing_notes,
    refuse_if_taken,
    request_checks,
    waiting,
    waiting_query,
)
from app.services.dispatch.waybills import WaybillSource
from app.services.orders import moves

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BatchResult:
    batch_no: str
    printed: tuple[str, ...]
    held: tuple[tuple[str, UserError], ...]
    warnings: tuple[UserError, ...]  # translated where shown (GUI, CLI)
    changed: tuple[str, ...] = ()  # held back: they changed while the batch was drawn
    # printed with a packing label (no courier or waybill number): not a shipping label
    packing_labels: tuple[str, ...] = ()


def next_batch_no(session: Session, now: datetime) -> str:
    prefix = f"P{local(now):%Y%m%d}-"
    taken = session.execute(
        select(func.count()).select_from(PrintBatch).where(PrintBatch.batch_no.like(prefix + "%"))
    ).scalar_one()
    return f"{prefix}{taken + 1:04d}"


@dataclass
class _Prepared:
    """What the read transaction found: the slips to draw and the versions they show."""

    user_name: str
    batch_no: str
    now: datetime
    cutoff: str
    slips: list[OrderSlip]
    versions: dict[str, tuple[int, int]]  # order number → (id, version)
    checks: dict[int, tuple[tuple[str, ...], tuple[str, ...]]]  # id → hold and warn messages
    held: list[tuple[str, UserError]]
    warnings: list[UserError]
    anchor: audit.Anchor  # the audit chain's head, printed on the cover sheet
    # order number → (pool number id, number): drawn on its label, taken when recorded
    waybills: dict[str, tuple[int, str]] = field(default_factory=dict)


def _messages(checks) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    return {
        oid: (tuple(h.message() for h in holds), tuple(w.message() for w in warns))
        for oid, (holds, warns) in checks.items()
        if holds or warns
    }


def _prepare(
    session: Session,
    actor: Actor,
    *,
    shop: str | None = None,
    courier: str | None = None,
    cutoff: str | None = None,
    order_nos: list[str] | None = None,
    without_waybill: WithoutWaybill = WithoutWaybill.PACKING,
) -> _Prepared:
    user = require(session, actor, Action.PRINT_BATCH)
    stmt = waiting_query(session, shop, courier, "" if order_nos else cutoff)
    if order_nos:
        stmt = stmt.where(Order.order_no.in_([n.strip() for n in order_nos]))
    rows = session.execute(stmt).all()
    ids = [r[0] for r in rows]
    checks = request_checks(session, ids)
    held: list[tuple[str, UserError]] = []
    warnings: list[UserError] = []
    printable: list[Order] = []
    now = db_now(session)
    batch_no = next_batch_no(session, now)
    couriers = shop_senders.default_couriers(session)
    for order in print_slips.load_orders(session, ids):
        holds, warns = checks.get(order.id, ([], []))
        if holds:
            held.extend((order.order_no, h) for h in holds)
            continue
        warnings.extend(warns)
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
    tool = label_tool.shop_ids(session)  # their labels come from the e-waybill tool
    numbers = batch_waybills.pool_numbers(
        session, [o for o in printable if o.shop_id not in tool], couriers, warnings
    )
    printable, packing = batch_waybills.sort_out(
        printable, couriers, numbers, without_waybill, held, warnings, tool
    )
    return _Prepared(
        user.display_name,
        batch_no,
        now,
        "" if order_nos else (cutoff if cutoff is not None else print_slips.cutoff(session)),
        [
            print_slips.slip_for(
                o,
                batch_no=batch_no,
                printed_at=now,
                default_courier=couriers.get(o.shop_id, ""),
                waybill=numbers[o.order_no][1] if o.order_no in numbers else None,
                packing_only=o.order_no in packing,
                label_elsewhere=o.shop_id in tool,
            )
            for o in printable
        ],
        {o.order_no: (o.id, o.version) for o in printable},
        _messages({oid: checks[oid] for oid in [o.id for o in printable] if oid in checks}),
        held,
        warnings,
        audit.anchor(session),
        numbers,
    )


CHANGED_WHILE_DRAWING = QT_TRANSLATE_NOOP(
    "UserError", "Changed while the batch was being drawn: it prints with the next batch."
)


def _draw(
    db: Database,
    actor: Actor,
    previous: Changed | None,
    held_back: dict[str, None],
    *,
    out: Path,
    labels_out: Path | None = None,
    shop: str | None = None,
    courier: str | None = None,
    cutoff: str | None = None,
    order_nos: list[str] | None = None,
    without_waybill: WithoutWaybill = WithoutWaybill.PACKING,
    label_size: LabelSize = LabelSize.L100X150,
    sheet_size: SheetSize = SheetSize.A5,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Drawing[BatchResult]:
    """One drawing of the batch from a read's snapshot, and the write that records it.

    Orders named one by one print all or none, so a change means drawing them all again;
    a day's batch leaves out (``held_back``) what changed while an earlier drawing ran.
    """
    if previous is not None and not order_nos:
        held_back.update(dict.fromkeys(previous.order_nos))
    prep = db.read(
        lambda s: _prepare(
            s,
            actor,
            shop=shop,
            courier=courier,
            cutoff=cutoff,
            order_nos=order_nos,
            without_waybill=without_waybill,
        )
    )
    changed = [s.order_no for s in prep.slips if s.order_no in held_back]
    prep.slips = [s for s in prep.slips if s.order_no not in held_back]

    def make_cover(planned: list[batch_doc.PlannedSlip]) -> BatchCover:
        return BatchCover(
            prep.batch_no,
            prep.now,
            prep.user_name,
            shop or "",
            courier or "",
            prep.cutoff,
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
            language=common(p.slip.language for p in planned),
            audit_head=prep.anchor.text(),
        )

    planned, refused, main, labels = batch_doc.render(
        prep.slips,
        label_size,
        sheet_size,
        make_cover,
        labels_separately=labels_out is not None,
        all_or_none=bool(order_nos),
        progress=progress,
        cancelled=cancelled,
    )
    held = prep.held + [(s.order_no, problem) for s, problem in refused]
    if order_nos and held:
        raise held[0][1]  # the orders were named one by one: print all of them or none
    if not planned:
        if previous is not None and previous.order_nos:
            db.read(lambda s: refuse_if_taken(s, previous.order_nos))
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "No order can be printed now ({held} held back, see the list)."
            ),
            held=len(held) + len(changed),
        )

    def record(session: Session) -> None:
        # Cancel pressed after the last page was drawn still counts: nothing is recorded
        if cancelled is not None and cancelled():
            raise PrintCancelled()
        _record(session, actor, prep, make_cover(planned), planned, label_size)

    files = [(out, main.data)] + ([(labels_out, labels.data)] if labels_out and labels else [])
    result = BatchResult(
        prep.batch_no,
        tuple(p.slip.order_no for p in planned),
        tuple(held) + tuple((n, UserError(CHANGED_WHILE_DRAWING)) for n in changed),
        tuple(prep.warnings) + drawing_notes(main.warnings),
        tuple(changed),
        tuple(p.slip.order_no for p in planned if p.slip.packing_only),
    )
    return Drawing(files, record, result, key=prep.batch_no)


def _check_unchanged(session: Session, actor: Actor, prep: _Prepared, planned) -> list[int]:
    """Lock the planned orders and check that each is still the version drawn; their ids."""
    require(session, actor, Action.PRINT_BATCH)
    wanted = [prep.versions[p.slip.order_no] for p in planned]
    ids = [oid for oid, _ in wanted]
    now: dict[int, tuple[int, str]] = {}
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        rows = session.execute(
            select(Order.id, Order.version, Order.stage)
            .where(Order.id.in_(chunk))
            .with_for_update()
        ).all()
        now.update((r[0], (r[1], r[2])) for r in rows)
    pairs = list(zip(wanted, planned, strict=True))
    paid = (Stage.PAID.value, Stage.PAID)
    changed = [
        p.slip.order_no for (oid, v), p in pairs if now.get(oid) not in ((v, paid[0]), (v, paid[1]))
    ]
    if changed:
        raise Changed(changed)
    planned_ids = set(ids)
    drawn = {oid: m for oid, m in prep.checks.items() if oid in planned_ids}
    checked = _messages(request_checks(session, ids))
    if checked != drawn:  # a request was opened or moved on meanwhile
        moved = {oid for oid in set(checked) | set(drawn) if checked.get(oid) != drawn.get(oid)}
        raise Changed([p.slip.order_no for (oid, _), p in pairs if oid in moved])
    if next_batch_no(session, prep.now) != prep.batch_no:
        raise Changed()  # another batch took the number printed on every slip
    return ids


def _record(session, actor, prep, cover, planned, label_size) -> None:
    ids = _check_unchanged(session, actor, prep, planned)
    name, now = prep.user_name, prep.now
    batch = PrintBatch(
        batch_no=cover.batch_no,
        printed_by_id=actor.user_id,
        printed_by_name=name,
        printed_at=now,
        shop_filter=cover.shop_filter,
        courier_filter=cover.courier_filter,
        cutoff=cover.cutoff,
        label_size=label_size.value,
        order_count=len(ids),
    )
    session.add(batch)
    session.flush()
    versions = dict(prep.versions.values())
    # the pool numbers the labels were drawn with, each only if no other PC took it meanwhile
    taken = [(prep.versions[no][0], nid, number) for no, (nid, number) in prep.waybills.items()]
    pools.claim(session, [(nid, oid) for oid, nid, _ in taken], now)
    fills = _fills(ids, planned, {oid: number for oid, _, number in taken})
    if moves.move_many(session, actor, ids, Stage.PAID, Stage.PRINTED, now, fills) != len(ids):
        raise Changed()  # checked above under the lock: cannot happen
    print_slips.insert_rows(
        session,
        PrintBatchOrder.__table__,
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
            (oid, batch.id, versions[oid] + 1, print_slips.slip_hash(p.slip))
            for oid, p in zip(ids, planned, strict=True)
        ],
        "batch",
    )
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
        after={
            "stage": Stage.PRINTED.value,
            "orders": [p.slip.order_no for p in planned],
            # what the cover sheet shows: `audit verify --against BATCH_NO` starts from it
            "anchor": {"count": prep.anchor.count, "hash": prep.anchor.hash},
        },
    )


def _fills(ids: list[int], planned, numbers: dict[int, str]) -> dict[int, moves.Fill]:
    """What the stage move writes besides the stage: orders printed with their shop's default
    courier keep it (the label says so, and the slips must match the order afterwards or they
    would show as out of date); a pool number becomes the order's waybill number."""
    pool = WaybillSource.POOL.value
    fills: dict[int, moves.Fill] = {}
    for oid, p in zip(ids, planned, strict=True):
        number = numbers.get(oid)
        if p.slip.courier or number:
            fills[oid] = moves.Fill(p.slip.courier or "", number, pool if number else None)
    return fills


# orders changing under a batch again and again: give up and say so. Each retry of a day's
# batch leaves out what changed, so a busy office delays those orders, never the batch.
ATTEMPTS = 5


def run_batch(
    db: Database, actor: Actor, *, overwrite: bool = False, **options: Any
) -> BatchResult:
    """One button press: read, draw outside any transaction, then record in one short one
    (``recording.record_print``). The files are renamed into place after the commit;
    ``overwrite`` lets them replace files already there (never the database)."""
    check_outputs(db.url, [options.get("out"), options.get("labels_out")], overwrite=overwrite)
    held_back: dict[str, None] = {}
    return record_print(
        db,
        lambda previous: _draw(db, actor, previous, held_back, **options),
        attempts=ATTEMPTS,
        gave_up=lambda: Conflict(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Orders kept changing while the batch was being printed; nothing was recorded. "
                "Please print again.",
            )
        ),
    )
