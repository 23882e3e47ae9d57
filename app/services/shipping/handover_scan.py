"""Scanning parcels into the courier's open hand-over list, taking one out, and reading the
lists (docs/shipments.md): a scan reads the order (or the exchange's case) and writes one row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import (
    Case,
    ChangeRequest,
    Handover,
    HandoverParcel,
    Order,
    Shop,
    Stage,
)
from app.models.errors import NotFound
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.shipping.handover_couriers import list_courier
from app.services.shipping.handover_rules import (
    HandoverList,
    Parcel,
    already,
    clean_waybill,
    exchange_problem,
    holder,
    list_parcels,
    open_list,
    order_problem,
    under_way,
)


@dataclass(frozen=True)
class Scanned:
    tracking_no: str
    order_nos: tuple[str, ...]
    count: int  # parcels in the list now
    parcels: tuple[Parcel, ...] = ()  # the rows this scan added to the list
    case_no: str = ""  # an exchange parcel: its case (order_nos: the original order)


@dataclass
class _Found:
    """What a scanned number names, read in one query: its orders (each with its shop's name
    and its change under way, if any) or, when no order has it, the exchange's case with the
    original order's number and shop."""

    orders: list[Order] = field(default_factory=list)
    shops: dict[int, str] = field(default_factory=dict)
    requests: dict[int, ChangeRequest] = field(default_factory=dict)
    case: Case | None = None
    case_order: tuple[str, str] = ("", "")

    def parcels(self, number: str, now: datetime) -> tuple[Parcel, ...]:
        """The list's rows the scan adds, as ``list_parcels`` reads them back."""
        if self.case is not None:
            order_no, shop = self.case_order
            return (Parcel(number, order_no, shop, now, self.case.case_no),)
        return tuple(Parcel(number, o.order_no, self.shops[o.id], now) for o in self.orders)


def _orders_of(session: Session, number: str) -> _Found:
    """The orders with this waybill number or, when none has it, the exchange case."""
    found = _Found()
    rows = session.execute(
        select(Order, Shop.name, ChangeRequest)
        .join(Shop, Shop.id == Order.shop_id)
        .outerjoin(ChangeRequest, (ChangeRequest.order_id == Order.id) & under_way())
        .where(Order.tracking_no == number)
        .order_by(Order.id, ChangeRequest.id)
    )
    for order, shop, request in rows:  # the newest request under way last
        if order.id not in found.shops:
            found.orders.append(order)
            found.shops[order.id] = shop
        if request is not None:
            found.requests[order.id] = request
    if found.orders:
        return found
    exchange = session.execute(
        select(Case, Order.order_no, Shop.name)
        .join(Order, Order.id == Case.order_id)
        .join(Shop, Shop.id == Order.shop_id)
        .where(Case.exchange_tracking_no == number)
    ).one_or_none()
    if exchange is None:  # also a case without its order: nothing to hand over
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "UserError",
                "No order has waybill number {number}: check the label, or record the number "
                "on its order first.",
            ),
            number=number,
        )
    found.case, found.case_order = exchange[0], (exchange[1], exchange[2])
    return found


def scan(session: Session, actor: Actor, courier: str, waybill: str) -> Scanned:
    """Add the parcel with this waybill number to the courier's open list (opened if none).

    Six statements whatever the tables' sizes, each an index probe: the account with its
    roles, the number's holder, its orders with their shops and changes under way, the clock,
    the list's count (which locks it) and the new row. Another PC's scan of the same parcel
    cannot slip in between the check and the insert: ``Database.write`` runs one write at a
    time (SQLite's IMMEDIATE transaction, PostgreSQL's write lock), so no savepoint; the unique
    keys on ``handover_parcels`` stay the database's own guard."""
    require(session, actor, Action.HANDOVER_SCAN)
    named, number = list_courier(session, courier), clean_waybill(waybill)
    courier = named.name
    held = holder(session, number)
    if held is not None:
        raise already(held, courier, number)
    found = _orders_of(session, number)
    case = found.case
    if case is not None:
        problem = exchange_problem(case, named, number)
        if problem is not None:
            raise problem
    for order in found.orders:
        problem = order_problem(session, order, named, number, found.requests.get(order.id))
        if problem is not None:
            raise problem
    now = db_now(session)
    handover_id, count = _counted(session, actor, courier, now)
    rows = [(o.id, None) for o in found.orders] if case is None else [(None, case.id)]
    for order_id, case_id in rows:
        session.add(
            HandoverParcel(
                handover_id=handover_id,
                order_id=order_id,
                case_id=case_id,
                tracking_no=number,
                scanned_at=now,
                scanned_by_id=actor.user_id,
            )
        )
    session.flush()
    added = found.parcels(number, now)
    return Scanned(
        number,
        tuple(p.order_no for p in added),
        count,
        added,
        case.case_no if case is not None else "",
    )


