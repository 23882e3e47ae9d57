"""Apply a platform export to a shop: what is new comes in, what moved on moves, nothing is lost.

The rules (docs/imports.md, "How an import merges"):

* a new order comes in with its items, in one chunk's transaction (together or not at all);
* an unchanged order changes nothing: no write, no new version, no audit entry;
* the platform's moves forward (paid → shipped with its tracking number, → delivered,
  closed, cancelled, refunded) are applied and audited as done by the person importing,
  naming the file; a stage never moves backwards;
* a field the platform owns that was changed here since the last import (an address the
  customer confirmed on the phone) is never overwritten: it becomes a conflict listing both
  values, for a person to settle;
* an order cancelled or refunded on the platform while printed or packed here becomes a
  request to the order printer to retrieve the slips or the parcel and void
  (docs/domain.md rule 2), not a silent stage change;
* the seller's memo becomes a note signed by the platform (“淘宝 (导入)”), never by a person;
* an unpaid order waits as "awaiting payment"; a cancelled unpaid one is recorded cancelled;
* every SKU seen is kept in the shop's catalogue.

A file goes in chunks of ``CHUNK`` orders, each its own short transaction, so the other
PCs keep working. The import run (``ImportRun``) is updated in the same transaction as its
chunk, so after a crash it says exactly how far the file got; the same file again (same
SHA-256) skips what came in and completes it, and once finished is recognised as such.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from functools import partial
from itertools import islice
from pathlib import Path
from queue import Empty, Full, Queue
from typing import Any

from sqlalchemy import Text, bindparam, cast, insert, select, update
from sqlalchemy.orm import Session, selectinload

from app.db import Database, db_now
from app.models import (
    CatalogueItem,
    ChangeRequest,
    ImportConflict,
    ImportRun,
    Note,
    Order,
    OrderItem,
    RequestKind,
    RequestState,
    Stage,
)
from app.models.errors import InvalidInput
from app.models.formats import name_key
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.changes.rules import ACTIVE, CANCEL_PATHS
from app.services.core import audit, audit_records, bulk
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.imports import shops
from app.services.imports.reading import open_reading
from app.services.imports.records import (
    ImportedItem,
    ImportedOrder,
    PlatformStatus,
    Reading,
    ReadingRecipe,
    Record,
    RefusedRow,
    Unchanged,
)
from app.services.orders import lookup, search_index

CHUNK = 500  # orders per transaction: well under a second of writing on either database
SQLITE_TURN = 0.05  # seconds between chunks on SQLite: a waiting writer's turn
PREVIEW = 20  # orders shown as they will be stored
IMPORT_ACTION = "import.orders"  # one audit entry per chunk: its new orders and its notes
ORDER_ACTION = "order.import"  # one audit entry per order the import changed
IMPORTED_NOTE = "imported"  # Note.kind of a note the platform wrote (the seller's memo)

# how far an order has gone: the platform only ever moves it further
RANK = {
    Stage.AWAITING_PAYMENT: 0,
    Stage.PAID: 1,
    Stage.PRINTED: 2,
    Stage.PACKED: 3,
    Stage.SHIPPED: 4,
    Stage.DELIVERED: 5,
    Stage.CLOSED: 6,
    Stage.CANCELLED: 6,
}
STAGE_OF = {
    PlatformStatus.AWAITING_PAYMENT: Stage.AWAITING_PAYMENT,
    PlatformStatus.PAID: Stage.PAID,
    PlatformStatus.SHIPPED: Stage.SHIPPED,
    PlatformStatus.DELIVERED: Stage.DELIVERED,
    PlatformStatus.CLOSED: Stage.CLOSED,
    PlatformStatus.CANCELLED: Stage.CANCELLED,
    PlatformStatus.REFUNDED: Stage.CLOSED,
}
ENDED = {PlatformStatus.CLOSED, PlatformStatus.CANCELLED, PlatformStatus.REFUNDED}
# the fields the platform owns, compared one by one with the last import (a conflict names one)
FIELDS = (
    "recipient",
    "buyer_id",
    "buyer_message",
    "items",
    "special_requests",
    "total",
    "courier",
    "tracking_no",
    "cash_on_delivery",
)
LIMITS = {  # column sizes: a longer value is refused with its order, never cut
    "order_no": 40,
    "buyer_id": 100,
    "recipient_name": 100,
    "recipient_phone": 32,
    "province": 40,
    "city": 40,
    "district": 40,
    "street": 200,
    "postcode": 12,
    "courier": 40,
    "tracking_no": 40,
    "sku": 64,
    "title": 200,
}


# -- what the caller gets back -------------------------------------------------------------
@dataclass(frozen=True)
class RefusedLine:
    line: int
    order_no: str
    message: str  # in English; ``problem`` translates
    problem: InvalidInput
    raw: dict[str, str] = field(default_factory=dict)
    more: tuple[dict[str, str], ...] = ()  # the order's further rows (RefusedRow.more)

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "order_no": self.order_no, "problem": self.message}


@dataclass(frozen=True)
class PreviewOrder:
    """An order as it will be stored: what the Import page and ``--dry-run`` show first."""

    order_no: str
    outcome: str  # new, updated, unchanged, conflict
    stage: str
    recipient: str
    phone: str
    country: str
    province: str
    city: str
    district: str
    street: str
    postcode: str
    address_lines: tuple[str, ...]
    sensitivity: str
    items: tuple[tuple[str, str, dict[str, str], int, str], ...]  # sku, title, attrs, qty, price
    buyer_message: str
    seller_memo: str
    total: str

    def to_json(self) -> dict[str, Any]:
        return {
            "order_no": self.order_no,
            "outcome": self.outcome,
            "stage": self.stage,
            "recipient": self.recipient,
            "phone": self.phone,
            "country": self.country,
            "province": self.province,
            "city": self.city,
            "district": self.district,
            "street": self.street,
            "postcode": self.postcode,
            "address_lines": list(self.address_lines),
            "sensitivity": self.sensitivity,
            "items": [
                {"sku": s, "title": t, "attributes": a, "quantity": q, "price": p}
                for s, t, a, q, p in self.items
            ],
            "buyer_message": self.buyer_message,
            "seller_memo": self.seller_memo,
            "total": self.total,
        }


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    refused: int = 0

    def add(self, other: Counts) -> None:
        for name in ("new", "updated", "unchanged", "conflicts", "refused"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class ImportSummary:
    format: str
    shop: str
    shop_created: bool
    files: tuple[str, ...]
    sha256: str
    counts: Counts
    refused: list[RefusedLine]
    run_id: int | None = None
    dry_run: bool = False
    finished: bool = False
    cancelled: bool = False
    already_imported: bool = False  # the same finished file again: nothing was done
    resumed_after: int = 0  # records a previous, interrupted run had taken in
    preview: list[PreviewOrder] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "shop": self.shop,
            "shop_created": self.shop_created,
            "files": list(self.files),
            "sha256": self.sha256,
            "run": self.run_id,
            "dry_run": self.dry_run,
            "finished": self.finished,
            "cancelled": self.cancelled,
            "already_imported": self.already_imported,
            "resumed_after": self.resumed_after,
            "new": self.counts.new,
            "updated": self.counts.updated,
            "unchanged": self.counts.unchanged,
            "conflicts": self.counts.conflicts,
            "refused": self.counts.refused,
            "refused_rows": [r.to_json() for r in self.refused],
            "preview": [p.to_json() for p in self.preview],
        }


# -- the platform's values, and ours, in one shape ----------------------------------------
def _money(value: Decimal) -> str:
    return f"{Decimal(value):.2f}"


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def theirs(order: ImportedOrder) -> dict[str, Any]:
    """The platform-owned fields as the file states them (what ``platform_values`` keeps)."""
    a = order.address
    return {
        "recipient": {
            "name": order.recipient_name,
            "phone": order.recipient_phone,
            "country": a.country or "CN",
            "province": a.province,
            "city": a.city,
            "district": a.district,
            "street": a.street,
            "postcode": a.postcode,
            "lines": list(a.lines),
            "sensitivity": order.sensitivity.value,
        },
        "buyer_id": order.buyer_id,
        "buyer_message": order.buyer_message,
        "items": [
            [i.sku, i.title, dict(i.attributes), i.quantity, _money(i.price)] for i in order.items
        ],
        "special_requests": dict(order.special_requests),
        "total": _money(order.total),
        "courier": order.courier,
        "tracking_no": order.tracking_no,
        "cash_on_delivery": order.cash_on_delivery,
        "seller_memo": order.seller_memo,
        "status": order.status.value,
        "paid_at": _time(order.paid_at),
    }


def ours(order: Order) -> dict[str, Any]:
    """The same fields as AfterDesk holds them now."""
    return {
        "recipient": {
            "name": order.recipient_name,
            "phone": order.recipient_phone,
            "country": order.country or "CN",
            "province": order.province,
            "city": order.city,
            "district": order.district,
            "street": order.street,
            "postcode": order.postcode,
            "lines": list(order.address_lines or []),
            "sensitivity": order.sensitivity,
        },
        "buyer_id": order.buyer_id,
        "buyer_message": order.buyer_message,
        "items": [
            [i.sku, i.title, dict(i.attributes or {}), i.quantity, _money(i.price)]
            for i in order.items
        ],
        "special_requests": dict(order.extras or {}),
        "total": _money(order.total),
        "courier": order.courier,
        "tracking_no": order.tracking_no or "",
        "cash_on_delivery": bool(order.cash_on_delivery),
    }


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


# -- checks that refuse one order ----------------------------------------------------------
def _refusal(order: ImportedOrder) -> InvalidInput | None:
    a = order.address
    values = {
        "order_no": order.order_no,
        "buyer_id": order.buyer_id,
        "recipient_name": order.recipient_name,
        "recipient_phone": order.recipient_phone,
        "province": a.province,
        "city": a.city,
        "district": a.district,
        "street": a.street,
        "postcode": a.postcode,
        "courier": order.courier,
        "tracking_no": order.tracking_no,
    }
    for item in order.items:
        values.setdefault("sku", item.sku)
        values.setdefault("title", item.title)
        if len(item.sku) > LIMITS["sku"]:
            values["sku"] = item.sku
        if len(item.title) > LIMITS["title"]:
            values["title"] = item.title
    for name, value in values.items():
        if len(value or "") > LIMITS[name]:
            return InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Order {order_no}: {field} is {length} characters long, at most {limit} "
                    "fit. Nothing of this order was stored.",
                ),
                order_no=order.order_no[:40],
                field=name,
                length=len(value),
                limit=LIMITS[name],
            )
    if not order.order_no.strip():
        return InvalidInput(QT_TRANSLATE_NOOP("UserError", "The order has no order number."))
    return None


def _twice(order: ImportedOrder | Unchanged, first_line: int) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "Order {order_no} is in the file twice with different values (lines {first} and "
            "{line}): only the first was taken. Export again, or fix the file.",
        ),
        order_no=order.order_no,
        first=first_line,
        line=order.line,
    )


# -- the plan for one order: computed without writing (a dry run stops here) ---------------
@dataclass
class Plan:
    record: ImportedOrder
    outcome: str  # new, updated, unchanged, conflict
    changes: dict[str, Any] = field(default_factory=dict)  # field → the platform's value
    conflicts: list[tuple[str, Any, Any]] = field(default_factory=list)  # field, ours, theirs
    stage: Stage | None = None  # the stage it moves to
    cancel_request: bool = False  # printed/packed here, ended on the platform: rule 2
    memo: str = ""  # a new seller memo to note
    snapshot: dict[str, Any] = field(default_factory=dict)
    snapshot_text: str = ""  # the snapshot as stored (``_snapshot_text``), written once
    stale_digest: bool = False  # the order's stored source digest is not the file's
    existing: Order | None = None


def new_stage(record: ImportedOrder) -> Stage:
    """The stage the platform's status means here; cash on delivery is paid at the door, so
    it prints at once."""
    stage = STAGE_OF[record.status]
    if stage is Stage.AWAITING_PAYMENT and record.cash_on_delivery:
        return Stage.PAID
    return stage


def plan_for(
    session: Session, record: ImportedOrder, order: Order | None, snap: dict[str, Any] | None = None
) -> Plan:
    snap = snap if snap is not None else theirs(record)
    if order is None:
        return Plan(record, "new", stage=new_stage(record), memo=record.seller_memo, snapshot=snap)
    plan = Plan(record, "unchanged", snapshot=snap, existing=order)
    now = ours(order)
    last = order.platform_values or {**now, "seller_memo": "", "status": None, "paid_at": None}
    for name in FIELDS:
        platform, here, before = snap[name], now[name], last.get(name)
        if platform in (before, here):
            continue  # not changed on the platform, or already the same here
        if here == before:
            plan.changes[name] = platform  # changed on the platform only
        elif not _open_conflict(session, order.id, name, platform):
            plan.conflicts.append((name, here, platform))
    if record.seller_memo and record.seller_memo != last.get("seller_memo"):
        plan.memo = record.seller_memo
    _plan_stage(session, plan, order)
    if record.paid_at is not None and order.paid_at is None:
        plan.changes["paid_at"] = record.paid_at
    if order.platform_status != record.status.value:
        plan.changes["platform_status"] = record.status.value
    moved = plan.changes or plan.stage or plan.cancel_request or plan.memo
    plan.outcome = "conflict" if plan.conflicts else "updated" if moved else "unchanged"
    if plan.outcome == "unchanged" and snap != last:
        plan.changes["platform_values"] = snap  # e.g. the same value reached from both sides
        plan.outcome = "updated"
    return plan


def _open_conflict(session: Session, order_id: int, name: str, platform: Any) -> bool:
    """Already listed, unsettled, with the same platform value: not listed twice."""
    rows = session.execute(
        select(ImportConflict.theirs).where(
            ImportConflict.order_id == order_id,
            ImportConflict.field == name,
            ImportConflict.settled_at.is_(None),
        )
    ).scalars()
    return any(value == platform for value in rows)


def _plan_stage(session: Session, plan: Plan, order: Order) -> None:
    current, status = Stage(order.stage), plan.record.status
    if current in (Stage.CANCELLED, Stage.CLOSED):
        return
    if status in ENDED:
        if current in (Stage.PRINTED, Stage.PACKED):
            plan.cancel_request = not _cancel_under_way(session, order)
            return
        target = (
            Stage.CANCELLED
            if current in (Stage.AWAITING_PAYMENT, Stage.PAID) or status is PlatformStatus.CANCELLED
            else Stage.CLOSED
        )
        if current in (Stage.SHIPPED, Stage.DELIVERED):
            target = Stage.CLOSED  # after the parcel left: the platform refunded, the case is over
        plan.stage = target
        return
    target = new_stage(plan.record)
    if RANK[target] > RANK[current] and not (
        target is Stage.PAID and current is not Stage.AWAITING_PAYMENT
    ):
        plan.stage = target


def _cancel_under_way(session: Session, order: Order) -> bool:
    return (
        session.execute(
            select(ChangeRequest.id).where(
                ChangeRequest.order_id == order.id,
                ChangeRequest.kind == RequestKind.CANCEL.value,
                ChangeRequest.state.in_([s.value for s in ACTIVE]),
            )
        ).first()
        is not None
    )


def preview_of(plan: Plan) -> PreviewOrder:
    r, order = plan.record, plan.existing
    stage = (plan.stage or Stage(order.stage)) if order is not None else new_stage(r)
    recipient = plan.snapshot["recipient"] if order is None else ours(order)["recipient"]
    if "recipient" in plan.changes:
        recipient = plan.changes["recipient"]
    return PreviewOrder(
        order_no=r.order_no,
        outcome=plan.outcome,
        stage=stage.value,
        recipient=recipient["name"],
        phone=recipient["phone"],
        country=recipient["country"],
        province=recipient["province"],
        city=recipient["city"],
        district=recipient["district"],
        street=recipient["street"],
        postcode=recipient["postcode"],
        address_lines=tuple(recipient["lines"]),
        sensitivity=recipient["sensitivity"],
        items=tuple(
            (i.sku, i.title, dict(i.attributes), i.quantity, _money(i.price)) for i in r.items
        ),
        buyer_message=r.buyer_message,
        seller_memo=r.seller_memo,
        total=_money(r.total),
    )


# -- writing one chunk ----------------------------------------------------------------------
@dataclass
class _Context:
    actor: Actor
    shop_id: int
    platform: str
    file: str  # the orders file's name, cited in every audit entry
    run_id: int


def _existing(session: Session, shop_id: int, numbers: list[str]) -> dict[str, Order]:
    if not numbers or not shop_id:
        return {}
    rows = session.execute(
        select(Order)
        .where(Order.shop_id == shop_id, Order.order_no.in_(numbers))
        .options(selectinload(Order.items))
    ).scalars()
    return {o.order_no: o for o in rows}


def _note(
    session: Session, ctx: _Context, order_id: int, text: str, now: datetime, flagged: bool = False
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


def _insert_new(
    session: Session, ctx: _Context, plans: list[Plan], now: datetime
) -> dict[str, int]:
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
                _money(r.total), r.currency, raw.flag(r.cash_on_delivery), r.status.value,
                p.snapshot_text or raw.json(p.snapshot), raw.json(dict(r.special_requests)),
                stamp, stamp, ctx.actor.user_id, 1, r.source_digest or None,
            )
        )  # fmt: skip
        for position, i in enumerate(r.items):
            items.append(
                (item_id, order_id, position, i.sku, i.title, raw.json(dict(i.attributes)),
                 i.quantity, _money(i.price))
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


def _apply(session: Session, ctx: _Context, plan: Plan, now: datetime) -> dict[str, Any]:
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
            before[name], after[name] = None, _time(value)
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
    session: Session, ctx: _Context, order: Order, record: ImportedOrder, now: datetime
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


def _catalogue(
    session: Session, shop_id: int, items: Iterable[ImportedItem], now: datetime
) -> None:
    """Every SKU seen, with its latest title and attributes."""
    seen: dict[str, ImportedItem] = {}
    for item in items:
        if item.sku:
            seen[item.sku] = item
    if not seen:
        return
    known = {
        c.sku: c
        for c in session.execute(
            select(CatalogueItem).where(
                CatalogueItem.shop_id == shop_id, CatalogueItem.sku.in_(list(seen))
            )
        ).scalars()
    }
    fresh = []
    for sku, item in seen.items():
        entry = known.get(sku)
        if entry is None:
            fresh.append(
                {
                    "shop_id": shop_id,
                    "sku": sku,
                    "title": item.title,
                    "attributes": dict(item.attributes),
                    "barcode": "",
                    "updated_at": now,
                }
            )
        elif entry.title != item.title or entry.attributes != dict(item.attributes):
            entry.title, entry.attributes, entry.updated_at = item.title, dict(item.attributes), now
    if fresh:
        session.execute(insert(CatalogueItem), fresh)


def _snapshot_text(snap: dict[str, Any]) -> str:
    """``platform_values`` as an import writes it (``_Raw.json``): compared as text first."""
    return json.dumps(snap, ensure_ascii=False)


def _stored_values(
    session: Session, shop_id: int, numbers: list[str]
) -> dict[str, tuple[str | None, str]]:
    """Each known order's ``platform_values`` as the database holds the text (no decoding),
    and its source digest ("" when it has none)."""
    if not shop_id or not numbers:
        return {}
    rows = session.execute(
        select(Order.order_no, cast(Order.platform_values, Text), Order.source_digest).where(
            Order.shop_id == shop_id, Order.order_no.in_(numbers)
        )
    )
    return {number: (text, digest or "") for number, text, digest in rows}


def known_digests(session: Session, shop_id: int) -> dict[str, str]:
    """The shop's orders' source digests: the reader skips those whose rows read the same."""
    if not shop_id:
        return {}
    rows = session.execute(
        select(Order.order_no, Order.source_digest).where(
            Order.shop_id == shop_id, Order.source_digest.is_not(None)
        )
    )
    return {number: digest or "" for number, digest in rows}


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


def _same(stored: str | None, snap: dict[str, Any], text: str) -> bool:
    """The platform says what it said at the last import: the text as written, or (written
    by another serializer) the same values."""
    return stored is not None and (stored == text or json.loads(stored) == snap)


def _plans(session: Session, shop_id: int, records: list[ImportedOrder]) -> list[Plan]:
    """Each order's plan. An order whose platform values are those of the last import is
    unchanged without loading it: the platform said nothing new (most of a re-import)."""
    snaps = {r.order_no: theirs(r) for r in records}
    texts = {n: _snapshot_text(v) for n, v in snaps.items()}
    stored = _stored_values(session, shop_id, list(snaps))
    moved = [n for n, (v, _d) in stored.items() if not _same(v, snaps[n], texts[n])]
    existing = _existing(session, shop_id, moved)
    plans = []
    for r in records:
        snap = snaps[r.order_no]
        if r.order_no not in stored:
            plans.append(plan_for(session, r, None, snap))
        elif r.order_no in existing:
            plans.append(plan_for(session, r, existing[r.order_no], snap))
        else:
            plans.append(Plan(r, "unchanged", snapshot=snap))
        plans[-1].snapshot_text = texts[r.order_no]
        plans[-1].stale_digest = stored.get(r.order_no, (None, ""))[1] != r.source_digest
    return plans


def _all_unchanged(session: Session, *, ctx: _Context, batch: _Batch) -> bool:
    """A read, before taking the write lock: does this chunk hold nothing new at all?"""
    stored = _stored_values(session, ctx.shop_id, [r.order_no for r in batch.orders])
    if len(stored) < len(batch.orders):
        return False  # a new order (the whole of a first import: no snapshot made for it)
    for record in batch.orders:
        values, digest = stored[record.order_no]
        if digest != record.source_digest:
            return False  # unchanged perhaps, but its digest is to be kept: a write
        snap = theirs(record)
        if not _same(values, snap, _snapshot_text(snap)):
            return False
    return True


def _write_chunk(
    session: Session,
    ctx: _Context,
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
    plans = _plans(session, ctx.shop_id, plans_in)
    counts = Counts(refused=len(refused), unchanged=unparsed)
    fresh = [p for p in plans if p.outcome == "new"]
    if fresh:
        _insert_new(session, ctx, fresh, now)
    changed: list[tuple[str, str, str, Any, Any]] = []
    for plan in plans:
        setattr(counts, _bucket(plan.outcome), getattr(counts, _bucket(plan.outcome)) + 1)
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
    _catalogue(session, ctx.shop_id, moved, now)
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
    _advance(session, ctx.run_id, _Unwritten(taken, last_line, counts), refused, now)
    return counts


@dataclass
class _Unwritten:
    """Chunks found unchanged by a read, so never written: the run records them with the
    next write (after a crash they are read again, and found unchanged again)."""

    taken: int = 0
    last_line: int = 0
    counts: Counts = field(default_factory=Counts)

    def add(self, batch: _Batch) -> Counts:
        counts = Counts(unchanged=len(batch.orders) + batch.unparsed)
        self.taken += batch.taken
        self.last_line = max(self.last_line, batch.last_line)
        self.counts.add(counts)
        return counts


def _advance(
    session: Session, run_id: int, done: _Unwritten, refused: list[RefusedLine], now: datetime
) -> None:
    """The run's progress, in the transaction of what it counts."""
    run = session.get(ImportRun, run_id, with_for_update=True)
    assert run is not None
    run.records_done += done.taken
    run.last_line = max(run.last_line, done.last_line)
    for name in ("new", "updated", "unchanged", "conflicts", "refused"):
        setattr(run, name, getattr(run, name) + getattr(done.counts, name))
    if refused:
        run.refused_rows = [*run.refused_rows, *(_stored(r) for r in refused)]
    run.updated_at = now


