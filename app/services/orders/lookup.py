"""Finding and reading orders, and the order's own state moves."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Select, bindparam, func, select, text, update
from sqlalchemy.orm import Session, selectinload

from app.db import db_now
from app.models import Order, Shop, Stage, User
from app.models.errors import Conflict, InvalidInput, NotFound, TransitionRefused
from app.models.formats import name_key, short_time
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit, capabilities
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.rows import (
    OrderDetail,
    OrderRow,
    masked_detail,
    masked_row,
    order_detail,
)
from app.services.core.validation import clean_text, page_size, record_id
from app.services.orders import search_index
from app.services.orders.stages import PLATFORM_MOVES, STAGE_MOVES, StageMove, moves_from

PAGE = 200
FIND_LIMIT = 50
NAME_BATCH = 200  # name-search candidates fetched at a time
NAME_BATCHES = 10


def _row_columns() -> Select:  # rows of OrderRow's fields
    return select(
        Order.id,
        Order.order_no,
        Order.stage,
        Shop.name,
        Order.buyer_id,
        Order.recipient_name,
        Order.recipient_phone,
        Order.province,
        Order.city,
        Order.paid_at,
        Order.courier,
        Order.tracking_no,
        Order.total,
    ).join(Shop, Shop.id == Order.shop_id)


def _rows(session: Session, stmt: Select) -> list[OrderRow]:
    return [OrderRow(*r) for r in session.execute(stmt)]


def list_page(
    session: Session, *, stage: Stage | None = None, before_id: int | None = None, limit: int = PAGE
) -> list[OrderRow]:
    """Newest first, one page at a time (keyset paging: as fast at page 5,000 as at page 1)."""
    limit = page_size(limit)
    before_id = record_id(before_id, Label(QT_TRANSLATE_NOOP("Field", "Before")))
    stmt = _row_columns()
    if stage is not None:
        stmt = stmt.where(Order.stage == stage.value)
    if before_id is not None:
        stmt = stmt.where(Order.id < before_id)
    return _rows(session, stmt.order_by(Order.id.desc()).limit(limit))


def count(session: Session, *, stage: Stage | None = None) -> int:
    stmt = select(func.count()).select_from(Order)
    if stage is not None:
        stmt = stmt.where(Order.stage == stage.value)
    return session.execute(stmt).scalar_one()


def find(session: Session, text: str, *, limit: int = FIND_LIMIT) -> list[OrderRow]:
    """Order number, tracking number, phone or buyer id exactly; else any part of a name."""
    query = (text or "").strip()
    if not query:
        return []
    exact = _row_columns().where(
        (Order.order_no == query)
        | (Order.tracking_no == query)
        | (Order.recipient_phone == query)
        | (Order.buyer_id == query)
    )
    found = _rows(session, exact.order_by(Order.id.desc()).limit(limit))
    if found:
        return found
    key = name_key(query)
    if not any(ch.isalpha() for ch in key) or sum(ch.isdigit() for ch in key) >= 3:
        # a number (order, tracking, phone) that matched nothing exactly: names hold no digits
        return []
    if len(key) < 2:
        stmt = _row_columns().where(Order.name_key.contains(key, autoescape=True))
        return _rows(session, stmt.order_by(Order.id.desc()).limit(limit))
    # candidates come newest first in batches; the name itself decides (a few batches
    # at most: names holding every bigram of a query but not the query are rare)
    hits: list[OrderRow] = []
    before = None
    for _ in range(NAME_BATCHES):
        ids = search_index.candidate_ids(session, key, NAME_BATCH, before=before)
        if not ids:
            break
        stmt = _row_columns().where(
            Order.id.in_(ids), Order.name_key.contains(key, autoescape=True)
        )
        hits.extend(_rows(session, stmt.order_by(Order.id.desc()).limit(limit - len(hits))))
        if len(hits) >= limit or len(ids) < NAME_BATCH:
            break
        before = ids[-1]
    return hits


SHOP_SEPARATOR = "/"  # "Maple/#1001": the order #1001 of the shop Maple


def order_id(session: Session, order_no: str) -> int:
    """The order a person means by its number; ``SHOP/NUMBER`` names the shop.

    Numbers are unique per shop only (two Shopify shops both have #1001): a bare number
    two shops hold is refused with a message naming the shops and how to say which.
    """
    ref = (order_no or "").strip()
    found = session.execute(
        select(Order.id, Shop.name)
        .join(Shop, Shop.id == Order.shop_id)
        .where(Order.order_no == ref)
    ).all()
    if not found and SHOP_SEPARATOR in ref:
        shop, _, number = ref.rpartition(SHOP_SEPARATOR)
        found = session.execute(
            select(Order.id, Shop.name)
            .join(Shop, Shop.id == Order.shop_id)
            .where(Order.order_no == number.strip(), Shop.name == shop.strip())
        ).all()
    if not found:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "There is no order {order_no}."), order_no=order_no
        )
    if len(found) > 1:
        shops = sorted(name for _id, name in found)
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} is in more than one shop ({shops}): say which, as “{example}”.",
            ),
            order_no=ref,
            shops=", ".join(shops),
            example=f"{shops[0]}{SHOP_SEPARATOR}{ref}",
        )
    return int(found[0][0])


def _load(session: Session, order_no: str, *, for_update: bool = False) -> Order:
    stmt = (
        select(Order)
        .where(Order.id == order_id(session, order_no))
        .options(selectinload(Order.items), selectinload(Order.notes))
    )
    if for_update:
        stmt = stmt.with_for_update(of=Order)
    return session.execute(stmt).scalar_one()


def get(session: Session, order_no: str) -> OrderDetail:
    return order_detail(_load(session, order_no))


def details(session: Session, rows: list[OrderRow]) -> list[OrderDetail]:
    """Full details for a list of rows, in the same order, in three queries."""
    ids = [r.id for r in rows]
    stmt = (
        select(Order)
        .where(Order.id.in_(ids))
        .options(selectinload(Order.items), selectinload(Order.notes))
    )
    by_id = {o.id: o for o in session.execute(stmt).scalars()}
    return [order_detail(by_id[i]) for i in ids if i in by_id]


# -- the doors a person reads through: checked, contact details masked where the table says --
def may_see_contact(session: Session, actor: Actor) -> bool:
    """Refuse a person who may not read orders; True if they may see phones and streets."""
    user = require(session, actor, Action.ORDER_READ)
    return capabilities.refusal(Action.ORDER_CONTACT, None, user.role_set) is None


def search(session: Session, actor: Actor, text: str, *, limit: int = FIND_LIMIT) -> list[OrderRow]:
    """``find`` for a person."""
    full = may_see_contact(session, actor)
    return [r if full else masked_row(r) for r in find(session, text, limit=limit)]


def page(
    session: Session,
    actor: Actor,
    *,
    stage: Stage | None = None,
    before_id: int | None = None,
    limit: int = PAGE,
) -> list[OrderRow]:
    """``list_page`` for a person."""
    full = may_see_contact(session, actor)
    rows = list_page(session, stage=stage, before_id=before_id, limit=limit)
    return rows if full else [masked_row(r) for r in rows]


def show(session: Session, actor: Actor, order_no: str) -> OrderDetail:
    """``get`` for a person."""
    full = may_see_contact(session, actor)
    detail = get(session, order_no)
    return detail if full else masked_detail(detail)


def show_many(session: Session, actor: Actor, rows: list[OrderRow]) -> list[OrderDetail]:
    """``details`` for a person."""
    full = may_see_contact(session, actor)
    return [d if full else masked_detail(d) for d in details(session, rows)]


def conflict(session: Session, order: Order) -> Conflict:
    """The message for a change based on an out-of-date copy, naming who changed it and when."""
    who = session.get(User, order.updated_by_id) if order.updated_by_id else None
    if who is None:  # every staff change stamps its author: this one came from no one of them
        return Conflict(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} was changed at {time} by an import or the system while you "
                "had it open. Reload it and try again; nothing was saved.",
            ),
            order_no=order.order_no,
            time=short_time(order.updated_at),
        )
    return Conflict(
        QT_TRANSLATE_NOOP(
            "UserError",
            "Order {order_no} was changed by {name} at {time} while you had it open. "
            "Reload it and try again; nothing was saved.",
        ),
        order_no=order.order_no,
        name=who.display_name,
        time=short_time(order.updated_at),
    )


def check_version(session: Session, order: Order, expected_version: int | None) -> None:
    """Optimistic locking: refuse a change based on a copy someone else has since changed."""
    if expected_version is not None and order.version != expected_version:
        raise conflict(session, order)


def load_for_change(
    session: Session, actor: Actor, order_no: str, expected_version: int | None
) -> Order:
    """The order, locked and checked against the version the user saw."""
    order = _load(session, order_no, for_update=True)
    check_version(session, order, expected_version)
    return order


def touch(session: Session, order: Order, actor: Actor) -> None:
    """Stamp who changed the order and when (the conflict message names them)."""
    order.updated_at = db_now(session)
    order.updated_by_id = actor.user_id


def allowed_moves(order: OrderDetail, actor: Actor) -> list[Stage]:
    """Stages this person may move the order to by hand: the views enable buttons from this."""
    return [
        to
        for to, step in moves_from(Stage(order.stage))
        if step.by_hand and capabilities.may(Action(step.action), actor, order)
    ]


def move_stage(
    session: Session, actor: Actor, order: Order, to: Stage, *, by_hand: bool = False
) -> Stage:
    """The one guard of the order's stage: the move must be in the table (and, ``by_hand``,
    one a person makes with ``orders stage``), for this person; it stamps and audits."""
    current = Stage(order.stage)
    step = STAGE_MOVES.get((current, to))
    if step is None or (by_hand and not step.by_hand):
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "An order cannot go from “{frm}” to “{to}”."),
            frm=Label(current.label, "Stage"),
            to=Label(to.label, "Stage"),
        )
    require(session, actor, Action(step.action), order)
    order.stage = to.value
    for column, value in step.stamps(actor.user_id, db_now(session)).items():
        setattr(order, column, value)
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="order.stage",
        entity="order",
        entity_key=order.order_no,
        before={"stage": current.value},
        after={"stage": to.value},
    )
    return current


def platform_move(session: Session, actor: Actor, order: Order, to: Stage, now: datetime) -> None:
    """The guard of a move an import makes as the platform reported it (``PLATFORM_MOVES``):
    stamped like every move. The import required the move's capability once for its chunk
    (one transaction), and its own entry for the order audits the move with the file."""
    current = Stage(order.stage)
    step = PLATFORM_MOVES.get((current, to))
    if step is None:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "An order cannot go from “{frm}” to “{to}”."),
            frm=Label(current.label, "Stage"),
            to=Label(to.label, "Stage"),
        )
    order.stage = to.value
    for column, value in step.stamps(actor.user_id, now).items():
        setattr(order, column, value)


def bulk_move(session: Session, actor: Actor, frm: Stage, to: Stage) -> StageMove:
    """A move made on many orders in one UPDATE (a batch): checked here, stamped by the caller
    from the returned table entry, guarded in the UPDATE by ``frm``."""
    step = STAGE_MOVES[(frm, to)]
    require(session, actor, Action(step.action))
    return step


@dataclass(frozen=True)
class Fill:
    """What a batch writes on an order along with its stage move, in the move's own UPDATE:
    each row is rewritten once (on PostgreSQL every further UPDATE of 10,000 orders cost
    0.5–1 s of the write that holds every other PC's)."""

    courier: str = ""  # set where the order has none: the courier its label was printed with
    tracking_no: str | None = None  # a waybill number taken from a pool …
    waybill_source: str | None = None  # … and where it came from


def move_many(
    session: Session,
    actor: Actor,
    ids: list[int],
    frm: Stage,
    to: Stage,
    now: datetime,
    fills: Mapping[int, Fill] | None = None,
) -> int:
    """``bulk_move`` made: one UPDATE per thousand orders, each guarded by ``frm`` and
    stamped; the number moved (fewer than ``ids``: some left ``frm`` meanwhile). The orders
    in ``fills`` get their courier and waybill number in the same UPDATE."""
    step = bulk_move(session, actor, frm, to)
    stamps = step.stamps(actor.user_id, now)
    fills = fills or {}
    plain = [oid for oid in ids if oid not in fills]
    moved = 0
    for start in range(0, len(plain), 1000):
        result = session.execute(
            update(Order)
            .where(Order.id.in_(plain[start : start + 1000]), Order.stage == frm.value)
            .values(stage=to.value, version=Order.version + 1, **stamps)
            .execution_options(synchronize_session=False)
        )
        moved += cast(CursorResult[Any], result).rowcount
    filled = [(oid, fills[oid]) for oid in ids if oid in fills]
    if filled:
        moved += _move_filled(session, filled, frm, to, stamps)
    return moved


def _move_filled(
    session: Session, filled: list[tuple[int, Fill]], frm: Stage, to: Stage, stamps: dict
) -> int:
    """One ``UPDATE … FROM`` a table of (id, courier, number, source): PostgreSQL's unnest of
    arrays, SQLite's json_each of one JSON array."""
    columns = Order.__table__.c
    sets = ", ".join(f"{name} = :s_{name}" for name in stamps)
    params: dict[str, Any] = {f"s_{name}": value for name, value in stamps.items()}
    params |= {"to": to.value, "frm": frm.value}
    typed = [bindparam(f"s_{name}", type_=columns[name].type) for name in stamps]
    if session.get_bind().dialect.name == "postgresql":
        source = (
            "unnest(CAST(:ids AS integer[]), CAST(:couriers AS varchar[]),"
            " CAST(:numbers AS varchar[]), CAST(:sources AS varchar[])) AS t (id, c, n, s)"
        )
        params |= {
            "ids": [oid for oid, _ in filled],
            "couriers": [f.courier for _, f in filled],
            "numbers": [f.tracking_no for _, f in filled],
            "sources": [f.waybill_source for _, f in filled],
        }
        row: tuple[str, ...] = ("t.id", "t.c", "t.n", "t.s")
    else:
        source = "json_each(:rows) AS t"
        params["rows"] = json.dumps(
            [[oid, f.courier, f.tracking_no, f.waybill_source] for oid, f in filled]
        )
        row = tuple(f"json_extract(t.value, '$[{k}]')" for k in range(4))
    oid, courier, number, origin = row
    statement = text(
        f"UPDATE orders SET stage = :to, version = orders.version + 1, {sets},"
        f" courier = CASE WHEN orders.courier = '' THEN {courier} ELSE orders.courier END,"
        f" tracking_no = COALESCE({number}, orders.tracking_no),"
        f" waybill_source = CASE WHEN {number} IS NULL THEN orders.waybill_source"
        f" ELSE {origin} END"
        f" FROM {source} WHERE orders.id = {oid} AND orders.stage = :frm"
    ).bindparams(*typed)
    return int(cast(CursorResult[Any], session.execute(statement, params)).rowcount)


def move(
    session: Session, actor: Actor, order_no: str, to: Stage, *, expected_version: int | None
) -> OrderDetail:
    order = load_for_change(session, actor, order_no, expected_version)
    move_stage(session, actor, order, to, by_hand=True)
    return order_detail(order)


def set_tracking(
    session: Session,
    actor: Actor,
    order_no: str,
    *,
    courier: str,
    tracking_no: str,
    expected_version: int | None,
) -> OrderDetail:
    """Record the courier and tracking number (the printer or the warehouse)."""
    require(session, actor, Action.ORDER_TRACKING)
    order = load_for_change(session, actor, order_no, expected_version)
    courier = clean_text(courier, field=Label(QT_TRANSLATE_NOOP("Field", "Courier")), max_len=40)
    number = clean_text(
        tracking_no, field=Label(QT_TRANSLATE_NOOP("Field", "Tracking number")), max_len=40
    )
    if not re.fullmatch(r"[A-Za-z0-9\-]{6,40}", number):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{number}” is not a tracking number."), number=number
        )
    record_tracking(session, actor, order, courier, number)
    return order_detail(order)


def record_tracking(
    session: Session, actor: Actor, order: Order, courier: str, number: str
) -> None:
    """Write the courier and waybill number on the locked order, stamped and audited."""
    before = {"courier": order.courier, "tracking_no": order.tracking_no}
    order.courier, order.tracking_no = courier, number
    touch(session, order, actor)
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="order.tracking",
        entity="order",
        entity_key=order.order_no,
        before=before,
        after={"courier": courier, "tracking_no": number},
    )
