"""Planning one order of an import: what the platform says against what AfterDesk holds.

Nothing here writes: a dry run stops at the plans, an import hands them to ``write``.
The rules are docs/imports.md's "How an import merges" (see ``merge``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    ChangeRequest,
    ImportConflict,
    Order,
    RequestKind,
    Stage,
)
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.changes.rules import ACTIVE
from app.services.core import bulk
from app.services.imports.records import (
    ImportedOrder,
    PlatformStatus,
)

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


# what an import does to an order, as the preview says it (the stored words are these keys)
OUTCOME_LABELS = {
    "new": QT_TRANSLATE_NOOP("Outcome", "new"),
    "updated": QT_TRANSLATE_NOOP("Outcome", "updated"),
    "unchanged": QT_TRANSLATE_NOOP("Outcome", "unchanged"),
    "conflict": QT_TRANSLATE_NOOP("Outcome", "conflict"),
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


# -- the platform's values, and ours, in one shape ----------------------------------------
def money(value: Decimal) -> str:
    return f"{Decimal(value):.2f}"


def iso_time(value: datetime | None) -> str | None:
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
            [i.sku, i.title, dict(i.attributes), i.quantity, money(i.price)] for i in order.items
        ],
        "special_requests": dict(order.special_requests),
        "total": money(order.total),
        "courier": order.courier,
        "tracking_no": order.tracking_no,
        "cash_on_delivery": order.cash_on_delivery,
        "seller_memo": order.seller_memo,
        "status": order.status.value,
        "paid_at": iso_time(order.paid_at),
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
            [i.sku, i.title, dict(i.attributes or {}), i.quantity, money(i.price)]
            for i in order.items
        ],
        "special_requests": dict(order.extras or {}),
        "total": money(order.total),
        "courier": order.courier,
        "tracking_no": order.tracking_no or "",
        "cash_on_delivery": bool(order.cash_on_delivery),
    }


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
    now = ours(order)
    last = order.platform_values or {**now, "seller_memo": "", "status": None, "paid_at": None}
    if record.items_from_summary and _same_count(last.get("items"), snap["items"]):
        # the orders file without its items file: its title and count stand in for the item,
        # never in place of the SKU and attributes an earlier import stored (imports.md)
        snap = {**snap, "items": last["items"]}
    plan = Plan(record, "unchanged", snapshot=snap, existing=order)
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
    plan_stage(session, plan, order)
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


def _same_count(stored: Any, summary: list[list[Any]]) -> bool:
    """One kind of item, as many as the orders file says: the platform changed nothing."""
    return (
        isinstance(stored, list)
        and len(stored) == len(summary) == 1
        and stored[0][3] == summary[0][3]
    )


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


def plan_stage(session: Session, plan: Plan, order: Order) -> None:
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


def _existing(session: Session, shop_id: int, numbers: list[str]) -> dict[str, Order]:
    if not numbers or not shop_id:
        return {}
    rows = session.execute(
        select(Order)
        .where(Order.shop_id == shop_id, bulk.among(session, Order.order_no, numbers))
        .options(selectinload(Order.items))
    ).scalars()
    return {o.order_no: o for o in rows}


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
            Order.shop_id == shop_id, bulk.among(session, Order.order_no, numbers)
        )
    )
    return {number: (text, digest or "") for number, text, digest in rows}


def _same(stored: str | None, snap: dict[str, Any], text: str) -> bool:
    """The platform says what it said at the last import: the text as written, or (written
    by another serializer) the same values."""
    return stored is not None and (stored == text or json.loads(stored) == snap)


class Snapshots:
    """Each order's platform values (``theirs``) and their text as stored, made once per
    chunk: the all-unchanged check before the write lock and the plans under it share them."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[dict[str, Any], str]] = {}

    def of(self, record: ImportedOrder) -> tuple[dict[str, Any], str]:
        made = self._made.get(record.order_no)
        if made is None:
            snap = theirs(record)
            made = self._made[record.order_no] = (snap, _snapshot_text(snap))
        return made


def plan_chunk(
    session: Session,
    shop_id: int,
    records: list[ImportedOrder],
    snapshots: Snapshots | None = None,
) -> list[Plan]:
    """Each order's plan. An order whose platform values are those of the last import is
    unchanged without loading it: the platform said nothing new (most of a re-import)."""
    made = snapshots if snapshots is not None else Snapshots()
    snaps = {r.order_no: made.of(r) for r in records}
    stored = _stored_values(session, shop_id, list(snaps))
    moved = [n for n, (v, _d) in stored.items() if not _same(v, *snaps[n])]
    existing = _existing(session, shop_id, moved)
    plans = []
    for r in records:
        snap, text = snaps[r.order_no]
        if r.order_no not in stored:
            plans.append(plan_for(session, r, None, snap))
        elif r.order_no in existing:
            plans.append(plan_for(session, r, existing[r.order_no], snap))
        else:
            plans.append(Plan(r, "unchanged", snapshot=snap))
        # the snapshot as written (plan_for keeps the stored items for an orders file alone)
        plans[-1].snapshot_text = (
            text if plans[-1].snapshot is snap else _snapshot_text(plans[-1].snapshot)
        )
        plans[-1].stale_digest = stored.get(r.order_no, (None, ""))[1] != r.source_digest
    return plans


def all_unchanged(
    session: Session, *, shop_id: int, orders: list[ImportedOrder], snapshots: Snapshots
) -> bool:
    """A read, before taking the write lock: does this chunk hold nothing new at all?"""
    stored = _stored_values(session, shop_id, [r.order_no for r in orders])
    if len(stored) < len(orders):
        return False  # a new order (the whole of a first import: no snapshot made for it)
    for record in orders:
        values, digest = stored[record.order_no]
        if digest != record.source_digest:
            return False  # unchanged perhaps, but its digest is to be kept: a write
        if not _same(values, *snapshots.of(record)):
            return False
    return True


def bucket(outcome: str) -> str:
    return "conflicts" if outcome == "conflict" else outcome