def _write_batch(
    session: Session, *, ctx: _Context, batch: _Batch, unwritten: _Unwritten
) -> Counts:
    _advance(session, ctx.run_id, unwritten, [], db_now(session))
    return _write_chunk(
        session, ctx, batch.orders, batch.refused, batch.taken, batch.last_line, batch.unparsed
    )


def _bucket(outcome: str) -> str:
    return "conflicts" if outcome == "conflict" else outcome


def _stored(row: RefusedLine) -> dict[str, Any]:
    return {
        "line": row.line,
        "order_no": row.order_no,
        "problem": row.problem.template,
        "params": {k: str(v) for k, v in row.problem.params.items()},
        "raw": row.raw,
        **({"more": list(row.more)} if row.more else {}),
    }


# -- the whole file ------------------------------------------------------------------------
def file_sha256(paths: Iterable[Path]) -> str:
    """One digest over the files, whatever order they were given in (Taobao's orders file
    and its items file are one export); each file read in blocks, never whole."""
    digests = []
    for path in paths:
        one = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                one.update(block)
        digests.append(one.hexdigest())
    return hashlib.sha256("".join(sorted(digests)).encode()).hexdigest()


@dataclass
class _Batch:
    orders: list[ImportedOrder]
    refused: list[RefusedLine]
    taken: int  # records of the file consumed (orders, refused rows, duplicates)
    last_line: int
    progress: float = 0.0  # the fraction of the file read when this chunk was complete
    unparsed: int = 0  # orders read as at their last import (``Unchanged``): nothing to do


