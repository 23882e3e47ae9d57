"""Writing one chunk of an import in one short transaction: new orders with their items
(one multi-row insert per table), the moves, conflicts and printer requests of known ones,
their digests, SKUs, audit entries and the run's progress.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, text, update
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import (
    ChangeRequest,
    ImportConflict,
    Note,
    Order,
    OrderItem,
    RequestKind,
    RequestState,
    Stage,
)
from app.models.formats import name_key
from app.services.changes.rules import CANCEL_PATHS
from app.services.core import audit, audit_records, bulk
from app.services.core.actor import require
from app.services.core.capabilities import Action
from app.services.imports import shops
from app.services.imports.catalogue import keep_skus
from app.services.imports.chunks import Batch, RefusedLine
from app.services.imports.new_orders import IMPORTED_NOTE, changed_on_platform, insert_new
from app.services.imports.plan import (
    FIELDS,
    Counts,
    Plan,
    Snapshots,
    bucket,
    iso_time,
    ours,
    plan_chunk,
)
from app.services.imports.records import (
    ImportedOrder,
    PlatformStatus,
)
from app.services.imports.runs import Context, Unwritten, advance
from app.services.orders import moves, search_index

IMPORT_ACTION = "import.orders"  # one audit entry per chunk: its new orders and its notes
ORDER_ACTION = "order.import"  # one audit entry per order the import changed


def set_field(session: Session, order: Order, name: str, value: Any) -> None:
    """Write one platform-owned field into the order."""
    if name == "recipient":
        order.recipient_name, order.recipient_phone = value["name"], value["phone"]
        order.country, order.province, order.city = (
            value["country"],
            value["province"],
            value["city"],
        )
        order.district, order.street = value["district"], value["street"]
        order.postcode, order.address_lines = value["postcode"], list(value["lines"])
        order.sensitivity = value["sensitivity"]
        key = name_key(value["name"])
        if key != order.name_key:
            order.name_key = key
            search_index.reindex(session, order.id, key)
    elif name == "items":
        order.items.clear()
        session.flush()
        for position, (sku, title, attrs, qty, price) in enumerate(value):
            order.items.append(
                OrderItem(
                    position=position,
                    sku=sku,
                    title=title,
                    attributes=attrs,
                    quantity=qty,
                    price=Decimal(price),
                )
            )
    elif name == "special_requests":
        order.extras = dict(value)
    elif name == "total":
        order.total = Decimal(value)
    elif name == "tracking_no":
        order.tracking_no = value or None
    else:
        setattr(order, name, value)


# -- writing one chunk ----------------------------------------------------------------------
def _note(
    session: Session, ctx: Context, order_id: int, text: str, now: datetime, flagged: bool = False
) -> None:
    """A note the platform wrote: signed with its name, the importer kept as the author id."""
    session.add(
        Note(
            order_id=order_id,
            author_id=ctx.actor.user_id,
            author_name=f"{shops.platform_name(ctx.platform)} (导入)",
            created_at=now,
            text=text,
            flagged=flagged,
            kind=IMPORTED_NOTE,
        )
    )


def _apply(session: Session, ctx: Context, plan: Plan, now: datetime) -> dict[str, Any]:
    """Make one existing order's plan; returns what its audit entry records."""
    order = plan.existing
    assert order is not None
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    current = ours(order)
    for name, value in plan.changes.items():
        if name in FIELDS:
            before[name], after[name] = current[name], value
        elif name == "paid_at":
            before[name], after[name] = None, iso_time(value)
        elif name == "platform_status":
            before[name], after[name] = order.platform_status, value
        if name != "platform_values":
            set_field(session, order, name, value)
    if plan.stage is not None:
        before["stage"], after["stage"] = order.stage, plan.stage.value
        moves.platform_move(session, ctx.actor, order, plan.stage, now)
        if plan.stage is Stage.PAID and order.paid_at is None:
            order.paid_at = plan.record.paid_at or now
    if plan.cancel_request:
        _request_void(session, ctx, order, plan.record, now)
        after["printer_request"] = "cancel"
    if plan.memo:
        _note(session, ctx, order.id, plan.memo, now)
        after["seller_memo"] = plan.memo
    platform_change = changed_on_platform(
        plan.record, [*plan.changes, *(name for name, _h, _p in plan.conflicts)]
    )
    if platform_change:
        _note(session, ctx, order.id, platform_change, now)
        after["changed_on_platform"] = platform_change
    for name, here, platform in plan.conflicts:
        session.add(
            ImportConflict(
                run_id=ctx.run_id,
                order_id=order.id,
                field=name,
                ours=here,
                theirs=platform,
                remark="",
            )
        )
    if plan.conflicts:
        after["conflicts"] = [name for name, _h, _p in plan.conflicts]
    order.platform_values = plan.snapshot
    order.source_digest = plan.record.source_digest or None
    if before or after:
        order.updated_at, order.updated_by_id = now, ctx.actor.user_id
    return {"before": before, "after": after}


