"""Finding and reading orders: by number, by name, a page at a time, for a person or not."""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from app.models import Order, Shop, Stage
from app.models.errors import InvalidInput, NotFound
from app.models.formats import name_key
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import capabilities
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.rows import (
    OrderDetail,
    OrderRow,
    masked_detail,
    masked_row,
    order_detail,
)
from app.services.core.validation import page_size, record_id
from app.services.orders import search_index

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


def load(session: Session, order_no: str, *, for_update: bool = False) -> Order:
    """The order with its items and notes; ``for_update`` locks it for a change."""
    stmt = (
        select(Order)
        .where(Order.id == order_id(session, order_no))
        .options(selectinload(Order.items), selectinload(Order.notes))
    )
    if for_update:
        stmt = stmt.with_for_update(of=Order)
    return session.execute(stmt).scalar_one()


def get(session: Session, order_no: str) -> OrderDetail:
    return order_detail(load(session, order_no))


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