def _line(row: RefusedRow) -> RefusedLine:
    return RefusedLine(
        row.line, row.order_no, row.problem.message(), row.problem, dict(row.raw), row.more
    )


def _batches(
    records: Iterator[Record],
    skip: int,
    size: int,
    progress: Callable[[], float] | None = None,
) -> Iterator[_Batch]:
    """The file's records in chunks of ``size`` orders; the first ``skip`` records (taken in
    by an interrupted run) are read past, their numbers kept to catch an order met twice.

    The readers already skip an order repeated as is and refuse one repeated with other
    values; this catches what a reader let through, by number alone."""
    seen: dict[str, int] = {}
    for record in islice(records, skip):
        if not isinstance(record, RefusedRow):
            seen.setdefault(record.order_no, record.line)
    batch = _Batch([], [], 0, 0)
    for record in records:
        batch.taken += 1
        batch.last_line = max(batch.last_line, record.line)
        if isinstance(record, RefusedRow):
            batch.refused.append(_line(record))
        elif isinstance(record, Unchanged):
            first = seen.get(record.order_no)
            if first is not None:
                twice = _twice(record, first)
                batch.refused.append(
                    RefusedLine(record.line, record.order_no, twice.message(), twice)
                )
            else:
                seen[record.order_no] = record.line
                batch.unparsed += 1
        else:
            problem = _refusal(record)
            first = seen.get(record.order_no)
            if problem is None and first is not None:
                problem = _twice(record, first)
            if problem is not None:
                batch.refused.append(
                    RefusedLine(record.line, record.order_no, problem.message(), problem)
                )
            else:
                seen[record.order_no] = record.line
                batch.orders.append(record)
        if len(batch.orders) + batch.unparsed >= size:
            batch.progress = progress() if progress is not None else 0.0
            yield batch
            batch = _Batch([], [], 0, 0)
    if batch.taken:
        batch.progress = 1.0
        yield batch


