"""Made-to-order goods (定制): the order ships within 48 h of payment, not the same day
(docs/domain.md rule 4). Marked by whoever takes the order; the deadlines list it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db import db_now
from app.models import MadeToOrder, Order
from app.models.errors import Conflict
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.orders import lookup


def mark(session: Session, actor: Actor, order_no: str) -> str:
    require(session, actor, Action.ORDER_MADE_TO_ORDER)
    order = session.get(Order, lookup.order_id(session, order_no))
    assert order is not None
    if session.get(MadeToOrder, order.id) is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP("UserError", "Order {order_no} is marked made to order already."),
            order_no=order.order_no,
        )
    session.add(MadeToOrder(order_id=order.id, marked_by=actor.display_name,
                            marked_at=db_now(session)))  # fmt: skip
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="order.made_to_order",
        entity="order",
        entity_key=order.order_no,
        after={"made_to_order": True},
    )
    return order.order_no