def _counted(session: Session, actor: Actor, courier: str, now: datetime) -> tuple[int, int]:
    """The courier's open list with one parcel more (opened if none): its id and count. One
    UPDATE counts, locks the list and bumps its version (a manifest drawn meanwhile is drawn
    again), instead of reading it FOR UPDATE first."""
    row = session.execute(
        update(Handover)
        .where(Handover.open_courier == courier)
        .values(parcel_count=Handover.parcel_count + 1, version=Handover.version + 1)
        .returning(Handover.id, Handover.parcel_count)
        .execution_options(synchronize_session=False)
    ).first()
    if row is not None:
        return row[0], row[1]
    handover = Handover(
        courier=courier,
        open_courier=courier,
        opened_at=now,
        opened_by_id=actor.user_id,
        confirmed_by_name="",
        parcel_count=1,
    )
    session.add(handover)
    session.flush()
    return handover.id, 1


def remove(session: Session, actor: Actor, courier: str, waybill: str) -> int:
    """Take a parcel out of the open list before the manifest is confirmed; parcels left."""
    require(session, actor, Action.HANDOVER_SCAN)
    courier, number = list_courier(session, courier).name, clean_waybill(waybill)
    handover = open_list(session, courier, lock=True)
    gone = 0
    if handover is not None:
        gone = _count(
            session.execute(
                delete(HandoverParcel).where(
                    HandoverParcel.handover_id == handover.id,
                    HandoverParcel.tracking_no == number,
                )
            )
        )
    if handover is None or not gone:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "UserError", "Waybill {number} is not in the hand-over list of {courier}."
            ),
            number=number,
            courier=courier,
        )
    handover.parcel_count -= 1
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="handover.remove",
        entity="handover",
        entity_key=courier,
        before={"tracking_no": number},
        after=None,
    )
    return handover.parcel_count


def _count(result: Any) -> int:
    """Rows an UPDATE or DELETE touched."""
    return cast(CursorResult[Any], result).rowcount


def current(session: Session, actor: Actor, courier: str) -> HandoverList:
    """The courier's open list (empty, version 0, when none is open)."""
    require(session, actor, Action.HANDOVER_READ)
    courier = list_courier(session, courier).name
    handover = open_list(session, courier)
    if handover is None:
        return HandoverList(courier, (), 0)
    return HandoverList(courier, list_parcels(session, handover.id), handover.version)


def open_lists(session: Session, actor: Actor) -> list[tuple[str, int]]:
    """Each courier with an open list, and its parcel count."""
    require(session, actor, Action.HANDOVER_READ)
    rows = session.execute(
        select(Handover.courier, Handover.parcel_count)
        .where(Handover.open_courier.is_not(None))
        .order_by(Handover.courier)
    )
    return [(c, n) for c, n in rows]


def couriers(session: Session, actor: Actor) -> list[str]:
    """The couriers parcels are packed for (the page's choice), most recent first."""
    require(session, actor, Action.HANDOVER_READ)
    rows = session.execute(
        select(Order.courier)
        .where(Order.stage == Stage.PACKED.value, Order.courier != "")
        .group_by(Order.courier)
        .order_by(func.count().desc())
    )
    found = [c for (c,) in rows]
    exchanges = session.execute(  # exchange parcels packed and not yet handed over
        select(Case.exchange_courier)
        .where(Case.exchange_packed_at.is_not(None), Case.exchange_at.is_(None))
        .distinct()
    ).scalars()
    found += [c for c in exchanges if c and c not in found]
    return found + [c for c, _ in open_lists(session, actor) if c not in found]
