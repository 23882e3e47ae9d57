"""Writing one chunk of an import in one short transaction: new orders with their items
(one multi-row insert per table), the moves, conflicts and printer requests of known ones,
their digests, SKUs, audit entries and the run's progress.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, update
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
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.imports import shops
from app.services.imports.catalogue import keep_skus
from app.services.imports.chunks import Batch, RefusedLine
from app.services.imports.plan import (
    FIELDS,
    Counts,
    Plan,
    bucket,
    iso_time,
    money,
    ours,
    plan_chunk,
)
from app.services.imports.records import (
    ImportedOrder,
    PlatformStatus,
)
from app.services.imports.runs import Unwritten, advance
from app.services.orders import lookup, search_index

IMPORT_ACTION = "import.orders"  # one audit entry per chunk: its new orders and its notes
ORDER_ACTION = "order.import"  # one audit entry per order the import changed
IMPORTED_NOTE = "imported"  # Note.kind of a note the platform wrote (the seller's memo)


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
@dataclass
class Context:
    actor: Actor
    shop_id: int
    platform: str
    file: str  # the orders file's name, cited in every audit entry
    run_id: int


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


def _paid_at(record: ImportedOrder, stage: Stage | None) -> datetime | None:
    """When it was paid: the file's time; an order past payment whose file gives none, its
    order time (it sorts the print queue); None while unpaid or cancelled unpaid."""
    if record.paid_at is not None or stage in (Stage.AWAITING_PAYMENT, Stage.CANCELLED):
        return record.paid_at
    return record.ordered_at


def changed_on_platform(record: ImportedOrder, fields: Iterable[str] | None = None) -> str:
    """The platform's own change (Taobao 修改后的收货地址 / 修改后的sku), said in a note, so
    nobody takes the address or size for a mistake of the shop's; ``fields``: what this
    import changes on a known order (None: a new order)."""
    said = []
    if record.address_changed_on_platform and (fields is None or "recipient" in fields):
        said.append("收货地址")
    if record.sku_changed_on_platform and (fields is None or "items" in fields):
        said.append("商品规格（sku）")
    return f"买家已在平台上修改{'和'.join(said)}，已按修改后的导入" if said else ""


NEW_ORDER_COLUMNS = (
    "id", "order_no", "shop_id", "buyer_id", "buyer_message", "recipient_name", "name_key",
    "recipient_phone", "province", "city", "district", "street", "postcode", "country",
    "address_lines", "sensitivity", "paid_at", "ordered_at", "stage", "courier", "tracking_no",
    "total", "currency", "cash_on_delivery", "platform_status", "platform_values", "extras",
    "created_at", "updated_at", "updated_by_id", "version", "source_digest",
)  # fmt: skip
ITEM_COLUMNS = ("id", "order_id", "position", "sku", "title", "attributes", "quantity", "price")
NOTE_COLUMNS = (
    "id", "order_id", "author_id", "author_name", "created_at", "text", "flagged", "kind",
)  # fmt: skip


class _Raw:
    """Values as the database stores them, for ``bulk.insert_rows`` (executemany / COPY):
    the ORM's per-row cost is most of an import's time otherwise."""

    def __init__(self, session: Session) -> None:
        self.sqlite = session.get_bind().dialect.name == "sqlite"

    def time(self, value: datetime | None) -> str | None:
        if value is None:
            return None
        naive = value.astimezone(UTC).replace(tzinfo=None)
        # SQLite: the text SQLAlchemy writes; PostgreSQL: timestamptz in UTC
        return naive.strftime("%Y-%m-%d %H:%M:%S.%f") + ("" if self.sqlite else "+00:00")

    def flag(self, value: bool) -> Any:
        return int(value) if self.sqlite else value

    @staticmethod
    def json(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)


def _insert_new(session: Session, ctx: Context, plans: list[Plan], now: datetime) -> dict[str, int]:
    """New orders, their items, name index and memos in one multi-row insert per table, with
    ids taken here (writers are serialised: no other insert can take them meanwhile)."""
    raw = _Raw(session)
    order_id = bulk.next_id(session, "orders")
    item_id = bulk.next_id(session, "order_items")
    note_id = bulk.next_id(session, "notes")
    stamp = raw.time(now)
    ids: dict[str, int] = {}
    orders: list[tuple[Any, ...]] = []
    items: list[tuple[Any, ...]] = []
    grams: list[tuple[Any, ...]] = []
    memos: list[tuple[Any, ...]] = []
    author = f"{shops.platform_name(ctx.platform)} (导入)"
    for p in plans:
        r, a = p.record, p.record.address
        key = name_key(r.recipient_name)[:100]
        ids[r.order_no] = order_id
        orders.append(
            (
                order_id, r.order_no, ctx.shop_id, r.buyer_id, r.buyer_message, r.recipient_name,
                key, r.recipient_phone, a.province, a.city, a.district, a.street, a.postcode,
                a.country or "CN", raw.json(list(a.lines)), r.sensitivity.value,
                raw.time(_paid_at(r, p.stage)), raw.time(r.ordered_at),
                (p.stage or Stage.PAID).value, r.courier, r.tracking_no or None,
                money(r.total), r.currency, raw.flag(r.cash_on_delivery), r.status.value,
                p.snapshot_text or raw.json(p.snapshot), raw.json(dict(r.special_requests)),
                stamp, stamp, ctx.actor.user_id, 1, r.source_digest or None,
            )
        )  # fmt: skip
        for position, i in enumerate(r.items):
            items.append(
                (item_id, order_id, position, i.sku, i.title, raw.json(dict(i.attributes)),
                 i.quantity, money(i.price))
            )  # fmt: skip
            item_id += 1
        grams.extend(search_index.gram_rows(order_id, key))
        for text in (p.memo, changed_on_platform(r)):
            if text:
                memos.append(
                    (note_id, order_id, ctx.actor.user_id, author, stamp, text, raw.flag(False),
                     IMPORTED_NOTE)
                )  # fmt: skip
                note_id += 1
        order_id += 1
    bulk.insert_rows(session, "orders", NEW_ORDER_COLUMNS, orders)
    bulk.insert_rows(session, "order_items", ITEM_COLUMNS, items)
    bulk.insert_rows(session, "name_grams", ("gram", "order_id"), grams)
    if memos:
        bulk.insert_rows(session, "notes", NOTE_COLUMNS, memos)
    for table in ("orders", "order_items", "notes"):
        bulk.sync_sequence(session, table)
    return ids


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
        lookup.platform_move(session, ctx.actor, order, plan.stage, now)
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
) -> Counts:
    """One chunk, one transaction: its orders, notes, requests, conflicts, SKUs, audit, and
    the run's progress."""
    require(session, ctx.actor, Action.IMPORT_ORDERS)
    now = db_now(session)
    first_note = bulk.next_id(session, "notes")
    plans = plan_chunk(session, ctx.shop_id, plans_in)
    counts = Counts(refused=len(refused), unchanged=unparsed)
    fresh = [p for p in plans if p.outcome == "new"]
    if fresh:
        _insert_new(session, ctx, fresh, now)
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
    advance(session, ctx.run_id, Unwritten(taken, last_line, counts), refused, now)
    return counts


def write_batch(session: Session, *, ctx: Context, batch: Batch, unwritten: Unwritten) -> Counts:
    advance(session, ctx.run_id, unwritten, [], db_now(session))
    return _write_chunk(
        session, ctx, batch.orders, batch.refused, batch.taken, batch.last_line, batch.unparsed
    )
