"""The hand-over to the courier (交接): scan each parcel's waybill number into the open list
of its courier, print the manifest (交接单) and confirm it: its orders are shipped.

A parcel is refused, with the reason, when its number is unknown, belongs to another
courier, is already in a list (scanned twice) or handed over, or when its order is not
packed, was cancelled, has a change or cancellation under way, or changed after it was
packed (docs/domain.md rule 2: retrieve the parcel). A refusal changes nothing.

An exchange parcel (docs/domain.md rule 6) goes the same way: the packing desk recorded its
label's number on its case, a scan finds the case by it, and confirming the manifest records
the exchange shipped on the case (its timeline and the order's note), with the same refusals.
"""

from __future__ import annotations

# the hand-over in three modules: the list and its refusals (handover_rules), scanning
# (handover_scan) and the manifest (handover_manifest); callers keep using handover.X
from app.services.shipping.handover_manifest import (
    Confirmed,
    confirm,
    next_manifest_no,
    preview,
)
from app.services.shipping.handover_rules import HandoverList, Parcel
from app.services.shipping.handover_scan import (
    Scanned,
    couriers,
    current,
    open_lists,
    remove,
    scan,
)

__all__ = [
    "Confirmed",
    "HandoverList",
    "Parcel",
    "Scanned",
    "confirm",
    "couriers",
    "current",
    "next_manifest_no",
    "open_lists",
    "preview",
    "remove",
    "scan",
]