def import_orders(
    db: Database,
    actor: Actor,
    reading: Reading,
    paths: list[Path],
    *,
    shop: str | None = None,
    dry_run: bool = False,
    chunk: int = CHUNK,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[float, Counts], None] | None = None,
) -> ImportSummary:
    """Import an opened export (``reading.open_reading``) into a shop; see the module doc.

    ``cancel`` is asked between chunks: True stops after the chunk just written (the run
    stays unfinished, so the same file again completes it). ``dry_run`` computes the counts
    and the first orders as they will be stored, and writes nothing.
    """
    sha = file_sha256(paths)
    files = tuple(reading.files)
    if dry_run:
        return _rehearse(db, actor, reading, sha, shop)
    setup = db.write(lambda s: _start(s, actor, reading, files, sha, shop))
    summary = ImportSummary(
        format=reading.format.value,
        shop=setup.shop,
        shop_created=setup.created,
        files=files,
        sha256=sha,
        counts=Counts(),
        refused=[],
        run_id=setup.run_id,
        resumed_after=setup.resume,
    )
    if setup.finished:
        summary.already_imported = summary.finished = True
        summary.counts = setup.counts
        return summary
    ctx = _Context(actor, setup.shop_id, reading.platform, files[0], setup.run_id)
    reading.known.update(db.read(partial(known_digests, shop_id=setup.shop_id)))
    unwritten, committed = _Unwritten(), 0.0
    for batch in _read(reading, setup.resume, chunk):
        if not batch.refused and (
            not batch.orders or db.read(partial(_all_unchanged, ctx=ctx, batch=batch))
        ):
            counts = unwritten.add(batch)  # nothing to write: no write lock taken
        else:
            if db.is_sqlite:
                # SQLite's write lock is not fair: a writer on another PC polls for it (busy
                # timeout) and would lose it to the next chunk every time; this gap is its
                # turn. Reading and comparing the next chunk fill most of it.
                time.sleep(max(0.0, SQLITE_TURN - (time.monotonic() - committed)))
            counts = db.write(partial(_write_batch, ctx=ctx, batch=batch, unwritten=unwritten))
            unwritten, committed = _Unwritten(), time.monotonic()
        summary.counts.add(counts)
        summary.refused.extend(batch.refused)
        if progress is not None:
            progress(batch.progress, summary.counts)
        if cancel is not None and cancel():
            db.write(partial(_finish, run_id=setup.run_id, unwritten=unwritten, done=False))
            summary.cancelled = True
            return summary
    db.write(partial(_finish, run_id=setup.run_id, unwritten=unwritten))
    summary.finished = True
    return summary


