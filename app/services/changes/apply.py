"""What a confirmed change request does to the order, and the words of its notes."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.models import ChangeRequest, Order, RequestKind, Sensitivity, SpecialKind
from app.models.formats import name_key
from app.services.changes.texts import (
    Address,
    address_note,
    attribute_note,
    attribute_words,
    item_by_sku,
    item_state,
)
from app.services.orders import editing, search_index


def special_value(order: Order, special: SpecialKind) -> str:
    """What the order says now for a special request (the courier is a column of its own)."""
    if special is SpecialKind.COURIER:
        return order.courier
    return (order.extras or {}).get(special.value, "")


def current_value(order: Order, req: ChangeRequest) -> Any:
    """The order's value that the request changes, as the request recorded it."""
    payload, kind = req.payload, RequestKind(req.kind)
    if kind is RequestKind.ADDRESS:
        return Address.of(order).as_dict()
    if kind is RequestKind.ATTRIBUTE:
        return item_state(item_by_sku(order, payload["item"]))
    if kind is RequestKind.SPECIAL:
        return special_value(order, SpecialKind(payload["special"]))
    return {"stage": order.stage}


def apply_to_order(session: Session, order: Order, req: ChangeRequest) -> None:
    """Make the confirmed change in the order; the old values stay in the request and audit."""
    payload = req.payload
    kind = RequestKind(req.kind)
    if current_value(order, req) != payload["old"]:
        # someone changed the same thing since this request was recorded
        raise editing.conflict(session, order)
    if kind is RequestKind.ADDRESS:
        new = Address(**payload["new"])
        new.apply(order)
        # the buyer gave the address in person: it is real now, even if the platform hid it
        order.sensitivity = Sensitivity.CLEAR.value
        order.name_key = name_key(new.name)
        search_index.reindex(session, order.id, order.name_key)
    elif kind is RequestKind.ATTRIBUTE:
        item = item_by_sku(order, payload["item"])
        item.sku = payload["new"]["sku"]
        item.attributes = dict(payload["new"]["attributes"])
    elif kind is RequestKind.SPECIAL:
        special = SpecialKind(payload["special"])
        if special is SpecialKind.COURIER:
            order.courier = payload["new"]
        else:
            order.extras = {**(order.extras or {}), special.value: payload["new"]}


def request_note(req: ChangeRequest) -> str:
    payload, kind = req.payload, RequestKind(req.kind)
    if kind is RequestKind.ADDRESS:
        return address_note(Address(**payload["new"]))
    if kind is RequestKind.ATTRIBUTE:
        return attribute_note(*attribute_words(payload["old"], payload["new"]))
    return req.summary  # special requests and cancellations are already in the seed's words


def new_words(req: ChangeRequest) -> str:
    payload, kind = req.payload, RequestKind(req.kind)
    if kind is RequestKind.ADDRESS:
        return f"新地址：{Address(**payload['new']).line()}"
    if kind is RequestKind.ATTRIBUTE:
        return attribute_words(payload["old"], payload["new"])[1]
    return str(payload["new"])
