"""What the packing desk shows and answers (docs/packing.md): the order (or exchange parcel)
on the desk with its lines, an item's tick, and the packed result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.models import (
    Stage,
)
from app.models.errors import UserError

Attributes = tuple[tuple[str, str], ...]


def attribute_text(attributes: Attributes) -> str:
    return " ".join(f"{k}:{v}" for k, v in attributes)


@dataclass(frozen=True)
class DeskLine:
    """One item line of the order, as the packer checks it."""

    position: int
    sku: str
    title: str
    attributes: Attributes
    quantity: int

    @property
    def attribute_text(self) -> str:
        return attribute_text(self.attributes)

    def to_json(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "title": self.title,
            "attributes": dict(self.attributes),
            "quantity": self.quantity,
        }


@dataclass(frozen=True)
class DeskOrder:
    """What the desk shows after the dispatch note's scan; ``stops`` say why not to pack."""

    ref: str  # the number the desk packs it by (SHOP/NUMBER where two shops share it)
    order_no: str
    shop: str
    stage: str
    version: int
    courier: str
    tracking_no: str | None
    lines: tuple[DeskLine, ...]
    special: tuple[tuple[str, str], ...]  # (kind, text): invoice, card, delivery, other
    buyer_message: str
    flagged_notes: tuple[str, ...]  # signed, as the dispatch note prints them
    by_hand: bool  # the shop ticks items by hand (no item barcodes), or an exchange
    stops: tuple[UserError, ...] = ()
    case_no: str | None = None  # an exchange parcel (rule 6): its case
    # product barcode or SKU (casefolded) → the SKU, for this order's products' variants
    codes: Mapping[str, str] = field(default_factory=dict)
    # SKU → (title, attributes) of this order's products' variants the catalogue knows
    variants: Mapping[str, tuple[str, Attributes]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "order_no": self.order_no,
            "shop": self.shop,
            "stage": self.stage,
            "version": self.version,
            "exchange_case": self.case_no,
            "courier": self.courier,
            "tracking_no": self.tracking_no,
            "items": [line.to_json() for line in self.lines],
            "special_requests": dict(self.special),
            "buyer_message": self.buyer_message,
            "flagged_notes": list(self.flagged_notes),
            "ticks_by_hand": self.by_hand,
            "stops": [str(s) for s in self.stops],
        }


@dataclass(frozen=True)
class Tick:
    """An item scan that checked out: the line, and how many of it are still to pack."""

    position: int
    line: DeskLine
    left: int  # of this line, after this one
    done: bool  # every line is complete


@dataclass(frozen=True)
class Packed:
    order_no: str
    case_no: str | None
    waybill: str
    courier: str
    assigned: bool  # the scanned number became the order's waybill number
    packed_by: str
    packed_at: datetime
    scanned: int
    by_hand: int

    def to_json(self) -> dict[str, Any]:
        return {
            "order_no": self.order_no,
            "exchange_case": self.case_no,
            "stage": Stage.PACKED.value if self.case_no is None else None,
            "waybill": self.waybill,
            "courier": self.courier,
            "waybill_assigned": self.assigned,
            "packed_by": self.packed_by,
            "packed_at": self.packed_at.isoformat(),
            "scanned": self.scanned,
            "ticked_by_hand": self.by_hand,
        }
