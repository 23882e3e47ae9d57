"""Packed (docs/packing.md P4): every item checked again, the label's waybill number scanned,
the order moved to packed (or the exchange stamped on its case) in one transaction."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.db import db_now
from app.models import (
    Order,
    Stage,
)
from app.models.errors import Conflict, InvalidInput, NotFound
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.dispatch import senders, waybills
from app.services.orders import lookup, moves
from app.services.packing.desk_lookup import (
    PRINTER,
    exchange_by_case_no,
    load_order,
    scan_order,
)
from app.services.packing.desk_order import (
    DeskOrder,
    Packed,
)
from app.services.packing.item_check import check_item, left_text, remaining, tick_by_hand

# -- P4: packed ----------
WAYBILL = re.compile(r"[A-Za-z0-9\-]{6,40}")


def pack(
    session: Session,
    actor: Actor,
    ref: str,
    *,
    items: Sequence[str] = (),
    by_hand: Mapping[int, int] | None = None,
    waybill: str,
    expected_version: int | None = None,
) -> Packed:
    """Pack the order (or exchange) ``ref``: the item scans and hand ticks are checked again
    here, the waybill number confirms the label, and the order moves to packed (P4)."""
    user = require(session, actor, Action.ORDER_PACK)
    if exchange_by_case_no(session, (ref or "").strip()) is None:
        # the order is locked before it is checked: nobody changes it between check and move
        with contextlib.suppress(NotFound):  # the desk's own message follows
            load_order(session, lookup.order_id(session, ref), for_update=True)
    desk = scan_order(session, actor, ref)
    if expected_version is not None and desk.version != expected_version:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} changed while it was on the packing desk: scan its dispatch "
                "note again. Nothing was saved.",
            ),
            order_no=desk.order_no,
        )
    if desk.stops:
        raise desk.stops[0]
    ticked: dict[int, int] = {}
    for code in items:
        tick = check_item(desk, ticked, code)
        ticked[tick.position] = ticked.get(tick.position, 0) + 1
    hand = 0
    for position, count in sorted((by_hand or {}).items()):
        for _ in range(count):
            tick = tick_by_hand(desk, ticked, position)
            ticked[tick.position] = ticked.get(tick.position, 0) + 1
            hand += 1
    if remaining(desk, ticked):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Not everything is checked yet. Still to pack: {left}."),
            left=left_text(desk, ticked),
        )
    number = (waybill or "").strip()
    if not number:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "Scan the waybill number on the shipping label to confirm it."
            )
        )
    if desk.tracking_no and waybills.normalise(number) != waybills.normalise(desk.tracking_no):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Label and order do not belong together: the label says {scanned}, order "
                "{order_no} has waybill number {number}. Find this order's label.",
            ),
            scanned=number,
            order_no=desk.order_no,
            number=desk.tracking_no,
        )
    if not WAYBILL.fullmatch(number):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{number}” is not a tracking number."), number=number
        )
    now = db_now(session)
    facts = {"waybill": number, "scanned": len(items), "by_hand": hand}
    if desk.case_no is not None:
        return _pack_exchange(session, actor, user.display_name, desk, number, now, facts)
    order = load_order(session, lookup.order_id(session, desk.ref), for_update=True)
    assigned, courier = False, order.courier
    if not order.tracking_no:
        courier = assign_waybill(session, actor, order, number)
        assigned = True
    moves.move_stage(session, actor, order, Stage.PACKED)
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=user.display_name,
        action="order.packed",
        entity="order",
        entity_key=order.order_no,
        after={**facts, "courier": courier, "waybill_assigned": assigned},
    )
    return Packed(
        order.order_no, None, number, courier, assigned, user.display_name, now, len(items), hand
    )


def assign_waybill(session: Session, actor: Actor, order: Order, number: str) -> str:
    """A typed or scanned waybill number (a hand-written label) becomes the order's, through
    the waybill numbers' own door (``waybills.assign_waybill``: the courier's pattern, never
    another order's number, the printed slips completed by it). The courier is the order's
    or its shop's default. Returns the courier."""
    courier = order.courier or senders.default_couriers(session).get(order.shop_id, "")
    if not courier:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} has no courier, and its shop no default courier: ask {ask} "
                "to set one before the label's number can be recorded.",
            ),
            order_no=order.order_no,
            ask=PRINTER,
        )
    ref = lookup.SHOP_SEPARATOR.join((order.shop.name, order.order_no))
    waybills.assign_waybill(session, actor, ref, courier, number)
    return order.courier


def _pack_exchange(
    session: Session,
    actor: Actor,
    name: str,
    desk: DeskOrder,
    number: str,
    now: datetime,
    facts: dict[str, Any],
) -> Packed:
    from app.services.cases import opening as cases
    from app.services.cases.checks import check_tracking_free

    case = cases.load(session, desk.ref, expected_version=desk.version)
    # the label's number is the exchange parcel's: the courier's hand-over finds the case by
    # it (docs/shipments.md), so it is no order's and no other case's
    waybills.refuse_taken(session, None, number)
    check_tracking_free(session, number, case, exchange=True)
    shop_id = case.order.shop_id if case.order else 0
    case.exchange_tracking_no = number
    case.exchange_courier = desk.courier or senders.default_couriers(session).get(shop_id, "")
    case.exchange_packed_by, case.exchange_packed_at = name, now
    cases.touch(session, case, actor)
    cases.record(session, actor, "case.exchange_packed", case, **facts)
    return Packed(
        desk.order_no,
        case.case_no,
        number,
        case.exchange_courier,
        False,
        name,
        now,
        facts["scanned"],
        facts["by_hand"],
    )
