"""The packing desk: the order on the dispatch note, its item check, and "packed".

docs/packing.md states the rules cited here:

* P1 the dispatch note's barcode is the order number (app/printing/dispatch_note.py); an
  exchange order's note carries the original order's number, and its case number is
  accepted too;
* P2 an order is stopped at the desk, with the reason and who to ask, when it is not
  printed yet, already packed or further on, cancelled, has a cancellation under way, has a
  change waiting for the customer or with the order printer, or its printed slips are out
  of date (docs/domain.md rule 2: retrieve the slips or parcel, the printer reprints);
* P3 an item is ticked by scanning its SKU or a product barcode mapped to it (the shop's
  ``item_barcodes``, or the catalogue's barcode); a wrong item or another size or colour
  of an ordered product is refused naming what the order wants; a shop without item
  barcodes ticks by hand (``barcodes.ticks_by_hand``);
* P4 packed: every item ticked and the label's waybill number scanned; it must be the
  order's, or becomes the order's when it has none yet. One action, one transaction: the
  scans are checked again inside it, the order moves to packed through the stage guard,
  stamped who and when.

The desk shows what the warehouse may see: phone numbers and quoted addresses in notes,
requests and messages are masked as on every screen of theirs (docs/permissions.md).
"""

from __future__ import annotations

# the desk in four modules: what it shows (desk_order), the dispatch note's scan and its
# stops (desk_lookup), the item check (item_check) and packing (desk_pack); callers and
# tests keep using desk.X
from app.services.packing.desk_lookup import AFTER_SHIPPING, CASE_NO, PRINTER, scan_order
from app.services.packing.desk_order import DeskLine, DeskOrder, Packed, Tick
from app.services.packing.desk_pack import WAYBILL, assign_waybill, pack
from app.services.packing.item_check import check_item, remaining, tick_by_hand

__all__ = [
    "AFTER_SHIPPING",
    "CASE_NO",
    "PRINTER",
    "WAYBILL",
    "DeskLine",
    "DeskOrder",
    "Packed",
    "Tick",
    "assign_waybill",
    "check_item",
    "pack",
    "remaining",
    "scan_order",
    "tick_by_hand",
]