PROCESS_BYTES = 4 << 20  # files this big are read by a process of their own


def _read(reading: Reading, skip: int, size: int) -> Iterator[_Batch]:
    """The file's chunks, the next ones read while one is written. Parsing is Python, which
    runs one thread at a time: a big file is read by a process of its own, so that reading
    and writing each have a core (a 100,000-order export otherwise waits for its reading half
    the time); a small one by a thread, as a process takes a moment to start."""
    recipe = reading.reopen
    if recipe is not None and sum(_size(p) for p in recipe.paths) >= PROCESS_BYTES:
        return _from_process(recipe, reading.known, skip, size)
    return _ahead(_batches(reading.records, skip, size, reading.progress))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _produce(recipe: ReadingRecipe, known: dict[str, str], skip: int, size: int, out: Any) -> None:
    """The reader process: the chunks into ``out``, then None; or the error that stopped it."""
    try:
        reading = open_reading(list(recipe.paths), format=recipe.format, mapping=recipe.mapping)
        reading.known.update(known)
        for batch in _batches(reading.records, skip, size, reading.progress):
            out.put(batch)
        out.put(None)
    except BaseException as error:  # the file's problem, raised where the merge reads
        out.put(error)


def _from_process(
    recipe: ReadingRecipe, known: dict[str, str], skip: int, size: int
) -> Iterator[_Batch]:
    # spawn, not fork: forking a process with Qt's and the database's threads is unsafe
    context = multiprocessing.get_context("spawn")
    chunks: Any = context.Queue(maxsize=2)  # memory stays flat: two chunks wait at most
    reader = context.Process(
        target=_produce,
        args=(recipe, known, skip, size, chunks),
        name="import-reader",
        daemon=True,
    )
    reader.start()
    try:
        while True:
            try:
                item = chunks.get(timeout=1.0)
            except Empty:
                if reader.is_alive():
                    continue
                try:  # what it put just before it ended
                    item = chunks.get(timeout=1.0)
                except Empty:
                    raise InvalidInput(READER_DIED) from None
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:  # done, cancelled or failed: the reader goes too
        if reader.is_alive():
            reader.terminate()
        reader.join(timeout=5)
        chunks.close()


