"""Changing one order: it is loaded locked and checked against the version the person saw
(optimistic locking), and stamped with who changed it and when, so a conflict can name them;
and the courier and tracking number typed by hand."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from app.db import db_now
from app.models import Order, User
from app.models.errors import Conflict, InvalidInput
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.rows import OrderDetail, order_detail
from app.services.core.validation import clean_text
from app.services.orders.lookup import load


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
    order = load(session, order_no, for_update=True)
    check_version(session, order, expected_version)
    return order


def touch(session: Session, order: Order, actor: Actor) -> None:
    """Stamp who changed the order and when (the conflict message names them)."""
    order.updated_at = db_now(session)
    order.updated_by_id = actor.user_id


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