def _request_void(
    session: Session, ctx: Context, order: Order, record: ImportedOrder, now: datetime
) -> None:
    """docs/domain.md rule 2: printed or packed here, cancelled there: the printer retrieves
    the slips (or the parcel) and voids; the request stays open until they say it is done."""
    stage = Stage(order.stage)
    platform = shops.platform_name(ctx.platform)
    ended = "退款" if record.status is PlatformStatus.REFUNDED else "关闭/取消"
    reason = f"{platform}上订单已{ended}（导入 {ctx.file}）"
    req = ChangeRequest(
        order_id=order.id,
        kind=RequestKind.CANCEL.value,
        path=CANCEL_PATHS[stage].value,
        stage_at_request=stage.value,
        state=RequestState.OPEN.value,  # the buyer already cancelled: nothing to confirm
        urgent=True,
        payload={
            "old": {"stage": stage.value},
            "new": {"stage": Stage.CANCELLED.value},
            "reason": reason,
            "source": "import",
            "file": ctx.file,
        },
        summary=f"平台取消：{reason}",
        requested_by_id=ctx.actor.user_id,
        requested_by_name=ctx.actor.display_name,
        requested_at=now,
        confirmed_by_name=f"{platform} (导入)",
        confirmed_at=now,
        done_remark="",
    )
    session.add(req)
    _note(session, ctx, order.id, f"{reason}，请打单人员取回单据/包裹并作废", now, flagged=True)


def _new_digests(session: Session, shop_id: int, plans: list[Plan]) -> None:
    """Unchanged orders read from rows that differ from last time (or before digests were
    kept): their digest, so the next import skips them. Bookkeeping: no version, no audit."""
    stale = [
        {"no": p.record.order_no, "digest": p.record.source_digest}
        for p in plans
        if p.outcome == "unchanged" and p.stale_digest
    ]
    if stale:
        orders = Order.__table__
        session.connection().execute(
            update(orders)
            .where(orders.c.shop_id == shop_id, orders.c.order_no == bindparam("no"))
            .values(source_digest=bindparam("digest")),
            stale,
        )


def _write_chunk(
    session: Session,
    ctx: Context,
    plans_in: list[ImportedOrder],
    refused: list[RefusedLine],
    taken: int,
    last_line: int,
    unparsed: int = 0,
    snapshots: Snapshots | None = None,
    unwritten: Unwritten | None = None,
) -> Counts:
    """One chunk, one transaction: its orders, notes, requests, conflicts, SKUs, audit, and
    the run's progress (with the ``unwritten`` chunks read before it)."""
    require(session, ctx.actor, Action.IMPORT_ORDERS)
    now = db_now(session)
    first_note = bulk.next_id(session, "notes")
    plans = plan_chunk(session, ctx.shop_id, plans_in, snapshots)
    counts = Counts(refused=len(refused), unchanged=unparsed)
    fresh = [p for p in plans if p.outcome == "new"]
    if fresh:
        insert_new(session, ctx, fresh, now, first_note)
    changed: list[tuple[str, str, str, Any, Any]] = []
    for plan in plans:
        setattr(counts, bucket(plan.outcome), getattr(counts, bucket(plan.outcome)) + 1)
        if plan.outcome in ("new", "unchanged"):
            continue
        record = _apply(session, ctx, plan, now)
        stated = {**record["after"], "file": ctx.file, "run": ctx.run_id}
        changed.append((ORDER_ACTION, "order", plan.record.order_no, record["before"], stated))
    _new_digests(session, ctx.shop_id, plans)
    session.flush()
    # each changed order its own entry (its history shows the import), written in one go
    audit.record_many(
        session, actor_id=ctx.actor.user_id, actor_name=ctx.actor.display_name, entries=changed
    )
    # an unchanged order's SKUs were kept when it came in
    moved = (i for p in plans if p.outcome != "unchanged" for i in p.record.items)
    keep_skus(session, ctx.shop_id, moved, now)
    session.flush()
    last_note = bulk.next_id(session, "notes") - 1
    if fresh or last_note >= first_note:
        after: dict[str, Any] = {
            "file": ctx.file,
            "run": ctx.run_id,
            "new": [p.record.order_no for p in fresh],
        }
        if last_note >= first_note:
            after["note_ids"] = [first_note, last_note]
            after["notes_digest"] = audit_records.notes_digest(session, first_note, last_note)
        audit.record(
            session,
            actor_id=ctx.actor.user_id,
            actor_name=ctx.actor.display_name,
            action=IMPORT_ACTION,
            entity="import",
            entity_key=ctx.run_id,
            after=after,
        )
    done = Unwritten(taken, last_line)
    done.counts.add(counts)
    if unwritten is not None:
        done.taken += unwritten.taken
        done.last_line = max(done.last_line, unwritten.last_line)
        done.counts.add(unwritten.counts)
    advance(session, ctx.run_id, done, refused, now)
    return counts


def write_batch(
    session: Session,
    *,
    ctx: Context,
    batch: Batch,
    unwritten: Unwritten,
    snapshots: Snapshots | None = None,
) -> Counts:
    if session.get_bind().dialect.name == "postgresql":
        # a chunk's commit does not wait for the disk: a power cut may lose the last chunks
        # (well under a second), whole and with the run's progress that counts them, so the
        # same file again completes the import as after any interruption
        session.execute(text("SET LOCAL synchronous_commit = off"))
    return _write_chunk(
        session,
        ctx,
        batch.orders,
        batch.refused,
        batch.taken,
        batch.last_line,
        batch.unparsed,
        snapshots,
        unwritten,
    )