READER_DIED = QT_TRANSLATE_NOOP(
    "UserError",
    "Reading the file stopped unexpectedly. What came in is kept: import the same file again "
    "to complete it.",
)
_DONE = object()


def _ahead(batches: Iterator[_Batch], depth: int = 2) -> Iterator[_Batch]:
    """Read the next chunks while this one is written: parsing is CPU in Python, writing
    mostly waits for the database (another process, or SQLite with the GIL released)."""
    queue: Queue[Any] = Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                queue.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for batch in batches:
                if not put(batch):
                    return
            put(_DONE)
        except BaseException as error:  # the file's problem, raised where the caller reads
            put(error)

    reader = threading.Thread(target=produce, name="import-reader", daemon=True)
    reader.start()
    try:
        while True:
            item = queue.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()  # cancelled or failed: the reader stops at its next chunk
        reader.join(timeout=5)


@dataclass
class _Setup:
    run_id: int
    shop_id: int
    shop: str
    created: bool
    resume: int
    finished: bool
    counts: Counts


def _new_run(
    kind: str, shop_id: int, fmt: str, files: list[str], sha: str, user: Any, now: datetime
) -> ImportRun:
    """A run that has taken nothing in yet (its counts start at 0 before any flush)."""
    return ImportRun(
        kind=kind,
        shop_id=shop_id,
        format=fmt,
        files=files,
        sha256=sha,
        by_id=user.id,
        by_name=user.display_name,
        started_at=now,
        updated_at=now,
        finished=False,
        cancelled=False,
        records_done=0,
        last_line=0,
        **dict.fromkeys(("new", "updated", "unchanged", "conflicts", "refused"), 0),
        refused_rows=[],
    )


