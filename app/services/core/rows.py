"""Frozen rows the services hand out: screens never hold live ORM objects."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from app.models import Note, Order, OrderItem
from app.models.formats import signed


@dataclass(frozen=True)
class NoteView:
    id: int
    author: str
    created_at: datetime
    text: str
    flagged: bool
    kind: str
    corrects_id: int | None

    @property
    def display(self) -> str:
        return signed(self.text, self.created_at, self.author)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "author": self.author,
            "created_at": self.created_at.isoformat(),
            "text": self.text,
            "display": self.display,
            "flagged": self.flagged,
            "kind": self.kind,
            "corrects": self.corrects_id,
        }


@dataclass(frozen=True)
class ItemView:
    sku: str
    title: str
    attributes: dict[str, str]
    quantity: int
    price: Decimal

    @property
    def attribute_text(self) -> str:
        return " ".join(f"{k}:{v}" for k, v in self.attributes.items())

    def to_json(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "title": self.title,
            "attributes": dict(self.attributes),
            "quantity": self.quantity,
            "price": str(self.price),
        }


@dataclass(frozen=True)
class Recipient:
    name: str
    phone: str
    province: str
    city: str
    district: str
    street: str
    postcode: str

    @property
    def address(self) -> str:
        return f"{self.province}{self.city}{self.district}{self.street}"


@dataclass(frozen=True)
class OrderRow:
    """One line of the order list."""

    id: int
    order_no: str
    stage: str
    shop: str
    buyer_id: str
    recipient_name: str
    recipient_phone: str
    province: str
    city: str
    paid_at: datetime | None
    courier: str
    tracking_no: str | None
    total: Decimal


@dataclass(frozen=True)
class OrderDetail:
    id: int
    order_no: str
    shop: str
    stage: str
    buyer_id: str
    buyer_message: str
    recipient: Recipient
    paid_at: datetime | None  # None: awaiting payment
    courier: str
    tracking_no: str | None
    total: Decimal
    version: int
    updated_at: datetime
    updated_by: str | None
    items: tuple[ItemView, ...]
    notes: tuple[NoteView, ...]
    # special requests the slips must show, by kind (invoice, card, delivery, other)
    extras: dict[str, str] = field(default_factory=dict)
    country: str = "CN"
    address_lines: tuple[str, ...] = ()  # an address abroad
    sensitivity: str = "clear"  # Sensitivity: masked/encrypted details are not printed as real
    platform_status: str | None = None

    @property
    def flagged(self) -> bool:
        return any(n.flagged for n in self.notes)

    def to_json(self) -> dict[str, Any]:
        return {
            "order_no": self.order_no,
            "shop": self.shop,
            "stage": self.stage,
            "buyer_id": self.buyer_id,
            "buyer_message": self.buyer_message,
            "recipient": asdict(self.recipient),
            "paid_at": self.paid_at.isoformat() if self.paid_at else None,
            "country": self.country,
            "address_lines": list(self.address_lines),
            "sensitivity": self.sensitivity,
            "platform_status": self.platform_status,
            "courier": self.courier,
            "tracking_no": self.tracking_no,
            "total": str(self.total),
            "version": self.version,
            "updated_at": self.updated_at.isoformat(),
            "updated_by": self.updated_by,
            "items": [i.to_json() for i in self.items],
            "notes": [n.to_json() for n in self.notes],
            "special_requests": dict(self.extras),
        }


def note_view(note: Note) -> NoteView:
    return NoteView(
        note.id,
        note.author_name,
        note.created_at,
        note.text,
        note.flagged,
        note.kind,
        note.corrects_id,
    )


def item_view(item: OrderItem) -> ItemView:
    return ItemView(item.sku, item.title, dict(item.attributes or {}), item.quantity, item.price)


def order_detail(order: Order) -> OrderDetail:
    return OrderDetail(
        id=order.id,
        order_no=order.order_no,
        shop=order.shop.name,
        stage=order.stage,
        buyer_id=order.buyer_id,
        buyer_message=order.buyer_message,
        recipient=Recipient(
            order.recipient_name,
            order.recipient_phone,
            order.province,
            order.city,
            order.district,
            order.street,
            order.postcode,
        ),
        paid_at=order.paid_at,
        courier=order.courier,
        tracking_no=order.tracking_no,
        total=order.total,
        version=order.version,
        updated_at=order.updated_at,
        updated_by=order.updated_by.display_name if order.updated_by else None,
        items=tuple(item_view(i) for i in order.items),
        notes=tuple(note_view(n) for n in order.notes),
        extras=dict(order.extras or {}),
        country=order.country or "CN",
        address_lines=tuple(order.address_lines or ()),
        sensitivity=order.sensitivity or "clear",
        platform_status=order.platform_status,
    )


MASK = "****"


def masked_phone(phone: str) -> str:
    """The first three and last four digits, enough to match a parcel: 138****5678."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return f"{digits[:3]}{MASK}{digits[-4:]}" if len(digits) >= 7 else MASK if phone else ""


def masked_row(row: OrderRow) -> OrderRow:
    """The order list's line for someone who may not see contact details (no street in it)."""
    return replace(row, recipient_phone=masked_phone(row.recipient_phone))


# a mainland mobile number standing alone (not inside a longer tracking or order number)
MOBILE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?!\d)")
# the address quoted by an address change's note (changes/texts.py address_note): place up to
# the first comma, then name, phone, postcode
QUOTED_ADDRESS = re.compile(r"(新地址为：)([^，\n]*)")


def masked_text(text: str, *, district: str) -> str:
    """A note as someone who may not see contact details reads it: mobile numbers masked and
    a quoted new address cut after ``district`` (the place the order list shows), or whole."""

    def place(match: re.Match[str]) -> str:
        quoted = match.group(2)
        kept = quoted[: len(district)] if district and quoted.startswith(district) else ""
        return f"{match.group(1)}{kept}{MASK}"

    text = QUOTED_ADDRESS.sub(place, text)
    return MOBILE.sub(lambda m: masked_phone(m.group(0)), text)


def masked_detail(order: OrderDetail) -> OrderDetail:
    """The order for someone who may not see contact details: the phone masked, the address
    down to the district, also where a note quotes them (docs/permissions.md)."""
    r = order.recipient
    hidden = replace(r, phone=masked_phone(r.phone), street=MASK if r.street else "")
    district = f"{r.province}{r.city}{r.district}"
    notes = tuple(replace(n, text=masked_text(n.text, district=district)) for n in order.notes)
    return replace(order, recipient=hidden, notes=notes)
