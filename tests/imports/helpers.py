"""Reading a fixture the way the merge does: every record, orders and refused rows apart."""

from __future__ import annotations

from pathlib import Path

from app.services.imports.reading import open_reading
from app.services.imports.records import FormatId, ImportedOrder, Reading, RefusedRow

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"


def read_all(
    *paths: Path, format: FormatId | None = None, mapping: dict[str, str] | None = None
) -> tuple[Reading, dict[str, ImportedOrder], list[RefusedRow]]:
    reading = open_reading(list(paths), format=format, mapping=mapping)
    orders: dict[str, ImportedOrder] = {}
    refused: list[RefusedRow] = []
    for record in reading.records:
        if isinstance(record, RefusedRow):
            refused.append(record)
        else:
            orders[record.order_no] = record
    return reading, orders, refused