def _start(
    session: Session,
    actor: Actor,
    reading: Reading,
    files: tuple[str, ...],
    sha: str,
    shop: str | None,
) -> _Setup:
    user = require(session, actor, Action.IMPORT_ORDERS)
    row, created = shops.for_import(session, actor, shop, reading.platform)
    run = session.execute(
        select(ImportRun)
        .where(ImportRun.kind == "orders", ImportRun.shop_id == row.id, ImportRun.sha256 == sha)
        .order_by(ImportRun.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    now = db_now(session)
    if run is not None:
        counts = Counts(run.new, run.updated, run.unchanged, run.conflicts, run.refused)
        return _Setup(run.id, row.id, row.name, created, run.records_done, run.finished, counts)
    run = _new_run("orders", row.id, reading.format.value, list(files), sha, user, now)
    session.add(run)
    session.flush()
    return _Setup(run.id, row.id, row.name, created, 0, False, Counts())


def _finish(
    session: Session, run_id: int, unwritten: _Unwritten | None = None, done: bool = True
) -> None:
    """The end of the file (``done``) or of this sitting (cancelled)."""
    if unwritten is not None:
        _advance(session, run_id, unwritten, [], db_now(session))
    run = session.get(ImportRun, run_id)
    assert run is not None
    run.finished, run.updated_at = done, db_now(session)


def _rehearse(
    db: Database, actor: Actor, reading: Reading, sha: str, shop: str | None
) -> ImportSummary:
    """Plans every chunk in read transactions: the counts and the first orders, no writes."""

    def setup(session: Session) -> tuple[shops.ShopRow, bool, bool]:
        require(session, actor, Action.IMPORT_ORDERS)
        row, created = shops.for_import(session, actor, shop, reading.platform, create=False)
        done = (
            row.id
            and session.execute(
                select(ImportRun.id).where(
                    ImportRun.kind == "orders",
                    ImportRun.shop_id == row.id,
                    ImportRun.sha256 == sha,
                    ImportRun.finished.is_(True),
                )
            ).first()
        )
        return row, created, bool(done)

    row, created, done = db.read(setup)
    summary = ImportSummary(
        format=reading.format.value,
        shop=row.name,
        shop_created=created,
        files=tuple(reading.files),
        sha256=sha,
        counts=Counts(),
        refused=[],
        dry_run=True,
        already_imported=done,
    )
    for batch in _batches(reading.records, 0, CHUNK):

        def plan(session: Session, b: _Batch = batch) -> list[Plan]:
            return _plans(session, row.id, b.orders)

        plans = db.read(plan)
        summary.refused.extend(batch.refused)
        summary.counts.refused += len(batch.refused)
        for p in plans:
            bucket = _bucket(p.outcome)
            setattr(summary.counts, bucket, getattr(summary.counts, bucket) + 1)
            if len(summary.preview) < PREVIEW:
                summary.preview.append(preview_of(p))
    summary.finished = True
    return summary


# -- the catalogue ---------------------------------------------------------------------------
@dataclass
class CatalogueSummary:
    shop: str
    file: str
    sha256: str
    new: int
    updated: int
    unchanged: int
    refused: list[RefusedLine]
    already_imported: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "shop": self.shop,
            "file": self.file,
            "sha256": self.sha256,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "refused": len(self.refused),
            "refused_rows": [r.to_json() for r in self.refused],
            "already_imported": self.already_imported,
        }


def import_catalogue(
    db: Database, actor: Actor, path: Path, *, shop: str | None = None, chunk: int = 2000
) -> CatalogueSummary:
    """The shop's SKUs from a products export (Shopify), each chunk its own transaction."""
    from app.services.imports.reading import open_catalogue

    reading = open_catalogue(Path(path))
    sha = file_sha256([Path(path)])

    def start(session: Session) -> tuple[int, str, int, bool]:
        user = require(session, actor, Action.IMPORT_CATALOGUE)
        row, _created = shops.for_import(session, actor, shop, "shopify")
        done = session.execute(
            select(ImportRun.id).where(
                ImportRun.kind == "catalogue",
                ImportRun.shop_id == row.id,
                ImportRun.sha256 == sha,
                ImportRun.finished.is_(True),
            )
        ).first()
        now = db_now(session)
        run = _new_run("catalogue", row.id, "shopify", [reading.file], sha, user, now)
        run.finished = bool(done)
        if done:
            return 0, row.name, row.id, True
        session.add(run)
        session.flush()
        return run.id, row.name, row.id, False

    run_id, shop_name, shop_id, done = db.write(start)
    summary = CatalogueSummary(shop_name, reading.file, sha, 0, 0, 0, [], already_imported=done)
    if done:
        return summary

    def write(session: Session, entries: list[Any], refused: list[RefusedLine]) -> None:
        require(session, actor, Action.IMPORT_CATALOGUE)
        now = db_now(session)
        by_sku = {e.sku: e for e in entries}
        known = {
            c.sku: c
            for c in session.execute(
                select(CatalogueItem).where(
                    CatalogueItem.shop_id == shop_id, CatalogueItem.sku.in_(list(by_sku))
                )
            ).scalars()
        }
        for sku, entry in by_sku.items():
            item = known.get(sku)
            if item is None:
                session.add(
                    CatalogueItem(
                        shop_id=shop_id,
                        sku=sku,
                        title=entry.title,
                        attributes=dict(entry.attributes),
                        barcode=entry.barcode,
                        updated_at=now,
                    )
                )
                summary.new += 1
            elif (item.title, item.attributes, item.barcode) != (
                entry.title,
                dict(entry.attributes),
                entry.barcode,
            ):
                item.title, item.attributes = entry.title, dict(entry.attributes)
                item.barcode, item.updated_at = entry.barcode, now
                summary.updated += 1
            else:
                summary.unchanged += 1
        run = session.get(ImportRun, run_id)
        assert run is not None
        run.records_done += len(entries) + len(refused)
        run.new, run.updated, run.unchanged = summary.new, summary.updated, summary.unchanged
        run.refused += len(refused)
        run.refused_rows = [*run.refused_rows, *(_stored(r) for r in refused)]
        run.updated_at = now

    entries: list[Any] = []
    refused: list[RefusedLine] = []
    for record in reading.records:
        if isinstance(record, RefusedRow):
            refused.append(_line(record))
        elif len(record.sku) > LIMITS["sku"] or len(record.title) > LIMITS["title"]:
            problem = InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "SKU {sku}: the SKU or its title is too long."),
                sku=record.sku[:64],
            )
            refused.append(RefusedLine(0, record.sku[:64], problem.message(), problem))
        else:
            entries.append(record)
        if len(entries) >= chunk:
            db.write(partial(write, entries=entries, refused=refused))
            summary.refused.extend(refused)
            entries, refused = [], []
    db.write(partial(write, entries=entries, refused=refused))
    summary.refused.extend(refused)
    db.write(lambda s: _finish(s, run_id))
    return summary
